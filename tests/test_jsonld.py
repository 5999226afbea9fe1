"""The JSON-LD writer: schema.org + PROV-O, expanded offline by a standard processor."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from pyld import jsonld

import briefings
from briefings import codecs
from briefings.codecs.jsonld import context, dumps, to_jsonld
from briefings.strategies import briefings as gen_briefings

SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
BF = "https://w3id.org/briefings/ns#"
AGENT_TYPES = {
    SCHEMA + t
    for t in (
        "Person",
        "Organization",
        "GovernmentOrganization",
        "NewsMediaOrganization",
        "PoliticalParty",
        "Corporation",
        "Country",
        "CreativeWork",
        "Thing",
    )
}

TEXT = (
    "Kremlin spokesman Dmitry Peskov said on Monday, quoted by TASS, "
    "that \u201cthe talks will resume\u201d next week. <b>&amp;</b>"
)


FETCHED: list[str] = []


def offline_loader(url: str, options: Any = None) -> Any:
    """A document loader that refuses (and records) every fetch."""
    FETCHED.append(url)
    raise OSError(f"tried to fetch {url}")


def expand(doc: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = jsonld.expand(doc, {"documentLoader": offline_loader})
    return result


def nodes_by_id(expanded: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for top in expanded:
        for node in top.get("@graph", [top]):
            out[node["@id"]] = node
    return out


def ref(node: dict[str, Any], prop: str) -> list[str]:
    return [v["@id"] for v in node.get(prop, [])]


def report() -> briefings.Briefing:
    quote = briefings.Span.find(TEXT, "\u201cthe talks will resume\u201d")
    return briefings.Briefing(
        document=briefings.Document(
            text=TEXT, title="Peskov on talks", outlet="EIR", published=dt.date(2022, 1, 25)
        ),
        held_on=dt.date(2022, 1, 24),
        briefer_ids=("p1",),
        people=(
            briefings.Person(
                id="p1",
                name="Dmitry Peskov",
                roles=(briefings.Role(title="Kremlin spokesman", organization_id="o2"),),
            ),
        ),
        organizations=(
            briefings.Organization(id="o1", name="TASS", kind=briefings.OrgKind.NEWS_AGENCY),
            briefings.Organization(id="o2", name="Kremlin", kind=briefings.OrgKind.GOVERNMENT),
        ),
        mentions=(
            briefings.Mention(
                id="m1",
                entity_id="p1",
                span=briefings.Span.find(TEXT, "Kremlin spokesman Dmitry Peskov"),
            ),
        ),
        claims=(
            briefings.Claim(
                id="c1",
                speaker_id="p1",
                mention_id="m1",
                cue=briefings.Cue(span=briefings.Span.find(TEXT, "said"), lemma="say"),
                act=briefings.SpeechAct.PREDICTION,
                form=briefings.Form.MIXED,
                content=briefings.Span.of(TEXT, quote.start - 5, quote.end + 10),
                quotes=(quote,),
                said_on=dt.date(2022, 1, 24),
                relayed_by=(
                    briefings.Relay(entity_id="o1", span=briefings.Span.find(TEXT, "TASS")),
                ),
            ),
        ),
        events=(
            briefings.Event(
                id="e1",
                span=briefings.Span.find(TEXT, "talks"),
                status=briefings.EventStatus.PLANNED,
                claim_ids=("c1",),
                participant_ids=("o2",),
            ),
        ),
    )


def test_report_expands_offline_with_schema_org_and_prov_terms() -> None:
    nodes = nodes_by_id(expand(to_jsonld(report())))
    article = nodes["_:briefing/document"]
    assert article["@type"] == [SCHEMA + "NewsArticle", PROV + "Entity"]
    assert article[SCHEMA + "datePublished"] == [
        {"@type": "http://www.w3.org/2001/XMLSchema#date", "@value": "2022-01-25"}
    ]
    assert ref(article, SCHEMA + "publisher") == ["_:briefing/publisher"]
    assert nodes["_:briefing/publisher"][SCHEMA + "name"] == [{"@value": "EIR"}]
    assert ref(article, SCHEMA + "isBasedOn") == ["_:c1"]
    assert ref(article, SCHEMA + "about") == ["_:briefing/event"]
    event = nodes["_:briefing/event"]
    assert ref(event, SCHEMA + "performer") == ["_:p1"]
    assert event[SCHEMA + "startDate"][0]["@value"] == "2022-01-24"

    claim = nodes["_:c1"]
    assert ref(claim, SCHEMA + "author") == ["_:p1"]
    assert ref(claim, PROV + "wasAttributedTo") == ["_:p1"]
    assert claim[SCHEMA + "text"] == [{"@value": TEXT[claim_start(TEXT) : claim_end(TEXT)]}]
    assert claim[BF + "speechAct"] == [{"@value": "prediction"}]
    assert ref(claim, SCHEMA + "about") == ["_:e1"]
    quote = nodes["_:c1/quote/1"]
    assert SCHEMA + "Quotation" in quote["@type"]
    assert ref(quote, SCHEMA + "spokenByCharacter") == ["_:p1"]

    # provenance chain: Peskov -> TASS -> the article
    relay = nodes["_:c1/relay/1"]
    assert ref(relay, PROV + "wasQuotedFrom") == ["_:c1"]
    assert ref(relay, PROV + "wasAttributedTo") == ["_:o1"]
    assert ref(article, PROV + "wasQuotedFrom") == ["_:c1/relay/1"]

    person = nodes["_:p1"]
    assert person["@type"] == [SCHEMA + "Person", PROV + "Agent"]
    role = person[SCHEMA + "memberOf"][0]
    assert role["@type"] == [SCHEMA + "Role"]
    assert ref(role, SCHEMA + "memberOf") == ["_:o2"]
    assert nodes["_:o2"]["@type"] == [SCHEMA + "GovernmentOrganization", PROV + "Agent"]
    ev = nodes["_:e1"]
    assert ref(ev, SCHEMA + "eventStatus") == [SCHEMA + "EventScheduled"]
    assert ref(ev, SCHEMA + "subjectOf") == ["_:c1"]


def claim_start(text: str) -> int:
    return text.index("\u201c") - 5


def claim_end(text: str) -> int:
    return text.index("\u201d") + 11


def test_direct_claim_is_a_quotation_spoken_by_the_speaker() -> None:
    b = report()
    quote = b.claims[0].quotes[0]
    direct = briefings.Briefing(
        document=b.document,
        people=b.people,
        organizations=b.organizations,
        claims=(
            briefings.Claim(id="c1", speaker_id="p1", form=briefings.Form.DIRECT, content=quote),
        ),
    )
    claim = nodes_by_id(expand(to_jsonld(direct)))["_:c1"]
    assert SCHEMA + "Quotation" in claim["@type"]
    assert ref(claim, SCHEMA + "spokenByCharacter") == ["_:p1"]
    assert (
        PROV + "wasQuotedFrom" not in nodes_by_id(expand(to_jsonld(direct)))["_:briefing/document"]
    )


def test_context_is_inline_and_nothing_is_fetched() -> None:
    doc = to_jsonld(report())
    assert doc["@context"] == context()
    # a remote context would make the offline loader raise
    FETCHED.clear()
    expand(doc)
    assert FETCHED == []
    remote = {**doc, "@context": "https://schema.org/"}
    with pytest.raises(jsonld.JsonLdError, match="loading remote context failed"):
        expand(remote)
    assert FETCHED == ["https://schema.org/"]
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": offline_loader})
    assert f"<{SCHEMA}author>" in nquads
    assert f"<{PROV}wasQuotedFrom>" in nquads


def test_base_iri_names_the_nodes() -> None:
    nodes = nodes_by_id(expand(to_jsonld(report(), base="https://example.org/b/1")))
    claim = nodes["https://example.org/b/1#c1"]
    assert ref(claim, SCHEMA + "author") == ["https://example.org/b/1#p1"]


def test_bad_base_iri_is_refused() -> None:
    with pytest.raises(briefings.ValidationError) as err:
        to_jsonld(report(), base="https://example.org/b#x")
    assert str(err.value) == "not a usable base IRI: 'https://example.org/b#x' @ $.base"


def test_model_ids_cannot_collide_with_the_writers_nodes() -> None:
    text = "Somebody said it."
    b = briefings.Briefing(
        document=briefings.Document(text=text),
        people=(
            briefings.Person(id="briefing/document", name="A"),
            briefings.Person(id="x y", name="B"),
        ),
        claims=(
            briefings.Claim(id="c", speaker_id="x y", content=briefings.Span.find(text, "it")),
        ),
    )
    nodes = nodes_by_id(expand(to_jsonld(b)))
    assert SCHEMA + "NewsArticle" in nodes["_:briefing/document"]["@type"]
    assert nodes["_:briefing%2Fdocument"][SCHEMA + "name"] == [{"@value": "A"}]
    assert ref(nodes["_:c"], SCHEMA + "author") == ["_:x%20y"]


def test_output_is_deterministic_and_registered() -> None:
    fmt = codecs.by_name("jsonld")
    assert codecs.by_path("x.jsonld") is fmt
    assert fmt.write is not None
    out = io.StringIO()
    fmt.write([report()], out)
    assert out.getvalue() == dumps(report()) + "\n"
    assert json.loads(out.getvalue())["@graph"][0]["id"] == "_:briefing/document"
    with pytest.raises(briefings.ValidationError, match="exactly one briefing, got 2"):
        fmt.write([report(), report()], io.StringIO())


@given(gen_briefings())
def test_generated_briefings_expand_offline_with_every_claim_linked(
    b: briefings.Briefing,
) -> None:
    nodes = nodes_by_id(expand(json.loads(dumps(b))))
    for claim in b.claims:
        node = nodes[_blank(claim.id)]
        assert SCHEMA + "Claim" in node["@type"]
        authors = ref(node, SCHEMA + "author")
        if claim.speaker_id is None:
            assert authors == []
            continue
        assert authors == [_blank(claim.speaker_id)]
        speaker = nodes[authors[0]]
        assert AGENT_TYPES & set(speaker["@type"])
        assert PROV + "Agent" in speaker["@type"]
        chain = [_blank(claim.id)]
        for k, relay in enumerate(claim.relayed_by, start=1):
            link = nodes[f"{_blank(claim.id)}/relay/{k}"]
            assert ref(link, PROV + "wasQuotedFrom") == [chain[-1]]
            assert ref(link, PROV + "wasAttributedTo") == [_blank(relay.entity_id)]
            chain.append(link["@id"])


def _blank(model_id: str) -> str:
    from urllib.parse import quote

    return "_:" + quote(model_id, safe="")


def test_seed_report_expands_offline_with_every_claim_linked(shared_dir: Path) -> None:
    from briefings.text import parse

    text = (shared_dir / "seed" / "eirns-2022-01-25-peskov.txt").read_text(encoding="utf-8")
    b = parse(text)
    assert b.claims
    FETCHED.clear()
    nodes = nodes_by_id(expand(to_jsonld(b)))
    assert FETCHED == []
    for claim in b.claims:
        node = nodes[_blank(claim.id)]
        if claim.speaker_id is not None:
            assert ref(node, SCHEMA + "author") == [_blank(claim.speaker_id)]
            assert AGENT_TYPES & set(nodes[_blank(claim.speaker_id)]["@type"])
    relayed = [c for c in b.claims if c.relayed_by]
    article = nodes["_:briefing/document"]
    assert len(ref(article, PROV + "wasQuotedFrom")) == len(relayed)
