"""Tests for briefings.text._events: event references, their status and time."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefings.model import Anchor, EventStatus
from briefings.text._events import EventMatch, find_events
from briefings.text._time import find_times

ANCHOR = dt.date(2024, 3, 14)


def events(text: str, **kw: bool) -> list[tuple[str, str]]:
    times = find_times(text, anchor_date=ANCHOR, anchor=Anchor.CLAIM)
    return [
        (text[e.start : e.end], e.status.value)
        for e in find_events(text, 0, len(text), times=times, **kw)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks took place in Geneva.", [("The talks", "occurred")]),
        ("The summit was held behind closed doors.", [("The summit", "occurred")]),
        ("The negotiations are under way.", [("The negotiations", "ongoing")]),
        ("The naval exercises are continuing.", [("The naval exercises", "ongoing")]),
        (
            "Ministers will hold consultations next week.",
            [("Ministers will hold consultations", "planned")],
        ),
        ("A visit to Hanoi is scheduled for May.", [("A visit to Hanoi", "planned")]),
        ("We expect a reply from Washington.", [("a reply from Washington", "expected")]),
        ("New sanctions could follow.", [("New sanctions could follow", "possible")]),
        ("There are no plans for a summit.", [("a summit", "not_planned")]),
        ("The ministry denied the attack took place.", [("the attack", "denied")]),
        ("The drills reportedly began at dawn.", [("The drills", "alleged")]),
        ("The elections matter.", [("The elections", "unknown")]),
    ],
)
def test_status(text: str, expected: list[tuple[str, str]]) -> None:
    assert events(text) == expected


def test_no_before_the_phrase() -> None:
    assert events("There will be no further talks.") == [("further talks", "not_planned")]
    assert events("There were no strikes on the city.") == [("strikes on the city", "denied")]
    assert events("They agreed to hold further talks.") == [("further talks", "planned")]


def test_negated_and_hedged_claims() -> None:
    assert events("A meeting is planned.", negated=True) == [("A meeting", "not_planned")]
    assert events("The strikes happened.", negated=True) == [("The strikes", "denied")]
    assert events("The referendum matters.", hedged=True) == [("The referendum", "possible")]


def test_phrases_take_modifiers_and_post_modifiers() -> None:
    assert events("Critics cite Ruritania’s possible invasion of Freedonia.")[0][0] == (
        "Ruritania’s possible invasion of Freedonia"
    )
    assert events("the danger of provocation by rebels in the east is rising")[0] == (
        "provocation by rebels in the east",
        "possible",
    )
    assert events("no plans exist for new meetings between Smith and Jones")[0] == (
        "new meetings between Smith and Jones",
        "not_planned",
    )


def test_coordination_and_brackets() -> None:
    text = "They began the talks, the consultation [on tariffs], and we await results."
    assert events(text) == [("the talks, the consultation [on tariffs]", "occurred")]
    text = "We see a constant series of exercises, drills, and naval training."
    assert events(text) == [("exercises, drills, and naval training", "ongoing")]


def test_modal_clauses() -> None:
    assert events("She refused to guess when the rebels might start their offensive.") == [
        ("the rebels might start their offensive", "possible")
    ]
    assert events("He noted that a formal reply will be drafted.") == [
        ("a formal reply will be drafted", "planned")
    ]
    # an expectation in the claim makes a planned event an expected one
    assert events("We await it. He noted that a formal reply will be drafted.")[-1] == (
        "a formal reply will be drafted",
        "expected",
    )


def test_argument_nouns_are_not_separate_events_unless_dated() -> None:
    assert events("we hope to get official responses to our proposals, which matter") == [
        ("official responses to our proposals", "expected")
    ]
    text = "once it studies the reply to the proposals that Ruritania presented on Dec. 15, 2021."
    got = events(text)
    assert got[-1] == (
        "the proposals that Ruritania presented on Dec. 15, 2021",
        "occurred",
    )
    times = find_times(text, anchor_date=ANCHOR)
    last = find_events(text, 0, len(text), times=times)[-1]
    assert last.time is not None
    assert last.time.value == "2021-12-15"


def test_time_in_the_clause() -> None:
    text = "The talks will take place next week."
    times = find_times(text, anchor_date=ANCHOR)
    (e,) = find_events(text, 0, len(text), times=times)
    assert text[e.start : e.end] == "The talks will take place"
    assert e.time is not None
    assert text[e.time.start : e.time.end] == "next week"
    assert e.status is EventStatus.PLANNED


def test_a_present_time_before_the_phrase_dates_the_clause_not_the_event() -> None:
    text = "There are no plans at the moment for a summit."
    times = find_times(text, anchor_date=ANCHOR)
    (e,) = find_events(text, 0, len(text), times=times)
    assert e.time is None
    text = "Yesterday the talks took place."
    times = find_times(text, anchor_date=ANCHOR)
    (e,) = find_events(text, 0, len(text), times=times)
    assert e.time is not None
    assert e.time.value == "2024-03-13"


def test_status_from_a_past_time() -> None:
    text = "The referendum on March 3."
    times = find_times(text, anchor_date=ANCHOR, anchor=Anchor.CLAIM)
    (e,) = find_events(text, 0, len(text), times=times)
    assert e.status is EventStatus.OCCURRED


@pytest.mark.parametrize(
    "text",
    [
        "They talk every day.",
        "He will visit Moscow.",
        "She wants to attack the problem.",
        "That was an offensive remark.",
        "We call on everyone.",
        "Nothing happened here.",
        "He will then visit Paris.",
    ],
)
def test_verbs_and_adjectives_are_not_events(text: str) -> None:
    assert events(text) == []


def test_expectation_in_the_enclosing_claim() -> None:
    text = "We await it. He noted that a formal reply will be drafted."
    inner = text.index("a formal")
    (alone,) = find_events(text, inner, len(text))
    assert alone.status is EventStatus.PLANNED
    (within,) = find_events(text, inner, len(text), context=(0, len(text)))
    assert within.status is EventStatus.EXPECTED
    assert find_events(text, inner, len(text), context=(-9, 10**9)) == [within]


def test_phrases_stay_in_their_paragraph_and_prepositional_phrase() -> None:
    assert events("A new incident\n\nIn addition, more") == [("A new incident", "unknown")]
    assert events("The ballots of the election will be cast.") == [("the election", "planned")]
    assert events("new sanctions on the so-called “fleet”") == [("new sanctions", "unknown")]
    assert events("The summit in Kazan showed unity.") == [("The summit in Kazan", "unknown")]


def test_range_limits_and_offsets() -> None:
    text = "The summit ended. Talks with Iran will resume."
    got = find_events(text, 18, len(text))
    assert [text[e.start : e.end] for e in got] == ["Talks with Iran will resume"]
    assert find_events(text, 30, 5) == []
    assert [e.start for e in find_events(text, -3, 10**6)] == [0, 18]


@given(
    text=st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "the talks",
                    " ",
                    ", ",
                    "and ",
                    "[",
                    "]",
                    "will ",
                    "might ",
                    "visit ",
                    "that ",
                    "of ",
                    "Dec. 15, 2021",
                    "yesterday",
                    ".",
                    "drills",
                    "’s",
                    "no plans",
                    "n't ",
                    "\n",
                ]
            )
        ).map("".join),
    ),
    a=st.integers(-3, 120),
    b=st.integers(-3, 120),
    negated=st.booleans(),
    context=st.none() | st.tuples(st.integers(-3, 200), st.integers(-3, 200)),
    hedged=st.booleans(),
)
def test_total_and_spans_slice(
    *, text: str, a: int, b: int, negated: bool, hedged: bool, context: tuple[int, int] | None
) -> None:
    times = find_times(text, anchor_date=ANCHOR)
    got = find_events(text, a, b, times=times, negated=negated, hedged=hedged, context=context)
    for e in got:
        assert isinstance(e, EventMatch)
        assert max(0, a) <= e.start < e.end <= min(len(text), max(b, 0))
        assert e.head in text[e.start : e.end].lower()
        assert e.time is None or e.time in times


@given(
    text=st.lists(
        st.sampled_from(
            ["talks", "Talks", "TALKS", "TaLkS", "the ", " ", "-", "’", "'", "s", "x", "\n", "."]
        )
    ).map("".join)
)
def test_the_quick_gate_changes_nothing(text: str) -> None:
    import briefings.text._events as module

    with_gate = find_events(text, 0, len(text))
    saved = module._GATE
    try:
        module._GATE = re.compile(r"(?s)")  # always matches
        assert find_events(text, 0, len(text)) == with_gate
    finally:
        module._GATE = saved


def test_linear_time() -> None:
    """Pathological inputs of 100,000+ characters finish in well under a second each."""
    for text in ("the talks and " * 10_000, "[" * 100_000, "visit " * 20_000, "a" * 200_000):
        started = time.perf_counter()
        find_events(text, 0, len(text))
        assert time.perf_counter() - started < 5


def test_seed_events(shared_dir: Path) -> None:
    """The seed's events, read from each claim's content (or the text), with their status."""
    facts_path = shared_dir / "acceptance" / "eirns-2022-01-25-peskov.facts.json"
    facts = json.loads(facts_path.read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / "eirns-2022-01-25-peskov.txt").read_text(encoding="utf-8")
    held_on = dt.date.fromisoformat(facts["briefing"]["held_on"])
    times = find_times(text, anchor_date=held_on, anchor=Anchor.CLAIM)
    claims = {c["id"]: c for c in facts["claims"]}
    found = 0
    for item in facts["events"]:
        at = text.find(item["text"])
        assert at >= 0
        if "claimed_in" in item:
            claim = claims[item["claimed_in"]]
            lo = text.find(claim["content"])
            hi = lo + len(claim["content"])
            negated = claim.get("polarity") == "negative"
        else:  # the reporter's framing: the sentence it sits in
            lo = text.rfind(".", 0, at) + 1
            hi = text.find(".", at) + 1
            negated = False
        got = find_events(text, lo, hi, times=times, negated=negated)
        spans = {(e.start, e.end): e for e in got}
        match = spans.get((at, at + len(item["text"])))
        assert match is not None, item["text"]
        assert match.status.value == item["status"].replace(" ", "_"), item["text"]
        if "date" in item:
            assert match.time is not None
            assert match.time.value == item["date"]
        found += 1
    assert found == len(facts["events"])
