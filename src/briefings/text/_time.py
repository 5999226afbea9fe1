"""Time expressions in free text, resolved to calendar dates.

:func:`find_times` finds absolute dates ("Dec. 15, 2021", "15 December 2021",
"2021-12-15", "Jan 24", "January 2025", "in 2024"), weekdays ("on Monday",
"last Friday"), and relative expressions ("yesterday", "this morning", "last
week", "earlier this month", "in the future", "at the moment", "recently", "two
days ago"), and resolves each against an anchor date with
:mod:`dateutil.relativedelta`.

Rules:

* Only dates: clock times ("at 2 p.m.", "2:02 p.m. EDT") are never matched.
* A date with its year is absolute (:attr:`Anchor.NONE`). A date without a year
  takes the anchor's year, or the year before or after when the wording (or,
  failing that, nearness) says so; without an anchor date it stays
  :attr:`TimeKind.UNRESOLVED`, as does every relative expression: nothing is
  invented.
* Spans leave out a leading preposition ("on Dec. 15, 2021" gives
  "Dec. 15, 2021").

Every pattern is a bounded alternation of literal words and digit runs, so a
scan is linear in the length of the text; the function never raises on any
``str``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Literal

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from briefings.model import Anchor, Granularity, Span, TimeExpression, TimeKind

__all__ = ["Tense", "TimeMatch", "find_times", "guess_tense", "reanchor"]

Tense = Literal["past", "future"]


@attrs.frozen(kw_only=True)
class TimeMatch:
    """One time expression: where it is (``text[start:end]``) and its value.

    ``value_start`` and ``value_end`` follow :class:`~briefings.model.TimeExpression`'s
    ``start``/``end`` rules for ``kind``.
    """

    start: int
    end: int
    kind: TimeKind
    value_start: dt.date | None
    value_end: dt.date | None
    granularity: Granularity
    anchor: Anchor
    anchor_date: dt.date | None

    @property
    def value(self) -> str:
        """The value as text, as :attr:`TimeExpression.value` writes it."""
        s, e = self.value_start, self.value_end
        if self.kind is TimeKind.DATE and s is not None:
            return s.isoformat()
        if self.kind is TimeKind.INTERVAL and s is not None and e is not None:
            return f"{s.isoformat()}/{e.isoformat()}"
        if self.kind is TimeKind.AFTER and s is not None:
            return f"after {s.isoformat()}"
        if self.kind is TimeKind.BEFORE and e is not None:
            return f"before {e.isoformat()}"
        return ""

    @property
    def date(self) -> dt.date | None:
        """The single day this match names, if it names one."""
        return self.value_start if self.kind is TimeKind.DATE else None

    def to_expression(self, id: str, text: str) -> TimeExpression:
        """This match as a model :class:`TimeExpression` over ``text`` (the text searched)."""
        return TimeExpression(
            id=id,
            span=Span.of(text, self.start, self.end),
            kind=self.kind,
            start=self.value_start,
            end=self.value_end,
            granularity=self.granularity,
            anchor=self.anchor,
            anchor_date=self.anchor_date,
        )


# --------------------------------------------------------------------------- vocabulary

_MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": MO,
    "tuesday": TU,
    "wednesday": WE,
    "thursday": TH,
    "friday": FR,
    "saturday": SA,
    "sunday": SU,
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def _alt(words: Iterator[str] | list[str]) -> str:
    """A regex matching any of ``words``, built as a trie.

    Branches at each point start with distinct characters, so the regex engine
    never tries two branches for the same text (fast, and no backtracking beyond
    the word). A space in a word matches a run of spaces or tabs. Longer words
    win over their prefixes ("later today" over "later").
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [
            ("[ \t\u00a0]+" if ch == " " else re.escape(ch)) + emit(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return body + "?" if body.startswith("(?:") and len(branches) > 1 else f"(?:{body})?"
        return body

    return emit(tree)


def _lower_or_title(words: list[str]) -> Iterator[str]:
    for w in words:
        yield w
        yield w[:1].upper() + w[1:]


def _cased(words: list[str]) -> Iterator[str]:
    for w in words:
        yield w.capitalize()
        yield w.upper()


# Month names are case-sensitive (Title or UPPER) so that "may" and "march" stay verbs.
_FULL_MONTHS = [m for m in _MONTHS if len(m) > 4 or m in {"may", "june", "july"}]
_ABBR_MONTHS = [m for m in _MONTHS if m not in _FULL_MONTHS]
# a full name never takes the full stop after it (that ends the sentence); "Dec." does
_MONTH = (
    rf"(?P<month>{_alt(list(_cased(_FULL_MONTHS)))}|(?:{_alt(list(_cased(_ABBR_MONTHS)))})\.?)"
    r"(?![A-Za-z])"
)
_WEEKDAY = rf"(?P<wday>{_alt(list(_cased(list(_WEEKDAYS))))})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|21\d\d)(?![\d:])"
_RANGE = rf"(?:[ \t\u00a0]*(?:-|–|—|to|through|until)[ \t\u00a0]*{_DAY2})?"

# "Monday, Jan. 24, 2022", "Dec. 15, 2021", "December 15", "Jan 24", "May 21-24"
# A leading look-ahead naming the possible first characters lets the regex engine
# skip to candidates quickly (about twice as fast); it changes no match.
_MDY = re.compile(
    rf"(?=[A-Z])\b(?:{_WEEKDAY},?[ \t\u00a0]+)?{_MONTH}[ \t\u00a0]{{0,3}}{_DAY}{_RANGE}"
    rf"(?:(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+(?:of[ \t\u00a0]+)?){_YEAR})?"
)
# "from July 31 to August 5", "Dec. 30, 2021 - Jan. 2, 2022"
_MDMD = re.compile(
    rf"(?=[A-Z])\b{_MONTH}[ \t\u00a0]{{0,3}}{_DAY}(?:[ \t\u00a0]*,[ \t\u00a0]*(?P<year1>\d{{4}}))?"
    rf"[ \t\u00a0]*(?:-|–|—|to|through|until)[ \t\u00a0]*"
    + _MONTH.replace("month", "month2")
    + rf"[ \t\u00a0]{{0,3}}{_DAY2}(?:(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+){_YEAR})?"
)
# "15 December 2021", "15th of December", "21-24 May 2019"
_DMY = re.compile(
    rf"(?=[0-9A-Zt])\b(?:{_WEEKDAY},?[ \t\u00a0]+)?(?:the[ \t\u00a0]+)?{_DAY}"
    + _RANGE.replace("day2", "dayb")
    + rf"[ \t\u00a0]+(?:of[ \t\u00a0]+)?{_MONTH}(?:,?[ \t\u00a0]+{_YEAR})?"
)
_ISO = re.compile(r"(?=[0-9])(?<![\d-])(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
# "January 2025", "in December"
_MY = re.compile(rf"(?=[A-Z])\b{_MONTH}[ \t\u00a0]*,?[ \t\u00a0]+{_YEAR}")
_PREP_WORDS = [
    "in",
    "In",
    "IN",
    "since",
    "Since",
    "by",
    "By",
    "until",
    "Until",
    "till",
    "from",
    "From",
    "during",
    "During",
    "of",
    "for",
    "through",
    "before",
    "Before",
    "after",
    "After",
    "early",
    "late",
]
_PREP = _alt(_PREP_WORDS)
_M = re.compile(
    rf"(?:\b(?P<mod>last|next|this|Last|Next|This)[ \t\u00a0]+|\b(?:{_PREP})[ \t\u00a0]+|\bmid-)"
    rf"{_MONTH}(?![ \t\u00a0]*\d)"
)
# "on the 28th," - an ordinal day with no month, not an ordinal adjective ("the 27th Meeting")
_DAY_ALONE = re.compile(
    r"\b(?:on|since|by|until|from|before|after|On)[ \t\u00a0]+(?P<the>the)[ \t\u00a0]+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b"
    r"(?=[ \t\u00a0]*(?:[,.;:)]|$|(?:that|when|and|or|at|in|to|was|were|is|will|would)\b))"
)
_Y = re.compile(rf"(?:\b(?:{_PREP})[ \t\u00a0]+|\bmid-){_YEAR}")
# "on Monday", "last Friday", "next Tuesday"
_WD = re.compile(
    r"\b(?:(?P<mod>last|next|this|Last|Next|This|LAST|NEXT|THIS)[ \t\u00a0]+)?"
    rf"{_WEEKDAY}(?![A-Za-z])"
)
_NUMBER_WORDS = _alt(list(_lower_or_title(list(_NUMBERS))))
_AGO = re.compile(
    rf"\b(?P<n>\d{{1,2}}|{_NUMBER_WORDS})[ \t\u00a0]+(?:(?:full|whole)[ \t\u00a0]+)?"
    r"(?P<unit>day|week|month|year)s?[ \t\u00a0]+ago\b"
)

# literal phrase -> (kind, granularity, builder)
_Builder = Callable[[dt.date], tuple[dt.date | None, dt.date | None]]


def _day(days: int) -> _Builder:
    def build(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
        day = a + relativedelta(days=days)
        return day, day

    return build


def _week(weeks: int) -> _Builder:
    def build(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
        monday = a + relativedelta(weekday=MO(-1), weeks=weeks)
        return monday, monday + relativedelta(days=6)

    return build


def _month(months: int) -> _Builder:
    def build(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
        first = a + relativedelta(day=1, months=months)
        return first, first + relativedelta(day=31)

    return build


def _year(years: int) -> _Builder:
    def build(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
        return dt.date(a.year + years, 1, 1), dt.date(a.year + years, 12, 31)

    return build


def _weekend(weeks: int) -> _Builder:
    """The Saturday and Sunday of a week: the last one before the anchor for ``-1``."""

    def build(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
        if weeks < 0:
            saturday = a + relativedelta(days=-1, weekday=SA(-1))
        else:
            saturday = a + relativedelta(weekday=SA(+1), weeks=weeks)
        return saturday, saturday + relativedelta(days=1)

    return build


def _past(**delta: int) -> _Builder:
    """The stretch before the anchor: "the past week" is the seven days before it."""

    def build(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
        return a - relativedelta(**delta), a - relativedelta(days=1)  # type: ignore[arg-type]

    return build


def _earlier(unit: _Builder) -> _Builder:
    return lambda a: (unit(a)[0], a)


def _later(unit: _Builder) -> _Builder:
    return lambda a: (a, unit(a)[1])


def _after(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
    return a, None


def _before(a: dt.date) -> tuple[dt.date | None, dt.date | None]:
    return None, a


_D, _W, _MO, _YR, _U = (
    Granularity.DAY,
    Granularity.WEEK,
    Granularity.MONTH,
    Granularity.YEAR,
    Granularity.UNKNOWN,
)
_DATE, _IV, _AFT, _BEF = TimeKind.DATE, TimeKind.INTERVAL, TimeKind.AFTER, TimeKind.BEFORE

_PHRASES: dict[str, tuple[TimeKind, Granularity, _Builder]] = {
    "the day before yesterday": (_DATE, _D, _day(-2)),
    "the day after tomorrow": (_DATE, _D, _day(2)),
    "yesterday": (_DATE, _D, _day(-1)),
    "last night": (_DATE, _D, _day(-1)),
    "today": (_DATE, _D, _day(0)),
    "tonight": (_DATE, _D, _day(0)),
    "this morning": (_DATE, _D, _day(0)),
    "this afternoon": (_DATE, _D, _day(0)),
    "this evening": (_DATE, _D, _day(0)),
    "earlier today": (_DATE, _D, _day(0)),
    "later today": (_DATE, _D, _day(0)),
    "tomorrow": (_DATE, _D, _day(1)),
    "the previous day": (_DATE, _D, _day(-1)),
    "the next day": (_DATE, _D, _day(1)),
    "the following day": (_DATE, _D, _day(1)),
    "at the moment": (_DATE, _D, _day(0)),
    "at this moment": (_DATE, _D, _day(0)),
    "at present": (_DATE, _D, _day(0)),
    "right now": (_DATE, _D, _day(0)),
    "now": (_DATE, _D, _day(0)),
    "last week": (_IV, _W, _week(-1)),
    "the previous week": (_IV, _W, _week(-1)),
    "this week": (_IV, _W, _week(0)),
    "next week": (_IV, _W, _week(1)),
    "the coming week": (_IV, _W, _week(1)),
    "the following week": (_IV, _W, _week(1)),
    "earlier this week": (_IV, _W, _earlier(_week(0))),
    "later this week": (_IV, _W, _later(_week(0))),
    "last month": (_IV, _MO, _month(-1)),
    "the previous month": (_IV, _MO, _month(-1)),
    "this month": (_IV, _MO, _month(0)),
    "next month": (_IV, _MO, _month(1)),
    "the coming month": (_IV, _MO, _month(1)),
    "earlier this month": (_IV, _MO, _earlier(_month(0))),
    "later this month": (_IV, _MO, _later(_month(0))),
    "last year": (_IV, _YR, _year(-1)),
    "the previous year": (_IV, _YR, _year(-1)),
    "this year": (_IV, _YR, _year(0)),
    "next year": (_IV, _YR, _year(1)),
    "the coming year": (_IV, _YR, _year(1)),
    "earlier this year": (_IV, _YR, _earlier(_year(0))),
    "later this year": (_IV, _YR, _later(_year(0))),
    "in the future": (_AFT, _U, _after),
    "in the near future": (_AFT, _U, _after),
    "in future": (_AFT, _U, _after),
    "in the coming days": (_AFT, _U, _after),
    "in the coming weeks": (_AFT, _U, _after),
    "in the coming months": (_AFT, _U, _after),
    "in the coming years": (_AFT, _U, _after),
    "in the days ahead": (_AFT, _U, _after),
    "in the next few days": (_AFT, _U, _after),
    "in the next few weeks": (_AFT, _U, _after),
    "in the next few months": (_AFT, _U, _after),
    "in recent days": (_BEF, _U, _before),
    "in recent weeks": (_BEF, _U, _before),
    "in recent months": (_BEF, _U, _before),
    "in recent years": (_BEF, _U, _before),
    "the past week": (_IV, _W, _past(weeks=1)),
    "the past month": (_IV, _MO, _past(months=1)),
    "the past year": (_IV, _YR, _past(years=1)),
    "earlier this morning": (_DATE, _D, _day(0)),
    "later this morning": (_DATE, _D, _day(0)),
    "earlier this afternoon": (_DATE, _D, _day(0)),
    "later this afternoon": (_DATE, _D, _day(0)),
    "later this evening": (_DATE, _D, _day(0)),
    "yesterday morning": (_DATE, _D, _day(-1)),
    "yesterday afternoon": (_DATE, _D, _day(-1)),
    "yesterday evening": (_DATE, _D, _day(-1)),
    "late last night": (_DATE, _D, _day(-1)),
    "tomorrow morning": (_DATE, _D, _day(1)),
    "tomorrow afternoon": (_DATE, _D, _day(1)),
    "tomorrow evening": (_DATE, _D, _day(1)),
    "tomorrow night": (_DATE, _D, _day(1)),
    "last weekend": (_IV, _D, _weekend(-1)),
    "over the weekend": (_IV, _D, _weekend(-1)),
    "this weekend": (_IV, _D, _weekend(0)),
    "next weekend": (_IV, _D, _weekend(1)),
    "later": (_AFT, _U, _after),
    "soon": (_AFT, _U, _after),
    "shortly": (_AFT, _U, _after),
    "recently": (_BEF, _U, _before),
    "previously": (_BEF, _U, _before),
    "in the past": (_BEF, _U, _before),
    "earlier": (_BEF, _U, _before),
}
# "later"/"earlier" are times only when not comparing ("later than", "earlier this ...").
_REL = re.compile(
    rf"\b(?P<phrase>{_alt(list(_lower_or_title(list(_PHRASES))))})\b(?![ \t\u00a0]+than\b)(?!-)",
)

_FUTURE = frozenset(
    [
        "will",
        "'ll",
        "’ll",
        "shall",
        "would",
        "upcoming",
        "forthcoming",
        "scheduled",
        "due",
        "planned",
        "plans",
        "plan",
        "intends",
        "intend",
        "going",
        "expected",
        "next",
        "coming",
        "tomorrow",
    ]
)
# The nearest marker decides: "told reporters on Tuesday that talks would resume"
# is a past Tuesday, "said talks would resume on Friday" a coming Friday.
_PAST = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "held",
        "took",
        "ago",
        "last",
        "met",
        "visited",
        "said",
        "told",
        "added",
        "stressed",
        "noted",
        "explained",
        "insisted",
        "warned",
        "denied",
        "declined",
        "refused",
        "confirmed",
        "announced",
        "assured",
        "emphasized",
        "emphasised",
        "reiterated",
        "remarked",
        "replied",
        "answered",
        "spoke",
        "wrote",
        "tweeted",
        "signed",
    ]
)
_WORD = re.compile(r"[A-Za-z’']+")


# --------------------------------------------------------------------------- helpers


def guess_tense(text: str, start: int, end: int) -> Tense | None:
    """Whether the sentence around ``text[start:end]`` speaks of the future or the past.

    Looks at the words of the same sentence (at most 120 characters either side):
    "will", "is scheduled", "plans" and the like mean the future; "was", "held",
    "ago" the past; the marker nearest the expression decides. ``None`` when
    neither shows.
    """
    lo = max(0, start - 120)
    hi = min(len(text), end + 120)
    before = text[lo:start]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
    if cut >= 0:
        lo += cut + 1
    after = text[end:hi]
    cuts = [i for i in (after.find(". "), after.find("\n"), after.find("? ")) if i >= 0]
    if cuts:
        hi = end + min(cuts)
    best: tuple[int, Tense] | None = None
    previous = ""
    for m in _WORD.finditer(text, lo, hi):
        word = m.group().lower()
        after_be, previous = previous in {"be", "being"}, word
        if start <= m.start() < end:
            continue
        tense: Tense | None = "future" if word in _FUTURE else "past" if word in _PAST else None
        if tense == "past" and after_be:
            tense = None  # "will be held": a participle, not the past
        if tense is not None:
            distance = start - m.end() if m.end() <= start else m.start() - end
            between = text[m.end() : start] if m.end() <= start else text[end : m.start()]
            if "," in between or "—" in between:
                distance += 60  # another clause: "talks will resume on Monday, he said"
            if best is None or distance < best[0]:
                best = (distance, tense)
    return None if best is None else best[1]


_LATER_BEFORE = frozenset(["was", "were", "had", "been", "is", "are", "a", "the", "its", "their"])


def _adjectival_later(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 8) : start].split()
    after = text[end : end + 20].split()
    if before and before[-1].lower() in _LATER_BEFORE:
        return True
    return bool(after) and after[0].lower().endswith("ed")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(
    candidates: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: Tense | None
) -> tuple[dt.date, dt.date] | None:
    """The candidate (start, end) a yearless date most sensibly means, seen from ``anchor``."""
    if not candidates:
        return None
    if tense == "future":
        later = [c for c in candidates if c[1] >= anchor]
        if later:
            return min(later)
    elif tense == "past":
        earlier = [c for c in candidates if c[0] <= anchor]
        if earlier:
            return max(earlier)

    def distance(c: tuple[dt.date, dt.date]) -> int:
        if c[0] <= anchor <= c[1]:
            return 0
        return min(abs((c[0] - anchor).days), abs((c[1] - anchor).days))

    return min(candidates, key=distance)


@attrs.frozen
class _Context:
    text: str
    anchor_date: dt.date | None
    anchor: Anchor
    tense: Tense | None

    def tense_at(self, start: int, end: int) -> Tense | None:
        return self.tense if self.tense is not None else guess_tense(self.text, start, end)

    def absolute(
        self, start: int, end: int, first: dt.date, last: dt.date, gran: Granularity
    ) -> TimeMatch:
        kind = _DATE if first == last else _IV
        return TimeMatch(
            start=start,
            end=end,
            kind=kind,
            value_start=first,
            value_end=last,
            granularity=gran,
            anchor=Anchor.NONE,
            anchor_date=None,
        )

    def relative(
        self,
        start: int,
        end: int,
        kind: TimeKind,
        gran: Granularity,
        value: tuple[dt.date | None, dt.date | None] | None,
    ) -> TimeMatch:
        if value is None or self.anchor_date is None:
            return self.unresolved(start, end, gran)
        first, last = value
        if kind is _IV and first is not None and last is not None and first == last:
            kind = _DATE
        return TimeMatch(
            start=start,
            end=end,
            kind=kind,
            value_start=first,
            value_end=last,
            granularity=gran,
            anchor=self.anchor,
            anchor_date=self.anchor_date,
        )

    def unresolved(self, start: int, end: int, gran: Granularity) -> TimeMatch:
        return TimeMatch(
            start=start,
            end=end,
            kind=TimeKind.UNRESOLVED,
            value_start=None,
            value_end=None,
            granularity=gran,
            anchor=Anchor.NONE,
            anchor_date=None,
        )

    def yearless(
        self,
        start: int,
        end: int,
        build: Callable[[int], tuple[dt.date, dt.date] | None],
        gran: Granularity,
    ) -> TimeMatch | None:
        """A date or interval whose year the text leaves out."""
        if build(2000) is None and build(2004) is None:
            return None  # no such day in any year ("Feb 31")
        if self.anchor_date is None:
            return self.unresolved(start, end, gran)
        year = self.anchor_date.year
        years = [y for y in (year - 1, year, year + 1) if dt.MINYEAR <= y <= dt.MAXYEAR]
        candidates = [c for y in years if (c := build(y)) is not None]
        choice = _pick(candidates, self.anchor_date, self.tense_at(start, end))
        if choice is None:
            return self.unresolved(start, end, gran)
        kind = _DATE if choice[0] == choice[1] else _IV
        return self.relative(start, end, kind, gran, choice)


def _day_range(year: int, month: int, day: int, day2: int | None) -> tuple[dt.date, dt.date] | None:
    first = _safe_date(year, month, day)
    last = first if day2 is None else _safe_date(year, month, day2)
    if first is None or last is None or last < first:
        return None
    return first, last


def _group(m: re.Match[str], name: str) -> str | None:
    try:
        return m.group(name)
    except IndexError:
        return None


def _dates(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    """A match of :data:`_MDY` or :data:`_DMY`."""
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    day = int(m.group("day"))
    raw2 = _group(m, "day2") or _group(m, "dayb")
    day2 = int(raw2) if raw2 else None
    year = _group(m, "year")
    start, end = m.start(), m.end()
    if m.group(0)[:4].lower() == "the ":
        start += 4
        while start < end and ctx.text[start] in " \t":
            start += 1
    if year is not None:
        span = _day_range(int(year), month, day, day2)
        if span is None:
            return None
        return ctx.absolute(start, end, span[0], span[1], _D)
    return ctx.yearless(start, end, lambda y: _day_range(y, month, day, day2), _D)


def _cross_month(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    """A match of :data:`_MDMD`: a range of days across two months."""
    m1 = _MONTHS[m.group("month").lower().rstrip(".")]
    m2 = _MONTHS[m.group("month2").lower().rstrip(".")]
    d1, d2 = int(m.group("day")), int(m.group("day2"))
    wrap = 1 if m2 < m1 else 0

    def build(y1: int, y2: int) -> tuple[dt.date, dt.date] | None:
        first, last = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
        if first is None or last is None or last < first:
            return None
        return first, last

    year1, year2 = m.group("year1"), m.group("year")
    if year2 is not None:
        y2 = int(year2)
        span = build(int(year1) if year1 else y2 - wrap, y2)
        return None if span is None else ctx.absolute(m.start(), m.end(), *span, _D)
    if year1 is not None:
        span = build(int(year1), int(year1) + wrap)
        return None if span is None else ctx.absolute(m.start(), m.end(), *span, _D)
    return ctx.yearless(m.start(), m.end(), lambda y: build(y, y + wrap), _D)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    return first, first + relativedelta(day=31)


def _iso(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    d = _safe_date(int(m.group("year")), int(m.group("mon")), int(m.group("day")))
    return None if d is None else ctx.absolute(m.start(), m.end(), d, d, _D)


def _month_year(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    first, last = _month_span(int(m.group("year")), month)
    return ctx.absolute(m.start(), m.end(), first, last, _MO)


def _month_alone(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    """ "in January", "last January", "mid-January"."""
    month = _MONTHS[m.group("month").lower().rstrip(".")]
    mod = m.group("mod")
    s, e = m.start("mod") if mod else m.start("month"), m.end()
    if mod is None or ctx.anchor_date is None:
        return ctx.yearless(s, e, lambda y: _month_span(y, month), _MO)
    a = ctx.anchor_date
    years = (a.year - 1, a.year, a.year + 1)
    cands = [_month_span(y, month) for y in years if dt.MINYEAR <= y <= dt.MAXYEAR]
    shift = mod.lower()
    if shift == "last":
        pick = max(c for c in cands if c[1] < a)
    elif shift == "next":
        pick = min(c for c in cands if c[0] > a)
    else:
        pick = _month_span(a.year, month)
    return ctx.relative(s, e, _IV, _MO, pick)


def _day_alone(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    """ "on the 28th": a day of the anchor's month, or of the month before or after."""
    day = int(m.group("day"))
    s = m.start("the")
    if not 1 <= day <= 31:
        return None
    if ctx.anchor_date is None:
        return ctx.unresolved(s, m.end(), _D)
    a = ctx.anchor_date
    candidates = []
    for shift in (-1, 0, 1):
        first = a + relativedelta(day=1, months=shift)
        d = _safe_date(first.year, first.month, day)
        if d is not None:
            candidates.append((d, d))
    choice = _pick(candidates, a, ctx.tense_at(s, m.end()))
    return None if choice is None else ctx.relative(s, m.end(), _DATE, _D, choice)


def _year_alone(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    year = int(m.group("year"))
    s, e = m.span("year")
    return ctx.absolute(s, e, dt.date(year, 1, 1), dt.date(year, 12, 31), _YR)


def _weekday(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    wd = _WEEKDAYS[m.group("wday").lower()]
    mod = (m.group("mod") or "").lower()
    s, e = m.span()
    if ctx.anchor_date is None:
        return ctx.unresolved(s, e, _D)
    a = ctx.anchor_date
    if mod == "last":
        day = a + relativedelta(days=-1, weekday=wd(-1))
    elif mod == "next":
        day = a + relativedelta(days=1, weekday=wd(+1))
    elif ctx.tense_at(s, e) == "future":
        day = a + relativedelta(weekday=wd(+1))
    else:  # "on Monday" in a report: the most recent Monday, the anchor day included
        day = a + relativedelta(weekday=wd(-1))
    return ctx.relative(s, e, _DATE, _D, (day, day))


def _ago(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    raw = m.group("n").lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = m.group("unit").lower()
    gran = {"day": _D, "week": _W, "month": _MO, "year": _YR}[unit]
    value: tuple[dt.date | None, dt.date | None] | None = None
    if ctx.anchor_date is not None:
        day = ctx.anchor_date - relativedelta(**{unit + "s": n})  # type: ignore[arg-type]
        value = (day, day)
    return ctx.relative(m.start(), m.end(), _DATE, gran, value)


def _phrase(ctx: _Context, m: re.Match[str]) -> TimeMatch | None:
    text = ctx.text
    phrase = " ".join(m.group("phrase").lower().split())
    if phrase == "later" and _adjectival_later(text, m.start(), m.end()):
        return None  # "was later reinforced", "a later date": no time of its own
    if phrase == "soon" and text[max(0, m.start() - 4) : m.start()].rstrip()[-3:] in {
        " as",
        "As",
        "as",
    }:
        return None  # "as soon as"
    kind, gran, build = _PHRASES[phrase]
    resolved = None if ctx.anchor_date is None else build(ctx.anchor_date)
    return ctx.relative(m.start(), m.end(), kind, gran, resolved)


_Handler = Callable[[_Context, re.Match[str]], "TimeMatch | None"]

# No pattern above matches a line break, and each match but _REL's holds one of
# these words or digit runs: the scan for a pattern reads only the lines where its
# hint occurs (a hint is a plain alternation of literals, which the regex engine
# finds by skipping quickly over all other characters).
_MONTH_HINT = re.compile(_alt(sorted({w[:3] for w in _cased(list(_MONTHS))})))
_WEEKDAY_HINT = re.compile(_alt(sorted({w[:3] for w in _cased(list(_WEEKDAYS))})))
# both in one pass (no three letters begin both a month and a weekday)
_WEEKDAY_STARTS = frozenset(w[:3] for w in _cased(list(_WEEKDAYS)))
_NAME_HINT = re.compile(_alt(sorted({w[:3] for w in _cased(list(_MONTHS))} | _WEEKDAY_STARTS)))
_ISO_HINT = re.compile(r"\d\d\d\d-[01]\d-[0-3]\d")
_YEAR_HINT = re.compile(r"1[89]\d\d|2[01]\d\d")
_DAY_HINT = re.compile(r"\d(?:st|nd|rd|th)")
_AGO_HINT = re.compile("ago")

_PATTERNS: tuple[tuple[re.Pattern[str], _Handler, re.Pattern[str] | None], ...] = (
    (_MDMD, _cross_month, _MONTH_HINT),
    (_MDY, _dates, _MONTH_HINT),
    (_DMY, _dates, _MONTH_HINT),
    (_ISO, _iso, _ISO_HINT),
    (_MY, _month_year, _MONTH_HINT),
    (_M, _month_alone, _MONTH_HINT),
    (_Y, _year_alone, _YEAR_HINT),
    (_DAY_ALONE, _day_alone, _DAY_HINT),
    (_WD, _weekday, _WEEKDAY_HINT),
    (_AGO, _ago, _AGO_HINT),
    (_REL, _phrase, None),
)


def _hint_lines(hint: re.Pattern[str], text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The lines of ``text[lo:hi]`` (start, end of line) where ``hint`` occurs."""
    out: list[tuple[int, int]] = []
    pos = lo
    while pos < hi:
        h = hint.search(text, pos, hi)
        if h is None:
            break
        line_end = text.find("\n", h.start(), hi)
        if line_end < 0:
            line_end = hi
        out.append((max(pos, text.rfind("\n", pos, h.start()) + 1), line_end))
        pos = line_end + 1
    return out


def _scan(
    pattern: re.Pattern[str], lines: list[tuple[int, int]] | None, text: str, lo: int, hi: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, lo, hi)``, reading only ``lines`` (all when ``None``).

    The same matches when every match lies in one of ``lines``: none spans a line
    break, and each line is searched with the same context (the search ends two
    characters past the line break, so ``$`` and look-aheads see what they would
    see in the whole range).
    """
    if lines is None:
        yield from pattern.finditer(text, lo, hi)
        return
    for line_start, line_end in lines:
        for m in pattern.finditer(text, line_start, min(hi, line_end + 2)):
            if m.start() >= line_end:
                break
            yield m


# Where a match of each pattern can start. A pattern whose matches start at a
# month or weekday name, at a run of digits or at a short word before one is tried
# only there (:meth:`_Sites.matches`); the others read the lines of their hint.
_DIGITS = re.compile(r"\d+")
_M_WORDS = frozenset(["last", "next", "this", "Last", "Next", "This", *_PREP_WORDS])
_WD_MODS = frozenset(["last", "next", "this", "Last", "Next", "This", "LAST", "NEXT", "THIS"])
_BLANKS = " \t\u00a0"


class _Sites:
    """The places in ``text[lo:hi]`` where a pattern of :data:`_PATTERNS` can start.

    ``months`` and ``weekdays`` are where a month or weekday name can begin: the
    starts of :data:`_MONTH_HINT` and :data:`_WEEKDAY_HINT`, found together by
    ``_NAME_HINT.finditer`` (no three letters start both kinds of name). That
    leaves out a hint overlapping an earlier one, which is harmless: a hint is
    letters only, so such a one follows a letter, and no pattern takes a name
    right after a letter. ``days`` are the starts of the runs of one or two digits
    (``\\d``) and ``years`` of the runs that hold :data:`_YEAR_HINT`: a day of a
    match begins a run (after ``\\b`` or a blank) and ends it (``(?![\\d:])``,
    maybe after ``st``, ``nd``...), and so does a year (after a blank or ``-``),
    which is four digits from ``18``, ``19``, ``20`` or ``21``.

    :meth:`matches` gives ``pattern.finditer(text, lo, hi)``. For most patterns it
    tries ``pattern.match(text, p, hi)`` only at the starts ``p`` a match can have,
    left to right, skipping those inside the last match: finditer tries every
    position in that order, with the same end (``hi``) and the same look-behind
    (the text before ``p``), so when the starts tried hold every start a match
    can have, the matches are the same. The starts, pattern by pattern:

    * :data:`_MDMD`, :data:`_MY`: a month name (the pattern begins with it);
    * :data:`_MDY`: a month or a weekday name;
    * :data:`_DMY`: a weekday name, a day, or ``the`` and blanks before a day;
    * :data:`_M`: a word of :data:`_M_WORDS` before the blanks before a month
      name (the word ends where the blanks begin), or ``mid-`` right before it;
    * :data:`_Y`: the same before a year;
    * :data:`_WD`: a weekday name, or a word of :data:`_WD_MODS` before the blanks
      before one.

    The three digit hints (:data:`_YEAR_HINT`, :data:`_DAY_HINT`,
    :data:`_ISO_HINT`) come from the same pass over the runs: each occurs in a
    line exactly when a run of that line holds it (a year), ends before ``st``,
    ``nd``, ``rd`` or ``th`` (a day), or ends before the ``-`` of one (an ISO date).
    """

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        self.months: list[int] = []
        self.weekdays: list[int] = []
        for m in _NAME_HINT.finditer(text, lo, hi):
            (self.weekdays if m.group() in _WEEKDAY_STARTS else self.months).append(m.start())
        self.days: list[int] = []
        years: list[int] = []
        ordinals: list[int] = []
        isos: list[int] = []
        suffixes = ("st", "nd", "rd", "th")
        for m in _DIGITS.finditer(text, lo, hi):
            s, e = m.span()
            if e - s <= 2:
                self.days.append(s)
            elif e - s >= 4:
                if _YEAR_HINT.search(text, s, e) is not None:
                    years.append(s)
                if text.startswith("-", e, hi) and _ISO_HINT.match(text, e - 4, hi) is not None:
                    isos.append(s)
            if text.startswith(suffixes, e, hi):
                ordinals.append(s)
        self.years = years
        self.lines: dict[re.Pattern[str], list[tuple[int, int]]] = {
            _YEAR_HINT: _lines_at(text, years, lo, hi),
            _DAY_HINT: _lines_at(text, ordinals, lo, hi),
            _ISO_HINT: _lines_at(text, isos, lo, hi),
        }

    def _before_blanks(self, at: list[int], words: frozenset[str], mid: bool) -> list[int]:
        """The starts of a word of ``words`` that ends where the blanks before a
        place of ``at`` begin (and of ``mid-`` right before it, if ``mid``)."""
        text, lo = self.text, self.lo
        out = []
        for p in at:
            if mid and p - 4 >= lo and text.startswith("mid-", p - 4):
                out.append(p - 4)
            q = p
            while q > lo and text[q - 1] in _BLANKS:
                q -= 1
            if q == p:
                continue
            for k in range(2, 8):
                if q - k >= lo and text[q - k : q] in words:
                    out.append(q - k)
        return out

    def starts(self, pattern: re.Pattern[str]) -> list[int] | None:
        """The places a match of ``pattern`` can start, in order (``None``: read its lines)."""
        if pattern is _MDMD or pattern is _MY:
            return self.months
        if pattern is _MDY:
            return sorted({*self.months, *self.weekdays})
        if pattern is _DMY:
            text, lo = self.text, self.lo
            the = []
            for r in self.days:
                q = r
                while q > lo and text[q - 1] in _BLANKS:
                    q -= 1
                if q < r and q - 3 >= lo and text.startswith("the", q - 3):
                    the.append(q - 3)
            return sorted({*self.weekdays, *self.days, *the})
        if pattern is _M:
            return sorted(set(self._before_blanks(self.months, _M_WORDS, mid=True)))
        if pattern is _Y:
            return sorted(set(self._before_blanks(self.years, _M_WORDS, mid=True)))
        if pattern is _WD:
            return sorted({*self.weekdays, *self._before_blanks(self.weekdays, _WD_MODS, False)})
        return None

    def matches(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, lo, hi)`` (see the class docstring)."""
        text, hi = self.text, self.hi
        at = self.starts(pattern)
        if at is None:
            hint = next(h for p, _, h in _PATTERNS if p is pattern)
            lines = None
            if hint is not None:
                lines = self.lines.get(hint)
                if lines is None:
                    lines = self.lines[hint] = _hint_lines(hint, text, self.lo, hi)
            yield from _scan(pattern, lines, text, self.lo, hi)
            return
        end = -1
        for p in at:
            if p < end:
                continue
            m = pattern.match(text, p, hi)
            if m is not None:
                yield m
                end = m.end()


def _lines_at(text: str, found: list[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """:func:`_hint_lines` from the places where the hint occurs (in order): the
    line of each, once."""
    out: list[tuple[int, int]] = []
    pos = lo
    for p in found:
        if p < pos:
            continue
        line_end = text.find("\n", p, hi)
        if line_end < 0:
            line_end = hi
        out.append((max(pos, text.rfind("\n", pos, p) + 1), line_end))
        pos = line_end + 1
    return out


def _iter_matches(ctx: _Context, lo: int, hi: int) -> Iterator[TimeMatch]:
    """Every candidate match, overlaps included. A date beyond the calendar's
    range (an anchor near year 1 or 9999) leaves that one match unresolved."""
    sites = _Sites(ctx.text, lo, hi)
    for pattern, handler, _hint in _PATTERNS:
        for m in sites.matches(pattern):
            try:
                found = handler(ctx, m)
            except (ValueError, OverflowError):  # beyond the calendar: recognised, unresolved
                start = m.start()
                if pattern is _M or pattern is _Y:  # the span leaves out "in", "since"...
                    names = ("mod", "month") if pattern is _M else ("year",)
                    start = min(m.start(g) for g in names if m.group(g) is not None)
                found = ctx.unresolved(start, m.end(), _U)
            if found is not None:
                yield found


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    anchor_date: dt.date | None,
    anchor: Anchor = Anchor.PUBLISHED,
    tense: Tense | None = None,
) -> list[TimeMatch]:
    """The time expressions in ``text[start:end]``, in text order, without overlaps.

    Relative expressions resolve against ``anchor_date`` and are labelled with
    ``anchor`` (what that date is: the publication date, the dateline, the time
    of a claim...). Without ``anchor_date`` they are :attr:`TimeKind.UNRESOLVED`.
    ``tense`` forces how weekdays and yearless dates are read ("on Monday" as
    the past or the future); by default it is guessed from the sentence.
    Offsets are into ``text``. Never raises; linear in the length of the range.
    """
    n = len(text)
    lo = 0 if start < 0 else min(start, n)
    hi = n if end is None else max(lo, min(end, n))
    if lo >= hi:
        return []
    ctx = _Context(text, anchor_date, anchor, tense)
    found = list(_iter_matches(ctx, lo, hi))
    # keep the longest of overlapping matches, the earliest first
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    chosen: list[TimeMatch] = []
    for t in found:
        if t.end <= t.start:
            continue
        if chosen and t.start < chosen[-1].end:
            if t.end - t.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = t
            continue
        chosen.append(t)
    return chosen


def reanchor(
    text: str,
    match: TimeMatch,
    *,
    anchor_date: dt.date | None,
    anchor: Anchor,
    tense: Tense | None = None,
) -> TimeMatch:
    """``match`` (found in ``text``) resolved against another anchor.

    For a report's time expressions inside a claim's words: "at the moment" in
    words said on Monday means Monday, not the dateline's day. Absolute dates
    come back unchanged; so does ``match`` if it cannot be found again.
    """
    if match.anchor is Anchor.NONE and match.kind is not TimeKind.UNRESOLVED:
        return match
    n = len(text)
    lo = max(0, min(match.start - 40, n))  # room for a leading "in", "last"...
    hi = max(lo, min(match.end, n))
    ctx = _Context(text, anchor_date, anchor, tense)
    for m in _iter_matches(ctx, lo, hi):
        if (m.start, m.end) == (match.start, match.end):
            return m
    return match
