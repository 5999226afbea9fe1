"""The ``briefings`` command line.

Each sub-command lives in its own module under :mod:`briefings._cli`, with
``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``. Exit
status: 0 success, 1 bad input (a :class:`~briefings.errors.BriefingsError`,
reported on one line), 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from briefings._version import __version__
from briefings.errors import BriefingsError, ParseError

__all__ = ["main"]

_COMMANDS = (
    "briefings._cli.parse",
    "briefings._cli.convert",
    "briefings._cli.validate",
    "briefings._cli.schema",
    "briefings._cli.formats",
    "briefings._cli.index",
    "briefings._cli.query",
    "briefings._cli.evaluate",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``briefings`` command."""
    parser = argparse.ArgumentParser(
        prog="briefings",
        description="Read press briefings and news reports of them into data: "
        "who said what, when, to whom, relayed by whom, with exact offsets.",
        epilog="examples:\n"
        "  briefings parse --to csv --published 2025-03-04 report.txt\n"
        "  briefings parse --kind transcript --to turns transcript.txt\n"
        "  briefings COMMAND --help",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"briefings {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in _COMMANDS:
        module = importlib.import_module(module_name)
        p = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            epilog=getattr(module, "EXAMPLES", None),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(p)
        p.set_defaults(_run=module.run)
    return parser


def _one_line(exc: BriefingsError) -> str:
    if isinstance(exc, ParseError) and exc.source:
        return f"{exc.message} (line {exc.line}, column {exc.column})"
    return str(exc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args._run(args)
    except BriefingsError as exc:
        where = getattr(exc, "filename", None)
        prefix = f"{where}: " if where else ""
        print(f"briefings: error: {prefix}{_one_line(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader went away (`briefings ... | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as exc:
        print(
            f"briefings: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
