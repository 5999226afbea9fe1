"""Paragraphs, sentences and word tokens, with offsets into the original text.

Every function here is a hand-written linear scan (or uses a regular expression
with no nested quantifiers): the readers run in time linear in their input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__: list[str] = []


def _words(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


# Words after which a period does not end a sentence.
ABBREVIATIONS = _words(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov lt.gov pres st jr sr
    rev hon amb sec supt insp det gens reps sens messrs mmes jan feb mar apr jun jul aug
    sep sept oct nov dec inc corp co ltd llc bros no nos vol p pp fig approx est dept
    univ ave blvd vs etc al e.g i.e u.s u.k u.n u.s.a e.u d.c a.m p.m ph.d"""
)
# Abbreviations that usually stand before a name or number, never at a sentence end.
_PREFIX_ABBREVIATIONS = _words(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt sen rep gov st rev hon amb sec no
    nos jan feb mar apr jun jul aug sep sept oct nov dec messrs"""
)

_STOP = re.compile(r"[.!?…]")
# a token with the whitespace before it (one match per token, matches back to back)
# ("said.Trump claimed": a period glued to a new sentence's first word does not join them)
_PAIR = re.compile(r"(\s*)(\w+(?:[’'\-]\w+|\.(?![A-Z][a-z])\w+)*|\S)")
_OPENERS = "\"“„«‘'([‹"
_CLOSERS = "\"”»’')]›"


class Token:
    """A word or a punctuation mark; ``text`` is ``source[start:end]``.

    ``low`` is the lower-cased text, ``is_word`` whether it is a word (not
    punctuation), ``is_cap`` whether it starts with a capital letter.
    """

    __slots__ = ("end", "is_cap", "is_word", "low", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        low = text.lower()
        self.low = text if low == text else low  # one string, not two, when equal
        first = text[:1]
        self.is_word = first.isalnum()
        self.is_cap = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def paragraphs(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:end]``, stripped, as ``(start, end)``."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        j = text.find("\n", i, end)
        if j < 0:
            j = end
        a, b = i, j
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
        i = j + 1
    return out


def tokens(text: str, start: int, end: int) -> list[Token]:
    """Word and punctuation tokens of ``text[start:end]``; an abbreviation keeps its period.

    One pass of ``_PAIR`` (the gap before each token, then the token; the matches
    are back to back, so offsets are running sums) and one lower-casing of the
    whole stretch, sliced per token: lower-casing maps each character on its own
    but for a capital sigma (final or not by its neighbours), and a mapping to
    more than one character (``İ``) shows as a change of length; either way each
    token is lower-cased on its own instead.
    """
    out: list[Token] = []
    append = out.append
    new = Token.__new__
    seg = text[start:end]
    lowered = seg.lower()
    low_seg = None if len(lowered) != len(seg) or "Σ" in seg else lowered
    pos = start
    merged = False  # the period the token before took is the next match
    # one string per distinct character beyond Latin-1 ("“", "—"; Python shares the others)
    chars: dict[str, str] = {}
    for gap, match in _PAIR.findall(text, start, end):
        i = pos + len(gap)
        j = i + len(match)
        pos = j
        if merged:
            merged = False
            continue
        word = match
        first = word[0]
        is_word = first.isalnum()
        if is_word and j < end and text[j] == "." and _keeps_period(word):
            j += 1
            word += "."
            merged = True
        elif j - i == 1 and word > "\xff":
            word = chars.setdefault(word, word)
        low = word.lower() if low_seg is None else low_seg[i - start : j - start]
        t = new(Token)
        t.start = i
        t.end = j
        t.text = word
        t.low = word if low == word else low  # one string, not two, when equal
        t.is_word = is_word
        t.is_cap = first.isupper()
        append(t)
    return out


def _keeps_period(word: str) -> bool:
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if "." in word:  # U.S, e.g
        return True
    return len(word) == 1 and word.isupper()  # an initial: "John F. Kennedy"


def is_abbreviation_end(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    low = word.lower()
    if not word:
        return False
    if low in _PREFIX_ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True
    return "." in word and len(word) <= 6 and low in ABBREVIATIONS


def _is_boundary_start(text: str, j: int, end: int) -> bool:
    """Whether a sentence can start at ``j`` (after the whitespace that follows a stop)."""
    while j < end and text[j] in _OPENERS:
        j += 1
    if j >= end:
        return True
    ch = text[j]
    return ch.isupper() or ch.isdigit() or ch in "—–-•*"


def sentences(
    text: str, start: int, end: int, protected: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one paragraph). No boundary falls strictly
    inside a ``protected`` stretch (closed quotes) unless at its very end."""
    out: list[tuple[int, int]] = []
    prot = sorted(protected)
    pi = 0
    sent_start = start
    i = start
    next_stop = -1  # the next stop character at or after i (searched once per stop)
    while i < end:
        while pi < len(prot) and prot[pi][1] <= i:
            pi += 1
        inside = pi < len(prot) and prot[pi][0] < i < prot[pi][1]
        if inside:
            # jump to the end of the protected stretch; it may itself end a sentence
            qend = prot[pi][1]
            i = qend
            k = qend - 2
            if k >= start and text[k] in ".!?…" and _gap_then_start(text, qend, end):
                out.append((sent_start, qend))
                sent_start = skip_space(text, qend, end)
                i = sent_start
            continue
        if next_stop < i:
            m = _STOP.search(text, i, end)
            next_stop = end if m is None else m.start()
        p = next_stop
        if pi < len(prot) and prot[pi][0] < p:
            i = prot[pi][0] + 1  # enter the protected stretch before the next stop
            continue
        if p >= end:
            break
        i = p
        ch = text[i]
        if ch in ".!?…":
            j = i + 1
            while j < end and text[j] in ".!?…":
                j += 1
            while j < end and text[j] in _CLOSERS:
                j += 1
            if j >= end:
                break
            if not text[j].isspace():
                if ch == "." and j == i + 1 and _glued_start(text, i, end):
                    out.append((sent_start, j))  # "... Trump said.Trump claimed ..."
                    sent_start = j
                i = j
                continue
            if ch == "." and j == i + 1 and is_abbreviation_end(text, i):
                i = j
                continue
            k = skip_space(text, j, end)
            if _is_boundary_start(text, k, end):
                out.append((sent_start, j))
                sent_start = k
                i = k
                continue
            i = j
            continue
        i += 1
    b = end
    while b > sent_start and text[b - 1].isspace():
        b -= 1
    if b > sent_start:
        out.append((sent_start, b))
    return out


def _glued_start(text: str, dot: int, end: int) -> bool:
    """Whether the period at ``dot`` ends a lower-case word and a capitalised word
    follows with no space (``said.Trump``): a missing space between sentences."""
    if dot < 2 or dot + 2 >= end:
        return False
    if not (text[dot - 1].islower() and text[dot - 2].islower()):
        return False
    if not (text[dot + 1].isupper() and text[dot + 2].islower()):
        return False
    j = dot + 1
    while j < end and text[j].isalpha():
        j += 1
    if j + 1 < end and text[j] == "." and text[j + 1].isalpha():
        return False  # "www.Politico.com": a web address
    k = dot - 1
    while k >= 0 and text[k].isalpha():
        k -= 1
    return k < 0 or text[k].isspace()


def skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _gap_then_start(text: str, j: int, end: int) -> bool:
    if j >= end or not text[j].isspace():
        return False
    return _is_boundary_start(text, skip_space(text, j, end), end)
