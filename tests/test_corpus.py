"""Batch parsing, discovery, per-file metadata and JSON Lines streaming."""

from __future__ import annotations

import datetime as dt
import io
import pickle
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefings import codecs
from briefings.corpus import (
    Failure,
    FileOptions,
    Metadata,
    Outcome,
    Summary,
    date_in_name,
    discover,
    options_for,
    parse_file,
    parse_many,
    read_failures,
    read_jsonl,
    read_metadata,
    summarize,
    write_failures,
    write_jsonl,
)
from briefings.errors import (
    BriefingsError,
    DecodeError,
    IntegrityError,
    ParseError,
    UnknownFormatError,
    ValidationError,
)
from briefings.model import Briefing, Document
from briefings.strategies import briefings
from briefings.text import parse, parse_report, parse_transcript

# -- parsers that worker processes can import (module-level, picklable) --------------------


def plain(text: str, **options: object) -> Briefing:
    """A stand-in reader: the text as a document, with the publication date."""
    published = options.get("published")
    assert published is None or isinstance(published, dt.date)
    outlet = options.get("outlet")
    assert outlet is None or isinstance(outlet, str)
    return Briefing(document=Document(text=text, published=published, outlet=outlet))


def slow_first(text: str, **options: object) -> Briefing:
    """Early files take longest, so a pool finishes them last."""
    if text.startswith("0"):
        time.sleep(0.3)
    return plain(text, **options)


def fragile(text: str, **options: object) -> Briefing:
    """Fails on texts that say so, as a buggy reader would."""
    if "boom" in text:
        raise ParseError("cannot read this", text, text.index("boom"))
    if "crash" in text:
        raise RuntimeError("a bug in the reader")
    return plain(text, **options)


def not_a_briefing(text: str, **options: object) -> object:
    del options
    return text


def write_files(folder: Path, texts: dict[str, str]) -> list[str]:
    paths = []
    for name, text in texts.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


# -- discovery -----------------------------------------------------------------------------


def test_discover_keeps_files_in_order_and_recurses_folders_sorted(tmp_path: Path) -> None:
    write_files(
        tmp_path / "corpus",
        {"b.txt": "b", "a.txt": "a", "sub/c.txt": "c", "sub/notes.md": "x", "A/z.txt": "z"},
    )
    single = tmp_path / "single.txt"
    single.write_text("s", encoding="utf-8")
    found = discover([single, tmp_path / "corpus", tmp_path / "missing.txt", "-", single])
    names = [Path(p).relative_to(tmp_path).as_posix() if p != "-" else p for p in found]
    assert names == [
        "single.txt",
        "corpus/A/z.txt",
        "corpus/a.txt",
        "corpus/b.txt",
        "corpus/sub/c.txt",
        "missing.txt",
        "-",
    ]


def test_discover_pattern(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.txt": "a", "b.md": "b"})
    assert [Path(p).name for p in discover([tmp_path], pattern="*.md")] == ["b.md"]


# -- metadata ------------------------------------------------------------------------------


def test_read_metadata_takes_a_corpus_manifest_as_it_is() -> None:
    tsv = (
        "compartment\tfilename\tpublisher\tpublication_date\tkind\n"
        "dev\tbreitbart_2016-09-12_stealth\tbreitbart\t2016-09-12\treport\n"
        "dev\tother.txt\t\t2016-09-15 10:00\tbogus\n"
        "\n"
    )
    meta = read_metadata(io.StringIO(tsv))
    assert len(meta) == 2
    assert meta.lookup("corpus/dev/breitbart_2016-09-12_stealth.txt") == FileOptions(
        kind="report", published=dt.date(2016, 9, 12), outlet="breitbart"
    )
    assert meta.lookup("x/other.txt") == FileOptions(published=dt.date(2016, 9, 15))
    assert meta.lookup("unknown.txt") is None


def test_read_metadata_from_a_file_with_held_on(tmp_path: Path) -> None:
    path = tmp_path / "meta.tsv"
    path.write_text("path\tdate\theld_on\na/b.txt\t2020-01-02\t2020-01-01\n", encoding="utf-8")
    meta = read_metadata(path)
    assert meta.lookup("a/b.txt") == FileOptions(
        published=dt.date(2020, 1, 2), held_on=dt.date(2020, 1, 1)
    )


def test_read_metadata_errors() -> None:
    with pytest.raises(DecodeError) as info:
        read_metadata(io.StringIO("file\tdate\na.txt\t12/01/2020\n"))
    assert str(info.value) == "metadata line 2: not a date (YYYY-MM-DD): '12/01/2020'"
    with pytest.raises(DecodeError) as info:
        read_metadata(io.StringIO("title\tdate\n"))
    assert str(info.value) == "metadata needs a column naming the file: file, filename, path, name"


def test_file_options_merge_fills_only_unknown_fields() -> None:
    own = FileOptions(published=dt.date(2020, 1, 1))
    defaults = FileOptions(kind="report", published=dt.date(1999, 1, 1), outlet="TASS")
    assert own.merged(defaults) == FileOptions(
        kind="report", published=dt.date(2020, 1, 1), outlet="TASS"
    )


# -- batch parsing ----------------------------------------------------------------------


@pytest.mark.parametrize("jobs", [1, 2])
def test_parse_many_keeps_input_order(tmp_path: Path, jobs: int) -> None:
    texts = {f"{i}.txt": f"{i} text" for i in range(12)}
    paths = write_files(tmp_path, texts)
    outcomes = list(parse_many(paths, jobs=jobs, parser=slow_first))
    assert [o.index for o in outcomes] == list(range(12))
    assert [o.path for o in outcomes] == paths
    assert [o.briefing.document.text for o in outcomes if o.briefing] == list(texts.values())


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failing_file_is_recorded_and_the_batch_goes_on(tmp_path: Path, jobs: int) -> None:
    paths = write_files(tmp_path, {"a.txt": "fine", "b.txt": "a boom here", "c.txt": "crash"})
    paths.insert(1, str(tmp_path / "missing.txt"))
    paths.append(str(tmp_path / "d.txt"))
    (tmp_path / "d.txt").write_text("also fine", encoding="utf-8")
    outcomes = list(parse_many(paths, jobs=jobs, parser=fragile))
    assert [o.ok for o in outcomes] == [True, False, False, False, True]
    failures = [o.failure for o in outcomes if o.failure is not None]
    assert [(f.path, f.error) for f in failures] == [
        (paths[1], "FileNotFoundError"),
        (paths[2], "ParseError"),
        (paths[3], "RuntimeError"),
    ]
    assert failures[0].message == "No such file or directory"
    assert failures[1].message.startswith("cannot read this (line 1, column 3)")
    assert failures[2].message == "a bug in the reader"
    summary = summarize(outcomes, seconds=2.0)
    assert (summary.documents, summary.failures, summary.claims) == (2, 3, 0)


def test_a_reader_that_returns_something_else_is_a_failure(tmp_path: Path) -> None:
    paths = write_files(tmp_path, {"a.txt": "x"})
    (outcome,) = parse_many(paths, parser=not_a_briefing)  # type: ignore[arg-type]
    assert outcome.failure == Failure(
        path=paths[0], error="BriefingsError", message="the reader returned str, not a Briefing"
    )


def test_parse_many_gives_each_file_its_metadata(tmp_path: Path) -> None:
    paths = write_files(tmp_path, {"a.txt": "a", "b.txt": "b"})
    meta = Metadata(entries={"a": FileOptions(published=dt.date(2021, 5, 1))})
    outcomes = list(
        parse_many(paths, parser=plain, metadata=meta, published=dt.date(1999, 1, 1), outlet="X")
    )
    docs = [o.briefing.document for o in outcomes if o.briefing]
    assert [(d.published, d.outlet) for d in docs] == [
        (dt.date(2021, 5, 1), "X"),
        (dt.date(1999, 1, 1), "X"),
    ]


def test_parse_many_counts_bytes_and_replaces_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfcaf\xc3\xa9 \xff")
    (outcome,) = parse_many([path], parser=plain)
    assert outcome.size == 10
    assert outcome.briefing is not None
    assert outcome.briefing.document.text == "café \ufffd"


def test_parse_many_rejects_bad_options() -> None:
    with pytest.raises(ValueError, match="kind must be one of auto, report, transcript"):
        list(parse_many([], kind="poem"))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"jobs must be >= 0 \(0: one per CPU\), not -2"):
        list(parse_many([], jobs=-2))


def test_parse_file_uses_the_real_reader(tmp_path: Path) -> None:
    text = "The minister said talks would resume."
    (path,) = write_files(tmp_path, {"a.txt": text})
    assert parse_file(path, kind="report") == parse(text, kind="report")


@given(st.lists(st.text(max_size=20), max_size=8))
def test_outcomes_follow_the_inputs(texts: list[str]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        paths = write_files(Path(folder), {f"{i}.txt": t for i, t in enumerate(texts)})
        outcomes = list(parse_many(paths, parser=plain))
    assert [o.index for o in outcomes] == list(range(len(texts)))
    assert all(o.ok for o in outcomes)
    assert sum(o.size for o in outcomes) == sum(len(t.encode()) for t in texts)


def test_summary_line() -> None:
    summary = Summary(documents=1, claims=2, failures=0, size=3_000_000, seconds=2.0)
    assert summary.megabytes_per_second == 1.5
    assert str(summary) == "1 document, 2 claims, 0 failures, 3.00 MB in 2.00 s (1.50 MB/s)"
    assert Summary().megabytes_per_second == 0.0


def test_parallel_equals_sequential_on_the_real_corpus(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "briefings"
    meta = read_metadata(folder / "MANIFEST.tsv")
    paths = discover([folder])[:20]
    one = [o.briefing for o in parse_many(paths, metadata=meta)]
    two = [o.briefing for o in parse_many(paths, metadata=meta, jobs=2)]
    assert None not in one
    assert one == two
    first = one[0]
    assert first is not None
    assert first.document.published is not None


# -- failures and JSON Lines ---------------------------------------------------------------


def test_failures_round_trip() -> None:
    failures = [
        Failure(path="a.txt", error="OSError", message="Permission denied"),
        Failure(path="b ü.txt", error="ParseError", message="bad\nthing"),
    ]
    stream = io.StringIO()
    assert write_failures(failures, stream) == 2
    assert stream.getvalue().count("\n") == 2
    assert read_failures(io.StringIO(stream.getvalue() + "\n")) == failures


def test_read_failures_errors() -> None:
    with pytest.raises(DecodeError, match=r"errors file line 2: Expecting value"):
        read_failures(io.StringIO('{"path": "a"}\nnope\n'))
    with pytest.raises(DecodeError, match=r'errors file line 1: no "path" string'):
        read_failures(io.StringIO('{"file": "a"}\n'))


def test_jsonl_streams_round_trip_and_append(tmp_path: Path) -> None:
    a = Briefing(document=Document(text="one"))
    b = Briefing(document=Document(text="two"))
    path = tmp_path / "out" / "corpus.jsonl"
    assert write_jsonl([a], path) == 1
    assert write_jsonl(iter([b]), path, append=True) == 1
    assert list(read_jsonl(path)) == [a, b]
    assert write_jsonl([b], path) == 1
    assert list(read_jsonl(str(path))) == [b]
    stream = io.StringIO()
    write_jsonl([a, b], stream)
    assert list(read_jsonl(io.StringIO(stream.getvalue()))) == [a, b]


# -- everything a worker sends or receives pickles ----------------------------------------


@given(briefings())
def test_briefings_pickle(briefing: Briefing) -> None:
    assert pickle.loads(pickle.dumps(briefing)) == briefing


@pytest.mark.parametrize(
    "error",
    [
        ParseError("bad", "some text", 5),
        DecodeError("line 2: bad", "{", 1),
        ValidationError("wrong", "$.claims[0]"),
        IntegrityError("dangling", "$.claims[0].speaker_id"),
        UnknownFormatError("docx", ("json", "jsonl")),
        BriefingsError("plain"),
    ],
)
def test_errors_pickle(error: BriefingsError) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)


def test_functions_and_outcomes_pickle() -> None:
    for function in (
        parse,
        parse_report,
        parse_transcript,
        parse_file,
        parse_many,
        codecs.to_json,
        codecs.from_json,
    ):
        assert pickle.loads(pickle.dumps(function)) is function
    outcome = Outcome(
        index=3,
        path="a.txt",
        failure=Failure(path="a.txt", error="OSError", message="x"),
        size=4,
        seconds=0.5,
    )
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    options = FileOptions(kind="report", published=dt.date(2020, 1, 1))
    assert pickle.loads(pickle.dumps(options)) == options


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_can_encode(tmp_path: Path, jobs: int) -> None:
    text = "The minister said talks would resume."
    paths = write_files(tmp_path, {"a.txt": text, "b.txt": "b"})
    paths.append(str(tmp_path / "missing.txt"))
    outcomes = list(parse_many(paths, jobs=jobs, kind="report", encode=codecs.to_json))
    expected = parse(text, kind="report")
    assert outcomes[0].briefing is None
    assert outcomes[0].encoded == codecs.to_json(expected)
    assert outcomes[0].claims == len(expected.claims)
    assert [o.ok for o in outcomes] == [True, True, False]
    assert outcomes[2].encoded is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("TASS_2024-12-26_putin.txt", dt.date(2024, 12, 26)),
        ("corpus/2019/report_2019_03_01.txt", dt.date(2019, 3, 1)),
        ("a.2020.02.30-then-2020-03-01.txt", dt.date(2020, 3, 1)),
        ("id12024-12-26.txt", None),
        ("2024-12-261.txt", None),
        ("2024-1-26.txt", None),
        ("notes.txt", None),
    ],
)
def test_date_in_name(name: str, expected: dt.date | None) -> None:
    assert date_in_name(name) == expected


def test_options_for_prefers_metadata_then_the_name_then_defaults() -> None:
    defaults = FileOptions(published=dt.date(1999, 1, 1), outlet="X")
    meta = Metadata(entries={"b": FileOptions(published=dt.date(2021, 1, 1))})
    dated = "a_2020-05-06.txt"
    assert options_for(dated, defaults) == defaults
    assert options_for(dated, defaults, dates_from_names=True) == FileOptions(
        published=dt.date(2020, 5, 6), outlet="X"
    )
    assert options_for("b_2020-05-06.txt", defaults, metadata=meta, dates_from_names=True) == (
        FileOptions(published=dt.date(2020, 5, 6), outlet="X")
    )
    assert options_for("b.txt", defaults, metadata=meta, dates_from_names=True) == FileOptions(
        published=dt.date(2021, 1, 1), outlet="X"
    )
