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


def test_cue_interrupting_indirect_content() -> None:
    text = "In a merger, he said, the brand would survive. Then Ann Lee left."
    b = parse_report("Analyst Tom Ward spoke. " + text)
    claim = b.claims[0]
    assert [p.text for p in claim.content_parts] == ["In a merger", "the brand would survive"]


def test_appositive_and_parenthesis_between_source_and_cue() -> None:
    text = (
        "“We are ready,” Jane Roe, a spokeswoman for the group, said. "
        "Rep. Max Field (D-Ore.), chair of the panel, said that the vote would wait."
    )
    b = parse_report(text)
    assert [b.speaker(c).name for c in b.claims] == ["Jane Roe", "Max Field"]  # type: ignore[union-attr]
    assert b.claims[1].content.text == "the vote would wait"


def test_doubled_apostrophes_are_quotes() -> None:
    text = "''It is a long road to the nomination,'' Mr. Welch said."
    b = parse_report(text)
    assert b.claims[0].form is Form.DIRECT
    assert b.claims[0].content.text == "''It is a long road to the nomination,''"


def test_documents_corefer_and_opinion_phrases() -> None:
    text = (
        "Taxes will rise, according to a joint statement by the ministry and the bank.\n\n"
        '"Rates will follow," the statement said.\n\n'
        "In the minister’s opinion, growth will slow."
    )
    b = parse_report(text)
    speakers = [b.speaker(c).name for c in b.claims]  # type: ignore[union-attr]
    assert speakers[0] == speakers[1] == "joint statement by the ministry and the bank"
    assert b.claims[2].content.text == "growth will slow"
    assert b.claims[2].act is SpeechAct.CLAIM


def test_attributable_header_relays_what_follows() -> None:
    text = (
        "The following is attributable to Spokesperson Ned Stone:\n\n"
        "Secretary Ada Grey met the activists. The Secretary noted the dangers "
        "and underscored the urgency of action."
    )
    b = parse_report(text)
    assert [c.cue.span.text for c in b.claims if c.cue] == ["noted", "underscored"]
    for claim in b.claims:
        assert b.speaker(claim).name == "Ada Grey"  # type: ignore[union-attr]
        assert [b.entity(r.entity_id).name for r in claim.relayed_by] == ["Ned Stone"]


def test_role_met_before_the_name_is_the_named_person() -> None:
    text = (
        "Growth will be strong, the Russian leader said.\n\n"
        "Russian President Ivan Petrov added that inflation would ease."
    )
    b = parse_report(text)
    assert {b.speaker(c).name for c in b.claims} == {"Ivan Petrov"}  # type: ignore[union-attr]
    assert [p.name for p in b.people] == ["Ivan Petrov"]


def test_said_on_from_a_leading_date() -> None:
    text = "On December 23, aide Yuri Ost said that the talks went well. The plan holds, Ost said."
    b = parse_report(text, published=dt.date(2024, 12, 26))
    assert [c.said_on for c in b.claims] == [dt.date(2024, 12, 23)] * 2


def test_preposition_before_that_at_the_end_of_a_sentence() -> None:
    # a regression: "said at the hearing that" with nothing after "that"
    parse_report("Mr. Doe said at the hearing that")


def test_described_source_after_the_cue_and_participles() -> None:
    text = (
        "“Taxes go up, jobs go away,” says a narrator.\n\n"
        "Senator Jo Kim went after the plan, calling it “a disaster for families.”"
    )
    b = parse_report(text)
    mentions = [b.mention(c.mention_id).span.text for c in b.claims if c.mention_id]
    assert mentions == ["a narrator", "Senator Jo Kim"]


def test_source_and_cue_in_the_sentence_after_the_quote() -> None:
    text = "Ann Lee spoke at noon. “We will find the missing files.” Lee said."
    b = parse_report(text)
    claim = b.claims[0]
    assert claim.cue is not None
    assert claim.cue.span.text == "said"
    assert b.speaker(claim).name == "Ann Lee"  # type: ignore[union-attr]


def test_first_person_writer_and_colon_introduced_quotes() -> None:
    text = "I said that the plan would fail. The headline reads: “Plan fails again, sources say.”"
    b = parse_report(text)
    names = [b.speaker(c).name for c in b.claims]  # type: ignore[union-attr]
    assert names == ["the author", "headline"]


def test_according_to_an_outlet_after_a_speaker_is_a_relay() -> None:
    text = "Spokesman Ivo Tamm said the border would stay open, according to Interfax."
    b = parse_report(text)
    assert len(b.claims) == 1
    claim = b.claims[0]
    assert b.speaker(claim).name == "Ivo Tamm"  # type: ignore[union-attr]
    assert claim.content.text == "the border would stay open"
    assert [b.entity(r.entity_id).name for r in claim.relayed_by] == ["Interfax"]


def test_embedded_claims_go_with_a_dropped_parent() -> None:
    # found by fuzzing: a quote's parent claim had an empty content
    b = parse_report("“s ,””P said“minister said v")
    ids = {c.id for c in b.claims}
    assert all(c.parent_id is None or c.parent_id in ids for c in b.claims)


def test_a_refusal_followed_by_an_added_statement_gives_both_claims() -> None:
    text = (
        "Minister Ana Voss spoke on Monday. Asked whether the talks had failed, she "
        'declined to comment, adding only that the ministry "remains open to dialogue."'
    )
    b = parse_report(text)
    acts = [(c.act.value, c.cue.span.text if c.cue else None) for c in b.claims]
    assert acts == [
        ("question", "Asked"),
        ("refusal", "declined to comment"),
        ("statement", "adding"),
    ]
    assert {b.speaker(c).name for c in b.claims[1:]} == {"Ana Voss"}  # type: ignore[union-attr]
    assert b.claims[0].speaker_id is None  # the question: asked by someone unnamed


def test_a_trailing_quoted_by_is_a_relay_not_content() -> None:
    for tail in (", quoted by the Harbour Gazette.", ", as quoted by TASS."):
        text = "Deputy Minister Tomas Reyes said the summit would take place as planned" + tail
        (claim,) = parse_report(text).claims
        assert claim.content.text == "the summit would take place as planned"
        assert len(claim.relayed_by) == 1
