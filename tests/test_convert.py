"""``briefings convert`` between brat, JSON, JSON-LD and HTML."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import briefings
from briefings.cli import main
from briefings.codecs.brat import dumps as brat_dumps
from briefings.codecs.brat import loads as brat_loads

TEXT = "Peskov said talks would resume.\nOfficials declined to comment."
ANN = (
    "T1\tContent 12 30\ttalks would resume\n"
    "T2\tCue 7 11\tsaid\n"
    "T3\tSource 0 6\tPeskov\n"
    "T4\tAttribution 7 11\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3\n"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    text = tmp_path / "note.txt"
    ann = tmp_path / "note_ab12.ann"
    text.write_text(TEXT, encoding="utf-8")
    ann.write_text(ANN, encoding="utf-8")
    return text, ann


def test_brat_to_json(files: tuple[Path, Path], capsys: Any) -> None:
    text, ann = files
    assert main(["convert", "--from", "brat", "--text", str(text), str(ann), "--to", "json"]) == 0
    b = briefings.codecs.from_json(capsys.readouterr().out)
    assert b == brat_loads(ANN, TEXT)
    assert b.claims[0].content.text == "talks would resume"


def test_brat_suffix_is_enough_and_output_is_named_after_the_text(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    text, ann = files
    out = tmp_path / "out"
    assert main(["convert", "--text", str(text), str(ann), "--to", "brat", "--out", f"{out}/"]) == 0
    assert [p.name for p in out.iterdir()] == ["note.ann"]
    assert (out / "note.ann").read_text(encoding="utf-8") == ANN


def test_brat_via_json_back_to_brat(files: tuple[Path, Path], tmp_path: Path) -> None:
    text, ann = files
    as_json = tmp_path / "note.json"
    assert (
        main(["convert", "--text", str(text), str(ann), "--to", "json", "--out", str(as_json)]) == 0
    )
    back = tmp_path / "back.ann"
    assert main(["convert", str(as_json), "--to", "brat", "--out", str(back)]) == 0
    assert back.read_text(encoding="utf-8") == ANN


def test_brat_from_stdin(files: tuple[Path, Path], monkeypatch: Any, capsys: Any) -> None:
    text, _ = files
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ANN.encode("utf-8"))))
    assert main(["convert", "--from", "brat", "--text", str(text), "-", "--to", "jsonld"]) == 0
    doc = json.loads(capsys.readouterr().out)
    claim = next(n for n in doc["@graph"] if "Claim" in n["type"])
    assert claim["author"] == "_:s1"


def test_json_to_html(tmp_path: Path, capsys: Any) -> None:
    as_json = tmp_path / "note.json"
    as_json.write_text(
        briefings.codecs.to_json(brat_loads(ANN, TEXT)),
        encoding="utf-8",
    )
    assert main(["convert", str(as_json), "--to", "html"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert '<mark class="source" data-claims="1"' in page


def test_brat_needs_its_text(files: tuple[Path, Path], capsys: Any) -> None:
    _, ann = files
    assert main(["convert", str(ann), "--to", "json"]) == 1
    err = capsys.readouterr().err
    assert err == "briefings: error: brat standoff needs its source text (--text NAME.txt)\n"


def test_malformed_brat_is_one_line_with_the_line_number(
    files: tuple[Path, Path], capsys: Any
) -> None:
    text, ann = files
    ann.write_text(ANN + "E2\tAttribution:T9 Content:T3\n", encoding="utf-8")
    assert main(["convert", "--text", str(text), str(ann), "--to", "json"]) == 1
    err = capsys.readouterr().err
    assert err == ("briefings: error: no text-bound annotation has id 'T9' (line 6, column 1)\n")


def test_unknown_target_lists_the_formats(files: tuple[Path, Path], capsys: Any) -> None:
    text, ann = files
    assert main(["convert", "--text", str(text), str(ann), "--to", "docx"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefings: error: unknown format 'docx'; known formats: ")
    for name in ("brat", "html", "json", "jsonld"):
        assert name in err


def test_polnear_file_converts_and_writes_back(shared_dir: Path, tmp_path: Path) -> None:
    dev = shared_dir / "corpora" / "polnear" / "dev"
    ann = sorted((dev / "attributions").glob("*.ann"))[0]
    text = dev / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
    assert (
        main(["convert", "--text", str(text), str(ann), "--to", "brat", "--out", f"{tmp_path}/"])
        == 0
    )
    written = (tmp_path / (text.stem + ".ann")).read_text(encoding="utf-8")
    source = text.read_text(encoding="utf-8")
    assert written == brat_dumps(brat_loads(ann.read_text(encoding="utf-8"), source))
    assert written.count("\nE") > 5
