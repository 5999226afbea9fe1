"""The format registry: codecs looked up by name or by file suffix."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from pathlib import PurePath
from typing import IO, Protocol

import attrs

from briefings.errors import UnknownFormatError
from briefings.model import Briefing

__all__ = ["Format", "Reader", "Writer", "by_name", "by_path", "names", "register"]


class Writer(Protocol):
    """Writes briefings to a text stream."""

    def __call__(self, briefings: Iterable[Briefing], stream: IO[str], /) -> None: ...


class Reader(Protocol):
    """Reads briefings from a text stream; ``text`` is the source text for
    stand-off formats (brat) that keep it in a separate file."""

    def __call__(self, stream: IO[str], /, *, text: str | None = None) -> Iterable[Briefing]: ...


@attrs.frozen(kw_only=True)
class Format:
    """One interchange format: its name, file suffixes and what it can do."""

    name: str
    suffixes: tuple[str, ...]
    description: str
    write: Writer | None = None
    read: Reader | None = None
    #: whether ``write`` takes any number of briefings (JSON Lines, CSV) or one.
    many: bool = False

    @property
    def readable(self) -> bool:
        return self.read is not None

    @property
    def writable(self) -> bool:
        return self.write is not None


# name -> module defining FORMAT; imported on first use, so that importing
# briefings stays cheap and a broken optional codec cannot break the others.
_BUILTIN: dict[str, str] = {
    "json": "briefings.codecs.json",
    "jsonl": "briefings.codecs.jsonl",
    "csv": "briefings.codecs.csv",
    "events": "briefings.codecs.csv",
    "turns": "briefings.codecs.csv",
    "brat": "briefings.codecs.brat",
    "jsonld": "briefings.codecs.jsonld",
    "html": "briefings.codecs.html",
}
_LOADED: dict[str, Format] = {}


def register(fmt: Format) -> None:
    """Make ``fmt`` available by its name and suffixes (replacing one of the same name)."""
    _LOADED[fmt.name] = fmt


def _load(name: str) -> Format | None:
    if name in _LOADED:
        return _LOADED[name]
    module_name = _BUILTIN.get(name)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:  # not written yet in this version
            return None
        raise
    formats: tuple[Format, ...] = getattr(module, "FORMATS", ()) or (module.FORMAT,)
    for fmt in formats:
        _LOADED.setdefault(fmt.name, fmt)
    return _LOADED.get(name)


def names(predicate: Callable[[Format], bool] = lambda f: True) -> tuple[str, ...]:
    """The names of the available formats (that satisfy ``predicate``), sorted."""
    found = [f for n in sorted({*_BUILTIN, *_LOADED}) if (f := _load(n)) is not None]
    return tuple(sorted(f.name for f in found if predicate(f)))


def by_name(name: str) -> Format:
    """The format called ``name``; :class:`UnknownFormatError` lists the valid ones."""
    fmt = _load(name)
    if fmt is None:
        raise UnknownFormatError(name, names())
    return fmt


def by_path(path: str | PurePath) -> Format:
    """The format whose suffix ``path`` ends with (``.jsonl``, ``.ann``...)."""
    lowered = str(path).lower()
    best: Format | None = None
    for name in names():
        fmt = by_name(name)
        for suffix in fmt.suffixes:
            if lowered.endswith(suffix) and (
                best is None or len(suffix) > max(len(s) for s in best.suffixes)
            ):
                best = fmt
    if best is None:
        raise UnknownFormatError(PurePath(path).suffix or str(path), names())
    return best
