"""The reporting-verb lexicon: which words introduce a claim, and as which speech act.

Verbs are listed by lemma with their act; inflected forms are generated (with a
table of irregular ones), so every tense and the participle are recognised:
``say / says / said / saying``. Phrases (``according to``, ``declined to
comment``, ``expressed confidence``) are matched on word tokens by
:func:`match_cue`.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from briefings.model import SpeechAct
from briefings.text._sentences import Token

__all__: list[str] = []


def _words(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


A = SpeechAct

# lemma -> act. "speech" verbs can introduce a quotation; "belief" verbs only a clause.
SPEECH_VERBS: dict[str, SpeechAct] = {
    "say": A.STATEMENT,
    "tell": A.STATEMENT,
    "add": A.STATEMENT,
    "note": A.STATEMENT,
    "state": A.STATEMENT,
    "remark": A.STATEMENT,
    "comment": A.STATEMENT,
    "continue": A.STATEMENT,
    "observe": A.STATEMENT,
    "recall": A.STATEMENT,
    "write": A.STATEMENT,
    "tweet": A.STATEMENT,
    "report": A.STATEMENT,
    "mention": A.STATEMENT,
    "point": A.STATEMENT,  # "pointed out"
    "quip": A.STATEMENT,
    "joke": A.STATEMENT,
    "recount": A.STATEMENT,
    "describe": A.STATEMENT,
    "reiterate": A.STATEMENT,
    "repeat": A.STATEMENT,
    "testify": A.STATEMENT,
    "specify": A.STATEMENT,
    "indicate": A.STATEMENT,
    "suggest": A.STATEMENT,
    "signal": A.STATEMENT,
    "acknowledge": A.CONFIRMATION,
    "admit": A.CONFIRMATION,
    "concede": A.CONFIRMATION,
    "confirm": A.CONFIRMATION,
    "assure": A.ASSURANCE,
    "reassure": A.ASSURANCE,
    "warn": A.WARNING,
    "caution": A.WARNING,
    "stress": A.EMPHASIS,
    "emphasize": A.EMPHASIS,
    "emphasise": A.EMPHASIS,
    "underline": A.EMPHASIS,
    "underscore": A.EMPHASIS,
    "insist": A.EMPHASIS,
    "highlight": A.EMPHASIS,
    "deny": A.DENIAL,
    "dismiss": A.DENIAL,
    "reject": A.DENIAL,
    "refute": A.DENIAL,
    "explain": A.EXPLANATION,
    "answer": A.ANSWER,
    "reply": A.ANSWER,
    "respond": A.ANSWER,
    "retort": A.ANSWER,
    "ask": A.QUESTION,
    "wonder": A.QUESTION,
    "claim": A.CLAIM,
    "argue": A.CLAIM,
    "allege": A.CLAIM,
    "contend": A.CLAIM,
    "assert": A.CLAIM,
    "maintain": A.CLAIM,
    "promise": A.PROMISE,
    "commit": A.PROMISE,
    "pledge": A.PROMISE,
    "vow": A.PROMISE,
    "accuse": A.ACCUSATION,
    "blame": A.ACCUSATION,
    "charge": A.ACCUSATION,
    "announce": A.ANNOUNCEMENT,
    "declare": A.ANNOUNCEMENT,
    "proclaim": A.ANNOUNCEMENT,
    "predict": A.PREDICTION,
    "forecast": A.PREDICTION,
    "demand": A.DEMAND,
    "urge": A.DEMAND,
    "agree": A.AGREEMENT,
    "show": A.STATEMENT,
    "find": A.CLAIM,
    "criticize": A.CRITICISM,
    "praise": A.STATEMENT,
    "attack": A.CRITICISM,
    "cite": A.STATEMENT,
    "propose": A.STATEMENT,
    "reveal": A.STATEMENT,
    "defend": A.STATEMENT,
    "concur": A.AGREEMENT,
    "recommend": A.DEMAND,
    "criticise": A.CRITICISM,
    "slam": A.CRITICISM,
    "blast": A.CRITICISM,
    "complain": A.CRITICISM,
    "condemn": A.CRITICISM,
    "lament": A.CRITICISM,
    "boast": A.STATEMENT,
    "brag": A.STATEMENT,
    "shout": A.STATEMENT,
    "yell": A.STATEMENT,
    "exclaim": A.STATEMENT,
    # verbs that introduce quoted words in news prose
    "interject": A.STATEMENT,
    "interrupt": A.STATEMENT,
    "muse": A.STATEMENT,
    "opine": A.STATEMENT,
    "scoff": A.CRITICISM,
    "snap": A.STATEMENT,
    "grouse": A.CRITICISM,
    "gripe": A.CRITICISM,
    "marvel": A.STATEMENT,
    "mock": A.CRITICISM,
    "tease": A.STATEMENT,
    "plead": A.DEMAND,
    "chide": A.CRITICISM,
    "scold": A.CRITICISM,
    "email": A.STATEMENT,
    "chant": A.STATEMENT,
    "laugh": A.STATEMENT,
    "sigh": A.STATEMENT,
    "conclude": A.STATEMENT,
    "announced": A.ANNOUNCEMENT,
    "denounce": A.CRITICISM,
    "decry": A.CRITICISM,
    "bemoan": A.CRITICISM,
    "deride": A.CRITICISM,
    "ridicule": A.CRITICISM,
    "question": A.QUESTION,
    "thank": A.STATEMENT,
    "imply": A.STATEMENT,
    "bark": A.STATEMENT,
    "protest": A.CRITICISM,
    "beam": A.STATEMENT,
    "ponder": A.QUESTION,
    "post": A.STATEMENT,
    "tout": A.STATEMENT,
    "hail": A.STATEMENT,
    "portray": A.STATEMENT,
    "characterize": A.STATEMENT,
    "endorse": A.AGREEMENT,
    "rail": A.CRITICISM,
    "scream": A.STATEMENT,
    "whisper": A.STATEMENT,
    "cry": A.STATEMENT,
    "rant": A.CRITICISM,
    "lash": A.CRITICISM,
    "vent": A.CRITICISM,
    "fume": A.CRITICISM,
    "remember": A.STATEMENT,
    "reflect": A.STATEMENT,
    "elaborate": A.EXPLANATION,
    "echo": A.AGREEMENT,  # '17-year-old Jo Lee echoed: “...”'
    "quote": A.STATEMENT,  # "the photo quotes Romans 8:31 – “...”"
    "credit": A.STATEMENT,  # 'credited him for “an exciting campaign”'
    "offer": A.STATEMENT,  # 'offered “my thoughts and prayers”'
    "herald": A.STATEMENT,
    "retaliate": A.ANSWER,
    "reason": A.EXPLANATION,
    "reaffirm": A.ASSURANCE,  # "The Secretary reaffirmed U.S. support for ..."
    "surmise": A.BELIEF,
    "snipe": A.CRITICISM,
    "gush": A.STATEMENT,
    "exhort": A.DEMAND,
    "confess": A.CONFIRMATION,
}

BELIEF_VERBS: dict[str, SpeechAct] = {
    "believe": A.CLAIM,
    "think": A.CLAIM,
    "feel": A.BELIEF,
    "hope": A.BELIEF,
    "fear": A.BELIEF,
    "worry": A.BELIEF,
    "doubt": A.BELIEF,
    "expect": A.PREDICTION,
    "estimate": A.PREDICTION,
    "know": A.BELIEF,
    "suspect": A.BELIEF,
    "reckon": A.BELIEF,
    "conclude": A.BELIEF,
    "acknowledged": A.CONFIRMATION,
}

REFUSAL_VERBS = frozenset({"decline", "refuse"})
# object nouns of "tell": a human audience (an addressee) or a medium (a relay)
AUDIENCE = _words(
    """reporters journalists the press correspondents lawmakers legislators members
    supporters voters crowd audience students viewers listeners"""
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "find": ("find", "finds", "found", "finding"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "forecast": ("forecast", "forecasts", "forecasted", "forecasting"),
}


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        stem = lemma[:-1]
        return (lemma, lemma + "s", lemma + "d", stem + "ing")
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        stem = lemma[:-1]
        return (lemma, stem + "ies", stem + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    if lemma in {"slam", "quip", "vow", "commit", "admit", "snap", "concur"}:
        d = lemma if lemma == "vow" else lemma + lemma[-1]
        return (lemma, lemma + "s", d + "ed", d + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


def _forms(table: dict[str, SpeechAct]) -> dict[str, tuple[str, SpeechAct]]:
    out: dict[str, tuple[str, SpeechAct]] = {}
    for lemma, act in table.items():
        if lemma.endswith("ed"):
            continue
        for form in _inflect(lemma):
            out.setdefault(form, (lemma, act))
    return out


SPEECH_FORMS = _forms(SPEECH_VERBS)
BELIEF_FORMS = _forms(BELIEF_VERBS)
REFUSAL_FORMS = {f: lemma for lemma in REFUSAL_VERBS for f in _inflect(lemma)}
# forms that can stand after their subject-less participle clause: ", adding that ..."
PARTICIPLES = frozenset({*(f for f in SPEECH_FORMS if f.endswith("ing")), "calling"})


@attrs.frozen
class CueMatch:
    """A cue found at tokens ``[i, j)``: lemma, act, and what kind of cue it is.

    ``kind`` is ``"verb"`` (a reporting verb), ``"according"`` (``according to X``:
    the source follows), ``"refusal"`` (``declined to comment``), ``"quoted"``
    (``was quoted by X as saying``, ``relay`` set), ``"opinion"`` (``in X's opinion``).
    """

    i: int
    j: int
    lemma: str
    act: SpeechAct
    kind: str
    belief: bool = False
    relay: tuple[int, int] | None = None  # token range of the relaying outlet


# verbs that report speech only right after a quote ("“...?” Hannity pressed.")
_AFTER_QUOTE_ONLY: dict[str, tuple[str, SpeechAct]] = {
    "pressed": ("press", A.QUESTION),
    "presses": ("press", A.QUESTION),
    "reacted": ("react", A.ANSWER),
    "reacts": ("react", A.ANSWER),
    "started": ("start", A.STATEMENT),
    "began": ("begin", A.STATEMENT),
}

_CALL = frozenset({"call", "calls", "called", "calling", "dubbed", "labeled", "branded"})
#: every word a cue can start with (a cheap test before :func:`match_cue`)
_REFER = frozenset({"refer", "refers", "referred", "referring"})
_ISSUE = frozenset({"issued", "issues", "released", "releases", "sent", "posted"})
CUE_STARTS = frozenset(
    {*SPEECH_FORMS, *BELIEF_FORMS, *REFUSAL_FORMS, *_CALL, *_REFER, *_ISSUE}
    | {"according", "in", "quoted", "expressed", "expresses", "voiced", "voices", "pointed"}
    | {"made", "fired", "shot", "fires", "shoots", "went", "goes", "read", "reads", "reading"}
    | {"put", "puts"}
    | set(_AFTER_QUOTE_ONLY)
)


def _low(toks: Sequence[Token], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def match_cue(toks: Sequence[Token], k: int, *, beliefs: bool = True) -> CueMatch | None:
    """The cue starting at token ``k``, if one does."""
    w = toks[k].low
    if w == "in" and k + 2 < len(toks):
        # "In the President's opinion, C": the possessor is the source
        stop = min(len(toks), k + 8)
        for x in range(k + 1, stop):
            if toks[x].low in {"opinion", "view", "words"} and x > k + 1:
                if toks[x - 1].low.endswith(("’s", "'s", "his", "her", "their")):
                    return CueMatch(k, x + 1, "opinion", A.CLAIM, "according")
                break
            if not toks[x].is_word:
                break
    if w == "according" and _low(toks, k + 1) == "to":
        return CueMatch(k, k + 2, "according to", A.STATEMENT, "according")
    if w in REFUSAL_FORMS and _low(toks, k + 1) == "to" and k + 2 < len(toks):
        verb = toks[k + 2].low
        if toks[k + 2].is_word and verb.isalpha():
            return CueMatch(k, k + 3, REFUSAL_FORMS[w], A.REFUSAL, "refusal")
        return None
    if (
        w in {"quoted", "cited"}
        and _low(toks, k + 1) == "by"
        and (_low(toks, k - 1) == "," or (_low(toks, k - 1) == "as" and _low(toks, k - 2) == ","))
    ):
        # "C, (as) quoted by X": X is where the words come from, as with "according to"
        return CueMatch(k, k + 2, "according to", A.STATEMENT, "according")
    if w == "quoted" and _low(toks, k - 1) in {"was", "is", "were", "been"}:
        # "was quoted by TASS as saying"
        if _low(toks, k + 1) == "by":
            m = k + 2
            stop = min(len(toks), k + 10)
            while m < stop and not (_low(toks, m) == "as" and _low(toks, m + 1) == "saying"):
                m += 1
            if m < stop:
                return CueMatch(k - 1, m + 2, "say", A.STATEMENT, "quoted", relay=(k + 2, m))
        if _low(toks, k + 1) == "as" and _low(toks, k + 2) == "saying":
            return CueMatch(k - 1, k + 3, "say", A.STATEMENT, "quoted")
        return None
    if w == "expressed" and _low(toks, k + 1) in {"confidence", "hope", "certainty", "belief"}:
        act = A.ASSURANCE if _low(toks, k + 1) in {"confidence", "certainty"} else A.BELIEF
        return CueMatch(k, k + 2, "express", act, "verb")
    if w in {"expressed", "expresses", "voiced", "voices"}:
        return CueMatch(k, k + 1, "express", A.STATEMENT, "verb")
    if w in _CALL:
        # "called the plan “a disaster”", "called for talks", "called on Congress to act"
        nxt = _low(toks, k + 1)
        if nxt in {"for", "on"}:
            return CueMatch(k, k + 2, "call " + nxt, A.DEMAND, "verb")
        stop = min(len(toks), k + 20)
        for x in range(k + 1, stop):
            if toks[x].text in '"“«„':
                if x == k + 1 and _low(toks, k - 1) in {"was", "were", "is", "are", "been", "be"}:
                    return None  # "were calling “every 15 minutes”": no one is named
                return CueMatch(k, k + 1, "call", A.CRITICISM, "verb")
            if toks[x].text in {".", ";", ","}:
                break
        return None
    if w in _REFER and _low(toks, k + 1) == "to":
        # "referred to Rubio as “a bright, charismatic leader”": what he called him
        stop = min(len(toks), k + 20)
        for x in range(k + 2, stop - 1):
            if toks[x].low == "as" and toks[x + 1].text in '"“«„':
                return CueMatch(k, k + 2, "refer to", A.STATEMENT, "verb")
            if toks[x].text in {".", ";", ",", ":"}:
                break
        return None
    if w in _ISSUE and k + 2 < len(toks):
        # "issued the following statement:", "released a statement:": the words follow
        for x in range(k + 1, min(len(toks) - 1, k + 5)):
            if toks[x].low in {"statement", "message"} and _low(toks, x + 1) == ":":
                return CueMatch(k, x + 2, "state", A.STATEMENT, "verb")
            if (
                toks[x].low in {"statement", "message"}
                and _low(toks, x + 1) == ","
                and x + 2 < len(toks)
                and toks[x + 2].text in '"“'
            ):
                return CueMatch(k, x + 1, "state", A.STATEMENT, "verb")  # 'a statement, “...”'
            if not toks[x].is_word:
                break
    if w in {"fired", "shot", "fires", "shoots"} and _low(toks, k + 1) == "back":
        return CueMatch(k, k + 2, "fire back", A.ANSWER, "verb")
    if w in {"went", "goes"} and _low(toks, k + 1) == "on" and _low(toks, k + 2) in {",", ":", "."}:
        return CueMatch(k, k + 2, "go on", A.STATEMENT, "verb")
    if w in {"read", "reads", "reading"}:
        # "The email read: “...”", "a sign reading “...”": a text's words
        if _low(toks, k + 1) in {":", ","} or (k + 1 < len(toks) and toks[k + 1].text in '"“'):
            return CueMatch(k, k + 1, "read", A.STATEMENT, "verb")
        if any(toks[x].text in '"”' for x in range(max(0, k - 4), k)):
            return CueMatch(k, k + 1, "read", A.STATEMENT, "verb")  # "“...,” it read."
        return None
    if w in _AFTER_QUOTE_ONLY:
        # "“Would it be negotiable?” Hannity pressed.": verbs of speech only next to
        # the quote they close
        if any(toks[x].text in '"”' for x in range(max(0, k - 4), k)):
            lemma, act = _AFTER_QUOTE_ONLY[w]
            return CueMatch(k, k + 1, lemma, act, "verb")
        return None
    if w in {"put", "puts"} and _low(toks, k + 1) == "it" and _low(toks, k + 2) in {",", ":"}:
        return CueMatch(k, k + 2, "put it", A.STATEMENT, "verb")  # "as Milbank puts it,"
    if w == "pointed" and _low(toks, k + 1) == "out":
        return CueMatch(k, k + 2, "point out", A.STATEMENT, "verb")
    if w == "made" and _low(toks, k + 1) == "clear":
        return CueMatch(k, k + 2, "make clear", A.EMPHASIS, "verb")
    if w in SPEECH_FORMS:
        lemma, act = SPEECH_FORMS[w]
        if lemma == "point" and _low(toks, k + 1) != "out":
            return None
        if lemma in {"charge", "report", "state", "comment", "continue", "maintain", "signal"}:
            # ambiguous nouns / verbs: only as verbs after a subject or before "that"/":"
            nxt = _low(toks, k + 1)
            if nxt not in {"that", ":", ",", "."} and not w.endswith(("ed", "es", "s")):
                return None
        return CueMatch(k, k + 1, lemma, act, "verb")
    if beliefs and w in BELIEF_FORMS:
        lemma, act = BELIEF_FORMS[w]
        return CueMatch(k, k + 1, lemma, act, "verb", belief=True)
    return None
