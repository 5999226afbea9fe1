"""The JSON and JSON Lines codecs, and the JSON Schema."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

import briefings
from briefings import codecs
from briefings.codecs.json import from_dict, from_json, to_dict, to_json
from briefings.codecs.jsonl import dump_lines, iter_lines
from briefings.codecs.schema import json_schema
from briefings.errors import (
    DecodeError,
    EncodeError,
    IntegrityError,
    LimitError,
    SchemaVersionError,
    ValidationError,
)
from briefings.strategies import briefings as st_briefings
from briefings.text import parse_report

TEXT = "Minister Ana Lopez said on Monday that the talks “will resume soon.”"


def small() -> briefings.Briefing:
    content = briefings.Span.find(TEXT, "the talks “will resume soon.”")
    return briefings.Briefing(
        document=briefings.Document(text=TEXT, published=briefings.model.dt.date(2024, 3, 5)),
        people=(briefings.Person(id="p1", name="Ana Lopez"),),
        mentions=(
            briefings.Mention(
                id="m1",
                entity_id="p1",
                span=briefings.Span.find(TEXT, "Minister Ana Lopez"),
                kind=briefings.MentionKind.TITLE_NAME,
            ),
        ),
        claims=(
            briefings.Claim(
                id="c1",
                speaker_id="p1",
                mention_id="m1",
                cue=briefings.Cue(span=briefings.Span.find(TEXT, "said"), lemma="say"),
                form=briefings.Form.MIXED,
                content=content,
            ),
        ),
    )


VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


@given(st_briefings())
def test_json_round_trip(b: briefings.Briefing) -> None:
    assert from_json(to_json(b)) == b
    assert from_json(to_json(b, indent=2).encode()) == b


@given(st_briefings())
def test_output_follows_the_schema(b: briefings.Briefing) -> None:
    VALIDATOR.validate(json.loads(to_json(b)))


def test_schema_is_valid_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_output_is_deterministic_and_starts_with_the_marker() -> None:
    out = to_json(small())
    assert out == to_json(small())
    assert out.startswith('{"schema":"briefings/1","document":')
    assert "“" in out  # no ASCII escaping


def test_defaults_are_left_out() -> None:
    d = to_dict(small())
    assert "act" not in d["claims"][0]  # statement is the default
    assert d["claims"][0]["form"] == "mixed"


@given(st_briefings(max_claims=3))
def test_jsonl_round_trip(b: briefings.Briefing) -> None:
    stream = io.StringIO()
    assert dump_lines([b, b], stream) == 2
    assert stream.getvalue().count("\n") == 2
    assert list(iter_lines(io.StringIO(stream.getvalue()))) == [b, b]


def _mutated(path: list[Any], value: Any) -> dict[str, Any]:
    d = copy.deepcopy(to_dict(small()))
    target = d
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return d


@pytest.mark.parametrize(
    ("path", "value", "error", "message"),
    [
        (
            ["claims", 0, "content", "start"],
            "13",
            ValidationError,
            "expected an integer, got str @ $.claims[0].content.start",
        ),
        (
            ["claims", 0, "content", "start"],
            True,
            ValidationError,
            "expected an integer, got bool @ $.claims[0].content.start",
        ),
        (
            ["claims", 0, "speaker_id"],
            "p9",
            IntegrityError,
            "no entity has id 'p9' @ $.claims[0].speaker_id",
        ),
        (
            ["claims", 0, "content", "end"],
            10,
            ValidationError,
            "span end 10 is before start 39 @ $.claims[0].content.end",
        ),
        (
            ["claims", 0, "content", "text"],
            "the talks “will resume soon.“",
            IntegrityError,
            "span [39, 68) is 'the talks “will resume soon.”' in the text, "
            "not 'the talks “will resume soon.“' @ $.claims[0].content",
        ),
        (
            ["document", "published"],
            "2024-13-01",
            ValidationError,
            "not an ISO date (YYYY-MM-DD): '2024-13-01' @ $.document.published",
        ),
        (
            ["claims", 0, "polarity"],
            "maybe",
            ValidationError,
            "'maybe' is not one of 'positive', 'negative' @ $.claims[0].polarity",
        ),
        (["extra"], 1, ValidationError, "extra fields found (extra) @ $"),
        (
            ["schema"],
            "briefings/2",
            SchemaVersionError,
            "unsupported schema 'briefings/2'; this version reads 'briefings/1' @ $.schema",
        ),
    ],
)
def test_invalid_input_is_a_located_error(
    path: list[Any], value: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        from_dict(_mutated(path, value))
    assert type(info.value) is error
    assert str(info.value) == message


def test_missing_field_and_marker() -> None:
    d = to_dict(small())
    del d["claims"][0]["content"]
    with pytest.raises(ValidationError, match=r"required field missing @ \$\.claims\[0\]\.content"):
        from_dict(d)
    d = to_dict(small())
    del d["schema"]
    with pytest.raises(SchemaVersionError, match="missing schema marker"):
        from_dict(d)
    with pytest.raises(ValidationError, match=r"expected an object, got an array @ \$"):
        from_dict([])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "a": 2}', "duplicate key 'a' (line 1, column 10)"),
        ("[NaN]", "NaN is not a valid JSON number (line 1, column 2)"),
        ("[1, Infinity]", "Infinity is not a valid JSON number (line 1, column 5)"),
        ('{\n  "schema": }', "Expecting value (line 2, column 13)"),
    ],
)
def test_bad_json_is_a_decode_error_with_line_and_column(text: str, message: str) -> None:
    with pytest.raises(DecodeError) as info:
        from_json(text)
    assert str(info.value).splitlines()[0] == message


def test_limits() -> None:
    with pytest.raises(LimitError, match="over the limit of 10"):
        from_json(to_json(small()), max_size=10)
    with pytest.raises(LimitError, match="nesting deeper than 3 levels"):
        from_json("[[[[1]]]]", max_depth=3)
    with pytest.raises(LimitError, match="nesting deeper than"):
        from_json("[" * 200_000 + "]" * 200_000)
    with pytest.raises(DecodeError, match="not UTF-8"):
        from_json(b"\xff\xfe{}")


def test_jsonl_errors_name_the_line() -> None:
    good = to_json(small())
    with pytest.raises(DecodeError, match="line 2: Expecting"):
        list(iter_lines(io.StringIO(good + "\n{oops\n")))
    bad = json.dumps({**to_dict(small()), "people": []})
    with pytest.raises(IntegrityError, match=r"line 3: no entity has id 'p1' @ \$\.mentions"):
        list(iter_lines(io.StringIO(good + "\n\n" + bad + "\n")))


def test_registry_lookup() -> None:
    assert codecs.by_name("json").name == "json"
    assert codecs.by_path("out/corpus.JSONL").name == "jsonl"
    assert codecs.by_path("x.turns.csv").name == "turns"
    assert codecs.by_path("x.csv").name == "csv"
    with pytest.raises(briefings.UnknownFormatError) as info:
        codecs.by_name("xml")
    assert str(info.value).startswith("unknown format 'xml'; known formats: ")
    assert "json, jsonl" in str(info.value)


def test_lone_surrogates_are_written_escaped_and_read_back() -> None:
    text = "Lone \ud800 surrogate and a pair \U0001f600."
    b = briefings.Briefing(document=briefings.Document(text=text))
    out = to_json(b)
    assert "\\ud800" in out
    out.encode("utf-8")  # always encodable
    assert from_json(out) == b
    assert from_json(out.encode("utf-8")) == b


def test_oversize_bytes_are_refused_before_decoding() -> None:
    with pytest.raises(LimitError, match="input has 41 bytes, over the limit of 10 characters"):
        from_json(b"[" + b" " * 39 + b"]", max_size=10)


def test_a_lone_surrogate_pair_is_refused_with_its_path() -> None:
    # JSON reads "\ud800\udfff" as one character (U+103FF): writing the two lone
    # code points would give back a different text, so to_json refuses them
    b = parse_report("Ann Lee said \ud800\udfff was fine.")
    with pytest.raises(EncodeError) as caught:
        to_json(b)
    assert caught.value.path == "$.document.text"
    assert "U+D800 U+DFFF" in str(caught.value)
    # each lone surrogate alone, and a real pair, still round-trip
    for text in ("a \ud800 b \udfff c", "a \udfff\ud800 b", "a \U000103ff b"):
        assert from_json(to_json(parse_report(text))) == parse_report(text)
