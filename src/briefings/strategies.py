"""Hypothesis strategies for property-based tests of code that uses :mod:`briefings`.

>>> from hypothesis import given
>>> from briefings.strategies import briefings
>>> @given(briefings())
... def test_every_claim_slices_its_text(b):
...     for claim in b.claims:
...         assert b.document.text[claim.content.start:claim.content.end] == claim.content.text

Every generated :class:`~briefings.model.Briefing` is valid: its text is drawn
first and every span is cut from it, ids are unique and references resolve.
Installing ``briefings[hypothesis]`` also registers the strategies with
Hypothesis, so ``st.from_type(Briefing)`` works in your own tests.

This module needs Hypothesis; :mod:`briefings` itself never imports it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from briefings.model import (
    Anchor,
    Briefing,
    BriefingKind,
    Claim,
    Cue,
    Document,
    Event,
    EventStatus,
    Form,
    Granularity,
    Insertion,
    InsertionKind,
    Mention,
    MentionKind,
    Organization,
    OrgKind,
    OtherEntity,
    OtherKind,
    Person,
    Polarity,
    Relay,
    Role,
    Span,
    SpeechAct,
    TimeExpression,
    TimeKind,
    Turn,
    TurnKind,
)

__all__ = [
    "briefings",
    "claims",
    "dates",
    "documents",
    "events",
    "mentions",
    "organizations",
    "people",
    "roles",
    "spans",
    "texts",
    "time_expressions",
    "turns",
]

_DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
_NAMES = st.text(
    alphabet=st.characters(categories=("L", "Zs", "Pd"), exclude_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(str.strip)


def _check_size(name: str, value: int, lo: int = 0) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, got {value!r}")
    if value < lo:
        raise ValueError(f"{name} must be >= {lo}, got {value!r}")


def dates() -> st.SearchStrategy[dt.date]:
    """Calendar dates between 1900 and 2100."""
    return _DATES


def texts(*, min_size: int = 0, max_size: int = 400) -> st.SearchStrategy[str]:
    """Document texts: any Unicode text (line breaks, quotes, surrogate-free)."""
    _check_size("min_size", min_size)
    _check_size("max_size", max_size, min_size)
    return st.text(
        alphabet=st.characters(exclude_categories=["Cs"]), min_size=min_size, max_size=max_size
    )


def spans(text: str, *, min_size: int = 0) -> st.SearchStrategy[Span]:
    """Spans of ``text`` (at least ``min_size`` characters long, where the text allows)."""
    _check_size("min_size", min_size)
    if len(text) < min_size:
        raise ValueError(f"text has {len(text)} characters, fewer than min_size={min_size}")

    @st.composite
    def _spans(draw: st.DrawFn) -> Span:
        start = draw(st.integers(0, len(text) - min_size))
        end = draw(st.integers(start + min_size, len(text)))
        return Span.of(text, start, end)

    return _spans()


def documents(*, text: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Document]:
    """Source documents with optional title, outlet, dates, dateline and boilerplate."""

    @st.composite
    def _documents(draw: st.DrawFn) -> Document:
        body = draw(text if text is not None else texts())
        maybe_span = st.none() | spans(body) if body else st.none()
        title_span = draw(maybe_span)
        return Document(
            text=body,
            title=title_span.text if title_span is not None else draw(st.none() | _NAMES),
            title_span=title_span,
            outlet=draw(st.none() | _NAMES),
            published=draw(st.none() | _DATES),
            dateline=draw(maybe_span),
            url=draw(st.none() | st.just("https://example.org/news/1")),
            language=draw(st.sampled_from(("en", "ru", "zh"))),
            boilerplate=tuple(draw(st.lists(spans(body), max_size=2))) if body else (),
        )

    return _documents()


def _time(draw: st.DrawFn, tid: str, span: Span) -> TimeExpression:
    kind = draw(st.sampled_from(TimeKind))
    a, b = sorted((draw(_DATES), draw(_DATES)))
    start, end = {
        TimeKind.DATE: (a, a),
        TimeKind.INTERVAL: (a, b),
        TimeKind.AFTER: (a, None),
        TimeKind.BEFORE: (None, b),
        TimeKind.UNRESOLVED: (None, None),
    }[kind]
    return TimeExpression(
        id=tid,
        span=span,
        kind=kind,
        start=start,
        end=end,
        granularity=draw(st.sampled_from(Granularity)),
        anchor=draw(st.sampled_from(Anchor)),
        anchor_date=draw(st.none() | _DATES),
    )


def briefings(
    *,
    kind: BriefingKind | None = None,
    max_people: int = 3,
    max_claims: int = 5,
    text: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Briefing]:
    """Valid briefings: a text, and people, organisations, mentions, claims (some
    embedded, some relayed), events, time expressions and turns cut from it.

    ``kind`` fixes report or transcript (default: either); ``max_people`` and
    ``max_claims`` bound the sizes; ``text`` draws the document text (default
    :func:`texts` with at least one character).
    """
    if kind is not None and not isinstance(kind, BriefingKind):
        raise TypeError(f"kind must be a BriefingKind or None, got {kind!r}")
    _check_size("max_people", max_people)
    _check_size("max_claims", max_claims)
    text_strategy = text if text is not None else texts(min_size=1)

    @st.composite
    def _briefings(draw: st.DrawFn) -> Briefing:
        document = draw(documents(text=text_strategy))
        body = document.text
        if not body:
            return Briefing(document=document, kind=kind or BriefingKind.REPORT)
        span = spans(body)
        some = spans(body, min_size=1)

        orgs = tuple(
            Organization(
                id=f"o{i}",
                name=draw(_NAMES),
                kind=draw(st.sampled_from(OrgKind)),
                aliases=tuple(draw(st.lists(_NAMES, max_size=2))),
            )
            for i in range(draw(st.integers(0, 2)))
        )
        org_ids = [o.id for o in orgs]
        people = tuple(
            Person(
                id=f"p{i}",
                name=draw(_NAMES),
                aliases=tuple(draw(st.lists(_NAMES, max_size=2))),
                roles=tuple(
                    Role(
                        title=draw(_NAMES),
                        organization_id=draw(st.none() | st.sampled_from(org_ids))
                        if org_ids
                        else None,
                    )
                    for _ in range(draw(st.integers(0, 2)))
                ),
            )
            for i in range(draw(st.integers(0, max_people)))
        )
        others = tuple(
            OtherEntity(id=f"x{i}", name=draw(_NAMES), kind=draw(st.sampled_from(OtherKind)))
            for i in range(draw(st.integers(0, 1)))
        )
        entity_ids = [p.id for p in people] + [o.id for o in orgs] + [x.id for x in others]
        pick_entity = st.sampled_from(entity_ids) if entity_ids else st.nothing()

        mentions = tuple(
            Mention(
                id=f"m{i}",
                entity_id=draw(pick_entity),
                span=draw(some),
                kind=draw(st.sampled_from(MentionKind)),
            )
            for i in range(draw(st.integers(0, 4)) if entity_ids else 0)
        )
        times = tuple(_time(draw, f"t{i}", draw(some)) for i in range(draw(st.integers(0, 2))))
        time_ids = [t.id for t in times]

        briefing_kind = kind or draw(st.sampled_from(BriefingKind))
        turns: list[Turn] = []
        if briefing_kind is BriefingKind.TRANSCRIPT:
            for i in range(draw(st.integers(0, 4))):
                turn_kind = draw(st.sampled_from(TurnKind))
                questions = [t.id for t in turns if t.kind is TurnKind.QUESTION]
                turns.append(
                    Turn(
                        id=f"u{i}",
                        n=i + 1,
                        kind=turn_kind,
                        span=draw(span),
                        label=draw(st.none() | some),
                        speaker_id=draw(st.none() | pick_entity) if entity_ids else None,
                        answers=(questions[-1],)
                        if questions and turn_kind is TurnKind.ANSWER
                        else (),
                        affiliation=draw(st.none() | _NAMES),
                    )
                )
        turn_ids = [t.id for t in turns]

        claims: list[Claim] = []
        for i in range(draw(st.integers(0, max_claims))):
            mention: Mention | None = (
                draw(st.none() | st.sampled_from(mentions)) if mentions else None
            )
            speaker = mention.entity_id if mention else draw(st.none() | pick_entity)
            content = draw(some)
            parts = tuple(sorted(draw(st.lists(some, max_size=2)), key=lambda s: s.start))
            negations = tuple(draw(st.lists(some, max_size=1)))
            options: dict[str, Any] = {}
            embed: bool = draw(st.booleans())
            if claims and embed:
                options["parent_id"] = draw(st.sampled_from([c.id for c in claims]))
            claims.append(
                Claim(
                    id=f"c{i}",
                    speaker_id=speaker,
                    mention_id=mention.id if mention else None,
                    cue=draw(
                        st.none()
                        | st.builds(Cue, span=some, lemma=st.sampled_from(("say", "tell", "warn")))
                    ),
                    act=draw(st.sampled_from(SpeechAct)),
                    form=draw(st.sampled_from(Form)),
                    content=content,
                    content_parts=parts,
                    quotes=tuple(draw(st.lists(some, max_size=2))),
                    insertions=tuple(
                        Insertion(span=s, kind=draw(st.sampled_from(InsertionKind)))
                        for s in draw(st.lists(some, max_size=1))
                    ),
                    polarity=Polarity.NEGATIVE if negations else Polarity.POSITIVE,
                    negations=negations,
                    hedges=tuple(draw(st.lists(some, max_size=1))),
                    said_on=draw(st.none() | _DATES),
                    said_on_time_id=draw(st.none() | st.sampled_from(time_ids))
                    if time_ids
                    else None,
                    addressee=draw(st.none() | some),
                    relayed_by=tuple(
                        Relay(entity_id=e, span=draw(st.none() | some))
                        for e in draw(st.lists(pick_entity, max_size=2))
                    )
                    if entity_ids
                    else (),
                    turn_id=draw(st.none() | st.sampled_from(turn_ids)) if turn_ids else None,
                    confidence=draw(st.floats(0.0, 1.0)),
                    **options,
                )
            )
        claim_ids = [c.id for c in claims]
        events = tuple(
            Event(
                id=f"e{i}",
                span=draw(some),
                status=draw(st.sampled_from(EventStatus)),
                time_id=draw(st.none() | st.sampled_from(time_ids)) if time_ids else None,
                date=draw(st.none() | _DATES),
                participant_ids=tuple(draw(st.lists(pick_entity, max_size=2, unique=True)))
                if entity_ids
                else (),
                claim_ids=tuple(draw(st.lists(st.sampled_from(claim_ids), max_size=2, unique=True)))
                if claim_ids
                else (),
            )
            for i in range(draw(st.integers(0, 2)))
        )
        person_ids = [p.id for p in people]
        return Briefing(
            document=document,
            kind=briefing_kind,
            held_on=draw(st.none() | _DATES),
            place=draw(st.none() | _NAMES),
            briefer_ids=tuple(draw(st.lists(st.sampled_from(person_ids), max_size=1)))
            if person_ids
            else (),
            audience=draw(st.none() | _NAMES),
            people=people,
            organizations=orgs,
            others=others,
            mentions=mentions,
            claims=tuple(claims),
            events=events,
            times=times,
            turns=tuple(turns),
            stage_directions=tuple(draw(st.lists(some, max_size=1))),
        )

    return _briefings()


def _members(attribute: str, *, kind: BriefingKind | None = None) -> st.SearchStrategy[Any]:
    def pick(b: Briefing) -> st.SearchStrategy[Any]:
        return st.sampled_from(getattr(b, attribute))

    return briefings(kind=kind).filter(lambda b: bool(getattr(b, attribute))).flatmap(pick)


def people() -> st.SearchStrategy[Person]:
    """People (with aliases and roles) taken from valid generated briefings."""
    return _members("people")


def roles() -> st.SearchStrategy[Role]:
    """Roles (titles, with an organisation id or none)."""
    return st.builds(Role, title=_NAMES, organization_id=st.none() | st.just("o0"))


def organizations() -> st.SearchStrategy[Organization]:
    """Organisations taken from valid generated briefings."""
    return _members("organizations")


def mentions() -> st.SearchStrategy[Mention]:
    """Mentions taken from valid generated briefings (their spans slice that text)."""
    return _members("mentions")


def claims() -> st.SearchStrategy[Claim]:
    """Claims taken from valid generated briefings (their spans slice that text)."""
    return _members("claims")


def events() -> st.SearchStrategy[Event]:
    """Event references taken from valid generated briefings."""
    return _members("events")


def time_expressions() -> st.SearchStrategy[TimeExpression]:
    """Time expressions of every kind, taken from valid generated briefings."""
    return _members("times")


def turns() -> st.SearchStrategy[Turn]:
    """Transcript turns taken from valid generated transcripts."""
    return _members("turns", kind=BriefingKind.TRANSCRIPT)
