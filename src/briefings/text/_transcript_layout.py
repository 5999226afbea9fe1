"""The layout of a transcript: front matter, lines, paragraphs and where labels sit.

Everything here is one left-to-right pass over the text (plus bounded look-ahead
at each line start), so it is linear in the input.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from briefings.text._transcript_labels import (
    HSPACE,
    LabelHit,
    Shapes,
    Side,
    match_label,
    side_of,
)

__all__: list[str] = []

_TERMINAL = frozenset('.?!:"”’)]—–-')


class Line(NamedTuple):
    """One line: ``[start, end)`` without its line break; ``first`` is the offset of
    its first non-blank character (``end`` for a blank line). A named tuple: a long
    transcript has tens of thousands of lines."""

    start: int
    end: int
    first: int

    @property
    def blank(self) -> bool:
        """Whether the line holds only whitespace."""
        return self.first >= self.end


@attrs.frozen(kw_only=True)
class FrontMatter:
    """A YAML front-matter block: where it ends and its ``key: value`` fields.

    Each value is ``(raw, start, end)``: the raw text and its offsets (folded lines
    included, quotes excluded).
    """

    end: int = 0
    fields: dict[str, tuple[str, int, int]] = attrs.field(factory=dict)


_GAP = re.compile("[" + "".join(sorted(HSPACE)) + "]{2,}")
# one line: its blanks (white space but a line break: no-break spaces too), the rest
# of it, and its break (none at the end of the text); no backtracking, as each part
# stops where the next begins
_LINE = re.compile(r"([^\S\r\n]*)[^\r\n]*(\r\n|\r|\n|)")


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` (``\\n``, ``\\r\\n`` or ``\\r`` breaks)."""
    lines: list[Line] = []
    for m in _LINE.finditer(text):
        end, brk = m.span(2)
        lines.append(Line(m.start(), end, m.end(1)))
        if brk == end:
            break  # the last line: the text ends there
    return lines


def read_front_matter(text: str, lines: list[Line]) -> FrontMatter:
    """The ``---``-delimited block at the very start of ``text``, if any."""
    if not lines or text[lines[0].start : lines[0].end].rstrip() != "---":
        return FrontMatter()
    fields: dict[str, tuple[str, int, int]] = {}
    key: str | None = None
    for line in lines[1:]:
        raw = text[line.start : line.end]
        if raw.rstrip() in {"---", "..."}:
            return FrontMatter(end=line.end, fields=fields)
        if line.blank:
            continue
        if line.first == line.start and ":" in raw:
            name = raw.partition(":")[0]
            key = name.strip()
            vstart = line.start + len(name) + 1
            while vstart < line.end and text[vstart] in HSPACE:
                vstart += 1
            fields[key] = (text[vstart : line.end], vstart, line.end)
        elif key is not None and line.first > line.start:
            _, vstart, _ = fields[key]
            fields[key] = (text[vstart : line.end], vstart, line.end)
    return FrontMatter()


def paragraph_starts(text: str, lines: list[Line]) -> set[int]:
    """Line starts that open a paragraph: after a blank line, or after a line ending
    a sentence (unwrapped layouts put one turn per line)."""
    starts: set[int] = set()
    prev_blank = True
    prev_end_char = ""
    for line in lines:
        if line.blank:
            prev_blank = True
            continue
        if prev_blank or prev_end_char in _TERMINAL:
            starts.add(line.start)
        prev_blank = False
        k = line.end
        while k > line.first and (text[k - 1] in HSPACE or text[k - 1].isspace()):
            k -= 1
        prev_end_char = text[k - 1] if k > line.first else ""
    return starts


def _after_sentence(text: str, i: int) -> bool:
    """Whether the character before offset ``i`` ends a sentence or a cut-off phrase."""
    return i > 0 and text[i - 1] in '.?!"”’)-—'


def find_labels(text: str, lines: list[Line], start: int, end: int) -> list[LabelHit]:
    """Every speaker label in ``text[start:end]``, in order.

    Labels open a line; mixed-case labels (``Zhao Lijian:``) must also open a
    paragraph. Upper-case labels and bare ``Q`` are also read in the middle of a
    line after a run of three or more spaces (turns run together on one line).
    """
    para = paragraph_starts(text, lines)
    hits: list[LabelHit] = []
    shapes: Shapes = {}
    for line in lines:
        if line.end <= start or line.start >= end or line.blank:
            continue
        limit = min(line.end, end)
        pos = max(line.first, start)
        hit = match_label(text, pos, limit, shapes=shapes)
        # inside a paragraph (a wrapped line), only a label that says who it is
        if (
            hit is not None
            and line.start not in para
            and hit.key not in {"Q", "A"}
            and (hit.mixed or side_of(hit.key) is Side.UNKNOWN)
        ):
            hit = None
        if hit is not None:
            hits.append(hit)
            pos = hit.body
        # labels inside the line, after a wide gap
        i = pos
        while i < limit:
            m = _GAP.search(text, i, limit)
            if m is None:
                break
            gi, j = m.start(), m.end()
            if j < limit and (j - gi >= 3 or _after_sentence(text, gi)):
                inner = match_label(text, j, limit, inline=True, shapes=shapes)
                if inner is not None and (j - gi >= 3 or side_of(inner.key) is not Side.UNKNOWN):
                    hits.append(inner)
                    i = max(inner.body, j + 1)
                    continue
            i = j
    return hits


def paragraphs(text: str, lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs (runs of non-blank lines) inside ``[start, end)``, trimmed."""
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for line in lines:
        if line.end <= start or line.start >= end:
            continue
        if line.blank:
            if cur is not None:
                out.append(cur)
                cur = None
            continue
        s = max(line.first, start)
        e = min(line.end, end)
        cur = (s, e) if cur is None else (cur[0], e)
    if cur is not None:
        out.append(cur)
    trimmed: list[tuple[int, int]] = []
    for s0, e0 in out:
        s, e = s0, e0
        while e > s and (text[e - 1] in HSPACE or text[e - 1].isspace()):
            e -= 1
        while s < e and (text[s] in HSPACE or text[s].isspace()):
            s += 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def rtrim(text: str, start: int, end: int) -> int:
    """``end`` moved left over whitespace, not past ``start``."""
    while end > start and (text[end - 1] in HSPACE or text[end - 1].isspace()):
        end -= 1
    return end


def ltrim(text: str, start: int, end: int) -> int:
    """``start`` moved right over whitespace, not past ``end``."""
    while start < end and (text[start] in HSPACE or text[start].isspace()):
        start += 1
    return start
