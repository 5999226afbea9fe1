"""The model holds every fact of the hand-annotated seed reading.

The facts file (``../shared/acceptance/*.facts.json``) lists, as exact
substrings of the seed report, its speakers, claims (with embedded claims,
editorial insertions, provenance, polarity, hedges), events and resolved time
expressions. This test builds a :class:`Briefing` from them by hand, checks it
passes the model's integrity checks and survives a JSON round trip. No seed
text is copied here: it is read from the shared folder.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import briefings as b
from briefings.model import Span

SEED_FACTS = "acceptance/eirns-2022-01-25-peskov.facts.json"


def _find(text: str, needle: str, near: int = 0) -> Span:
    """The occurrence of ``needle`` closest after ``near`` (else the first)."""
    i = text.find(needle, near)
    if i < 0:
        i = text.find(needle)
    assert i >= 0, needle
    return Span.of(text, i, i + len(needle))


def _time(fact: dict[str, Any], tid: str, text: str) -> b.TimeExpression:
    value: str = fact["value"]
    span = _find(text, fact["text"])
    if value.startswith("after "):
        return b.TimeExpression(
            id=tid,
            span=span,
            kind=b.TimeKind.AFTER,
            start=dt.date.fromisoformat(value[6:]),
            anchor=b.Anchor.CLAIM,
        )
    day = dt.date.fromisoformat(value)
    anchored = "anchor" in fact
    return b.TimeExpression(
        id=tid,
        span=span,
        kind=b.TimeKind.DATE,
        start=day,
        end=day,
        granularity=b.Granularity.DAY,
        anchor=b.Anchor.DATELINE if anchored else b.Anchor.NONE,
    )


def build(facts: dict[str, Any], text: str) -> b.Briefing:
    people = []
    person_ids: dict[str, str] = {}
    for i, p in enumerate(facts["people"], 1):
        pid = f"p{i}"
        person_ids[p["name"]] = pid
        people.append(
            b.Person(
                id=pid,
                name=p["name"],
                aliases=tuple(a for a in p["referred_to_as"] if a != p["name"]),
                roles=tuple(b.Role(title=r) for r in p["roles"]),
            )
        )
    orgs = tuple(
        b.Organization(id=f"o{i}", name=name) for i, name in enumerate(facts["organizations"], 1)
    )
    org_ids = {o.name: o.id for o in orgs}
    times = tuple(_time(t, f"t{i}", text) for i, t in enumerate(facts["time_expressions"], 1))

    mentions: list[b.Mention] = []
    claims: list[b.Claim] = []
    cursor = 0

    def claim(c: dict[str, Any], cid: str, parent: str | None) -> None:
        nonlocal cursor
        content = _find(text, c["content"], cursor if parent is None else 0)
        if parent is None:
            cursor = content.start
        mention_id = None
        speaker = person_ids[c["speaker"]]
        if c.get("mention"):
            window = max(0, content.start - 400)
            m = _find(text, c["mention"], window)
            mention_id = f"m{len(mentions) + 1}"
            mentions.append(b.Mention(id=mention_id, entity_id=speaker, span=m))
        cue = (
            b.Cue(span=_find(text, c["cue"], max(0, content.start - 400)), lemma=c["cue"])
            if c.get("cue")
            else None
        )
        claims.append(
            b.Claim(
                id=cid,
                speaker_id=speaker,
                mention_id=mention_id,
                cue=cue,
                act=b.SpeechAct(c["act"]) if c.get("act") else b.SpeechAct.STATEMENT,
                form=b.Form(c["form"]),
                content=content,
                insertions=tuple(
                    b.Insertion(span=_find(text, s, content.start), kind=b.InsertionKind.BRACKET)
                    for s in c.get("editorial_insertions", ())
                ),
                polarity=b.Polarity(c.get("polarity", "positive")),
                hedges=(content,) if c.get("hedged") else (),
                said_on=dt.date.fromisoformat(c["said_on"]) if c.get("said_on") else None,
                addressee=_find(text, c["addressee"]) if c.get("addressee") else None,
                in_response_to=_find(text, c["in_response_to"])
                if c.get("in_response_to")
                else None,
                relayed_by=(b.Relay(entity_id=org_ids[c["relayed_by"]]),)
                if c.get("relayed_by")
                else (),
                parent_id=parent,
            )
        )
        for j, inner in enumerate(c.get("embedded_claims", ()), 1):
            inner.setdefault("speaker", inner.get("speaker") or c["speaker"])
            if inner["speaker"] not in person_ids:
                inner["speaker"] = next(n for n in person_ids if inner["speaker"] in n)
            claim(inner, f"{cid}.{j}", cid)

    for c in facts["claims"]:
        claim(c, f"c{c['id']}", None)

    events = tuple(
        b.Event(
            id=f"e{i}",
            span=_find(text, e["text"]),
            status=b.EventStatus(e["status"].replace(" ", "_")),
            date=dt.date.fromisoformat(e["date"]) if e.get("date") else None,
            claim_ids=(f"c{e['claimed_in']}",) if e.get("claimed_in") else (),
        )
        for i, e in enumerate(facts["events"], 1)
    )
    report, briefing = facts["report"], facts["briefing"]
    return b.Briefing(
        document=b.Document(
            text=text,
            title=report["title"],
            title_span=_find(text, report["title"]),
            outlet=report["outlet"],
            published=dt.date.fromisoformat(report["published"]),
            dateline=_find(text, report["dateline"]),
            boilerplate=tuple(_find(text, s) for s in report["boilerplate_not_content"]),
        ),
        held_on=dt.date.fromisoformat(briefing["held_on"]),
        held_on_evidence=_find(text, briefing["held_on_evidence"]),
        briefer_ids=(person_ids[briefing["briefer"]],),
        audience=briefing["audience"],
        people=tuple(people),
        organizations=orgs,
        mentions=tuple(mentions),
        claims=tuple(claims),
        events=events,
        times=times,
    )


def test_the_model_holds_the_seed_facts(shared_dir: Path) -> None:
    facts = json.loads((shared_dir / SEED_FACTS).read_text(encoding="utf-8"))
    text = (shared_dir / SEED_FACTS).parent.joinpath(facts["text"]).read_text(encoding="utf-8")
    briefing = build(facts, text)
    assert len(briefing.top_level_claims) == 17
    assert len(briefing.claims) == 18
    (embedded,) = [c for c in briefing.claims if c.parent_id is not None]
    assert briefing.speaker(embedded).name == "Stoltenberg"  # type: ignore[union-attr]
    assert {t.value for t in briefing.times} >= {"2022-01-24", "after 2022-01-24"}
    assert b.from_json(b.to_json(briefing)) == briefing
