"""Tests of the transcript reader (:mod:`briefings.text.transcript`).

The examples are written for these tests in the shapes the corpus README describes
(White House, State Department, foreign ministry, Kremlin); the real corpus is read
only through the ``shared_dir`` fixture (tests/test_transcript_corpus.py).
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefings import parse, parse_transcript
from briefings.model import (
    Briefing,
    BriefingKind,
    Form,
    MentionKind,
    OrgKind,
    Person,
    SpeechAct,
    Turn,
    TurnKind,
)
from briefings.text.transcript import looks_like_transcript


def names(b: Briefing) -> dict[str, str]:
    return {e.id: e.name for e in b.entities}


def row(b: Briefing, turn: Turn) -> tuple[str, str, str]:
    label = turn.label.text if turn.label else ""
    speaker = names(b).get(turn.speaker_id or "", "")
    return label, speaker, turn.kind.value


def check_invariants(b: Briefing) -> None:
    text = b.document.text
    last_end = -1
    seen: set[str] = set()
    for i, turn in enumerate(b.turns):
        assert turn.n == i + 1
        assert text[turn.span.start : turn.span.end] == turn.span.text
        if turn.label is not None:
            assert turn.label.end <= turn.span.start
            assert turn.label.start >= last_end
        assert turn.span.start >= last_end
        last_end = turn.span.end
        assert all(a in seen for a in turn.answers), "answers point backwards"
        seen.add(turn.id)
    for s in b.stage_directions:
        assert text[s.start : s.end] == s.text


WH = (
    "Press Briefing by Press Secretary Jen Psaki, September 16, 2021\n"
    "\n"
    "James S. Brady Press Briefing Room\n"
    "\n"
    "2:47 P.M. EDT\n"
    "\n"
    "MS. PSAKI:\xa0 Hi, everyone. I have one item at the top.\n"
    "\n"
    "The President will travel to Michigan on Tuesday.\n"
    "\n"
    "Q\xa0\xa0\xa0 Thanks, Jen. Will he meet the governor?\n"
    "\n"
    "MS. PSAKI:\xa0 I'm not going to get ahead of the President. He will speak "
    "about the economy.\n"
    "\n"
    "Q\tAnd on the debt limit?\n"
    "\n"
    "MS. PSAKI:  Congress should act. (Laughter.)\n"
    "\n"
    "Q    Thank you.\n"
    "\n"
    "END\n"
    "\n"
    "3:35 P.M. EDT\n"
)


def test_white_house_turns_labels_and_kinds() -> None:
    b = parse_transcript(WH)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("MS. PSAKI", "Jen Psaki", "statement"),
        ("Q", "", "question"),
        ("MS. PSAKI", "Jen Psaki", "answer"),
        ("Q", "", "question"),
        ("MS. PSAKI", "Jen Psaki", "answer"),
        ("Q", "", "statement"),
    ]
    assert b.turns[0].span.text.startswith("Hi, everyone.")
    assert b.turns[0].span.text.endswith("on Tuesday.")
    assert b.turns[1].span.text == "Thanks, Jen. Will he meet the governor?"
    assert b.turns[2].answers == (b.turns[1].id,)
    assert b.turns[-1].span.text == "Thank you."


def test_white_house_header_footer_and_people() -> None:
    b = parse_transcript(WH)
    assert b.kind is BriefingKind.TRANSCRIPT
    assert b.held_on == dt.date(2021, 9, 16)
    assert b.held_at == dt.datetime(2021, 9, 16, 14, 47)
    assert b.place == "James S. Brady Press Briefing Room"
    assert b.document.title == "Press Briefing by Press Secretary Jen Psaki, September 16, 2021"
    assert b.document.title_span is not None
    psaki = b.people[0]
    assert isinstance(psaki, Person)
    assert psaki.name == "Jen Psaki"
    assert [r.title for r in psaki.roles] == ["Press Secretary"]
    assert b.briefer_ids == (psaki.id,)
    boiler = [s.text for s in b.document.boilerplate]
    assert boiler == ["James S. Brady Press Briefing Room", "2:47 P.M. EDT", "END", "3:35 P.M. EDT"]
    assert [s.text for s in b.stage_directions] == ["(Laughter.)"]
    labels = [m for m in b.mentions if m.kind is MentionKind.LABEL]
    assert {m.span.text for m in labels} == {"MS. PSAKI"}
    assert all(m.entity_id == psaki.id for m in labels)


def test_claims_answers_statements_and_refusals() -> None:
    b = parse_transcript(WH)
    acts = [(c.act, c.content.text) for c in b.claims]
    assert (SpeechAct.REFUSAL, "I'm not going to get ahead of the President.") in acts
    assert (SpeechAct.ANSWER, "He will speak about the economy.") in acts
    assert (SpeechAct.ANSWER, "Congress should act.") in acts
    assert acts[0] == (SpeechAct.STATEMENT, "Hi, everyone. I have one item at the top.")
    for c in b.claims:
        assert c.form is Form.DIRECT
        assert c.said_on == dt.date(2021, 9, 16)
        assert c.speaker_id == b.people[0].id
        assert c.turn_id is not None
    # every briefer answer or statement turn carries at least one claim
    with_claims = {c.turn_id for c in b.claims}
    for t in b.turns:
        if t.kind in (TurnKind.ANSWER, TurnKind.STATEMENT) and t.label and t.label.text != "Q":
            assert t.id in with_claims


STATE = (
    "Department Press Briefing – April 8, 2022\n"
    "\n"
    "Ned Price, Department Spokesperson\n"
    "\n"
    "Washington, DC\n"
    "\n"
    "2:12 p.m. EDT\n"
    "\n"
    "MR PRICE: Good afternoon.\n"
    "\n"
    "QUESTION: Hello.\n"
    "\n"
    "MR PRICE: I have two things at the top. First, we welcome the truce.\n"
    "\n"
    "OPERATOR: Next we go to the line of Said Arikat.\n"
    "\n"
    "QUESTION: Thank you. The second thing I have: What about (inaudible) Iran?\n"
    "\n"
    "MR PRICE: I'd refer you to the Department of Energy. We remain concerned.\n"
    "\n"
    "(The briefing was concluded at 3:41 p.m.)\n"
    "\n"
    "# # #\n"
)


def test_state_department_layout() -> None:
    b = parse_transcript(STATE)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("MR PRICE", "Ned Price", "moderation"),
        ("QUESTION", "", "statement"),
        ("MR PRICE", "Ned Price", "statement"),
        ("OPERATOR", "", "moderation"),
        ("QUESTION", "", "question"),
        ("MR PRICE", "Ned Price", "answer"),
    ]
    assert b.held_on == dt.date(2022, 4, 8)
    assert b.place == "Washington, DC"
    assert [r.title for r in b.people[0].roles] == ["Department Spokesperson"]
    assert [s.text for s in b.stage_directions] == ["(inaudible)"]
    boiler = [s.text for s in b.document.boilerplate]
    assert "(The briefing was concluded at 3:41 p.m.)" in boiler
    assert "# # #" in boiler
    assert b.turns[-1].span.text.endswith("We remain concerned.")
    refusals = [c.content.text for c in b.claims if c.act is SpeechAct.REFUSAL]
    assert refusals == ["I'd refer you to the Department of Energy."]


MFA = (
    "Foreign Ministry Spokesperson Wen Hao's Regular Press Conference on May 22, 2018\n"
    "\n"
    "At the invitation of the Foreign Minister, the Premier will visit Peru.\n"
    "\n"
    "Q: What is China's comment on the talks?\n"
    "\n"
    "Q: And on the summit?\n"
    "\n"
    "A: On your first question, the talks went well.\n"
    "\n"
    "On your second question, I have nothing to announce.\n"
)


def test_anonymous_qa_and_unlabelled_opening() -> None:
    b = parse_transcript(MFA)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("", "Wen Hao", "statement"),
        ("Q", "", "question"),
        ("Q", "", "question"),
        ("A", "Wen Hao", "answer"),
    ]
    assert b.turns[3].answers == (b.turns[1].id, b.turns[2].id)  # one answer, two questions
    assert b.turns[0].span.text.startswith("At the invitation")
    assert b.held_on == dt.date(2018, 5, 22)
    assert [r.title for r in b.people[0].roles] == ["Foreign Ministry Spokesperson"]
    acts = [c.act for c in b.claims if c.turn_id == b.turns[3].id]
    assert acts == [SpeechAct.ANSWER, SpeechAct.REFUSAL]


OUTLETS = (
    "Foreign Ministry Spokesperson Gao Ming's Regular Press Conference on June 15, 2020\n"
    "\n"
    "CCTV: What will be the focus of the meeting?\n"
    "\n"
    "Gao Ming: This year marks the 10th anniversary.\n"
    "\n"
    "Associated Press of Pakistan: Please give us an update.\n"
    "\n"
    "Gao Ming: The two sides are in close touch.\n"
    "\n"
    "Follow-up: Will they meet?\n"
    "\n"
    "Gao Ming: I have no information to release.\n"
)


def test_outlet_and_name_labels() -> None:
    b = parse_transcript(OUTLETS)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("CCTV", "", "question"),
        ("Gao Ming", "Gao Ming", "answer"),
        ("Associated Press of Pakistan", "", "question"),
        ("Gao Ming", "Gao Ming", "answer"),
        ("Follow-up", "", "question"),
        ("Gao Ming", "Gao Ming", "answer"),
    ]
    assert [t.affiliation for t in b.turns if t.kind is TurnKind.QUESTION] == [
        "CCTV",
        "Associated Press of Pakistan",
        None,
    ]
    assert [(o.name, o.kind) for o in b.organizations] == [
        ("CCTV", OrgKind.MEDIA),
        ("Associated Press of Pakistan", OrgKind.MEDIA),
    ]
    assert len(b.people) == 1


KREMLIN = (
    "News conference following the talks\n"
    "\n"
    "April 25, 2019\n"
    "Vladivostok\n"
    "\n"
    "Vladimir Putin answered media questions following the talks.\n"
    "\n"
    "President of\xa0Russia Vladimir Putin: Good afternoon, colleagues.\n"
    "\n"
    "Question: Did you discuss the guarantees?\n"
    "\n"
    "Vladimir Putin: Yes, we did. (Laughter.)\n"
    "\n"
    "Remark: Thank you very much, Mr. President.\n"
)


def test_name_labels_one_person_and_editor_lead() -> None:
    b = parse_transcript(KREMLIN)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("President of\xa0Russia Vladimir Putin", "Vladimir Putin", "moderation"),
        ("Question", "", "question"),
        ("Vladimir Putin", "Vladimir Putin", "answer"),
        ("Remark", "", "statement"),
    ]
    assert len(b.people) == 1
    assert [r.title for r in b.people[0].roles] == ["President of Russia"]
    assert b.held_on == dt.date(2019, 4, 25)
    assert b.place == "Vladivostok"
    assert b.held_on_evidence is not None
    assert b.held_on_evidence.text == "April 25, 2019"
    lead = "Vladimir Putin answered media questions following the talks."
    assert lead in [s.text for s in b.document.boilerplate]


RUN_TOGETHER = (
    "THE WHITE HOUSE\n"
    "Office of the Press Secretary\n"
    "For Immediate Release August 6, 2009\n"
    "PRESS BRIEFING BY PRESS SECRETARY ROBERT GIBBS\n"
    "12:05 P.M. EDT\n"
    "MR. GIBBS:  Good afternoon.  I am happy to take some questions.       "
    "Q    Thanks, Robert.  Is the bill dead?       MR. GIBBS:  No, it is not.       "
    "Q    What about the vote?       MR. GIBBS:  I would not get ahead of the Senate.\n"
    "END  12:45 P.M. EDT\n"
)


def test_turns_run_together_on_one_line() -> None:
    b = parse_transcript(RUN_TOGETHER)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("MR. GIBBS", "Robert Gibbs", "statement"),
        ("Q", "", "question"),
        ("MR. GIBBS", "Robert Gibbs", "answer"),
        ("Q", "", "question"),
        ("MR. GIBBS", "Robert Gibbs", "answer"),
    ]
    assert b.turns[1].span.text == "Thanks, Robert.  Is the bill dead?"
    assert b.turns[-1].span.text == "I would not get ahead of the Senate."
    assert b.held_on == dt.date(2009, 8, 6)


MARKDOWN = (
    "---\n"
    "tags: press-briefings\n"
    "date: '2021-09-17'\n"
    'title: "Press Briefing by Press Secretary Jen\\_Psaki and NSC Coordinator for\\\n'
    '  \\ Strategic Communications John\\_Kirby, September 16,\\_2021"\n'
    "---\n"
    " \n"
    "James S. Brady Press Briefing Room\n"
    "\n"
    "2:47 P.M. EDT  \n"
    "  \n"
    "     MS. PSAKI:\xa0 Hi, everyone.\xa0 Okay, a couple of items for all of you at\n"
    "the top.  \n"
    "  \n"
    "And Maya MacGuineas, President of the Committee for a Responsible\n"
    "Budget: “Almost every one of these policies will fight inflation.”  \n"
    "the alliance, as the\n"
    "NATO: “We stand together.”  \n"
    "  \n"
    "Dr. Walensky: “We should be offering a third dose.”  \n"
    "  \n"
    "Q\xa0\xa0\xa0 Admiral, \\[inaudible\\] the call?  \n"
    "  \n"
    "MR. KIRBY:  I don't have anything for you on that.  \n"
    "  \n"
    "END \xa0 \xa0 \xa0 3:35 P.M. EDT\n"
)


def test_legacy_page_with_press_release_header_on_one_line() -> None:
    text = (
        "Press Briefing by Press Secretary Robert Gibbs, 8/6/09\n"
        "THE WHITE HOUSE     Office of the Press Secretary     ____     For Immediate Release "
        " August 6, 2009     PRESS BRIEFING BY PRESS SECRETARY ROBERT GIBBS     James S. Brady "
        "Press Briefing Room     12:05 P.M. EDT     MR. GIBBS:  Good afternoon.  I have one "
        "announcement: the President will travel.       Q    Thanks, Robert.  When?       "
        "MR. GIBBS:  Tuesday.  (Laughter.)       END     12:45 P.M. EDT\n"
    )
    b = parse_transcript(text)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("MR. GIBBS", "Robert Gibbs", "statement"),
        ("Q", "", "question"),
        ("MR. GIBBS", "Robert Gibbs", "answer"),
    ]
    assert b.document.title == "Press Briefing by Press Secretary Robert Gibbs, 8/6/09"
    assert b.held_on == dt.date(2009, 8, 6)
    assert b.held_at == dt.datetime(2009, 8, 6, 12, 5)
    assert b.place == "James S. Brady Press Briefing Room"
    assert b.turns[-1].span.text == "Tuesday.  (Laughter.)"
    boiler = [s.text for s in b.document.boilerplate]
    assert boiler[0] == "THE WHITE HOUSE"
    assert boiler[-2:] == ["END", "12:45 P.M. EDT"]


def test_run_together_after_two_spaces() -> None:
    text = (
        "MR. GIBBS:  Good afternoon.  Q  Thanks, Robert.  Two questions?  MR. GIBBS:  Sure.  "
        "The U.S.  NATO: allies agree.\n"
    )
    b = parse_transcript(text)
    assert [row(b, t) for t in b.turns] == [
        ("MR. GIBBS", "Gibbs", "moderation"),
        ("Q", "", "question"),
        ("MR. GIBBS", "Gibbs", "answer"),
    ]
    assert b.turns[-1].span.text == "Sure.  The U.S.  NATO: allies agree."


def test_one_off_names_speaking_at_length_are_officials() -> None:
    speech = "We discussed trade and energy. " * 25
    text = (
        "Question: What did you agree?\n\n"
        f"Angela Markel: {speech}\n\n"
        "Vladimir Putin: I agree with my colleague.\n\n"
        "Question: And on gas?\n\n"
        "Vladimir Putin: Gas will flow.\n"
    )
    b = parse_transcript(text)
    assert [row(b, t) for t in b.turns] == [
        ("Question", "", "question"),
        ("Angela Markel", "Angela Markel", "answer"),
        ("Vladimir Putin", "Vladimir Putin", "answer"),
        ("Question", "", "question"),
        ("Vladimir Putin", "Vladimir Putin", "answer"),
    ]


def test_misspelt_labels_resolve_to_the_named_person() -> None:
    text = (
        "Press Briefing by Press Secretary Robert Gibbs and CEA Chair Alan Krueger\n\n"
        "MR. KRUEGER:  Thanks. The report is out.\n\n"
        "Q    Is it good news?\n\n"
        "MR. KRUGER:  It is.\n"
    )
    b = parse_transcript(text)
    assert [row(b, t)[1] for t in b.turns] == ["Alan Krueger", "", "Alan Krueger"]
    assert [p.name for p in b.people] == ["Robert Gibbs", "Alan Krueger"]


def test_front_matter_and_hard_wrapped_markdown() -> None:
    b = parse_transcript(MARKDOWN)
    check_invariants(b)
    assert [row(b, t) for t in b.turns] == [
        ("MS. PSAKI", "Jen Psaki", "statement"),
        ("Q", "", "question"),
        ("MR. KIRBY", "John Kirby", "answer"),
    ]
    assert b.document.title == (
        "Press Briefing by Press Secretary Jen\xa0Psaki and NSC Coordinator for "
        "Strategic Communications John\xa0Kirby, September 16,\xa02021"
    )
    assert b.held_on == dt.date(2021, 9, 16)  # the title's date wins over the front matter's
    kirby = next(p for p in b.people if p.name == "John Kirby")
    assert [r.title for r in kirby.roles] == ["NSC Coordinator for Strategic Communications"]
    assert b.document.published == dt.date(2021, 9, 17)
    assert b.held_on_evidence == b.document.title_span
    assert [s.text for s in b.stage_directions] == ["\\[inaudible\\]"]
    assert "\nBudget: “Almost" in b.turns[0].span.text  # a wrapped line, not a label
    assert "\nNATO: “We" in b.turns[0].span.text
    assert "\nDr. Walensky: “We" in b.turns[0].span.text  # a quotation, not a turn
    assert b.turns[-1].span.text == "I don't have anything for you on that."
    assert [c.act for c in b.claims if c.turn_id == b.turns[-1].id] == [SpeechAct.REFUSAL]


def test_reported_speech_inside_an_answer() -> None:
    text = (
        "Press Briefing by Press Secretary Jen Psaki, March 7, 2022\n\n"
        "Q    Will the sanctions stay?\n\n"
        "MS. PSAKI:  Yes. Secretary Blinken told his counterpart that the sanctions "
        "will stay in place.\n"
    )
    b = parse_transcript(text)
    check_invariants(b)
    psaki = b.people[0].id
    own = [c for c in b.claims if c.parent_id is None]
    inner = [c for c in b.claims if c.parent_id is not None]
    assert [c.speaker_id for c in own] == [psaki]
    assert len(inner) == 1
    claim = inner[0]
    speaker = b.entity(claim.speaker_id or "")
    assert speaker.name.endswith("Blinken")
    assert claim.parent_id == own[0].id
    assert [r.entity_id for r in claim.relayed_by] == [psaki]
    assert claim.turn_id == b.turns[1].id
    assert "the sanctions will stay in place" in claim.content.text


def test_held_on_argument_and_channel_checks() -> None:
    text = (
        "QUESTION: Hello, and thanks. Can you hear me?\n"
        "MS PORTER: Yes, I can hear you.\n"
        "QUESTION: Great. What about the talks?\n"
        "MS PORTER: They continue.\n"
    )
    b = parse_transcript(text, held_on=dt.date(2022, 4, 8))
    check_invariants(b)
    assert b.held_on == dt.date(2022, 4, 8)
    assert [t.kind for t in b.turns] == [
        TurnKind.MODERATION,
        TurnKind.MODERATION,
        TurnKind.QUESTION,
        TurnKind.ANSWER,
    ]
    assert names(b)[b.turns[1].speaker_id or ""] == "Porter"


def test_procedural_turns_of_officials() -> None:
    text = (
        "SECRETARY BLINKEN: We had a good meeting today on energy security and trade.\n\n"
        "MR PRICE: The first question goes to Shaun Tandon of AFP.\n\n"
        "QUESTION: Thank you. What did you agree on?\n\n"
        "SECRETARY BLINKEN: A common approach.\n\n"
        "MR PRICE: Operator, we have time for one more.\n"
    )
    b = parse_transcript(text)
    assert [t.kind.value for t in b.turns] == [
        "statement",
        "moderation",
        "question",
        "answer",
        "moderation",
    ]


def test_label_variants() -> None:
    text = (
        "Moderator: Welcome to the call, everyone. Over to you.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:\tThanks. Let me start with the border.\n\n"
        "Q: Can you say more?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL:\xa0Sure.\n\n"
        "THE PRESIDENT:  I agree.\n\n"
        "QUESTION (Reuters): Is that final?\n\n"
        "SECRETARY BLINKEN: It is.\n"
    )
    b = parse_transcript(text)
    check_invariants(b)
    got = [row(b, t) for t in b.turns]
    assert got == [
        ("Moderator", "", "moderation"),
        ("SENIOR ADMINISTRATION OFFICIAL", "Senior Administration Official", "statement"),
        ("Q", "", "question"),
        ("SENIOR ADMINISTRATION OFFICIAL", "Senior Administration Official", "answer"),
        ("THE PRESIDENT", "The President", "answer"),
        ("QUESTION (Reuters)", "", "question"),
        ("SECRETARY BLINKEN", "Blinken", "answer"),
    ]
    assert b.turns[5].affiliation == "Reuters"
    assert b.others[0].name == "Senior Administration Official"


def test_numbered_and_follow_up_labels() -> None:
    text = (
        "SENIOR ADMINISTRATION OFFICIAL #1:  Let me walk you through the plan for the border.\n\n"
        "Q:  What is the plan?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL 2:  We will announce it soon.\n\n"
        "Follow-up question: When?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL #1:  Tomorrow.\n\n"
        "END 5:09 P.M. EDT\n"
    )
    b = parse_transcript(text)
    assert [row(b, t) for t in b.turns] == [
        ("SENIOR ADMINISTRATION OFFICIAL #1", "Senior Administration Official #1", "statement"),
        ("Q", "", "question"),
        ("SENIOR ADMINISTRATION OFFICIAL 2", "Senior Administration Official 2", "answer"),
        ("Follow-up question", "", "question"),
        ("SENIOR ADMINISTRATION OFFICIAL #1", "Senior Administration Official #1", "answer"),
    ]
    assert b.turns[-1].span.text == "Tomorrow."


def test_speech_with_colons_is_not_a_label() -> None:
    text = (
        "QUESTION: I have two questions.\n\n"
        "The second one I have: Have you seen the report?\n\n"
        "MR PRICE: Here is the thing: we have seen it. First: it is early.\n"
    )
    b = parse_transcript(text)
    assert [row(b, t) for t in b.turns] == [
        ("QUESTION", "", "question"),
        ("MR PRICE", "Price", "answer"),
    ]
    assert b.turns[0].span.text.endswith("Have you seen the report?")


def test_looks_like_transcript() -> None:
    assert looks_like_transcript(WH)
    assert looks_like_transcript(MFA)
    assert not looks_like_transcript(
        "MOSCOW, December 26. /TASS/. Russia will respond, Kremlin spokesman Dmitry Peskov "
        "told reporters. He said: the talks are over."
    )
    assert not looks_like_transcript("")
    roundup = (
        "Below are Putin's key statements.\n\n"
        "On Ukraine: the talks are over.\n\n"
        "Gas Transit: the contract will not be renewed.\n\n"
        "Oreshnik: the systems are enough.\n"
    )
    assert not looks_like_transcript(roundup)
    assert parse(WH).kind is BriefingKind.TRANSCRIPT


@pytest.mark.parametrize("text", ["", " ", "\n\n", "Q", "Q:", "A:  ", "---\n", "---\ntitle: x"])
def test_degenerate_inputs(text: str) -> None:
    check_invariants(parse_transcript(text))


_ALPHABET = st.sampled_from(
    [
        "Q",
        "A",
        ":",
        " ",
        "   ",
        "\t",
        "\xa0",
        "\n",
        "\n\n",
        "MR. X",
        "MS PORTER",
        "Gao Ming",
        "QUESTION",
        "(Laughter.)",
        "[inaudible]",
        "END",
        "2:47 P.M. EDT",
        "---",
        "title: ",
        '"',
        "\\",
        "?",
        ".",
        "May 5, 2020",
        "I'm not going to get ahead of it.",
        "Reuters",
        "x",
        "é",
        " Secretary Blinken said ",
        " told ",
        '"',
    ]
)


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_total_on_label_soup(text: str) -> None:
    check_invariants(parse_transcript(text))


@given(st.text(max_size=400))
def test_total_on_any_text(text: str) -> None:
    b = parse_transcript(text)
    check_invariants(b)
    assert isinstance(looks_like_transcript(text), bool)


@pytest.mark.parametrize(
    "text",
    [
        "Q: x\n" * 100_000,
        "Q:   " * 100_000,
        "Q: why?\nA: (Laughter.) because.\n" * 50_000,
        "Aaa Bbb: why?\n\n" * 50_000,
        "(" * 200_000,
        ("ABC " * 20 + ":\n") * 20_000,
    ],
    ids=["q-lines", "q-inline", "qa-laughter", "name-labels", "parens", "caps"],
)
def test_linear_time_on_pathological_inputs(text: str) -> None:
    start = time.perf_counter()
    parse_transcript(text)
    assert time.perf_counter() - start < 30
