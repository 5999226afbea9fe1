"""Quotation marks: find quoted stretches in one paragraph, in a single linear scan.

Marks handled: straight ``"``, curly ``“ ”``, guillemets ``« »``, low-9 ``„ “``;
single quotes (``‘ ’`` and ``'``) only nested inside a double quote. A quote opened
but never closed runs to the end of its paragraph (``closed`` is false), so a
stray mark never reaches past the paragraph it sits in. A closing mark with no
opening one is ignored, except a ``”`` typed for ``“`` (at the start of a paragraph
or after a space, with a word next).
"""

from __future__ import annotations

import re

import attrs

__all__: list[str] = []

_OPEN_CLOSE = {"“": "”", "«": "»", "„": "“”", "‹": "›"}
_MARK = re.compile("[\"“”„«»‹›]|''|``")
CLOSING_MARKS = frozenset("\"”»›“'")
_ELLIPSIS_DOTS = "..."
_INSERTION_MARK = re.compile("[\\[<….]")  # where an insertion can start


@attrs.frozen
class Quote:
    """``[start, end)`` includes the marks; ``[inner_start, inner_end)`` is inside them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool


def _opens_straight(text: str, i: int, lo: int) -> bool:
    """Whether a straight ``"`` at ``i`` opens a quote (by what stands before it)."""
    if i == lo:
        return True
    prev = text[i - 1]
    return prev.isspace() or prev in "([{—–-/:;,"


def _opens_reversed(text: str, i: int, lo: int, hi: int) -> bool:
    """Whether a closing-style ``”`` at ``i`` opens a quote, as a typo for ``“``: it
    starts the paragraph or follows a space, and a word (or `` …``) comes next."""
    if i > lo and not text[i - 1].isspace() and text[i - 1] not in "\u202a(":
        return False
    nxt = text[i + 1 : i + 2]
    if nxt.isalnum():
        return True
    return nxt == " " and text.startswith(("…", "..."), i + 2) and i + 5 < hi


_LOOSE_CLOSERS = frozenset({'"', "”", "“"})


def _closes(text: str, i: int) -> bool:
    """Whether a mark of another style at ``i`` closes the open quote: it follows a
    word or punctuation and is followed by a space, punctuation or the end
    (``“It's unusual,"`` ``"It's hard,“``)."""
    if i == 0 or text[i - 1].isspace():
        return False
    nxt = text[i + 1 : i + 2]
    return not nxt or nxt.isspace() or nxt in ",.;:!?)—–-"


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """The top-level quotes in ``text[start:end]`` (one paragraph), in order.

    Besides the typographic marks, a doubled apostrophe ``''`` (and a TeX-style
    opening ````) stands for a straight double quote.
    """
    end = len(text) if end is None else end
    quotes: list[Quote] = []
    open_at = -1
    open_len = 1
    closers: tuple[str, ...] = ()
    nested = False  # a straight quote open inside a quote of another style
    for m in _MARK.finditer(text, start, end):
        mark = m.group()
        i = m.start()
        if open_at < 0:
            if mark in _OPEN_CLOSE:
                open_at, open_len, closers = i, 1, tuple(_OPEN_CLOSE[mark])
            elif mark == "``":
                open_at, open_len, closers = i, 2, ("''",)
            elif mark in {'"', "''"} and _opens_straight(text, i, start):
                open_at, open_len, closers = i, len(mark), (mark,)
            elif mark == "”" and _opens_reversed(text, i, start, end):
                open_at, open_len, closers = i, 1, ("”",)
            nested = False
            continue
        if i < open_at + open_len:
            continue
        if mark in closers:
            if mark == "“" and closers == ("“", "”") and m.end() < end and text[m.end()].isalnum():
                continue  # a „low-9 quote closes with “ before a non-letter only
        elif mark == '"' and (nested or (i > start and text[i - 1] in " \t([{—–/")):
            nested = not nested  # a straight quote nested in a curly one
            continue
        elif not (mark in _LOOSE_CLOSERS and _closes(text, i)):
            continue
        quotes.append(Quote(open_at, m.end(), open_at + open_len, i, closed=True))
        open_at = -1
    if open_at >= 0:
        stop = end
        while stop > open_at + open_len and text[stop - 1].isspace():
            stop -= 1
        quotes.append(Quote(open_at, stop, open_at + open_len, stop, closed=False))
    return quotes


def find_insertions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Editorial marks inside quoted words: ``(start, end, kind)`` with kind
    ``"ellipsis"`` (``...``, ``…``, ``<…>``) or ``"bracket"`` (``[words]``)."""
    out: list[tuple[int, int, str]] = []
    i = start
    while i < end:
        m = _INSERTION_MARK.search(text, i, end)  # every other character is skipped
        if m is None:
            break
        i = m.start()
        ch = text[i]
        if ch == "[":
            j = text.find("]", i + 1, min(end, i + 400))
            if j > i + 1 and text.find("[", i + 1, j) < 0:
                out.append((i, j + 1, "bracket"))
                i = j + 1
                continue
        elif ch == "<" and text.startswith("<…>", i):
            out.append((i, i + 3, "ellipsis"))
            i += 3
            continue
        elif ch == "…":
            out.append((i, i + 1, "ellipsis"))
        elif ch == "." and text.startswith(_ELLIPSIS_DOTS, i):
            j = i
            while j < end and text[j] == ".":
                j += 1
            out.append((i, j, "ellipsis"))
            i = j
            continue
        i += 1
    return out
