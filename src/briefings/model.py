"""The domain model: briefings, the people who speak at them, what they claim.

Every class is a frozen, slotted, keyword-only :mod:`attrs` class; collections are
tuples. Objects refer to each other by stable string ids (``"p1"``, ``"c3"``), and a
:class:`Briefing` checks on construction that

* every id is unique and every reference points at an existing object, and
* every :class:`Span` anywhere inside it slices the document's text exactly:
  ``briefing.document.text[span.start:span.end] == span.text``.

A violation raises :class:`briefings.errors.IntegrityError` naming the offending
field as a path (``$.claims[2].speaker_id``). The model does no I/O and imports
nothing of the package but :mod:`briefings.errors`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import itertools
import operator
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

import attrs

from briefings.errors import IntegrityError, ValidationError

__all__ = [
    "Anchor",
    "Briefing",
    "BriefingKind",
    "Claim",
    "Cue",
    "Document",
    "Entity",
    "Event",
    "EventStatus",
    "Form",
    "Granularity",
    "Insertion",
    "InsertionKind",
    "Mention",
    "MentionKind",
    "OrgKind",
    "Organization",
    "OtherEntity",
    "OtherKind",
    "Person",
    "Polarity",
    "Relay",
    "Role",
    "Span",
    "SpeechAct",
    "TimeExpression",
    "TimeKind",
    "Turn",
    "TurnKind",
]


# --------------------------------------------------------------------------- vocabularies


class SpeechAct(str, enum.Enum):
    """What a speaker does with a claim (the closed speech-act vocabulary)."""

    STATEMENT = "statement"
    ASSURANCE = "assurance"
    WARNING = "warning"
    EMPHASIS = "emphasis"
    REFUSAL = "refusal"
    DENIAL = "denial"
    EXPLANATION = "explanation"
    ANSWER = "answer"
    QUESTION = "question"
    CONFIRMATION = "confirmation"
    CLAIM = "claim"
    PROMISE = "promise"
    ACCUSATION = "accusation"
    ANNOUNCEMENT = "announcement"
    PREDICTION = "prediction"
    DEMAND = "demand"
    AGREEMENT = "agreement"
    CRITICISM = "criticism"
    BELIEF = "belief"


class Form(str, enum.Enum):
    """How the report renders the words: quoted, paraphrased, or both."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Polarity(str, enum.Enum):
    """Whether the claim is asserted or negated (``there are no plans``)."""

    POSITIVE = "positive"
    NEGATIVE = "negative"


class MentionKind(str, enum.Enum):
    """How a mention names its entity."""

    NAME = "name"  # "Peskov", "Dmitry Peskov"
    TITLE_NAME = "title_name"  # "Kremlin spokesman Dmitry Peskov", "Mr. Stoltenberg"
    ROLE = "role"  # "the Kremlin press secretary"
    PRONOUN = "pronoun"  # "he", "she", "they"
    LABEL = "label"  # a transcript speaker label: "MS. PSAKI"
    OTHER = "other"  # anything else: "the ministry", "sources"


class OrgKind(str, enum.Enum):
    """What sort of organisation an :class:`Organization` is."""

    GOVERNMENT = "government"
    NEWS_AGENCY = "news_agency"
    MEDIA = "media"
    INTERNATIONAL = "international"
    POLITICAL = "political"
    COMPANY = "company"
    COUNTRY = "country"
    OTHER = "other"


class OtherKind(str, enum.Enum):
    """What an :class:`OtherEntity` is: a source that is neither person nor organisation."""

    GROUP = "group"  # "officials", "Western governments", "critics"
    DOCUMENT = "document"  # "the statement", "the report", "a poll"
    ANONYMOUS = "anonymous"  # "a source familiar with the talks"
    OTHER = "other"


class InsertionKind(str, enum.Enum):
    """An editor's mark inside quoted words."""

    ELLIPSIS = "ellipsis"  # "..." or "…": words left out
    BRACKET = "bracket"  # "[on guarantees of security]": words put in


class EventStatus(str, enum.Enum):
    """Where a referenced event stands, as the claim presents it."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    EXPECTED = "expected"
    POSSIBLE = "possible"
    NOT_PLANNED = "not_planned"
    DENIED = "denied"
    ALLEGED = "alleged"
    UNKNOWN = "unknown"


class TimeKind(str, enum.Enum):
    """The shape of a resolved time value."""

    DATE = "date"  # one calendar day (start == end)
    INTERVAL = "interval"  # start .. end, both inclusive
    AFTER = "after"  # an open bound: strictly after ``start``
    BEFORE = "before"  # an open bound: strictly before ``end``
    UNRESOLVED = "unresolved"  # recognised, but no anchor to resolve it against


class Granularity(str, enum.Enum):
    """How precise a resolved time is."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    UNKNOWN = "unknown"


class Anchor(str, enum.Enum):
    """What a relative time expression was resolved against."""

    NONE = "none"  # absolute: "Dec. 15, 2021"
    DATELINE = "dateline"  # the report's dateline
    PUBLISHED = "published"  # the document's publication date
    HELD_ON = "held_on"  # the date of the briefing
    CLAIM = "claim"  # the time of the claim it occurs in


class BriefingKind(str, enum.Enum):
    """Whether the document reports on a briefing or transcribes it."""

    REPORT = "report"
    TRANSCRIPT = "transcript"


class TurnKind(str, enum.Enum):
    """The role of one turn of a transcript."""

    QUESTION = "question"
    ANSWER = "answer"
    STATEMENT = "statement"
    MODERATION = "moderation"


# --------------------------------------------------------------------------- validators


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise ValidationError(f"{attribute.name} must be >= 0, got {value}", f"$.{attribute.name}")


def _non_empty(_inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value:
        raise ValidationError(f"{attribute.name} must not be empty", f"$.{attribute.name}")


def _unit_interval(_inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValidationError(
            f"{attribute.name} must be between 0 and 1, got {value!r}", f"$.{attribute.name}"
        )


# --------------------------------------------------------------------------- spans

_new_span = object.__new__
_set_field = object.__setattr__  # what attrs' own __init__ of a frozen class uses


@attrs.frozen(kw_only=True)
class Span:
    """A half-open stretch ``[start, end)`` of the document's text, with its text.

    ``text`` is redundant with the offsets on purpose: it keeps serialized data
    readable and lets a :class:`Briefing` check that the offsets are right.
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)
    text: str

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(f"span end {self.end} is before start {self.start}", "$.end")
        if len(self.text) != self.end - self.start:
            raise ValidationError(
                f"span text has {len(self.text)} characters but the span covers "
                f"{self.end - self.start}",
                "$.text",
            )

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        # the readers build tens of thousands of these: a span whose offsets are in
        # order within the text is made without the checks it cannot fail (its text
        # is the text's own slice); any other goes through them and their errors
        if (
            cls is Span
            and type(start) is int
            and type(end) is int
            and 0 <= start <= end <= len(text)
        ):
            span = _new_span(Span)
            _set_field(span, "start", start)
            _set_field(span, "end", end)
            _set_field(span, "text", text[start:end])
            return span
        return cls(start=start, end=end, text=text[start:end])

    @classmethod
    def find(cls, text: str, needle: str, start: int = 0) -> Span:
        """The first occurrence of ``needle`` in ``text`` at or after ``start``.

        Raises :class:`ValueError` when it does not occur.
        """
        i = text.find(needle, start)
        if i < 0 or not needle:
            raise ValidationError(f"{needle!r} does not occur in the text", "$")
        return cls(start=i, end=i + len(needle), text=needle)

    def __len__(self) -> int:
        return self.end - self.start

    def __contains__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self.start <= other.start and other.end <= self.end
        if isinstance(other, int):
            return self.start <= other < self.end
        return False

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


# --------------------------------------------------------------------------- entities


@attrs.frozen(kw_only=True)
class Role:
    """A position someone holds: ``Kremlin spokesman``, ``Press Secretary``."""

    title: str = attrs.field(validator=_non_empty)
    organization_id: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@attrs.frozen(kw_only=True)
class Person:
    """A person. ``name`` is the fullest name the text gives: a person known only
    by surname ("Mr. Stoltenberg") is named ``Stoltenberg``; nothing invents a
    first name."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@attrs.frozen(kw_only=True)
class Organization:
    """A government body, news agency, country, party, company..."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    kind: OrgKind = OrgKind.OTHER
    aliases: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class OtherEntity:
    """A source that is neither a person nor an organisation: a group of people
    ("officials"), a document ("the statement"), an anonymous source."""

    id: str = attrs.field(validator=_non_empty)
    name: str = attrs.field(validator=_non_empty)
    kind: OtherKind = OtherKind.OTHER
    aliases: tuple[str, ...] = ()


Entity = Person | Organization | OtherEntity


@attrs.frozen(kw_only=True)
class Mention:
    """Words in the text that name an entity (``Kremlin spokesman Dmitry Peskov``)."""

    id: str = attrs.field(validator=_non_empty)
    entity_id: str
    span: Span
    kind: MentionKind = MentionKind.NAME
    parts: tuple[Span, ...] = ()  # the pieces of a discontinuous mention, if any


# --------------------------------------------------------------------------- claims


@attrs.frozen(kw_only=True)
class Cue:
    """The words that introduce a claim (``was quoted by TASS as saying``) and their
    normalised lemma (``say``)."""

    span: Span
    lemma: str
    parts: tuple[Span, ...] = ()  # the pieces of a discontinuous cue, if any


@attrs.frozen(kw_only=True)
class Insertion:
    """An editorial mark inside quoted words: an ellipsis or a bracketed insertion."""

    span: Span
    kind: InsertionKind


@attrs.frozen(kw_only=True)
class Relay:
    """One link of a provenance chain: who passed the words on (``quoted by TASS``).

    ``span`` is where the text names the relay, when it does.
    """

    entity_id: str
    span: Span | None = None


@attrs.frozen(kw_only=True)
class Claim:
    """Something a speaker is reported to have said (or thought, or refused to say).

    ``content`` covers the words attributed to the speaker; for a discontinuous
    content (a quote interrupted by its cue) ``content_parts`` lists the pieces
    and ``content`` is their hull. ``quotes`` are the stretches inside quotation
    marks. ``parent_id`` makes a claim an *embedded* claim, reported inside the
    content of another claim. ``relayed_by`` is the provenance chain from the
    speaker outwards (the outlet of the document itself is implied).
    """

    id: str = attrs.field(validator=_non_empty)
    speaker_id: str | None = None
    mention_id: str | None = None
    cue: Cue | None = None
    act: SpeechAct = SpeechAct.STATEMENT
    form: Form = Form.INDIRECT
    content: Span
    content_parts: tuple[Span, ...] = ()
    quotes: tuple[Span, ...] = ()
    insertions: tuple[Insertion, ...] = ()
    polarity: Polarity = Polarity.POSITIVE
    negations: tuple[Span, ...] = ()
    hedges: tuple[Span, ...] = ()
    said_on: dt.date | None = None
    said_on_time_id: str | None = None
    addressee: Span | None = None
    addressee_id: str | None = None
    in_response_to: Span | None = None
    relayed_by: tuple[Relay, ...] = ()
    parent_id: str | None = None
    turn_id: str | None = None
    framing: tuple[Span, ...] = ()
    evidence: str = ""
    confidence: float = attrs.field(default=1.0, validator=_unit_interval)

    @property
    def hedged(self) -> bool:
        """Whether the claim carries a hedge (``might``, ``if``, ``perhaps``)."""
        return bool(self.hedges)

    @property
    def text(self) -> str:
        """The content's words (the pieces joined by a space when discontinuous)."""
        if self.content_parts:
            return " ".join(p.text for p in self.content_parts)
        return self.content.text


# --------------------------------------------------------------------------- events and time


@attrs.frozen(kw_only=True)
class TimeExpression:
    """A time expression in the text and its resolved value.

    ``kind`` says how to read ``start`` and ``end``: one day, an inclusive
    interval, or an open bound (``after`` ``start`` / ``before`` ``end``). Only
    dates: a reader never invents a clock time.
    """

    id: str = attrs.field(validator=_non_empty)
    span: Span
    kind: TimeKind = TimeKind.UNRESOLVED
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = Granularity.UNKNOWN
    anchor: Anchor = Anchor.NONE
    anchor_date: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        need = {
            TimeKind.DATE: (True, True),
            TimeKind.INTERVAL: (True, True),
            TimeKind.AFTER: (True, False),
            TimeKind.BEFORE: (False, True),
            TimeKind.UNRESOLVED: (False, False),
        }[self.kind]
        if need != (self.start is not None, self.end is not None):
            raise ValidationError(
                f"a {self.kind.value!r} time needs start={'a date' if need[0] else 'null'} "
                f"and end={'a date' if need[1] else 'null'}",
                "$.kind",
            )
        if self.kind is TimeKind.DATE and self.start != self.end:
            raise ValidationError("a 'date' time has start == end", "$.end")
        if (
            self.kind is TimeKind.INTERVAL
            and self.start is not None
            and self.end is not None
            and self.end < self.start
        ):
            raise ValidationError("an interval ends before it starts", "$.end")

    @property
    def value(self) -> str:
        """The value as text: ``2022-01-24``, ``2022-01-17/2022-01-23``,
        ``after 2022-01-24``, ``before 2022-01-24`` or ``""``."""
        if self.kind is TimeKind.DATE and self.start is not None:
            return self.start.isoformat()
        if self.kind is TimeKind.INTERVAL and self.start is not None and self.end is not None:
            return f"{self.start.isoformat()}/{self.end.isoformat()}"
        if self.kind is TimeKind.AFTER and self.start is not None:
            return f"after {self.start.isoformat()}"
        if self.kind is TimeKind.BEFORE and self.end is not None:
            return f"before {self.end.isoformat()}"
        return ""


@attrs.frozen(kw_only=True)
class Event:
    """A happening the text refers to (talks, drills, a visit) and where it stands."""

    id: str = attrs.field(validator=_non_empty)
    span: Span
    status: EventStatus = EventStatus.UNKNOWN
    time_id: str | None = None
    date: dt.date | None = None
    participant_ids: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()


# --------------------------------------------------------------------------- transcripts


@attrs.frozen(kw_only=True)
class Turn:
    """One turn of a transcript: who spoke, as what, and the spoken words.

    ``label`` is the speaker label as printed (``MS. PSAKI``), ``span`` the spoken
    text without the label. ``answers`` lists the question turns this one answers.
    ``affiliation`` is the outlet a questioner is labelled with (``Reuters``).
    """

    id: str = attrs.field(validator=_non_empty)
    n: int = attrs.field(validator=_non_negative)
    kind: TurnKind
    span: Span
    label: Span | None = None
    speaker_id: str | None = None
    answers: tuple[str, ...] = ()
    affiliation: str | None = None


# --------------------------------------------------------------------------- documents


@attrs.frozen(kw_only=True)
class Document:
    """The source text and what is known about it.

    ``boilerplate`` marks page chrome ("Back to top") that readers leave out of
    every claim; offsets still count it.
    """

    text: str
    title: str | None = None
    title_span: Span | None = None
    outlet: str | None = None
    published: dt.date | None = None
    dateline: Span | None = None
    url: str | None = None
    language: str = "en"
    boilerplate: tuple[Span, ...] = ()


_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class Briefing:
    """A press briefing, as a transcript or as a report of it.

    Construction checks referential integrity and that every span slices
    ``document.text``; see the module docstring.
    """

    document: Document
    kind: BriefingKind = BriefingKind.REPORT
    held_on: dt.date | None = None
    held_at: dt.datetime | None = None
    held_on_evidence: Span | None = None
    place: str | None = None
    briefer_ids: tuple[str, ...] = ()
    audience: str | None = None
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    others: tuple[OtherEntity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    turns: tuple[Turn, ...] = ()
    stage_directions: tuple[Span, ...] = ()

    def __attrs_post_init__(self) -> None:
        check_integrity(self)

    # -- lookups -------------------------------------------------------------------

    @property
    def entities(self) -> tuple[Entity, ...]:
        """People, organisations and other sources, in that order."""
        return (*self.people, *self.organizations, *self.others)

    def entity(self, entity_id: str) -> Entity:
        """The person, organisation or other source with this id (:class:`KeyError` if none)."""
        return _by_id(self.entities, entity_id)

    def mention(self, mention_id: str) -> Mention:
        """The mention with this id (:class:`KeyError` if none)."""
        return _by_id(self.mentions, mention_id)

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id (:class:`KeyError` if none)."""
        return _by_id(self.claims, claim_id)

    def speaker(self, claim: Claim) -> Entity | None:
        """The entity that made ``claim``, or ``None`` when the source is unknown."""
        return None if claim.speaker_id is None else self.entity(claim.speaker_id)

    def embedded(self, claim: Claim) -> tuple[Claim, ...]:
        """The claims reported inside ``claim``'s content."""
        return tuple(c for c in self.claims if c.parent_id == claim.id)

    @property
    def top_level_claims(self) -> tuple[Claim, ...]:
        """The claims that are not embedded in another claim."""
        return tuple(c for c in self.claims if c.parent_id is None)


def _by_id(items: tuple[_T, ...], key: str) -> _T:
    for item in items:
        if getattr(item, "id", None) == key:
            return item
    raise KeyError(key)


# --------------------------------------------------------------------------- integrity


def iter_spans(obj: object, path: str = "$") -> Iterator[tuple[str, Span]]:
    """Every :class:`Span` inside a model object, with its path, in field order."""
    if isinstance(obj, Span):
        yield path, obj
        return
    if isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from iter_spans(item, f"{path}[{i}]")
        return
    cls = type(obj)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            if value is None or isinstance(value, str | int | float | bool | enum.Enum | dt.date):
                continue
            yield from iter_spans(value, f"{path}.{field.name}")


_FIELDS: dict[type, tuple[str, ...]] = {}


def _holds_spans(tp: Any) -> bool:
    if tp is Span:
        return True
    if attrs.has(tp):
        return bool(_span_fields(tp))
    return any(_holds_spans(arg) for arg in typing.get_args(tp))


def _span_fields(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` whose type can hold a :class:`Span`, found once per class."""
    names = _FIELDS.get(cls)
    if names is None:
        _FIELDS[cls] = ()  # against recursion
        hints = typing.get_type_hints(cls)
        names = _FIELDS[cls] = tuple(
            f.name for f in attrs.fields(cls) if _holds_spans(hints[f.name])
        )
    return names


_Collector = typing.Callable[[list[Any], list[Span]], None]
_COLLECTORS: dict[type, _Collector] = {}
_get_id = operator.attrgetter("id")
_not_none = functools.partial(operator.is_not, None)
_chain = itertools.chain.from_iterable


def _collector(cls: type) -> _Collector:
    """A function appending every span inside a list of ``cls`` instances to a list.

    Built once per class from the field types. It goes field by field over all
    the objects at once (``map`` and ``attrgetter``, so the loops run in C) and
    hands the objects found in a field to that class's collector: a few calls
    per class and field, not several per object. Gives the spans of
    :func:`iter_spans` (not in the same order, and without their paths).
    """
    fn = _COLLECTORS.get(cls)
    if fn is not None:
        return fn
    hints = typing.get_type_hints(cls)
    steps: list[tuple[int, typing.Callable[[Any], Any], _Collector | None]] = []
    for name in _span_fields(cls):
        tp = hints[name]
        get = operator.attrgetter(name)
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if typing.get_origin(tp) is tuple:
            if args[0] is Span:
                steps.append((_SPANS, get, None))
            else:
                steps.append((_OBJECTS, get, _collector(args[0])))
        else:
            (inner,) = [tp] if attrs.has(tp) or tp is Span else args
            if inner is Span:
                steps.append((_SPAN, get, None))
            else:
                steps.append((_OBJECT, get, _collector(inner)))

    def collect(objs: list[Any], out: list[Span]) -> None:
        for kind, get, sub in steps:
            if kind == _SPAN:
                out.extend(filter(_not_none, map(get, objs)))
            elif kind == _SPANS:
                out.extend(_chain(map(get, objs)))
            elif sub is not None:
                found = (
                    list(filter(_not_none, map(get, objs)))
                    if kind == _OBJECT
                    else list(_chain(map(get, objs)))
                )
                if found:
                    sub(found, out)

    _COLLECTORS[cls] = collect
    return collect


# what a field holds, for _collector: a Span or None, a tuple of spans, an object
# or None, a tuple of objects
_SPAN, _SPANS, _OBJECT, _OBJECTS = range(4)


def _check_claim_links(
    claim: Claim, path: str, mention_entity: dict[str, str], parents: dict[str, str | None]
) -> None:
    """A claim's mention names its speaker, and it is not embedded in itself."""
    if claim.mention_id is not None and claim.speaker_id is not None:
        named = mention_entity[claim.mention_id]
        if named != claim.speaker_id:
            raise IntegrityError(
                f"mention {claim.mention_id!r} names {named!r}, "
                f"not the speaker {claim.speaker_id!r}",
                f"{path}.mention_id",
            )
    hops, cur = 0, claim.parent_id
    while cur is not None:
        if cur == claim.id or hops > len(parents):
            raise IntegrityError(f"claim {claim.id!r} is embedded in itself", f"{path}.parent_id")
        cur, hops = parents.get(cur), hops + 1


def check_integrity(briefing: Briefing) -> None:
    """Raise :class:`IntegrityError` unless ids are unique, references resolve and
    every span slices the text. Called by ``Briefing`` on construction."""
    text = briefing.document.text
    spans: list[Span] = []
    _collector(type(briefing))([briefing], spans)
    sliced = True
    for s in spans:
        if text[s.start : s.end] != s.text:
            sliced = False
            break
    if sliced:
        bad: Iterator[tuple[str, Span]] = iter(())
    else:  # walk again, with paths, to say where
        bad = iter_spans(briefing)
    for path, span in bad:
        if span.end > len(text):
            raise IntegrityError(
                f"span [{span.start}, {span.end}) is outside the text ({len(text)} characters)",
                path,
            )
        if text[span.start : span.end] != span.text:
            raise IntegrityError(
                f"span [{span.start}, {span.end}) is {text[span.start : span.end]!r} in the text, "
                f"not {span.text!r}",
                path,
            )

    seen: set[str] = set()

    def ids(name: str, items: tuple[Any, ...]) -> set[str]:
        found: set[str] = set(map(_get_id, items))
        if len(found) == len(items) and found.isdisjoint(seen):
            seen.update(found)
            return found
        found = set()  # a duplicate: find the first, in order
        for i, item in enumerate(items):
            if item.id in seen:
                raise IntegrityError(f"duplicate id {item.id!r}", f"$.{name}[{i}].id")
            seen.add(item.id)
            found.add(item.id)
        return found

    entities = ids("people", briefing.people)
    entities |= ids("organizations", briefing.organizations)
    entities |= ids("others", briefing.others)
    mentions = ids("mentions", briefing.mentions)
    claims = ids("claims", briefing.claims)
    ids("events", briefing.events)
    times = ids("times", briefing.times)
    turns = ids("turns", briefing.turns)

    mention_entity = {m.id: m.entity_id for m in briefing.mentions}
    parents: dict[str, str | None] = {c.id: c.parent_id for c in briefing.claims}
    if _references_resolve(
        briefing, entities=entities, mentions=mentions, claims=claims, times=times, turns=turns
    ):
        # every id resolves: only the mention/speaker agreement and cycles are left
        for i, claim in enumerate(briefing.claims):
            _check_claim_links(claim, f"$.claims[{i}]", mention_entity, parents)
        return

    # some reference dangles: check field by field, in order, to say where
    def ref(value: str | None, pool: set[str], what: str, path: str) -> None:
        if value is not None and value not in pool:
            raise IntegrityError(f"no {what} has id {value!r}", path)

    for i, bid in enumerate(briefing.briefer_ids):
        ref(bid, entities, "entity", f"$.briefer_ids[{i}]")
    for i, person in enumerate(briefing.people):
        for j, role in enumerate(person.roles):
            ref(
                role.organization_id,
                entities,
                "entity",
                f"$.people[{i}].roles[{j}].organization_id",
            )
    for i, mention in enumerate(briefing.mentions):
        ref(mention.entity_id, entities, "entity", f"$.mentions[{i}].entity_id")
    for i, claim in enumerate(briefing.claims):
        p = f"$.claims[{i}]"
        ref(claim.speaker_id, entities, "entity", f"{p}.speaker_id")
        ref(claim.mention_id, mentions, "mention", f"{p}.mention_id")
        ref(claim.said_on_time_id, times, "time expression", f"{p}.said_on_time_id")
        ref(claim.addressee_id, entities, "entity", f"{p}.addressee_id")
        ref(claim.parent_id, claims, "claim", f"{p}.parent_id")
        ref(claim.turn_id, turns, "turn", f"{p}.turn_id")
        for j, relay in enumerate(claim.relayed_by):
            ref(relay.entity_id, entities, "entity", f"{p}.relayed_by[{j}].entity_id")
        _check_claim_links(claim, p, mention_entity, parents)
    for i, event in enumerate(briefing.events):
        p = f"$.events[{i}]"
        ref(event.time_id, times, "time expression", f"{p}.time_id")
        for j, pid in enumerate(event.participant_ids):
            ref(pid, entities, "entity", f"{p}.participant_ids[{j}]")
        for j, cid in enumerate(event.claim_ids):
            ref(cid, claims, "claim", f"{p}.claim_ids[{j}]")
    for i, turn in enumerate(briefing.turns):
        p = f"$.turns[{i}]"
        ref(turn.speaker_id, entities, "entity", f"{p}.speaker_id")
        for j, tid in enumerate(turn.answers):
            ref(tid, turns, "turn", f"{p}.answers[{j}]")


def _references_resolve(
    b: Briefing,
    *,
    entities: set[str],
    mentions: set[str],
    claims: set[str],
    times: set[str],
    turns: set[str],
) -> bool:
    """Whether every id reference in ``b`` resolves (the fast path of the check)."""
    cs = b.claims
    to_entities = {
        *b.briefer_ids,
        *[r.organization_id for p in b.people for r in p.roles],
        *[m.entity_id for m in b.mentions],
        *[c.speaker_id for c in cs],
        *[c.addressee_id for c in cs],
        *[r.entity_id for c in cs for r in c.relayed_by],
        *[pid for e in b.events for pid in e.participant_ids],
        *[t.speaker_id for t in b.turns],
    }
    to_times = {*[c.said_on_time_id for c in cs], *[e.time_id for e in b.events]}
    to_claims = {*[c.parent_id for c in cs], *[cid for e in b.events for cid in e.claim_ids]}
    to_turns = {*[c.turn_id for c in cs], *[a for t in b.turns for a in t.answers]}
    to_mentions = {c.mention_id for c in cs}
    for refs, pool in (
        (to_entities, entities),
        (to_mentions, mentions),
        (to_times, times),
        (to_claims, claims),
        (to_turns, turns),
    ):
        refs.discard(None)
        if not refs <= pool:
            return False
    return True
