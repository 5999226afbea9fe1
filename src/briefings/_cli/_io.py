"""Input and output helpers shared by the sub-commands."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from briefings import codecs
from briefings.codecs import Format
from briefings.errors import BriefingsError, UnknownFormatError
from briefings.model import Briefing

__all__ = [
    "is_output_dir",
    "iso_date",
    "open_output",
    "read_text",
    "readable_format",
    "writable_format",
    "write_outputs",
]


def is_output_dir(out: str | None) -> bool:
    """Whether ``--out`` names a folder (existing, or ending in ``/``): one file per input."""
    return out is not None and out != "-" and (out.endswith(("/", "\\")) or Path(out).is_dir())


def writable_format(name: str) -> Format:
    """The format called ``name``, which must be writable."""
    fmt = codecs.by_name(name)
    if not fmt.writable:
        raise UnknownFormatError(name, codecs.names(lambda f: f.writable))
    return fmt


def readable_format(name: str) -> Format:
    """The format called ``name``, which must be readable."""
    fmt = codecs.by_name(name)
    if not fmt.readable:
        raise UnknownFormatError(name, codecs.names(lambda f: f.readable))
    return fmt


def iso_date(value: str) -> dt.date:
    """``argparse`` type for YYYY-MM-DD dates."""
    import argparse

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def read_text(path: str) -> str:
    """The text of ``path`` (``-`` is standard input), decoded as UTF-8.

    Bytes that are not UTF-8 are replaced, so offsets stay those of the decoded text.
    """
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    return data.decode("utf-8-sig", errors="replace")


@contextmanager
def open_output(out: str | None) -> Iterator[IO[str]]:
    """A text stream for ``out`` (standard output when ``None`` or ``-``)."""
    if out is None or out == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream


def write_outputs(fmt: Format, items: Iterable[tuple[str, Briefing]], out: str | None) -> int:
    """Write ``(input name, briefing)`` pairs in ``fmt``; return how many were written.

    With ``out`` a directory (existing, or ending in ``/``), each input gets its own
    file there, named after the input with the format's first suffix
    (``NAME.txt`` -> ``DIR/NAME.ann``). Otherwise all go to ``out`` (or standard
    output) together, which needs a format that holds several briefings unless
    there is only one.
    """
    assert fmt.write is not None
    if is_output_dir(out):
        assert out is not None
        directory = Path(out)
        directory.mkdir(parents=True, exist_ok=True)
        n = 0
        for name, briefing in items:
            stem = Path(name).stem if name != "-" else "stdin"
            target = directory / (stem + fmt.suffixes[0])
            with target.open("w", encoding="utf-8", newline="\n") as stream:
                fmt.write([briefing], stream)
            n += 1
        return n
    listed = list(items)
    if not listed:  # every input failed, and each failure was reported already
        return 0
    if len(listed) > 1 and not fmt.many:
        raise BriefingsError(
            f"format {fmt.name!r} holds one briefing; give --out DIR for one file per input, "
            "or use a format that holds several (jsonl, csv)"
        )
    with open_output(out) as stream:
        fmt.write([b for _, b in listed], stream)
    return len(listed)
