"""``briefings validate``: check serialized briefings against the model."""

from __future__ import annotations

import argparse
import io

from briefings import codecs
from briefings._cli._io import read_text, readable_format
from briefings.errors import BriefingsError

NAME = "validate"
HELP = "check that files hold valid briefings (types, spans, references); exit 1 if not"
EXAMPLES = """\
examples:
  briefings validate doc.json corpus.jsonl
  briefings validate --from json - < doc.json
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="files to check ('-': stdin)")
    p.add_argument(
        "--from",
        dest="source",
        metavar="FORMAT",
        help="input format (default: from each file's suffix)",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print only errors")


def run(args: argparse.Namespace) -> int:
    failed = 0
    for name in args.files:
        fmt = (
            readable_format(args.source)
            if args.source
            else (codecs.by_name("json") if name == "-" else codecs.by_path(name))
        )
        assert fmt.read is not None
        try:
            n = sum(1 for _ in fmt.read(io.StringIO(read_text(name))))
        except BriefingsError as exc:
            failed += 1
            print(f"{name}: invalid: {exc}".replace("\n", " "))
            continue
        if not args.quiet:
            print(f"{name}: ok ({n} briefing{'s' if n != 1 else ''})")
    return 1 if failed else 0
