"""Tests for the quotation scanner (briefings.text._quotes)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from briefings.text._quotes import find_insertions, find_quotes

MARKS = st.sampled_from(list("\"“”„«»‘’' .,\n"))


def _inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_curly_straight_guillemets_low9() -> None:
    assert _inner("He said “yes, indeed” today.") == ["yes, indeed"]
    assert _inner('He said "no way" and left.') == ["no way"]
    assert _inner("Er sagte «nein» dann.") == ["nein"]
    assert _inner("Er sagte „ja“ dann.") == ["ja"]


def test_nested_single_quotes_stay_inside() -> None:
    text = "“He called it ‘a farce’ yesterday,” she said."
    assert _inner(text) == ["He called it ‘a farce’ yesterday,"]


def test_unclosed_quote_runs_to_the_end_of_the_paragraph_only() -> None:
    text = "“Open and never closed\nNext paragraph."
    quotes = find_quotes(text, 0, text.index("\n"))
    assert len(quotes) == 1
    assert not quotes[0].closed
    assert quotes[0].end == text.index("\n")


def test_stray_closing_mark_is_ignored() -> None:
    assert _inner("a” b “c d”") == ["c d"]


def test_insertions() -> None:
    text = "Let’s not ... engage [them to do it] now <…> and … so"
    kinds = [(text[a:b], k) for a, b, k in find_insertions(text, 0, len(text))]
    assert kinds == [
        ("...", "ellipsis"),
        ("[them to do it]", "bracket"),
        ("<…>", "ellipsis"),
        ("…", "ellipsis"),
    ]


@given(st.text(MARKS | st.characters(), max_size=200))
def test_quotes_are_ordered_and_inside_the_text(text: str) -> None:
    last = 0
    for q in find_quotes(text):
        assert last <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
        last = q.end


def test_many_unbalanced_marks_are_linear() -> None:
    text = "“" * 200_000 + "x" + '"' * 200_000
    assert len(find_quotes(text)) <= 200_001


def test_a_quote_may_close_with_a_mark_of_another_style() -> None:
    assert _inner('“It is hard to do," said Ann. Next.') == ["It is hard to do,"]
    assert _inner('"It is unusual,“ he said.') == ["It is unusual,"]
    # a mark of another style opening a word does not close the quote
    assert _inner('“He said "no way" twice.” Done.') == ['He said "no way" twice.']
