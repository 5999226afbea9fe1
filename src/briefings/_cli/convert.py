"""``briefings convert``: from one format to another."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from briefings import codecs
from briefings._cli._io import read_text, readable_format, writable_format, write_outputs
from briefings.model import Briefing

NAME = "convert"
HELP = "convert briefings from one format to another (json, jsonl, brat, ... -> any writable)"
EXAMPLES = """\
examples:
  briefings convert --from brat --text doc.txt doc.ann --to json --out doc.json
  briefings convert doc.json --to html --out doc.html
  briefings convert corpus.jsonl --to csv --out claims.csv
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="input file ('-': stdin)")
    p.add_argument(
        "--from",
        dest="source",
        metavar="FORMAT",
        help="input format (default: from the suffix of IN): "
        + ", ".join(codecs.names(lambda f: f.readable)),
    )
    p.add_argument(
        "--text",
        metavar="FILE",
        help="the source text, for stand-off formats such as brat (NAME.txt)",
    )
    p.add_argument(
        "--to",
        required=True,
        metavar="FORMAT",
        help="output format: " + ", ".join(codecs.names(lambda f: f.writable)),
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="output file, or a directory for one file per briefing (default: stdout)",
    )


def run(args: argparse.Namespace) -> int:
    source = readable_format(args.source) if args.source else codecs.by_path(args.input)
    if source.read is None:
        source = readable_format(source.name)
    target = writable_format(args.to)
    text = read_text(args.text) if args.text else None
    name = args.text or args.input
    data = read_text(args.input)

    def items() -> Iterator[tuple[str, Briefing]]:
        import io

        assert source.read is not None
        for briefing in source.read(io.StringIO(data), text=text):
            yield Path(name).name, briefing

    write_outputs(target, items(), args.out)
    return 0
