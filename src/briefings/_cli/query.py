"""``briefings query``: find claims in an index built by ``briefings index``."""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Sequence
from typing import IO

from briefings._cli._io import iso_date, open_output
from briefings.index import ClaimRow, Index
from briefings.model import SpeechAct

NAME = "query"
HELP = "find claims in an index by speaker (any alias), speech act, dates and full text"
EXAMPLES = """\
examples:
  briefings query corpus.db --speaker peskov --act warning --since 2021-12-01
  briefings query corpus.db --text '"security guarantees"' --to csv
"""

_COLUMNS = ("date", "speaker", "act", "form", "content", "title", "source", "line", "claim")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("database", metavar="DB", help="an index built by 'briefings index'")
    p.add_argument("--speaker", metavar="NAME", help="a speaker's name or any alias (all words)")
    p.add_argument(
        "--relayed-by", metavar="NAME", help="someone who passed the words on (TASS), any alias"
    )
    p.add_argument(
        "--act",
        action="append",
        choices=[a.value for a in SpeechAct],
        metavar="ACT",
        help="speech act (repeat for any of several): " + ", ".join(a.value for a in SpeechAct),
    )
    p.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD", help="on or after this date")
    p.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="on or before this date")
    p.add_argument(
        "--text", metavar="QUERY", help='full-text query on the content (SQLite FTS5: NATO, "a b")'
    )
    p.add_argument("--limit", type=int, metavar="N", help="at most N claims")
    p.add_argument(
        "--to",
        choices=("table", "csv", "jsonl"),
        default="table",
        help="output format (default: table)",
    )
    p.add_argument("--out", metavar="PATH", help="output file (default: stdout)")


def _table(rows: Sequence[ClaimRow], stream: IO[str], width: int = 72) -> None:
    heads = ("date", "speaker", "act", "content")
    cells = [
        (
            r.date.isoformat() if r.date else "",
            r.speaker or "",
            r.act,
            r.content if len(r.content) <= width else r.content[: width - 1] + "…",
        )
        for r in rows
    ]
    widths = [max([len(h)] + [len(c[i]) for c in cells]) for i, h in enumerate(heads)]
    for line in (heads, *cells):
        text = "  ".join(c.replace("\n", " ").ljust(w) for c, w in zip(line, widths, strict=True))
        stream.write(text.rstrip() + "\n")


def run(args: argparse.Namespace) -> int:
    with Index(args.database) as index:
        rows = index.query(
            speaker=args.speaker,
            relayed_by=args.relayed_by,
            act=args.act,
            since=args.since,
            until=args.until,
            text=args.text,
            limit=args.limit,
        )
    with open_output(args.out) as stream:
        if args.to == "jsonl":
            for row in rows:
                stream.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        elif args.to == "csv":
            writer = csv.writer(stream, lineterminator="\n")
            writer.writerow(_COLUMNS)
            for row in rows:
                data = row.to_dict()
                writer.writerow(["" if data[c] is None else data[c] for c in _COLUMNS])
        else:
            _table(rows, stream)
    return 0
