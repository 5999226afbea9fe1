"""Acceptance: the report facts files in the shared material, graded by its own tool.

Every ``acceptance/*.facts.json`` with a ``report`` key is parsed with its
``published`` date, written as the claims CSV and graded by
``tools/facts_check.py``. The seed must be fully right; the others must not
regress below what was verified by reading them.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.codecs.csv import write_claims
from briefings.text import parse_report

# facts file stem prefix -> (claims right at least, spurious at most)
FLOORS = {
    "eirns-2022-01-25-peskov": (18, 0),
    "KREMLIN-NEWS_2003-08-19": (7, 0),
    "STATE-READOUT_2022-02-03": (2, 0),
    "TASS_2024-12-26_contract-for-gas": (6, 1),
    "TASS_2024-12-26_eu-to-impose": (4, 0),
    "TASS_2024-12-26_invitation-to-cuba": (14, 0),
    "TASS_2024-12-26_russian-pm": (6, 1),
}


def _grade(shared: Path, facts_path: Path, tmp_path: Path) -> dict[str, object]:
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    text_path = (facts_path.parent / facts["text"]).resolve()
    text = text_path.read_text(encoding="utf-8")
    published = dt.date.fromisoformat(facts["report"]["published"])
    briefing = parse_report(text, published=published)
    out = tmp_path / "claims.csv"
    with out.open("w", encoding="utf-8", newline="") as stream:
        write_claims([briefing], stream)
    tool = shared / "tools" / "facts_check.py"
    done = subprocess.run(
        [sys.executable, str(tool), str(facts_path), str(text_path), str(out), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_report_facts(shared_dir: Path, tmp_path: Path) -> None:
    files = sorted((shared_dir / "acceptance").glob("*.facts.json"))
    reports = [f for f in files if "report" in json.loads(f.read_text(encoding="utf-8"))]
    if not reports:
        pytest.skip("no report facts files")
    for path in reports:
        result = _grade(shared_dir, path, tmp_path)
        floor = next((v for k, v in FLOORS.items() if path.name.startswith(k)), (0, 99))
        assert result["right"] >= floor[0], (path.name, result)  # type: ignore[operator]
        assert result["spurious"] <= floor[1], (path.name, result)  # type: ignore[operator]


def test_seed_fully_right(shared_dir: Path, tmp_path: Path) -> None:
    path = shared_dir / "acceptance" / "eirns-2022-01-25-peskov.facts.json"
    result = _grade(shared_dir, path, tmp_path)
    assert result["right"] == result["claims"] == 18
    assert result["spurious"] == 0


def _by_offsets(facts: dict[str, object], briefing: object) -> tuple[int, int, int]:
    """(facts with offsets, of them found, claims matching none), each fact located
    by its own offsets (the shared tool locates a fact by the first occurrence of
    its words, so a sentence the text repeats puts both facts on the first one)."""
    spans = []
    for c in facts["claims"]:  # type: ignore[attr-defined]
        for f in [c, *c.get("embedded_claims", [])]:
            if "offsets" in f and not f.get("topic_only"):
                spans.append(tuple(f["offsets"]["content"]))
    used: set[int] = set()
    spurious = 0
    for claim in briefing.claims:  # type: ignore[attr-defined]
        a, b = claim.content.start, claim.content.end
        hit = None
        for n, (x, y) in enumerate(spans):
            inter = max(0, min(b, y) - max(a, x))
            if n not in used and inter >= 0.8 * (y - x) and inter >= 0.5 * (b - a):
                hit = n
                break
        if hit is None:
            spurious += 1
        else:
            used.add(hit)
    return len(spans), len(used), spurious


@pytest.mark.parametrize("stem", ["TASS_2024-12-26_contract-for-gas", "TASS_2024-12-26_russian-pm"])
def test_repeated_sentence_read_twice(shared_dir: Path, stem: str) -> None:
    """A TASS lede repeats a body sentence; both are claims in the facts, at their
    own offsets. The shared tool counts the second as spurious (it finds both facts
    at the first occurrence); located by their offsets, every fact is found and no
    claim is spurious."""
    found = sorted((shared_dir / "acceptance").glob(f"{stem}*.facts.json"))
    if not found:
        pytest.skip(f"no facts file {stem}* in {shared_dir / 'acceptance'}")
    facts = json.loads(found[0].read_text(encoding="utf-8"))
    text = (found[0].parent / facts["text"]).resolve().read_text(encoding="utf-8")
    briefing = parse_report(text, published=dt.date.fromisoformat(facts["report"]["published"]))
    total, hit, spurious = _by_offsets(facts, briefing)
    assert (hit, spurious) == (total, 0)
