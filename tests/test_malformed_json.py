"""Malformed and hostile JSON: every problem is a typed error that says where.

Each case checks the error's class, its exact message and its location (a
``$.path`` for structured problems, a line and column for syntax), and that
nothing is half-built: the error is raised before any briefing is returned, and
no internal exception (cattrs, json, RecursionError) leaks through as a cause.
"""

from __future__ import annotations

import io
import json

import pytest

from briefings.codecs import by_name, from_json, iter_lines, to_json
from briefings.errors import (
    BriefingsError,
    DecodeError,
    IntegrityError,
    LimitError,
    SchemaVersionError,
    ValidationError,
)
from briefings.model import Briefing, Document

HEAD = '{"schema":"briefings/1","document":{"text":"abc"}'


def doc(rest: str = "") -> str:
    """A briefing over the text ``abc`` with ``rest`` appended to its top-level object."""
    return HEAD + rest + "}"


def error_of(text: str | bytes, **limits: int) -> BriefingsError:
    with pytest.raises(BriefingsError) as info:
        from_json(text, **limits)  # type: ignore[arg-type]
    exc = info.value
    # nothing of the machinery underneath leaks out as the cause
    assert exc.__cause__ is None
    assert exc.__context__ is None or exc.__suppress_context__
    return exc


# --------------------------------------------------------------------------- syntax


@pytest.mark.parametrize(
    ("text", "message", "line", "column"),
    [
        ("", "Expecting value", 1, 1),
        ("{", "Expecting property name enclosed in double quotes", 1, 2),
        ('{"schema":"briefings/1",}', "Expecting property name enclosed in double quotes", 1, 25),
        ('{\n  "schema": "briefings/1"\n  "document": {}}', "Expecting ',' delimiter", 3, 3),
        (doc() + " x", "Extra data", 1, 52),
        ('{"a": "\x00"}', "Invalid control character at", 1, 8),
    ],
)
def test_syntax_errors_have_line_and_column(
    text: str, message: str, line: int, column: int
) -> None:
    exc = error_of(text)
    assert type(exc) is DecodeError
    assert exc.message == message
    assert (exc.line, exc.column) == (line, column)


def test_syntax_error_prints_the_line_with_a_caret() -> None:
    exc = error_of('{"schema": "briefings/1",\n "document": {"text": tru}}')
    assert str(exc) == (
        "Expecting value (line 2, column 23)\n"
        '     "document": {"text": tru}}\n'
        "                          ^"
    )


@pytest.mark.parametrize(("constant", "column"), [("NaN", 44), ("Infinity", 44), ("-Infinity", 44)])
def test_nan_and_infinity_are_refused_where_they_stand(constant: str, column: int) -> None:
    exc = error_of('{"schema":"briefings/1","document":{"text":' + constant + "}}")
    assert type(exc) is DecodeError
    assert exc.message == f"{constant} is not a valid JSON number"
    assert (exc.line, exc.column) == (1, column)


def test_a_number_that_overflows_to_infinity_is_refused_by_the_model() -> None:
    claim = '{"id":"c1","content":{"start":0,"end":1,"text":"a"},"confidence":1e999}'
    exc = error_of(doc(f',"claims":[{claim}]'))
    assert type(exc) is ValidationError
    assert str(exc) == "confidence must be between 0 and 1, got inf @ $.claims[0].confidence"


@pytest.mark.parametrize(
    ("text", "key", "column"),
    [
        ('{"schema":"briefings/1","schema":"briefings/1","document":{"text":""}}', "schema", 25),
        ('{"schema":"briefings/1","document":{"text":"a","text":"b"}}', "text", 48),
        (doc(',"people":[{"id":"p1","name":"A","name":"B"}]'), "name", 83),
    ],
)
def test_duplicate_keys_are_refused_at_the_second_key(text: str, key: str, column: int) -> None:
    exc = error_of(text)
    assert type(exc) is DecodeError
    assert exc.message == f"duplicate key {key!r}"
    assert (exc.line, exc.column) == (1, column)
    assert text[exc.offset :].startswith(f'"{key}"')


def test_bytes_that_are_not_utf8_are_a_decode_error_with_the_offset() -> None:
    exc = error_of(b'{"schema":"briefings/1","document":{"text":"\xff"}}')
    assert type(exc) is DecodeError
    assert exc.message == "input is not UTF-8: invalid start byte"
    assert exc.offset == 0  # no decoded source to point into; the byte offset is in the message


def test_bytes_with_a_bom_are_read() -> None:
    b = from_json(b"\xef\xbb\xbf" + doc().encode())
    assert b.document.text == "abc"


def test_neither_str_nor_bytes_is_a_decode_error() -> None:
    exc = error_of(42)  # type: ignore[arg-type]
    assert type(exc) is DecodeError
    assert str(exc) == "expected str or bytes, got int"


# --------------------------------------------------------------------------- limits


def test_size_limit_is_configurable_and_counts_characters() -> None:
    text = doc()
    assert from_json(text, max_size=len(text)).document.text == "abc"
    exc = error_of(text, max_size=len(text) - 1)
    assert type(exc) is LimitError
    assert str(exc) == f"input has {len(text)} characters, over the limit of {len(text) - 1} @ $"


def test_size_limit_applies_to_bytes_after_decoding() -> None:
    text = doc(',"place":"Zürich"')
    data = text.encode()
    assert len(data) == len(text) + 1
    assert from_json(data, max_size=len(text)).place == "Zürich"


@pytest.mark.parametrize("depth", [33, 100, 100_000])
def test_depth_limit_default(depth: int) -> None:
    exc = error_of(doc(',"place":' + "[" * depth + "]" * depth))
    assert type(exc) is LimitError
    assert str(exc) == "nesting deeper than 32 levels @ $"


def test_depth_limit_is_configurable() -> None:
    # the briefing itself is 3 levels deep here: {} > people [] > person {}
    text = doc(',"people":[{"id":"p1","name":"A","roles":[{"title":"spokesman"}]}]')
    assert from_json(text, max_depth=5).people[0].roles[0].title == "spokesman"
    exc = error_of(text, max_depth=4)
    assert type(exc) is LimitError
    assert str(exc) == "nesting deeper than 4 levels @ $"


def test_deep_nesting_in_objects_is_limited_too() -> None:
    exc = error_of('{"a":' * 50_000 + "1" + "}" * 50_000)
    assert type(exc) is LimitError


# --------------------------------------------------------------------------- shape and types


@pytest.mark.parametrize(
    ("text", "error", "message", "path"),
    [
        ("[]", ValidationError, "expected an object, got an array", "$"),
        ('"x"', ValidationError, "expected an object, got a string", "$"),
        ("null", ValidationError, "expected an object, got null", "$"),
        ("1.5", ValidationError, "expected an object, got a number", "$"),
        ("true", ValidationError, "expected an object, got a boolean", "$"),
        (
            '{"document":{"text":""}}',
            SchemaVersionError,
            "missing schema marker; expected 'briefings/1'",
            "$.schema",
        ),
        (
            '{"schema":"briefings/9","document":{"text":""}}',
            SchemaVersionError,
            "unsupported schema 'briefings/9'; this version reads 'briefings/1'",
            "$.schema",
        ),
        ('{"schema":"briefings/1"}', ValidationError, "required field missing", "$.document"),
        (doc(',"x":1'), ValidationError, "extra fields found (x)", "$"),
        (
            '{"schema":"briefings/1","document":{"text":5}}',
            ValidationError,
            "expected a string, got int",
            "$.document.text",
        ),
        (
            doc(',"stage_directions":[{"start":true,"end":3,"text":"bc"}]'),
            ValidationError,
            "expected an integer, got bool",
            "$.stage_directions[0].start",
        ),
        (
            doc(',"stage_directions":[{"start":1.0,"end":3,"text":"bc"}]'),
            ValidationError,
            "expected an integer, got float",
            "$.stage_directions[0].start",
        ),
        (
            doc(',"held_on":"2020-13-01"'),
            ValidationError,
            "not an ISO date (YYYY-MM-DD): '2020-13-01'",
            "$.held_on",
        ),
        (
            doc(',"held_on":20200101'),
            ValidationError,
            "expected an ISO date string, got int",
            "$.held_on",
        ),
        (
            doc(',"kind":"nope"'),
            ValidationError,
            "'nope' is not one of 'report', 'transcript'",
            "$.kind",
        ),
        (
            doc(',"claims":[{"id":"c1","content":{"start":0,"end":1,"text":"a"},"confidence":2}]'),
            ValidationError,
            "confidence must be between 0 and 1, got 2.0",
            "$.claims[0].confidence",
        ),
        (
            doc(',"claims":[{"id":"c1","content":{"start":0,"end":1,"text":"a"},"act":5}]'),
            ValidationError,
            "expected a string, got int",
            "$.claims[0].act",
        ),
        (
            doc(',"times":[{"id":"t1","span":{"start":0,"end":1,"text":"a"},"kind":"date"}]'),
            ValidationError,
            "a 'date' time needs start=a date and end=a date",
            "$.times[0].kind",
        ),
        (
            doc(',"people":[{"id":"","name":"A"}]'),
            ValidationError,
            "id must not be empty",
            "$.people[0].id",
        ),
    ],
)
def test_wrong_shapes_and_types_name_the_field(
    text: str, error: type[ValidationError], message: str, path: str
) -> None:
    exc = error_of(text)
    assert type(exc) is error
    assert isinstance(exc, ValidationError)
    assert (exc.message, exc.path) == (message, path)
    assert str(exc) == f"{message} @ {path}"


@pytest.mark.parametrize(
    ("value", "got"),
    [('"xyz"', "a string"), ("null", "null"), ('{"a":1}', "an object"), ("7", "a number")],
)
def test_an_array_field_takes_only_an_array(value: str, got: str) -> None:
    # a string is not a list of its characters
    exc = error_of(doc(',"people":[{"id":"p1","name":"A","aliases":' + value + "}]"))
    assert type(exc) is ValidationError
    assert str(exc) == f"expected an array, got {got} @ $.people[0].aliases"


def test_an_error_in_a_huge_array_is_reported_once_and_cheaply() -> None:
    # one exception for the first bad element, not one per element (was 1.2 GB
    # of exceptions for 1.6 MB of input)
    import tracemalloc

    data = doc(',"briefer_ids":[' + ",".join(["1"] * 200_000) + "]")
    tracemalloc.start()
    try:
        exc = error_of(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(exc) == "expected a string, got int @ $.briefer_ids[0]"
    assert peak < 50 * len(data)


def test_an_object_where_a_list_belongs_is_located() -> None:
    exc = error_of(doc(',"stage_directions":{"start":1,"end":3,"text":"bc"}'))
    assert type(exc) is ValidationError
    assert str(exc) == "expected an array, got an object @ $.stage_directions"


# --------------------------------------------------------------------------- spans and ids


@pytest.mark.parametrize(
    ("rest", "error", "message", "path"),
    [
        (
            ',"stage_directions":[{"start":1,"end":5,"text":"bcde"}]',
            IntegrityError,
            "span [1, 5) is outside the text (3 characters)",
            "$.stage_directions[0]",
        ),
        (
            ',"stage_directions":[{"start":1,"end":3,"text":"bx"}]',
            IntegrityError,
            "span [1, 3) is 'bc' in the text, not 'bx'",
            "$.stage_directions[0]",
        ),
        (
            ',"stage_directions":[{"start":1,"end":9,"text":"bc"}]',
            ValidationError,
            "span text has 2 characters but the span covers 8",
            "$.stage_directions[0].text",
        ),
        (
            ',"stage_directions":[{"start":-1,"end":3,"text":"bc"}]',
            ValidationError,
            "start must be >= 0, got -1",
            "$.stage_directions[0].start",
        ),
        (
            ',"stage_directions":[{"start":2,"end":1,"text":""}]',
            ValidationError,
            "span end 1 is before start 2",
            "$.stage_directions[0].end",
        ),
        (
            ',"briefer_ids":["p9"]',
            IntegrityError,
            "no entity has id 'p9'",
            "$.briefer_ids[0]",
        ),
        (
            ',"people":[{"id":"p1","name":"A"},{"id":"p1","name":"B"}]',
            IntegrityError,
            "duplicate id 'p1'",
            "$.people[1].id",
        ),
        (
            ',"claims":[{"id":"c1","content":{"start":0,"end":1,"text":"a"},"speaker_id":"p1"}]',
            IntegrityError,
            "no entity has id 'p1'",
            "$.claims[0].speaker_id",
        ),
        (
            ',"claims":[{"id":"c1","content":{"start":0,"end":1,"text":"a"},"parent_id":"c1"}]',
            IntegrityError,
            "claim 'c1' is embedded in itself",
            "$.claims[0].parent_id",
        ),
        (
            ',"people":[{"id":"p1","name":"A"}],"mentions":[{"id":"m1","entity_id":"p2",'
            '"span":{"start":0,"end":1,"text":"a"}}]',
            IntegrityError,
            "no entity has id 'p2'",
            "$.mentions[0].entity_id",
        ),
    ],
)
def test_bad_spans_and_dangling_ids_name_the_field(
    rest: str, error: type[ValidationError], message: str, path: str
) -> None:
    exc = error_of(doc(rest))
    assert type(exc) is error
    assert isinstance(exc, ValidationError)
    assert (exc.message, exc.path) == (message, path)


# --------------------------------------------------------------------------- nothing half-built


def test_json_format_reader_yields_nothing_before_the_error() -> None:
    got: list[Briefing] = []
    with pytest.raises(IntegrityError):
        got.extend(by_name("json").read(io.StringIO(doc(',"briefer_ids":["p9"]'))))  # type: ignore[misc]
    assert got == []


def test_jsonl_names_the_line_and_yields_only_the_good_lines_before_it() -> None:
    good = to_json(Briefing(document=Document(text="abc")))
    bad = doc(',"briefer_ids":["p9"]')
    stream = io.StringIO(f"{good}\n\n{good}\n{bad}\n{good}\n")
    got: list[Briefing] = []
    with pytest.raises(IntegrityError) as info:
        got.extend(iter_lines(stream))
    assert len(got) == 2
    assert str(info.value) == "line 4: no entity has id 'p9' @ $.briefer_ids[0]"


def test_jsonl_syntax_error_names_the_line() -> None:
    stream = io.StringIO(doc() + "\n{oops}\n")
    with pytest.raises(DecodeError) as info:
        list(iter_lines(stream))
    assert info.value.message == "line 2: Expecting property name enclosed in double quotes"
    assert info.value.column == 2


def test_jsonl_limits_apply_per_line() -> None:
    stream = io.StringIO(doc() + "\n" + doc(',"place":"' + "x" * 100 + '"') + "\n")
    with pytest.raises(LimitError) as info:
        list(iter_lines(stream, max_size=100))
    assert str(info.value) == "line 2: input has 162 characters, over the limit of 100 @ $"


def test_errors_round_trip_through_json_and_stay_typed() -> None:
    # a value that is valid JSON but not a briefing is refused the same way
    # whether it comes as text or as bytes
    text = doc(',"briefer_ids":["p9"]')
    for value in (text, text.encode()):
        exc = error_of(value)
        assert type(exc) is IntegrityError
    assert json.loads(text)["briefer_ids"] == ["p9"]
