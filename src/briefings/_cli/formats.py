"""``briefings formats``: list the formats and what each can do."""

from __future__ import annotations

import argparse

from briefings import codecs

NAME = "formats"
HELP = "list the available formats, their suffixes and whether they read and write"
EXAMPLES = """\
examples:
  briefings formats
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    del p


def run(args: argparse.Namespace) -> int:
    del args
    for name in codecs.names():
        fmt = codecs.by_name(name)
        modes = "/".join(m for m, ok in (("read", fmt.readable), ("write", fmt.writable)) if ok)
        print(f"{name:8} {modes:11} {' '.join(fmt.suffixes):16} {fmt.description}")
    return 0
