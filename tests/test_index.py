"""The SQLite claim index: build from JSON Lines, query by alias, act, dates, text."""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from briefings.corpus import write_jsonl
from briefings.errors import BriefingsError, DecodeError, ParseError, ValidationError
from briefings.index import SCHEMA_SQL, ClaimRow, Index, build_index, query
from briefings.model import (
    Briefing,
    Claim,
    Cue,
    Document,
    Event,
    EventStatus,
    Form,
    Organization,
    Person,
    Relay,
    Span,
    SpeechAct,
)
from briefings.strategies import briefings

PESKOV_TEXT = (
    "Kremlin spokesman Dmitry Peskov warned that NATO expansion threatens Russia. "
    "He said talks with Washington would resume in January. "
    "The ministry said it had no plans to invade."
)
NIINISTO_TEXT = "President Sauli Niinistö said Finland would consider joining NATO."


def peskov_briefing() -> Briefing:
    text = PESKOV_TEXT
    return Briefing(
        document=Document(text=text, title="Peskov briefing", published=dt.date(2021, 12, 20)),
        held_on=dt.date(2021, 12, 19),
        people=(
            Person(
                id="p1",
                name="Dmitry Peskov",
                aliases=("Peskov", "Kremlin spokesman Dmitry Peskov"),
            ),
        ),
        organizations=(
            Organization(id="o1", name="Russian Foreign Ministry"),
            Organization(id="o2", name="TASS", aliases=("TASS news agency",)),
        ),
        claims=(
            Claim(
                id="c1",
                speaker_id="p1",
                act=SpeechAct.WARNING,
                cue=Cue(span=Span.find(text, "warned"), lemma="warn"),
                content=Span.find(text, "NATO expansion threatens Russia"),
                said_on=dt.date(2021, 12, 18),
            ),
            Claim(
                id="c2",
                speaker_id="p1",
                act=SpeechAct.STATEMENT,
                content=Span.find(text, "talks with Washington would resume in January"),
                relayed_by=(Relay(entity_id="o2"),),
            ),
            Claim(
                id="c3",
                speaker_id="o1",
                act=SpeechAct.DENIAL,
                form=Form.INDIRECT,
                content=Span.find(text, "it had no plans to invade"),
            ),
        ),
        events=(
            Event(
                id="e1",
                span=Span.find(text, "talks"),
                status=EventStatus.PLANNED,
                claim_ids=("c2",),
            ),
        ),
    )


def niinisto_briefing() -> Briefing:
    text = NIINISTO_TEXT
    return Briefing(
        document=Document(text=text, published=dt.date(2022, 5, 12)),
        people=(Person(id="p1", name="Sauli Niinistö"),),
        claims=(
            Claim(
                id="c1",
                speaker_id="p1",
                act=SpeechAct.ANNOUNCEMENT,
                content=Span.find(text, "Finland would consider joining NATO"),
            ),
        ),
    )


@pytest.fixture
def index(tmp_path: Path) -> Index:
    source = tmp_path / "corpus.jsonl"
    write_jsonl([peskov_briefing(), niinisto_briefing()], source)
    build_index([source], tmp_path / "corpus.db")
    return Index(tmp_path / "corpus.db")


def contents(rows: list[ClaimRow]) -> list[str]:
    return [r.content for r in rows]


def test_counts_and_rows(index: Index) -> None:
    with index:
        assert index.counts() == {
            "briefings": 2,
            "people": 4,
            "aliases": 7,
            "claims": 4,
            "events": 1,
            "relays": 1,
        }
        (row,) = index.query(act="warning")
    assert row.to_dict() == {
        "briefing": 1,
        "source": str(index.path.parent / "corpus.jsonl"),
        "line": 1,
        "claim": "c1",
        "speaker": "Dmitry Peskov",
        "act": "warning",
        "form": "indirect",
        "polarity": "positive",
        "date": "2021-12-18",
        "said_on": "2021-12-18",
        "content": "NATO expansion threatens Russia",
        "start": 44,
        "end": 75,
        "cue": "warned",
        "title": "Peskov briefing",
        "outlet": None,
        "published": "2021-12-20",
    }


@pytest.mark.parametrize(
    "name",
    ["Peskov", "peskov", "PESKOV", "Dmitry Peskov", "kremlin spokesman", "Peskov, Dmitry"],
)
def test_a_speaker_is_found_by_any_alias(index: Index, name: str) -> None:
    with index:
        rows = index.query(speaker=name)
    assert [r.claim for r in rows] == ["c1", "c2"]


@pytest.mark.parametrize("name", ["Dmitry Medvedev", "Kremlin spokeswoman", "...", ""])
def test_other_names_do_not_match(index: Index, name: str) -> None:
    with index:
        assert index.query(speaker=name) == []


def test_speaker_matching_ignores_accents(index: Index) -> None:
    with index:
        assert contents(index.query(speaker="niinisto")) == ["Finland would consider joining NATO"]
        assert contents(index.query(speaker="Russian Foreign Ministry")) == [
            "it had no plans to invade"
        ]


def test_dates_fall_back_to_held_on_then_published(index: Index) -> None:
    with index:
        rows = index.query()
    assert [(r.claim, r.date, r.said_on) for r in rows] == [
        ("c1", dt.date(2021, 12, 18), dt.date(2021, 12, 18)),
        ("c2", dt.date(2021, 12, 19), None),
        ("c3", dt.date(2021, 12, 19), None),
        ("c1", dt.date(2022, 5, 12), None),
    ]


def test_since_and_until_are_inclusive(index: Index) -> None:
    with index:
        assert len(index.query(since=dt.date(2021, 12, 19))) == 3
        assert len(index.query(since="2021-12-19", until="2021-12-19")) == 2
        assert len(index.query(until=dt.date(2021, 12, 18))) == 1
        assert index.query(since="2023-01-01") == []


def test_full_text_and_combined_conditions(index: Index) -> None:
    with index:
        assert contents(index.query(text="NATO")) == [
            "NATO expansion threatens Russia",
            "Finland would consider joining NATO",
        ] or contents(index.query(text="NATO")) == [
            "Finland would consider joining NATO",
            "NATO expansion threatens Russia",
        ]
        assert contents(index.query(speaker="Peskov", act="warning", text="nato")) == [
            "NATO expansion threatens Russia"
        ]
        assert contents(index.query(speaker="Peskov", text='"would resume"')) == [
            "talks with Washington would resume in January"
        ]
        assert index.query(speaker="Peskov", act=SpeechAct.DENIAL) == []
        assert len(index.query(act=["warning", SpeechAct.DENIAL])) == 2
        assert len(index.query(limit=2)) == 2
        assert index.query(limit=0) == []


def test_query_errors(index: Index) -> None:
    with index:
        with pytest.raises(ValidationError) as info:
            index.query(act="whisper")
        assert str(info.value).startswith("unknown speech act 'whisper'; known acts: accusation,")
        assert str(info.value).endswith("@ $.act")
        with pytest.raises(ValidationError) as info:
            index.query(since="last week")
        assert str(info.value) == "not a date (YYYY-MM-DD): 'last week' @ $.since"
        with pytest.raises(ValidationError, match="limit must be >= 0"):
            index.query(limit=-1)
        with pytest.raises(ParseError, match="bad full-text query"):
            index.query(text='"unbalanced')


def test_events_and_links_are_queryable_with_sql(index: Index) -> None:
    with index:
        rows = index.connection.execute(
            "SELECT e.text, e.status, c.content FROM events e "
            "JOIN event_claims ec ON ec.event_id = e.id JOIN claims c ON c.id = ec.claim_id"
        ).fetchall()
    assert rows == [("talks", "planned", "talks with Washington would resume in January")]


def test_schema_is_documented() -> None:
    import briefings.index as module

    assert module.__doc__ is not None
    for table in ("briefings", "people", "aliases", "claims", "events", "event_claims"):
        assert f"CREATE TABLE {table} (" in SCHEMA_SQL
        assert f"``{table}``" in module.__doc__


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Index(tmp_path / "none.db")
    junk = tmp_path / "junk.db"
    junk.write_text("not a database at all, really" * 20, encoding="utf-8")
    with pytest.raises(BriefingsError, match="not a briefings index"):
        Index(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE meta (key TEXT, value TEXT)").connection.close()
    with pytest.raises(BriefingsError, match="index schema None"):
        Index(other)


def test_replace_or_append(tmp_path: Path) -> None:
    source = tmp_path / "a.jsonl"
    write_jsonl([peskov_briefing()], source)
    db = tmp_path / "x.db"
    assert build_index([source], db)["claims"] == 3
    assert build_index([source], db)["claims"] == 3
    assert build_index([source], db, replace=False)["claims"] == 6
    assert len(query(db, speaker="peskov")) == 4


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(briefings(max_claims=4))
def test_every_claim_of_the_jsonl_is_found(briefing: Briefing) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "c.jsonl"
        write_jsonl([briefing, briefing], source)
        db = Path(folder) / "c.db"
        build_index([source], db)
        with Index(db) as index:
            rows = index.query()
            found = {(r.line, r.claim): r for r in rows}
            assert len(rows) == 2 * len(briefing.claims)
            for line in (1, 2):
                for claim in briefing.claims:
                    row = found[(line, claim.id)]
                    assert row.content == claim.text
                    assert row.act == claim.act.value
                    assert row.form == claim.form.value
                    assert (row.start, row.end) == (claim.content.start, claim.content.end)
                    speaker = briefing.speaker(claim)
                    assert row.speaker == (speaker.name if speaker else None)
                    expected = claim.said_on or briefing.held_on or briefing.document.published
                    assert row.date == expected
            for claim in briefing.claims:
                speaker = briefing.speaker(claim)
                if speaker is None or not any(ch.isalnum() for ch in speaker.name):
                    continue
                hits = index.query(speaker=speaker.name)
                assert {(r.line, r.claim) for r in hits} >= {(1, claim.id), (2, claim.id)}


def test_a_bad_line_leaves_the_existing_index_as_it_was(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    write_jsonl([peskov_briefing()], good)
    bad.write_text(good.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    db = tmp_path / "x.db"
    build_index([good], db)
    with pytest.raises(DecodeError) as info:
        build_index([good, bad], db)
    assert info.value.filename == str(bad)  # type: ignore[attr-defined]
    assert str(info.value).startswith("line 2: ")
    with Index(db) as index:
        assert index.counts()["claims"] == 3
    with pytest.raises(DecodeError):
        build_index([bad], db, replace=False)
    with Index(db) as index:
        assert index.counts()["claims"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "good.jsonl", "x.db"]


def test_real_corpus_round_trip(shared_dir: Path, tmp_path: Path) -> None:
    from briefings.corpus import discover, parse_many, read_metadata

    folder = shared_dir / "corpora" / "briefings"
    paths = discover([folder])[::7]
    outcomes = list(parse_many(paths, metadata=read_metadata(folder / "MANIFEST.tsv")))
    parsed = [o.briefing for o in outcomes if o.briefing is not None]
    assert len(parsed) == len(paths)
    source = tmp_path / "real.jsonl"
    write_jsonl(parsed, source)
    counts = build_index([source], tmp_path / "real.db")
    assert counts["claims"] == sum(len(b.claims) for b in parsed) > 0
    with Index(tmp_path / "real.db") as index:
        for line, briefing in enumerate(parsed, 1):
            for claim in briefing.claims:
                phrase = '"' + claim.text.replace('"', '""') + '"'
                if any(ch.isalnum() for ch in claim.text):
                    found = {(r.line, r.claim) for r in index.query(text=phrase)}
                    assert (line, claim.id) in found, claim.text
                speaker = briefing.speaker(claim)
                if speaker is not None and any(ch.isalnum() for ch in speaker.name):
                    found = {(r.line, r.claim) for r in index.query(speaker=speaker.name)}
                    assert (line, claim.id) in found, speaker.name


def test_relayed_by_matches_any_name_in_the_chain(index: Index) -> None:
    with index:
        assert [r.claim for r in index.query(relayed_by="tass")] == ["c2"]
        assert [r.claim for r in index.query(relayed_by="TASS news agency")] == ["c2"]
        assert index.query(relayed_by="Reuters") == []
        assert index.query(relayed_by="tass", speaker="Niinisto") == []
        rows = index.connection.execute(
            "SELECT c.local_id, r.position, p.name FROM relays r "
            "JOIN claims c ON c.id = r.claim_id JOIN people p ON p.id = r.person_id"
        ).fetchall()
    assert rows == [("c2", 0, "TASS")]
