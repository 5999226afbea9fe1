"""``briefings parse``: read reports or transcripts into a format."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from briefings import codecs
from briefings._cli._io import iso_date, read_text, writable_format, write_outputs
from briefings.model import Briefing
from briefings.text import parse

NAME = "parse"
HELP = "read news reports or briefing transcripts and write them in a format"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="text files to read ('-': stdin)")
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


def run(args: argparse.Namespace) -> int:
    fmt = writable_format(args.to)

    def items() -> Iterator[tuple[str, Briefing]]:
        for name in args.files:
            text = read_text(name)
            yield (
                name,
                parse(
                    text,
                    kind=args.kind,
                    published=args.published,
                    outlet=args.outlet,
                    held_on=args.held_on,
                ),
            )

    write_outputs(fmt, items(), args.out)
    return 0
