"""Header, footer and stage directions of a transcript.

The header is what comes before the first turn: a title, "Name, Role" lines, a
date, a place, a start time. The footer is what comes after the last: ``END`` and
a time, "(The briefing was concluded at 2:29 p.m.)", ``# # #``. Stage directions
are bracketed notes inside turns: ``(Laughter.)``, ``[inaudible]``, ``(Off-mike.)``.
"""

from __future__ import annotations

import datetime as dt
import re

from briefings.text._transcript_labels import HSPACE

__all__: list[str] = []


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Linear patterns: no nested quantifiers, no overlapping alternatives.
_MONTH_DATE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \xa0]?"
    r"(\d{1,2})(?:st|nd|rd|th)?\b(?:,?[ \xa0]?(\d{4})\b)?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    r"\b(\d{1,2})[ \xa0](Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r",?[ \xa0](\d{4})\b",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_OPEN = re.compile(r"[(\[]")
_TIME = re.compile(r"\b(\d{1,2}):(\d{2})[ \xa0]*([AaPp])\.?[ \xa0]?[Mm]\b\.?")

_STAGE_WORDS = _wordset(
    """laughter laughs laughing applause inaudible unintelligible indiscernible off-mike
    off-mic offmike crosstalk cross-talk pause silence interruption interrupted chuckles
    chuckling sighs music cheers cheering booing boos coughs static overlapping
    simultaneous"""
)
_STAGE_PHRASES = frozenset(
    {
        "cross talk",
        "off mike",
        "off mic",
        "no response",
        "no audio",
        "audio break",
        "audio drops",
        "audio cuts out",
        "technical difficulties",
        "phone rings",
        "speaks in",
        "speaking in",
        "video plays",
        "break in audio",
    }
)


def _year(y: str) -> int:
    v = int(y)
    return v + (2000 if v < 70 else 1900) if len(y) == 2 else v


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_date(s: str, *, year: int | None = None) -> dt.date | None:
    """The first full date written in ``s`` (``May 22, 2018``, ``8/9/10``,
    ``2021-09-16``, ``17 June 2017``); a date without a year takes ``year``."""
    best: tuple[int, dt.date] | None = None
    for m in _MONTH_DATE.finditer(s):
        y = int(m.group(3)) if m.group(3) else year
        if y is None:
            continue
        got = _safe_date(y, _MONTHS[m.group(1)[:3].lower()], int(m.group(2)))
        if got is not None:
            best = (m.start(), got)
            break
    for pat, order in ((_DAY_MONTH, "dmy"), (_NUMERIC, "mdy"), (_ISO, "ymd")):
        m2 = pat.search(s)
        if m2 is None or (best is not None and best[0] <= m2.start()):
            continue
        a, b, c = m2.group(1), m2.group(2), m2.group(3)
        if order == "dmy":
            got = _safe_date(int(c), _MONTHS[b[:3].lower()], int(a))
        elif order == "mdy":
            got = _safe_date(_year(c), int(a), int(b))
        else:
            got = _safe_date(int(a), int(b), int(c))
        if got is not None:
            best = (m2.start(), got)
    return None if best is None else best[1]


def find_time(s: str) -> dt.time | None:
    """The first clock time (``2:02 p.m.``, ``12:05 P.M.``) in ``s``."""
    m = _TIME.search(s)
    if m is None:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 12 or mi > 59:
        return None
    if m.group(3).lower() == "p" and h != 12:
        h += 12
    if m.group(3).lower() == "a" and h == 12:
        h = 0
    return dt.time(h, mi)


def is_time_line(s: str) -> bool:
    """``2:02 p.m. EDT``, ``12:05 P.M. EST``: a start or end time on its own."""
    m = _TIME.search(s)
    if m is None or m.start() > 2:
        return False
    rest = s[m.end() :].strip(" \xa0.")
    return len(rest) <= 12 and all(w.isalpha() for w in rest.split())


def is_date_line(s: str) -> bool:
    """A short line that is mostly a date (``June 17, 2017``)."""
    return len(s) <= 60 and find_date(s) is not None and not s.rstrip().endswith((".", "?"))


def _cap_ratio(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in {"of", "the", "and", "for", "on", "in"}]
    if not content:
        return 0.0
    return sum(1 for w in content if w[:1].isupper() or w[:1].isdigit()) / len(content)


def is_name_role_line(s: str) -> bool:
    """``Jalina Porter, Principal Deputy Spokesperson``."""
    name, sep, role = s.partition(",")
    if not sep or len(s) > 120 or s.rstrip().endswith((".", "?", "!")):
        return False
    nw, rw = name.split(), role.split()
    return (
        2 <= len(nw) <= 4
        and all(w[:1].isupper() for w in nw)
        and 1 <= len(rw) <= 10
        and _cap_ratio(rw) >= 0.75
        and any(w.strip(",").lower() in _ROLE_WORDS for w in rw)
    )


_ROLE_WORDS = _wordset(
    """spokesperson spokesman spokeswoman secretary deputy press advisor adviser director
    minister ambassador president coordinator official officials counselor counsellor
    assistant administrator envoy chief undersecretary under representative state
    senior principal"""
)


def is_place_line(s: str) -> bool:
    """A short line of capitalised words with no sentence end: a place or venue."""
    t = s.strip(" \xa0")
    if len(t) > 70:
        return False  # (before splitting a long line into words)
    words = t.split()
    if not words or len(words) > 9 or t.endswith(("?", "!", ":", ";")):
        return False
    if t.endswith(".") and not t.endswith(("D.C.", "St.", "Ave.")):
        return False
    return t[0].isupper() and _cap_ratio(words) >= 0.6


def is_rule_line(s: str) -> bool:
    """A line of punctuation only (``____``, ``# # #``, ``* * *``)."""
    t = s.strip()
    return bool(t) and not any(c.isalnum() for c in t)


def is_footer(s: str) -> bool:
    """A closing line: ``END``, ``END 1:52 P.M. EST``, a time, ``(The briefing was
    concluded at 2:29 p.m.)``, ``# # #``, a glossary back-link ending in ``↑``."""
    t = s.strip(" \xa0\t*_")
    if not t:
        return False
    upper = t.upper()
    if upper == "END" or (upper.startswith("END") and len(t) < 60 and find_time(t) is not None):
        return True
    if is_time_line(t) or is_rule_line(t) or t.endswith("↑"):
        return True
    low = t.lower()
    return (
        t.startswith(("(", "["))
        and len(t) < 120
        and find_time(t) is not None
        and any(w in low for w in ("conclude", "ended", "end", "adjourn", "wrapped"))
    )


def unescape_yaml(raw: str) -> str:
    """A YAML scalar's value: quotes removed and double-quoted escapes read."""
    s = raw.strip()
    if len(s) >= 2 and s[0] == s[-1] == "'":
        return " ".join(s[1:-1].replace("''", "'").split())
    if not (len(s) >= 2 and s[0] == s[-1] == '"'):
        return " ".join(s.split())
    body = s[1:-1]
    out: list[str] = []
    i, n = 0, len(body)
    simple = {"n": "\n", "t": "\t", "_": "\xa0", "N": "\x85", " ": " ", '"': '"', "\\": "\\"}
    while i < n:
        c = body[i]
        if c == "\\" and i + 1 < n:
            nxt = body[i + 1]
            if nxt in "\r\n":  # escaped line break: join, dropping the indentation
                i += 2
                while i < n and body[i] in " \t\r\n":
                    i += 1
                continue
            if nxt in "uUx":
                width = {"u": 4, "U": 8, "x": 2}[nxt]
                code = body[i + 2 : i + 2 + width]
                try:
                    out.append(chr(int(code, 16)))
                    i += 2 + width
                    continue
                except ValueError:
                    pass
            out.append(simple.get(nxt, nxt))
            i += 2
            continue
        if c in "\r\n":  # folded line break: one space
            while out and out[-1] in " \t":
                out.pop()
            out.append(" ")
            i += 1
            while i < n and body[i] in " \t":
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out).strip()


def stage_directions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Bracketed stage directions in ``text[start:end]``: ``(Laughter.)``,
    ``[inaudible]``, ``\\[crosstalk\\]`` (Markdown escapes included in the span)."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        m = _OPEN.search(text, i, end)
        if m is None:
            break
        i = m.start()
        c = text[i]
        close = ")" if c == "(" else "]"
        j = i + 1
        stop = min(end, i + 48)
        while j < stop and text[j] != close and text[j] not in "([\n":
            j += 1
        if j >= stop or text[j] != close:
            i += 1
            continue
        inner = text[i + 1 : j].replace("\\", "").strip(" \xa0.")
        low = " ".join(inner.lower().split())
        first = low.split(" ", 1)[0].strip(".,;:") if low else ""
        if first in _STAGE_WORDS or any(low.startswith(p) for p in _STAGE_PHRASES):
            s = i - 1 if i > start and text[i - 1] == "\\" else i
            found.append((s, j + 1))
        i = j + 1
    return found


def clean(s: str) -> str:
    """``s`` with runs of whitespace (no-break spaces too) as single spaces."""
    return " ".join(s.replace("\xa0", " ").split())


# a line break, or a whole run of three or more blanks (a run is read from its first
# blank: a shorter run fails at once, one character a time, with no backtracking)
_WIDE_CUT = re.compile("[\r\n]|[" + "".join(sorted(HSPACE)) + "]{3,}")


def split_wide(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at line breaks and at runs of three or more spaces."""
    out: list[tuple[int, int]] = []
    seg = start
    for m in _WIDE_CUT.finditer(text, start, end):
        out.append((seg, m.start()))
        seg = m.end()
    out.append((seg, end))
    trimmed = []
    for s0, e0 in out:
        s, e = s0, e0
        while s < e and (text[s] in HSPACE or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in HSPACE or text[e - 1].isspace()):
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed
