"""Attribution patterns of news prose the report reader resolves (sources, cues,
content boundaries), each as it is annotated in political news corpora."""

from __future__ import annotations

import datetime as dt

from briefings.text import parse_report
from briefings.text._sentences import tokens
from briefings.text._speakers import classify


def _claims(text: str) -> list[tuple[str, str, str]]:
    """(speaker name, cue text, content text) of each claim, in order."""
    b = parse_report(text)
    out = []
    for c in b.claims:
        speaker = b.speaker(c)
        out.append((speaker.name if speaker else "", c.cue.span.text if c.cue else "", c.text))
    return out


def _doc(*paragraphs: str) -> str:
    return "\n\n".join(("Senate race heats up", "The campaign went on.", *paragraphs, "The end."))


def test_one_word_answer_opening_the_sentence() -> None:
    got = _claims(_doc("Ann Lee spoke at the rally.", '"Absolutely," she said when asked.'))
    assert ("Ann Lee", "said", '"Absolutely,"') in got


def test_title_between_quote_and_named_subject() -> None:
    text = _doc('"Both newcomers are gaining ground," former presidential candidate Tom Park said.')
    assert _claims(text) == [("Tom Park", "said", '"Both newcomers are gaining ground,"')]


def test_inverted_source_with_numeral_determiner() -> None:
    text = _doc("“Every surrogate is lowering expectations,” said one New Hampshire Democrat.")
    got = _claims(text)
    assert len(got) == 1
    assert got[0][2] == "“Every surrogate is lowering expectations,”"


def test_late_cue_with_a_time_tail_claims_the_quote_before() -> None:
    text = _doc("“There is a special place for people like her!” Smith said last week.")
    assert _claims(text) == [("Smith", "said", "“There is a special place for people like her!”")]


def test_paragraph_ending_in_a_colon_introduces_the_next() -> None:
    text = _doc("Reporter Jane Okafor says:", '"The situation there is a frontline."')
    assert _claims(text) == [("Jane Okafor", "says", '"The situation there is a frontline."')]


def test_quoted_words_after_a_speech_verb_are_content() -> None:
    text = _doc('Bob Smith vowed to "fight to the last" against the new toll.')
    got = _claims(text)
    assert len(got) == 1
    assert got[0][1] == "vowed"
    assert '"fight to the last"' in got[0][2]


def test_quoted_title_is_not_a_cue_less_quote() -> None:
    text = _doc(
        "“The vote was close,” Ann Lee said. On MSNBC’s “Morning Joe,” the governor discussed it."
    )
    assert all("Morning Joe" not in content for _, _, content in _claims(text))


def test_statement_author_speaks_not_the_statement() -> None:
    text = _doc('Senator Ann Lee released a statement saying the plan "must be rethought."')
    got = _claims(text)
    assert [(s, c) for s, c, _ in got] == [("Ann Lee", "saying")]


def test_paraphrase_ends_with_the_writers_clause() -> None:
    text = _doc(
        "Bob Smith told reporters he is “pleased with the count” as he faces a very "
        "important test in the primary next week."
    )
    got = _claims(text)
    assert len(got) == 1
    assert got[0][2] == "he is “pleased with the count”"


def test_progressive_cue() -> None:
    text = _doc("Trump is questioning whether Obama would have attended “if it were held there.”")
    got = _claims(text)
    assert [(s, c) for s, c, _ in got] == [("Trump", "questioning")]


def test_role_with_complement_as_subject() -> None:
    text = _doc('The secretary of state said she was "not just here to keep the seat warm."')
    got = _claims(text)
    assert len(got) == 1
    assert got[0][1] == "said"
    assert got[0][2] == 'she was "not just here to keep the seat warm."'


def test_sentence_opening_cue_with_the_source_after_it() -> None:
    text = _doc("Said Edna Vale, who taught him at school, “We all knew he would go far.”")
    assert _claims(text) == [("Edna Vale", "Said", "“We all knew he would go far.”")]


def test_source_familiar_with_before_its_cue() -> None:
    text = _doc("Another source familiar with Park’s plans said, “He will try to stay neutral.”")
    got = _claims(text)
    assert [(c, content) for _, c, content in got] == [("said", "“He will try to stay neutral.”")]


def test_cue_less_quote_goes_on_from_a_paraphrase_with_quoted_words() -> None:
    text = _doc(
        "Nurses are “waiting to see who will pay for it,” said Ann Lee, the union"
        " president. “That’s got to scare an educator.”"
    )
    b = parse_report(text)
    assert len(b.claims) == 1
    parts = [p.text for p in b.claims[0].content_parts]
    assert parts[-1] == "“That’s got to scare an educator.”"
    assert b.speaker(b.claims[0]).name == "Ann Lee"  # type: ignore[union-attr]


def test_quote_after_a_paraphrase_cue_in_the_same_sentence_is_not_merged() -> None:
    text = _doc(
        "Ann Lee insisted it was “premature” to back the plan while adding on other"
        " matters, “I have no doubt that she means well.”"
    )
    got = _claims(text)
    assert ("Ann Lee", "insisted", "it was “premature” to back the plan") in got


def test_adverbial_between_subject_and_cue_is_stepped_over() -> None:
    got = _claims(_doc("Ann Lee at the time said she had asked her “people” to look into it."))
    assert got
    assert got[0][0] == "Ann Lee"


def test_opening_time_phrase_is_not_the_subject() -> None:
    got = _claims(
        _doc(
            "Ann Lee met the donors.",
            "Hours later, Ann Lee returned the compliment, telling Reuters, “He is a friend.”",
        )
    )
    assert ("Ann Lee", "telling", "“He is a friend.”") in got


def test_time_phrase_before_a_distant_participle_cue_is_not_content() -> None:
    got = _claims(_doc("Ann Lee wrote back. Minutes later, she sent a note saying, “agreed.”"))
    assert all(content != "Minutes later" for _, _, content in got)
    assert ("Ann Lee", "saying", "“agreed.”") in got


def test_they_with_no_group_met_is_still_a_source() -> None:
    got = _claims(
        _doc(
            "Ann Lee spoke first. County Republicans stalled the vote because they said the"
            " rule was a plainly unworkable “dead end.”"
        )
    )
    assert ("they", "said", "the rule was a plainly unworkable “dead end.”") in got


def test_it_does_not_refer_back_to_a_group_nor_they_to_a_document() -> None:
    got = _claims(
        _doc(
            "Protesters filled the square.",
            "They said, “We will not leave until we are heard.”",
            "“The rules are clear,” it read.",
        )
    )
    speakers = [speaker for speaker, _, _ in got]
    assert speakers[0] == "they"
    assert speakers[1] not in {"they", ""}  # the text read, not the protesters


def test_paraphrase_keeps_its_because_clause() -> None:
    got = _claims(
        _doc(
            "Ann Lee says Bob Bush is “like a sulking teenager” and “not a careful man” because"
            " he is in favor of the new state parking fees."
        )
    )
    assert got[0][2].endswith("state parking fees")


def test_late_cue_with_the_one_told_and_a_long_tail() -> None:
    got = _claims(
        _doc(
            "Ann Lee met the press.",
            "“Who can say?” Bob Smith told Norway’s NRK radio station in an interview"
            " broadcast on Monday when asked how the deal would hold.",
        )
    )
    assert ("Bob Smith", "told", "“Who can say?”") in got


def test_went_on_to_say() -> None:
    got = _claims(_doc("Ann Lee went on to say, “We are closing the office.”"))
    assert ("Ann Lee", "say", "“We are closing the office.”") in got


def test_upon_saying_takes_the_subject_of_the_sentence() -> None:
    got = _claims(
        _doc("Ann Lee, a supporter, drew boos upon saying, “She heard the passion of the people.”")
    )
    assert ("Ann Lee", "saying", "“She heard the passion of the people.”") in got


def test_name_between_dashes_is_the_source() -> None:
    got = _claims(
        _doc(
            "A former candidate -- Ann Lee, who lost in 2008 -- said the president"
            ' "offered no changes to his strategy."'
        )
    )
    assert got
    assert got[0][0] == "Ann Lee"


def test_pronoun_clause_after_the_cues_adverbial() -> None:
    got = _claims(
        _doc('Ann Lee wrote in both notices she was "proud and grateful" to report the merger.')
    )
    assert ("Ann Lee", "wrote", 'she was "proud and grateful" to report the merger') in got


def test_called_with_a_long_object_and_after_an_appositive() -> None:
    got = _claims(
        _doc(
            "Ann Lee called Smith’s neglect of sound advice from experienced city"
            " engineers “unfair to the people who use that bridge.”",
            "Bob Smith, an early backer of Lee, calls the question of transit"
            ' "a priority" for women.',
        )
    )
    assert [c[1] for c in got] == ["called", "calls"]


def test_refers_to_as_and_went_on_to_call() -> None:
    got = _claims(
        _doc(
            "Ann Lee refers to the candidate as “Mr. Trump.” She went on to call Cruz"
            " “the worst politician in Texas.”"
        )
    )
    assert ("Ann Lee", "refers to", "the candidate as “Mr. Trump.”") in got
    assert ("Ann Lee", "call", "Cruz “the worst politician in Texas.”") in got


def test_main_subject_after_two_opening_phrases() -> None:
    got = _claims(
        _doc(
            "On Thursday, after remaining neutral for months, Ann Lee met Bob Smith,"
            " saying, “She is just what this county has been missing.”"
        )
    )
    assert ("Ann Lee", "saying", "“She is just what this county has been missing.”") in got


def test_it_with_no_organisation_met_is_still_a_source() -> None:
    got = _claims("Rally\n\nAnn Lee held up a sign.\n\n“I am still here,” it read.\n")
    assert ("it", "read", "“I am still here,”") in got


def test_paraphrase_ends_before_the_subjects_next_predicate() -> None:
    got = _claims(
        _doc(
            "Ann Lee called the merger “a terrible deal” and ranked Bob Smith as one of the"
            " worst chief executives in history."
        )
    )
    assert ("Ann Lee", "called", "the merger “a terrible deal”") in got


def test_adding_that_after_a_direct_quote_is_a_claim_too() -> None:
    got = _claims(
        _doc(
            "“He stands for the middle class,” Ann Lee said, adding that Bob Smith is"
            " “clearly the most careful of the contenders.”"
        )
    )
    assert ("Ann Lee", "said", "“He stands for the middle class,”") in got
    assert (
        "Ann Lee",
        "adding",
        "Bob Smith is “clearly the most careful of the contenders.”",
    ) in got


def test_relative_who_is_the_mention_of_its_cue() -> None:
    text = _doc(
        '"It is not normal," said Ann Lee, who said executives often fail to see that'
        ' there are "no secrets in politics."'
    )
    b = parse_report(text)
    second = b.claims[1]
    assert second.cue is not None
    assert second.cue.span.text == "said"
    assert b.mention(second.mention_id).span.text == "who"  # type: ignore[arg-type]
    assert b.speaker(second).name == "Ann Lee"  # type: ignore[union-attr]


def test_quote_after_adding_that_goes_on_the_quote() -> None:
    text = _doc(
        "“I think that tells you a lot,” Ann Lee said, adding that the team will try"
        " hard to reach those families. “I think they want to be asked.”"
    )
    b = parse_report(text)
    first = b.claims[0]
    assert [p.text for p in first.content_parts] == [
        "“I think that tells you a lot,”",
        "“I think they want to be asked.”",
    ]


def test_relative_who_behind_an_adverbial() -> None:
    text = _doc(
        "Ann Lee, who has in the past described Bob Smith as “a tireless schemer,” spoke on Monday."
    )
    b = parse_report(text)
    assert b.claims
    claim = b.claims[0]
    assert b.speaker(claim).name == "Ann Lee"  # type: ignore[union-attr]
    assert b.mention(claim.mention_id).span.text == "who"  # type: ignore[arg-type]


def test_subject_with_a_relative_clause_and_no_commas() -> None:
    got = _claims(
        _doc(
            "A city hall aide who spoke anonymously to discuss budget talks said"
            ' Wednesday, "Of course the two offices are talking to each other."'
        )
    )
    assert [(c[1], c[2]) for c in got] == [
        ("said", '"Of course the two offices are talking to each other."')
    ]


def test_paraphrase_is_not_cut_at_a_list_comma() -> None:
    got = _claims(
        _doc(
            "Ann Lee said the lack of bus routes was “especially hard” on older,"
            " disabled and rural residents."
        )
    )
    assert got[0][2].endswith("rural residents")


def test_titles_and_names_after_show_or_called_are_not_speech() -> None:
    got = _claims(
        _doc(
            "Ann Lee starred in the reality show “Cake Boss.” She staged a play called"
            " “Los Hijos de Trump.” Bob Smith has called for “a hell of a lot worse.”"
        )
    )
    assert [c[1] for c in got] == ["called for"]


def test_subject_before_a_time_phrase_and_party_or_place_tags() -> None:
    got = _claims(
        _doc(
            'Sen. Ann Lee (D-Calif.) last week said Bob Smith was not the "originator" of'
            " the chain.",
            "Sen. Carl Diaz, R-Ore., said in an op-ed piece before a 2019 hearing, “The"
            " agency ignored our letters for a year.”",
            'Cory James, 27, of Dayton, Ohio, said he still hoped for a "convention upset."',
        )
    )
    assert [c[0] for c in got] == ["Ann Lee", "Carl Diaz", "Cory James"]


def test_closing_cue_after_a_quote_ending_in_an_inner_quote() -> None:
    got = _claims(
        _doc("The campaign is about “parents telling schools, 'not this time,'” Ann Lee said.")
    )
    assert got == [
        ("Ann Lee", "said", "The campaign is about “parents telling schools, 'not this time,'”")
    ]


def test_relative_clause_subject_with_a_comma_before_who() -> None:
    got = _claims(
        _doc(
            '"It is bad," Ann Lee, who is head of the Better Roads Fund said in a'
            " statement sent to the Courier."
        )
    )
    assert got == [("Ann Lee", "said", '"It is bad,"')]


def test_noun_forms_after_a_determiner_and_an_adjective_are_not_cues() -> None:
    got = _claims(
        _doc("Ann Lee spoke. In a subsequent tweet, Bob Smith said the plan was “a disaster.”")
    )
    assert got == [("Bob Smith", "said", "the plan was “a disaster.”")]


def test_colon_cue_after_an_opening_phrase() -> None:
    got = _claims(
        _doc(
            "In a radio interview later that day, Ann Lee went even further: “Smith has a"
            " real shot.”"
        )
    )
    assert [(c[0], c[2]) for c in got] == [("Ann Lee", "“Smith has a real shot.”")]


def test_city_and_state_in_an_opening_phrase_are_not_the_subject() -> None:
    got = _claims(
        _doc(
            "Speaking at a school hall in Dover, Delaware, Ann Lee went after Bob"
            " Smith, calling him “a dull speaker.”"
        )
    )
    assert got == [("Ann Lee", "calling", "him “a dull speaker.”")]


def test_the_one_spoken_to_is_not_the_subject() -> None:
    got = _claims(
        _doc("Another police source speaking to Radio North said, “We knew them already.”")
    )
    assert got == [("Another police source", "said", "“We knew them already.”")]


def test_content_of_a_cue_in_a_subordinate_clause_ends_at_its_comma() -> None:
    got = _claims(
        _doc('When Ann Lee later said she would "protect our citizens," the crowd applauded.')
    )
    assert got == [("Ann Lee", "said", 'she would "protect our citizens,"')]


def test_dash_credit_paragraph_names_the_quote_before_it() -> None:
    text = (
        "Fact check\n\nEach week we weigh a claim made on the trail.\n\n"
        '"Half of the county\'s bridges are older than the state itself."\n\n'
        "- Jane Roe.\n\nThe governor is using figures from a survey of 1998.\n"
    )
    got = _claims(text)
    assert (
        "Jane Roe",
        "-",
        '"Half of the county\'s bridges are older than the state itself."',
    ) in got


def test_issued_the_following_statement() -> None:
    got = _claims(
        _doc(
            "Republican nominee Ann Lee issued the following statement:",
            "“Our thoughts are with every family on the coast.”",
        )
    )
    assert got == [
        (
            "Ann Lee",
            "issued the following statement:",
            "“Our thoughts are with every family on the coast.”",
        )
    ]


def test_inverted_speaker_with_a_possessive_title_before_the_name() -> None:
    got = _claims(_doc("“We will win this state,” said Lee’s top foreign policy aide Tom Park."))
    assert got == [("Tom Park", "said", "“We will win this state,”")]


def test_said_as_opens_a_time_clause_not_the_content() -> None:
    got = _claims(_doc("“We are proud to vote today!” Ann Lee said as she opened the session."))
    assert got == [("Ann Lee", "said", "“We are proud to vote today!”")]


def test_according_to_after_a_short_opening_phrase_credits_the_clause_after() -> None:
    got = _claims(
        _doc(
            "For the mayor, according to his aide Tom Park, the vote is “a real test” of his hold."
        )
    )
    assert got == [
        ("Tom Park", "according to", "the vote is “a real test” of his hold"),
    ]


def test_progressive_calling_with_a_bare_quote_is_not_a_naming_cue() -> None:
    text = _doc("Smith said the producers were calling “every ten minutes.”")
    assert _claims(text) == [("Smith", "said", "the producers were calling “every ten minutes.”")]


def test_content_ends_before_and_plus_a_participle_cue() -> None:
    text = _doc("Lee slammed the plan, calling it “reckless” and insisting that the vote wait.")
    got = _claims(text)
    assert ("Lee", "calling", "it “reckless”") in got
    assert ("Lee", "insisting", "the vote wait") in got


def test_quote_right_after_the_cue_keeps_the_rest_of_the_clause() -> None:
    text = _doc("Lee says “the tide is turning” despite the loss in Ohio.")
    assert _claims(text) == [("Lee", "says", "“the tide is turning” despite the loss in Ohio")]


def test_more_reporting_verbs_introduce_quotes() -> None:
    got = _claims(_doc("Jo Park echoed:", "“She speaks for us, and we needed that.”"))
    assert got == [("Jo Park", "echoed", "“She speaks for us, and we needed that.”")]
    got = _claims(_doc("“Our city will always stand,” an angry Mayor Ruiz retaliated."))
    assert got == [("Ruiz", "retaliated", "“Our city will always stand,”")]


def test_participle_after_an_adverbial_shares_the_clause_subject() -> None:
    text = _doc(
        "Gov. Ann Lee toured the port on Monday.",
        "Lee — who is seen as a possible running mate — made the port a priority, but the "
        "effort stalled, and she has battled with the council over it, at one point calling "
        "the chair a “liar who cannot be trusted.”",
    )
    got = _claims(text)
    assert got == [("Ann Lee", "calling", "the chair a “liar who cannot be trusted.”")]


def test_participle_clause_is_not_the_subject_of_a_later_participle() -> None:
    text = _doc(
        "The workers had gathered at the plant, carrying signs saying, "
        "“Merger today, ruin tomorrow.”"
    )
    assert [c[0] for c in _claims(text)] == ["workers"]


def test_poll_shares_are_sources() -> None:
    text = _doc(
        "Forty-two percent said the mayor was doing well, and about four in 10 said "
        "the city was on the wrong track. Nearly half said they would vote again."
    )
    got = _claims(text)
    assert ("Forty-two percent", "said", "the mayor was doing well") in got
    assert ("about four in 10", "said", "the city was on the wrong track") in got
    assert ("Nearly half", "said", "they would vote again") in got


def test_it_with_a_past_tense_verb_opens_a_clause() -> None:
    text = _doc("Lee said it made no difference to the vote.")
    assert _claims(text) == [("Lee", "said", "it made no difference to the vote")]


def test_participle_opening_phrase_is_not_the_subject() -> None:
    text = _doc(
        "Appearing before cheering fans Monday morning at party headquarters, Ann Sue, 70, "
        "said it was too early to congratulate the winners but added, "
        '"I think you all have an idea of the result."'
    )
    got = _claims(text)
    assert got
    assert all(speaker == "Ann Sue" for speaker, _, _ in got)


def test_cue_right_before_a_quote_takes_it_from_a_cue_further_back() -> None:
    text = _doc(
        "When he first described the bridge in May, Mayor Ann Lee said, “We will build it.”"
    )
    assert ("Ann Lee", "said", "“We will build it.”") in _claims(text)


def test_noun_form_before_to_or_a_determiner_is_a_verb() -> None:
    got = _claims(_doc('Her new plan promises to "lift wages for every worker."'))
    assert got == [("new plan", "promises", 'to "lift wages for every worker."')]
    got = _claims(_doc("Legal observers note the council would not truly “close” the road."))
    assert got == [("Legal observers", "note", "the council would not truly “close” the road")]


def test_titled_name_then_of_place_is_a_person() -> None:
    got = _claims(_doc("“It is complicated,” said Sen. Maria Cano of Oregon."))
    assert got == [("Maria Cano", "said", "“It is complicated,”")]


def test_name_of_an_institution_is_the_person() -> None:
    b = parse_report(_doc("“New designs would follow,” David Albo of the Institute wrote."))
    assert [p.name for p in b.people] == ["David Albo"]
    assert b.speaker(b.claims[0]) == b.people[0]


def test_headline_in_the_to_infinitive_style_announces() -> None:
    body = (
        "\n\nLISBON, May 3. /TASS/. Premier Ana Souto will visit Lisbon in March, the envoy "
        "to Portugal John Reed told reporters.\n"
    )
    acts = {}
    for head in (
        "Premier to visit Lisbon in March — envoy",
        "Premier expects to visit Lisbon in March — envoy",
        "Visit to Lisbon reflects warm ties — envoy",
    ):
        b = parse_report(head + body)
        acts[head] = [c.act.value for c in b.claims if c.cue is None]
    assert list(acts.values()) == [["announcement"], ["statement"], ["statement"]]


def test_a_numbered_outlet_name_ends_the_phrase() -> None:
    got = _claims(_doc("A senior aide speaking to Channel 9 said the plan was “dead on arrival.”"))
    assert got == [("senior aide", "said", "the plan was “dead on arrival.”")]


def test_place_with_its_state_between_cue_and_that() -> None:
    got = _claims(_doc("Lee told the crowd in Salem, Oregon on Monday that the tax is “theft.”"))
    assert got == [("Lee", "told", "the tax is “theft.”")]


def test_content_ends_before_and_then_a_second_cue() -> None:
    got = _claims(_doc('Lee called her a "weak witness," and then tweeted that she was "sad!"'))
    assert got[0] == ("Lee", "called", 'her a "weak witness,"')


def test_readout_attributed_below_to_a_spokesperson() -> None:
    text = (
        "Deputy Secretary Lee’s Call with Foreign Minister Sato\n\n"
        "Office of the Spokesperson\n\n"
        "The below is attributable to Spokesperson Jane Roe:\u200e\n\n"
        "Deputy Secretary Ann Lee spoke with Foreign Minister Ken Sato today to discuss "
        "trade. The Deputy Secretary reaffirmed U.S. support for the new trade council, "
        "and they discussed steps to open the port.\n"
    )
    b = parse_report(text, published=dt.date(2023, 5, 4))
    assert b.held_on == dt.date(2023, 5, 4)
    assert b.held_on_evidence is not None
    assert b.held_on_evidence.text == "spoke with Foreign Minister Ken Sato today"
    [claim] = b.claims
    assert claim.text == "U.S. support for the new trade council"
    assert claim.cue is not None
    assert claim.cue.span.text == "reaffirmed"
    assert claim.act.value == "assurance"
    assert claim.said_on == dt.date(2023, 5, 4)
    speaker = b.speaker(claim)
    assert speaker is not None
    assert speaker.name == "Ann Lee"
    assert [b.entity(r.entity_id).name for r in claim.relayed_by] == ["Jane Roe"]


def test_contracted_pronoun_subject() -> None:
    b = parse_report(_doc("Ann Lee spoke first.", "Since then she’s said the port “must stay.”"))
    [claim] = b.claims
    assert claim.text == "the port “must stay.”"
    speaker = b.speaker(claim)
    assert speaker is not None
    assert speaker.name == "Ann Lee"
    assert claim.mention_id is not None
    assert b.mention(claim.mention_id).span.text == "she"


def test_place_and_state_then_a_comma_before_that() -> None:
    got = _claims(_doc("Lee said Sunday in Madison, Wisconsin, that turnout “will help us.”"))
    assert got == [("Lee", "said", "turnout “will help us.”")]


def test_capital_cue_in_a_title_cased_line() -> None:
    got = _claims(_doc("Jo Marsh Explained Why She Felt “Unseen” As A Child."))
    assert got == [("Jo Marsh", "Explained", "Why She Felt “Unseen” As A Child")]
    # in running text a capital word is not a cue
    assert _claims(_doc("The band Stressed Out played “Ride” twice.")) == []


def test_but_that_goes_on_with_the_same_cue() -> None:
    got = _claims(_doc("Lee said the clerk erred, but that the staff were never warned."))
    assert got == [("Lee", "said", "the clerk erred, but that the staff were never warned")]


def test_a_day_between_subject_and_verb_is_not_the_speaker() -> None:
    for line in (
        "Ann Lee on Monday said the port would reopen.",
        "Ann Lee later Thursday told reporters the port would reopen.",
        "Ann Lee Monday night said the port would reopen.",
    ):
        b = parse_report(_doc(line))
        assert [b.speaker(c).name for c in b.claims] == ["Ann Lee"], line  # type: ignore[union-attr]


def test_a_day_alone_is_never_a_person() -> None:
    for words in ("Thursday", "Super Tuesday"):
        assert classify(words, tokens(words, 0, len(words)), 0, len(words.split())) is None
    text = "a survey released Wednesday"
    ph = classify(text, tokens(text, 0, len(text)), 0, 4)
    assert ph is not None
    assert ph.kind != "person"


def test_capitalised_groups_and_function_words_are_not_people() -> None:
    b = parse_report(_doc("Republicans said the bill “goes too far.” Several said it was late."))
    assert [p.name for p in b.people] == []
    assert sorted(o.name for o in b.others) == ["Republicans", "Several"]
    assert len(b.claims) == 2
    assert classify("Even", tokens("Even", 0, 4), 0, 1) is None


def test_organisations_named_by_their_head_word() -> None:
    for line, name in (
        (
            "The Democratic Harbour Committee said the vote was “rigged.”",
            "Democratic Harbour Committee",
        ),
        (
            "The National Bicycle Association said the rule was “ripe for abuse.”",
            "National Bicycle Association",
        ),
    ):
        b = parse_report(_doc(line))
        assert len(b.claims) == 1, line
        speaker = b.speaker(b.claims[0])
        assert speaker in b.organizations
        assert speaker is not None
        assert speaker.name == name
    b = parse_report(_doc("People in Ohio said the plant “must stay.”"))
    assert all(p.name != "Ohio" for p in b.people)


def test_a_pronoun_the_text_never_names_is_still_a_source() -> None:
    b = parse_report(_doc("Harper arrived late. “We lost the county by a mile,” she said."))
    assert len(b.claims) == 1
    speaker = b.speaker(b.claims[0])
    assert speaker in b.others
    assert speaker is not None
    assert speaker.name == "she"
    assert speaker.kind.value == "anonymous"  # type: ignore[union-attr]
    # once someone is named, the pronoun refers back to them
    b = parse_report(_doc("Ann Harper arrived late. “We lost the county by a mile,” she said."))
    assert [b.speaker(c).name for c in b.claims] == ["Ann Harper"]  # type: ignore[union-attr]


def test_inverted_cue_interrupting_the_content() -> None:
    for line in (
        "The result, said Ann Lee, was “a clear win for the county.”",
        "The result, said Ann Lee, a party organiser, was “a clear win for the county.”",
    ):
        [(who, cue, content)] = _claims(_doc(line))
        assert (who, cue) == ("Ann Lee", "said"), line
        assert content.startswith("The result"), line
        assert content.endswith("county.”"), line
    # an appositive with no verb after it stays the source's
    [(who, _, content)] = _claims(_doc("“It was a clear win,” said Ann Lee, a party organiser."))
    assert (who, content) == ("Ann Lee", "“It was a clear win,”")


def test_idioms_and_offers_are_not_reported_words() -> None:
    assert _claims(_doc("Voters should feel free to “vote their conscience” on Tuesday.")) == []
    assert _claims(_doc("Friends offered to work for my “campaign” all year.")) == []
    # a belief with a clause is still one
    [(who, cue, content)] = _claims(_doc("Ann Lee feels the county is “ready for a change.”"))
    assert (who, cue) == ("Ann Lee", "feels")
    assert content == "the county is “ready for a change.”"


def test_according_to_after_a_quoted_speaker_is_a_relay() -> None:
    text = _doc("“We will hold the line,” Ann Lee said, according to a transcript of the meeting.")
    b = parse_report(text)
    [claim] = b.claims
    assert b.speaker(claim).name == "Ann Lee"  # type: ignore[union-attr]
    [relay] = claim.relayed_by
    assert relay.span is not None
    assert relay.span.text == "a transcript of the meeting"
    # PolNeAR's brat reading: the relay is the source, "according to" the cue
    from briefings.codecs import brat

    ann = brat.dumps(b)
    assert "\tSource " in ann
    assert [line.split("\t")[2] for line in ann.splitlines() if "\tSource " in line] == [
        "a transcript of the meeting"
    ]
    assert [line.split("\t")[2] for line in ann.splitlines() if "\tCue " in line] == [
        "according to"
    ]
    # not when the sentence is the relay's own account of what happened
    b = parse_report(_doc("Ann Lee left early and said little, according to an aide."))
    assert all(not c.relayed_by for c in b.claims)


def test_the_author_of_a_released_statement_speaks() -> None:
    [(who, cue, _)] = _claims(
        _doc("The town released a statement Wednesday saying “the water is safe to drink.”")
    )
    assert (who, cue) == ("town", "saying")


def test_a_comma_set_subject_after_an_opening_phrase() -> None:
    [(who, _, _)] = _claims(
        _doc("In the primary, Gov. Ann Lee (R-Ohio), said, “We need to win this state.”")
    )
    assert who == "Ann Lee"
    # a place after "in" is where the speaker is, not who
    claims = _claims(
        _doc("Lee was asked again after a woman in Akron, Ohio, told him she is “not convinced.”")
    )
    assert [(w, c) for w, c, _ in claims] == [("woman", "told")]


def test_according_to_after_a_comma_inside_the_closing_quote() -> None:
    [(who, cue, content)] = _claims(
        _doc("She later compared the meeting to a “root canal,” according to Lee’s memoir.")
    )
    assert (cue, content) == ("according to", "She later compared the meeting to a “root canal,”")
    assert who == "Lee’s memoir"


def test_an_object_before_a_participle_clause_is_not_the_subject() -> None:
    [(who, cue, content)] = _claims(
        _doc("The county will vote against the plan, forcing her to fight, said Ann Lee.")
    )
    assert (who, cue) == ("Ann Lee", "said")
    assert content.startswith("The county will vote")


def test_an_opening_adverb_is_not_the_subject() -> None:
    claims = _claims(
        _doc("Hastily, Ann Lee cast the blame on her rivals, and emphasized that “we will win.”")
    )
    assert [(w, c) for w, c, _ in claims] == [("Ann Lee", "emphasized")]


def test_signs_headlines_and_editorials_are_documents() -> None:
    b = parse_report(_doc("A Wednesday editorial said “the senator has no spine.”"))
    [claim] = b.claims
    speaker = b.speaker(claim)
    assert speaker in b.others
    assert speaker.kind.value == "document"  # type: ignore[union-attr]


def test_a_participle_after_a_closing_subordinate_clause_shares_its_subject() -> None:
    claims = _claims(
        _doc(
            "Ann Lee has been careful, though last week she used stronger words, saying "
            "“they must be stopped.”"
        )
    )
    assert [(w, c) for w, c, _ in claims] == [("Ann Lee", "saying")]
    b = parse_report(
        _doc(
            "Ann Lee has been careful, though last week she used stronger words, saying "
            "“they must be stopped.”"
        )
    )
    mention = b.mention(b.claims[0].mention_id)  # type: ignore[arg-type]
    assert mention.span.text == "she"


def test_a_name_after_to_before_a_colon_is_the_addressee() -> None:
    b = parse_report(
        _doc("Senator Ann Lee delivered a blunt message to Tom Park: “You need to change course.”")
    )
    [claim] = b.claims
    assert b.speaker(claim).name == "Ann Lee"  # type: ignore[union-attr]
    assert claim.cue is not None
    assert claim.cue.span.text == ":"


def test_a_time_ago_between_subject_and_cue_and_for_the_first_time() -> None:
    [(who, cue, content)] = _claims(
        _doc(
            "The State Department less than two weeks ago said for the first time that "
            "“secret” data had passed through the server."
        )
    )
    assert (who, cue) == ("State Department", "said")
    assert content == "“secret” data had passed through the server"


def test_the_agent_of_a_reduced_relative_is_not_the_subject() -> None:
    [(who, cue, _)] = _claims(
        _doc(
            "A letter from the Harbour League obtained by the Daily Courier warns that "
            "“any further contact will be through our lawyers.”"
        )
    )
    assert cue == "warns"
    assert who != "Daily Courier"
    assert "Harbour League" in who


def test_a_spokesman_for_someone_is_not_that_someone() -> None:
    for line, name in (
        ("A spokesman for Ann Lee said “we are confident.”", "spokesman for Ann Lee"),
        ("“We are confident,” said an aide to Lee.", "aide to Lee"),
    ):
        b = parse_report(_doc(line))
        [claim] = b.claims
        speaker = b.speaker(claim)
        assert speaker in b.others, line
        assert speaker.name == name  # type: ignore[union-attr]
        assert speaker.kind.value == "anonymous"  # type: ignore[union-attr]
        assert b.people == ()
    # a place after "to", then the name: the ambassador is named
    b = parse_report(_doc("Ambassador to Havana Tom Park said “we are confident.”"))
    assert [p.name for p in b.people] == ["Tom Park"]


def test_an_opening_adverb_and_a_second_predicate_with_its_own_quote() -> None:
    claims = _claims(
        _doc(
            "Ann Lee spoke first. Then she told the radio host that the mayor is “a total "
            "opportunist” and said “the record is quite clear.”"
        )
    )
    assert [(w, c) for w, c, _ in claims] == [("Ann Lee", "told"), ("Ann Lee", "said")]
    assert claims[1][2] == "“the record is quite clear.”"


def test_a_participle_between_a_cue_and_a_quote_takes_the_quote() -> None:
    claims = _claims(
        _doc("Ann Lee wrote the agents knew to brace for it, saying, “It did not happen daily.”")
    )
    assert claims == [
        ("Ann Lee", "wrote", "the agents knew to brace for it"),
        ("Ann Lee", "saying", "“It did not happen daily.”"),
    ]


def test_an_opening_prepositional_phrase_is_not_content() -> None:
    claims = _claims(
        _doc('On Twitter, she responded to his message by saying, "Just stop lying, please."')
    )
    assert all(content != "On Twitter" for _, _, content in claims)
    assert ("she", "saying", '"Just stop lying, please."') in claims


def test_a_participle_after_a_pronoun_clause_takes_the_pronoun_as_mention() -> None:
    b = parse_report(
        _doc(
            "Ann Lee acknowledged some errors even as she defended the plan, saying, "
            "“Most of the speech is different.”"
        )
    )
    last = b.claims[-1]
    assert last.cue is not None
    assert last.cue.span.text == "saying"
    assert b.mention(last.mention_id).span.text == "she"  # type: ignore[arg-type]
    assert b.speaker(last).name == "Ann Lee"  # type: ignore[union-attr]


def test_a_run_of_cue_less_quote_paragraphs_is_one_continuation() -> None:
    b = parse_report(
        _doc(
            "“We will win this county,” Ann Lee said.",
            "“Our pensions are secure. Our roads are fixed.”",
            "“Nobody, sir, is going to stop us now.”",
        )
    )
    assert len(b.claims) == 2
    cont = b.claims[1]
    assert cont.cue is None
    assert b.speaker(cont).name == "Ann Lee"  # type: ignore[union-attr]
    assert [p.text for p in cont.content_parts] == [
        "“Our pensions are secure. Our roads are fixed.”",
        "“Nobody, sir, is going to stop us now.”",
    ]


def test_a_surname_that_is_a_country_after_a_title() -> None:
    [(who, cue, content)] = _claims(
        _doc("Rep. Steve Israel said Lee urged members to be “closely coordinated.”")
    )
    assert (who, cue) == ("Steve Israel", "said")
    assert content == "Lee urged members to be “closely coordinated.”"


def test_plural_documents_groups_and_an_honorific_possessor() -> None:
    for line, kind in (
        ("Court records show that the firm “never paid” its workers.", "document"),
        ("Early news reports said the mayor “left in a hurry.”", "document"),
        ("Allies said the senator was “ready to fight.”", "group"),
    ):
        b = parse_report(_doc(line))
        assert len(b.claims) == 1, line
        assert b.speaker(b.claims[0]).kind.value == kind, line  # type: ignore[union-attr]
    b = parse_report(_doc("Mrs. Lee's campaign said the vote was “a clear win.”"))
    [claim] = b.claims
    assert b.speaker(claim) in b.organizations
    assert b.mention(claim.mention_id).span.text == "Mrs. Lee's campaign"  # type: ignore[arg-type]


def test_more_source_phrases_that_gave_no_claim() -> None:
    for line, name in (
        (
            "New Hampshire Sen. Ann Lee’s campaign, for example, said she would “support "
            "the nominee.”",
            "Lee’s campaign",
        ),
        (
            "The National Association of Criminal Defense Lawyers said the rule is “unfair.”",
            "National Association of Criminal Defense Lawyers",
        ),
        ("“Better watch out,” tweeted another.", "another"),
        ("Respondents said the economy is “getting worse.”", "Respondents"),
    ):
        b = parse_report(_doc(line))
        assert len(b.claims) == 1, line
        assert b.speaker(b.claims[0]).name == name, line  # type: ignore[union-attr]
    # "In other words, ..." names no one
    b = parse_report(_doc("In other words, explained Ann Lee, “we lost.”"))
    assert [b.speaker(c).name for c in b.claims] == ["Ann Lee"]  # type: ignore[union-attr]


def test_a_no_break_space_between_quote_and_speaker() -> None:
    text = _doc("“Being a dad is my job,”\u00a0Ann Lee said in May on the podcast “The Hour.”")
    got = _claims(text)
    assert ("Ann Lee", "said", "“Being a dad is my job,”") in got


def test_a_closing_mark_typed_for_an_opening_one() -> None:
    text = _doc(
        "”This is why the plan has to change. It is wrong,” said Ann Lee.",
        "” … they are not like him,” she said in December. “He would be appalled.”",
    )
    got = _claims(text)
    assert ("Ann Lee", "said", "”This is why the plan has to change. It is wrong,”") in got
    assert got[1][2].startswith("” … they are not like him,”")


def test_a_text_that_read_or_said_a_quote_speaks() -> None:
    got = _claims(
        _doc(
            'T-shirts appeared in front of the party office that said "We won."',
            "He held up the sign — which read “Lee 4 Senate” — and waved it around.",
            "Ann Lee said the city lost a voice that said “hope is stronger than fear.”",
        )
    )
    contents = [c for _, _, c in got]
    assert '"We won."' in contents
    assert "“Lee 4 Senate”" in contents
    # inside another claim the text's words are that claim's: no overlapping claim
    assert "“hope is stronger than fear.”" not in contents


def test_a_relative_clause_after_an_inverted_source() -> None:
    text = _doc("The town “deserves someone who is with them,” said the man who built the bridge.")
    got = _claims(text)
    assert len(got) == 1
    assert got[0][1] == "said"
    assert got[0][2] == "The town “deserves someone who is with them,”"


def test_an_adverb_between_and_and_the_cue() -> None:
    text = _doc("Ann Lee brought up the bombing and later said, “It is not just them.”")
    assert ("Ann Lee", "said", "“It is not just them.”") in _claims(text)


def test_a_statement_issued_with_a_comma_before_its_words() -> None:
    text = _doc("After the vote, Ann Lee issued a statement, “Last night, our city was tested.”")
    assert _claims(text) == [
        ("Ann Lee", "issued a statement", "“Last night, our city was tested.”")
    ]


def test_a_source_and_cue_sentence_before_a_quote() -> None:
    text = _doc(
        "Ann Lee, the party's spokeswoman, said in a statement. “There are no ballots to recount.”",
        "“Is it fair?” Bob Park asked. “I think it is.”",
    )
    got = _claims(text)
    assert ("Ann Lee", "said", "“There are no ballots to recount.”") in got
    # after a quote the next quote goes on from it: no claim of its own
    assert all(c != "“I think it is.”" for _, _, c in got)


def test_chanted_words_are_the_chanters() -> None:
    got = _claims(
        _doc(
            "Lee supporters responded with chants of “I’m with her” until Lee spoke up.",
            "But their chants of “Ann! Ann! Ann!” were cut short.",
            "The team was met with chants of “Go home, go home” at the game.",
        )
    )
    contents = {c: name for name, _, c in got}
    assert contents.get("“I’m with her”") == "Lee supporters"
    assert "“Ann! Ann! Ann!”" in contents
    # met with chants: the chanters are not the team
    assert contents.get("“Go home, go home”") == ""


def test_fraction_shares_more_groups_and_roles() -> None:
    for line, name in (
        ("Three-quarters said the race was “too close to call.”", "Three-quarters"),
        ("Investors said the merger was “a sure thing.”", "Investors"),
        ("A former speechwriter said the mayor “never listened.”", "former speechwriter"),
    ):
        b = parse_report(_doc(line))
        assert len(b.claims) == 1, line
        assert b.speaker(b.claims[0]).name == name, line  # type: ignore[union-attr]


def test_and_said_after_a_main_clause_pronoun() -> None:
    b = parse_report(
        _doc("Asked about a news conference, Ann Lee paused, she laughed and said, “We’ll see.”")
    )
    last = b.claims[-1]
    assert b.mention(last.mention_id).span.text == "she"  # type: ignore[arg-type]
    # a subordinate clause's pronoun is not the subject of "and said"
    b = parse_report(
        _doc("Ann Lee embraced him after he won the vote and said “he will be competitive.”")
    )
    last = b.claims[-1]
    assert b.mention(last.mention_id).span.text == "Ann Lee"  # type: ignore[arg-type]


def test_the_title_of_a_piece_someone_put_out() -> None:
    got = _claims(
        _doc(
            'On Monday, campaign manager Ann Lee released a memo titled "The Facts on the Race."',
            'Voters can find solace in an article titled "Lee Does Best Where Turnout Is Low."',
        )
    )
    assert ("Ann Lee", "released a memo titled", '"The Facts on the Race."') in got
    # a title with no one putting it out is no claim
    assert all("Turnout" not in c for _, _, c in got)


def test_a_period_glued_to_the_next_sentence() -> None:
    text = _doc("“The plan is dead,” Ann Lee said.Bob Park claimed that he knew it all along.")
    got = _claims(text)
    assert ("Ann Lee", "said", "“The plan is dead,”") in got
    assert ("Bob Park", "claimed", "he knew it all along") in got


def test_a_quote_piece_before_a_long_gap_and_the_cue() -> None:
    text = _doc(
        "“If there had not been that intervention” by the United States, NATO and other "
        "partners, Ann Lee said at a town hall on Monday, “we would be looking at a war.”"
    )
    got = _claims(text)
    assert len(got) == 1
    assert got[0][0] == "Ann Lee"
    assert got[0][2].startswith("“If there had not been that intervention”")
    assert got[0][2].endswith("“we would be looking at a war.”")


def test_more_verbs_that_introduce_quoted_words() -> None:
    got = _claims(
        _doc(
            '"People are afraid of wasting their votes," Ann Lee surmised.',
            'The impostor gushed about a "common interest in keeping us safe."',
        )
    )
    assert ("Ann Lee", "surmised", '"People are afraid of wasting their votes,"') in got
    assert any(cue == "gushed" for _, cue, _ in got)


def test_verbs_of_speech_only_after_the_quote() -> None:
    got = _claims(_doc("“Is the mayor profiling?” reacted Ann Lee.", "Bob Park started the car."))
    assert got == [("Ann Lee", "reacted", "“Is the mayor profiling?”")]


def test_a_question_put_to_the_speaker() -> None:
    b = parse_report(
        _doc("Asked whether she would run again, Ann Lee said she had “no plans at all.”")
    )
    question, answer = b.claims
    assert question.act.value == "question"
    assert question.speaker_id is None  # asked by someone the text does not name
    assert question.content.text == "whether she would run again"
    assert question.cue is not None
    assert question.cue.span.text == "Asked"
    assert answer.in_response_to is not None
    assert answer.in_response_to.text == "whether she would run again"
    # the asker, when named, is the question's speaker
    b = parse_report(_doc("Asked by Tom Park if the plan “works,” Ann Lee avoided an answer."))
    [question] = b.claims
    assert b.speaker(question).name == "Tom Park"  # type: ignore[union-attr]
    assert question.content.text == "if the plan “works,”"


def test_a_possessive_title_before_a_name_and_a_long_title_before_who() -> None:
    b = parse_report(_doc("“We will start chipping away,” added her campaign manager Tom Park."))
    [claim] = b.claims
    assert b.speaker(claim).name == "Tom Park"  # type: ignore[union-attr]
    b = parse_report(
        _doc("“It is over,” said a former U.S. law enforcement official who oversaw the cases.")
    )
    [claim] = b.claims
    assert b.speaker(claim).name == "former U.S. law enforcement official"  # type: ignore[union-attr]
    assert b.speaker(claim) in b.people


def test_two_titles_joined_after_an_abbreviation() -> None:
    b = parse_report(
        _doc("“That is what he did,” said former Ohio Gov. and party chairman Tom Park.")
    )
    [claim] = b.claims
    assert b.speaker(claim).name == "Tom Park"  # type: ignore[union-attr]
