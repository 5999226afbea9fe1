"""Score attributions against PolNeAR/PARC-style brat gold.

>>> from briefings.evaluate import Attribution, score_document
>>> text = 'He said "we will win" today.'
>>> gold = [Attribution(content=((8, 21),), source=((0, 2),), cue=((3, 7),))]
>>> pred = [Attribution(content=((9, 20),), source=((0, 2),), cue=())]
>>> counts = score_document(text, gold, pred)
>>> counts.match, counts.source_ok, counts.cue_ok, counts.exact
(1, 1, 0, 0)

An item is one attribution: its content, source and cue spans (each a tuple of
``(start, end)`` fragments). A predicted item *matches* a gold item when their
contents share at least half of the characters of the longer of the two; each
item is matched at most once, largest overlap first. Over the matched pairs:

* **content** P/R/F1: matched items over predicted / gold items;
* **exact content** P/R/F1: items whose content covers exactly the same characters
  (matched one to one, separately);
* **source accuracy**: the share of matched pairs whose sources overlap (or are
  both absent); **cue accuracy** likewise for cues;
* **end-to-end** P/R/F1: matched *and* the source overlaps.

Everything is reported for all attributions and for the *direct* subset
(attributions whose content holds a quotation mark, judged separately on each
side). These are the rules, and the figures, of the project's shared scorer
(``attribution_score.py``): an ``E`` line's role written twice (``Content``,
``Content2``) counts as its last occurrence, as there.

Gold is a folder in the PolNeAR layout (``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann``; the first annotator file in name order is
used) or a flat folder of ``NAME.txt`` with ``NAME.ann``; predictions are a folder
of ``NAME.ann`` (a document without one counts as predicting nothing).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from briefings.errors import BriefingsError
from briefings.model import Briefing

__all__ = [
    "QUOTE_MARKS",
    "Attribution",
    "Counts",
    "Report",
    "attributions_of",
    "evaluate",
    "read_attributions",
    "score_document",
]

#: The characters that make an attribution *direct*.
QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')

Fragments = tuple[tuple[int, int], ...]
_ROLE_NUMBER = re.compile(r"\d+$")


@attrs.frozen(kw_only=True)
class Attribution:
    """One attribution as the scorer sees it: fragments of content, source and cue."""

    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()


@attrs.frozen(kw_only=True)
class Counts:
    """Tallies over some documents; add them up with ``+``."""

    gold: int = 0
    pred: int = 0
    match: int = 0
    source_ok: int = 0
    cue_ok: int = 0
    exact: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in attrs.fields(Counts)}
        )


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@attrs.frozen(kw_only=True)
class Report:
    """Scores of one subset (all attributions, or the direct ones)."""

    counts: Counts
    docs_without_prediction: int = 0

    @property
    def content(self) -> tuple[float, float, float]:
        """Content precision, recall, F1 (overlap match)."""
        return _prf(self.counts.match, self.counts.pred, self.counts.gold)

    @property
    def content_exact(self) -> tuple[float, float, float]:
        """Content precision, recall, F1 counting only exact matches."""
        return _prf(self.counts.exact, self.counts.pred, self.counts.gold)

    @property
    def end_to_end(self) -> tuple[float, float, float]:
        """Precision, recall, F1 of items matched with an overlapping source."""
        return _prf(self.counts.source_ok, self.counts.pred, self.counts.gold)

    @property
    def source_accuracy(self) -> float:
        """Share of matched items whose source overlaps the gold source."""
        return self.counts.source_ok / self.counts.match if self.counts.match else 0.0

    @property
    def cue_accuracy(self) -> float:
        """Share of matched items whose cue overlaps the gold cue."""
        return self.counts.cue_ok / self.counts.match if self.counts.match else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The figures rounded to 4 places, under the shared scorer's keys (and a few more)."""
        c = self.counts
        cp, cr, cf = (round(x, 4) for x in self.content)
        ep, er, ef = (round(x, 4) for x in self.end_to_end)
        xp, xr, xf = (round(x, 4) for x in self.content_exact)
        return {
            "gold": c.gold,
            "pred": c.pred,
            "match": c.match,
            "src_ok": c.source_ok,
            "content_p": cp,
            "content_r": cr,
            "content_f1": cf,
            "source_acc": round(self.source_accuracy, 4),
            "e2e_p": ep,
            "e2e_r": er,
            "e2e_f1": ef,
            "docs_without_prediction": self.docs_without_prediction,
            "cue_ok": c.cue_ok,
            "cue_acc": round(self.cue_accuracy, 4),
            "exact": c.exact,
            "content_exact_p": xp,
            "content_exact_r": xr,
            "content_exact_f1": xf,
        }

    def line(self, name: str) -> str:
        """One human-readable line, as the shared scorer's ``--line`` prints it (from the
        figures rounded to 4 places), plus cue accuracy and exact content F1."""
        d = self.to_dict()
        return (
            f"{name}: content P/R/F1 {d['content_p']:.3f}/{d['content_r']:.3f}/"
            f"{d['content_f1']:.3f}  source acc {d['source_acc']:.3f}  e2e F1 {d['e2e_f1']:.3f}"
            f"  (gold {d['gold']}, pred {d['pred']}, missing docs {d['docs_without_prediction']})"
            f"  cue acc {d['cue_acc']:.3f}  exact content F1 {d['content_exact_f1']:.3f}"
        )


# --------------------------------------------------------------------------- reading


def read_attributions(ann: str) -> list[Attribution]:
    """The attributions of a ``.ann`` text, read leniently as the shared scorer reads them.

    ``T`` lines give spans, ``E`` lines tie roles to them (``Source2`` is
    ``Source``; a role given twice keeps its last value); lines of other kinds,
    and text continuation lines, are skipped; an ``E`` line without a content is
    not an attribution.
    """
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        ann_id, tab, rest = line.partition("\t")
        if not tab:
            continue
        if ann_id.startswith("T"):
            frags = _fragments(rest.partition("\t")[0].partition(" ")[2])
            if frags is not None:
                spans[ann_id] = frags
        elif ann_id.startswith("E"):
            roles: dict[str, str] = {}
            for arg in rest.partition("\t")[0].split():
                role, _, ref = arg.partition(":")
                roles[_ROLE_NUMBER.sub("", role)] = ref
            events.append(roles)
    out: list[Attribution] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), ())
        if content:
            out.append(
                Attribution(
                    content=content,
                    source=spans.get(roles.get("Source", ""), ()),
                    cue=spans.get(roles.get("Cue", ""), ()),
                )
            )
    return out


def _fragments(offsets: str) -> Fragments | None:
    frags: list[tuple[int, int]] = []
    for frag in offsets.split(";"):
        pair = frag.split()
        if len(pair) != 2 or not all(p.isdigit() for p in pair):
            return None
        frags.append((int(pair[0]), int(pair[1])))
    return tuple(frags)


def attributions_of(briefing: Briefing) -> list[Attribution]:
    """The attributions of ``briefing``'s claims, as its brat standoff gives them."""
    from briefings.codecs.brat import dumps

    return read_attributions(dumps(briefing))


# --------------------------------------------------------------------------- scoring


def _chars(frags: Fragments) -> set[int]:
    out: set[int] = set()
    for a, b in frags:
        out.update(range(a, b))
    return out


def _direct(text: str, frags: Fragments) -> bool:
    return any(ch in QUOTE_MARKS for a, b in frags for ch in text[a:b])


def _agree(gold: Fragments, pred: Fragments) -> bool:
    g, p = _chars(gold), _chars(pred)
    return (not g and not p) or bool(g & p)


def score_document(
    text: str,
    gold: Sequence[Attribution],
    pred: Sequence[Attribution],
    *,
    direct_only: bool = False,
) -> Counts:
    """The tallies for one document (``direct_only``: the direct subset)."""
    if direct_only:
        gold = [g for g in gold if _direct(text, g.content)]
        pred = [p for p in pred if _direct(text, p.content)]
    gsets = [_chars(g.content) for g in gold]
    psets = [_chars(p.content) for p in pred]
    candidates: list[tuple[int, int, int]] = []
    for i, ps in enumerate(psets):
        for j, gs in enumerate(gsets):
            inter = len(ps & gs)
            if inter and inter * 2 >= max(len(ps), len(gs)):
                candidates.append((inter, i, j))
    candidates.sort(reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    exact_pool: dict[frozenset[int], int] = {}
    for gs in gsets:
        key = frozenset(gs)
        exact_pool[key] = exact_pool.get(key, 0) + 1
    exact = 0
    for ps in psets:
        key = frozenset(ps)
        if exact_pool.get(key, 0):
            exact_pool[key] -= 1
            exact += 1
    return Counts(
        gold=len(gold),
        pred=len(pred),
        match=len(pairs),
        source_ok=sum(_agree(gold[j].source, pred[i].source) for i, j in pairs),
        cue_ok=sum(_agree(gold[j].cue, pred[i].cue) for i, j in pairs),
        exact=exact,
    )


# --------------------------------------------------------------------------- folders


def _gold_documents(gold: Path) -> Iterable[tuple[str, Path, Path]]:
    """``(name, text file, gold .ann)`` for each gold document, in name order."""
    if (gold / "text").is_dir() and (gold / "attributions").is_dir():
        anns = sorted((gold / "attributions").glob("*.ann"))
        by_name: dict[str, Path] = {}
        for ann in anns:
            by_name.setdefault(ann.stem.rsplit("_", 1)[0], ann)
        for text in sorted((gold / "text").glob("*.txt")):
            if text.stem in by_name:
                yield text.stem, text, by_name[text.stem]
        return
    for ann in sorted(gold.glob("*.ann")):
        text = ann.with_suffix(".txt")
        if text.is_file():
            yield ann.stem, text, ann


def evaluate(gold: str | Path, pred: str | Path) -> dict[str, Report]:
    """Score the predictions in folder ``pred`` against the gold folder ``gold``.

    Returns ``{"all": Report, "direct": Report}``. Raises
    :class:`~briefings.errors.BriefingsError` when a folder is missing or the
    gold folder holds no document.
    """
    gold, pred = Path(gold), Path(pred)
    for what, path in (("gold", gold), ("prediction", pred)):
        if not path.is_dir():
            raise BriefingsError(f"{what} folder not found: {path}")
    docs = list(_gold_documents(gold))
    if not docs:
        raise BriefingsError(
            f"no gold documents in {gold} (expected text/NAME.txt with "
            "attributions/NAME_ANNOTATOR.ann, or NAME.txt with NAME.ann)"
        )
    totals = {"all": Counts(), "direct": Counts()}
    missing = 0
    for name, text_file, gold_file in docs:
        text = text_file.read_text(encoding="utf-8")
        gold_items = read_attributions(gold_file.read_text(encoding="utf-8"))
        pred_file = pred / f"{name}.ann"
        if pred_file.is_file():
            pred_items = read_attributions(pred_file.read_text(encoding="utf-8"))
        else:
            pred_items, missing = [], missing + 1
        for subset in totals:
            totals[subset] += score_document(
                text, gold_items, pred_items, direct_only=subset == "direct"
            )
    return {
        subset: Report(counts=counts, docs_without_prediction=missing)
        for subset, counts in totals.items()
    }
