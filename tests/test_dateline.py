"""Tests for briefings.text._dateline: the place, date and outlet opening a report."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefings.text._dateline import Dateline, find_dateline

PUB = dt.date(2024, 12, 26)


def read(text: str, published: dt.date | None = PUB) -> tuple[object, ...] | None:
    d = find_dateline(text, published=published)
    if d is None:
        return None
    return (text[d.start : d.end], d.place, d.date, d.outlet, d.year_given)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mar. 14, 2023 (NWSX)—At her briefing",
            ("Mar. 14, 2023 (NWSX)—", None, dt.date(2023, 3, 14), "NWSX", True),
        ),
        (
            "MOSCOW, Jan 24 (Reuters) - The Kremlin said",
            ("MOSCOW, Jan 24 (Reuters) -", "MOSCOW", dt.date(2024, 1, 24), "Reuters", False),
        ),
        (
            "WASHINGTON (AP) — The president",
            ("WASHINGTON (AP) —", "WASHINGTON", None, "AP", False),
        ),
        (
            "KYIV, Ukraine (AP) — Officials",
            ("KYIV, Ukraine (AP) —", "KYIV, Ukraine", None, "AP", False),
        ),
        (
            "SOMEWHERE /Far Region/, December 26. /TASS/. The president",
            (
                "SOMEWHERE /Far Region/, December 26. /TASS/.",
                "SOMEWHERE /Far Region/",
                dt.date(2024, 12, 26),
                "TASS",
                False,
            ),
        ),
        (
            "BEIJING, May 22 (Xinhua) -- A spokesman",
            ("BEIJING, May 22 (Xinhua) --", "BEIJING", dt.date(2024, 5, 22), "Xinhua", False),
        ),
        (
            "MOSCOW, December 26. A spokesman said",
            ("MOSCOW, December 26.", "MOSCOW", dt.date(2024, 12, 26), None, False),
        ),
        (
            "NEW YORK, Dec. 3, 2019 (Reuters) - x",
            (
                "NEW YORK, Dec. 3, 2019 (Reuters) -",
                "NEW YORK",
                dt.date(2019, 12, 3),
                "Reuters",
                True,
            ),
        ),
        ("WASHINGTON — The", ("WASHINGTON —", "WASHINGTON", None, None, False)),
        ("WASHINGTON ― Donald", ("WASHINGTON ―", "WASHINGTON", None, None, False)),
        (
            "NEWPORT NEWS, Va. - In a",
            ("NEWPORT NEWS, Va. -", "NEWPORT NEWS, Va.", None, None, False),
        ),
        (
            "HEMPSTEAD, N.Y., Sept. 26 (UPI) — x",
            (
                "HEMPSTEAD, N.Y., Sept. 26 (UPI) —",
                "HEMPSTEAD, N.Y.",
                dt.date(2024, 9, 26),
                "UPI",
                False,
            ),
        ),
        (
            "A title\n\nAugust 19, 2003\n\nThe President",
            ("August 19, 2003", None, dt.date(2003, 8, 19), None, True),
        ),
    ],
)
def test_styles(text: str, expected: tuple[object, ...]) -> None:
    assert read(text) == expected


def test_after_title_standfirst_and_chrome() -> None:
    text = (
        "Go to home page\n\nA headline — somebody\n\nA standfirst sentence, with a comma.\n\n"
        "PARIS, March 3. /AFP/. The minister said"
    )
    got = find_dateline(text, published=dt.date(2021, 3, 4))
    assert got is not None
    assert text[got.start : got.end] == "PARIS, March 3. /AFP/."
    assert (got.place, got.date, got.outlet) == ("PARIS", dt.date(2021, 3, 3), "AFP")


def test_byte_order_mark_and_crlf() -> None:
    text = "\ufeffA title\r\n\r\n  PARIS, March 3 (AFP) - The minister"
    got = find_dateline(text, published=dt.date(2021, 3, 4))
    assert got is not None
    assert text[got.start : got.end] == "PARIS, March 3 (AFP) -"
    assert find_dateline("\ufeffAugust 19, 2003\r\n\r\nText") is not None


def test_year_from_published_is_the_nearest() -> None:
    # a dateline of Dec. 31 on a report published on Jan. 1 is last year's
    assert read("LONDON, Dec. 31 (Reuters) - x", dt.date(2022, 1, 1)) == (
        "LONDON, Dec. 31 (Reuters) -",
        "LONDON",
        dt.date(2021, 12, 31),
        "Reuters",
        False,
    )


def test_no_year_and_no_published_leaves_the_date_empty() -> None:
    got = find_dateline("MOSCOW, December 26. /TASS/. x", published=None)
    assert got is not None
    assert got.date is None
    assert not got.year_given


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The Kremlin said on Monday that talks would go on.",
        "MR PRICE: Good afternoon — everyone.",
        "Q: A question?",
        "THE WHITE HOUSE\nOffice of the Press Secretary",
        "Moscow, December 26. lower-case place",
        "Agency Press Briefing – July 9, 2020",
        "Spokesperson's Regular Press Conference on May 22, 2018",
        "December 26 is a date inside a sentence.",
        "EXCLUSIVE – The senator said",
        "SIEGEL--And the senator",
        "OHIO SURVEYS NOT REALLY OFF, ONLY TOO SOON - a headline",
        "INDIANA’S DEMOGRAPHICS FAVOR CRUZ -",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text, published=PUB) is None


def test_only_the_first_lines_are_searched() -> None:
    text = "x\n" * 20 + "MOSCOW, December 26. /TASS/. x"
    assert find_dateline(text) is None


@given(text=st.text(), published=st.none() | st.dates())
def test_total_and_slices(text: str, published: dt.date | None) -> None:
    got = find_dateline(text, published=published)
    if got is not None:
        assert isinstance(got, Dateline)
        assert 0 <= got.start < got.end <= len(text)
        assert got.place is None or got.place in text[got.start : got.end]
        assert got.outlet is None or got.outlet in text[got.start : got.end]


_parts = st.sampled_from(
    ["MOSCOW", ", ", "Dec. 26", " (", ")", "/TASS/", ".", " — ", "--", "\n", "2021", " ", "/"]
)


@given(text=st.lists(_parts).map("".join))
def test_total_on_dateline_like_text(text: str) -> None:
    got = find_dateline(text, published=PUB)
    if got is not None:
        assert text[got.start : got.end].strip() == text[got.start : got.end]


def test_constant_time_on_huge_input() -> None:
    text = "MOSCOW " * 300_000
    started = time.perf_counter()
    find_dateline(text)
    assert time.perf_counter() - started < 1


def test_shared_report_datelines(shared_dir: Path) -> None:
    """Every report facts file that names a dateline: found, with the facts' text."""
    checked = 0
    corpus = shared_dir / "corpora" / "briefings"
    for path in sorted((shared_dir / "acceptance").glob("*.facts.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))
        report = facts.get("report") or {}
        name = path.name.removesuffix(".facts.json")
        source = corpus / f"{name}.txt"
        if not source.is_file():
            source = shared_dir / "seed" / f"{name}.txt"
        if not source.is_file() or "dateline" not in report:
            continue
        text = source.read_text(encoding="utf-8")
        published = report.get("published")
        got = find_dateline(text, published=dt.date.fromisoformat(published) if published else None)
        if report["dateline"] is None:
            assert got is None, name
        else:
            assert got is not None, name
            assert text[got.start : got.end] == report["dateline"], name
            if published:
                assert got.date == dt.date.fromisoformat(published), name
        checked += 1
    assert checked >= 5
