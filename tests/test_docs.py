"""The documentation builds offline with warnings as errors, and its examples pass.

Runs the same two Sphinx commands as CI (``-W -n --keep-going``, html and
doctest) into a temporary folder, then checks what the build must contain:
every name of ``briefings.__all__`` on the API page, the four sections, and a
doctest run with a positive count of examples and no failures. Skipped when the
``docs`` dependency group (Sphinx, furo, myst-parser) is not installed.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

import briefings

pytest.importorskip("sphinx", reason="the docs group (sphinx) is not installed")
pytest.importorskip("furo", reason="the docs group (furo) is not installed")
pytest.importorskip("myst_parser", reason="the docs group (myst-parser) is not installed")

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


_SPHINX = (sys.executable, "-m", "sphinx", "-E", "-W", "-n", "--keep-going", "-q")


def _sphinx(builder: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_SPHINX, "-b", builder, str(DOCS), str(out / builder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=REPO,
    )


@pytest.fixture(scope="module")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    result = _sphinx("html", out)
    assert result.returncode == 0, result.stderr
    return out / "html"


def test_html_builds_without_warnings(html_build: Path) -> None:
    assert (html_build / "index.html").is_file()


@pytest.mark.parametrize(
    "page", ["tutorial/index", "howto/index", "explanation/index", "reference/index"]
)
def test_every_section_exists(html_build: Path, page: str) -> None:
    assert (html_build / f"{page}.html").is_file()


def test_every_public_name_is_in_the_api_reference(html_build: Path) -> None:
    page = html.unescape((html_build / "reference" / "api.html").read_text(encoding="utf-8"))
    listed = set(re.findall(r'<span class="pre">([A-Za-z_]\w*)</span>', page))
    missing = sorted(set(briefings.__all__) - listed)
    assert not missing, f"not on reference/api: {missing}"


def test_every_linked_name_resolves(html_build: Path) -> None:
    # Each name of the API page links to a documented object: an anchor exists.
    page = (html_build / "reference" / "api.html").read_text(encoding="utf-8")
    for name in briefings.__all__:
        assert re.search(rf'href="[^"]*#[\w.]*\.{re.escape(name)}"', page), name


def test_the_json_schema_is_published(html_build: Path) -> None:
    from briefings.codecs.schema import SCHEMA_ID

    assert (html_build / "schema" / SCHEMA_ID.rsplit("/", 1)[-1]).is_file()


def test_doctests_run_and_pass(tmp_path: Path) -> None:
    result = _sphinx("doctest", tmp_path)
    report = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
    assert result.returncode == 0, report[-3000:]
    total = re.search(r"^\s*(\d+) tests$", report, re.MULTILINE)
    failures = re.search(r"^\s*(\d+) failures in tests$", report, re.MULTILINE)
    assert total is not None, report[-3000:]
    assert int(total.group(1)) > 0, report[-3000:]
    assert failures is not None, report[-3000:]
    assert int(failures.group(1)) == 0, report[-3000:]
