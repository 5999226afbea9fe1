"""brat standoff in the PolNeAR attribution schema.

Each claim becomes up to three text-bound annotations, ``Source`` (the speaker's
mention), ``Cue`` and ``Content``, an ``Attribution`` trigger (on the cue, else the
source, else the content) and an event line tying them together::

    T1	Source 0 6	Peskov
    T2	Cue 7 11	said
    T3	Content 12 40	talks would resume next week
    T4	Attribution 7 11	said
    E1	Attribution:T4 Content:T3 Cue:T2 Source:T1

Discontinuous spans are written as brat fragments (``12 20;31 40``); a fragment
never crosses a line break (brat's rule), so spans over several lines are cut at
line breaks, and whitespace-only pieces are dropped. The text itself lives in a
separate ``NAME.txt`` file; ``briefings parse --to brat --out DIR NAME.txt`` writes
``DIR/NAME.ann``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import IO

from briefings.codecs._registry import Format
from briefings.model import Briefing, Span

__all__ = ["dumps"]


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

    for claim in briefing.claims:
        content = add("Content", claim.content_parts or (claim.content,))
        if content is None:
            continue
        roles = [f"Content:{content}"]
        trigger_spans: Sequence[Span] = (claim.content,)
        if claim.cue is not None:
            cue_spans = claim.cue.parts or (claim.cue.span,)
            cue = add("Cue", cue_spans)
            if cue is not None:
                roles.append(f"Cue:{cue}")
                trigger_spans = cue_spans
        if claim.mention_id is not None:
            mention = briefing.mention(claim.mention_id)
            source_spans = mention.parts or (mention.span,)
            source = add("Source", source_spans)
            if source is not None:
                roles.append(f"Source:{source}")
                if claim.cue is None:
                    trigger_spans = source_spans
        trigger = add("Attribution", trigger_spans)
        counter["E"] += 1
        lines.append(f"E{counter['E']}\tAttribution:{trigger} {' '.join(roles)}")
    return "".join(line + "\n" for line in lines)


def _write(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    for briefing in briefings:
        stream.write(dumps(briefing))


FORMAT = Format(
    name="brat",
    suffixes=(".ann",),
    description="brat standoff, PolNeAR attribution schema (Source, Cue, Content)",
    write=_write,
)
