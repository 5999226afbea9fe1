"""Attribution scoring: the rules, and agreement with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
import random
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefings.cli import main
from briefings.evaluate import (
    Attribution,
    Counts,
    attributions_of,
    evaluate,
    read_attributions,
    score_document,
)

TEXT = 'Smith said "the deal is off" on Monday, and Jones added that it was not.'


def test_half_overlap_matches_and_a_smaller_one_does_not() -> None:
    gold = [Attribution(content=((11, 28),), source=((0, 5),), cue=((6, 10),))]
    assert score_document(TEXT, gold, [Attribution(content=((11, 20),))]).match == 1  # 9 of 17
    assert score_document(TEXT, gold, [Attribution(content=((11, 19),))]).match == 0  # 8 of 17


def test_each_item_is_matched_once_largest_overlap_first() -> None:
    gold = [Attribution(content=((0, 10),)), Attribution(content=((0, 12),))]
    pred = [Attribution(content=((0, 12),))]
    counts = score_document(TEXT, gold, pred)
    assert counts == Counts(gold=2, pred=1, match=1, source_ok=1, cue_ok=1, exact=1)


def test_source_and_cue_agree_when_they_overlap_or_are_both_absent() -> None:
    gold = [
        Attribution(content=((11, 28),), source=((0, 5),), cue=((6, 10),)),
        Attribution(content=((60, 71),), source=((44, 49),)),
    ]
    pred = [
        Attribution(content=((11, 28),), source=((2, 3),), cue=()),
        Attribution(content=((60, 71),), source=(), cue=()),
    ]
    counts = score_document(TEXT, gold, pred)
    assert (counts.match, counts.source_ok, counts.cue_ok) == (2, 1, 1)


def test_direct_subset_keeps_contents_with_a_quotation_mark() -> None:
    gold = [Attribution(content=((11, 28),)), Attribution(content=((60, 71),))]
    counts = score_document(TEXT, gold, gold, direct_only=True)
    assert (counts.gold, counts.pred, counts.match) == (1, 1, 1)


def test_read_attributions_like_the_scorer() -> None:
    ann = (
        "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;21 28\tx\n"
        "continued text\tthat looks odd\n"
        "T4\tContent 44 49\tJones\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1 Content2:T4\n"
        "E2\tAttribution:T2 Cue:T2\n"
        "#1\tAnnotatorNotes T1\tnote\n"
    )
    assert read_attributions(ann) == [
        Attribution(content=((44, 49),), source=((0, 5),), cue=((6, 10),))
    ]


def test_attributions_of_a_briefing() -> None:
    from briefings.codecs.brat import loads

    ann = (
        'T1\tSource 0 5\tSmith\nT2\tContent 11 28\t"the deal is off"\nE1\tX:T2 Content:T2 Source:T1'
    )
    assert attributions_of(loads(ann, TEXT)) == [Attribution(content=((11, 28),), source=((0, 5),))]


def write_doc(folder: Path, name: str, text: str, ann: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8")


def test_flat_folders_and_missing_predictions(tmp_path: Path) -> None:
    ann = "T1\tContent 11 28\tx\nE1\tAttribution:T1 Content:T1\n"
    write_doc(tmp_path / "gold", "a", TEXT, ann)
    write_doc(tmp_path / "gold", "b", TEXT, ann)
    write_doc(tmp_path / "pred", "a", TEXT, ann)
    reports = evaluate(tmp_path / "gold", tmp_path / "pred")
    r = reports["all"]
    assert (r.counts.gold, r.counts.pred, r.counts.match, r.docs_without_prediction) == (2, 1, 1, 1)
    assert r.content == (1.0, 0.5, pytest.approx(2 / 3))
    assert reports["direct"].counts.gold == 2


def test_missing_or_empty_folders_are_errors(tmp_path: Path, capsys: Any) -> None:
    assert main(["evaluate", "--gold", str(tmp_path / "nope"), "--pred", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"briefings: error: gold folder not found: {tmp_path / 'nope'}\n"
    )
    assert main(["evaluate", "--gold", str(tmp_path), "--pred", str(tmp_path)]) == 1
    assert "no gold documents in" in capsys.readouterr().err


# --------------------------------------------------------------------------- shared scorer


def load_scorer(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "attribution_score", shared_dir / "tools" / "attribution_score.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def perturb(ann: str, text: str, rng: random.Random) -> str:
    """A plausible prediction: items dropped, moved, shortened, sources lost, extras."""
    lines: list[str] = []
    n = 0

    def add(label: str, frags: tuple[tuple[int, int], ...]) -> str:
        nonlocal n
        n += 1
        offsets = ";".join(f"{a} {b}" for a, b in frags)
        lines.append(f"T{n}\t{label} {offsets}\t" + " ".join(text[a:b] for a, b in frags))
        return f"T{n}"

    items = read_attributions(ann)
    for k, item in enumerate(items):
        roll = rng.random()
        if roll < 0.1:
            continue
        content = item.content
        if roll < 0.35:
            a, b = content[0]
            cut = rng.randint(0, max(0, (b - a) * 3 // 4))
            content = ((a + cut, b), *content[1:]) if rng.random() < 0.5 else ((a, b - cut),)
        roles = [f"Content:{add('Content', content)}"]
        if item.cue and rng.random() < 0.9:
            roles.append(f"Cue:{add('Cue', item.cue)}")
        if item.source and rng.random() < 0.8:
            source = item.source
            if rng.random() < 0.2:
                source = ((max(0, source[0][0] - 40), max(1, source[0][0] - 30)),)
            roles.append(f"Source:{add('Source', source)}")
        lines.append(f"E{k + 1}\tAttribution:{roles[0].split(':')[1]} " + " ".join(roles))
    for k in range(rng.randint(0, 2)):
        a = rng.randrange(0, max(1, len(text) - 60))
        t = add("Content", ((a, a + rng.randint(5, 60)),))
        lines.append(f"E{len(items) + k + 1}\tAttribution:{t} Content:{t}")
    return "".join(line + "\n" for line in lines)


def test_figures_equal_the_shared_scorer_on_dev_vs_a_perturbed_copy(
    shared_dir: Path, tmp_path: Path, capsys: Any
) -> None:
    dev = shared_dir / "corpora" / "polnear" / "dev"
    rng = random.Random(5)
    anns = sorted((dev / "attributions").glob("*.ann"))
    for text_file in sorted((dev / "text").glob("*.txt")):
        if rng.random() < 0.05:
            continue  # a document without a prediction
        gold = next(a for a in anns if a.stem.rsplit("_", 1)[0] == text_file.stem)
        text = text_file.read_text(encoding="utf-8")
        pred = perturb(gold.read_text(encoding="utf-8"), text, rng)
        (tmp_path / f"{text_file.stem}.ann").write_text(pred, encoding="utf-8")
    scorer = shared_dir / "tools" / "attribution_score.py"
    out = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(dev), "--pred", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    expected = json.loads(out)
    ours = {k: r.to_dict() for k, r in evaluate(dev, tmp_path).items()}
    for subset in ("all", "direct"):
        assert {k: ours[subset][k] for k in expected[subset]} == expected[subset]
    # the perturbation is strong enough to move every figure off 1.0
    assert 0.5 < expected["all"]["content_f1"] < 0.99
    assert expected["all"]["source_acc"] < 1.0
    assert expected["all"]["docs_without_prediction"] > 0
    # and the command prints the same figures, and the same lines
    capsys.readouterr()
    assert main(["evaluate", "--gold", str(dev), "--pred", str(tmp_path), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert {k: printed["all"][k] for k in expected["all"]} == expected["all"]
    their_lines = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(dev), "--pred", str(tmp_path), "--line"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert main(["evaluate", "--gold", str(dev), "--pred", str(tmp_path)]) == 0
    our_lines = capsys.readouterr().out.splitlines()
    assert len(our_lines) == len(their_lines) == 2
    for ours_line, theirs_line in zip(our_lines, their_lines, strict=True):
        assert ours_line.startswith(theirs_line + "  cue acc ")


def test_command_line_output(shared_dir: Path, tmp_path: Path, capsys: Any) -> None:
    dev = shared_dir / "corpora" / "polnear" / "dev"
    assert main(["evaluate", "--gold", str(dev), "--pred", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("all: content P/R/F1 0.000/0.000/0.000  source acc 0.000")
    assert "(gold 2192, pred 0, missing docs 84)  cue acc 0.000" in lines[0]
    assert lines[1].startswith("direct: ")


_frags = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])),
    min_size=1,
    max_size=2,
).map(tuple)
_items = st.lists(
    st.builds(
        Attribution,
        content=_frags,
        source=st.one_of(st.just(()), _frags),
        cue=st.one_of(st.just(()), _frags),
    ),
    max_size=5,
)


@given(
    text=st.text(alphabet='ab "\u201c', min_size=52, max_size=52),
    gold=_items,
    pred=_items,
    direct=st.booleans(),
)
def test_document_scores_equal_the_shared_scorers(
    shared_dir: Path, text: str, gold: list[Attribution], pred: list[Attribution], direct: bool
) -> None:
    scorer = _scorer(shared_dir)

    def plain(items: list[Attribution]) -> list[dict[str, Any]]:
        return [
            {"content": list(i.content), "source": list(i.source), "cue": list(i.cue)}
            for i in items
        ]

    theirs = scorer.score_doc(text, plain(gold), plain(pred), direct)
    ours = score_document(text, gold, pred, direct_only=direct)
    assert theirs == {
        "gold": ours.gold,
        "pred": ours.pred,
        "match": ours.match,
        "src_ok": ours.source_ok,
    }


_SCORERS: dict[Path, ModuleType] = {}


def _scorer(shared_dir: Path) -> ModuleType:
    if shared_dir not in _SCORERS:
        _SCORERS[shared_dir] = load_scorer(shared_dir)
    return _SCORERS[shared_dir]
