"""Speaker labels of transcripts: recognising them and telling their sides apart.

A label is the speaker tag that opens a turn: ``MS. PSAKI:``, ``MR PRICE:``, ``Q``,
``Q:``, ``QUESTION:``, ``A:``, ``Reuters:``, ``Zhao Lijian:``,
``President of Russia Vladimir Putin:``. :func:`match_label` reads one at a given
offset by scanning characters (bounded look-ahead, no regular expressions), so the
whole reader stays linear in the input.
"""

from __future__ import annotations

import enum

import attrs

__all__: list[str] = []


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Horizontal whitespace that may separate a label from its words.
HSPACE = frozenset(" \t\xa0\u2002\u2003\u2007\u2009\u202f\u3000")

_MAX_LABEL = 80  # characters of a label before its colon
_MAX_TOKENS = 8

# Words that may appear in lower case inside a mixed-case label ("President of Russia").
_PARTICLES = _wordset("of the and for de da del der di du la le van von al bin el y on to in at")

# Capitalised words that open speech, not a speaker ("First: ...", "Note: ...").
_NOT_LABELS = _wordset(
    """note notes update updates correction corrections background source sources date
    time location subject title tags tag category categories example examples first
    second third fourth fifth finally lastly again also look now so well okay ok yes no
    quote unquote summary related caption photo video watch attention warning fact facts
    context budget result results topic topics agenda re fyi ps p.s end
    transcript transcripts contents content remarks statement statements"""
)

# First words of a phrase that introduces speech ("On Ukraine:", "For example:").
_OPENERS = _wordset(
    """on in at as for to with from about regarding re and but so if when while after
    before since because then also here there this that these those my our your his her
    their its what why how who where which"""
)

# Labels of the press side, upper-cased, dots dropped.
_PRESS = _wordset(
    """Q QUESTION QUESTIONS QUESTIONER REPORTER REPORTERS JOURNALIST JOURNALISTS REMARK
    REMARKS COMMENT FOLLOW-UP FOLLOWUP PARTICIPANT AUDIENCE PRESS CORRESPONDENT MEDIA
    VOICE VOICES"""
)
_PRESS_PHRASES = frozenset(
    {
        "FOLLOW UP",
        "AUDIENCE MEMBER",
        "FOREIGN JOURNALIST",
        "FOREIGN JOURNALISTS",
        "FOLLOW-UP QUESTION",
        "FOLLOW UP QUESTION",
        "A FOLLOW-UP",
    }
)
_PRESS_LAST = frozenset({"JOURNALIST", "REPORTER", "CORRESPONDENT", "QUESTION", "QUESTIONER"})

_MODERATOR = _wordset(
    """MODERATOR OPERATOR AIDE HOST ANNOUNCER COORDINATOR FACILITATOR
    STAFF EMCEE MC"""
)

# First words (dots dropped) that make a label an official's: honorifics and titles.
HONORIFICS = _wordset(
    """MR MS MRS MISS DR SECRETARY AMBASSADOR ADMIRAL ADM GENERAL GEN COLONEL COL MAJOR
    CAPTAIN CAPT SENATOR SEN GOVERNOR GOV REPRESENTATIVE REP MAYOR DIRECTOR
    ADMINISTRATOR DEPUTY UNDER ASSISTANT ACTING PRESIDENT PRIME MINISTER FOREIGN
    CHANCELLOR KING QUEEN PRINCE SPOKESPERSON SPOKESMAN SPOKESWOMAN SPEAKER LEADER
    CHAIRMAN CHAIRWOMAN CHAIR COMMISSIONER ATTORNEY SURGEON JUDGE JUSTICE CHIEF SPECIAL
    ENVOY COUNSELOR COUNSELLOR PROFESSOR PROF FATHER REV SIR LORD DAME MADAM MME
    LIEUTENANT LT SERGEANT SGT VICE HIS HER"""
)
# Honorifics that are a form of address only (not a role worth recording).
ADDRESS_ONLY = frozenset({"MR", "MS", "MRS", "MISS", "DR", "SIR", "MADAM", "MME", "PROF"})

# Parenthetical remarks after a label that are not an outlet ("(retranslated)").
_NOT_OUTLET = _wordset(
    """retranslated translated translation interpreted interpretation via through
    inaudible continuing cont'd contd off-mic off-mike in"""
)


class Side(enum.Enum):
    """Which side of the podium a label speaks for."""

    PRESS = "press"
    MODERATOR = "moderator"
    OFFICIAL = "official"
    UNKNOWN = "unknown"


@attrs.frozen(kw_only=True)
class LabelHit:
    """A label found in the text.

    ``start``/``end`` delimit the label as printed (without its colon);
    ``body`` is where the spoken words begin (after the colon and separator).
    ``key`` is the label normalised for grouping (upper case, single spaces, no
    parenthetical); ``note`` is the parenthetical, if any (``Reuters`` in
    ``QUESTION (Reuters):``); ``mixed`` says whether it is written in mixed case.
    """

    start: int
    end: int
    body: int
    text: str
    key: str
    note: str | None = None
    mixed: bool = False


def _skip_hspace(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in HSPACE:
        i += 1
    return i


def _words(label: str) -> list[str]:
    return label.replace("\xa0", " ").split()


def _split_note(label: str) -> tuple[str, str | None] | None:
    """``("QUESTION", "Reuters")`` for ``QUESTION (Reuters)``; None if malformed."""
    open_ = label.find("(")
    if open_ < 0:
        return (label, None) if ")" not in label else None
    close = label.find(")", open_)
    if close < 0 or label[close + 1 :].strip() or "(" in label[open_ + 1 :]:
        return None
    return label[:open_].strip(), label[open_ + 1 : close].strip()


def _is_caps_word(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return (
        bool(letters)
        and all(c.isupper() for c in letters[:1])
        and (sum(c.isupper() for c in letters) * 4 >= len(letters) * 3)
    )


# Roles that transcripts number when several speak ("SENIOR OFFICIAL 2", "Speaker #1").
_NUMBERED = frozenset(
    {
        "OFFICIAL",
        "SPEAKER",
        "PARTICIPANT",
        "PANELIST",
        "PANELLIST",
        "QUESTIONER",
        "OPERATOR",
        "MODERATOR",
        "REPORTER",
        "JOURNALIST",
        "QUESTION",
        "Q",
        "AIDE",
        "STAFF",
        "INTERPRETER",
    }
)
# Press labels that keep a lower-case word ("Follow-up question:").
_LOWER_OK = frozenset({"FOLLOW-UP QUESTION", "FOLLOW UP QUESTION", "FOLLOW-UP", "A FOLLOW-UP"})


def _is_number(word: str) -> bool:
    w = word.lstrip("#")
    return 0 < len(w) <= 2 and w.isdigit() and len(word) - len(w) <= 1


def _shape(base: str) -> str | None:
    """``"caps"`` or ``"mixed"`` when ``base`` looks like a label, else None."""
    words = _words(base)
    if not words or len(words) > _MAX_TOKENS:
        return None
    if len(words) >= 2 and _is_number(words[-1]) and words[-2].upper() in _NUMBERED:
        words = words[:-1]  # "SENIOR ADMINISTRATION OFFICIAL #1", "PARTICIPANT 2"
    if normalise(" ".join(words)) in _LOWER_OK:
        return "mixed" if not all(_is_caps_word(w) for w in words) else "caps"
    for w in words:
        for c in w:
            if not (c.isalpha() or c in ".-'’&"):
                return None
        if not any(c.isalpha() for c in w):
            return None
    if all(_is_caps_word(w) for w in words):
        return "caps"
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return None
    for w in words:
        if not w[0].isupper() and w.lower() not in _PARTICLES:
            return None
    if len(words) == 1 and words[0].lower().rstrip(".") in _NOT_LABELS:
        return None
    if words[0].lower() in _OPENERS:
        return None  # "On Ukraine: ...", "As President Biden: ..." open speech, not a turn
    return "mixed"


def normalise(label: str) -> str:
    """The grouping key of a label: upper case, single spaces, no dots at word ends."""
    return " ".join(w.rstrip(".").upper() for w in _words(label))


def label_colon(text: str, i: int, n: int) -> int:
    """The colon closing a word label that starts at ``text[i]``: the first colon
    before ``n`` and within :data:`_MAX_LABEL` characters, with only label characters
    (letters, digits, blanks, ``.-'’&()#``) before it; -1 when there is none.

    No colon in reach means no label whatever comes before it, so the colon is
    looked for first: most lines are prose and are not walked character by character.
    """
    j = text.find(":", i, min(n, i + _MAX_LABEL))
    if j < 0:
        return -1
    for ch in text[i:j]:
        if not (ch.isalpha() or ch.isdigit() or ch in HSPACE or ch in ".-'’&()#"):
            return -1
    return j


#: what :func:`match_label` learnt of a label's words: their shape and grouping key
Shapes = dict[str, tuple[str | None, str]]


def _shape_and_key(base: str, shapes: Shapes | None) -> tuple[str | None, str]:
    """``(_shape(base), normalise(base))`` (the key only for a label shape), kept in
    ``shapes``: a transcript prints the same few labels hundreds of times."""
    got = None if shapes is None else shapes.get(base)
    if got is None:
        shape = _shape(base)
        got = (shape, "" if shape is None else normalise(base))
        if shapes is not None:
            shapes[base] = got
    return got


def match_label(
    text: str, i: int, limit: int, *, inline: bool = False, shapes: Shapes | None = None
) -> LabelHit | None:
    """The label starting at ``text[i]``, if there is one before ``limit`` (the line end).

    ``inline`` asks for the stricter rules of a label in the middle of a line (turns
    run together on one line): only upper-case labels and bare ``Q``. ``shapes``
    keeps what was learnt of the labels' words across the calls for one text.
    """
    n = min(limit, len(text))
    if i >= n:
        return None
    c = text[i]
    # Q / A, bare or with a colon
    if c in "QA" and (i + 1 >= n or not (text[i + 1].isalnum() or text[i + 1] in ".'’-&")):
        j = i + 1
        if j < n and text[j] == ":":
            body = _skip_hspace(text, j + 1, n)
            if inline and c == "A":
                return None
            if j + 1 < len(text) and not (text[j + 1] in HSPACE or text[j + 1] in "\r\n"):
                return None
            return LabelHit(start=i, end=i + 1, body=body, text=c, key=c)
        if j >= n or text[j] not in HSPACE:
            return None
        body = _skip_hspace(text, j, n)
        if body >= n:
            return None
        gap = text[j:body]
        wide = len(gap) >= 2 or "\t" in gap or "\xa0" in gap
        if c == "A" and (inline or not (len(gap) >= 2 or "\t" in gap)):
            return None  # "A\xa0question" is prose with a no-break space
        if inline and not wide:
            return None
        if text[body] == ":" or (text[body].islower() and not wide):
            return None
        return LabelHit(start=i, end=i + 1, body=body, text=c, key=c)
    if not c.isalpha() or not c.isupper():
        return None
    # a word label closed by a colon
    j = label_colon(text, i, n)
    if j < 0:
        return None
    after = j + 1
    if after < len(text) and not (text[after] in HSPACE or text[after] in "\r\n"):
        return None
    printed = text[i:j].rstrip("".join(HSPACE))
    end = i + len(printed)
    parts = _split_note(printed)
    if parts is None:
        return None
    base, note = parts
    shape, key = _shape_and_key(base, shapes)
    if shape is None or (inline and shape != "caps"):
        return None
    body = _skip_hspace(text, after, n)
    if shape == "mixed" and body < n and text[body] in "\"“«'‘":
        return None  # "Dr. Walensky: “...”" quotes a statement inside a turn
    return LabelHit(
        start=i,
        end=end,
        body=body,
        text=printed,
        key=key,
        note=note or None,
        mixed=shape == "mixed",
    )


def outlet(hit: LabelHit) -> str | None:
    """The outlet a press label names: ``Reuters`` for ``QUESTION (Reuters)``."""
    note = hit.note
    if not note:
        return None
    first = note.split()[0].lower() if note.split() else ""
    if first in _NOT_OUTLET or not note[0].isupper():
        return None
    return note


def side_of(key: str) -> Side:
    """The side a label speaks for, from its words alone (UNKNOWN when they do not say)."""
    words = key.split()
    if len(words) >= 2 and _is_number(words[-1]):
        words = words[:-1]
        key = " ".join(words)
    if not words:
        return Side.UNKNOWN
    if key in _PRESS or key in _PRESS_PHRASES or words[-1] in _PRESS_LAST:
        return Side.PRESS
    if key in _MODERATOR or words[-1] in {"MODERATOR", "OPERATOR"}:
        return Side.MODERATOR
    if key in {"A", "ANSWER"} or "OFFICIAL" in words or words[-1] in {"OFFICIALS", "SPOKESPERSON"}:
        return Side.OFFICIAL
    if words[0] == "THE" and len(words) >= 2:
        return Side.OFFICIAL
    if words[0] in HONORIFICS and len(words) >= 2:
        return Side.OFFICIAL
    return Side.UNKNOWN
