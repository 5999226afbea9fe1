#!/usr/bin/env python3
"""Render a briefing's HTML view in headless Chromium and save a screenshot.

Makes the picture the documentation shows (``docs/_static/html-view.png``)::

    python scripts/screenshot_html.py                      # examples/report.txt
    python scripts/screenshot_html.py NOTE.txt --out view.png --width 1000

The input is a text (read with :func:`briefings.text.parse`) or a serialized
briefing (``.json``, ``.jsonl``: the first one). The page is written to a
temporary folder and opened from there with networking and the browser's
background services off; the page itself forbids every fetch (its
Content-Security-Policy allows inline styles only). Needs Debian's ``chromium``
(``apt-get install -y chromium``) or ``--chromium PATH``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def find_chromium() -> str | None:
    """The Chromium executable on ``PATH``, if any."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def chromium(executable: str, page: Path, *args: str, timeout: float = 120) -> str:
    """Run headless Chromium on ``page`` with a throw-away profile; return its stdout."""
    with tempfile.TemporaryDirectory(prefix="briefings-chromium-") as profile:
        done = subprocess.run(
            [executable, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    return done.stdout


def render(source: Path) -> str:
    """The HTML page for the briefing in ``source``."""
    from briefings import codecs
    from briefings.codecs.html import to_html

    if source.suffix in {".json", ".jsonl"}:
        fmt = codecs.by_path(source)
        assert fmt.read is not None
        with source.open(encoding="utf-8") as stream:
            briefing = next(iter(fmt.read(stream)))
    else:
        from briefings.text import parse

        briefing = parse(source.read_text(encoding="utf-8"))
    return to_html(briefing)


def screenshot(page_html: str, out: Path, *, executable: str, width: int, height: int) -> None:
    """Save a ``width`` x ``height`` PNG of ``page_html`` to ``out``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefings-page-") as tmp:
        page = Path(tmp) / "view.html"
        page.write_text(page_html, encoding="utf-8")
        chromium(
            executable,
            page,
            f"--window-size={width},{height}",
            f"--screenshot={out.resolve()}",
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=REPO / "examples" / "report.txt")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "_static" / "html-view.png")
    parser.add_argument("--chromium", help="the browser executable (default: found on PATH)")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--height", type=int, default=980)
    args = parser.parse_args(argv)
    executable = args.chromium or find_chromium()
    if executable is None:
        print(
            "chromium not found: apt-get install -y chromium, or --chromium PATH", file=sys.stderr
        )
        return 2
    screenshot(
        render(args.source), args.out, executable=executable, width=args.width, height=args.height
    )
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
