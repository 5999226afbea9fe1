"""brat standoff in the PolNeAR attribution schema.

Each claim becomes up to three text-bound annotations, ``Source`` (the speaker's
mention), ``Cue`` and ``Content``, an ``Attribution`` trigger (on the cue, else the
source, else the content) and an event line tying them together::

    T1	Source 0 6	Peskov
    T2	Cue 7 11	said
    T3	Content 12 40	talks would resume next week
    T4	Attribution 7 11	said
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

A claim passed on "according to" someone (``"C," Ann Lee said, according to a
pool report``) is written as PolNeAR annotates it: the relay is the ``Source`` and
``according to`` the ``Cue`` (the model keeps Ann Lee as the speaker and the
report in ``relayed_by``).

Claims in a row that share their cue and their source's mention (a speaker's
two quotes introduced by one ``said``) are one attribution with repeated content
roles, brat-style: ``E1	Attribution:T4 Content:T3 Cue:T2 Source:T1 Content2:T5``;
so are claims in a row that share their cue and write no ``Source`` (no mention,
or a mention over blanks only), since they read back alike.
Discontinuous spans are written as brat fragments (``12 20;31 40``); a fragment
never crosses a line break (brat's rule), so spans over several lines are cut at
line breaks, and whitespace-only pieces are dropped. The text itself lives in a
separate ``NAME.txt`` file; ``briefings parse --to brat --out DIR NAME.txt`` writes
``DIR/NAME.ann``.

Reading (:func:`loads`, ``briefings convert --from brat --text NAME.txt NAME.ann``)
takes the ``.ann`` text and the source text and builds a :class:`Briefing`: one
claim per ``Content`` argument of an ``E`` line (``Content2`` is a second claim
with the same source and cue; ``Source2``, ``Cue2``... add fragments to the
role), its ``Source`` a mention of an entity (one
:class:`OtherEntity` per distinct source wording; each pronoun its own), its
``Cue`` the claim's cue (lemma and speech act from the reporting-verb lexicon).
Discontinuous spans (``10 20;30 40``, fragments in any order) are kept as
``content_parts``, ``Cue.parts`` and ``Mention.parts``; ``Discard`` spans become
the document's boilerplate; ``A``, ``M``, ``R``, ``N``, ``*`` and ``#`` lines and
other labels are read and ignored. A text field whose span covers line breaks
continues on the following lines (as PolNeAR writes it). A claim whose content
(and cue) lies inside another claim's content is embedded in the smallest such
claim. Malformed lines raise :class:`~briefings.errors.DecodeError` with the line
number: bad offsets, offsets past the end of the text, a text field that is not
the text at its offsets, duplicate ids, references to undefined annotations.

>>> text = "Peskov said talks would resume."
>>> ann = (
...     "T1\\tSource 0 6\\tPeskov\\n"
...     "T2\\tCue 7 11\\tsaid\\n"
...     "T3\\tContent 12 30\\ttalks would resume\\n"
...     "E1\\tAttribution:T2 Content:T3 Cue:T2 Source:T1\\n"
... )
>>> b = loads(ann, text)
>>> b.claims[0].content.text, b.speaker(b.claims[0]).name, b.claims[0].cue.lemma
('talks would resume', 'Peskov', 'say')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import IO

import attrs

from briefings.codecs._registry import Format
from briefings.errors import DecodeError
from briefings.model import (
    Briefing,
    Claim,
    Cue,
    Document,
    Form,
    Mention,
    MentionKind,
    OtherEntity,
    OtherKind,
    Span,
    SpeechAct,
)

__all__ = ["dumps", "loads"]


def _fragments(text: str, spans: Sequence[Span]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for span in spans:
        start = span.start
        while start < span.end:
            stop = text.find("\n", start, span.end)
            stop = span.end if stop < 0 else stop
            piece = text[start:stop]
            left = len(piece) - len(piece.lstrip())
            right = len(piece.rstrip())
            if right > left:
                out.append((start + left, start + right))
            start = stop + 1
    return out


def dumps(briefing: Briefing) -> str:
    """The ``.ann`` text for ``briefing``'s claims (embedded claims included)."""
    text = briefing.document.text
    lines: list[str] = []
    counter = {"T": 0, "E": 0}

    def add(label: str, spans: Sequence[Span]) -> str | None:
        frags = _fragments(text, spans)
        if not frags:
            return None
        counter["T"] += 1
        tid = f"T{counter['T']}"
        offsets = ";".join(f"{a} {b}" for a, b in frags)
        surface = " ".join(text[a:b] for a, b in frags)
        lines.append(f"{tid}\t{label} {offsets}\t{surface}")
        return tid

    last: tuple[Claim, int, int] | None = None  # claim, index of its E line, contents
    for claim in briefing.claims:
        content = add("Content", claim.content_parts or (claim.content,))
        if content is None:
            continue
        if last is not None and _same_attribution(briefing, last[0], claim):
            # one cue, one source, several contents: brat's repeated role
            _, at, n = last
            lines[at] += f" Content{n + 1}:{content}"
            last = (claim, at, n + 1)
            continue
        roles = [f"Content:{content}"]
        trigger_spans: Sequence[Span] = claim.content_parts or (claim.content,)
        cue_spans, source_spans, _ = _roles(briefing, claim)
        if cue_spans:
            cue = add("Cue", cue_spans)
            if cue is not None:
                roles.append(f"Cue:{cue}")
                trigger_spans = cue_spans
        if source_spans:
            source = add("Source", source_spans)
            if source is not None:
                if len(roles) == 1:  # no cue written (none, or blanks only)
                    trigger_spans = source_spans
                roles.append(f"Source:{source}")
        trigger = add("Attribution", trigger_spans)
        counter["E"] += 1
        lines.append(f"E{counter['E']}\tAttribution:{trigger} {' '.join(roles)}")
        last = (claim, len(lines) - 1, 1)
    return "".join(line + "\n" for line in lines)


_ACCORDING_TO = re.compile(r"\baccording\s+to\s+\Z", re.IGNORECASE)


def _roles(briefing: Briefing, claim: Claim) -> tuple[Sequence[Span], Sequence[Span], str | None]:
    """The spans written as the claim's ``Cue`` and ``Source``, and what the source
    is (a mention's id, or a relay's entity): its cue and its speaker's mention, or,
    for words passed on "according to" someone, that phrase and the relay
    (PolNeAR's reading)."""
    text = briefing.document.text
    for relay in reversed(claim.relayed_by):
        span = relay.span
        if span is None:
            continue
        m = _ACCORDING_TO.search(text, max(0, span.start - 40), span.start)
        if m is not None:
            cue = Span.of(text, m.start(), m.start() + len(m.group().rstrip()))
            return (cue,), (span,), f"relay {relay.entity_id}"
    cue_spans: Sequence[Span] = ()
    if claim.cue is not None:
        cue_spans = claim.cue.parts or (claim.cue.span,)
    source_spans: Sequence[Span] = ()
    if claim.mention_id is not None:
        mention = briefing.mention(claim.mention_id)
        source_spans = mention.parts or (mention.span,)
    return cue_spans, source_spans, claim.mention_id


def _same_attribution(briefing: Briefing, first: Claim, second: Claim) -> bool:
    """Whether two claims in a row are written as one attribution: the same cue
    (as written) and the same source, or both no source as written (a mention over
    blanks only writes nothing, and reads back as no mention)."""
    text = briefing.document.text
    (cue1, src1, who1), (cue2, src2, who2) = _roles(briefing, first), _roles(briefing, second)
    cue = _fragments(text, cue1)
    if not cue or cue != _fragments(text, cue2):
        return False
    sources = [_fragments(text, src1), _fragments(text, src2)]
    if not sources[0] and not sources[1]:
        return True
    return bool(sources[0]) and who1 == who2


def _write(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    for briefing in briefings:
        stream.write(dumps(briefing))


# --------------------------------------------------------------------------- reading

_PRONOUNS = frozenset(
    {
        *("i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his"),
        *("she", "her", "it", "its", "they", "them", "their", "himself", "herself"),
        *("itself", "themselves"),
    }
)
_OPEN_QUOTES = '"“„«‘'
_CLOSE_QUOTES = {
    '"': '"',
    "“": "”",
    "„": "“”",
    "«": "»",
    "‘": "’",
}
_QUOTE_MARKS = frozenset('"“”„«»')
_ID = re.compile(r"[TEARMN*#][A-Za-z0-9_-]*")
_WORD = re.compile(r"[A-Za-z]+")


@attrs.frozen
class _TextBound:
    line: int
    label: str
    frags: tuple[tuple[int, int], ...]


@attrs.frozen
class _EventLine:
    line: int
    roles: tuple[tuple[str, str], ...]  # (role without digits, annotation id)


class _Lines:
    """The ``.ann`` text split into lines, with each line's offset for errors."""

    def __init__(self, ann: str, text: str) -> None:
        self.ann = ann
        self.lines = ann.split("\n")
        self.starts: list[int] = []
        pos = 0
        for line in self.lines:
            self.starts.append(pos)
            pos += len(line) + 1
        if "\r\n" in ann and "\r" not in text:
            self.lines = [line.removesuffix("\r") for line in self.lines]

    def error(self, index: int, message: str, column: int = 0) -> DecodeError:
        return DecodeError(message, self.ann, self.starts[index] + column)


def _offsets(
    lines: _Lines, index: int, head: str, text: str
) -> tuple[str, tuple[tuple[int, int], ...]]:
    label, _, offsets = head.partition(" ")
    if not label or not offsets:
        raise lines.error(index, f"expected 'LABEL START END' after the id, got {head!r}")
    frags: list[tuple[int, int]] = []
    for frag in offsets.split(";"):
        pair = frag.split()
        if len(pair) != 2 or not all(p.isascii() and p.isdigit() for p in pair):
            raise lines.error(index, f"bad offsets {frag.strip()!r}: expected 'START END'")
        start, end = int(pair[0]), int(pair[1])
        if end < start:
            raise lines.error(index, f"offsets {start} {end} end before they start")
        if end > len(text):
            raise lines.error(
                index,
                f"offsets {start} {end} run past the end of the text ({len(text)} characters)",
            )
        frags.append((start, end))
    return label, tuple(frags)


def _parse_lines(ann: str, text: str) -> tuple[dict[str, _TextBound], list[_EventLine]]:
    lines = _Lines(ann, text)
    bounds: dict[str, _TextBound] = {}
    events: list[_EventLine] = []
    seen: set[str] = set()
    i = 0
    while i < len(lines.lines):
        index, line = i, lines.lines[i]
        i += 1
        if not line.strip():
            continue
        ann_id, tab, rest = line.partition("\t")
        if not tab or not _ID.fullmatch(ann_id):
            raise lines.error(index, f"not a brat annotation line: {line[:40]!r}")
        kind = ann_id[0]
        if kind == "#":  # notes may repeat their id
            continue
        if ann_id in seen:
            raise lines.error(index, f"duplicate annotation id {ann_id!r}")
        seen.add(ann_id)
        if kind == "T":
            head, tab, field = rest.partition("\t")
            label, frags = _offsets(lines, index, head, text)
            surface = " ".join(text[a:b] for a, b in frags)
            if tab:
                breaks = surface.count("\n")
                if breaks:
                    field = "\n".join([field, *lines.lines[i : i + breaks]])
                if field != surface:
                    raise lines.error(
                        index,
                        f"the text of {ann_id} is {field[:40]!r} but the text at its "
                        f"offsets is {surface[:40]!r}",
                    )
                i += breaks
            bounds[ann_id] = _TextBound(line=index, label=label, frags=frags)
        elif kind == "E":
            roles: list[tuple[str, str]] = []
            for arg in rest.split("\t", 1)[0].split():
                role, colon, ref = arg.partition(":")
                if not colon or not role or not ref:
                    raise lines.error(index, f"bad event argument {arg!r}: expected 'ROLE:ID'")
                roles.append((role.rstrip("0123456789") or role, ref))
            if not roles:
                raise lines.error(index, "an event line needs at least its trigger")
            events.append(_EventLine(line=index, roles=tuple(roles)))
        # A, M, R, N, * lines: tolerated, not modelled
    for event in events:
        for _role, ref in event.roles:
            if ref not in bounds:
                raise lines.error(event.line, f"no text-bound annotation has id {ref!r}")
    return bounds, events


def _spans(text: str, frags: Sequence[tuple[int, int]]) -> tuple[Span, tuple[Span, ...]]:
    hull = Span.of(text, min(a for a, _ in frags), max(b for _, b in frags))
    parts = tuple(Span.of(text, a, b) for a, b in frags) if len(frags) > 1 else ()
    return hull, parts


def _lemma_act(words: str) -> tuple[str, SpeechAct]:
    """The cue's lemma and speech act from the reporting-verb lexicon (its first
    known verb), else its last word and a plain statement."""
    from briefings.text._cues import BELIEF_FORMS, SPEECH_FORMS

    tokens = [w.lower() for w in _WORD.findall(words)]
    for token in tokens:
        if token in SPEECH_FORMS:
            return SPEECH_FORMS[token]
        if token in BELIEF_FORMS:
            return BELIEF_FORMS[token]
    return (tokens[-1] if tokens else words.strip().lower() or "?"), SpeechAct.STATEMENT


def _quotes(text: str, parts: Sequence[Span]) -> tuple[Span, ...]:
    """Stretches inside matching quotation marks, one linear scan per part."""
    found: list[Span] = []
    for part in parts:
        opened, closers = -1, ""
        for k in range(part.start, part.end):
            ch = text[k]
            if opened < 0:
                if ch in _OPEN_QUOTES:
                    opened, closers = k, _CLOSE_QUOTES[ch]
            elif ch in closers:
                found.append(Span.of(text, opened, k + 1))
                opened = -1
    return tuple(found)


def _form(parts: Sequence[Span], quotes: Sequence[Span]) -> Form:
    if not any(ch in _QUOTE_MARKS for p in parts for ch in p.text):
        return Form.INDIRECT
    quoted = sum(len(q) for q in quotes)
    words = sum(len(p.text.strip(" \t\n,.;:")) for p in parts)
    return Form.DIRECT if quotes and quoted >= words else Form.MIXED


def _covers(outer: Sequence[tuple[int, int]], inner: Sequence[tuple[int, int]]) -> bool:
    return all(any(a <= s and e <= b for a, b in outer) for s, e in inner)


def _size(frags: Sequence[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for a, b in sorted(frags):
        begin = max(a, reach)
        if b > begin:
            total += b - begin
            reach = b
    return total


def _mention(
    text: str, frags: Sequence[tuple[int, int]], entities: dict[str, OtherEntity], n: int
) -> Mention:
    """The mention ``m{n}`` of a source, and its entity (added to ``entities``):
    one per distinct wording, case-folded, but one per mention for a pronoun."""
    span, parts = _spans(text, frags)
    words = " ".join(text[a:b] for a, b in frags).split()
    name = " ".join(words) or span.text or "?"
    pronoun = len(words) == 1 and words[0].lower() in _PRONOUNS
    key = f"{n}" if pronoun else name.casefold()
    if key not in entities:
        entities[key] = OtherEntity(id=f"s{len(entities) + 1}", name=name, kind=OtherKind.OTHER)
    return Mention(
        id=f"m{n}",
        entity_id=entities[key].id,
        span=span,
        kind=MentionKind.PRONOUN if pronoun else MentionKind.OTHER,
        parts=parts,
    )


def _claim(
    text: str,
    claim_id: str,
    content: Sequence[tuple[int, int]],
    cue: Sequence[tuple[int, int]] | None,
    mention: Mention | None,
) -> Claim:
    hull, parts = _spans(text, content)
    pieces = parts or (hull,)
    quotes = _quotes(text, pieces)
    found_cue: Cue | None = None
    act = SpeechAct.STATEMENT
    if cue:
        span, cue_parts = _spans(text, cue)
        lemma, act = _lemma_act(" ".join(text[a:b] for a, b in cue))
        found_cue = Cue(span=span, lemma=lemma, parts=cue_parts)
    return Claim(
        id=claim_id,
        speaker_id=None if mention is None else mention.entity_id,
        mention_id=None if mention is None else mention.id,
        cue=found_cue,
        act=act,
        form=_form(pieces, quotes),
        content=hull,
        content_parts=parts,
        quotes=quotes,
    )


def loads(ann: str, text: str) -> Briefing:
    """A :class:`Briefing` from brat standoff ``ann`` over the source ``text``.

    Raises :class:`~briefings.errors.DecodeError` (with the line number) for a
    malformed line; see the module docstring for what is read.
    """
    bounds, events = _parse_lines(ann, text)
    entities: dict[str, OtherEntity] = {}
    mentions: dict[str, Mention] = {}
    drafts: list[Claim] = []
    claim_frags: list[tuple[tuple[int, int], ...]] = []
    cue_frags: list[tuple[tuple[int, int], ...]] = []
    for event in events:
        roles: dict[str, list[tuple[int, int]]] = {}
        sources: list[str] = []
        for role, ref in event.roles[1:]:
            roles.setdefault(role, []).extend(bounds[ref].frags)
            if role == "Source":
                sources.append(ref)
        contents = [bounds[ref].frags for role, ref in event.roles[1:] if role == "Content"]
        if not contents:
            continue
        mention: Mention | None = None
        if "Source" in roles:
            key = "+".join(sources)
            if key not in mentions:
                mentions[key] = _mention(text, roles["Source"], entities, len(mentions) + 1)
            mention = mentions[key]
        for content in contents:
            drafts.append(_claim(text, f"c{len(drafts) + 1}", content, roles.get("Cue"), mention))
            claim_frags.append(tuple(content))
            cue_frags.append(tuple(roles.get("Cue", ())))
    sizes = [_size(f) for f in claim_frags]
    claims: list[Claim] = []
    for k, draft in enumerate(drafts):
        inner = claim_frags[k] + cue_frags[k]
        parents = [
            j
            for j in range(len(drafts))
            if j != k and sizes[j] > sizes[k] and _covers(claim_frags[j], inner)
        ]
        parent = min(parents, key=lambda j: (sizes[j], j), default=None)
        claims.append(draft if parent is None else attrs.evolve(draft, parent_id=drafts[parent].id))
    boilerplate = tuple(
        Span.of(text, a, b) for t in bounds.values() if t.label == "Discard" for a, b in t.frags
    )
    return Briefing(
        document=Document(text=text, boilerplate=boilerplate),
        others=tuple(entities.values()),
        mentions=tuple(mentions.values()),
        claims=tuple(claims),
    )


def _read(stream: IO[str], *, text: str | None = None) -> Iterable[Briefing]:
    if text is None:
        raise DecodeError("brat standoff needs its source text (--text NAME.txt)")
    yield loads(stream.read(), text)


FORMAT = Format(
    name="brat",
    suffixes=(".ann",),
    description="brat standoff, PolNeAR attribution schema (Source, Cue, Content)",
    write=_write,
    read=_read,
)
