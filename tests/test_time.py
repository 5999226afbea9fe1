"""Tests for briefings.text._time: finding and resolving time expressions."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from briefings.model import Anchor, Granularity, TimeKind
from briefings.text._time import (
    _PATTERNS,
    TimeMatch,
    _hint_lines,
    _scan,
    find_times,
    guess_tense,
    reanchor,
)

THU = dt.date(2024, 12, 26)  # a Thursday


def found(text: str, anchor: dt.date | None = THU, **kw: object) -> list[tuple[str, str]]:
    return [
        (text[m.start : m.end], m.value or m.kind.value)
        for m in find_times(text, anchor_date=anchor, **kw)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Dec. 15, 2021.", [("Dec. 15, 2021", "2021-12-15")]),
        ("Jan. 25, 2022 (EIRNS)—", [("Jan. 25, 2022", "2022-01-25")]),
        ("on 15 December 2021,", [("15 December 2021", "2021-12-15")]),
        ("the 15th of December 2021", [("15th of December 2021", "2021-12-15")]),
        ("dated 2021-12-15.", [("2021-12-15", "2021-12-15")]),
        ("Monday, Jan. 24, 2022", [("Monday, Jan. 24, 2022", "2022-01-24")]),
        ("SEPTEMBER 9, 2019", [("SEPTEMBER 9, 2019", "2019-09-09")]),
        ("May 21-24, 2019", [("May 21-24, 2019", "2019-05-21/2019-05-24")]),
        ("in January 2025", [("January 2025", "2025-01-01/2025-01-31")]),
        ("in 2024", [("2024", "2024-01-01/2024-12-31")]),
        ("since the end of 2023", [("2023", "2023-01-01/2023-12-31")]),
        ("as of January 1st of 2020,", [("January 1st of 2020", "2020-01-01")]),
        (
            "Dec. 30, 2021 - Jan. 2, 2022",
            [("Dec. 30, 2021 - Jan. 2, 2022", "2021-12-30/2022-01-02")],
        ),
        ("Dec. 30 - Jan. 2, 2022", [("Dec. 30 - Jan. 2, 2022", "2021-12-30/2022-01-02")]),
        ("on\u00a0Dec.\u00a015,\u00a02021", [("Dec.\u00a015,\u00a02021", "2021-12-15")]),
    ],
)
def test_absolute_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected
    # absolute dates need no anchor and carry none
    for m in find_times(text, anchor_date=None):
        assert m.anchor is Anchor.NONE
        assert m.anchor_date is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 26. /TASS/.", [("December 26", "2024-12-26")]),
        ("talks on Dec 3 were held", [("Dec 3", "2024-12-03")]),
        ("Jan 24", [("Jan 24", "2025-01-24")]),  # the nearest Jan 24
        ("the visit will take place on January 10", [("January 10", "2025-01-10")]),
        ("the visit took place on January 10", [("January 10", "2024-01-10")]),
        ("in January", [("January", "2025-01-01/2025-01-31")]),
        ("last January", [("last January", "2024-01-01/2024-01-31")]),
        ("Feb 29", [("Feb 29", "2024-02-29")]),  # only 2024 has one
        ("from December 30 to January 5", [("December 30 to January 5", "2024-12-30/2025-01-05")]),
        ("He said on the 20th that", [("the 20th", "2024-12-20")]),
        ("It was signed on the 28th.", [("the 28th", "2024-11-28")]),
        ("It will be signed on the 3rd.", [("the 3rd", "2025-01-03")]),
    ],
)
def test_dates_without_a_year_take_the_anchors(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_date_without_year_and_without_anchor_is_unresolved() -> None:
    (m,) = find_times("on December 26", anchor_date=None)
    assert m.kind is TimeKind.UNRESOLVED
    assert (m.value_start, m.value_end, m.anchor_date) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", "2024-12-25"),
        ("Today", "2024-12-26"),
        ("tomorrow", "2024-12-27"),
        ("this morning", "2024-12-26"),
        ("this evening", "2024-12-26"),
        ("tonight", "2024-12-26"),
        ("the day before yesterday", "2024-12-24"),
        ("at the moment", "2024-12-26"),
        ("now", "2024-12-26"),
        ("last week", "2024-12-16/2024-12-22"),
        ("last\u00a0week", "2024-12-16/2024-12-22"),
        ("this week", "2024-12-23/2024-12-29"),
        ("next week", "2024-12-30/2025-01-05"),
        ("last month", "2024-11-01/2024-11-30"),
        ("next month", "2025-01-01/2025-01-31"),
        ("last year", "2023-01-01/2023-12-31"),
        ("earlier this month", "2024-12-01/2024-12-26"),
        ("later this year", "2024-12-26/2024-12-31"),
        ("in the future", "after 2024-12-26"),
        ("later", "after 2024-12-26"),
        ("in the coming weeks", "after 2024-12-26"),
        ("recently", "before 2024-12-26"),
        ("in the past", "before 2024-12-26"),
        ("two days ago", "2024-12-24"),
        ("earlier this morning", "2024-12-26"),
        ("yesterday evening", "2024-12-25"),
        ("tomorrow morning", "2024-12-27"),
        ("last weekend", "2024-12-21/2024-12-22"),
        ("over the weekend", "2024-12-21/2024-12-22"),
        ("this weekend", "2024-12-28/2024-12-29"),
        ("next weekend", "2025-01-04/2025-01-05"),
        ("the past week", "2024-12-19/2024-12-25"),
        ("the past year", "2023-12-26/2024-12-25"),
        ("in recent weeks", "before 2024-12-26"),
        ("in the next few days", "after 2024-12-26"),
        ("3 years ago", "2021-12-26"),
    ],
)
def test_relative_expressions(text: str, expected: str) -> None:
    (m,) = find_times(text, anchor_date=THU, anchor=Anchor.DATELINE)
    assert (text[m.start : m.end], m.value) == (text, expected)
    assert m.anchor is Anchor.DATELINE
    assert m.anchor_date == THU


def test_granularity_and_kind() -> None:
    by_text = {
        "last week": (TimeKind.INTERVAL, Granularity.WEEK),
        "last month": (TimeKind.INTERVAL, Granularity.MONTH),
        "last year": (TimeKind.INTERVAL, Granularity.YEAR),
        "yesterday": (TimeKind.DATE, Granularity.DAY),
        "in the future": (TimeKind.AFTER, Granularity.UNKNOWN),
        "recently": (TimeKind.BEFORE, Granularity.UNKNOWN),
    }
    for text, expected in by_text.items():
        (m,) = find_times(text, anchor_date=THU)
        assert (m.kind, m.granularity) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, the talks were held.", "2024-12-23"),
        ("Lavrov said on Thursday.", "2024-12-26"),  # the anchor day itself
        ("He will visit on Monday.", "2024-12-30"),
        ("last Friday", "2024-12-20"),
        ("next Thursday", "2025-01-02"),
    ],
)
def test_weekdays(text: str, expected: str) -> None:
    (m,) = find_times(text, anchor_date=THU)
    assert m.value == expected


def test_weekday_tense_can_be_forced() -> None:
    (m,) = find_times("on Monday", anchor_date=THU, tense="future")
    assert m.value == "2024-12-30"
    (m,) = find_times("on Monday", anchor_date=THU, tense="past")
    assert m.value == "2024-12-23"


def test_without_anchor_relative_expressions_are_unresolved() -> None:
    for text in ("yesterday", "last week", "on Monday", "in the future", "two days ago"):
        (m,) = find_times(text, anchor_date=None)
        assert m.kind is TimeKind.UNRESOLVED, text
        assert m.value == ""
        assert m.anchor is Anchor.NONE


@pytest.mark.parametrize(
    "text",
    [
        "at 2 p.m. EDT",
        "12:05 P.M. EST",
        "2:02 p.m.",
        "you may 5 times",  # a verb, not a month
        "later than expected",
        "it was later reinforced",
        "at a later date",
        "as soon as possible",
        "as\u00a0soon as they can",
        "Feb 30",
        "We march 3 miles",
        "Mondays are quiet",
        "it is 2024 people",
        "the 27th Meeting of the group",
        "in the 20th century",
    ],
)
def test_not_times(text: str) -> None:
    assert find_times(text, anchor_date=THU) == []


def test_clock_time_next_to_a_date_is_left_out() -> None:
    assert found("at 2 p.m. on Dec. 3, 2021") == [("Dec. 3, 2021", "2021-12-03")]


def test_overlaps_keep_the_longest() -> None:
    assert found("earlier this week and Monday, Dec. 23") == [
        ("earlier this week", "2024-12-23/2024-12-26"),
        ("Monday, Dec. 23", "2024-12-23"),
    ]


def test_dates_beyond_the_calendar_are_unresolved_not_lost() -> None:
    text = "yesterday, Dec. 15, 2021, last week"
    got = find_times(text, anchor_date=dt.date.min)
    assert [(text[m.start : m.end], m.value or m.kind.value) for m in got] == [
        ("yesterday", "unresolved"),
        ("Dec. 15, 2021", "2021-12-15"),
        ("last week", "unresolved"),
    ]


def test_range_and_offsets() -> None:
    text = "yesterday. Then today. Then tomorrow."
    got = find_times(text, 5, 25, anchor_date=THU)
    assert [text[m.start : m.end] for m in got] == ["today"]
    assert find_times(text, 30, 10, anchor_date=THU) == []
    assert find_times(text, -5, 10**6, anchor_date=THU)[0].start == 0


def test_to_expression_builds_a_valid_model_object() -> None:
    text = "We met last week."
    (m,) = find_times(text, anchor_date=THU)
    expr = m.to_expression("t1", text)
    assert expr.span.text == "last week"
    assert expr.value == m.value == "2024-12-16/2024-12-22"


def test_reanchor_resolves_against_the_claims_date() -> None:
    text = "Jan. 25, 2022 (X)—He said there are no plans at the moment, in January or later."
    monday = dt.date(2022, 1, 24)
    found = find_times(text, anchor_date=dt.date(2022, 1, 25), anchor=Anchor.DATELINE)
    moved = [reanchor(text, m, anchor_date=monday, anchor=Anchor.CLAIM) for m in found]
    assert [(text[m.start : m.end], m.value, m.anchor) for m in moved] == [
        ("Jan. 25, 2022", "2022-01-25", Anchor.NONE),
        ("at the moment", "2022-01-24", Anchor.CLAIM),
        ("January", "2022-01-01/2022-01-31", Anchor.CLAIM),
        ("later", "after 2022-01-24", Anchor.CLAIM),
    ]


def test_reanchor_resolves_what_had_no_anchor() -> None:
    text = "We met yesterday."
    (m,) = find_times(text, anchor_date=None)
    assert m.kind is TimeKind.UNRESOLVED
    moved = reanchor(text, m, anchor_date=THU, anchor=Anchor.HELD_ON)
    assert (moved.value, moved.anchor, moved.anchor_date) == ("2024-12-25", Anchor.HELD_ON, THU)
    # and back: without an anchor date it is unresolved again
    assert reanchor(text, moved, anchor_date=None, anchor=Anchor.CLAIM).kind is TimeKind.UNRESOLVED


def test_guess_tense() -> None:
    text = "He said talks will be held on Monday. They spoke on Friday."
    assert guess_tense(text, text.index("Monday"), text.index("Monday") + 6) == "future"
    assert guess_tense(text, text.index("Friday"), text.index("Friday") + 6) == "past"
    text = "They met there on Friday."
    assert guess_tense(text, text.index("Friday"), text.index("Friday") + 6) == "past"
    text = "Talks are due, and on Friday."
    assert guess_tense(text, text.index("Friday"), text.index("Friday") + 6) == "future"
    text = "It was quiet on Friday."
    assert guess_tense(text, text.index("Friday"), text.index("Friday") + 6) == "past"
    # the nearest marker decides
    text = "It will rain, he said on Monday."
    assert guess_tense(text, text.index("Monday"), text.index("Monday") + 6) == "past"
    # a marker in the same clause beats a nearer one across a comma
    text = "The talks will resume on Tuesday, Voss said."
    assert guess_tense(text, text.index("Tuesday"), text.index("Tuesday") + 7) == "future"
    # reported speech: the nearer of the reporting verb and "would" decides
    text = "Voss told reporters on Tuesday that the talks would resume."
    assert guess_tense(text, text.index("Tuesday"), text.index("Tuesday") + 7) == "past"
    text = "Voss said the talks would resume on Friday."
    assert guess_tense(text, text.index("Friday"), text.index("Friday") + 6) == "future"


# --------------------------------------------------------------------------- properties


_pieces = st.sampled_from(
    [
        "Dec. 15, 2021",
        "yesterday",
        "on Monday",
        "last week",
        "May",
        "15",
        "2021",
        "-",
        " ",
        ", ",
        "the ",
        "in ",
        "ago",
        "two days",
        "12:05",
        "p.m.",
        "Feb 30",
        "later",
        "\n",
        "à",
    ]
)
_texts = st.one_of(st.text(), st.lists(_pieces | st.text(max_size=3)).map("".join))
_anchors = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


@given(text=_texts, anchor=_anchors, a=st.integers(-5, 200), b=st.none() | st.integers(-5, 200))
def test_total_and_spans_slice_the_text(
    text: str, anchor: dt.date | None, a: int, b: int | None
) -> None:
    got = find_times(text, a, b, anchor_date=anchor)
    last = -1
    for m in got:
        assert isinstance(m, TimeMatch)
        assert 0 <= m.start < m.end <= len(text)
        assert max(0, a) <= m.start
        assert b is None or m.end <= max(b, 0)
        assert m.start >= last  # in order, no overlaps
        last = m.end
        # the value obeys the model's rules
        m.to_expression("t", text)
        if anchor is None:
            assert m.anchor_date is None
        moved = reanchor(text, m, anchor_date=THU, anchor=Anchor.CLAIM)
        assert (moved.start, moved.end) == (m.start, m.end)
        if m.anchor is not Anchor.NONE or m.kind is TimeKind.UNRESOLVED:
            assert moved.anchor_date == THU
        else:
            assert moved == m


_scan_pieces = st.sampled_from(
    [
        "Monday, Jan. 24, 2022",
        "on the 28th",
        "15th of December",
        "21-24 May 2019",
        "from July 31 to August 5",
        "2021-12-15",
        "in 2024",
        "mid-",
        "since",
        "two days ago",
        "SEPTEMBER",
        "Sept.",
        "last",
        "\u00a0",
        "\t",
        "\n",
        "\r\n",
        "\u2028",
        "\u0663",  # an Arabic-Indic digit: \\d, not [0-9]
        "a",
        ".",
        ",",
    ]
)
_scan_texts = st.lists(_pieces | _scan_pieces | st.text(max_size=2)).map("".join)


@given(text=_scan_texts, a=st.integers(0, 60), b=st.integers(0, 400))
@example(text="x\non the \u0663rd.\nin 19\u0663\u0663 on\nMonday", a=0, b=400)
@example(text="on the 28th\n\non the 3rd\n", a=1, b=400)
def test_hinted_scan_finds_what_a_full_scan_finds(text: str, a: int, b: int) -> None:
    # the scan reads only the lines holding a pattern's hint: the same matches,
    # with the same groups, as finditer over the whole range
    lo, hi = min(a, len(text)), max(min(a, len(text)), min(b, len(text)))
    for pattern, _handler, hint in _PATTERNS:
        lines = None if hint is None else _hint_lines(hint, text, lo, hi)
        got = [(m.span(), m.groupdict()) for m in _scan(pattern, lines, text, lo, hi)]
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text, lo, hi)]
        assert got == want, pattern.pattern[:60]
        assert all("\n" not in text[s:e] for (s, e), _ in want)


def test_linear_time_on_pathological_input() -> None:
    chunks = ["May " * 50_000, "1 " * 100_000, "Dec. 15, " * 20_000, "a" * 200_000]
    for chunk in chunks:
        started = time.perf_counter()
        find_times(chunk, anchor_date=THU)
        assert time.perf_counter() - started < 5, chunk[:10]


# --------------------------------------------------------------------------- seed


def _anchor_dates(facts: dict[str, object]) -> dict[str | None, dt.date | None]:
    report = facts.get("report") or {}
    briefing = facts.get("briefing") or {}
    assert isinstance(report, dict)
    assert isinstance(briefing, dict)
    published = report.get("published")
    held_on = briefing.get("held_on") or published
    return {
        None: None,
        "the dateline": dt.date.fromisoformat(published) if published else None,
        "the time of the claim": dt.date.fromisoformat(held_on) if held_on else None,
    }


def test_seed_time_expressions(shared_dir: Path) -> None:
    checked = 0
    for path in sorted((shared_dir / "acceptance").glob("*.facts.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        expected = facts.get("time_expressions") or []
        if not expected:
            continue
        about = str(facts.get("about", ""))
        source = (
            path.parent
            / about.split(" contains", maxsplit=1)[0].rsplit("reading of ", maxsplit=1)[-1]
        )
        if not source.is_file():
            continue
        text = source.read_text(encoding="utf-8")
        anchors = _anchor_dates(facts)
        everywhere = find_times(text, anchor_date=anchors["the dateline"])
        for item in expected:
            anchor_date = anchors[item.get("anchor")]
            at = text.find(item["text"])
            assert at >= 0, item
            got = find_times(text, at, at + len(item["text"]), anchor_date=anchor_date)
            assert [(text[m.start : m.end], m.value) for m in got] == [
                (item["text"], item["value"])
            ], item
            # as a reader would: found against the dateline, re-anchored in a claim
            (whole,) = [m for m in everywhere if m.start == at]
            moved = reanchor(text, whole, anchor_date=anchor_date, anchor=Anchor.CLAIM)
            assert moved.value == item["value"], item
            checked += 1
    assert checked >= 6
