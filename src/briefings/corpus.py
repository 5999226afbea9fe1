"""Corpus scale: find text files, parse them in parallel, stream JSON Lines.

The building blocks of ``briefings parse --jobs N``, usable from Python:

* :func:`discover` turns files and folders into a stable list of files (folders are
  recursed for ``*.txt``, in sorted order);
* :func:`read_metadata` reads a TSV of per-file publication dates (and outlets,
  kinds, briefing dates) into a :class:`Metadata` lookup;
* :func:`parse_many` parses files with a pool of processes and yields one
  :class:`Outcome` per input, **in input order**; a file that fails (unreadable,
  or a reader error) becomes an outcome carrying a :class:`Failure` and the batch
  goes on;
* :func:`write_failures` / :func:`read_failures` keep failures as JSON Lines, so a
  later run can retry just those files (``briefings parse --retry errors.jsonl``);
* :func:`write_jsonl` / :func:`read_jsonl` stream briefings to and from JSON Lines
  files (memory stays flat however many pass).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("The minister said talks would resume.")
>>> [o.ok for o in parse_many(discover([folder]))]
[True]

Everything handed to worker processes (options, outcomes, failures, briefings,
errors) pickles, so the same functions also run under Dask (:mod:`briefings.dask`).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Literal

import attrs

from briefings.codecs.jsonl import dump_lines, iter_lines
from briefings.errors import BriefingsError, DecodeError
from briefings.model import Briefing

__all__ = [
    "Failure",
    "FileOptions",
    "Metadata",
    "Outcome",
    "Summary",
    "date_in_name",
    "discover",
    "options_for",
    "parse_file",
    "parse_many",
    "read_failures",
    "read_jsonl",
    "read_metadata",
    "read_source",
    "summarize",
    "write_failures",
    "write_jsonl",
]

Kind = Literal["auto", "report", "transcript"]
_KINDS = ("auto", "report", "transcript")

#: A function that reads one text into a briefing, called with the text and the
#: keyword options of :func:`briefings.text.parse`. It must be picklable (a
#: module-level function) to run in worker processes.
Parser = Callable[..., Briefing]


# --------------------------------------------------------------------------- options


@attrs.frozen(kw_only=True)
class FileOptions:
    """How to read one file: the keyword options of :func:`briefings.text.parse`.

    ``None`` means "not known"; :meth:`merged` fills unknown fields from defaults.
    """

    kind: Kind | None = None
    published: dt.date | None = None
    outlet: str | None = None
    held_on: dt.date | None = None

    def merged(self, defaults: FileOptions) -> FileOptions:
        """These options, with each unknown (``None``) field taken from ``defaults``."""
        return FileOptions(
            kind=self.kind if self.kind is not None else defaults.kind,
            published=self.published if self.published is not None else defaults.published,
            outlet=self.outlet if self.outlet is not None else defaults.outlet,
            held_on=self.held_on if self.held_on is not None else defaults.held_on,
        )


_NAME_COLUMNS = ("file", "filename", "path", "name")
_DATE_COLUMNS = ("published", "publication_date", "date")
_OUTLET_COLUMNS = ("outlet", "publisher", "source")
_HELD_COLUMNS = ("held_on",)


@attrs.frozen(kw_only=True)
class Metadata:
    """Per-file options, looked up by path, file name or file name without suffix.

    Build one with :func:`read_metadata`, or directly from a mapping of keys
    (``"2022/a.txt"``, ``"a.txt"`` or ``"a"``) to :class:`FileOptions`.
    """

    entries: Mapping[str, FileOptions] = attrs.field(factory=dict)

    def lookup(self, path: str | os.PathLike[str]) -> FileOptions | None:
        """The options for ``path``: by the path as given, then its name, then its stem."""
        p = Path(path)
        for key in (str(path), p.as_posix(), p.name, p.stem):
            found = self.entries.get(key)
            if found is not None:
                return found
        return None

    def __len__(self) -> int:
        return len(self.entries)


def read_metadata(source: str | os.PathLike[str] | IO[str]) -> Metadata:
    """Read a tab-separated table of per-file options into a :class:`Metadata`.

    The first row names the columns. One column names the file: ``file``,
    ``filename``, ``path`` or ``name`` (matched against a file's path, name, or name
    without suffix); the publication date is ``published``, ``publication_date``
    or ``date`` (YYYY-MM-DD). Optional: ``outlet`` (or ``publisher``, ``source``),
    ``held_on``, and ``kind`` (``report``/``transcript``). Other columns are
    ignored, so a corpus manifest can be used as it is. A bad date raises
    :class:`~briefings.errors.DecodeError` with its line.
    """
    if isinstance(source, str | os.PathLike):
        with Path(source).open(encoding="utf-8-sig", newline="") as stream:
            return read_metadata(stream)
    reader = csv.reader(source, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = [h.strip().lower() for h in next(reader, [])]

    def column(names: tuple[str, ...]) -> int | None:
        for name in names:
            if name in header:
                return header.index(name)
        return None

    name_col = column(_NAME_COLUMNS)
    if name_col is None:
        raise DecodeError(
            "metadata needs a column naming the file: " + ", ".join(_NAME_COLUMNS), "", 0
        )
    date_col = column(_DATE_COLUMNS)
    outlet_col = column(_OUTLET_COLUMNS)
    held_col = column(_HELD_COLUMNS)
    kind_col = column(("kind",))
    entries: dict[str, FileOptions] = {}
    for lineno, row in enumerate(reader, 2):
        key = _cell(row, name_col)
        if key is None:
            continue
        kind = _cell(row, kind_col)
        entries[key] = FileOptions(
            kind=kind if kind in _KINDS else None,  # type: ignore[arg-type]
            published=_date_cell(row, date_col, lineno),
            outlet=_cell(row, outlet_col),
            held_on=_date_cell(row, held_col, lineno),
        )
    return Metadata(entries=entries)


def _cell(row: list[str], col: int | None) -> str | None:
    if col is None or col >= len(row):
        return None
    return row[col].strip() or None


def _date_cell(row: list[str], col: int | None, lineno: int) -> dt.date | None:
    value = _cell(row, col)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise DecodeError(
            f"metadata line {lineno}: not a date (YYYY-MM-DD): {value!r}", "", 0
        ) from None


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")


def date_in_name(path: str | os.PathLike[str]) -> dt.date | None:
    """The first valid ``YYYY-MM-DD`` date (``-``, ``_`` or ``.`` between the parts)
    in the file name of ``path``, or ``None``: ``TASS_2024-12-26_putin.txt`` is
    2024-12-26."""
    for match in _NAME_DATE.finditer(Path(path).name):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            continue
    return None


def options_for(
    path: str,
    defaults: FileOptions,
    *,
    metadata: Metadata | None = None,
    dates_from_names: bool = False,
) -> FileOptions:
    """The options to read ``path`` with: its ``metadata`` entry, then (with
    ``dates_from_names``) the date in its name as the publication date, then
    ``defaults``, each filling what the one before leaves unknown."""
    options = defaults
    if dates_from_names:
        found = date_in_name(path)
        if found is not None:
            options = FileOptions(published=found).merged(options)
    own = metadata.lookup(path) if metadata is not None else None
    return own.merged(options) if own is not None else options


# --------------------------------------------------------------------------- discovery


def discover(paths: Iterable[str | os.PathLike[str]], *, pattern: str = "*.txt") -> list[str]:
    """The files named by ``paths``, in a stable order.

    A file is kept as given (even one that does not exist: reading it fails later,
    as a per-file failure); a folder is recursed for files matching ``pattern``,
    in sorted order of their paths. ``"-"`` (standard input) is kept. A file
    named twice is kept once, at its first place.
    """
    found: list[str] = []
    seen: set[str] = set()
    for path in paths:
        raw = os.fspath(path)
        p = Path(raw)
        names = (
            [str(f) for f in sorted(p.rglob(pattern), key=lambda f: f.as_posix()) if f.is_file()]
            if raw != "-" and p.is_dir()
            else [raw]
        )
        for name in names:
            if name not in seen:
                seen.add(name)
                found.append(name)
    return found


# --------------------------------------------------------------------------- parsing


@attrs.frozen(kw_only=True)
class Failure:
    """A file that could not be read into a briefing, and why.

    ``error`` is the exception's class name (``IntegrityError``,
    ``FileNotFoundError``...), ``message`` its text.
    """

    path: str
    error: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Plain data, as one line of an errors file holds it."""
        return {"path": self.path, "error": self.error, "message": self.message}

    @classmethod
    def from_exception(cls, path: str, exc: BaseException) -> Failure:
        """The failure of ``path`` with ``exc``."""
        message = str(exc)
        if isinstance(exc, OSError) and exc.strerror:
            message = exc.strerror
        return cls(path=path, error=type(exc).__name__, message=message)


@attrs.frozen(kw_only=True)
class Outcome:
    """The result of reading one input: a briefing, or a failure.

    ``index`` is the input's position, ``size`` the bytes read and ``seconds`` the
    time spent reading and parsing it, ``claims`` how many claims were found.
    When :func:`parse_many` was given ``encode``, ``encoded`` holds the encoded
    briefing (a JSON line, say) and ``briefing`` is ``None``.
    """

    index: int
    path: str
    briefing: Briefing | None = None
    encoded: str | None = None
    failure: Failure | None = None
    claims: int = 0
    size: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the input was read into a briefing."""
        return self.failure is None


def read_source(path: str) -> tuple[str, int]:
    """The text of ``path`` (``-``: standard input) decoded as UTF-8, and its size in
    bytes. Bytes that are not UTF-8 are replaced, a byte-order mark dropped."""
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    return data.decode("utf-8-sig", errors="replace"), len(data)


def _default_parser(text: str, **options: object) -> Briefing:
    from briefings.text import parse

    return parse(text, **options)  # type: ignore[arg-type]


def parse_file(
    path: str | os.PathLike[str],
    *,
    kind: Kind = "auto",
    published: dt.date | None = None,
    outlet: str | None = None,
    held_on: dt.date | None = None,
) -> Briefing:
    """Read the text file at ``path`` with :func:`briefings.text.parse`.

    Raises :class:`OSError` when the file cannot be read.
    """
    text, _ = read_source(os.fspath(path))
    return _default_parser(text, kind=kind, published=published, outlet=outlet, held_on=held_on)


@attrs.frozen(kw_only=True)
class _Task:
    index: int
    path: str
    options: FileOptions
    parser: Parser | None = None
    encode: Callable[[Briefing], str] | None = None
    text: str | None = None  # already read (standard input)


def _run(task: _Task) -> Outcome:
    started = time.perf_counter()
    size = 0
    try:
        if task.text is None:
            text, size = read_source(task.path)
        else:
            text, size = task.text, len(task.text.encode("utf-8"))
        opts = task.options
        briefing = (task.parser or _default_parser)(
            text,
            kind=opts.kind or "auto",
            published=opts.published,
            outlet=opts.outlet,
            held_on=opts.held_on,
        )
        if not isinstance(briefing, Briefing):
            raise BriefingsError(f"the reader returned {type(briefing).__name__}, not a Briefing")
        encoded = task.encode(briefing) if task.encode is not None else None
    except Exception as exc:  # one file's failure must not stop the batch
        return Outcome(
            index=task.index,
            path=task.path,
            failure=Failure.from_exception(task.path, exc),
            size=size,
            seconds=time.perf_counter() - started,
        )
    return Outcome(
        index=task.index,
        path=task.path,
        briefing=briefing if encoded is None else None,
        encoded=encoded,
        claims=len(briefing.claims),
        size=size,
        seconds=time.perf_counter() - started,
    )


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int = 1,
    kind: Kind = "auto",
    published: dt.date | None = None,
    outlet: str | None = None,
    held_on: dt.date | None = None,
    metadata: Metadata | None = None,
    dates_from_names: bool = False,
    parser: Parser | None = None,
    encode: Callable[[Briefing], str] | None = None,
) -> Iterator[Outcome]:
    """Read each file of ``paths`` into a briefing, yielding outcomes in input order.

    ``jobs`` > 1 parses in that many worker processes (``0``: one per CPU); at most
    a few files per worker are in flight, so memory stays flat on large corpora.
    The keyword options are those of :func:`briefings.text.parse`; a file listed
    in ``metadata`` gets its own (its publication date, say), falling back to
    these; with ``dates_from_names``, a file not dated there is published on the
    date its name gives (:func:`date_in_name`). A file that cannot be read or
    parsed yields an :class:`Outcome` with a :class:`Failure` instead of a
    briefing, and the batch goes on. ``parser``
    replaces :func:`briefings.text.parse` (it must be a picklable module-level
    function when ``jobs`` > 1). ``encode`` (such as
    :func:`briefings.codecs.to_json`) turns each briefing into text in the worker,
    which is cheaper to send back than the briefing: the outcome then carries
    ``encoded`` instead of ``briefing``.
    """
    if kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {kind!r}")
    if jobs < 0:
        raise ValueError(f"jobs must be >= 0 (0: one per CPU), not {jobs}")
    defaults = FileOptions(kind=kind, published=published, outlet=outlet, held_on=held_on)

    def tasks() -> Iterator[_Task]:
        for index, raw in enumerate(paths):
            path = os.fspath(raw)
            options = options_for(
                path, defaults, metadata=metadata, dates_from_names=dates_from_names
            )
            text = read_source(path)[0] if path == "-" else None
            yield _Task(
                index=index, path=path, options=options, parser=parser, encode=encode, text=text
            )

    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    if workers == 1:
        yield from map(_run, tasks())
        return
    yield from _run_pool(tasks(), workers)


def _run_pool(tasks: Iterator[_Task], workers: int) -> Iterator[Outcome]:
    """Run ``tasks`` on ``workers`` processes, yielding outcomes in task order.

    A bounded window of futures keeps memory flat. If a worker dies (the pool
    breaks), the files in flight are recorded as failures and a new pool takes over.
    """
    window = workers * 4
    pending: deque[tuple[_Task, Future[Outcome]]] = deque()
    executor = ProcessPoolExecutor(max_workers=workers)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                try:
                    pending.append((task, executor.submit(_run, task)))
                except BrokenProcessPool:
                    executor.shutdown(wait=False, cancel_futures=True)
                    executor = ProcessPoolExecutor(max_workers=workers)
                    pending.append((task, executor.submit(_run, task)))
            if not pending:
                return
            task, future = pending.popleft()
            try:
                yield future.result()
            except BrokenProcessPool as exc:
                yield Outcome(
                    index=task.index, path=task.path, failure=Failure.from_exception(task.path, exc)
                )
                # every other future of the broken pool fails too: resubmit them
                retry = [t for t, _ in pending]
                pending.clear()
                executor.shutdown(wait=False, cancel_futures=True)
                executor = ProcessPoolExecutor(max_workers=workers)
                for t in retry:
                    pending.append((t, executor.submit(_run, t)))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- summary


@attrs.frozen(kw_only=True)
class Summary:
    """Totals of a batch: documents read, claims found, failures, bytes and time."""

    documents: int = 0
    claims: int = 0
    failures: int = 0
    size: int = 0
    seconds: float = 0.0

    @property
    def megabytes_per_second(self) -> float:
        """Input throughput in MB/s (10**6 bytes) of wall time."""
        return self.size / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def add(self, outcome: Outcome) -> Summary:
        """This summary with ``outcome`` counted in (the time is not added)."""
        return attrs.evolve(
            self,
            documents=self.documents + (1 if outcome.ok else 0),
            claims=self.claims + outcome.claims,
            failures=self.failures + (0 if outcome.ok else 1),
            size=self.size + outcome.size,
        )

    def __str__(self) -> str:
        return (
            f"{self.documents} document{'s' if self.documents != 1 else ''}, "
            f"{self.claims} claim{'s' if self.claims != 1 else ''}, "
            f"{self.failures} failure{'s' if self.failures != 1 else ''}, "
            f"{self.size / 1e6:.2f} MB in {self.seconds:.2f} s "
            f"({self.megabytes_per_second:.2f} MB/s)"
        )


def summarize(outcomes: Iterable[Outcome], *, seconds: float = 0.0) -> Summary:
    """The :class:`Summary` of ``outcomes``; ``seconds`` is the wall time they took."""
    summary = Summary()
    for outcome in outcomes:
        summary = summary.add(outcome)
    return attrs.evolve(summary, seconds=seconds)


# --------------------------------------------------------------------------- failures


def write_failures(failures: Iterable[Failure], stream: IO[str]) -> int:
    """Write ``failures`` as JSON Lines (``path``, ``error``, ``message``); return how many."""
    n = 0
    for failure in failures:
        stream.write(json.dumps(failure.to_dict(), ensure_ascii=False, sort_keys=False))
        stream.write("\n")
        n += 1
    return n


def read_failures(source: str | os.PathLike[str] | IO[str]) -> list[Failure]:
    """The failures of an errors file written by :func:`write_failures`.

    Raises :class:`~briefings.errors.DecodeError` naming the line of a bad entry.
    """
    if isinstance(source, str | os.PathLike):
        with Path(source).open(encoding="utf-8") as stream:
            return read_failures(stream)
    failures: list[Failure] = []
    for lineno, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DecodeError(f"errors file line {lineno}: {exc.msg}", line, exc.pos) from None
        if not isinstance(data, dict) or not isinstance(data.get("path"), str):
            raise DecodeError(f'errors file line {lineno}: no "path" string', line, 0)
        failures.append(
            Failure(
                path=data["path"],
                error=str(data.get("error", "")),
                message=str(data.get("message", "")),
            )
        )
    return failures


# --------------------------------------------------------------------------- JSON Lines


def write_jsonl(
    briefings: Iterable[Briefing],
    target: str | os.PathLike[str] | IO[str],
    *,
    append: bool = False,
) -> int:
    """Stream ``briefings`` to a JSON Lines file (or text stream); return how many.

    ``append`` adds to the end of an existing file instead of replacing it.
    """
    if isinstance(target, str | os.PathLike):
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a" if append else "w", encoding="utf-8", newline="\n") as stream:
            return dump_lines(briefings, stream)
    return dump_lines(briefings, target)


def read_jsonl(source: str | os.PathLike[str] | IO[str]) -> Iterator[Briefing]:
    """Stream the briefings of a JSON Lines file (or text stream), one at a time.

    Errors name the line (see :func:`briefings.codecs.iter_lines`).
    """
    if isinstance(source, str | os.PathLike):
        with Path(source).open(encoding="utf-8") as stream:
            yield from iter_lines(stream)
        return
    yield from iter_lines(source)
