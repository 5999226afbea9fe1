"""``briefings index``: build a searchable SQLite index from JSON Lines."""

from __future__ import annotations

import argparse
import sys

from briefings.index import build_index

NAME = "index"
HELP = "build a SQLite index of claims (people, aliases, events, full text) from JSON Lines"
EXAMPLES = """\
examples:
  briefings index corpus.jsonl corpus.db
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="JSONL", help="JSON Lines files of briefings")
    p.add_argument("database", metavar="DB", help="the SQLite database to write")
    p.add_argument(
        "--append",
        action="store_true",
        help="add to an existing index instead of replacing it",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    counts = build_index(args.inputs, args.database, replace=not args.append)
    if not args.quiet:
        totals = ", ".join(f"{n} {table}" for table, n in counts.items())
        print(f"briefings index: {args.database}: {totals}", file=sys.stderr)
    return 0
