"""``briefings schema``: print the JSON Schema of the JSON format."""

from __future__ import annotations

import argparse
import json

from briefings._cli._io import open_output
from briefings.codecs.schema import json_schema

NAME = "schema"
HELP = "print the JSON Schema (2020-12) that serialized briefings follow"
EXAMPLES = """\
examples:
  briefings schema --out briefings-1.schema.json
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="PATH", help="output file (default: stdout)")


def run(args: argparse.Namespace) -> int:
    with open_output(args.out) as stream:
        stream.write(json.dumps(json_schema(), indent=2, ensure_ascii=False))
        stream.write("\n")
    return 0
