"""Smaller readings of a report: negation, hedges, the briefing's date, headline claims."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefings.model import Form, SpeechAct, TimeKind
from briefings.text._cues import BELIEF_FORMS, SPEECH_FORMS
from briefings.text._sentences import sentences, tokens
from briefings.text._speakers import classify

if TYPE_CHECKING:
    from briefings.text._report_claims import Context, RawClaim
    from briefings.text._time import TimeMatch

__all__: list[str] = []


def _words(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``."""
    return frozenset(words.split())


_NEGATION_WORDS = ["not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot"]
_HEDGE_WORDS = [
    "if",
    "might",
    "may",
    "could",
    "perhaps",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "maybe",
    "apparently",
    "unless",
    "seemingly",
    "presumably",
    "possible",
]


def _first_letters(words: list[str]) -> str:
    """A look-ahead for the first letters of ``words``: compiled with the same
    flags as the alternation after it, it lets the regex engine skip quickly over
    every other character (it folds case exactly as the alternation does)."""
    return "(?=[" + "".join(sorted({w[0] for w in words})) + "])"


# word alternations of literals between word boundaries: no backtracking beyond one word
_NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|cannot|\w+n[’']t)\b", re.IGNORECASE
)
# the same without the contraction, for a stretch that holds no "n't": there it never
# matches, and trying it at every word (reading the word to its end and back) is slow
_NEGATION_NO_CONTRACTION = re.compile(
    _first_letters(_NEGATION_WORDS) + r"\b(?:" + "|".join(_NEGATION_WORDS) + r")\b",
    re.IGNORECASE,
)
_CONTRACTION = re.compile(r"n[’']t", re.IGNORECASE)
_HEDGE = re.compile(
    _first_letters(_HEDGE_WORDS) + r"\b(?:" + "|".join(_HEDGE_WORDS) + r")\b", re.IGNORECASE
)
# negation and hedge words in the folded text (_fold), in lower case without the flag:
# both kinds in one pass, a hedge as group 1: no word is of both kinds, so at a word at
# most one alternative can match (and matches take whole words)
_BOTH_LOW = re.compile(
    _first_letters(_NEGATION_WORDS + _HEDGE_WORDS)
    + r"\b(?:("
    + "|".join(_HEDGE_WORDS)
    + ")|"
    + "|".join(_NEGATION_WORDS)
    + r")\b"
)
_BOTH_CONTRACTED_LOW = re.compile(
    r"\b(?:(" + "|".join(_HEDGE_WORDS) + ")|" + "|".join(_NEGATION_WORDS) + r"|\w+n[’']t)\b"
)
_BRIEFING_WORDS = (
    "briefing",
    "press conference",
    "news conference",
    "told reporters",
    "told journalists",
    "press gaggle",
    "conference call",
)
# what a readout reports on ("Secretary Blinken spoke with ... today"): a call or a
# meeting, dated in the same sentence
_MEETING_WORDS = (
    "spoke with",
    "spoke by phone",
    "spoke today",
    "met with",
    "met today",
    "met virtually",
    "telephone conversation",
    "phone call",
    "call with",
    "held talks",
)
_DASH_SEPARATORS = (" — ", " – ", " - ", " -- ")


def negations_in(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Negation words in ``text[a:b]`` (``not``, ``no``, ``never``, ``n't``...)."""
    pattern = _NEGATION if _CONTRACTION.search(text, a, b) else _NEGATION_NO_CONTRACTION
    return [(m.start(), m.end()) for m in pattern.finditer(text, a, b)]


def hedges_in(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Hedging words in ``text[a:b]`` (``if``, ``might``, ``perhaps``...)."""
    return [(m.start(), m.end()) for m in _HEDGE.finditer(text, a, b)]


def negations_and_hedges_in(
    text: str, a: int, b: int, low: str | None = None
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """``negations_in(text, a, b)`` and ``hedges_in(text, a, b)``. ``low``, if
    given, is :func:`~briefings.text._fold.folded` ``(text)``: both kinds of word
    are then found in one search of it, without folding case as it goes (the
    same offsets; a word is never of both kinds, the matches of both searches
    are whole words, and one of each never overlaps)."""
    if low is None:
        return negations_in(text, a, b), hedges_in(text, a, b)
    contracted = low.find("n't", a, b) >= 0 or low.find("n’t", a, b) >= 0
    negs: list[tuple[int, int]] = []
    hedges: list[tuple[int, int]] = []
    for m in (_BOTH_CONTRACTED_LOW if contracted else _BOTH_LOW).finditer(low, a, b):
        (negs if m.group(1) is None else hedges).append(m.span())
    return negs, hedges


def find_held_on(
    text: str,
    body: Sequence[tuple[int, int]],
    times: Sequence[TimeMatch],
    skip: tuple[int, int] | None = None,
) -> tuple[dt.date, tuple[int, int]] | None:
    """The briefing's date, from a sentence in the first paragraphs that names the
    briefing and a date ("During his briefing yesterday"), with that evidence."""
    starts = [t.start for t in times]
    for a, b in body[:3]:
        if not _names_any(text, a, b, _BRIEFING_WORDS):
            continue  # no sentence of the paragraph names the briefing: not split
        for s, e in sentences(text, a, b)[:20]:
            low = text[s:e].lower()
            for word in _BRIEFING_WORDS:
                i = low.find(word)
                if i < 0:
                    continue
                ks, ke = s + i, s + i + len(word)
                for t in times[bisect_left(starts, s) : bisect_left(starts, e)]:
                    if t.kind is not TimeKind.DATE:
                        continue
                    if t.value_start is None or (skip and skip[0] <= t.start < skip[1]):
                        continue
                    if t.start >= ke and t.start - ke <= 25:
                        lo = _phrase_start(text, s, ks)
                        return t.value_start, (lo, t.end)
                    if t.end <= ks and ks - t.end <= 25:
                        return t.value_start, (t.start, ke)
    return _meeting_date(text, body, times, starts, skip)


def _names_any(text: str, a: int, b: int, words: Sequence[str]) -> bool:
    """Whether ``text[a:b]`` in lower case holds one of ``words`` (ASCII, lower
    case): so does a sentence of it in lower case only if this holds, as lowering
    maps each character alone (but a capital sigma, which is not ASCII either)."""
    low = text[a:b].lower()
    return any(w in low for w in words)


def _meeting_date(
    text: str,
    body: Sequence[tuple[int, int]],
    times: Sequence[TimeMatch],
    starts: list[int],
    skip: tuple[int, int] | None,
) -> tuple[dt.date, tuple[int, int]] | None:
    """A readout's date: the opening sentence's call or meeting and the date in that
    sentence ("Secretary Blinken spoke with Prime Minister Hamdok today")."""
    for a, b in body[:4]:
        if not _names_any(text, a, b, _MEETING_WORDS):
            continue
        for s, e in sentences(text, a, b)[:2]:
            low = text[s:e].lower()
            hits = [(i, w) for w in _MEETING_WORDS if (i := low.find(w)) >= 0]
            if not hits:
                continue
            i, word = min(hits)
            ks, ke = s + i, s + i + len(word)
            for t in times[bisect_left(starts, s) : bisect_left(starts, e)]:
                if t.kind is not TimeKind.DATE or t.value_start is None:
                    continue
                if skip and skip[0] <= t.start < skip[1]:
                    continue
                return t.value_start, (min(ks, t.start), max(ke, t.end))
    return None


def _phrase_start(text: str, s: int, ks: int) -> int:
    """Back up over "During his" / "at a" before a briefing word."""
    toks = tokens(text, max(s, ks - 30), ks)
    lo = ks
    for t in reversed(toks[-3:]):
        if t.low in {
            "during",
            "at",
            "in",
            "his",
            "her",
            "their",
            "a",
            "the",
            "its",
            "daily",
            "regular",
            "weekly",
            "press",
            "news",
        }:
            lo = t.start
        else:
            break
    return lo


def _headline_future(text: str, a: int, b: int) -> bool:
    """Whether a headline announces a plan in headline style: a short subject, then
    ``to`` and a verb (``Minister to visit Hanoi in May``), the first ``to`` of the line."""
    toks = tokens(text, a, b)
    for n, t in enumerate(toks[:7]):
        if t.low == "to":
            nxt = toks[n + 1] if n + 1 < len(toks) else None
            return n >= 1 and nxt is not None and nxt.is_word and not nxt.is_cap
        if not t.is_word or t.low in SPEECH_FORMS or t.low in BELIEF_FORMS:
            return False  # "Russia expects to ...": a verb already
    return False


def headline_claim(ctx: Context, a: int, b: int) -> RawClaim | None:
    """A claim made by a headline ``Content — Speaker`` (``... — Russian envoy``)."""
    from briefings.text._report_claims import RawClaim

    text = ctx.text
    line = text[a:b]
    cut = -1
    sep = ""
    for s in _DASH_SEPARATORS:
        i = line.rfind(s)
        if i > cut:
            cut, sep = i, s
    if cut <= 0:
        return None
    ms, me = a + cut + len(sep), b
    toks = tokens(text, ms, me)
    if not toks or len(toks) > 7:
        return None
    ph = classify(text, toks, 0, len(toks))
    if ph is None:
        return None
    if ph.kind == "person":
        rec = ctx.registry.person(ph.name, ph.role, ph.start)
    elif ph.kind == "role":
        found = ctx.registry.by_role(ph.role, ph.start)
        if found is None:
            return None
        rec = found
    else:
        return None
    content_end = a + cut
    if content_end - a < 10:
        return None
    return RawClaim(
        speaker=rec,
        mention=(ph.start, ph.end, ph.mention_kind),
        cue=None,
        cue_parts=[],
        lemma="",
        act=SpeechAct.ANNOUNCEMENT
        if _headline_future(text, a, content_end)
        else SpeechAct.STATEMENT,
        form=Form.INDIRECT,
        content=(a, content_end),
        para=-1,
    )
