"""The briefing corpus in the shared material, read as reports.

Every text parses; the facts below were verified by reading the texts and the
reader's output (speakers, cues, forms, datelines), and are kept as regression
checks. Nothing of the corpus is copied here but short names.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefings import Form
from briefings.model import iter_spans
from briefings.text import parse_report


def _published(path: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(path.name.split("_")[1])
    except (IndexError, ValueError):
        return None


def _read(shared: Path, prefix: str):  # type: ignore[no-untyped-def]
    folder = shared / "corpora" / "briefings"
    paths = sorted(folder.glob(prefix + "*.txt"))
    if not paths:
        pytest.skip(f"{prefix} not in the corpus")
    text = paths[0].read_text(encoding="utf-8")
    return text, parse_report(text, published=_published(paths[0]))


def test_every_text_parses_and_every_span_slices(shared_dir: Path) -> None:
    paths = sorted((shared_dir / "corpora" / "briefings").glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        briefing = parse_report(text, published=_published(path))
        for _where, span in iter_spans(briefing):
            assert text[span.start : span.end] == span.text


def test_tass_lavrov_syria(shared_dir: Path) -> None:
    _text, b = _read(shared_dir, "TASS_2024-12-26_russia-sees-prevention-of-syrias")
    assert b.document.dateline is not None
    assert b.document.dateline.text == "MOSCOW, December 26. /TASS/."
    assert len(b.claims) >= 8
    assert {b.speaker(c).name for c in b.claims} == {"Sergey Lavrov"}  # type: ignore[union-attr]
    assert sum(c.form is Form.DIRECT for c in b.claims) >= 5


def test_tass_lawmaker_is_the_named_deputy_speaker(shared_dir: Path) -> None:
    _text, b = _read(shared_dir, "TASS_2024-12-26_ukrainian-shelling")
    assert {b.speaker(c).name for c in b.claims} == {"Anna Kuznetsova"}  # type: ignore[union-attr]
    assert [p.name for p in b.people] == ["Anna Kuznetsova"]


def test_kremlin_news_item_in_the_third_person(shared_dir: Path) -> None:
    _text, b = _read(shared_dir, "KREMLIN-NEWS_2003-06-23")
    assert len(b.claims) == 5
    for claim in b.claims:
        assert b.speaker(claim).name == "Vladimir Putin"  # type: ignore[union-attr]
        assert claim.cue is not None
        assert claim.cue.span.text == "said"
        assert claim.form is Form.INDIRECT
