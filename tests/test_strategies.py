"""The public Hypothesis strategies."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import briefings
from briefings.strategies import briefings as st_briefings
from briefings.strategies import documents, spans, texts


@given(st.from_type(briefings.Briefing))
def test_from_type_is_registered(b: briefings.Briefing) -> None:
    assert isinstance(b, briefings.Briefing)


@given(st_briefings(kind=briefings.BriefingKind.TRANSCRIPT, max_claims=2, max_people=1))
def test_bounds_and_kind(b: briefings.Briefing) -> None:
    assert b.kind is briefings.BriefingKind.TRANSCRIPT
    assert len(b.claims) <= 2
    assert len(b.people) <= 1
    for turn in b.turns:
        for q in turn.answers:
            assert next(t for t in b.turns if t.id == q).n < turn.n


@given(
    texts(min_size=1, max_size=20).flatmap(lambda t: st.tuples(st.just(t), spans(t, min_size=1)))
)
def test_spans_lie_in_their_text(pair: tuple[str, briefings.Span]) -> None:
    text, span = pair
    assert text[span.start : span.end] == span.text
    assert len(span) >= 1


@given(documents())
def test_documents(d: briefings.Document) -> None:
    if d.title_span is not None:
        assert d.title == d.title_span.text


def test_arguments_are_validated() -> None:
    with pytest.raises(ValueError, match="max_claims must be >= 0"):
        st_briefings(max_claims=-1)
    with pytest.raises(TypeError, match="kind must be a BriefingKind"):
        st_briefings(kind="report")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fewer than min_size"):
        spans("ab", min_size=3)


MODEL_TYPES = [
    briefings.Person,
    briefings.Organization,
    briefings.Role,
    briefings.Mention,
    briefings.Claim,
    briefings.Event,
    briefings.TimeExpression,
    briefings.Turn,
    briefings.Document,
    briefings.Span,
]


@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda c: c.__name__)
def test_every_model_type_round_trips_through_plain_data(cls: type) -> None:
    from briefings.codecs._converter import structure, unstructure

    @settings(max_examples=20)
    @given(st.from_type(cls))
    def check(obj: object) -> None:
        assert isinstance(obj, cls)
        assert structure(json.loads(json.dumps(unstructure(obj))), cls) == obj

    check()


def test_strategies_import_first_in_a_fresh_interpreter() -> None:
    import subprocess
    import sys

    code = (
        "import briefings.strategies as s\n"
        "from hypothesis import strategies as st\n"
        "import briefings\n"
        "assert isinstance(st.from_type(briefings.Briefing).example(), briefings.Briefing)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
