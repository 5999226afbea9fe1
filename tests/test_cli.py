"""The ``briefings`` command line."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import briefings
from briefings.cli import main
from briefings.codecs.csv import CLAIM_COLUMNS

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "report.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefings {briefings.__version__}"


def test_parse_to_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "--kind", "report", str(EXAMPLE))
    assert status == 0
    b = briefings.from_json(out)
    assert b.document.text == EXAMPLE.read_text(encoding="utf-8")


def test_parse_to_csv_has_the_exact_header(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "parse", "--to", "csv", "--published", "2025-03-04", str(EXAMPLE))
    assert status == 0
    assert out.splitlines()[0] == ",".join(CLAIM_COLUMNS)
    text = EXAMPLE.read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(out)):
        assert text[int(row["content_start"]) : int(row["content_end"])] == row["content"]


def test_parse_to_brat_dir_names_files_after_inputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, _ = run(capsys, "parse", "--to", "brat", "--out", str(tmp_path), str(EXAMPLE))
    assert status == 0
    assert (tmp_path / "report.ann").exists()


def test_several_inputs_need_a_format_that_holds_several(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("A second report.", encoding="utf-8")
    status, _, err = run(capsys, "parse", str(EXAMPLE), str(other))
    assert status == 1
    assert "holds one briefing" in err
    out = tmp_path / "all.jsonl"
    status, _, _ = run(
        capsys, "parse", "-q", "--to", "jsonl", "--out", str(out), str(EXAMPLE), str(other)
    )
    assert status == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_unknown_format_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "parse", "--to", "xml", str(EXAMPLE))
    assert (status, out) == (1, "")
    assert err.startswith("briefings: error: unknown format 'xml'; known formats: ")
    assert err.count("\n") == 1


def test_missing_file_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "parse", "no/such/file.txt")
    assert status == 1
    assert err == "briefings: error: no/such/file.txt: No such file or directory\n"


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["parse", "--published", "yesterday", str(EXAMPLE)])
    assert info.value.code == 2
    assert "not a date (YYYY-MM-DD): 'yesterday'" in capsys.readouterr().err


def test_validate_and_convert(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    assert run(capsys, "parse", "--out", str(good), str(EXAMPLE))[0] == 0
    status, out, _ = run(capsys, "validate", str(good))
    assert (status, out) == (0, f"{good}: ok (1 briefing)\n")

    data = json.loads(good.read_text(encoding="utf-8"))
    data["document"]["text"] = data["document"]["text"][:5]
    data["claims"] = [{"id": "c1", "content": {"start": 10, "end": 12, "text": "xx"}}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run(capsys, "validate", str(bad))
    assert status == 1
    assert out.startswith(f"{bad}: invalid: span [")
    assert "is outside the text (5 characters) @ $." in out

    lines = tmp_path / "x.jsonl"
    status, _, _ = run(capsys, "convert", str(good), "--to", "jsonl", "--out", str(lines))
    assert status == 0
    assert briefings.from_json(lines.read_text(encoding="utf-8")) == briefings.from_json(
        good.read_text(encoding="utf-8")
    )


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert json.loads(out)["properties"]["schema"] == {"const": "briefings/1"}


def test_formats_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "formats")
    assert status == 0
    names = [line.split()[0] for line in out.splitlines()]
    assert {"json", "jsonl", "csv", "events", "turns", "brat"} <= set(names)


def test_console_script_reads_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefings.cli", "parse", "--to", "json", "-"],
        input=b"Nothing was said.",
        capture_output=True,
        check=True,
    )
    assert briefings.from_json(proc.stdout).document.text == "Nothing was said."


@pytest.mark.parametrize(
    "command", ["parse", "convert", "validate", "schema", "formats", "evaluate", "index", "query"]
)
def test_every_command_has_help_with_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: briefings " + command)
    assert "\nexamples:\n  briefings " + command in out
