"""Past one machine: parse a corpus as a :class:`dask.bag.Bag` of briefings.

Needs Dask (``pip install 'briefings[dask]'``). On one machine, with processes::

    from briefings.dask import read_texts, to_jsonl

    bag = read_texts("corpus/**/*.txt", published_from="metadata.tsv")
    to_jsonl(bag, "out/*.jsonl", scheduler="processes")

On a cluster, connect a :class:`dask.distributed.Client` first (it becomes the
default scheduler) and give paths every worker can read (a shared file system)::

    from dask.distributed import Client
    client = Client("tcp://scheduler:8786")
    to_jsonl(read_texts("/shared/corpus/**/*.txt"), "/shared/out/*.jsonl")

Models, errors and the parse functions pickle, so tasks and their results (or
failures) travel between processes and machines. Files are read by the workers;
the bag keeps the input order (sorted paths for a glob or a folder).
"""

from __future__ import annotations

import datetime as dt
import glob
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

try:
    import dask.bag as db
    from dask.bag import Bag
except ImportError as exc:  # pragma: no cover - exercised only without dask
    raise ImportError(
        "briefings.dask needs Dask; install it with: pip install 'briefings[dask]'"
    ) from exc

from briefings.codecs.json import from_json, to_json
from briefings.corpus import (
    FileOptions,
    Kind,
    Metadata,
    discover,
    options_for,
    parse_file,
    read_metadata,
)
from briefings.model import Briefing

__all__ = ["read_jsonl", "read_texts", "to_jsonl"]

# dask.bag's functions carry no annotations: call them through ``Any``.
_bag: Any = db

_GLOB_CHARS = frozenset("*?[")


def _expand(paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[str]:
    items = [paths_or_glob] if isinstance(paths_or_glob, str | os.PathLike) else list(paths_or_glob)
    out: list[str] = []
    for item in items:
        raw = os.fspath(item)
        if _GLOB_CHARS & set(raw):
            out.extend(sorted(p for p in glob.glob(raw, recursive=True) if Path(p).is_file()))
        else:
            out.append(raw)
    return discover(out)


def _parse_one(item: tuple[str, FileOptions]) -> Briefing:
    path, options = item
    return parse_file(
        path,
        kind=options.kind or "auto",
        published=options.published,
        outlet=options.outlet,
        held_on=options.held_on,
    )


def _parse_or_none(item: tuple[str, FileOptions]) -> Briefing | None:
    try:
        return _parse_one(item)
    except Exception:  # errors="skip": a failed file is left out
        return None


def _is_briefing(value: Briefing | None) -> bool:
    return value is not None


def read_texts(
    paths_or_glob: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    kind: Kind = "auto",
    published: dt.date | None = None,
    outlet: str | None = None,
    held_on: dt.date | None = None,
    published_from: str | os.PathLike[str] | Metadata | None = None,
    dates_from_names: bool = False,
    npartitions: int | None = None,
    errors: Literal["raise", "skip"] = "raise",
) -> Bag:
    """A bag of the briefings read from text files, in input order.

    ``paths_or_glob`` is a path, a folder (recursed for ``*.txt``), a glob
    (``"corpus/**/*.txt"``) or a list of them. The keyword options are those of
    :func:`briefings.text.parse`; ``published_from`` (a metadata TSV, see
    :func:`briefings.corpus.read_metadata`) gives files their own, and
    ``dates_from_names`` dates the others by their names
    (:func:`briefings.corpus.date_in_name`). With
    ``errors="raise"`` (the default) computing the bag raises the first file's
    error; with ``"skip"`` a file that fails is left out (use
    :func:`briefings.corpus.parse_many` to keep the failures).
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    defaults = FileOptions(kind=kind, published=published, outlet=outlet, held_on=held_on)
    metadata = (
        read_metadata(published_from)
        if isinstance(published_from, str | os.PathLike)
        else published_from
    )
    items = [
        (path, options_for(path, defaults, metadata=metadata, dates_from_names=dates_from_names))
        for path in _expand(paths_or_glob)
    ]
    bag: Any = _bag.from_sequence(items, npartitions=npartitions or max(1, min(len(items), 100)))
    if errors == "skip":
        skipped: Bag = bag.map(_parse_or_none).filter(_is_briefing)
        return skipped
    parsed: Bag = bag.map(_parse_one)
    return parsed


def to_jsonl(
    bag: Bag,
    path: str | os.PathLike[str] | list[str],
    *,
    compute: bool = True,
    **compute_options: Any,
) -> Any:
    """Write a bag of briefings as JSON Lines, one file per partition.

    ``path`` is a pattern whose ``*`` becomes the partition number
    (``"out/*.jsonl"``, or ``"out/*.jsonl.gz"`` compressed), or a list of paths.
    Each line ends with ``\\n``. ``compute_options`` go to :meth:`dask.compute`
    (``scheduler="processes"``). Returns the paths written, or, with
    ``compute=False``, the delayed writes.
    """
    target = path if isinstance(path, list) else os.fspath(path)
    untyped: Any = bag
    lines: Any = untyped.map(to_json)
    return lines.to_textfiles(
        target, compute=compute, last_endline=True, encoding="utf-8", **compute_options
    )


def read_jsonl(urlpath: str | os.PathLike[str] | list[str]) -> Bag:
    """A bag of the briefings in JSON Lines files (a path, a glob or a list)."""
    target = urlpath if isinstance(urlpath, list) else os.fspath(urlpath)
    bag: Bag = _bag.read_text(target, encoding="utf-8").filter(str.strip).map(from_json)
    return bag
