"""``briefings parse``: read reports or transcripts into a format.

One file or tens of thousands: folders are recursed for ``*.txt``, ``--jobs N``
parses in N processes with the output in input order, a file that fails is
reported (and kept in ``--errors FILE``) without stopping the batch, and
``--retry FILE`` later re-reads just the files that failed.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from briefings import codecs
from briefings._cli._io import is_output_dir, iso_date, open_output, writable_format, write_outputs
from briefings.codecs.json import to_json
from briefings.corpus import (
    Failure,
    Metadata,
    Outcome,
    Summary,
    discover,
    parse_many,
    read_failures,
    read_metadata,
    write_failures,
)
from briefings.errors import BriefingsError
from briefings.model import Briefing

NAME = "parse"
HELP = "read news reports or briefing transcripts and write them in a format"
EXAMPLES = """\
examples:
  briefings parse --to csv --published 2025-03-04 report.txt
  briefings parse --kind transcript --to turns transcript.txt > turns.csv
  briefings parse --to brat --out pred/ texts/*.txt        # pred/NAME.ann
  briefings parse --jobs 4 --to jsonl --out corpus.jsonl --errors errors.jsonl texts/
  cat report.txt | briefings parse --to json -
"""


def _jobs(value: str) -> int:
    """``argparse`` type for ``--jobs``: a whole number >= 0."""
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes (0, 1, 2...): {value!r}")
    return n


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "files",
        nargs="*",
        metavar="PATH",
        help="text files, or folders to search for *.txt ('-': stdin)",
    )
    p.add_argument(
        "--kind",
        choices=("auto", "report", "transcript"),
        default="auto",
        help="what the texts are (default: decide from the layout)",
    )
    p.add_argument(
        "--published",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="publication date, to resolve 'yesterday' and datelines without a year",
    )
    p.add_argument(
        "--published-from",
        metavar="TSV",
        help="a tab-separated table giving each file its own publication date: columns "
        "file (or filename, path, name) and published (or publication_date, date); "
        "optional outlet, held_on, kind",
    )
    p.add_argument(
        "--published-from-name",
        action="store_true",
        help="take a file's publication date from a YYYY-MM-DD in its name "
        "(TASS_2024-12-26_putin.txt), unless --published-from gives one",
    )
    p.add_argument(
        "--held-on",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="date of a transcribed briefing, when the text does not give it",
    )
    p.add_argument("--outlet", metavar="NAME", help="the outlet that published the texts")
    p.add_argument(
        "--to",
        default="json",
        metavar="FORMAT",
        help="output format: " + ", ".join(codecs.names(lambda f: f.writable)),
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="output file, or a directory for one file per input (default: stdout)",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse in N processes (0: one per CPU); the output keeps the input order",
    )
    p.add_argument(
        "--errors",
        metavar="FILE",
        help="write the files that failed, one JSON object per line (path, error, message)",
    )
    p.add_argument(
        "--retry",
        metavar="FILE",
        help="also read the files listed in an errors file of an earlier run "
        "(with --append, their briefings are added to --out)",
    )
    p.add_argument(
        "--append",
        action="store_true",
        help="add to the end of the --out file instead of replacing it (for jsonl)",
    )
    p.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="no progress and no summary on stderr; only errors",
    )


class _Progress:
    """A one-line progress report on a terminal, redrawn at most ten times a second."""

    def __init__(self, stream: IO[str], total: int, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.started = time.perf_counter()
        self.last = 0.0
        self.drawn = False

    def update(self, summary: Summary, *, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        done = summary.documents + summary.failures
        elapsed = max(now - self.started, 1e-9)
        width = 24
        filled = width * done // self.total if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(
            f"\rparse [{bar}] {done}/{self.total} files, {summary.failures} failed, "
            f"{summary.size / 1e6 / elapsed:.2f} MB/s"
        )
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _check_names(paths: list[str], suffix: str) -> None:
    """Refuse inputs that would write the same file of an output folder."""
    seen: dict[str, str] = {}
    for path in paths:
        name = (Path(path).stem if path != "-" else "stdin") + suffix
        if name in seen:
            raise BriefingsError(
                f"{seen[name]} and {path} would both be written to {name}; "
                "give them different names, or write one file (--to jsonl)"
            )
        seen[name] = path


def run(args: argparse.Namespace) -> int:
    fmt = writable_format(args.to)
    paths = discover(args.files)
    retried = read_failures(args.retry) if args.retry else []
    known = set(paths)
    paths += [f.path for f in retried if f.path not in known]
    if not paths:
        if args.retry:  # an earlier run had no failures: nothing to do
            if not args.quiet:
                print("briefings parse: nothing to retry", file=sys.stderr)
            return 0
        print("briefings parse: error: no input files", file=sys.stderr)
        return 2
    metadata: Metadata | None = read_metadata(args.published_from) if args.published_from else None
    batch = bool(
        len(paths) > 1
        or args.jobs != 1
        or args.errors
        or args.retry
        or args.published_from
        or args.published_from_name
    )
    progress = _Progress(sys.stderr, len(paths), enabled=not args.quiet and sys.stderr.isatty())
    out: str | None = args.out
    to_dir = is_output_dir(out)
    if to_dir:
        _check_names(paths, fmt.suffixes[0])
    elif not fmt.many and len(paths) > 1:  # say so before parsing, not after
        raise BriefingsError(
            f"format {fmt.name!r} holds one briefing; give --out DIR for one file per input, "
            "or use a format that holds several (jsonl, csv)"
        )
    started = time.perf_counter()
    summary = Summary()
    with contextlib.ExitStack() as stack:
        errors_stream = (
            stack.enter_context(Path(args.errors).open("w", encoding="utf-8", newline="\n"))
            if args.errors
            else None
        )
        stack.callback(progress.close)

        def record(failure: Failure) -> None:
            print(f"briefings: error: {failure.path}: {failure.message}", file=sys.stderr)
            if errors_stream is not None:
                write_failures([failure], errors_stream)
                errors_stream.flush()

        # JSON Lines: the workers write the lines, the main process only copies them
        lines = fmt.name == "jsonl" and not to_dir

        def outcomes() -> Iterator[Outcome]:
            nonlocal summary
            for outcome in parse_many(
                paths,
                jobs=args.jobs,
                kind=args.kind,
                published=args.published,
                outlet=args.outlet,
                held_on=args.held_on,
                metadata=metadata,
                dates_from_names=args.published_from_name,
                encode=to_json if lines else None,
            ):
                summary = summary.add(outcome)
                progress.update(summary)
                if outcome.failure is not None:
                    progress.close()
                    record(outcome.failure)
                yield outcome

        def items() -> Iterator[tuple[str, Briefing]]:
            for outcome in outcomes():
                if outcome.briefing is not None:
                    yield outcome.path, outcome.briefing

        if fmt.many and not to_dir:
            # stream: a corpus never has to fit in memory
            assert fmt.write is not None
            stream: IO[str] = (
                stack.enter_context(Path(str(out)).open("a", encoding="utf-8", newline="\n"))
                if args.append and out not in (None, "-")
                else stack.enter_context(open_output(out))
            )
            if lines:
                for outcome in outcomes():
                    if outcome.encoded is not None:
                        stream.write(outcome.encoded)
                        stream.write("\n")
            else:
                fmt.write((b for _, b in items()), stream)
        else:
            write_outputs(fmt, items(), out)
    summary = Summary(
        documents=summary.documents,
        claims=summary.claims,
        failures=summary.failures,
        size=summary.size,
        seconds=time.perf_counter() - started,
    )
    if batch and not args.quiet:
        print(f"briefings parse: {summary}", file=sys.stderr)
    return 1 if summary.failures else 0
