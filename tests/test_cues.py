"""Tests for the reporting-verb lexicon (briefings.text._cues)."""

from __future__ import annotations

import pytest

from briefings.model import SpeechAct
from briefings.text._cues import match_cue
from briefings.text._sentences import tokens


def _cue(text: str, word: str) -> tuple[str, SpeechAct, str] | None:
    toks = tokens(text, 0, len(text))
    k = next(i for i, t in enumerate(toks) if t.text == word)
    m = match_cue(toks, k)
    if m is None:
        return None
    return text[toks[m.i].start : toks[m.j - 1].end], m.act, m.kind


@pytest.mark.parametrize(
    ("text", "word", "act"),
    [
        ("He says so", "says", SpeechAct.STATEMENT),
        ("He was saying so", "saying", SpeechAct.STATEMENT),
        ("She warned that", "warned", SpeechAct.WARNING),
        ("She stressed that", "stressed", SpeechAct.EMPHASIS),
        ("They denied it", "denied", SpeechAct.DENIAL),
        ("He assures us", "assures", SpeechAct.ASSURANCE),
        ("explaining that", "explaining", SpeechAct.EXPLANATION),
        ("She believes that", "believes", SpeechAct.CLAIM),
        ("They fear that", "fear", SpeechAct.BELIEF),
    ],
)
def test_verbs_in_every_tense(text: str, word: str, act: SpeechAct) -> None:
    found = _cue(text, word)
    assert found is not None
    assert found[1] is act


def test_phrases() -> None:
    assert _cue("he declined to comment", "declined") == (
        "declined to comment",
        SpeechAct.REFUSAL,
        "refusal",
    )
    assert _cue("According to him", "According") == (
        "According to",
        SpeechAct.STATEMENT,
        "according",
    )
    found = _cue("he was quoted by TASS as saying", "quoted")
    assert found == ("was quoted by TASS as saying", SpeechAct.STATEMENT, "quoted")
    assert _cue("He expressed confidence that", "expressed") == (
        "expressed confidence",
        SpeechAct.ASSURANCE,
        "verb",
    )


def test_phrasal_cues() -> None:
    assert _cue("she fired back at him", "fired") == ("fired back", SpeechAct.ANSWER, "verb")
    assert _cue("he went on: more", "went") == ("went on", SpeechAct.STATEMENT, "verb")
    assert _cue("he went on vacation", "went") is None


def test_non_cues() -> None:
    assert _cue("the weather is fine", "weather") is None
    assert _cue("he pointed at it", "pointed") is None
