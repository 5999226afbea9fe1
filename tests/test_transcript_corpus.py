"""The transcript reader on the real corpus and the acceptance facts files.

Everything here reads ``../shared`` through the ``shared_dir`` fixture (skipped, with
the reason, when it is absent); no corpus text is copied into the repository.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefings.codecs.csv import write_turns
from briefings.model import BriefingKind, TurnKind
from briefings.text.transcript import looks_like_transcript, parse_transcript

# Turns per transcript. The three files with facts are checked turn by turn below;
# the others were checked against the number of labelled paragraphs (plus the
# unlabelled opening announcement where there is one) by reading the files.
TURNS = {
    "KREMLIN_2016-03-22_press-statements-and-answers-to-journalists-questions-follow": 9,
    "KREMLIN_2017-06-17_answers-to-journalists-questions": 6,
    "KREMLIN_2017-07-08_news-conference-following-the-g20-summit": 41,
    "KREMLIN_2018-03-18_answers-to-media-questions": 27,
    "KREMLIN_2019-04-25_news-conference-following-russian-north-korean-talks": 21,
    "KREMLIN_2019-11-14_vladimir-putin-answered-russian-journalists-questions": 33,
    "MFA-CN_2018-05-22_lu-kangs-regular-press-conference": 10,
    "MFA-CN_2018-07-27_geng-shuangs-regular-press-conference": 29,
    "MFA-CN_2019-03-01_lu-kangs-regular-press-conference": 28,
    "MFA-CN_2019-04-11_lu-kangs-regular-press-conference": 20,
    "MFA-CN_2019-05-15_geng-shuangs-regular-press-conference": 25,
    "MFA-CN_2019-07-31_hua-chunyings-regular-press-conference": 22,
    "MFA-CN_2019-08-15_hua-chunyings-remarks": 6,
    "MFA-CN_2019-09-23_geng-shuangs-regular-press-conference": 18,
    "MFA-CN_2019-12-04_hua-chunyings-regular-press-conference": 21,
    "MFA-CN_2020-03-12_geng-shuangs-regular-press-conference": 17,
    "MFA-CN_2020-06-15_zhao-lijians-regular-press-conference": 19,
    "STATE_2021-06-02_department-press-briefing": 37,
    "STATE_2021-06-10_department-press-briefing": 188,
    "STATE_2021-07-12_department-press-briefing": 127,
    "STATE_2022-02-09_secretary-antony-j-blinken-remarks-to-the-press-en-route-mel": 3,
    "STATE_2022-03-16_department-press-briefing": 83,
    "STATE_2022-03-18_department-press-briefing": 39,
    "STATE_2022-04-08_department-press-briefing": 20,
    "STATE_2022-05-09_department-press-briefing": 124,
    "STATE_2022-06-02_department-press-briefing": 195,
    "STATE_2022-07-18_department-press-briefing": 123,
    "STATE_2022-07-28_department-press-briefing": 116,
    "WH-BIDEN_2021-09-16_press-briefing-by-press-secretary-jen-psaki-september-16": 186,
    "WH-BIDEN_2021-10-05_press-gaggle-by-principal-deputy-press-secretary-karine-jean": 47,
    "WH-BIDEN_2022-03-07_press-briefing-by-press-secretary-jen-psaki-march-7th": 150,
    "WH-BIDEN_2022-05-23_on-the-record-press-call-on-the-launch-of-the-indo-pacific-e": 25,
    "WH-BIDEN_2022-07-29_press-briefing-by-press-secretary-karine-jean-pierre-july-29": 128,
    "WH-BIDEN_2023-05-12_background-press-call-by-a-senior-administration-official-on": 29,
    "WH-BIDEN_2023-12-14_press-briefing-by-press-secretary-karine-jean-pierre-and-nsc": 226,
    "WH-BIDEN_2024-01-29_press-briefing-by-press-secretary-karine-jean-pierre-and-nsc": 303,
    "WH-BIDEN_2024-06-04_background-press-call-by-senior-administration-officials-on": 51,
    "WH-OBAMA_2010-05-28_press-gaggle-by-press-secretary-robert-gibbs": 56,
    "WH-OBAMA_2010-08-09_press-gaggle-by-deputy-press-secretary-bill-burton-aboard-ai": 55,
    "WH-OBAMA_2011-03-09_press-briefing-by-press-secretary-jay-carney": 183,
    "WH-OBAMA_2011-05-27_press-gaggle-by-deputy-national-security-advisor-for-strateg": 33,
    "WH-OBAMA_2012-04-20_press-briefing-by-press-secretary-jay-carney-and-secretary-o": 174,
    "WH-OBAMA_2012-11-01_press-gaggle-by-press-secretary-jay-carney-aboard-air-force": 30,
    "WH-OBAMA_2013-10-23_press-briefing-by-press-secretary-jay-carney": 161,
    "WH-OBAMA_2014-07-09_gaggle-by-press-secretary-josh-earnest-en-route-dallas-tx": 38,
    "WH-OBAMA_2014-10-03_press-gaggle-by-press-secretary-josh-earnest-en-route-prince": 37,
    "WH-OBAMA_2015-07-31_press-briefing-by-press-secretary-josh-earnest-and-secretary": 179,
    "WH-OBAMA_2015-11-05_press-briefing-by-the-press-secretary-josh-earnest": 142,
    "WH-OBAMA_2016-02-12_press-gaggle-by-principal-deputy-press-secretary-eric-schult": 41,
}


def _manifest(shared: Path) -> list[tuple[str, str]]:
    lines = (shared / "corpora" / "briefings" / "MANIFEST.tsv").read_text("utf-8").splitlines()
    return [(row.split("\t")[0], row.split("\t")[3]) for row in lines[1:] if row.strip()]


def test_auto_detection_on_every_corpus_file(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "briefings"
    files = _manifest(shared_dir)
    assert len(files) == 70
    for name, kind in files:
        text = (folder / name).read_text("utf-8")
        assert looks_like_transcript(text) is (kind == "transcript"), name


def test_every_transcript_parses_with_sane_turns(shared_dir: Path) -> None:
    folder = shared_dir / "corpora" / "briefings"
    seen = 0
    for name, kind in _manifest(shared_dir):
        if kind != "transcript":
            continue
        seen += 1
        text = (folder / name).read_text("utf-8")
        b = parse_transcript(text)
        assert b.kind is BriefingKind.TRANSCRIPT
        assert b.held_on is not None or "Remarks to the Press" in (b.document.title or ""), name
        expected = TURNS[name[:-4]]
        assert abs(len(b.turns) - expected) <= max(1, expected // 50), (name, len(b.turns))
        last = -1
        ids: set[str] = set()
        for turn in b.turns:
            assert text[turn.span.start : turn.span.end] == turn.span.text
            assert turn.span.start >= last, name
            if turn.label is not None:
                assert turn.label.end <= turn.span.start
            last = turn.span.end
            assert set(turn.answers) <= ids, name
            ids.add(turn.id)
            if turn.kind is TurnKind.ANSWER:
                assert turn.answers, (name, turn.n)
        for s in b.stage_directions:
            assert text[s.start : s.end] == s.text
        # the footer and header are never speech
        for s in b.document.boilerplate:
            assert not any(t.span.start <= s.start < t.span.end for t in b.turns), (name, s)
        kinds = {t.kind for t in b.turns}
        assert TurnKind.QUESTION in kinds or len(b.turns) <= 3, name
        answered = {a for t in b.turns for a in t.answers}
        questions = [t.id for t in b.turns if t.kind is TurnKind.QUESTION]
        assert len(answered & set(questions)) >= 0.8 * len(questions), name
        briefer_claims = [c for c in b.claims if c.turn_id is not None]
        assert briefer_claims, name
        assert all(c.said_on == b.held_on for c in b.claims if c.parent_id is None)
    assert seen == len(TURNS)


def _facts(shared: Path) -> list[Path]:
    out = []
    for path in sorted((shared / "acceptance").glob("*.facts.json")):
        facts = json.loads(path.read_text("utf-8"))
        if facts.get("kind") == "transcript" and "report" not in facts:
            out.append(path)
    return out


def test_acceptance_turns(shared_dir: Path, tmp_path: Path) -> None:
    tool = shared_dir / "tools" / "turns_check.py"
    paths = _facts(shared_dir)
    assert len(paths) >= 3
    for path in paths:
        facts = json.loads(path.read_text("utf-8"))
        text_path = (path.parent / facts["text"]).resolve()
        text = text_path.read_text("utf-8")
        b = parse_transcript(text)
        buf = io.StringIO(newline="")
        write_turns([b], buf)
        csv_path = tmp_path / (path.stem + ".csv")
        csv_path.write_text(buf.getvalue(), "utf-8", newline="")
        done = subprocess.run(
            [sys.executable, str(tool), "--json", str(path), str(text_path), str(csv_path)],
            capture_output=True,
            text=True,
            check=True,
        )
        score = json.loads(done.stdout)
        assert score["right"] >= 0.98 * score["turns"], (path.name, score)
        assert score["spurious"] <= 0.02 * score["turns"] + 1, (path.name, score)
        if facts.get("held_on"):
            assert b.held_on == dt.date.fromisoformat(facts["held_on"])
        for participant in facts.get("participants", []):
            if participant.get("name") and participant.get("side") == "briefer":
                assert participant["name"] in {p.name for p in b.people}
                person = next(p for p in b.people if p.name == participant["name"])
                if participant.get("role"):
                    assert participant["role"] in [r.title for r in person.roles]
        spoken = [t.span for t in b.turns]
        for direction in facts.get("stage_directions", []):
            found = [s for s in b.stage_directions if s.text == direction]
            assert found, (path.name, direction)
        for line in facts.get("boilerplate", []):
            at = text.find(line)
            assert at >= 0
            assert not any(s.start <= at < s.end for s in spoken), (path.name, line)


@pytest.mark.parametrize("place_case", ["Aboard Air Force One"])
def test_acceptance_place(shared_dir: Path, place_case: str) -> None:
    for path in _facts(shared_dir):
        facts = json.loads(path.read_text("utf-8"))
        if facts.get("place") == place_case:
            text = (path.parent / facts["text"]).resolve().read_text("utf-8")
            assert parse_transcript(text).place == place_case
