"""Reader of news reports of briefings: text in, :class:`~briefings.model.Briefing` out.

:func:`parse_report` walks the report paragraph by paragraph and sentence by
sentence, finds quotations and reporting cues, resolves each claim's source to one
entity per real speaker, and records provenance (relaying outlets, embedded
claims), negation, hedges, addressees, questions answered, time expressions and
events. Page chrome is marked as boilerplate and never read as content; offsets
always point into the text as given.

It is pure Python, never raises on any ``str`` and runs in time linear in the
length of the text.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from briefings.model import (
    Anchor,
    Briefing,
    BriefingKind,
    Claim,
    Cue,
    Document,
    Event,
    Form,
    Insertion,
    InsertionKind,
    Mention,
    Organization,
    OtherEntity,
    Person,
    Polarity,
    Relay,
    Role,
    Span,
    TimeExpression,
    TimeKind,
)
from briefings.text._clean import find_boilerplate, find_title
from briefings.text._dateline import find_dateline
from briefings.text._events import may_hold_events, read_events
from briefings.text._fold import folded
from briefings.text._quotes import Quote, find_insertions, find_quotes
from briefings.text._report_claims import Context, RawClaim, note_people, read_sentence
from briefings.text._report_extras import (
    find_held_on,
    headline_claim,
    negations_and_hedges_in,
)
from briefings.text._sentences import Token, paragraphs, sentences, tokens
from briefings.text._speakers import EntityRec, Registry, classify, phrase_after
from briefings.text._time import TimeMatch, find_times

__all__ = ["parse_report"]


def parse_report(
    text: str, *, published: dt.date | None = None, outlet: str | None = None
) -> Briefing:
    """Read a news report of a briefing into a :class:`~briefings.model.Briefing`.

    ``published`` is the publication date: relative dates ("yesterday", "on
    Monday") and datelines without a year are resolved against the dateline's
    date, else against it. ``outlet`` names the publisher when the text does not.
    Never raises on any ``str``; linear in the length of ``text``.
    """
    return _parse(text, published, outlet, _build)


def report_claims(
    text: str, *, published: dt.date | None = None
) -> tuple[tuple[Claim, ...], tuple[Person | Organization | OtherEntity, ...]]:
    """The claims and the entities (people, organisations, others) of
    ``parse_report(text, published=published)``, without the rest: no events, no
    :class:`Briefing` built and checked. For readers that want only the claims
    (the transcript reader, on each stretch of an answer holding a cue)."""
    return _parse(text, published, None, _claims_and_entities)


_R = TypeVar("_R")


def _parse(
    text: str,
    published: dt.date | None,
    outlet: str | None,
    finish: Callable[..., _R],
) -> _R:
    chrome = find_boilerplate(text)
    title = find_title(text, chrome)
    dateline = find_dateline(text, published=published)
    anchor_date = published
    anchor = Anchor.PUBLISHED
    if dateline is not None and dateline.date is not None:
        anchor_date, anchor = dateline.date, Anchor.DATELINE
    if outlet is None and dateline is not None and dateline.outlet:
        outlet = dateline.outlet

    ctx = Context(text=text, registry=Registry())
    raw: list[RawClaim] = []
    chrome_set = set(chrome)
    body = [p for p in paragraphs(text) if p not in chrome_set]
    for pn, (p_start, b) in enumerate(body):
        a = p_start
        if dateline is not None and a <= dateline.start < b:
            a = max(a, dateline.end)
        relay = _attributable(ctx, a, b)
        if relay is not None:
            ctx.relay_all = relay
            continue
        ctx.para_start, ctx.para_end = a, b
        quotes = find_quotes(text, a, b)
        protected = [(q.start, q.end) for q in quotes if q.closed]
        starts = [q.start for q in quotes]
        for s, e in sentences(text, a, b, protected):
            inside = quotes[bisect_left(starts, s) : bisect_left(starts, e)]
            toks = tokens(text, s, e)
            found = read_sentence(ctx, s, e, inside, pn, toks=toks)
            tok_starts: list[int] | None = None  # for _embedded, made once per sentence
            for rc in found:
                if ctx.relay_all is not None and rc.speaker is not ctx.relay_all[0]:
                    rc.relays.append(ctx.relay_all)
                ctx.claims.append(rc)
                raw.append(rc)
                if rc.form is Form.DIRECT:
                    if tok_starts is None:
                        tok_starts = [t.start for t in toks]
                    raw.extend(
                        _embedded(ctx, rc, len(raw) - 1, pn, sentence=toks, starts=tok_starts)
                    )
            _note_outside(ctx, toks, inside)
    if title is not None:
        hc = headline_claim(ctx, title[0], title[1])
        if hc is not None:
            raw.insert(0, hc)
            for rc in raw[1:]:
                if rc.parent is not None:
                    rc.parent += 1

    times = find_times(text, 0, len(text), anchor_date=anchor_date, anchor=anchor)
    chrome_starts = [x for x, _ in chrome]
    times = [t for t in times if not _within(chrome, chrome_starts, t.start)]
    held = find_held_on(text, body, times, (dateline.start, dateline.end) if dateline else None)
    return finish(
        text,
        raw,
        ctx,
        times=times,
        held=held,
        chrome=chrome,
        title=title,
        dateline=(dateline.start, dateline.end) if dateline else None,
        published=published,
        outlet=outlet,
        place=dateline.place if dateline else None,
    )


def _within(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans``."""
    n = bisect_right(starts, pos) - 1
    return n >= 0 and pos < spans[n][1]


#: how a readout hands its words to a spokesperson ("The below is attributable to ...")
ATTRIBUTABLE = (
    "the following is attribut",
    "the following are attribut",
    "the below is attribut",
    "the above is attribut",
)
_ATTRIBUTABLE_LEN = max(map(len, ATTRIBUTABLE))
#: format marks that may trail a line's colon (left-to-right mark, zero-width space...)
_INVISIBLE = "\u200e\u200f\u200b\u2060\ufeff"


def _opens_attribution(text: str, a: int) -> bool:
    """Whether ``text[a:].lower()`` starts with one of :data:`ATTRIBUTABLE`.

    Lower-casing maps each character on its own (no rule here depends on the
    next character) and never shortens, so the first characters decide: the
    whole paragraph is not copied and lower-cased for it.
    """
    return text[a : a + _ATTRIBUTABLE_LEN].lower().startswith(ATTRIBUTABLE)


def _attributable(ctx: Context, a: int, b: int) -> tuple[EntityRec, tuple[int, int]] | None:
    """``The following is attributable to Spokesperson Ned Price:``: who relays
    everything after it."""
    if not _opens_attribution(ctx.text, a):
        return None
    line = ctx.text[a:b]
    if not line.rstrip().rstrip(_INVISIBLE).rstrip().endswith(":"):
        return None  # ("Price:" then a left-to-right mark, as some pages have it)
    low = line.lower()
    i = low.find(" to ")
    if i < 0:
        return None
    toks = tokens(ctx.text, a + i + 4, b)
    rng = phrase_after(toks, 0)
    if rng is None:
        return None
    ph = classify(ctx.text, toks, rng[0], rng[1])
    if ph is None or ph.kind != "person":
        return None
    rec = ctx.registry.person(ph.name, ph.role, ph.start)
    return rec, (ph.start, ph.end)


def _note_outside(ctx: Context, toks: list[Token], quotes: Sequence[Quote]) -> None:
    """Register the people named outside the quotes of one sentence."""
    n = len(toks)
    if not quotes:
        if n:
            people = note_people(ctx, toks, 0, n)
            if people:
                ctx.last_person = people[-1]
        return
    starts = [t.start for t in toks]
    lo = 0
    for q in [*quotes, None]:
        stop = (toks[-1].end if toks else 0) if q is None else q.start
        hi = bisect_left(starts, stop, lo)
        if hi > lo:
            people = note_people(ctx, toks, lo, hi)
            if people:
                ctx.last_person = people[-1]
        lo = hi
        if q is not None:
            lo = bisect_left(starts, q.end, lo)


def _embedded(
    ctx: Context,
    parent: RawClaim,
    parent_index: int,
    pn: int,
    *,
    sentence: list[Token],
    starts: list[int],
) -> list[RawClaim]:
    """Claims reported inside the quoted words of ``parent`` (third parties only);
    ``sentence`` is the tokens of the sentence ``parent`` was read from, ``starts``
    their start offsets."""
    out: list[RawClaim] = []
    pieces = parent.parts or [parent.content]
    people: list[EntityRec] = []
    for a, b in pieces:
        qa, qb = a + 1, b - 1 if b - a >= 2 and ctx.text[b - 1] in '"”»“' else b
        if qb <= qa:
            continue
        for s, e in sentences(ctx.text, qa, qb):
            toks = _tokens_within(ctx.text, sentence, starts, s, e)
            found = read_sentence(
                ctx, s, e, [], pn, quote_speaker=parent.speaker, quote_people=people, toks=toks
            )
            for rc in found:
                rc.parent = parent_index
                out.append(rc)
            people.extend(
                p for p in note_people(ctx, toks, 0, len(toks)) if p is not parent.speaker
            )
    return out


def _tokens_within(text: str, toks: list[Token], starts: list[int], s: int, e: int) -> list[Token]:
    """``tokens(text, s, e)``, taken from the tokens ``toks`` of a stretch holding it.

    The same tokens when no token of ``toks`` straddles ``s`` or ``e``: the
    tokeniser then finds the same matches from ``s`` that it found from the
    stretch's start, and none of them reaches past ``e`` (an abbreviation's period
    just after ``e`` would straddle it). Otherwise the stretch is tokenised again.
    """
    if not toks or s < toks[0].start or e > toks[-1].end:
        return tokens(text, s, e)
    i = bisect_left(starts, s)
    j = bisect_left(starts, e)
    if (i > 0 and toks[i - 1].end > s) or (j > i and toks[j - 1].end > e):
        return tokens(text, s, e)
    return toks[i:j]


@dataclass
class _Parts:
    claims: list[Claim]
    mentions: list[Mention]
    times: list[TimeExpression]
    people: list[Person]
    orgs: list[Organization]
    others: list[OtherEntity]
    low: str | None  # _fold.folded(text)


def _claims_and_entities(
    text: str,
    raw: list[RawClaim],
    ctx: Context,
    *,
    times: Sequence[TimeMatch],
    held: tuple[dt.date, tuple[int, int]] | None,
    **_: object,
) -> tuple[tuple[Claim, ...], tuple[Person | Organization | OtherEntity, ...]]:
    got = _parts(text, raw, ctx, times=times, held=held)
    return tuple(got.claims), (*got.people, *got.orgs, *got.others)


def _build(
    text: str,
    raw: list[RawClaim],
    ctx: Context,
    *,
    times: Sequence[TimeMatch],
    held: tuple[dt.date, tuple[int, int]] | None,
    chrome: list[tuple[int, int]],
    title: tuple[int, int] | None,
    dateline: tuple[int, int] | None,
    published: dt.date | None,
    outlet: str | None,
    place: str | None,
) -> Briefing:
    got = _parts(text, raw, ctx, times=times, held=held)
    claims, time_objs = got.claims, got.times
    events = _events(text, claims, times, time_objs, got.low)
    briefers = _briefers(claims)
    return Briefing(
        document=Document(
            text=text,
            title=text[title[0] : title[1]] if title else None,
            title_span=Span.of(text, *title) if title else None,
            outlet=outlet,
            published=published,
            dateline=Span.of(text, *dateline) if dateline else None,
            boilerplate=tuple(Span.of(text, a, b) for a, b in chrome),
        ),
        kind=BriefingKind.REPORT,
        held_on=held[0] if held else None,
        held_on_evidence=Span.of(text, *held[1]) if held else None,
        place=place,
        briefer_ids=briefers,
        audience=_audience(claims),
        people=tuple(got.people),
        organizations=tuple(got.orgs),
        others=tuple(got.others),
        mentions=tuple(got.mentions),
        claims=tuple(claims),
        events=tuple(events),
        times=tuple(time_objs),
    )


def _parts(
    text: str,
    raw: list[RawClaim],
    ctx: Context,
    *,
    times: Sequence[TimeMatch],
    held: tuple[dt.date, tuple[int, int]] | None,
) -> _Parts:
    """The claims, mentions, time expressions and entities of a report."""
    reg = ctx.registry
    low = folded(text)
    merged = reg.merge_roles()
    if merged:
        for rc in raw:
            if rc.speaker is not None:
                rc.speaker = merged.get(rc.speaker.id, rc.speaker)
            if rc.addressee_entity is not None:
                rc.addressee_entity = merged.get(rc.addressee_entity.id, rc.addressee_entity)
            rc.relays = [(merged.get(e.id, e), span) for e, span in rc.relays]
    time_objs: list[TimeExpression] = []
    for n, t in enumerate(times, 1):
        time_objs.append(
            TimeExpression(
                id=f"t{n}",
                span=Span.of(text, t.start, t.end),
                kind=t.kind,
                start=t.value_start,
                end=t.value_end,
                granularity=t.granularity,
                anchor=t.anchor,
                anchor_date=t.anchor_date,
            )
        )
    held_on = held[0] if held else None
    time_starts = [t.start for t in times]

    mentions: list[Mention] = []
    mention_ids: dict[tuple[int, int, str], str] = {}
    span_of = Span.of
    claims: list[Claim] = []
    # ids for the claims kept: an empty content drops a claim, and with it the
    # claims embedded in it (a parent always comes before its embedded claims)
    ids: dict[int, str] = {}
    for n, rc in enumerate(raw):
        if rc.content[1] > rc.content[0] and (rc.parent is None or rc.parent in ids):
            ids[n] = f"c{len(ids) + 1}"
    prev_said: dict[str, tuple[dt.date, str | None, int]] = {}
    for n, rc in enumerate(raw):
        cid = ids.get(n)
        if cid is None:
            continue
        a, b = rc.content
        ins: list[Insertion] = []
        quotes = rc.quotes
        for x, y in quotes:
            for i0, i1, kind in find_insertions(text, x, y):
                ins.append(
                    Insertion(
                        span=span_of(text, i0, i1),
                        kind=InsertionKind.BRACKET if kind == "bracket" else InsertionKind.ELLIPSIS,
                    )
                )
        parts = rc.parts
        if parts:
            negs, hedges = [], []
            for x, y in parts:
                more_negs, more_hedges = negations_and_hedges_in(text, x, y, low)
                negs += more_negs
                hedges += more_hedges
        else:  # one piece: its own lists
            negs, hedges = negations_and_hedges_in(text, a, b, low)
        said_on, said_time = (
            (None, None) if rc.clause is None else _said_on(rc, times, time_objs, time_starts)
        )
        speaker = rc.speaker
        spk = speaker.id if speaker else None
        top = rc.parent is None
        if said_on is None and spk is not None and spk in prev_said:
            d, tid, para = prev_said[spk]
            if rc.para - para <= 1 and top:
                said_on, said_time = d, tid
        if said_on is None and held_on is not None and top:
            said_on = held_on
        if said_on is not None and spk is not None and top:
            prev_said[spk] = (said_on, said_time, rc.para)
        cue = None
        if rc.cue is not None:
            cue = Cue(
                span=span_of(text, rc.cue[0], rc.cue[1]),
                lemma=rc.lemma,
                parts=_spans(text, rc.cue_parts),
            )
        mid = None
        if rc.mention is not None and speaker is not None:
            m0, m1, mkind = rc.mention
            key = (m0, m1, speaker.id)
            mid = mention_ids.get(key)
            if mid is None:
                mid = mention_ids[key] = f"m{len(mentions) + 1}"
                mentions.append(
                    Mention(id=mid, entity_id=speaker.id, span=span_of(text, m0, m1), kind=mkind)
                )
        claims.append(
            Claim(
                id=cid,
                speaker_id=spk,
                mention_id=mid,
                cue=cue,
                act=rc.act,
                form=rc.form,
                content=span_of(text, a, b),
                content_parts=tuple([span_of(text, x, y) for x, y in parts]) if parts else (),
                quotes=tuple([span_of(text, x, y) for x, y in quotes if y > x]) if quotes else (),
                insertions=tuple(ins),
                polarity=Polarity.NEGATIVE if negs else Polarity.POSITIVE,
                negations=tuple([span_of(text, x, y) for x, y in negs]) if negs else (),
                hedges=tuple([span_of(text, x, y) for x, y in hedges]) if hedges else (),
                said_on=said_on,
                said_on_time_id=said_time,
                addressee=span_of(text, *rc.addressee) if rc.addressee else None,
                addressee_id=rc.addressee_entity.id if rc.addressee_entity else None,
                in_response_to=span_of(text, *rc.in_response_to) if rc.in_response_to else None,
                relayed_by=tuple(
                    [Relay(entity_id=ent.id, span=span_of(text, x, y)) for ent, (x, y) in rc.relays]
                )
                if rc.relays
                else (),
                parent_id=ids[rc.parent] if rc.parent is not None else None,
                framing=_spans(text, rc.framing),
                evidence="continuation" if rc.continuation else "",
            )
        )

    people = [
        Person(
            id=e.id,
            name=e.name,
            aliases=tuple(a for a in e.aliases if a != e.name),
            roles=tuple(Role(title=r) for r in e.roles if r),
        )
        for e in reg.entities
        if e.kind == "person" and e.id not in merged
    ]
    orgs = [
        Organization(id=e.id, name=e.name, kind=e.org_kind, aliases=tuple(e.aliases))
        for e in reg.entities
        if e.kind == "org"
    ]
    others = [
        OtherEntity(id=e.id, name=e.name, kind=e.other_kind, aliases=tuple(e.aliases))
        for e in reg.entities
        if e.kind == "other"
    ]
    return _Parts(
        claims=claims,
        mentions=mentions,
        times=time_objs,
        people=people,
        orgs=orgs,
        others=others,
        low=low,
    )


def _spans(text: str, pairs: Sequence[tuple[int, int]]) -> tuple[Span, ...]:
    """The spans of ``text`` at ``pairs`` (most lists of a claim are empty)."""
    return tuple([Span.of(text, x, y) for x, y in pairs]) if pairs else ()


def _said_on(
    rc: RawClaim,
    times: Sequence[TimeMatch],
    time_objs: list[TimeExpression],
    starts: list[int],
) -> tuple[dt.date | None, str | None]:
    """The date of saying given in the cue's own clause ("said on Monday")."""
    if rc.clause is None:
        return None, None
    lo, hi = rc.clause
    n = bisect_left(starts, lo)
    while n < len(times) and times[n].start <= hi:
        t, obj = times[n], time_objs[n]
        if t.end <= hi + 1 and obj.kind is TimeKind.DATE and obj.start:
            return obj.start, obj.id
        n += 1
    return None, None


def _events(
    text: str,
    claims: list[Claim],
    times: Sequence[TimeMatch],
    time_objs: list[TimeExpression],
    low: str | None,
) -> list[Event]:
    """Event references in each claim's content, with the claim's wording's status."""
    by_span = {(t.start, t.end): obj for t, obj in zip(times, time_objs, strict=True)}
    starts = [t.start for t in times]
    out: list[Event] = []
    for c in claims:
        for piece in c.content_parts or (c.content,):
            if not may_hold_events(text, piece.start, piece.end, low):
                continue  # most pieces: no event noun
            near = times[bisect_left(starts, piece.start) : bisect_left(starts, piece.end)]
            found = read_events(
                text,
                piece.start,
                piece.end,
                times=near,
                negated=c.polarity is Polarity.NEGATIVE,
                hedged=c.hedged,
                low=low,
            )
            for ev in found:
                obj = None if ev.time is None else by_span.get((ev.time.start, ev.time.end))
                out.append(
                    Event(
                        id=f"e{len(out) + 1}",
                        span=Span.of(text, ev.start, ev.end),
                        status=ev.status,
                        time_id=obj.id if obj else None,
                        date=obj.start if obj and obj.kind is TimeKind.DATE else None,
                        claim_ids=(c.id,),
                    )
                )
    return out


def _briefers(claims: list[Claim]) -> tuple[str, ...]:
    counts: dict[str, int] = {}
    for c in claims:
        if c.speaker_id and c.parent_id is None:
            counts[c.speaker_id] = counts.get(c.speaker_id, 0) + 1
    if not counts:
        return ()
    best = max(counts, key=lambda k: counts[k])
    return (best,) if counts[best] >= 2 else ()


def _audience(claims: list[Claim]) -> str | None:
    for c in claims:
        if c.addressee is not None and c.addressee.text.lower() in {"reporters", "journalists"}:
            return c.addressee.text
    return None
