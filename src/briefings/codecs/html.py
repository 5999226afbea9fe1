"""HTML: the source text with its attributions highlighted, for people to read.

>>> import briefings
>>> from briefings.codecs.html import to_html
>>> text = "Peskov said <talks> would resume."
>>> b = briefings.Briefing(
...     document=briefings.Document(text=text),
...     people=(briefings.Person(id="p1", name="Dmitry Peskov"),),
...     mentions=(briefings.Mention(id="m1", entity_id="p1", span=briefings.Span.of(text, 0, 6)),),
...     claims=(briefings.Claim(
...         id="c1", speaker_id="p1", mention_id="m1",
...         cue=briefings.Cue(span=briefings.Span.of(text, 7, 11), lemma="say"),
...         content=briefings.Span.of(text, 12, 32)),),
... )
>>> page = to_html(b)
>>> "&lt;talks&gt;" in page and "<talks>" not in page
True

One self-contained page, in the manner of displaCy: the text with speaker
mentions, cues and contents highlighted (overlapping and nested spans are cut
into segments by a sweep over their boundaries, each segment carrying the
classes of every span over it), a legend, and a list of the claims with
speaker, speech act, form, date and provenance. No scripts, no remote styles,
fonts or images; every piece of text is escaped. Writing only.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import IO

import attrs

from briefings.codecs._registry import Format
from briefings.errors import ValidationError
from briefings.model import Briefing, Claim, Span

__all__ = ["STYLE", "to_html"]

#: The page's inline style sheet.
STYLE = """\
:root { color-scheme: light; }
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  margin: 2rem auto; max-width: 56rem; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.4rem; margin-bottom: .2rem; }
.meta { color: #59636e; margin-top: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; padding: 0;
  list-style: none; }
.legend li { font-size: .85rem; }
.doc { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1;
  border: 1px solid #d1d9e0; border-radius: 6px; padding: 1rem; }
mark { background: none; color: inherit; padding: 0; }
mark.content { background: #fff3bf; border-bottom: 2px solid #f0b400; }
mark.source { background: #c7f0d2; border-radius: 3px; box-shadow: 0 0 0 1px #2da44e; }
mark.cue { background: #dbe9ff; border-radius: 3px; box-shadow: 0 0 0 1px #0969da;
  font-weight: 600; }
mark.boilerplate { color: #8c959f; text-decoration: line-through; }
.tag { font: 600 .62rem/1 ui-monospace, SFMono-Regular, Menlo, monospace;
  vertical-align: super; color: #fff; background: #6e7781; border-radius: 3px;
  padding: 1px 3px; margin: 0 1px; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; font-size: .9rem; }
th, td { border-bottom: 1px solid #d1d9e0; padding: .35rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #f6f8fa; }
td.text { max-width: 28rem; }
.muted { color: #59636e; }
"""

_KINDS = ("content", "source", "cue", "boilerplate")  # nesting order, outermost first
_LEGEND = (
    ("source", "speaker mention"),
    ("cue", "cue"),
    ("content", "content (claim)"),
    ("boilerplate", "page chrome, left out"),
)


@attrs.frozen
class _Mark:
    start: int
    end: int
    kind: str
    claims: tuple[int, ...]  # 1-based claim numbers


_LABELS = {"content": "content", "source": "speaker", "cue": "cue", "boilerplate": "chrome"}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _pieces(span: Span, parts: tuple[Span, ...]) -> tuple[Span, ...]:
    return parts or (span,)


def _marks(briefing: Briefing) -> list[_Mark]:
    numbers = {c.id: n for n, c in enumerate(briefing.claims, start=1)}
    sources: dict[str, list[int]] = {}
    marks: list[_Mark] = []
    for claim in briefing.claims:
        n = numbers[claim.id]
        marks.extend(
            _Mark(p.start, p.end, "content", (n,))
            for p in _pieces(claim.content, claim.content_parts)
        )
        if claim.cue is not None:
            marks.extend(
                _Mark(p.start, p.end, "cue", (n,)) for p in _pieces(claim.cue.span, claim.cue.parts)
            )
        if claim.mention_id is not None:
            sources.setdefault(claim.mention_id, []).append(n)
    for mention in briefing.mentions:
        if mention.id in sources:
            marks.extend(
                _Mark(p.start, p.end, "source", tuple(sources[mention.id]))
                for p in _pieces(mention.span, mention.parts)
            )
    marks.extend(_Mark(s.start, s.end, "boilerplate", ()) for s in briefing.document.boilerplate)
    return [m for m in marks if m.end > m.start]


def _render_text(briefing: Briefing) -> str:
    """The text cut at every span boundary, each segment in one ``<mark>`` with the
    classes of every span over it (a sweep: O(n log n + segments x depth))."""
    text = briefing.document.text
    marks = _marks(briefing)
    starts: dict[int, list[_Mark]] = {}
    ends: dict[int, list[_Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
        ends.setdefault(m.end, []).append(m)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[_Mark, int] = {}
    out: list[str] = []
    for k, pos in enumerate(cuts):
        for m in ends.get(pos, ()):
            active[m] -= 1
            if not active[m]:
                del active[m]
        for m in starts.get(pos, ()):
            active[m] = active.get(m, 0) + 1
            if m.kind == "content":
                out.append(
                    f'<span class="tag" aria-hidden="true">{_e(",".join(map(str, m.claims)))}'
                    "</span>"
                )
        if k + 1 == len(cuts):
            break
        segment = _e(text[pos : cuts[k + 1]])
        if not active:
            out.append(segment)
            continue
        kinds = [kind for kind in _KINDS if any(m.kind == kind for m in active)]
        claims = sorted({n for m in active for n in m.claims})
        title = "; ".join(
            sorted({f"{_LABELS[m.kind]} of claim {n}" for m in active for n in m.claims})
        )
        attrs_ = f' class="{" ".join(kinds)}"'
        if claims:
            attrs_ += f' data-claims="{" ".join(map(str, claims))}" title="{_e(title)}"'
        out.append(f"<mark{attrs_}>{segment}</mark>")
    return "".join(out)


def _speaker(briefing: Briefing, claim: Claim) -> str:
    entity = briefing.speaker(claim)
    if entity is None:
        return '<span class="muted">unknown</span>'
    said = ""
    if claim.mention_id is not None:
        words = briefing.mention(claim.mention_id).span.text
        if words != entity.name:
            said = f' <span class="muted">({_e(words)})</span>'
    return _e(entity.name) + said


def _claims_table(briefing: Briefing) -> str:
    if not briefing.claims:
        return '<p class="muted">No claims.</p>'
    numbers = {c.id: n for n, c in enumerate(briefing.claims, start=1)}
    rows = []
    for n, claim in enumerate(briefing.claims, start=1):
        relays = " → ".join(_e(briefing.entity(r.entity_id).name) for r in claim.relayed_by)
        parent = "" if claim.parent_id is None else f" (in {numbers[claim.parent_id]})"
        cue = "" if claim.cue is None else _e(claim.cue.span.text)
        rows.append(
            f'<tr id="claim-{n}"><td>{n}{parent}</td><td>{_speaker(briefing, claim)}</td>'
            f"<td>{_e(claim.act.value)}</td><td>{_e(claim.form.value)}</td>"
            f"<td>{'' if claim.said_on is None else _e(claim.said_on.isoformat())}</td>"
            f'<td>{cue}</td><td>{relays}</td><td class="text">{_e(claim.text)}</td></tr>'
        )
    head = (
        "<tr><th>#</th><th>speaker</th><th>act</th><th>form</th><th>date</th>"
        "<th>cue</th><th>relayed by</th><th>content</th></tr>"
    )
    return f"<table>\n<thead>{head}</thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def to_html(briefing: Briefing, *, title: str | None = None) -> str:
    """One self-contained HTML page showing ``briefing``."""
    doc = briefing.document
    heading = title or doc.title or "Briefing"
    meta = [
        value
        for value in (
            doc.outlet,
            None if doc.published is None else f"published {doc.published.isoformat()}",
            None if briefing.held_on is None else f"held on {briefing.held_on.isoformat()}",
            f"{len(briefing.claims)} claim{'s' if len(briefing.claims) != 1 else ''}",
        )
        if value
    ]
    legend = "".join(f'<li><mark class="{kind}">{_e(label)}</mark></li>' for kind, label in _LEGEND)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="' + _e(doc.language or "en") + '">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{_e(heading)}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{_e(heading)}</h1>\n"
        f'<p class="meta">{_e(" · ".join(meta))}</p>\n'
        f'<ul class="legend">{legend}<li><span class="tag">n</span> claim number</li></ul>\n'
        f'<div class="doc">{_render_text(briefing)}</div>\n'
        f"<h2>Claims</h2>\n{_claims_table(briefing)}\n"
        "</body>\n</html>\n"
    )


def _write(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    items = list(briefings)
    if len(items) != 1:
        raise ValidationError(
            f"HTML holds exactly one briefing, got {len(items)}; give --out DIR", "$"
        )
    stream.write(to_html(items[0]))


FORMAT = Format(
    name="html",
    suffixes=(".html", ".htm"),
    description="a self-contained HTML page highlighting speakers, cues and contents",
    write=_write,
)
