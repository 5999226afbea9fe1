"""Fuzz targets: every reader of briefings, each with the invariants it must keep.

A target takes the raw fuzz input (``bytes``) and either returns quietly or
raises :class:`InvariantError`, or lets an unexpected exception escape (which the
fuzzer reports as a crash). The invariants:

* the free-text readers (``parse``, ``parse_report``, ``parse_transcript``)
  return a :class:`~briefings.model.Briefing` for any ``str`` and never raise;
* the structured readers (``from_json`` on ``str`` and ``bytes``,
  ``iter_lines``, the brat reader) return briefings or raise a
  :class:`~briefings.errors.BriefingsError`, nothing else;
* every span of every briefing slices the text, and every briefing survives a
  JSON round trip unchanged.

Used by ``fuzz/run_atheris.py`` (coverage-guided) and ``fuzz/run_hypothesis.py``
(a large Hypothesis budget, no native dependency).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from briefings.codecs import by_name, from_json, iter_lines, to_json
from briefings.errors import BriefingsError, UnknownFormatError
from briefings.model import Briefing, iter_spans
from briefings.text import parse, parse_report, parse_transcript

__all__ = ["TARGETS", "InvariantError", "check", "decode", "run"]


class InvariantError(AssertionError):
    """An invariant that did not hold."""


def decode(data: bytes) -> str:
    """``data`` as text: UTF-8 where it is, lone surrogates kept, other bytes as U+FFFD.

    So that the fuzzer reaches every ``str``, including lone surrogates.
    """
    return data.decode("utf-8", "surrogatepass") if _ok(data) else data.decode("utf-8", "replace")


def _ok(data: bytes) -> bool:
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def check(b: object, text: str | None = None) -> None:
    """Raise :class:`InvariantError` unless ``b`` is a valid briefing that round-trips."""
    if not isinstance(b, Briefing):
        raise InvariantError(f"a reader returned {type(b).__name__}, not a Briefing")
    source = b.document.text
    if text is not None and source != text:
        raise InvariantError("the briefing's text is not the input text")
    for path, span in iter_spans(b):
        if not (0 <= span.start <= span.end <= len(source)):
            raise InvariantError(f"span {path} [{span.start}, {span.end}) is outside the text")
        if source[span.start : span.end] != span.text:
            raise InvariantError(f"span {path} does not slice the text")
    again = from_json(to_json(b))
    if again != b:
        raise InvariantError("the briefing changed in a JSON round trip")


def _refusing(read: Callable[[], list[Briefing]]) -> None:
    try:
        got = read()
    except BriefingsError as exc:
        str(exc)  # the message must render
        return
    for b in got:
        check(b)


def report(data: bytes) -> None:
    text = decode(data)
    published = dt.date(2022, 1, 25) if data[:1] == b"\x01" else None
    check(parse_report(text, published=published), text)


def transcript(data: bytes) -> None:
    text = decode(data)
    check(parse_transcript(text), text)


def auto(data: bytes) -> None:
    text = decode(data)
    check(parse(text), text)


def json_str(data: bytes) -> None:
    _refusing(lambda: [from_json(decode(data))])


def json_bytes(data: bytes) -> None:
    _refusing(lambda: [from_json(data)])


def jsonl(data: bytes) -> None:
    _refusing(lambda: list(iter_lines(io.StringIO(decode(data)))))


def brat(data: bytes) -> None:
    try:
        read = by_name("brat").read
    except UnknownFormatError:  # not in this version
        return
    if read is None:
        return
    ann, _, text = decode(data).partition("\x00\x00")
    reader = read
    _refusing(lambda: list(reader(io.StringIO(ann), text=text)))


TARGETS: dict[str, Callable[[bytes], None]] = {
    "report": report,
    "transcript": transcript,
    "auto": auto,
    "json_str": json_str,
    "json_bytes": json_bytes,
    "jsonl": jsonl,
    "brat": brat,
}


def run(data: bytes) -> None:
    """All targets in one: the first byte picks the target, the rest is its input."""
    if not data:
        return
    names = list(TARGETS)
    TARGETS[names[data[0] % len(names)]](data[1:])
