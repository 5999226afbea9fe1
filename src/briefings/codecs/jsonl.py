"""JSON Lines: many briefings, one compact JSON object per line, streamed.

Writing and reading both stream: memory stays flat however many briefings pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO

from briefings.codecs._registry import Format
from briefings.codecs.json import DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, from_json, to_json
from briefings.errors import BriefingsError, DecodeError, ValidationError
from briefings.model import Briefing

__all__ = ["dump_lines", "iter_lines"]


def dump_lines(briefings: Iterable[Briefing], stream: IO[str]) -> int:
    """Write each briefing as one line of ``stream``; return how many were written."""
    n = 0
    for briefing in briefings:
        stream.write(to_json(briefing))
        stream.write("\n")
        n += 1
    return n


def iter_lines(
    stream: Iterable[str],
    *,
    max_size: int = DEFAULT_MAX_SIZE,
    max_depth: int = DEFAULT_MAX_DEPTH,
) -> Iterator[Briefing]:
    """Yield a briefing for each non-blank line of ``stream``.

    An error names the line: a :class:`~briefings.errors.DecodeError` carries the
    line number in its message and a :class:`~briefings.errors.ValidationError`
    a path prefixed with ``line N:``.
    """
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            yield from_json(line, max_size=max_size, max_depth=max_depth)
        except DecodeError as exc:
            raise DecodeError(f"line {lineno}: {exc.message}", exc.source, exc.offset) from None
        except ValidationError as exc:
            raise type(exc)(f"line {lineno}: {exc.message}", exc.path) from None
        except BriefingsError:
            raise


def _read(stream: IO[str], *, text: str | None = None) -> Iterator[Briefing]:
    del text
    return iter_lines(stream)


def _write(briefings: Iterable[Briefing], stream: IO[str]) -> None:
    dump_lines(briefings, stream)


FORMAT = Format(
    name="jsonl",
    suffixes=(".jsonl", ".ndjson"),
    description="many briefings, one JSON object per line (streamed)",
    write=_write,
    read=_read,
    many=True,
)
