"""The domain model: spans, integrity checks, lookups, errors."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given

import briefings
from briefings.errors import IntegrityError, ParseError, ValidationError
from briefings.model import iter_spans
from briefings.strategies import briefings as st_briefings

TEXT = "Spokesman Ivo Marr said the visit was planned. He added it would be short."


def person() -> briefings.Person:
    return briefings.Person(id="p1", name="Ivo Marr", roles=(briefings.Role(title="Spokesman"),))


def claim(**kw: object) -> briefings.Claim:
    options: dict[str, object] = {
        "id": "c1",
        "speaker_id": "p1",
        "content": briefings.Span.find(TEXT, "the visit was planned"),
    }
    options.update(kw)
    return briefings.Claim(**options)  # type: ignore[arg-type]


def test_span_of_and_find() -> None:
    s = briefings.Span.of(TEXT, 10, 18)
    assert s.text == "Ivo Marr"
    assert briefings.Span.find(TEXT, "Ivo Marr") == s
    assert len(s) == 8
    assert briefings.Span.of(TEXT, 11, 12) in s
    assert 10 in s
    assert 18 not in s
    assert s.overlaps(briefings.Span.of(TEXT, 17, 20))
    assert not s.overlaps(briefings.Span.of(TEXT, 18, 20))
    with pytest.raises(ValidationError, match="does not occur"):
        briefings.Span.find(TEXT, "nowhere")


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"start": -1, "end": 0, "text": "x"}, "start must be >= 0, got -1 @ $.start"),
        ({"start": 5, "end": 4, "text": ""}, "span end 4 is before start 5 @ $.end"),
        (
            {"start": 0, "end": 3, "text": "ab"},
            "span text has 2 characters but the span covers 3 @ $.text",
        ),
    ],
)
def test_span_rejects_impossible_values(kw: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as info:
        briefings.Span(**kw)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_briefing_checks_spans_against_the_text() -> None:
    wrong = briefings.Span(start=0, end=3, text="Ivo")
    with pytest.raises(IntegrityError) as info:
        briefings.Briefing(
            document=briefings.Document(text=TEXT),
            people=(person(),),
            claims=(claim(content=wrong),),
        )
    assert str(info.value) == ("span [0, 3) is 'Spo' in the text, not 'Ivo' @ $.claims[0].content")
    outside = briefings.Span(start=len(TEXT), end=len(TEXT) + 1, text="!")
    with pytest.raises(IntegrityError, match=r"outside the text .* @ \$\.claims\[0\]\.content"):
        briefings.Briefing(
            document=briefings.Document(text=TEXT),
            people=(person(),),
            claims=(claim(content=outside),),
        )


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"claims": (claim(), claim())}, "duplicate id 'c1' @ $.claims[1].id"),
        ({"claims": (claim(speaker_id="p2"),)}, "no entity has id 'p2' @ $.claims[0].speaker_id"),
        ({"claims": (claim(parent_id="c9"),)}, "no claim has id 'c9' @ $.claims[0].parent_id"),
        (
            {"claims": (claim(parent_id="c1"),)},
            "claim 'c1' is embedded in itself @ $.claims[0].parent_id",
        ),
        (
            {"claims": (claim(turn_id="u1"),)},
            "no turn has id 'u1' @ $.claims[0].turn_id",
        ),
        (
            {"claims": (claim(relayed_by=(briefings.Relay(entity_id="o1"),)),)},
            "no entity has id 'o1' @ $.claims[0].relayed_by[0].entity_id",
        ),
        ({"briefer_ids": ("p7",)}, "no entity has id 'p7' @ $.briefer_ids[0]"),
    ],
)
def test_briefing_checks_references(kw: dict[str, object], message: str) -> None:
    options: dict[str, object] = {"document": briefings.Document(text=TEXT), "people": (person(),)}
    options.update(kw)
    with pytest.raises(IntegrityError) as info:
        briefings.Briefing(**options)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_mention_must_name_the_speaker() -> None:
    other = briefings.Person(id="p2", name="Ana Lopez")
    mention = briefings.Mention(id="m1", entity_id="p2", span=briefings.Span.find(TEXT, "He"))
    with pytest.raises(IntegrityError, match="mention 'm1' names 'p2', not the speaker 'p1'"):
        briefings.Briefing(
            document=briefings.Document(text=TEXT),
            people=(person(), other),
            mentions=(mention,),
            claims=(claim(mention_id="m1"),),
        )


def test_cycle_of_two_embedded_claims() -> None:
    a = claim(id="a", parent_id="b")
    b = claim(id="b", parent_id="a")
    with pytest.raises(IntegrityError, match="embedded in itself"):
        briefings.Briefing(
            document=briefings.Document(text=TEXT), people=(person(),), claims=(a, b)
        )


def test_lookups_and_embedding() -> None:
    outer = claim()
    inner = claim(id="c2", parent_id="c1", content=briefings.Span.find(TEXT, "it would be short"))
    b = briefings.Briefing(
        document=briefings.Document(text=TEXT), people=(person(),), claims=(outer, inner)
    )
    assert b.speaker(inner) == person()
    assert b.embedded(outer) == (inner,)
    assert b.top_level_claims == (outer,)
    assert b.claim("c2") is inner
    with pytest.raises(KeyError):
        b.entity("nobody")


def test_models_are_frozen_and_keyword_only() -> None:
    c = claim()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        c.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        briefings.Person("p1", "Ivo")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kind", "start", "end", "value"),
    [
        (briefings.TimeKind.DATE, dt.date(2022, 1, 24), dt.date(2022, 1, 24), "2022-01-24"),
        (
            briefings.TimeKind.INTERVAL,
            dt.date(2022, 1, 17),
            dt.date(2022, 1, 23),
            "2022-01-17/2022-01-23",
        ),
        (briefings.TimeKind.AFTER, dt.date(2022, 1, 24), None, "after 2022-01-24"),
        (briefings.TimeKind.BEFORE, None, dt.date(2022, 1, 24), "before 2022-01-24"),
        (briefings.TimeKind.UNRESOLVED, None, None, ""),
    ],
)
def test_time_values(
    kind: briefings.TimeKind, start: dt.date | None, end: dt.date | None, value: str
) -> None:
    span = briefings.Span.find(TEXT, "planned")
    t = briefings.TimeExpression(id="t1", span=span, kind=kind, start=start, end=end)
    assert t.value == value


def test_time_shape_is_checked() -> None:
    span = briefings.Span.find(TEXT, "planned")
    with pytest.raises(ValidationError, match="a 'after' time needs start=a date and end=null"):
        briefings.TimeExpression(id="t", span=span, kind=briefings.TimeKind.AFTER)
    with pytest.raises(ValidationError, match="an interval ends before it starts"):
        briefings.TimeExpression(
            id="t",
            span=span,
            kind=briefings.TimeKind.INTERVAL,
            start=dt.date(2022, 2, 1),
            end=dt.date(2022, 1, 1),
        )


@given(st_briefings())
def test_every_generated_span_slices_the_text(b: briefings.Briefing) -> None:
    for _path, span in iter_spans(b):
        assert b.document.text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    "error",
    [
        briefings.ParseError("bad", "line one\nline two", 12),
        briefings.DecodeError("bad json", "{", 1),
        briefings.ValidationError("bad", "$.claims[0]"),
        briefings.IntegrityError("dangling", "$.x"),
        briefings.LimitError("too big"),
        briefings.UnknownFormatError("xml", ("json",)),
    ],
)
def test_errors_pickle(error: briefings.BriefingsError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)


def test_parse_error_shows_where() -> None:
    err = ParseError("unexpected mark", "first line\nsecond line", 14)
    assert (err.line, err.column) == (2, 4)
    assert str(err) == "unexpected mark (line 2, column 4)\n    second line\n       ^"
    assert isinstance(err, ValueError)
