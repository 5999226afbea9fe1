"""Datelines: the place, date and outlet a news report opens its body with.

:func:`find_dateline` recognises, at the start of one of the first lines of a
report (after a title, a standfirst or page chrome):

* ``Mar. 14, 2023 (NWSX)—`` (date, outlet, dash);
* ``MOSCOW, Jan 24 (Reuters) -`` and ``BEIJING, May 22 (Xinhua) --`` (place, date,
  outlet, dash);
* ``WASHINGTON (AP) —``, ``KYIV, Ukraine (AP) —`` and ``WASHINGTON —`` (place,
  outlet, dash);
* ``LAKEVILLE /North Region/, December 26. /TASS/.`` (place with region, date,
  outlet between slashes);
* ``MOSCOW, December 26.`` (place and date);
* a line holding nothing but a full date (``August 19, 2003``).

A date without a year takes the year of ``published`` (the latest such day not
after it, give or take a day for time zones), or stays ``None`` when there is no
publication date. The scan reads a bounded prefix of the text with a hand-written
scanner, so it is constant time in the length of the text and never raises.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from briefings.text._time import _DMY, _MDY, _MONTHS

__all__ = ["Dateline", "find_dateline"]

_PREFIX = 4000  # characters of the text searched
_MAX_LINES = 8  # non-empty lines searched
_DASHES = "-–—―"
_PLACE_PUNCT = " .'’-&"
_SPACE = " \t\u00a0"
# labels that stand where a place would ("EXCLUSIVE —")
_NOT_PLACES = frozenset(
    {
        "EXCLUSIVE",
        "BREAKING",
        "UPDATE",
        "UPDATED",
        "ANALYSIS",
        "OPINION",
        "COMMENTARY",
        "EDITORIAL",
        "WATCH",
        "VIDEO",
        "LIVE",
        "CORRECTION",
        "EXCERPT",
        "ABSTRACT",
        "REVIEW",
        "NOTE",
        "PHOTOS",
    }
)


@attrs.frozen(kw_only=True)
class Dateline:
    """A report's dateline: ``text[start:end]`` and what it says.

    ``year_given`` says whether the year was printed; when it was not, ``date``
    takes its year from the publication date (or is ``None`` without one).
    """

    start: int
    end: int
    place: str | None
    date: dt.date | None
    outlet: str | None
    year_given: bool


def _skip(text: str, i: int, limit: int) -> int:
    while i < limit and text[i] in _SPACE:
        i += 1
    return i


def _place(text: str, i: int, limit: int) -> int:
    """The end of an upper-case place name at ``i`` ("MOSCOW", "NEW YORK"), or ``i``."""
    j = i
    letters = 0
    while j < limit and j - i <= 40:
        c = text[j]
        if c.isalpha():
            if not c.isupper():
                return i  # "Moscow": not a dateline place
            letters += 1
        elif c == "-" and not (j + 1 < limit and text[j + 1].isalpha()):
            break  # a dash, not a hyphen
        elif c not in _PLACE_PUNCT:
            break
        j += 1
    if letters < 2 or not text[i].isalpha():
        return i
    while j > i and text[j - 1] in _SPACE:
        j -= 1
    words = text[i:j].split()
    if len(words) > 4 or any(w.endswith(("'S", "’S")) for w in words):
        return i  # a shouted headline ("INDIANA’S DEMOGRAPHICS FAVOR CRUZ"), not a place
    if len(words) == 1 and words[0] in _NOT_PLACES:
        return i
    return j


def _delimited(text: str, i: int, limit: int, open_: str, close: str) -> int:
    """The end of ``open_ ... close`` at ``i`` on one line (at most 40 characters), or ``i``."""
    if i >= limit or text[i] != open_:
        return i
    j = text.find(close, i + 1, min(limit, i + 42))
    if j < 0 or j == i + 1 or "\n" in text[i:j]:
        return i
    return j + 1


def _qualifier(text: str, i: int, limit: int) -> int:
    """The end of ", Ukraine" / ", Calif." after a place, or ``i``."""
    if i >= limit or text[i] != ",":
        return i
    j = _skip(text, i + 1, limit)
    k = j
    while k < limit and k - j <= 30:
        c = text[k]
        if not (
            c.isalpha() or c in " .'" or (c == "-" and k + 1 < limit and text[k + 1].isalpha())
        ):
            break
        k += 1
    if k == j or not text[j].isupper():
        return i
    while k > j and text[k - 1] == " ":
        k -= 1
    return k


def _date_at(text: str, i: int, limit: int) -> tuple[int, int, int, int | None] | None:
    """(end, month, day, year) of a date starting exactly at ``i``."""
    for pattern in (_MDY, _DMY):
        m = pattern.match(text, i, limit)
        if m is None:
            continue
        try:
            year = m.group("year")
        except IndexError:  # pragma: no cover - both patterns have the group
            year = None
        month = _MONTHS[m.group("month").lower().rstrip(".")]
        return m.end(), month, int(m.group("day")), int(year) if year else None
    return None


def _resolve(
    month: int, day: int, year: int | None, published: dt.date | None
) -> tuple[dt.date | None, bool]:
    if year is not None:
        try:
            return dt.date(year, month, day), True
        except ValueError:
            return None, True
    if published is None:
        return None, False
    # a dateline is not later than the publication (a day's grace for time zones)
    best: dt.date | None = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if (d - published).days <= 1 and (best is None or d > best):
            best = d
    return best, False


def _dash(text: str, i: int, limit: int) -> int:
    """The end of a dash ("—", "-", "--") at ``i`` after optional spaces, or ``i``."""
    j = _skip(text, i, limit)
    if text.startswith("--", j):
        return j + 2
    if j < limit and text[j] in _DASHES:
        return j + 1
    return i


_DATE_LINE = re.compile(r"[ \t]*\r?(?:\n|$)")


def _at(text: str, i: int, limit: int, published: dt.date | None) -> Dateline | None:
    """A dateline starting at ``i`` (the start of a line), or ``None``."""
    start = i
    place: str | None = None
    date: dt.date | None = None
    year_given = False
    outlet: str | None = None
    dated = False

    j = _place(text, i, limit)
    if j > i:
        place_end = j
        k = _skip(text, j, limit)
        region = _delimited(text, k, limit, "/", "/")
        if region > k and region < limit and text[region] == ",":
            place_end = j = region
        i = j
        if i < limit and text[i] == ",":
            k = _skip(text, i + 1, limit)
            if _date_at(text, k, limit) is None:
                i = place_end = _qualifier(text, i, limit)
        place = text[start:place_end]
    else:
        # a date first: "Mar. 14, 2023 (NWSX)—", or a line that is just a date
        found = _date_at(text, i, limit)
        if found is None:
            return None
        end, month, day, year = found
        if year is not None and _DATE_LINE.match(text, end):
            date, year_given = _resolve(month, day, year, published)
            return Dateline(
                start=start, end=end, place=None, date=date, outlet=None, year_given=year_given
            )
    # the date after the place
    k = _skip(text, i + 1, limit) if place is not None and text.startswith(",", i) else i
    found = _date_at(text, k, limit)
    if found is not None:
        i, month, day, year = found
        date, year_given = _resolve(month, day, year, published)
        dated = True
    # the outlet: "(Reuters)" or "/TASS/", perhaps after a full stop
    k = _skip(text, i + 1 if text.startswith(".", i) else i, limit)
    for open_, close in (("(", ")"), ("/", "/")):
        end = _delimited(text, k, limit, open_, close)
        if end > k:
            name = text[k + 1 : end - 1].strip()
            if name and name[0].isupper():
                outlet = name
                i = end
                break
    # the end: a dash, or a full stop
    end = _dash(text, i, limit)
    if end == i and text.startswith(".", i) and dated:
        end = i + 1
    if end == i:
        return None
    if place is None and not dated:
        return None  # an outlet alone, "(AP) —", is no dateline
    if not dated and outlet is None and not text[i:end].startswith(tuple(_SPACE)):
        return None  # "SIEGEL--": a speaker cut short, not "WASHINGTON --"
    return Dateline(
        start=start, end=end, place=place, date=date, outlet=outlet, year_given=year_given
    )


def find_dateline(text: str, *, published: dt.date | None = None) -> Dateline | None:
    """The dateline at the start of one of the first lines of ``text``, if any.

    ``published`` supplies the year of a dateline that gives none. Never raises.
    """
    limit = min(len(text), _PREFIX)
    i = 0
    lines = 0
    while i < limit and lines < _MAX_LINES:
        nl = text.find("\n", i, limit)
        line_end = limit if nl < 0 else nl
        j = i
        while j < line_end and (text[j] in _SPACE or text[j] in "\ufeff\u200b\r"):
            j += 1  # indentation, a byte-order mark, a zero-width space
        if j < line_end:
            lines += 1
            try:
                found = _at(text, j, line_end, published)
            except (ValueError, OverflowError, KeyError):  # pragma: no cover - defensive
                found = None
            if found is not None:
                return found
        if nl < 0:
            break
        i = nl + 1
    return None
