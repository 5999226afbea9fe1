"""Tests for the sentence splitter and tokenizer (briefings.text._sentences)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefings.text._sentences import paragraphs, sentences, tokens


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text, 0, len(text))]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5. "
        "Gen. Lee of St. Louis spoke. John F. Kennedy agreed."
    )
    assert _split(text) == [
        "Mr. Smith met Dr. Jones in the U.S. capital on Jan. 5.",
        "Gen. Lee of St. Louis spoke.",
        "John F. Kennedy agreed.",
    ]


def test_protected_quotes_are_not_split() -> None:
    text = "“One. Two.” He left. Then?"
    q = (0, text.index("”") + 1)
    assert _split(text) != [text]
    assert [text[a:b] for a, b in sentences(text, 0, len(text), [q])] == [
        "“One. Two.”",
        "He left.",
        "Then?",
    ]


def test_paragraphs_are_stripped_lines() -> None:
    text = "  a b \n\n c\n"
    assert [text[a:b] for a, b in paragraphs(text)] == ["a b", "c"]


def test_tokens_keep_abbreviation_periods() -> None:
    text = "Mr. Peskov, the U.S. side."
    assert [t.text for t in tokens(text, 0, len(text))] == [
        "Mr.",
        "Peskov",
        ",",
        "the",
        "U.S.",
        "side",
        ".",
    ]


@given(st.text(st.sampled_from(list('ab .!?\n“”"A')), max_size=300))
def test_sentences_cover_the_paragraph_in_order(text: str) -> None:
    last = 0
    for a, b in sentences(text, 0, len(text)):
        assert last <= a < b <= len(text)
        last = b


def test_one_giant_paragraph_without_whitespace() -> None:
    text = "a." * 300_000
    assert len(sentences(text, 0, len(text))) == 1


def test_a_period_glued_to_a_capitalised_word_ends_the_sentence() -> None:
    text = "Lee said.Park claimed it. Visit www.Example.com today. The U.S.Army is big."
    got = [text[a:b] for a, b in sentences(text, 0, len(text))]
    assert got == [
        "Lee said.",
        "Park claimed it.",
        "Visit www.Example.com today.",
        "The U.S.Army is big.",
    ]
