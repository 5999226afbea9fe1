"""Pathological input: every reader finishes and returns a valid briefing.

These tests assert completion and validity, not speed: each input is about
100,000 characters, small enough for CI. ``python benchmarks/run.py`` runs the
1 MB versions of the same inputs (built by :func:`cases` there too) and checks
that time grows linearly. A reader stuck in catastrophic backtracking does not
return; the watchdog below then dumps every thread's stack and ends the run
instead of hanging CI.
"""

from __future__ import annotations

import faulthandler
import io
import random
from collections.abc import Callable, Iterator

import pytest

from briefings.codecs import from_json, iter_lines, to_json
from briefings.errors import BriefingsError
from briefings.model import Briefing, Document, Span, iter_spans
from briefings.text import parse, parse_report, parse_transcript

SIZE = 100_000
#: seconds before a stuck test dumps its stack and ends the run
WATCHDOG = 600


def fill(unit: str, size: int = SIZE) -> str:
    """``unit`` repeated to about ``size`` characters."""
    return unit * max(1, size // max(1, len(unit)))


QUOTES = ('"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」", "`", "″")


def cases(size: int = SIZE) -> dict[str, str]:
    """The pathological inputs, by name, each about ``size`` characters."""
    rng = random.Random(7)
    out: dict[str, str] = {}
    for q in QUOTES:
        out[f"quote {q!r}"] = fill(q, size)
    out.update(
        {
            "alternating “”": fill("“”", size),
            "alternating ”“": fill("”“", size),
            "alternating «»": fill("«»", size),
            "alternating straight quoted words": fill('"a" ', size),
            "quote after every word": fill('said "', size),
            "unclosed quote then sentences": "“" + fill("He said it was fine. ", size),
            "one quoted word of everything": "“" + "a" * size + "”",
            "huge paragraph": fill("The minister said talks would resume next week. ", size),
            "huge quoted paragraph": fill("“Talks will resume,” Peskov said. ", size),
            "no whitespace letters": "a" * size,
            "no whitespace words": fill("said.Peskov,“yes”", size),
            "nested round brackets": "(" * (size // 2) + ")" * (size // 2),
            "nested square brackets": "[" * (size // 2) + "]" * (size // 2),
            "unbalanced brackets": "(" * size,
            "Q: labels": fill("Q:", size),
            "Q: label lines": fill("Q:\n", size),
            "Q and A labels": fill("Q: Why?\nA: Because.\n", size),
            "caps speaker labels": fill("MS. PSAKI: ", size),
            "abbreviations": fill("Mr. ", size),
            "abbreviations without space": fill("U.S.", size),
            "ellipses": fill("...", size),
            "ellipsis characters": fill("…", size),
            "dashes": fill(" — ", size),
            "speech verbs": fill("said ", size),
            "capital speech verbs after names": fill("Ann Said it was so, ", size),
            "title-cased words": fill("Jo Doe Explained Why ", size),
            "poll shares": fill("about four in 10 said ", size),
            "dates": fill("Jan. 25, 2022, yesterday, last week. ", size),
            "NUL bytes": "\x00" * size,
            "NUL inside quotes": fill("He said \x00“x\x00y”.\x00 ", size),
            "lone high surrogates": "\ud800" * size,
            "lone surrogates mixed": fill("\udc00“\ud800”\ud83d said ", size),
            "CRLF line ends": fill("Q: hi\r\nMS. PSAKI: hello.\r\n", size),
            "CR line ends": fill("Q: hi\rMS. PSAKI: hello.\r", size),
            "U+2028 line ends": fill("Q: hi\u2028MS. PSAKI: hello.\u2028", size),
            "other line ends": fill("a\u2029b\x85c\x0bd\x0ce\r", size),
            "blank lines": "\n" * size,
            "RTL overrides": "\u202e" * size,
            "RTL text with quotes": fill("قال «نعم» \u200f", size),
            "zero-width marks": fill("\u200b\u200c\u200d\ufeff\u2060", size),
            "zero-width inside words": fill("Pes\u200bkov sa\u200did “x\u200c”. ", size),
            "combining marks": fill("e\u0301\u0308", size),
            "astral characters": fill("😀“𝒳”", size),
        }
    )
    tokens = (
        *QUOTES, " said ", " told ", "Peskov", "Mr. ", "Q:", "\n", "\r\n", "\u2028", "(", ")",
        "[", "]", "...", ". ", ", ", "\x00", "\ud800", "\u200b", "\u202e", "MS. PSAKI:", " ",
    )  # fmt: skip
    pieces: list[str] = []
    n = 0
    while n < size:
        piece = rng.choice(tokens)
        pieces.append(piece)
        n += len(piece)
    out["random tokens"] = "".join(pieces)
    return out


CASES = cases()
# ``parse`` picks one of the two; it is run on the inputs that could look like either.
READERS: dict[str, Callable[[str], Briefing]] = {
    "parse_report": parse_report,
    "parse_transcript": parse_transcript,
}
AUTO = ("Q and A labels", "caps speaker labels", "CRLF line ends", "random tokens", "NUL bytes")


@pytest.fixture(autouse=True)
def watchdog() -> Iterator[None]:
    faulthandler.dump_traceback_later(WATCHDOG, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def assert_valid(b: Briefing, text: str) -> None:
    assert isinstance(b, Briefing)
    assert b.document.text == text
    for path, span in iter_spans(b):
        assert 0 <= span.start <= span.end <= len(text), path
        assert text[span.start : span.end] == span.text, path


def test_cases_are_the_size_they_claim() -> None:
    for name, text in CASES.items():
        assert SIZE * 0.9 <= len(text) <= SIZE * 1.1, name


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("reader", list(READERS))
def test_reader_finishes_with_a_valid_briefing(reader: str, name: str) -> None:
    text = CASES[name]
    assert_valid(READERS[reader](text), text)


@pytest.mark.parametrize("name", AUTO)
def test_parse_picks_a_reader_and_finishes(name: str) -> None:
    text = CASES[name]
    assert_valid(parse(text), text)


@pytest.mark.parametrize("name", ["huge quoted paragraph", "lone surrogates mixed", "Q: labels"])
def test_parsed_pathological_input_round_trips_through_json(name: str) -> None:
    text = CASES[name]
    b = parse(text)
    assert from_json(to_json(b)) == b


# --------------------------------------------------------------------------- structured input


def test_json_with_a_huge_text_and_many_spans() -> None:
    text = fill("“Talks will resume,” Peskov said. ", SIZE)
    unit = len("“Talks will resume,” Peskov said. ")
    spans = tuple(Span.of(text, i, i + unit) for i in range(0, len(text) - unit + 1, unit))
    b = Briefing(document=Document(text=text), stage_directions=spans)
    assert from_json(to_json(b)) == b


def test_json_with_a_huge_flat_array_is_refused_with_a_path() -> None:
    data = '{"schema":"briefings/1","document":{"text":""},"briefer_ids":[' + ",".join(
        ["1"] * (SIZE // 2)
    )
    with pytest.raises(BriefingsError) as info:
        from_json(data + "]}")
    assert str(info.value) == "expected a string, got int @ $.briefer_ids[0]"


def test_json_with_a_long_string_of_escapes() -> None:
    text = "\\ud800\\u0000\\u2028" * (SIZE // 18)
    b = from_json('{"schema":"briefings/1","document":{"text":"' + text + '"}}')
    assert b.document.text == "\ud800\x00\u2028" * (SIZE // 18)


def test_jsonl_with_many_blank_lines_and_one_briefing() -> None:
    line = to_json(Briefing(document=Document(text="abc")))
    stream = io.StringIO("\n" * SIZE + " \t\n" * 1000 + line + "\n")
    assert [b.document.text for b in iter_lines(stream)] == ["abc"]
