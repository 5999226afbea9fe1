"""References to events inside a claim's words, with their status and time.

:func:`find_events` finds noun phrases headed by an event noun ("talks",
"negotiations", "a visit", "sanctions", "drills", "the invasion", "elections"...)
in ``text[start:end]`` and gives each

* a span: the noun phrase with its modifiers ("Russia's possible invasion of
  Ukraine"), coordinated event nouns ("drills, maneuvers, and military
  development"), an editor's bracketed insertion, a relative clause that dates
  it ("the proposals that X presented on Dec. 15, 2021"), and, when a modal verb
  frames it, the clause ("the regime might launch its offensive", "such a
  response will be prepared");
* a status from the words of its clause (:class:`EventStatus`): "took place" ->
  occurred, "is under way" -> ongoing, "will" -> planned, "expects" -> expected,
  "may"/"risk" -> possible, "no plans" -> not planned, "denied" -> denied,
  "reportedly"/"allegations" -> alleged, else unknown;
* the :class:`~briefings.text._time.TimeMatch` in its clause, if any.

It works on a token list built by one linear regex pass; every look-around is
bounded, so the whole is linear in the length of the range. It never raises.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from briefings.model import EventStatus, TimeKind
from briefings.text._time import TimeMatch, _alt

__all__ = ["EventMatch", "find_events", "may_hold_events", "read_events"]


@attrs.frozen(kw_only=True)
class EventMatch:
    """One event reference: ``text[start:end]``, its status, its time (if stated).

    ``head`` is the event noun that triggered it, in lower case ("talks").
    """

    start: int
    end: int
    status: EventStatus
    time: TimeMatch | None
    head: str = ""


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Event nouns. Those in _AMBIGUOUS are verbs or adjectives too ("they talk", "an
# offensive remark") and need a noun-phrase context.
_EVENT_NOUNS = _words(
    """
    talks negotiation negotiations consultation consultations meeting meetings summit summits
    visit visits trip trips tour drills drill exercises exercise maneuvers manoeuvres
    maneuver manoeuvre sanctions invasion invasions offensive offensives counteroffensive
    counter-offensive attack attacks strike strikes airstrike airstrikes shelling bombing
    bombings war ceasefire truce operation operations proposal proposals response responses
    reply dialogue discussion discussions conference conferences briefing briefings session
    sessions vote votes voting election elections referendum referendums deal deals agreement
    agreements call calls conversation conversations contact contacts provocation provocations
    incident incidents accident accidents spill crash explosion explosions collision protest
    protests rally rallies demonstration demonstrations parade parades ceremony celebration
    celebrations inauguration deployment deployments withdrawal escalation hostilities clashes
    mobilization mobilisation launch launches test tests forum congress negotiating
    """
)
_AMBIGUOUS = _words(
    "visit visits talks meeting offensive attack attacks strike strikes vote votes deal "
    "call calls launch launches test tests exercise protest protests rally tour reply "
    "contact drill session"
)
_DETERMINERS = _words(
    """
    the a an this these those such any some every each another both all its their our his
    her my your whose further more new fresh possible next last first second third latest
    recent previous upcoming future planned proposed written joint direct official so-called
    several many few other two three four five six seven eight nine ten constant ongoing
    continued renewed repeated regular annual alleged expected possible potential
    """
)
_STARTERS = _words(
    "the a an its their our his her my your this these those whose every each another any some"
)
_NOUN_MODIFIERS = _words(
    """
    peace trade security phone telephone video border arms missile gas oil defense defence
    air ground naval military nuclear leaders ministerial cabinet budget prisoner hostage
    press news top-level high-level working state emergency joint round government expert
    party parliamentary presidential election
    """
)
_MODALS = _words("will would might may could can should shall must 'll ’ll")
_AUX = _words("do does did is are was were be been being am has have had")
_PRONOUNS = _words("i you he she it we they me him us them who which that what")
_PREPS = _words(
    "of to on between by in with against from for over about among into across along near "
    "at around toward towards"
)
_FUNCTION = (
    _MODALS
    | _AUX
    | _PRONOUNS
    | _PREPS
    | _words(
        """
        and or but nor so yet if whether than as when where why how while because although
        though since until unless not n't no also very there here then now just only even
        still too again already however therefore
        """
    )
)
_CLAUSE_STARTERS = _words(
    "and but or which who whom whose while although though because however when whereas"
)
_BREAKS = frozenset('.;:!?"“”«»()')  # a window never crosses these

# status vocabulary
_OCCURRED = _words(
    """
    took held initiated presented happened occurred conducted launched completed ended
    concluded signed met visited hosted discussed adopted imposed introduced began started
    staged made had was were took took_place carried
    """
)
_ONGOING = _words(
    """
    underway ongoing continuing continues continue continued constant constantly currently
    progress still going
    """
)
_PLANNED = _words(
    """
    will would shall 'll ’ll scheduled plan plans planned planning due intends intend intention
    upcoming forthcoming next preparing prepare agenda set
    """
)
_EXPECTED = _words(
    """
    expect expects expected expecting expectation expectations await awaits awaited awaiting
    anticipate anticipates anticipated hope hopes hoped hoping wait waiting
    """
)
_POSSIBLE = _words(
    """
    may might could possible possibly potential potentially risk risks threat threats danger
    likely unlikely perhaps maybe if whether
    """
)
_DENIED = _words("deny denies denied denying denial refuted refutes rejected dismissed")
_ALLEGED = _words(
    """
    allegedly reportedly alleged allegation allegations purported purportedly supposedly
    rumored rumoured rumors rumours claimed
    """
)
_NO_PLANS = {
    ("no", "plans"),
    ("no", "plan"),
    ("not", "planned"),
    ("not", "planning"),
    ("not", "scheduled"),
    ("no", "intention"),
    ("not", "plan"),
    ("n't", "plan"),
    ("not", "expected"),
    ("no", "talks"),
}
_NEGATIONS = _words("not n't no never nobody nothing")
_PLAN_PAIRS = {("going", "to"), ("to", "be"), ("agreed", "to"), ("decided", "to"), ("to", "hold")}
_VERB_BEFORE = (_MODALS | _AUX | _PRONOUNS | _NEGATIONS | {"to"}) - {"no", "nobody", "nothing"}
_PP_PREPS = _PREPS - {"at", "around"}
_NOUNISH = _EVENT_NOUNS | _NOUN_MODIFIERS
_NUMBER_WORDS = _words("two three four five six seven eight nine ten several many few")
_DANGLING = (_DETERMINERS - _NUMBER_WORDS - _EVENT_NOUNS) | {"and", "or"}
_PLANS = _PLANNED - {"will", "would", "'ll", "’ll", "next"}
_ONGOING_WORDS = _ONGOING - {"still", "going", "progress"}
# words that, inside an event's own phrase, decide its status
_MARKERS = (_OCCURRED | _ONGOING | _PLANNED | _EXPECTED | _POSSIBLE | _DENIED | _ALLEGED) - {
    "was",
    "were",
    "had",
    "made",
    "still",
    "going",
    "set",
    "next",
    "continued",
}

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.K.
    r"|[^\W\d_](?:[\w'’\-]*\w)?(?:['’]s)?"  # words, with inner apostrophes and hyphens
    r"|\d+(?:[.,:]\d+)*"  # numbers
    r"|\.\.\.|…"  # ellipses
    r"|[^\w\s]"  # any other single character
)


# a superset of where the tokenizer can find an event noun (never narrower)
_FIRST = "".join(sorted({w[0] for w in _EVENT_NOUNS} | {w[0].upper() for w in _EVENT_NOUNS}))
_GATE = re.compile(rf"(?=[{_FIRST}])(?i:(?<!\w)(?:{_alt(list(_EVENT_NOUNS))})(?!\w))")
# the same in the folded text (_fold): the nouns are in lower case
_GATE_LOW = re.compile(rf"(?<!\w)(?:{_alt(sorted(_EVENT_NOUNS))})(?!\w)")


_EXPECTATION = re.compile(rf"(?i)\b(?:{_alt(list(_EXPECTED))})\b")


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str


def _tokens(text: str, lo: int, hi: int, folded: str | None = None) -> list[_Tok]:
    """The tokens of ``text[lo:hi]``; ``folded`` is ``_fold.folded(text)``, if known
    (a slice of it is the slice lowered, and a ``’`` is one character as ``'`` is)."""
    out = []
    if folded is not None:
        low = folded[lo:hi].replace("’", "'")
        new = tuple.__new__
        for m in _TOKEN.finditer(text, lo, hi):
            s, e = m.span()
            out.append(new(_Tok, (s, e, m.group(), low[s - lo : e - lo])))
        return out
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        low = word.lower().replace("’", "'")
        out.append(_Tok(m.start(), m.end(), word, low))
    return out


def _is_possessive(t: _Tok) -> bool:
    return t.low.endswith("'s") and len(t.low) > 2


def _is_capital(t: _Tok) -> bool:
    return t.text[:1].isupper() and t.low not in _FUNCTION


_ADJ_SUFFIXES = ("ary", "ic", "ical", "tive", "sive", "ous", "ful", "ian", "ese", "ern", "ile")


def _is_adjective(low: str) -> bool:
    if not low.isalpha() or len(low) < 5:
        return "-" in low and low.replace("-", "").isalpha()
    if low.endswith("al") and not low.endswith("eal"):
        return True
    return low.endswith(_ADJ_SUFFIXES)


def _is_modifier(t: _Tok) -> bool:
    low = t.low
    if low in _FUNCTION and low != "that" and low not in _DETERMINERS:
        return False
    return (
        low in _DETERMINERS
        or low in _NOUN_MODIFIERS
        or low in _EVENT_NOUNS
        or _is_possessive(t)
        or _is_capital(t)
        or _is_adjective(low)
        or low.isdigit()
    )


_ADVERBS = _words("then also just still later soon now again already even")


def _is_adverb(low: str) -> bool:
    return low in _ADVERBS or (low.endswith("ly") and len(low) > 4)


def _is_word(t: _Tok) -> bool:
    return t.text[:1].isalpha()


class _Reader:
    """Token-level reading of one range; all scans are bounded."""

    def __init__(self, text: str, toks: list[_Tok], times: Sequence[TimeMatch]) -> None:
        self.text = text
        self.toks = toks
        self.times = times
        self.time_of: dict[int, int] = {}  # token index -> time index
        t = 0
        for i, tok in enumerate(toks):
            while t < len(times) and times[t].end <= tok.start:
                t += 1
            if t < len(times) and times[t].start <= tok.start < times[t].end:
                self.time_of[i] = t

    # -- noun phrases ---------------------------------------------------------

    def is_head(self, i: int) -> bool:
        tok = self.toks[i]
        if tok.low not in _EVENT_NOUNS or i in self.time_of:
            return False
        if tok.low not in _AMBIGUOUS:
            return True
        p = i - 1
        while p >= 0 and i - p <= 2 and _is_adverb(self.toks[p].low):
            p -= 1  # "will then visit", "to also attack"
        prev = self.toks[p] if p >= 0 else None
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if prev is not None and (
            prev.low in _VERB_BEFORE
            and prev.low not in {"had", "has", "have", "that", "which", "what"}
        ):
            return False
        if prev is None or not _is_word(prev):
            # "Talks with Iran...", not "Visit the site"
            return nxt is None or not (nxt.low in _STARTERS or nxt.low in _PRONOUNS)
        return not (
            tok.low == "offensive"
            and nxt is not None
            and _is_word(nxt)
            and nxt.low not in _FUNCTION
            and nxt.text[:1].islower()
        )

    def left_edge(self, i: int) -> int:
        """The first token of the noun phrase whose head is token ``i``."""
        j = i
        while j > 0 and i - j < 6:
            t = self.toks[j - 1]
            if j - 1 in self.time_of or not _is_modifier(t) or self.parted(j):
                break
            if j < i and self.toks[j].low in _STARTERS and t.low not in {"such", "all", "both"}:
                break  # "launch | its offensive": an article opens the phrase
            j -= 1
        return j

    def parted(self, j: int) -> bool:
        """Whether a line break separates token ``j`` from the one before."""
        return (
            0 < j < len(self.toks) and "\n" in self.text[self.toks[j - 1].end : self.toks[j].start]
        )

    def np_after(self, i: int, *, after_to: bool = False) -> int:
        """The end (exclusive token index) of a short noun phrase starting at ``i``, or ``i``.

        The phrase does not end on a determiner ("on the so-called ...") and takes
        no verb-like word after a name ("in Kazan showed").
        """
        j = i
        n = len(self.toks)
        named = False
        while j < n and j - i < 7:
            t = self.toks[j]
            if j in self.time_of or self.parted(j):
                break
            if t.low in {"and", "or"} and j > i and j + 1 < n and _is_capital(self.toks[j + 1]):
                j += 1
                continue
            if not _is_word(t) and not t.low.isdigit():
                break
            if t.low in _FUNCTION and t.low not in _DETERMINERS:
                break
            if j == i and after_to and not (_is_modifier(t) and t.low not in _EVENT_NOUNS):
                break
            if t.low.endswith("ly") and not _is_capital(t):
                break
            if (
                t.text[:1].islower()
                and t.low not in _NOUNISH
                and (t.low.endswith("ed") or (named and t.low.endswith("s")))
            ):
                break
            named = named or _is_capital(t)
            j += 1
        while j > i and self.toks[j - 1].low in _DANGLING:
            j -= 1
        return j

    def bracket_after(self, j: int) -> int:
        """Past an editor's "[...]" at token ``j`` (on one line, 20 tokens at most)."""
        if j < len(self.toks) and self.toks[j].text == "[":
            for k in range(j + 1, min(len(self.toks), j + 20)):
                if self.toks[k].text == "]":
                    return k + 1
                if "\n" in self.text[self.toks[k - 1].end : self.toks[k].start]:
                    break
        return j

    def right_edge(self, i: int) -> int:
        """The end (exclusive) of the head's post-modifiers: brackets, prepositional phrases."""
        j = self.bracket_after(i + 1)
        for _ in range(3):
            if j >= len(self.toks) or self.toks[j].low not in _PP_PREPS or self.parted(j):
                break
            k = self.np_after(j + 1, after_to=self.toks[j].low == "to")
            if k == j + 1:
                break
            j = self.bracket_after(k)
        return j

    def relative_with_time(self, j: int) -> int:
        """Past "that Russia presented ... on Dec. 15, 2021" at ``j`` when it names a time."""
        if j >= len(self.toks) or self.toks[j].low not in {"that", "which"}:
            return j
        best = j
        for k in range(j + 1, min(len(self.toks), j + 20)):
            t = self.toks[k]
            if self.parted(k):
                break
            if k in self.time_of:
                best = k + 1
                continue
            if t.text in _BREAKS or t.text == "," or (t.low in _CLAUSE_STARTERS and t.low != "and"):
                break
        return best

    def coordinated(self, j: int) -> int:
        """Past ", maneuvers, and military development" after an event phrase ending at ``j``."""
        n = len(self.toks)
        for _ in range(8):  # conjuncts
            if j >= n:
                break
            k = j
            if self.parted(k):
                break
            if self.toks[k].text == ",":
                k += 1
            conj = k < n and self.toks[k].low in {"and", "or"}
            if conj:
                k += 1
            if k == j or k >= n:
                break
            end = self.np_after(k)
            if end == k:
                break
            head = self.toks[end - 1]
            if head.low in _EVENT_NOUNS:
                j = self.bracket_after(end)
            elif conj and end - k <= 3 and all(not _is_capital(t) for t in self.toks[k:end]):
                j = end
                break
            else:
                break
        return j

    # -- clauses ----------------------------------------------------------------

    def modal_subject(self, s: int) -> int:
        """The start of "the regime might launch" before the object phrase at ``s``, or ``s``."""
        if s < 2:
            return s
        verb, modal = self.toks[s - 1], self.toks[s - 2]
        if modal.low not in _MODALS or not _is_word(verb) or verb.low in _FUNCTION:
            return s
        j = s - 2
        while j > 0 and s - 2 - j < 4:
            t = self.toks[j - 1]
            if not _is_word(t) or (t.low in _FUNCTION and t.low not in _DETERMINERS):
                break
            j -= 1
        return j if j < s - 2 else s

    def modal_predicate(self, s: int, e: int) -> int:
        """The end of "will be prepared" after the subject phrase ``[s, e)``, or ``e``.

        Not after a phrase inside a prepositional phrase ("the ballots of | the
        election | will be cast"): that is not the subject.
        """
        n = len(self.toks)
        if e >= n or self.toks[e].low not in _MODALS:
            return e
        if s > 0 and self.toks[s - 1].low in _PREPS:
            return e
        k = e + 1
        if k < n and self.toks[k].low == "not":
            k += 1
        if k + 1 < n and self.toks[k].low == "have" and self.toks[k + 1].low == "been":
            k += 2
        elif k < n and self.toks[k].low == "be":
            k += 1
        if k < n and _is_word(self.toks[k]) and self.toks[k].low not in _FUNCTION:
            if self.toks[k].low == "take" and k + 1 < n and self.toks[k + 1].low == "place":
                return k + 2
            return k + 1
        return e

    def window(self, s: int, e: int) -> tuple[int, int]:
        """The token range of the clause around tokens ``[s, e)`` (15 tokens each way at most)."""
        lo = s
        while lo > 0 and s - lo < 15:
            t = self.toks[lo - 1]
            if (lo - 1 not in self.time_of and t.text in _BREAKS) or self.parted(lo):
                break
            if t.low in _CLAUSE_STARTERS and lo - 2 >= 0 and self.toks[lo - 2].text == ",":
                lo -= 1
                break
            lo -= 1
        hi = e
        while hi < len(self.toks) and hi - e < 15:
            t = self.toks[hi]
            if (hi not in self.time_of and t.text in _BREAKS) or self.parted(hi):
                break
            if (
                t.text == ","
                and hi + 1 < len(self.toks)
                and self.toks[hi + 1].low in _CLAUSE_STARTERS
            ):
                break
            hi += 1
        return lo, hi


def _status_in(lows: list[str], *, negated: bool) -> EventStatus | None:
    words = set(lows)
    pairs = set(itertools.pairwise(lows))
    neg = negated or bool(words & _NEGATIONS) or any(w.endswith("n't") for w in words)
    if pairs & _NO_PLANS or (neg and words & _PLANS):
        return EventStatus.NOT_PLANNED
    if words & _DENIED:
        return EventStatus.DENIED
    if words & _ALLEGED:
        return EventStatus.ALLEGED
    if ("under", "way") in pairs or words & _ONGOING_WORDS:
        return EventStatus.ONGOING
    if ("in", "progress") in pairs or ("going", "on") in pairs:
        return EventStatus.ONGOING
    if words & _POSSIBLE:
        return EventStatus.POSSIBLE
    if words & _EXPECTED:
        return EventStatus.EXPECTED
    if words & _PLANNED or pairs & _PLAN_PAIRS:
        return EventStatus.PLANNED
    if words & _OCCURRED or ("took", "place") in pairs:
        return EventStatus.DENIED if neg else EventStatus.OCCURRED
    return None


def _negated_event(status: EventStatus | None) -> EventStatus:
    """The status of an event the words deny outright ("no talks")."""
    if status in (EventStatus.PLANNED, EventStatus.EXPECTED, EventStatus.POSSIBLE):
        return EventStatus.NOT_PLANNED
    if status in (EventStatus.ALLEGED, EventStatus.NOT_PLANNED):
        return status
    return EventStatus.DENIED


def _status_from_time(time: TimeMatch | None) -> EventStatus | None:
    if time is None or time.anchor_date is None:
        return None
    past = time.kind in (TimeKind.DATE, TimeKind.INTERVAL, TimeKind.BEFORE)
    if past and time.value_end is not None and time.value_end < time.anchor_date:
        return EventStatus.OCCURRED
    future = time.kind in (TimeKind.DATE, TimeKind.INTERVAL, TimeKind.AFTER)
    if future and time.value_start is not None and time.value_start > time.anchor_date:
        return EventStatus.PLANNED
    return None


def may_hold_events(text: str, start: int, end: int, low: str | None = None) -> bool:
    """Whether ``text[start:end]`` holds an event noun: :func:`find_events` finds
    nothing where it does not (``low`` as there)."""
    n = len(text)
    lo = max(0, min(start, n))
    hi = max(lo, min(end, n))
    if lo >= hi:
        return False
    if low is None or len(low) != n:
        return _GATE.search(text, lo, hi) is not None
    return _GATE_LOW.search(low, lo, hi) is not None


def find_events(
    text: str,
    start: int,
    end: int,
    *,
    times: Sequence[TimeMatch] = (),
    negated: bool = False,
    hedged: bool = False,
    context: tuple[int, int] | None = None,
    low: str | None = None,
) -> list[EventMatch]:
    """The event references in ``text[start:end]`` (a claim's content), in text order.

    ``times`` are time expressions found in the text (any range; those inside
    this one are used). ``negated`` and ``hedged`` say whether the claim is
    negated or hedged: a negated plan is "not planned", a negated happening
    "denied", and an event of a hedged claim with no other sign is "possible".
    A planned event is "expected" when the claim's words (or ``context``, a
    wider range such as the claim an embedded claim sits in) voice an
    expectation ("we expect ... He said a reply will be prepared").
    ``low`` is ``_fold.folded(text)``, if the caller has it (for a faster search).
    Offsets are into ``text``. Never raises; linear in the length of the range.
    """
    if not may_hold_events(text, start, end, low):
        return []  # no event noun at all: most claims, skipped at regex speed
    return read_events(
        text, start, end, times=times, negated=negated, hedged=hedged, context=context, low=low
    )


def read_events(
    text: str,
    start: int,
    end: int,
    *,
    times: Sequence[TimeMatch] = (),
    negated: bool = False,
    hedged: bool = False,
    context: tuple[int, int] | None = None,
    low: str | None = None,
) -> list[EventMatch]:
    """:func:`find_events` for a range that :func:`may_hold_events` (it gives the
    same; it does not look for an event noun first)."""
    n = len(text)
    lo = max(0, min(start, n))
    hi = max(lo, min(end, n))
    if low is not None and len(low) != n:
        low = None
    inside = sorted((t for t in times if lo <= t.start and t.end <= hi), key=lambda t: t.start)
    reader = _Reader(text, _tokens(text, lo, hi, low), inside)
    toks = reader.toks
    # the words that decide a status: a time's words ("in May") are not modals
    lows = ["" if k in reader.time_of or t.text == "May" else t.low for k, t in enumerate(toks)]
    wants_expectation = bool(set(lows) & _EXPECTED)
    if context is not None and not wants_expectation:
        c_lo, c_hi = max(0, min(context[0], n)), max(0, min(context[1], n))
        wants_expectation = _EXPECTATION.search(text, c_lo, c_hi) is not None
    out: list[EventMatch] = []
    covered_to = 0  # token index up to which an earlier event's phrase reaches
    # only an event noun can head an event: the walk goes from one to the next
    nouns = [k for k, t in enumerate(toks) if t.low in _EVENT_NOUNS]
    i = 0
    while i < len(toks):
        if not reader.is_head(i):
            k = bisect_right(nouns, i)
            i = nouns[k] if k < len(nouns) else len(toks)
            continue
        s = max(covered_to, reader.modal_subject(reader.left_edge(i)))
        e = reader.coordinated(reader.relative_with_time(reader.right_edge(i)))
        e = reader.modal_predicate(s, e)
        ws, we = reader.window(s, e)
        time = _time_for(reader, s, e, ws, we)
        around = _status_in(lows[ws:s] + lows[e:we], negated=negated)
        if s > 0 and lows[s - 1] == "no":  # "there will be no talks", "there were no strikes"
            around = _negated_event(_status_in(lows[ws : s - 1] + lows[e:we], negated=False))
        own = lows[s:i] + lows[i + 1 : e]
        status = _status_in(lows[s:e], negated=negated) if _has_marker(own) else None
        if status is None or around in _OVERRIDING:
            status = around
        if status is EventStatus.PLANNED and wants_expectation:
            status = EventStatus.EXPECTED
        if status is None:
            status = _status_from_time(time)
        if status is None:
            status = EventStatus.POSSIBLE if hedged else EventStatus.UNKNOWN
        out.append(
            EventMatch(
                start=toks[s].start,
                end=toks[e - 1].end,
                status=status,
                time=time,
                head=toks[i].low,
            )
        )
        # an event noun inside this phrase is its argument ("responses to our
        # proposals"), unless a relative clause dates it: then it is an event too
        nested = _nested(reader, i + 1, e)
        if nested is None:
            covered_to = i = e
        else:
            covered_to = reader.left_edge(nested)
            i = nested
    return out


_OVERRIDING = (EventStatus.NOT_PLANNED, EventStatus.DENIED, EventStatus.ALLEGED)


def _nested(reader: _Reader, i: int, e: int) -> int | None:
    for k in range(i, e):
        if reader.is_head(k):
            post = reader.right_edge(k)
            if reader.relative_with_time(post) > post:
                return k
    return None


def _has_marker(lows: list[str]) -> bool:
    words = set(lows)
    return bool(words & _MARKERS)


def _time_for(reader: _Reader, s: int, e: int, ws: int, we: int) -> TimeMatch | None:
    """The time expression inside the phrase, else after it in its clause, else before.

    Before the phrase, "at the moment" or "now" dates the clause's state ("there
    are no plans at the moment for talks"), not the event, and is passed over.
    """
    for k in range(s, e):
        if k in reader.time_of:
            return reader.times[reader.time_of[k]]
    for k in range(e, we):
        if k in reader.time_of:
            return reader.times[reader.time_of[k]]
    for k in range(s - 1, ws - 1, -1):
        if k in reader.time_of:
            t = reader.times[reader.time_of[k]]
            words = " ".join(reader.text[t.start : t.end].lower().split())
            if words not in _PRESENT:
                return t
    return None


_PRESENT = frozenset(["at the moment", "at this moment", "at present", "now", "right now"])
