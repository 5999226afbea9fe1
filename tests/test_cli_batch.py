"""``briefings parse`` in batch (jobs, folders, errors, retry, metadata) and
``briefings index`` / ``briefings query``."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from briefings import codecs
from briefings._cli.parse import _Progress
from briefings.cli import main
from briefings.corpus import Summary, read_failures, read_jsonl, write_jsonl
from briefings.model import (
    Briefing,
    Claim,
    Document,
    Organization,
    Person,
    Relay,
    Span,
    SpeechAct,
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    for i, sub in enumerate(["2021", "2021", "2020", "2022/x"]):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        (folder / sub / f"doc{i}.txt").write_text(f"Item {i} of the list.", "utf-8")
    (folder / "2020" / "notes.md").write_text("not a text", "utf-8")
    return folder


def texts(path: Path) -> list[str]:
    return [b.document.text for b in read_jsonl(path)]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folders_in_parallel_keep_the_order(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, jobs: str
) -> None:
    out = tmp_path / "corpus.jsonl"
    status, stdout, err = run(
        capsys, "parse", "--jobs", jobs, "--to", "jsonl", "--out", str(out), str(corpus)
    )
    assert status == 0
    assert stdout == ""
    assert texts(out) == [f"Item {i} of the list." for i in (2, 0, 1, 3)]
    (line,) = err.splitlines()
    assert line.startswith("briefings parse: 4 documents, 0 claims, 0 failures, ")
    assert line.endswith(" MB/s)")
    assert "\r" not in err  # no progress bar when stderr is not a terminal


def test_a_failure_is_recorded_and_then_retried_alone(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    out, errors = tmp_path / "corpus.jsonl", tmp_path / "errors.jsonl"
    missing = corpus / "late.txt"
    status, _, err = run(
        capsys,
        "parse",
        "-j",
        "2",
        "--to",
        "jsonl",
        "--out",
        str(out),
        "--errors",
        str(errors),
        str(corpus / "2021"),
        str(missing),
        str(corpus / "2020"),
    )
    assert status == 1
    assert texts(out) == [f"Item {i} of the list." for i in (0, 1, 2)]
    (failure,) = read_failures(errors)
    assert (failure.path, failure.error) == (str(missing), "FileNotFoundError")
    assert f"briefings: error: {missing}: No such file or directory" in err.splitlines()
    assert "3 documents, 0 claims, 1 failure" in err

    # the file turns up; the retry reads it alone and appends its briefing
    missing.write_text("Late text.", "utf-8")
    (corpus / "2021" / "doc0.txt").unlink()  # would fail if it were read again
    status, _, err = run(
        capsys,
        "parse",
        "--retry",
        str(errors),
        "--errors",
        str(errors),
        "--append",
        "--to",
        "jsonl",
        "--out",
        str(out),
    )
    assert status == 0
    assert texts(out)[-1] == "Late text."
    assert len(texts(out)) == 4
    assert read_failures(errors) == []
    assert "1 document, 0 claims, 0 failures" in err
    status, _, err = run(capsys, "parse", "--retry", str(errors), "--to", "jsonl")
    assert (status, err) == (0, "briefings parse: nothing to retry\n")


def test_quiet_prints_only_errors(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    status, _, err = run(
        capsys, "parse", "-q", "--to", "jsonl", "--out", str(tmp_path / "c.jsonl"), str(corpus)
    )
    assert (status, err) == (0, "")
    status, _, err = run(capsys, "parse", "-q", str(tmp_path / "nothing.txt"))
    assert status == 1
    assert err == f"briefings: error: {tmp_path / 'nothing.txt'}: No such file or directory\n"


def test_one_file_keeps_the_old_behaviour(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    status, out, err = run(capsys, "parse", str(corpus / "2021" / "doc0.txt"))
    assert status == 0
    assert err == ""
    assert codecs.from_json(out).document.text == "Item 0 of the list."


def test_no_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "parse", str(tmp_path))  # an empty folder
    assert status == 2
    assert err == "briefings parse: error: no input files\n"


def test_published_from_gives_each_file_its_date(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tpublished\toutlet\ndoc1.txt\t2021-03-04\tTASS\n", "utf-8")
    out = tmp_path / "c.jsonl"
    status, _, _ = run(
        capsys,
        "parse",
        "--published-from",
        str(meta),
        "--published",
        "1999-12-31",
        "--to",
        "jsonl",
        "--out",
        str(out),
        str(corpus / "2021"),
    )
    assert status == 0
    docs = [b.document for b in read_jsonl(out)]
    assert [(d.published, d.outlet) for d in docs] == [
        (dt.date(1999, 12, 31), None),
        (dt.date(2021, 3, 4), "TASS"),
    ]


def test_one_file_per_input_in_a_folder(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    fmt = "brat" if "brat" in codecs.names(lambda f: f.writable) else "json"
    suffix = codecs.by_name(fmt).suffixes[0]
    out = tmp_path / "out"
    status, _, _ = run(capsys, "parse", "-j", "2", "--to", fmt, "--out", f"{out}/", str(corpus))
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == [f"doc{i}{suffix}" for i in range(4)]


def test_progress_line() -> None:
    stream = io.StringIO()
    progress = _Progress(stream, 4, enabled=True)
    progress.update(Summary(documents=1, failures=1, size=2_000_000), force=True)
    progress.close()
    shown = stream.getvalue()
    assert shown.startswith("\rparse [############------------] 2/4 files, 1 failed, ")
    assert shown.endswith(" MB/s\r\x1b[K")
    silent = io.StringIO()
    off = _Progress(silent, 4, enabled=False)
    off.update(Summary(documents=1), force=True)
    off.close()
    assert silent.getvalue() == ""


# -- index and query -----------------------------------------------------------------------


def claims_jsonl(tmp_path: Path) -> Path:
    text = "Kremlin spokesman Dmitry Peskov warned about NATO. Zakharova denied the report."
    b = Briefing(
        document=Document(text=text, published=dt.date(2021, 12, 20)),
        people=(
            Person(id="p1", name="Dmitry Peskov", aliases=("Kremlin spokesman Dmitry Peskov",)),
            Person(id="p2", name="Maria Zakharova", aliases=("Zakharova",)),
        ),
        claims=(
            Claim(
                id="c1",
                speaker_id="p1",
                act=SpeechAct.WARNING,
                content=Span.find(text, "about NATO"),
            ),
            Claim(
                id="c2",
                speaker_id="p2",
                act=SpeechAct.DENIAL,
                content=Span.find(text, "the report"),
                said_on=dt.date(2021, 12, 22),
            ),
        ),
    )
    path = tmp_path / "c.jsonl"
    write_jsonl([b], path)
    return path


def test_index_and_query(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source, db = claims_jsonl(tmp_path), tmp_path / "c.db"
    status, _, err = run(capsys, "index", str(source), str(db))
    assert status == 0
    assert err == (
        f"briefings index: {db}: 1 briefings, 2 people, 4 aliases, 2 claims, 0 events, 0 relays\n"
    )
    status, out, _ = run(capsys, "query", str(db), "--speaker", "peskov", "--to", "jsonl")
    assert status == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["speaker"], row["act"], row["content"]) == (
        "Dmitry Peskov",
        "warning",
        "about NATO",
    )

    status, out, _ = run(capsys, "query", str(db), "--since", "2021-12-21", "--to", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["date"], r["speaker"], r["content"]) for r in rows] == [
        ("2021-12-22", "Maria Zakharova", "the report")
    ]

    status, out, _ = run(capsys, "query", str(db), "--act", "denial", "--act", "warning")
    assert out.splitlines() == [
        "date        speaker          act      content",
        "2021-12-20  Dmitry Peskov    warning  about NATO",
        "2021-12-22  Maria Zakharova  denial   the report",
    ]
    status, out, _ = run(capsys, "query", str(db), "--text", "nato", "--limit", "1")
    assert len(out.splitlines()) == 2


def test_query_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source, db = claims_jsonl(tmp_path), tmp_path / "c.db"
    run(capsys, "index", "-q", str(source), str(db))
    status, _, err = run(capsys, "query", str(db), "--text", '"open')
    assert status == 1
    assert err.startswith("briefings: error: bad full-text query: ")
    with pytest.raises(SystemExit) as info:
        main(["query", str(db), "--act", "whisper"])
    assert info.value.code == 2
    status, _, err = run(capsys, "query", str(tmp_path / "none.db"))
    assert status == 1
    assert "No such file or directory" in err


def test_an_output_folder_refuses_two_inputs_of_one_name(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    twin = corpus / "2022" / "doc0.txt"
    twin.write_text("Another item.", "utf-8")
    out = tmp_path / "out"
    status, _, err = run(capsys, "parse", "--to", "json", "--out", f"{out}/", str(corpus))
    assert status == 1
    first = corpus / "2021" / "doc0.txt"
    assert err == (
        f"briefings: error: {first} and {twin} would both be written to doc0.json; "
        "give them different names, or write one file (--to jsonl)\n"
    )
    assert not out.exists()


def test_published_from_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "TASS_2024-12-26_a.txt").write_text("Item.", "utf-8")
    (tmp_path / "undated.txt").write_text("Item.", "utf-8")
    out = tmp_path / "c.jsonl"
    status, _, _ = run(
        capsys,
        "parse",
        "--published-from-name",
        "--to",
        "jsonl",
        "--out",
        str(out),
        str(tmp_path),
    )
    assert status == 0
    assert [b.document.published for b in read_jsonl(out)] == [dt.date(2024, 12, 26), None]


def test_index_names_the_file_of_a_bad_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[]\n", encoding="utf-8")
    status, _, err = run(capsys, "index", str(bad), str(tmp_path / "x.db"))
    assert status == 1
    assert err == f"briefings: error: {bad}: line 1: expected an object, got an array @ $\n"
    assert not (tmp_path / "x.db").exists()


def test_one_briefing_formats_refuse_many_inputs_before_parsing(
    capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path
) -> None:
    errors = tmp_path / "errors.jsonl"
    status, out, err = run(
        capsys, "parse", "--to", "json", "--errors", str(errors), str(corpus), "missing.txt"
    )
    assert (status, out) == (1, "")
    assert err == (
        "briefings: error: format 'json' holds one briefing; give --out DIR for one file "
        "per input, or use a format that holds several (jsonl, csv)\n"
    )
    assert not errors.exists()


def test_query_relayed_by(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = "Peskov told TASS that talks would resume."
    b = Briefing(
        document=Document(text=text),
        people=(Person(id="p1", name="Dmitry Peskov", aliases=("Peskov",)),),
        organizations=(Organization(id="o1", name="TASS"),),
        claims=(
            Claim(
                id="c1",
                speaker_id="p1",
                content=Span.find(text, "talks would resume"),
                relayed_by=(Relay(entity_id="o1", span=Span.find(text, "TASS")),),
            ),
        ),
    )
    source, db = tmp_path / "r.jsonl", tmp_path / "r.db"
    write_jsonl([b], source)
    run(capsys, "index", "-q", str(source), str(db))
    status, out, _ = run(capsys, "query", str(db), "--relayed-by", "tass", "--to", "jsonl")
    assert status == 0
    assert [json.loads(line)["content"] for line in out.splitlines()] == ["talks would resume"]
    status, out, _ = run(capsys, "query", str(db), "--relayed-by", "Reuters", "--to", "jsonl")
    assert (status, out) == (0, "")


@pytest.mark.parametrize("value", ["-1", "two"])
def test_jobs_must_be_a_count(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", "--jobs", value, "x.txt"])
    assert info.value.code == 2
    assert f"not a number of processes (0, 1, 2...): {value!r}" in capsys.readouterr().err
