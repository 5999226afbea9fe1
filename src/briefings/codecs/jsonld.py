"""JSON-LD: a briefing as linked data, in schema.org terms with W3C PROV-O provenance.

>>> import briefings
>>> from briefings.codecs.jsonld import to_jsonld
>>> text = "Peskov said talks would resume."
>>> b = briefings.Briefing(
...     document=briefings.Document(text=text),
...     people=(briefings.Person(id="p1", name="Dmitry Peskov"),),
...     claims=(briefings.Claim(
...         id="c1", speaker_id="p1", content=briefings.Span.of(text, 12, 30)),),
... )
>>> doc = to_jsonld(b)
>>> [n["type"] for n in doc["@graph"] if n["id"] == "_:c1"]
[['Claim', 'Entity']]

What is written, one node per object in a flat ``@graph``:

* the document: ``schema:NewsArticle`` for a report (``headline``,
  ``datePublished``, ``publisher``, ``url``, ``articleBody``), a
  ``schema:CreativeWork`` of genre ``transcript`` for a transcript;
  ``about`` the briefing, ``isBasedOn`` the claims it reports;
* the briefing: a ``schema:Event`` (``startDate``, ``location``, ``performer``
  = the briefers, ``audience``);
* people (``schema:Person``, with ``hasOccupation`` an ``Occupation`` per role and,
  when the role names its organisation, ``memberOf`` a ``schema:Role``),
  organisations (``schema:Organization`` or a subtype) and other sources;
  every one of them is also a ``prov:Agent``;
* claims: ``schema:Claim`` (also ``schema:Quotation`` when the words are quoted)
  with ``author`` and ``spokenByCharacter`` = the speaker, ``text``,
  ``dateCreated``, ``appearance`` = the document, ``isPartOf`` the claim it is
  embedded in, and character offsets (``bf:startOffset``/``bf:endOffset``);
  each quoted stretch of a claim is a ``schema:Quotation`` node of its own;
* provenance (PROV-O): a claim ``prov:wasAttributedTo`` its speaker; each relay
  (``quoted by TASS``) is a ``prov:Entity`` that ``prov:wasQuotedFrom`` the
  previous link and ``prov:wasAttributedTo`` the relaying entity; the document
  ``prov:wasQuotedFrom`` the outermost link of every chain;
* events: ``schema:Event`` with ``startDate``/``endDate``, ``eventStatus``,
  ``attendee`` (participants) and ``subjectOf`` (the claims about them).

The ``@context`` is the package's own (``briefings.context.jsonld``), written
inline: a JSON-LD processor expands the output without fetching anything. Node
ids are blank nodes (``_:c1``) unless a ``base`` IRI is given
(``https://example.org/b/1#c1``); ids are percent-encoded. Output is deterministic. Writing only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import IO, Any
from urllib.parse import quote

from briefings.codecs._registry import Format
from briefings.errors import ValidationError
from briefings.model import (
    Briefing,
    BriefingKind,
    Claim,
    Entity,
    Event,
    EventStatus,
    Form,
    Organization,
    OrgKind,
    OtherEntity,
    OtherKind,
    Person,
    Span,
)

__all__ = ["CONTEXT_FILE", "context", "dumps", "to_jsonld"]

#: The name of the package resource holding the ``@context``.
CONTEXT_FILE = "briefings.context.jsonld"

_ORG_TYPES = {
    OrgKind.GOVERNMENT: "GovernmentOrganization",
    OrgKind.NEWS_AGENCY: "NewsMediaOrganization",
    OrgKind.MEDIA: "NewsMediaOrganization",
    OrgKind.INTERNATIONAL: "Organization",
    OrgKind.POLITICAL: "PoliticalParty",
    OrgKind.COMPANY: "Corporation",
    OrgKind.COUNTRY: "Country",
    OrgKind.OTHER: "Organization",
}
_OTHER_TYPES = {
    OtherKind.GROUP: "Organization",
    OtherKind.DOCUMENT: "CreativeWork",
    OtherKind.ANONYMOUS: "Person",
    OtherKind.OTHER: "Thing",
}
_EVENT_STATUS = {
    EventStatus.OCCURRED: "EventOccurred",
    EventStatus.ONGOING: "EventOngoing",
    EventStatus.PLANNED: "EventPlanned",
    EventStatus.EXPECTED: "EventExpected",
    EventStatus.POSSIBLE: "EventPossible",
    EventStatus.NOT_PLANNED: "EventNotPlanned",
    EventStatus.DENIED: "EventDenied",
    EventStatus.ALLEGED: "EventAlleged",
    EventStatus.UNKNOWN: "EventStatusUnknown",
}


@cache
def _context_text() -> str:
    return resources.files("briefings.codecs").joinpath(CONTEXT_FILE).read_text(encoding="utf-8")


def context() -> dict[str, Any]:
    """The ``@context`` object (a fresh copy) that :func:`to_jsonld` writes inline."""
    data: dict[str, Any] = json.loads(_context_text())["@context"]
    return data


def _date(value: dt.date | dt.datetime) -> dict[str, str] | str:
    if isinstance(value, dt.datetime):
        return {"@value": value.isoformat(), "@type": "xsd:dateTime"}
    return value.isoformat()


def _offsets(span: Span) -> dict[str, int]:
    return {"startOffset": span.start, "endOffset": span.end}


def _drop_empty(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v is not None and v not in ([], "")}


class _Ids:
    """Node ids: a model id, percent-encoded (so it never holds ``/``), or one of
    the writer's own nodes, which all hold a ``/`` (``briefing/document``,
    ``c1/quote/1``): the two never collide."""

    def __init__(self, base: str | None) -> None:
        self.base = base

    def __call__(self, local: str, *suffix: str | int) -> str:
        name = "/".join([quote(local, safe=""), *map(str, suffix)])
        return f"_:{name}" if self.base is None else f"{self.base}#{name}"

    def own(self, name: str) -> str:
        return f"_:briefing/{name}" if self.base is None else f"{self.base}#briefing/{name}"


def _entity_node(entity: Entity, iri: _Ids) -> dict[str, Any]:
    if isinstance(entity, Person):
        node: dict[str, Any] = {
            "id": iri(entity.id),
            "type": ["Person", "Agent"],
            "name": entity.name,
            "alternateName": list(entity.aliases),
        }
        occupations = [{"type": "Occupation", "name": role.title} for role in entity.roles]
        member = [
            _drop_empty(
                {
                    "type": "Role",
                    "roleName": role.title,
                    "memberOf": iri(role.organization_id),
                    "startDate": None if role.start is None else role.start.isoformat(),
                    "endDate": None if role.end is None else role.end.isoformat(),
                }
            )
            for role in entity.roles
            if role.organization_id is not None
        ]
        node["hasOccupation"] = occupations
        node["memberOf"] = member
        return _drop_empty(node)
    if isinstance(entity, Organization):
        kind = _ORG_TYPES[entity.kind]
        types = ["Organization", "Agent"] if kind == "Organization" else [kind, "Agent"]
        return _drop_empty(
            {
                "id": iri(entity.id),
                "type": types,
                "name": entity.name,
                "alternateName": list(entity.aliases),
                "additionalType": None if entity.kind is OrgKind.OTHER else entity.kind.value,
            }
        )
    assert isinstance(entity, OtherEntity)
    return _drop_empty(
        {
            "id": iri(entity.id),
            "type": [_OTHER_TYPES[entity.kind], "Agent"],
            "name": entity.name,
            "alternateName": list(entity.aliases),
            "additionalType": entity.kind.value,
        }
    )


def _claim_nodes(
    briefing: Briefing, claim: Claim, iri: _Ids, doc_id: str
) -> tuple[list[dict[str, Any]], str]:
    """The claim's node, its quotation and relay nodes, and the id of the outermost link."""
    speaker = None if claim.speaker_id is None else iri(claim.speaker_id)
    quoted = claim.form is Form.DIRECT
    node: dict[str, Any] = {
        "id": iri(claim.id),
        "type": ["Claim", "Quotation", "Entity"] if quoted else ["Claim", "Entity"],
        "text": claim.text,
        "author": speaker,
        "spokenByCharacter": speaker if quoted else None,
        "wasAttributedTo": speaker,
        "speechAct": claim.act.value,
        "form": claim.form.value,
        "polarity": claim.polarity.value,
        "hedged": claim.hedged,
        "dateCreated": None if claim.said_on is None else claim.said_on.isoformat(),
        "appearance": doc_id,
        "isPartOf": None if claim.parent_id is None else iri(claim.parent_id),
        "recipient": None if claim.addressee_id is None else iri(claim.addressee_id),
        **_offsets(claim.content),
    }
    if claim.cue is not None:
        node["cue"] = claim.cue.span.text
        node["cueLemma"] = claim.cue.lemma
    about = [iri(e.id) for e in briefing.events if claim.id in e.claim_ids]
    node["about"] = about
    nodes = [_drop_empty(node)]
    for k, quoted_span in enumerate(claim.quotes, start=1):
        nodes.append(
            _drop_empty(
                {
                    "id": iri(claim.id, "quote", k),
                    "type": ["Quotation", "Entity"],
                    "text": quoted_span.text,
                    "spokenByCharacter": speaker,
                    "creator": speaker,
                    "wasAttributedTo": speaker,
                    "isPartOf": iri(claim.id),
                    **_offsets(quoted_span),
                }
            )
        )
    previous = iri(claim.id)
    for k, relay in enumerate(claim.relayed_by, start=1):
        link = iri(claim.id, "relay", k)
        nodes.append(
            _drop_empty(
                {
                    "id": link,
                    "type": ["Entity"],
                    "relayIndex": k,
                    "wasQuotedFrom": previous,
                    "wasAttributedTo": iri(relay.entity_id),
                    "text": None if relay.span is None else relay.span.text,
                    **({} if relay.span is None else _offsets(relay.span)),
                }
            )
        )
        previous = link
    return nodes, previous


def _event_node(briefing: Briefing, event: Event, iri: _Ids) -> dict[str, Any]:
    start: dt.date | None = event.date
    end: dt.date | None = None
    if event.time_id is not None:
        time = next(t for t in briefing.times if t.id == event.time_id)
        start = start or time.start
        end = time.end if time.end != start else None
    return _drop_empty(
        {
            "id": iri(event.id),
            "type": ["Event"],
            "name": event.span.text,
            "startDate": None if start is None else start.isoformat(),
            "endDate": None if end is None else end.isoformat(),
            "eventStatus": _EVENT_STATUS[event.status],
            "status": event.status.value,
            "attendee": [iri(p) for p in event.participant_ids],
            "subjectOf": [iri(c) for c in event.claim_ids],
            **_offsets(event.span),
        }
    )


def to_jsonld(briefing: Briefing, *, base: str | None = None) -> dict[str, Any]:
    """``briefing`` as a JSON-LD document (a dict) with the ``@context`` inline.

    ``base``, when given, is an IRI the node ids hang from (``base#c1``);
    otherwise nodes are blank nodes (``_:c1``).
    """
    if base is not None and (not base or any(ch in base for ch in ' <>"{}|\\^`#')):
        raise ValidationError(f"not a usable base IRI: {base!r}", "$.base")
    iri = _Ids(base)
    doc = briefing.document
    doc_id = iri.own("document")
    briefing_id = iri.own("event")
    claim_nodes: list[dict[str, Any]] = []
    outermost: list[str] = []
    for claim in briefing.claims:
        nodes, last = _claim_nodes(briefing, claim, iri, doc_id)
        claim_nodes.extend(nodes)
        if claim.relayed_by:
            outermost.append(last)
    report = briefing.kind is BriefingKind.REPORT
    publisher: dict[str, Any] | None = None
    if doc.outlet:
        publisher = {"id": iri.own("publisher"), "type": ["NewsMediaOrganization", "Agent"]}
        publisher["name"] = doc.outlet
    document_node = _drop_empty(
        {
            "id": doc_id,
            "type": ["NewsArticle", "Entity"] if report else ["CreativeWork", "Entity"],
            "genre": None if report else "transcript",
            "headline": doc.title,
            "datePublished": None if doc.published is None else doc.published.isoformat(),
            "publisher": None if publisher is None else publisher["id"],
            "wasAttributedTo": None if publisher is None else publisher["id"],
            "url": doc.url,
            "inLanguage": doc.language,
            "articleBody": doc.text if report else None,
            "text": None if report else doc.text,
            "about": [briefing_id],
            "isBasedOn": [iri(c.id) for c in briefing.claims],
            "wasQuotedFrom": outermost,
        }
    )
    if len(outermost) == 1:
        document_node["wasQuotedFrom"] = outermost[0]
    held: dt.date | dt.datetime | None = briefing.held_at or briefing.held_on
    briefing_node = _drop_empty(
        {
            "id": briefing_id,
            "type": ["Event"],
            "additionalType": "press briefing",
            "name": doc.title,
            "startDate": None if held is None else _date(held),
            "location": None
            if briefing.place is None
            else {"type": "Place", "name": briefing.place},
            "performer": [iri(b) for b in briefing.briefer_ids],
            "audience": None
            if briefing.audience is None
            else {"type": "Audience", "audienceType": briefing.audience},
            "subjectOf": [doc_id],
        }
    )
    graph: list[dict[str, Any]] = [document_node, briefing_node]
    if publisher is not None:
        graph.append(publisher)
    graph.extend(_entity_node(e, iri) for e in briefing.entities)
    graph.extend(claim_nodes)
    graph.extend(_event_node(briefing, e, iri) for e in briefing.events)
    return {"@context": context(), "@graph": graph}


def dumps(briefing: Briefing, *, base: str | None = None, indent: int | None = 2) -> str:
    """``briefing`` as a JSON-LD text (see :func:`to_jsonld`), keys in a stable order."""
    return json.dumps(to_jsonld(briefing, base=base), ensure_ascii=False, indent=indent)


def _write(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    items = list(briefings)
    if len(items) != 1:
        raise ValidationError(
            f"JSON-LD holds exactly one briefing, got {len(items)}; give --out DIR", "$"
        )
    stream.write(dumps(items[0]))
    stream.write("\n")


FORMAT = Format(
    name="jsonld",
    suffixes=(".jsonld",),
    description="JSON-LD: schema.org (NewsArticle, Claim, Quotation, Person, Event) + PROV-O",
    write=_write,
)
