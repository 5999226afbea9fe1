"""CSV tables: claims (``csv``), event references (``events``) and transcript turns (``turns``).

UTF-8, ``\\n`` line ends, a header row, one row per claim / event / turn (the rows of
several briefings follow each other). Offsets are character offsets into the
briefing's text. The tables load in pandas with no options.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from briefings.codecs._registry import Format
from briefings.model import Briefing, Claim, Span

__all__ = [
    "CLAIM_COLUMNS",
    "EVENT_COLUMNS",
    "TURN_COLUMNS",
    "claim_rows",
    "event_rows",
    "turn_rows",
    "write_claims",
    "write_events",
    "write_turns",
]

#: The header of the claims table (``--to csv``).
CLAIM_COLUMNS = (
    "claim_id",
    "parent_claim_id",
    "speaker",
    "speaker_mention",
    "mention_start",
    "mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "act",
    "form",
    "polarity",
    "hedged",
    "content",
    "content_start",
    "content_end",
    "said_on",
    "relayed_by",
    "addressee",
    "in_response_to",
)
#: The header of the event-references table (``--to events``).
EVENT_COLUMNS = ("id", "text", "start", "end", "status", "date", "claim_ids")
#: The header of the turns table (``--to turns``).
TURN_COLUMNS = ("n", "label", "speaker", "kind", "start", "end", "question_n")

Row = tuple[str, ...]


def _span(span: Span | None) -> tuple[str, str, str]:
    if span is None:
        return "", "", ""
    return span.text, str(span.start), str(span.end)


def _name(briefing: Briefing, entity_id: str | None) -> str:
    if entity_id is None:
        return ""
    try:
        return briefing.entity(entity_id).name
    except KeyError:  # pragma: no cover - a Briefing guarantees ids resolve
        return ""


def _claim_row(briefing: Briefing, claim: Claim) -> Row:
    mention = briefing.mention(claim.mention_id) if claim.mention_id else None
    m_text, m_start, m_end = _span(mention.span if mention else None)
    c_text, c_start, c_end = _span(claim.cue.span if claim.cue else None)
    addressee = claim.addressee.text if claim.addressee else _name(briefing, claim.addressee_id)
    return (
        claim.id,
        claim.parent_id or "",
        _name(briefing, claim.speaker_id),
        m_text,
        m_start,
        m_end,
        c_text,
        c_start,
        c_end,
        claim.act.value,
        claim.form.value,
        claim.polarity.value,
        "true" if claim.hedged else "false",
        claim.content.text,
        str(claim.content.start),
        str(claim.content.end),
        claim.said_on.isoformat() if claim.said_on else "",
        "; ".join(_name(briefing, r.entity_id) for r in claim.relayed_by),
        addressee,
        claim.in_response_to.text if claim.in_response_to else "",
    )


def claim_rows(briefing: Briefing) -> Iterator[Row]:
    """One row per claim (embedded claims too), in :data:`CLAIM_COLUMNS` order."""
    for claim in briefing.claims:
        yield _claim_row(briefing, claim)


def event_rows(briefing: Briefing) -> Iterator[Row]:
    """One row per event reference, in :data:`EVENT_COLUMNS` order.

    ``date`` is the event's date, else the value of its time expression.
    """
    times = {t.id: t for t in briefing.times}
    for event in briefing.events:
        if event.date is not None:
            date = event.date.isoformat()
        elif event.time_id is not None:
            date = times[event.time_id].value
        else:
            date = ""
        yield (
            event.id,
            event.span.text,
            str(event.span.start),
            str(event.span.end),
            event.status.value,
            date,
            " ".join(event.claim_ids),
        )


def turn_rows(briefing: Briefing) -> Iterator[Row]:
    """One row per transcript turn, in :data:`TURN_COLUMNS` order.

    ``question_n`` is the number of the (first) question turn a turn answers.
    """
    numbers = {t.id: t.n for t in briefing.turns}
    for turn in briefing.turns:
        yield (
            str(turn.n),
            turn.label.text if turn.label else "",
            _name(briefing, turn.speaker_id),
            turn.kind.value,
            str(turn.span.start),
            str(turn.span.end),
            str(numbers[turn.answers[0]]) if turn.answers else "",
        )


def _write_table(stream: IO[str], columns: Sequence[str], rows: Iterable[Row]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)


def write_claims(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    """Write the claims table of ``briefings`` to ``stream``."""
    _write_table(stream, CLAIM_COLUMNS, (r for b in briefings for r in claim_rows(b)))


def write_events(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    """Write the event-references table of ``briefings`` to ``stream``."""
    _write_table(stream, EVENT_COLUMNS, (r for b in briefings for r in event_rows(b)))


def write_turns(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    """Write the turns table of ``briefings`` to ``stream``."""
    _write_table(stream, TURN_COLUMNS, (r for b in briefings for r in turn_rows(b)))


FORMATS = (
    Format(
        name="csv",
        suffixes=(".csv",),
        description="claims table, one row per claim",
        write=write_claims,
        many=True,
    ),
    Format(
        name="events",
        suffixes=(".events.csv",),
        description="event references table, one row per event",
        write=write_events,
        many=True,
    ),
    Format(
        name="turns",
        suffixes=(".turns.csv",),
        description="transcript turns table, one row per turn",
        write=write_turns,
        many=True,
    ),
)
