"""The CSV tables and the brat writer."""

from __future__ import annotations

import csv
import datetime as dt
import io

import briefings
from briefings.codecs.brat import dumps as brat_dumps
from briefings.codecs.csv import (
    CLAIM_COLUMNS,
    TURN_COLUMNS,
    write_claims,
    write_events,
    write_turns,
)

TEXT = (
    "Agency chief Rosa Vint said on Monday, quoted by Radio North,\n"
    "that \u201cthe drills will start,\u201d she added, \u201cnext week.\u201d"
)


def report() -> briefings.Briefing:
    first = briefings.Span.find(TEXT, "\u201cthe drills will start,\u201d")
    second = briefings.Span.find(TEXT, "\u201cnext week.\u201d")
    hull = briefings.Span.of(TEXT, first.start, second.end)
    when = briefings.TimeExpression(
        id="t1",
        span=briefings.Span.find(TEXT, "on Monday"),
        kind=briefings.TimeKind.DATE,
        start=dt.date(2024, 5, 6),
        end=dt.date(2024, 5, 6),
    )
    return briefings.Briefing(
        document=briefings.Document(text=TEXT),
        people=(briefings.Person(id="p1", name="Rosa Vint"),),
        organizations=(
            briefings.Organization(id="o1", name="Radio North", kind=briefings.OrgKind.MEDIA),
        ),
        mentions=(
            briefings.Mention(
                id="m1", entity_id="p1", span=briefings.Span.find(TEXT, "Agency chief Rosa Vint")
            ),
        ),
        times=(when,),
        claims=(
            briefings.Claim(
                id="c1",
                speaker_id="p1",
                mention_id="m1",
                cue=briefings.Cue(span=briefings.Span.find(TEXT, "said"), lemma="say"),
                form=briefings.Form.DIRECT,
                content=hull,
                content_parts=(first, second),
                hedges=(briefings.Span.find(TEXT, "will"),),
                said_on=dt.date(2024, 5, 6),
                said_on_time_id="t1",
                relayed_by=(briefings.Relay(entity_id="o1"),),
            ),
        ),
        events=(
            briefings.Event(
                id="e1",
                span=briefings.Span.find(TEXT, "the drills"),
                status=briefings.EventStatus.PLANNED,
                time_id="t1",
                claim_ids=("c1",),
            ),
        ),
    )


def rows(write: object, b: briefings.Briefing) -> list[dict[str, str]]:
    out = io.StringIO()
    write([b], out)  # type: ignore[operator]
    assert "\r" not in out.getvalue()
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_claims_table() -> None:
    out = io.StringIO()
    write_claims([report()], out)
    assert out.getvalue().splitlines()[0] == ",".join(CLAIM_COLUMNS)
    (row,) = rows(write_claims, report())
    assert row["speaker"] == "Rosa Vint"
    assert row["speaker_mention"] == "Agency chief Rosa Vint"
    assert TEXT[int(row["cue_start"]) : int(row["cue_end"])] == row["cue"] == "said"
    assert TEXT[int(row["content_start"]) : int(row["content_end"])] == row["content"]
    assert (row["form"], row["act"], row["polarity"], row["hedged"]) == (
        "direct",
        "statement",
        "positive",
        "true",
    )
    assert (row["said_on"], row["relayed_by"], row["parent_claim_id"]) == (
        "2024-05-06",
        "Radio North",
        "",
    )


def test_events_table() -> None:
    (row,) = rows(write_events, report())
    assert row == {
        "id": "e1",
        "text": "the drills",
        "start": str(TEXT.index("the drills")),
        "end": str(TEXT.index("the drills") + 10),
        "status": "planned",
        "date": "2024-05-06",
        "claim_ids": "c1",
    }


def test_turns_table() -> None:
    text = "Q: Any news?\nMS. DAY: None today."
    q = briefings.Turn(
        id="u1",
        n=1,
        kind=briefings.TurnKind.QUESTION,
        span=briefings.Span.find(text, "Any news?"),
        label=briefings.Span.find(text, "Q"),
    )
    a = briefings.Turn(
        id="u2",
        n=2,
        kind=briefings.TurnKind.ANSWER,
        span=briefings.Span.find(text, "None today."),
        label=briefings.Span.find(text, "MS. DAY"),
        speaker_id="p1",
        answers=("u1",),
    )
    b = briefings.Briefing(
        document=briefings.Document(text=text),
        kind=briefings.BriefingKind.TRANSCRIPT,
        people=(briefings.Person(id="p1", name="Eva Day"),),
        turns=(q, a),
    )
    out = io.StringIO()
    write_turns([b], out)
    assert out.getvalue() == (
        ",".join(TURN_COLUMNS) + "\n1,Q,,question,3,12,\n2,MS. DAY,Eva Day,answer,22,33,1\n"
    )


def test_brat_fragments_follow_the_parts_and_never_cross_a_line() -> None:
    ann = brat_dumps(report())
    lines = ann.splitlines()
    labels = [line.split("\t")[1].split(" ")[0] for line in lines if line.startswith("T")]
    assert labels == ["Content", "Cue", "Source", "Attribution"]
    content = lines[0].split("\t")
    first = TEXT.index("\u201cthe")
    end = TEXT.index("next week.\u201d") + len("next week.\u201d")
    assert content[1] == f"Content {first} {first + 24};{end - 12} {end}"
    assert lines[-1] == "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3"
    for line in lines:
        if line.startswith("T"):
            for frag in line.split("\t")[1].split(" ", 1)[1].split(";"):
                a, b = map(int, frag.split())
                assert "\n" not in TEXT[a:b]
