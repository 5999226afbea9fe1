"""The brat standoff reader (and its round trip through the writer)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given

import briefings
from briefings import codecs
from briefings.codecs.brat import dumps, loads
from briefings.strategies import briefings as gen_briefings

TEXT = (
    "\u201cThe talks,\u201d Peskov said on Monday, \u201cwill resume.\u201d\n"
    "Officials told reporters\nthe drills are over. He denied it. Read more here."
)


def frags(span: briefings.Span, parts: tuple[briefings.Span, ...]) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in (parts or (span,))]


def at(needle: str) -> str:
    start = TEXT.index(needle)
    return f"{start} {start + len(needle)}"


def simple_ann() -> str:
    return (
        f"T1\tContent {at('“will resume.”')};{at('“The talks,”')}\t“will resume.” “The talks,”\n"
        f"T2\tSource {at('Peskov')}\tPeskov\n"
        f"T3\tCue {at('said')};{at('on Monday')}\tsaid on Monday\n"
        f"T4\tAttribution {at('said')}\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        "A1\tNegated E1\n"
        "R1\tCoref Arg1:T2 Arg2:T2\n"
        "#1\tAnnotatorNotes T1\ta note\n"
        "#1\tAnnotatorNotes T2\tanother note\n"
        "N1\tReference T2 Wikipedia:123\tPeskov\n"
        "*\tEquiv T2 T2\n"
        "\n"
        f"T9\tContent {TEXT.index('the drills')} {TEXT.index('. He')}\tthe drills are over\n"
        f"T8\tCue {at('told')}\ttold\n"
        f"T7\tSource {at('Officials')}\tOfficials\n"
        "E2\tAttribution:T8 Content:T9 Cue:T8 Source:T7\n"
        f"T10\tSource {at('He')}\tHe\n"
        f"T11\tCue {at('denied')}\tdenied\n"
        f"T12\tContent {at('it')}\tit\n"
        "E3\tAttribution-no-source:T11 Content:T12 Cue:T11 Source:T10\n"
        f"T13\tDiscard {at('Read more here.')}\tRead more here.\n"
        "E4\tAttribution-no-source:T11\n"
    )


def test_reads_claims_with_discontinuous_spans_and_tolerated_lines() -> None:
    b = loads(simple_ann(), TEXT)
    assert [c.id for c in b.claims] == ["c1", "c2", "c3"]
    c1, c2, c3 = b.claims
    # fragments are kept in the order given, the hull covers them all
    assert [p.text for p in c1.content_parts] == ["“will resume.”", "“The talks,”"]
    assert c1.content.text == TEXT[: TEXT.index("\n")]
    assert c1.form is briefings.Form.DIRECT
    assert [q.text for q in c1.quotes] == ["“will resume.”", "“The talks,”"]
    assert c1.cue is not None
    assert [p.text for p in c1.cue.parts] == ["said", "on Monday"]
    assert c1.cue.lemma == "say"
    assert b.speaker(c1) == briefings.OtherEntity(id="s1", name="Peskov")
    # a content over a line break
    assert c2.content.text == "the drills are over"
    assert c2.form is briefings.Form.INDIRECT
    assert c3.cue is not None
    assert c3.cue.lemma == "deny"
    assert c3.act is briefings.SpeechAct.DENIAL
    he = b.mention(c3.mention_id or "")
    assert he.kind is briefings.MentionKind.PRONOUN
    assert [s.text for s in b.document.boilerplate] == ["Read more here."]


def test_round_trip_keeps_discontinuous_spans() -> None:
    b = loads(simple_ann(), TEXT)
    again = loads(dumps(b), TEXT)
    for old, new in zip(b.claims, again.claims, strict=True):
        assert frags(new.content, new.content_parts) == frags(old.content, old.content_parts)
        assert old.cue is not None
        assert new.cue is not None
        assert frags(new.cue.span, new.cue.parts) == frags(old.cue.span, old.cue.parts)
        assert new.mention_id is not None
        assert old.mention_id is not None
        m_old, m_new = b.mention(old.mention_id), again.mention(new.mention_id)
        assert frags(m_new.span, m_new.parts) == frags(m_old.span, m_old.parts)


def test_discontinuous_source() -> None:
    ann = f"T1\tSource {at('Peskov')};{at('Officials')}\tPeskov Officials\n" + (
        f"T2\tContent {at('it')}\tit\nE1\tAttribution:T2 Content:T2 Source:T1\n"
    )
    b = loads(ann, TEXT)
    mention = b.mentions[0]
    assert [p.text for p in mention.parts] == ["Peskov", "Officials"]
    assert f"Source {at('Peskov')};{at('Officials')}\tPeskov Officials" in dumps(b)


def test_repeated_content_role_is_one_claim_each_and_written_back_as_one_attribution() -> None:
    ann = (
        f"T1\tContent {at('“The talks,”')}\t“The talks,”\n"
        f"T2\tSource {at('Peskov')}\tPeskov\n"
        f"T3\tCue {at('said')}\tsaid\n"
        f"T4\tContent {at('“will resume.”')}\t“will resume.”\n"
        "E1\tAttribution:T3 Content:T1 Cue:T3 Source:T2 Content2:T4\n"
    )
    b = loads(ann, TEXT)
    assert [c.content.text for c in b.claims] == ["“The talks,”", "“will resume.”"]
    assert b.claims[0].mention_id == b.claims[1].mention_id
    out = dumps(b)
    assert out.count("\nE") + out.startswith("E") == 1
    (event,) = [line for line in out.splitlines() if line.startswith("E")]
    assert event == "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3 Content2:T5"


def test_same_wording_is_one_entity_pronouns_are_not() -> None:
    text = "He said a. He said b. Officials said c. officials said d."
    spans = {w: [i for i in range(len(text)) if text.startswith(w, i)] for w in ("He", "fficials")}
    lines = []
    n = 0
    for k, start in enumerate([*spans["He"], *(s - 1 for s in spans["fficials"])]):
        word = text[start : text.index(" ", start)]
        said = text.index("said", start)
        lines += [
            f"T{n + 1}\tSource {start} {start + len(word)}\t{word}",
            f"T{n + 2}\tCue {said} {said + 4}\tsaid",
            f"T{n + 3}\tContent {said + 5} {said + 6}\t{text[said + 5]}",
            f"E{k + 1}\tAttribution:T{n + 2} Content:T{n + 3} Cue:T{n + 2} Source:T{n + 1}",
        ]
        n += 3
    b = loads("\n".join(lines), text)
    speakers = [c.speaker_id for c in b.claims]
    assert speakers[0] != speakers[1]
    assert speakers[2] == speakers[3]
    assert len(b.others) == 3


def test_embedded_claim_gets_its_parent() -> None:
    text = "Reuters reported that Smith said the deal was off."
    ann = (
        "T1\tSource 0 7\tReuters\nT2\tCue 8 16\treported\n"
        "T3\tContent 17 50\tthat Smith said the deal was off.\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
        "T4\tSource 22 27\tSmith\nT5\tCue 28 32\tsaid\nT6\tContent 33 49\tthe deal was off\n"
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n"
    )
    b = loads(ann, text)
    assert [c.parent_id for c in b.claims] == [None, "c1"]


def test_crlf_annotation_file() -> None:
    b = loads(simple_ann().replace("\n", "\r\n"), TEXT)
    assert len(b.claims) == 3


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tContent 0 4\t\u201cThe\nbad line", "line 2: not a brat annotation line: 'bad line'"),
        ("T1\tContent 0 x\t\u201cThe", "line 1: bad offsets '0 x': expected 'START END'"),
        ("T1\tContent 4 0\t", "line 1: offsets 4 0 end before they start"),
        ("T1\tContent\t", "line 1: expected 'LABEL START END' after the id, got 'Content'"),
        (
            "T1\tContent 0 900\tx",
            "line 1: offsets 0 900 run past the end of the text (126 characters)",
        ),
        (
            "T1\tContent 0 4\tThe ",
            "line 1: the text of T1 is 'The ' but the text at its offsets is '\u201cThe'",
        ),
        ("T1\tContent 0 4\t\u201cThe\nT1\tCue 5 6\tt", "line 2: duplicate annotation id 'T1'"),
        ("\n\nE1\tAttribution:T1 Content:T2", "line 3: no text-bound annotation has id 'T1'"),
        ("E1\tAttribution:T1 Content", "line 1: bad event argument 'Content': expected 'ROLE:ID'"),
        ("E1\t", "line 1: an event line needs at least its trigger"),
    ],
)
def test_malformed_lines_raise_decode_error_with_the_line(ann: str, message: str) -> None:
    with pytest.raises(briefings.DecodeError) as err:
        loads(ann, TEXT)
    line, _, text = message.partition(": ")
    assert err.value.message == text
    assert err.value.line == int(line.removeprefix("line "))
    assert str(err.value).startswith(f"{text} ({line}, column 1)\n")
    assert isinstance(err.value, ValueError)


def test_format_entry_needs_the_text() -> None:
    fmt = codecs.by_name("brat")
    assert codecs.by_path("x.ann") is fmt
    assert fmt.read is not None
    with pytest.raises(briefings.DecodeError, match="needs its source text"):
        list(fmt.read(io.StringIO(simple_ann())))
    (b,) = fmt.read(io.StringIO(simple_ann()), text=TEXT)
    assert len(b.claims) == 3


def stable(b: briefings.Briefing) -> str:
    """``b`` written, after checking that reading it back writes the same again."""
    written = dumps(b)
    assert dumps(loads(written, b.document.text)) == written
    return written


def events(ann: str) -> list[str]:
    return [line.split("\t")[1] for line in ann_lines(ann) if line.startswith("E")]


# Blanks only: a mention here writes no Source, and reads back as no mention.
SAID = "Peskov said  yes."
SAID_CUE = briefings.Cue(span=briefings.Span.of(SAID, 7, 11), lemma="say")
YES = briefings.Span.of(SAID, 13, 16)
BLANK = briefings.Span.of(SAID, 11, 12)


def said(claims: list[briefings.Claim], *mentions: briefings.Mention) -> briefings.Briefing:
    return briefings.Briefing(
        document=briefings.Document(text=SAID),
        others=(briefings.OtherEntity(id="s1", name="Peskov"),),
        mentions=mentions,
        claims=tuple(claims),
    )


def claim_said(claim_id: str, mention_id: str | None, **kw: Any) -> briefings.Claim:
    speaker = None if mention_id is None else "s1"
    return briefings.Claim(
        id=claim_id, speaker_id=speaker, mention_id=mention_id, cue=SAID_CUE, content=YES, **kw
    )


def test_claims_with_one_cue_and_no_source_as_written_are_one_attribution() -> None:
    # regression (Hypothesis): no mention, then a mention over blanks: neither
    # writes a Source, so they read back alike and must be written alike
    b = said(
        [claim_said("c1", None), claim_said("c2", "m1", content_parts=(YES, YES))],
        briefings.Mention(id="m1", entity_id="s1", span=BLANK),
    )
    written = stable(b)
    assert events(written) == ["Attribution:T3 Content:T1 Cue:T2 Content2:T4"]


def test_two_blank_mentions_at_one_span_with_one_cue_and_content() -> None:
    # regression (Hypothesis): different mentions at the same (blank) span
    b = said(
        [claim_said("c1", "m1"), claim_said("c2", "m2")],
        briefings.Mention(id="m1", entity_id="s1", span=BLANK),
        briefings.Mention(id="m2", entity_id="s1", span=BLANK),
    )
    assert len(loads(stable(b), SAID).claims) == 2


def test_two_written_mentions_at_one_span_stay_two_attributions() -> None:
    peskov = briefings.Span.of(SAID, 0, 6)
    b = said(
        [claim_said("c1", "m1"), claim_said("c2", "m2")],
        briefings.Mention(id="m1", entity_id="s1", span=peskov),
        briefings.Mention(id="m2", entity_id="s1", span=peskov),
    )
    assert len(events(stable(b))) == 2


def test_content_of_the_same_fragment_twice_round_trips() -> None:
    # regression (Hypothesis): a content made of one fragment twice
    b = said(
        [claim_said("c1", "m1", content_parts=(YES, YES))],
        briefings.Mention(id="m1", entity_id="s1", span=briefings.Span.of(SAID, 0, 6)),
    )
    written = stable(b)
    assert "\tContent 13 16;13 16\tyes yes\n" in written
    (again,) = loads(written, SAID).claims
    assert again.content_parts == (YES, YES)


def test_a_cue_over_blanks_only_puts_the_trigger_on_the_source() -> None:
    # it writes no Cue and reads back as no cue: the trigger must not move
    b = said(
        [attrs.evolve(claim_said("c1", "m1"), cue=briefings.Cue(span=BLANK, lemma="say"))],
        briefings.Mention(id="m1", entity_id="s1", span=briefings.Span.of(SAID, 0, 6)),
    )
    assert "T3\tAttribution 0 6\tPeskov\n" in stable(b)


# a text field holding U+2028 and what looks like another annotation line
SEPARATED = "Peskov said a\u2028T9\tContent 0 1\tx"


@example(
    briefings.Briefing(
        document=briefings.Document(text=SEPARATED),
        claims=(
            briefings.Claim(
                id="c1",
                cue=briefings.Cue(span=briefings.Span.of(SEPARATED, 7, 11), lemma="say"),
                content=briefings.Span.of(SEPARATED, 12, len(SEPARATED)),
            ),
        ),
    )
)
@given(gen_briefings())
def test_generated_briefings_survive_a_round_trip(b: briefings.Briefing) -> None:
    text = b.document.text
    written = dumps(b)
    again = loads(written, text)  # offsets always slice the text, or Briefing would raise
    assert attributions(dumps(again)) == attributions(written)
    assert dumps(again) == written  # triggers and surfaces too
    contents = sum(1 for line in ann_lines(written) if line.split("\t")[1].startswith("Content "))
    assert len(again.claims) == contents


def ann_lines(ann: str) -> list[str]:
    """The lines of ``ann``: brat breaks lines at ``\\n`` only (a text field may
    hold other line separators, such as U+2028, which ``splitlines`` would cut at)."""
    return [line for line in ann.split("\n") if line]


def attributions(ann: str) -> list[tuple[str, ...]]:
    """What a scorer sees: per E line, the offsets of each role's annotation."""
    offsets = {}
    for line in ann_lines(ann):
        if line.startswith("T"):
            tid, head, _ = line.split("\t", 2)
            offsets[tid] = head.partition(" ")[2]
    return [
        tuple(f"{arg.partition(':')[0]}={offsets[arg.partition(':')[2]]}" for arg in args[1:])
        for args in (line.split("\t")[1].split() for line in ann_lines(ann) if line[:1] == "E")
    ]


# --------------------------------------------------------------------------- PolNeAR


def test_polnear_dev_round_trip_scores_one(shared_dir: Path, tmp_path: Path) -> None:
    dev = shared_dir / "corpora" / "polnear" / "dev"
    done: set[str] = set()
    for ann in sorted((dev / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name in done:
            continue
        done.add(name)
        text = (dev / "text" / f"{name}.txt").read_text(encoding="utf-8")
        b = loads(ann.read_text(encoding="utf-8"), text)
        (tmp_path / f"{name}.ann").write_text(dumps(b), encoding="utf-8")
    assert len(done) == 84
    scorer = shared_dir / "tools" / "attribution_score.py"
    out = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(dev), "--pred", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = json.loads(out)
    for subset in ("all", "direct"):
        r = result[subset]
        assert r["gold"] == r["pred"] == r["match"] == r["src_ok"] > 0
        assert r["content_f1"] == r["e2e_f1"] == r["source_acc"] == 1.0


def test_seed_report_round_trip(shared_dir: Path) -> None:
    from briefings.text import parse

    text = (shared_dir / "seed" / "eirns-2022-01-25-peskov.txt").read_text(encoding="utf-8")
    written = dumps(parse(text))
    again = loads(written, text)
    assert again.claims
    assert attributions(dumps(again)) == attributions(written)


def test_cue_lemma_from_the_lexicon_or_the_last_word() -> None:
    text = "She thinks it will rain. They tweeted blah. He went full gaga: yes."
    ann = (
        "T1\tCue 4 10\tthinks\nT2\tContent 11 23\tit will rain\n"
        "E1\tAttribution:T1 Content:T2 Cue:T1\n"
        "T3\tCue 30 37\ttweeted\nT4\tContent 38 42\tblah\n"
        "E2\tAttribution:T3 Content:T4 Cue:T3\n"
        "T5\tCue 52 61\tfull gaga\nT6\tContent 63 66\tyes\n"
        "E3\tAttribution:T5 Content:T6 Cue:T5\n"
    )
    lemmas = [c.cue.lemma for c in loads(ann, text).claims if c.cue is not None]
    assert lemmas == ["think", "tweet", "gaga"]
