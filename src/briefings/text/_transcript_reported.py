"""Reported speech inside a briefer's turn, read with the report reader.

"As the President said yesterday, we will not send troops" inside Ms. Psaki's
answer is a claim by the President, relayed by Ms. Psaki and embedded in her claim.
The turn's words are handed to :func:`briefings.text.report.parse_report`; its
claims come back with their spans moved to the transcript's offsets and their
speakers merged into the transcript's cast.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

import attrs

from briefings.model import Claim, Organization, OtherEntity, Person, Relay, Span
from briefings.text._transcript_claims import sentences
from briefings.text._transcript_participants import Cast

__all__: list[str] = []

_T = TypeVar("_T")

# Words without which a turn holds no reported speech worth the report reader's time.
_CUES = (
    " said",
    " says",
    " told",
    " tells",
    " stated",
    " announced",
    " warned",
    " noted",
    " according to",
    " stressed",
    " asserted",
    " claimed",
    " insisted",
)
_PRONOUNS = frozenset({"i", "we", "me", "us", "you", "they", "he", "she", "it", "one"})


def _plausible(name: str) -> bool:
    """Whether the report reader's speaker is a name, not a pronoun or a contraction."""
    words = name.replace("’", "'").split()
    if not words or not words[0][:1].isupper() or words[0].lower() in _PRONOUNS:
        return False
    return not any("'" in w and not w.endswith(("'s", "'")) for w in words)


def _shift(obj: _T, by: int) -> _T:
    """``obj`` with every span inside it moved ``by`` characters."""
    if isinstance(obj, Span):
        return Span(start=obj.start + by, end=obj.end + by, text=obj.text)  # type: ignore[return-value]
    if isinstance(obj, tuple):
        return tuple(_shift(x, by) for x in obj)  # type: ignore[return-value]
    cls: Any = type(obj)
    if attrs.has(cls):
        changes: dict[str, Any] = {}
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            if isinstance(value, Span | tuple) or (value is not None and attrs.has(type(value))):
                changes[field.name] = _shift(value, by)
        return attrs.evolve(obj, **changes) if changes else obj  # type: ignore[misc]
    return obj


def worth_reading(words: str) -> bool:
    """Whether a turn's words contain a reporting cue."""
    low = words.lower()
    return any(c in low for c in _CUES)


def reported_claims(
    text: str,
    span: Span,
    *,
    speaker_id: str | None,
    turn_id: str,
    parents: list[Claim],
    cast: Cast,
    held_on: dt.date | None,
    first_id: int,
    found: list[tuple[int, int]] | None = None,
) -> list[Claim]:
    """The claims reported inside the turn words ``span``, ready for the transcript;
    ``found`` is the turn's sentences (``sentences(text, span.start, span.end)``)
    when the caller has them already."""
    out: list[Claim] = []
    if found is None:
        found = sentences(text, span.start, span.end)
    for a, b in _cue_windows(text, found):
        out.extend(
            _read(
                text,
                Span.of(text, a, b),
                speaker_id=speaker_id,
                turn_id=turn_id,
                parents=parents,
                cast=cast,
                held_on=held_on,
                first_id=first_id + len(out),
            )
        )
    return out


def _cue_windows(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of a turn worth reading, from its sentences ``found``: each sentence
    with a reporting cue and the sentence after it (a quotation often runs on), merged
    where they touch."""
    windows: list[tuple[int, int]] = []
    for k, (a, b) in enumerate(found):
        if not worth_reading(text[a:b]):
            continue
        end = found[k + 1][1] if k + 1 < len(found) else b
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((a, end))
    return windows


def _read(
    text: str,
    span: Span,
    *,
    speaker_id: str | None,
    turn_id: str,
    parents: list[Claim],
    cast: Cast,
    held_on: dt.date | None,
    first_id: int,
) -> list[Claim]:
    from briefings.text.report import report_claims

    # the claims and entities of parse_report (total on any str, tested), without
    # building and checking a Briefing only to take them out of it again
    claims, entities = report_claims(span.text, published=held_on)
    ids: dict[str, str] = {}
    mapped: dict[str, str | None] = {}

    def entity(eid: str | None) -> str | None:
        if eid is None:
            return None
        if eid in mapped:
            return mapped[eid]
        found = next((e for e in entities if e.id == eid), None)
        got: str | None = None
        if found is not None and not _plausible(found.name):
            got = None
        elif isinstance(found, Person):
            role = found.roles[0].title if found.roles else None
            got = cast.add_person(found.name, role)
        elif isinstance(found, Organization):
            got = cast.organization(found.name, found.kind)
        elif isinstance(found, OtherEntity):
            got = cast.source(found.name, found.kind)
        mapped[eid] = got
        return got

    out: list[Claim] = []
    for claim in claims:
        speaker = entity(claim.speaker_id)
        if speaker is None or speaker == speaker_id:
            continue
        moved = _shift(claim, span.start)
        parent = claim.parent_id and ids.get(claim.parent_id)
        if not parent:
            at = moved.content.start
            parent = next((p.id for p in parents if p.content.start <= at < p.content.end), None)
        relays = tuple(
            Relay(entity_id=r, span=rel.span)
            for rel in moved.relayed_by
            if (r := entity(rel.entity_id)) is not None
        )
        if speaker_id is not None:
            relays = (*relays, Relay(entity_id=speaker_id))
        new_id = f"c{first_id + len(out)}"
        ids[claim.id] = new_id
        out.append(
            attrs.evolve(
                moved,
                id=new_id,
                speaker_id=speaker,
                mention_id=None,
                said_on_time_id=None,
                addressee_id=entity(claim.addressee_id),
                relayed_by=relays,
                parent_id=parent,
                turn_id=turn_id,
            )
        )
    return out
