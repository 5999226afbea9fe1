"""Tests for the news-report reader (briefings.text.report)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from briefings import Form, SpeechAct
from briefings.model import iter_spans
from briefings.text import parse_report


def _claims(text: str, **kw: object) -> list[tuple[str, str, str, str]]:
    b = parse_report(text, **kw)  # type: ignore[arg-type]
    out = []
    for c in b.claims:
        speaker = b.speaker(c)
        out.append(
            (
                speaker.name if speaker else "",
                c.cue.span.text if c.cue else "",
                c.form.value,
                c.text,
            )
        )
    return out


def test_direct_quote_with_cue_after() -> None:
    text = "“We will respond in kind,” Foreign Minister Anna Berg said on Monday."
    assert _claims(text) == [
        ("Anna Berg", "said", "direct", "“We will respond in kind,”"),
    ]


def test_quote_interrupted_by_its_cue_is_one_claim() -> None:
    text = "“First part,” the minister said, “and the second part.”"
    b = parse_report(text)
    assert len(b.claims) == 1
    claim = b.claims[0]
    assert [p.text for p in claim.content_parts] == ["“First part,”", "“and the second part.”"]
    assert claim.form is Form.DIRECT


def test_indirect_speech_pronoun_and_role_coreference() -> None:
    text = (
        "Government spokesman Karl Umber said the talks would resume. "
        "He added that no date was set. "
        "The spokesman also warned that delays were possible."
    )
    rows = _claims(text)
    assert [r[0] for r in rows] == ["Karl Umber"] * 3
    assert [r[1] for r in rows] == ["said", "added", "warned"]
    assert rows[0][3] == "the talks would resume"


def test_according_to_and_relay() -> None:
    text = (
        "According to Ms. Lund, the plan is ready. "
        "“It will work,” she was quoted by Interfax as saying."
    )
    b = parse_report(text)
    assert [c.form for c in b.claims] == [Form.INDIRECT, Form.DIRECT]
    relays = [b.entity(r.entity_id).name for r in b.claims[1].relayed_by]
    assert relays == ["Interfax"]
    assert {b.speaker(c).name for c in b.claims} == {"Lund"}  # type: ignore[union-attr]


def test_refusal_and_continuation() -> None:
    text = (
        "Minister Ola Dahl declined to comment.\n\n"
        "Dahl said: “We are ready.”\n\n“Nothing has changed.”"
    )
    b = parse_report(text)
    assert b.claims[0].act is SpeechAct.REFUSAL
    assert b.claims[-1].cue is None
    assert b.speaker(b.claims[-1]).name == "Ola Dahl"  # type: ignore[union-attr]


def test_no_cue_no_claim() -> None:
    assert _claims("“Scare quotes” are not claims. The sky is blue.") == []


def test_yesterday_resolves_against_the_published_date() -> None:
    text = "At a briefing yesterday, spokesman Ivo Tamm said the border was open."
    b = parse_report(text, published=dt.date(2022, 3, 2))
    assert b.held_on == dt.date(2022, 3, 1)
    assert b.claims[0].said_on == dt.date(2022, 3, 1)


ALPHABET = st.sampled_from(
    [
        *"abcHe said “”\"'‘’«»„.,:;!?—-[]…\n ",
        "Peskov",
        " said ",
        " told reporters ",
        "According to ",
        " declined to ",
        "Mr. ",
    ]
)


@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_never_raises_and_every_span_slices_the_text(text: str) -> None:
    b = parse_report(text)
    for _path, span in iter_spans(b):
        assert text[span.start : span.end] == span.text


@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    parse_report(text, published=dt.date(2020, 1, 1))


def test_pathological_inputs_finish() -> None:
    for text in (
        "“" * 100_000 + '"' * 100_000,
        "word " * 200_000,
        "x" * 1_000_000,
        "[" * 100_000 + "]" * 100_000,
        ("He said “a. " * 20_000),
    ):
        parse_report(text)
