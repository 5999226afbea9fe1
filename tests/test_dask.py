"""The Dask bag of briefings equals the sequential result on the processes scheduler."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

pytest.importorskip("dask.bag", reason="Dask is not installed (pip install 'briefings[dask]')")

from briefings.corpus import discover, parse_many, read_jsonl
from briefings.dask import read_jsonl as bag_of_jsonl
from briefings.dask import read_texts, to_jsonl

TEXTS = {
    f"{i:02}.txt": f"Report {i}. The minister said on Monday that talks would resume."
    for i in range(7)
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for name, text in TEXTS.items():
        sub = folder / ("b" if name < "04" else "a")
        sub.mkdir(parents=True, exist_ok=True)
        (sub / name).write_text(text, encoding="utf-8")
    (folder / "meta.tsv").write_text("file\tdate\n03\t2022-01-24\n", encoding="utf-8")
    return folder


def sequential(folder: Path) -> list[object]:
    from briefings.corpus import read_metadata

    meta = read_metadata(folder / "meta.tsv")
    return [o.briefing for o in parse_many(discover([folder]), metadata=meta)]


def test_bag_on_processes_equals_sequential(corpus: Path) -> None:
    bag = read_texts(corpus, published_from=corpus / "meta.tsv", npartitions=3)
    assert bag.npartitions == 3
    result = bag.compute(scheduler="processes")
    expected = sequential(corpus)
    assert result == expected
    assert [b.document.published for b in result].count(dt.date(2022, 1, 24)) == 1


def test_glob_and_list_inputs(corpus: Path) -> None:
    by_glob = read_texts(str(corpus / "**" / "*.txt")).compute(scheduler="sync")
    assert sorted(b.document.text for b in by_glob) == sorted(TEXTS.values())
    one = read_texts([corpus / "a" / "04.txt"], published=dt.date(2020, 1, 1))
    (briefing,) = one.compute(scheduler="sync")
    assert briefing.document.text == TEXTS["04.txt"]
    assert read_texts([]).compute(scheduler="sync") == []


def test_jsonl_partitions_round_trip(corpus: Path, tmp_path: Path) -> None:
    bag = read_texts(corpus, npartitions=2)
    written = to_jsonl(bag, tmp_path / "out" / "*.jsonl", scheduler="processes")
    assert len(written) == 2
    from_files = [b for path in sorted(written) for b in read_jsonl(path)]
    assert from_files == bag.compute(scheduler="sync")
    assert all(Path(p).read_text(encoding="utf-8").endswith("}\n") for p in written)
    again = bag_of_jsonl(str(tmp_path / "out" / "*.jsonl")).compute(scheduler="sync")
    assert again == from_files


def test_errors_raise_or_skip(corpus: Path, tmp_path: Path) -> None:
    paths = [*discover([corpus]), str(tmp_path / "missing.txt")]
    with pytest.raises(FileNotFoundError):
        read_texts(paths).compute(scheduler="processes")
    kept = read_texts(paths, errors="skip").compute(scheduler="processes")
    assert len(kept) == len(TEXTS)
    with pytest.raises(ValueError, match="errors must be 'raise' or 'skip'"):
        read_texts(paths, errors="ignore")  # type: ignore[arg-type]


def test_dates_from_names(tmp_path: Path) -> None:
    (tmp_path / "TASS_2024-12-26_a.txt").write_text("Item.", "utf-8")
    (briefing,) = read_texts(tmp_path, dates_from_names=True).compute(scheduler="sync")
    assert briefing.document.published == dt.date(2024, 12, 26)
