"""A searchable SQLite index of claims (standard library :mod:`sqlite3`, FTS5).

Build it from JSON Lines, then ask for claims by speaker (any alias), speech act,
date range and full-text query:

>>> import briefings, tempfile, os
>>> text = "Peskov said talks would resume."
>>> b = briefings.Briefing(
...     document=briefings.Document(text=text),
...     people=(briefings.Person(id="p1", name="Dmitry Peskov", aliases=("Peskov",)),),
...     claims=(briefings.Claim(
...         id="c1", speaker_id="p1",
...         content=briefings.Span.find(text, "talks would resume")),),
... )
>>> db = os.path.join(tempfile.mkdtemp(), "corpus.db")
>>> with Index.create(db) as index:
...     index.add([b])
...     [row.content for row in index.query(speaker="peskov", text="talks")]
1
['talks would resume']

The schema (:data:`SCHEMA_SQL`) is part of the API, for querying with SQL directly:

``briefings``
    one row per briefing: ``id``, ``source`` (the JSONL file) and ``line`` in it,
    ``kind``, ``title``, ``outlet``, ``url``, ``published``, ``held_on`` (ISO dates),
    ``place``, ``chars`` (length of the text).
``people``
    every entity that can be a source, per briefing: ``id``, ``briefing_id``,
    ``local_id`` (the id inside the briefing, ``p1``), ``type`` (``person``,
    ``organization`` or ``other``), ``name``.
``aliases``
    ``person_id``, ``alias``: every name of a ``people`` row, its ``name`` included;
    ``aliases_fts`` indexes them word by word.
``claims``
    ``id``, ``briefing_id``, ``local_id``, ``speaker_id`` (a ``people`` row or
    NULL), ``speaker`` (its name), ``act``, ``form``, ``polarity``, ``said_on``
    (the claim's own date), ``date`` (``said_on``, else the briefing's
    ``held_on``, else its ``published``), ``content``, ``start``, ``end``
    (offsets in the text), ``cue``, ``cue_lemma``, ``parent`` (the ``local_id``
    of the claim it is embedded in), ``hedged``, ``confidence``; ``claims_fts`` is
    the FTS5 index of ``content``.
``events``
    ``id``, ``briefing_id``, ``local_id``, ``text``, ``status``, ``date``,
    ``start``, ``end``; ``event_claims`` links events to claims.
``relays``
    the provenance chain of each claim: ``claim_id``, ``position`` (0: nearest
    the speaker), ``person_id`` (the ``people`` row that passed the words on).

Dates are ISO ``YYYY-MM-DD`` text, so they compare and sort as dates.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any

import attrs

from briefings.corpus import read_jsonl
from briefings.errors import BriefingsError, ParseError, ValidationError
from briefings.model import Briefing, Organization, Person, SpeechAct

__all__ = ["SCHEMA_SQL", "SCHEMA_VERSION", "ClaimRow", "Index", "build_index", "query"]

#: Bumped when the tables change; stored in the ``meta`` table.
SCHEMA_VERSION = "1"

#: The tables, indexes and full-text indexes of an index database.
SCHEMA_SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE briefings (
    id INTEGER PRIMARY KEY,
    source TEXT,
    line INTEGER,
    kind TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    held_on TEXT,
    place TEXT,
    chars INTEGER NOT NULL
);
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id),
    local_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL
);
CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id),
    alias TEXT NOT NULL
);
CREATE VIRTUAL TABLE aliases_fts USING fts5 (
    alias, content='aliases', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id),
    local_id TEXT NOT NULL,
    speaker_id INTEGER REFERENCES people (id),
    speaker TEXT,
    act TEXT NOT NULL,
    form TEXT NOT NULL,
    polarity TEXT NOT NULL,
    said_on TEXT,
    date TEXT,
    content TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    cue TEXT,
    cue_lemma TEXT,
    parent TEXT,
    hedged INTEGER NOT NULL,
    confidence REAL NOT NULL
);
CREATE VIRTUAL TABLE claims_fts USING fts5 (
    content, content='claims', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id),
    local_id TEXT NOT NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE TABLE event_claims (
    event_id INTEGER NOT NULL REFERENCES events (id),
    claim_id INTEGER NOT NULL REFERENCES claims (id)
);
CREATE TABLE relays (
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    position INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES people (id)
);
CREATE INDEX relays_claim ON relays (claim_id);
CREATE INDEX relays_person ON relays (person_id);
CREATE INDEX claims_speaker ON claims (speaker_id);
CREATE INDEX claims_act ON claims (act);
CREATE INDEX claims_date ON claims (date);
CREATE INDEX aliases_person ON aliases (person_id);
CREATE INDEX people_briefing ON people (briefing_id);
"""


@attrs.frozen(kw_only=True)
class ClaimRow:
    """One claim found by :meth:`Index.query`, with what a reader needs beside it.

    ``briefing`` is the row id of its briefing, ``source`` and ``line`` where the
    briefing is in the JSON Lines the index was built from, ``claim`` the claim's
    id inside the briefing. Dates are :class:`datetime.date` or ``None``.
    """

    briefing: int
    source: str | None
    line: int | None
    claim: str
    speaker: str | None
    act: str
    form: str
    polarity: str
    date: dt.date | None
    said_on: dt.date | None
    content: str
    start: int
    end: int
    cue: str | None
    title: str | None
    outlet: str | None
    published: dt.date | None

    def to_dict(self) -> dict[str, Any]:
        """Plain data: dates as ISO text, in field order."""
        data = attrs.asdict(self)
        for key in ("date", "said_on", "published"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        return data


_WORD = re.compile(r"\w+")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _acts(act: str | SpeechAct | Iterable[str | SpeechAct] | None) -> list[str]:
    if act is None:
        return []
    items = [act] if isinstance(act, str | SpeechAct) else list(act)
    valid = {a.value for a in SpeechAct}
    out: list[str] = []
    for item in items:
        value = item.value if isinstance(item, SpeechAct) else str(item).strip().lower()
        if value not in valid:
            raise ValidationError(
                f"unknown speech act {item!r}; known acts: {', '.join(sorted(valid))}", "$.act"
            )
        out.append(value)
    return out


def _as_date(value: dt.date | str | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValidationError(f"not a date (YYYY-MM-DD): {value!r}", f"$.{name}") from None


class Index:
    """A claim index in a SQLite database file.

    Open an existing one with ``Index(path)``, make a new one with
    :meth:`Index.create`; use it as a context manager to close it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(2, "No such file or directory", str(path))
        self._db = sqlite3.connect(self.path)
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.DatabaseError:
            self._db.close()
            raise BriefingsError(f"{path}: not a briefings index") from None
        if row is None or row[0] != SCHEMA_VERSION:
            self._db.close()
            raise BriefingsError(
                f"{path}: index schema {row[0] if row else None!r}, "
                f"this version reads {SCHEMA_VERSION!r}; rebuild it"
            )

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, replace: bool = True) -> Index:
        """A new, empty index at ``path`` (an existing file is replaced, unless
        ``replace`` is false, then it is opened and added to)."""
        p = Path(path)
        if p.exists():
            if not replace:
                return cls(p)
            p.unlink()
        p.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(p)
        try:
            # one transaction, not flushed: a new empty index is cheap to remake
            db.executescript(
                f"PRAGMA synchronous = OFF;\nBEGIN;\n{SCHEMA_SQL}\n"
                f"INSERT INTO meta VALUES ('schema', '{SCHEMA_VERSION}');\nCOMMIT;"
            )
        finally:
            db.close()
        return cls(p)

    # -- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The :mod:`sqlite3` connection, for queries of your own."""
        return self._db

    # -- building ----------------------------------------------------------------------

    def add(self, briefings: Iterable[Briefing], *, source: str | None = None) -> int:
        """Add ``briefings`` (in one transaction); return how many were added.

        ``source`` names where they come from (a JSONL path); each briefing's
        ``line`` is then its 1-based position in that stream.
        """
        n = 0
        with self._db:
            cur = self._db.cursor()
            for briefing in briefings:
                n += 1
                _insert(cur, briefing, source, n if source is not None else None)
        return n

    def add_jsonl(self, path: str | os.PathLike[str]) -> int:
        """Add the briefings of a JSON Lines file, streamed; return how many.

        Nothing of the file is added if one of its lines is invalid; the error
        (naming the line) gets the file's name as ``filename``.
        """
        try:
            return self.add(read_jsonl(path), source=os.fspath(path))
        except BriefingsError as exc:
            exc.filename = os.fspath(path)  # type: ignore[attr-defined]
            raise

    # -- reading -----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many rows each table has: briefings, people, aliases, claims, events,
        relays."""
        return {
            table: int(self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("briefings", "people", "aliases", "claims", "events", "relays")
        }

    def query(
        self,
        *,
        speaker: str | None = None,
        relayed_by: str | None = None,
        act: str | SpeechAct | Iterable[str | SpeechAct] | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[ClaimRow]:
        """The claims that match every given condition.

        ``speaker`` matches a speaker any of whose names (name or alias) contains
        all its words, case and accents aside (``"peskov"`` finds "Dmitry Peskov");
        ``relayed_by`` likewise matches anyone in the claim's provenance chain
        (``"TASS"``).
        ``act`` is a speech act or several (any of them). ``since`` and ``until``
        bound the claim's ``date``, both inclusive. ``text`` is an FTS5 query on
        the claim's content (``NATO``, ``"security guarantees"``, ``talks OR
        negotiations``). Results come by date, then briefing, then position; with
        ``text``, best match first. Raises
        :class:`~briefings.errors.ValidationError` for an unknown act or a bad
        date, :class:`~briefings.errors.ParseError` for a bad full-text query.
        """
        where: list[str] = []
        params: list[Any] = []
        order = "c.date IS NULL, c.date, c.briefing_id, c.start, c.id"
        named = (
            "(SELECT a.person_id FROM aliases AS a WHERE a.id IN "
            "(SELECT rowid FROM aliases_fts WHERE aliases_fts MATCH ?))"
        )
        for name, condition in (
            (speaker, f"c.speaker_id IN {named}"),
            (
                relayed_by,
                f"c.id IN (SELECT r.claim_id FROM relays AS r WHERE r.person_id IN {named})",
            ),
        ):
            if name is None:
                continue
            words = _WORD.findall(name)
            if not words:
                return []
            where.append(condition)
            params.append(" ".join('"' + w.replace('"', '""') + '"' for w in words))
        acts = _acts(act)
        if acts:
            where.append(f"c.act IN ({', '.join('?' for _ in acts)})")
            params.extend(acts)
        lo, hi = _as_date(since, "since"), _as_date(until, "until")
        if lo is not None:
            where.append("c.date >= ?")
            params.append(lo)
        if hi is not None:
            where.append("c.date <= ?")
            params.append(hi)
        join = ""
        if text is not None:
            join = "JOIN claims_fts AS f ON f.rowid = c.id"
            where.append("claims_fts MATCH ?")
            params.append(text)
            order = "f.rank, " + order
        sql = (
            "SELECT c.briefing_id, b.source, b.line, c.local_id, c.speaker, c.act, c.form, "
            'c.polarity, c.date, c.said_on, c.content, c.start, c."end", c.cue, b.title, '
            f"b.outlet, b.published FROM claims AS c JOIN briefings AS b ON b.id = c.briefing_id "
            f"{join} {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order}"
        )
        if limit is not None:
            if limit < 0:
                raise ValidationError(f"limit must be >= 0, got {limit}", "$.limit")
            sql += " LIMIT ?"
            params.append(limit)
        try:
            rows = self._db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if text is not None:  # the only user-written SQL: the FTS5 query
                raise ParseError(f"bad full-text query: {exc}", text, 0) from None
            raise
        return [
            ClaimRow(
                briefing=r[0],
                source=r[1],
                line=r[2],
                claim=r[3],
                speaker=r[4],
                act=r[5],
                form=r[6],
                polarity=r[7],
                date=_date(r[8]),
                said_on=_date(r[9]),
                content=r[10],
                start=r[11],
                end=r[12],
                cue=r[13],
                title=r[14],
                outlet=r[15],
                published=_date(r[16]),
            )
            for r in rows
        ]


def _entity_type(entity: object) -> str:
    if isinstance(entity, Person):
        return "person"
    if isinstance(entity, Organization):
        return "organization"
    return "other"


def _insert(cur: sqlite3.Cursor, b: Briefing, source: str | None, line: int | None) -> None:
    doc = b.document
    cur.execute(
        "INSERT INTO briefings (source, line, kind, title, outlet, url, published, held_on, "
        "place, chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            source,
            line,
            b.kind.value,
            doc.title,
            doc.outlet,
            doc.url,
            _iso(doc.published),
            _iso(b.held_on),
            b.place,
            len(doc.text),
        ),
    )
    bid = cur.lastrowid
    people: dict[str, tuple[int, str]] = {}
    for entity in b.entities:
        cur.execute(
            "INSERT INTO people (briefing_id, local_id, type, name) VALUES (?, ?, ?, ?)",
            (bid, entity.id, _entity_type(entity), entity.name),
        )
        pid = cur.lastrowid
        assert pid is not None
        people[entity.id] = (pid, entity.name)
        names = dict.fromkeys((entity.name, *entity.aliases))
        for name in names:
            cur.execute("INSERT INTO aliases (person_id, alias) VALUES (?, ?)", (pid, name))
            cur.execute(
                "INSERT INTO aliases_fts (rowid, alias) VALUES (?, ?)", (cur.lastrowid, name)
            )
    fallback = b.held_on or doc.published
    claim_rows: dict[str, int] = {}
    for claim in b.claims:
        speaker = people.get(claim.speaker_id) if claim.speaker_id is not None else None
        cur.execute(
            "INSERT INTO claims (briefing_id, local_id, speaker_id, speaker, act, form, "
            'polarity, said_on, date, content, start, "end", cue, cue_lemma, parent, hedged, '
            "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                bid,
                claim.id,
                speaker[0] if speaker else None,
                speaker[1] if speaker else None,
                claim.act.value,
                claim.form.value,
                claim.polarity.value,
                _iso(claim.said_on),
                _iso(claim.said_on or fallback),
                claim.text,
                claim.content.start,
                claim.content.end,
                claim.cue.span.text if claim.cue else None,
                claim.cue.lemma if claim.cue else None,
                claim.parent_id,
                int(claim.hedged),
                claim.confidence,
            ),
        )
        assert cur.lastrowid is not None
        claim_rows[claim.id] = cur.lastrowid
        cur.execute(
            "INSERT INTO claims_fts (rowid, content) VALUES (?, ?)", (cur.lastrowid, claim.text)
        )
        cur.executemany(
            "INSERT INTO relays (claim_id, position, person_id) VALUES (?, ?, ?)",
            [
                (claim_rows[claim.id], i, people[relay.entity_id][0])
                for i, relay in enumerate(claim.relayed_by)
            ],
        )
    for event in b.events:
        cur.execute(
            'INSERT INTO events (briefing_id, local_id, text, status, date, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                bid,
                event.id,
                event.span.text,
                event.status.value,
                _iso(event.date),
                event.span.start,
                event.span.end,
            ),
        )
        eid = cur.lastrowid
        cur.executemany(
            "INSERT INTO event_claims (event_id, claim_id) VALUES (?, ?)",
            [(eid, claim_rows[c]) for c in event.claim_ids],
        )


def build_index(
    sources: Iterable[str | os.PathLike[str]],
    database: str | os.PathLike[str],
    *,
    replace: bool = True,
) -> dict[str, int]:
    """Build (or, with ``replace=False``, extend) the index ``database`` from JSON
    Lines files; return the row counts of its tables (see :meth:`Index.counts`).

    A new index is built beside ``database`` and moved into place when complete,
    so an error (a bad line in a source) leaves an existing index as it was.
    """
    target = Path(database)
    if not replace and target.exists():
        with Index(target) as index:
            for source in sources:
                index.add_jsonl(source)
            return index.counts()
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with Index.create(partial) as index:
            # a partial file: no need to flush each step, it is moved in at the end
            index.connection.execute("PRAGMA synchronous = OFF")
            for source in sources:
                index.add_jsonl(source)
            counts = index.counts()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return counts


def query(database: str | os.PathLike[str], **conditions: Any) -> list[ClaimRow]:
    """Open the index ``database`` and run :meth:`Index.query` with ``conditions``."""
    with Index(database) as index:
        return index.query(**conditions)
