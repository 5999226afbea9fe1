"""Totality: every reader takes any input and gives a Briefing or a typed error.

* The free-text readers (``parse``, ``parse_report``, ``parse_transcript``) are
  total: any ``str`` gives a :class:`Briefing`, nothing is raised.
* The structured readers (``from_json``, ``iter_lines``, the brat reader) give a
  :class:`Briefing` or raise a :class:`BriefingsError`, nothing else.

Whatever comes back has only valid spans (``text[s.start:s.end] == s.text``) and
survives a JSON round trip unchanged. Inputs are drawn from arbitrary text and
from a vocabulary of the characters and tokens the readers look for, so that
the rules fire (quotes of every kind, speech verbs, speaker labels,
abbreviations, brackets, odd line ends, NUL, lone surrogates, bidi marks).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from briefings.codecs import by_name, from_json, iter_lines, to_json
from briefings.errors import BriefingsError, EncodeError, UnknownFormatError
from briefings.model import Briefing, iter_spans
from briefings.text import parse, parse_report, parse_transcript

_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")

# --------------------------------------------------------------------------- strategies

#: Pieces the readers react to, mixed with arbitrary text below.
TOKENS = (
    '"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "`", "``", "''",
    " said ", " says ", " told ", " stressed ", " added ", " according to ",
    " was quoted as saying ",
    " denied ", " warned ", " asked ", " noted ", ", he said.", ", she said.", " said: ",
    "Peskov", "Dmitry Peskov", "Kremlin spokesman", "Mr. ", "Ms. ", "Dr. ", "U.S. ", "Jan. ",
    "MS. PSAKI:", "Q:", "Q ", "QUESTION:", "MR. PRICE:", "SPOKESPERSON:", "Lu Kang:", "A:",
    "(Laughter.)", "[inaudible]", "[", "]", "(", ")", "{", "}", "...", "…", " -- ", " — ",
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\t",
    "\x00", "\ud800", "\udfff", "\u200b", "\u200c", "\u200d", "\ufeff", "\u200e", "\u200f",
    "\u202e", "\u2066", "مرحبا", "שלום", "中国", "外交部发言人", "😀", "e\u0301",
    "MOSCOW, January 25 (TASS). ", "WASHINGTON (Reuters) - ", "2022-01-25", "yesterday",
    "on Tuesday", "last week", "next month", "Dec. 15, 2021", "1:30 P.M. EST", "END",
    " not ", " no ", " might ", " if ", ".", ",", ":", ";", "?", "!", " ", "  ",
)  # fmt: skip

tokens = st.sampled_from(TOKENS)
#: Free text: arbitrary characters (surrogates included) and reader tokens.
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(tokens, st.text(max_size=8)), max_size=60).map("".join),
)
dates = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def assert_valid(b: Briefing, text: str | None = None) -> None:
    """Every span slices the text, and the briefing survives a JSON round trip."""
    assert isinstance(b, Briefing)
    source = b.document.text
    if text is not None:
        assert source == text
    for path, span in iter_spans(b):
        assert 0 <= span.start <= span.end <= len(source), path
        assert source[span.start : span.end] == span.text, path
    if _SURROGATE_PAIR.search(source) is None:
        assert from_json(to_json(b)) == b
    else:  # JSON cannot keep a lone high + lone low surrogate apart: refused, located
        with pytest.raises(EncodeError) as caught:
            to_json(b)
        assert caught.value.path == "$.document.text"


# --------------------------------------------------------------------------- free-text readers


EXAMPLES = (
    "",
    "\x00",
    "\ud800",
    '"',
    "“" * 50,
    '"a" "b',
    "Q:",
    "Q:\nA:\n" * 5,
    "MS. PSAKI: Hi.\nQ Thanks.\n",
    "Mr. " * 30,
    "(" * 50 + ")" * 49,
    "He said: “no”\r\nShe said 'yes'\rThey said «maybe»\u2028end",
    "\u202e“Hello,” Peskov said.\u200b",
)


@given(text=texts, published=dates, outlet=st.none() | st.text(max_size=10))
@example(text="", published=None, outlet=None)
@example(text="\ud800“x” he said", published=dt.date(2022, 1, 25), outlet="TASS")
def test_parse_report_is_total(text: str, published: dt.date | None, outlet: str | None) -> None:
    assert_valid(parse_report(text, published=published, outlet=outlet), text)


@given(text=texts, held_on=dates)
@example(text="Q:\nMS. PSAKI: “Yes.”\r\n", held_on=None)
def test_parse_transcript_is_total(text: str, held_on: dt.date | None) -> None:
    assert_valid(parse_transcript(text, held_on=held_on), text)


@given(text=texts, kind=st.sampled_from(["auto", "report", "transcript"]), published=dates)
def test_parse_is_total(text: str, kind: str, published: dt.date | None) -> None:
    assert_valid(parse(text, kind=kind, published=published), text)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", EXAMPLES)
@pytest.mark.parametrize("reader", [parse, parse_report, parse_transcript])
def test_readers_on_known_nasty_inputs(reader: Callable[[str], Briefing], text: str) -> None:
    assert_valid(reader(text), text)


# --------------------------------------------------------------------------- structured readers


def reads_or_refuses(read: Callable[[], Briefing | list[Briefing]]) -> list[Briefing]:
    """The briefings ``read`` gives, or ``[]`` when it refuses with a BriefingsError."""
    try:
        got = read()
    except BriefingsError as exc:
        str(exc)  # the message itself must render
        return []
    out = got if isinstance(got, list) else [got]
    for b in out:
        assert_valid(b)
    return out


JSON_TOKENS = (
    "{", "}", "[", "]", ",", ":", '"', '"schema"', '"briefings/1"', '"document"', '"text"',
    '"start"', '"end"', '"claims"', '"people"', '"id"', '"name"', '"content"', '"p1"', '"c1"',
    "0", "1", "-1", "1e999", "1.5", "NaN", "Infinity", "-Infinity", "true", "false", "null",
    '"\\ud800"', '"\\u0000"', "\\", " ", "\n",
)  # fmt: skip
json_texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(JSON_TOKENS), max_size=40).map("".join),
)


@st.composite
def mutated_json(draw: st.DrawFn) -> str:
    """The JSON of a parsed briefing with a few characters deleted, replaced or inserted."""
    text = draw(texts)
    data = to_json(parse_report(text))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["delete", "replace", "insert"]))
        piece = draw(st.sampled_from(JSON_TOKENS) | st.text(max_size=2))
        if op == "delete":
            data = data[:i] + data[i + 1 :]
        elif op == "replace":
            data = data[:i] + piece + data[i + 1 :]
        else:
            data = data[:i] + piece + data[i:]
    return data


@given(data=st.one_of(json_texts, mutated_json()))
@example(data='{"schema":"briefings/1","document":{"text":"\\ud800"}}')
@example(data="[" * 5000)
def test_from_json_str_is_total(data: str) -> None:
    reads_or_refuses(lambda: from_json(data))


@given(data=st.one_of(st.binary(), json_texts.map(lambda s: s.encode("utf-8", "surrogatepass"))))
@example(data=b"\xef\xbb\xbf")
@example(data=b'{"schema":"briefings/1","document":{"text":"\xed\xa0\x80"}}')
def test_from_json_bytes_is_total(data: bytes) -> None:
    reads_or_refuses(lambda: from_json(data))


@given(lines=st.lists(st.one_of(json_texts, mutated_json()), max_size=5))
def test_iter_lines_is_total(lines: list[str]) -> None:
    stream = io.StringIO("\n".join(lines))
    got: list[Briefing] = []
    with contextlib.suppress(BriefingsError):
        got.extend(iter_lines(stream))
    for b in got:
        assert_valid(b)


@given(text=texts)
def test_parsed_briefings_stream_through_jsonl_unchanged(text: str) -> None:
    b = parse_report(text)
    assert_valid(b)
    stream = io.StringIO(to_json(b) + "\n")
    assert list(iter_lines(stream)) == [b]


def _brat_read() -> Callable[..., object] | None:
    try:
        return by_name("brat").read
    except UnknownFormatError:  # pragma: no cover - depends on what has landed
        return None


BRAT_READ = _brat_read()
needs_brat_reader = pytest.mark.skipif(
    BRAT_READ is None, reason="the brat codec cannot read in this version"
)


BRAT_TOKENS = (
    "T1", "T2", "T3", "R1", "E1", "A1", "#1", "*", "\t", " ", ";", "\n", "\r\n",
    "Source", "Cue", "Content", "Attribution", "Speaker", "Arg1:T1", "Arg2:T2",
    "0", "1", "3", "5", "-1", "99999999999999999999", "AnnotatorNotes", "abc", "x",
)  # fmt: skip
ann_texts = st.one_of(
    st.text(),
    st.lists(st.sampled_from(BRAT_TOKENS), max_size=50).map("".join),
)


@needs_brat_reader
@given(ann=ann_texts, text=texts)
@example(ann="T1\tSource 0 3\tabc\n", text="abc")
@example(ann="T1\tSource 0 5\tabc\n", text="abc")
@example(ann="T1\tSource 2 1\t\n", text="abc")
@example(ann="T1\tContent 0 1;2 3\tac\nR1\tAttr Arg1:T9 Arg2:T1\n", text="abc")
def test_brat_reader_is_total(ann: str, text: str) -> None:
    read = BRAT_READ
    assert read is not None

    def run() -> list[Briefing]:
        return list(read(io.StringIO(ann), text=text))  # type: ignore[call-overload]

    reads_or_refuses(run)


@needs_brat_reader
@given(text=texts)
def test_brat_reader_without_text_is_total(text: str) -> None:
    assume(text)
    read = BRAT_READ
    assert read is not None

    def run() -> list[Briefing]:
        return list(read(io.StringIO(text)))  # type: ignore[call-overload]

    reads_or_refuses(run)


# --------------------------------------------------------------------------- regressions

#: Inputs from fuzzing (``fuzz/README.md``) and from review, by target: each once
#: broke, or nearly broke, an invariant. A new finding goes here.
REGRESSIONS: list[Any] = [
    # atheris, 2026-11-26 (minimised from fuzz/artifacts/crash-ac350566...): the report
    # reader kept an embedded claim whose parent claim it dropped (IntegrityError).
    ("report", "“s ,””P said“minister said v".encode()),
    ("json_str", b'{"schema":"briefings/1","document":{"text":"\\ud800"}}'),
    ("json_str", b'{"schema":"briefings/1","document":{"text":"a"},"held_on":1e999}'),
    ("json_bytes", b'{"schema":"briefings/1","document":{"text":"\xed\xa0\x80"}}'),
    ("json_bytes", b"\xef\xbb\xbf" + b"[" * 100_000),
    ("jsonl", b"\n\r\n\x0b\x0c\x1c\x1d\x1e\xc2\x85\xe2\x80\xa8"),
    ("report", ("“”" * 500 + '"' * 3 + "\ud800" * 3 + "said “").encode("utf-8", "surrogatepass")),
    ("transcript", b"Q: hi\r\nMS. PSAKI: hello.\r\n" * 200),
    ("transcript", b"Q:\rA:\rQ:\r" * 300),
    ("auto", b"MS. PSAKI:\xe2\x80\xa8Q\t\xe2\x80\x8b" * 100),
    ("brat", b"T1\tSource 0 5\tabc\n\x00\x00abc"),
    ("brat", b"T1\tSource 2 1\t\nE1\tAttribution:T9\n\x00\x00abc"),
    # Hypothesis (test_parse_is_total), 2026-11-27: a lone high surrogate followed by a
    # lone low one was written as "\\ud800\\udfff", which JSON reads as ONE character
    # (U+103FF); to_json now refuses it with an EncodeError (see assert_valid).
    ("auto", "\ud800\udfff".encode("utf-8", "surrogatepass")),
]


def _run_regression(target: str, data: bytes) -> None:
    text = data.decode("utf-8", "surrogatepass")
    if target == "report":
        assert_valid(parse_report(text), text)
    elif target == "transcript":
        assert_valid(parse_transcript(text), text)
    elif target == "auto":
        assert_valid(parse(text), text)
    elif target == "json_str":
        reads_or_refuses(lambda: from_json(text))
    elif target == "json_bytes":
        reads_or_refuses(lambda: from_json(data))
    elif target == "jsonl":
        reads_or_refuses(lambda: list(iter_lines(io.StringIO(text))))
    elif target == "brat":
        if BRAT_READ is None:  # pragma: no cover - depends on what has landed
            pytest.skip("the brat codec cannot read in this version")
        ann, _, source = text.partition("\x00\x00")
        read = BRAT_READ
        reads_or_refuses(lambda: list(read(io.StringIO(ann), text=source)))  # type: ignore[call-overload]
    else:  # pragma: no cover - a typo in REGRESSIONS
        pytest.fail(f"unknown target {target!r}")


@pytest.mark.parametrize(("target", "data"), REGRESSIONS)
def test_regression(target: str, data: bytes) -> None:
    _run_regression(target, data)
