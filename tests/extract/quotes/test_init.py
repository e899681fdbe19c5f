import pytest

from dateline.extract.entities import extract_entities
from dateline.extract.quotes import extract_quotes

from ..helpers import article


def run(nlp, text: str):  # type: ignore[no-untyped-def]
    a = article(text)
    doc = nlp(text)
    return extract_quotes(extract_entities(a, doc), doc).quotes


@pytest.mark.slow
def test_direct_quote_patterns(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ('"The talks went well", the State Department said in a statement.',
         "State Department"),
        ('"We are ready to fight," said John Smith, the defence minister.', "John Smith"),
        ('Angela Merkel said: "We will not give up on Europe."', "Angela Merkel"),
    ]
    for text, speaker in cases:
        direct = [q for q in run(nlp, text) if q.kind == "direct"]
        assert len(direct) == 1, text
        assert direct[0].speaker is not None and speaker in direct[0].speaker, text
        assert text[direct[0].start : direct[0].end] == direct[0].text


@pytest.mark.slow
def test_title_in_quotes_is_not_a_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = run(nlp, 'The film "Lord of the Rings" opened in London to big crowds.')
    assert [q for q in quotes if q.kind == "direct"] == []


@pytest.mark.slow
def test_indirect_quotes(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = run(nlp, "Prime Minister Boris Johnson said that the economy would recover soon.")
    ind = [q for q in quotes if q.kind == "indirect"]
    assert ind and ind[0].speaker == "Boris Johnson"
    assert ind[0].text == "the economy would recover soon"
    cited = run(nlp, "The army will leave the city by May, the release said citing "
                     "Defence Minister John Smith.")
    assert any(q.speaker == "John Smith" and q.kind == "indirect" for q in cited)
    acc = run(nlp, "According to Reuters, the plant was closed after the blast.")
    assert any(q.speaker == "Reuters" and q.cue == "according to" for q in acc)


@pytest.mark.slow
def test_pronoun_speaker_resolves_to_last_person(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = run(nlp, 'John Smith arrived late. "We have done our best," he said.')
    direct = [q for q in quotes if q.kind == "direct"]
    assert direct[0].speaker == "John Smith" and direct[0].speaker_entity


@pytest.mark.slow
def test_speaker_named_by_surname_alone(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Foreign Minister Ana Ruiz said on Thursday that results would come within a week.\n\n"
            '"We expect a calm count," Ruiz told reporters.')
    direct = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [(q.speaker, q.speaker_entity) for q in direct] == [("Ana Ruiz", "person:ana-ruiz")]


@pytest.mark.slow
def test_speakers_from_titles_dash_credits_relative_clauses_and_carry(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ('"Now it is back to power plants only," Mr. Alexander said in an interview.', ["Alexander"]),
        ("\u201cMaybe we can build a wall around the stadium.\u201d \u2015 Steve Quinlan", ["Quinlan"]),
        ('The bill was opposed by Ana Ruiz, who said: "We will not back down on this bill."', ["Ruiz"]),
        ('"We will win this vote," Ruiz said. "The count is clean and the result is clear."',
         ["Ruiz", "Ruiz"]),
    ]
    for text, surnames in cases:
        direct = [q for q in run(nlp, text) if q.kind == "direct"]
        assert [(q.speaker or "").split()[-1:] for q in direct] == [[s] for s in surnames], text


@pytest.mark.slow
def test_carry_stops_at_an_unattributed_quote_and_far_away(nlp) -> None:  # type: ignore[no-untyped-def]
    far = " ".join(["The committee met for hours and heard several witnesses."] * 9)
    text = f'"We will win this vote," Ruiz said. {far} "A different voice speaks here at length."'
    direct = [q for q in run(nlp, text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Ruiz", None]


def _direct_speakers(nlp, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [q.speaker for q in run(nlp, text) if q.kind == "direct"]


@pytest.mark.slow
def test_cue_after_quote_reads_past_abbreviations_and_long_appositives(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ('"We will not back down on this bill," Rep. Ann Lee (D-Wis.) said Friday.', "Lee"),
        ('"The framing blames young voters for everything," Vann R. Newkirk II, a writer for '
         "The Atlantic and a regular guest on cable news, said on Twitter.", "Newkirk"),
        ('"Go back to your seat right now," Trump barked at the reporter.', "Trump"),
    ]
    for text, surname in cases:
        speakers = _direct_speakers(nlp, text)
        assert len(speakers) == 1 and surname in (speakers[0] or ""), (text, speakers)


@pytest.mark.slow
def test_cue_before_quote_is_the_nearest_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('When a reporter from the Daily Star asked about taxes, Tom Ruiz said, '
            '"We will cut them for every family in the state."')
    assert ["Ruiz"] == [(s or "").split()[-1] for s in _direct_speakers(nlp, text)]


@pytest.mark.slow
def test_quoted_block_after_a_colon_paragraph(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("After the vote, Senator Ann Lee released the following statement:\n\n"
            '"We mourn the loss of a great leader and a dear friend of this state."')
    assert ["Ann Lee"] == _direct_speakers(nlp, text)


@pytest.mark.slow
def test_person_inside_a_titled_subject_and_cue_on_a_coordinated_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    titled = ('Speaker of the House Paul Ryan said, "These images have no place in a '
              'presidential campaign."')
    assert ["Paul Ryan"] == _direct_speakers(nlp, titled)
    coordinated = ('Ben Carson did not mention his rivals by name, but told his supporters, '
                   '"Our nation is in horrible trouble right now."')
    assert ["Ben Carson"] == _direct_speakers(nlp, coordinated)


@pytest.mark.slow
def test_pronoun_goes_to_the_person_just_quoted_not_the_last_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('"We will win this county," Ann Lee said. She has campaigned against Tom Smith '
            'since May. "The count will be clean and fair," she added.')
    assert _direct_speakers(nlp, text) == ["Ann Lee", "Ann Lee"]


@pytest.mark.slow
def test_indirect_with_partial_quote_and_stance_verbs(nlp) -> None:  # type: ignore[no-untyped-def]
    partial = run(nlp, 'Ann Lee says the senator\'s "latest outburst is unhinged, even for him."')
    ind = [q for q in partial if q.kind == "indirect"]
    assert len(ind) == 1 and ind[0].speaker == "Ann Lee"
    assert ind[0].text.startswith("the senator") and "unhinged" in ind[0].text
    # The quoted words are part of the reported speech, not a direct quote of their own.
    assert [q.kind for q in partial].count("direct") == 0
    study = run(nlp, "A new study found that turnout fell sharply in the three largest counties.")
    assert [(q.kind, q.text) for q in study] == [
        ("indirect", "turnout fell sharply in the three largest counties")]
    believe = run(nlp, "Most economists believe that the tax cut will raise the deficit.")
    assert [q.speaker for q in believe if q.kind == "indirect"] == ["Most economists"]


@pytest.mark.slow
def test_knew_and_saw_report_nothing_without_a_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    assert run(nlp, "The governor knew the old senator from their years in the army.") == []


@pytest.mark.slow
def test_quote_closed_by_full_stop_takes_no_cue_from_the_next_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('Ann Lee said, "Let the other countries take in the refugees." The generic return '
            "of refugees is a step towards their repatriation.")
    assert _direct_speakers(nlp, text) == ["Ann Lee"]


@pytest.mark.slow
def test_adding_after_a_quote_credits_the_speaker_of_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ('In a statement, Peabody Energy said: "The company was highly successful when it '
            'became independent," adding that its market value quadrupled in a few years.')
    assert _direct_speakers(nlp, text) == ["Peabody Energy"]


@pytest.mark.slow
def test_speakers_the_parse_leaves_without_a_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ('But in a call with reporters on May 2, Col. Mark Hale, a military spokesman in '
         'Kabul, said, "A raid is a combat operation, there is no way around that."', "Hale"),
        ('The polls were wrong again.\n\nPollsters agree - Ann Lee: "Keep on contacting '
         'voters as late as possible."', "Lee"),
        ('As Ann Lee, a tax lawyer at the Tax Policy Center, recently put it, "Did he lower '
         'his taxes through legal avoidance?"', "Lee"),
        # A phrasal speech verb with its particle, and a time between it and the quote.
        ('As Ann Lee, a pollster at the center, pointed out in December, "The delegates '
         'will have many chances to change the rules."', "Lee"),
    ]
    for text, surname in cases:
        speakers = _direct_speakers(nlp, text)
        assert len(speakers) == 1 and surname in (speakers[0] or ""), (text, speakers)


@pytest.mark.slow
def test_no_speaker_rather_than_a_wrong_one(nlp) -> None:  # type: ignore[no-untyped-def]
    # The subject of a passive cue heard the words; a thing does not speak.
    asked = 'In an interview on Sunday, Mark Hale was asked, "What is the most dangerous place?"'
    assert _direct_speakers(nlp, asked) == [None]
    wrapped = ('When Ann Lee finally wrapped up, "I will fight for you, and I will win for '
               'you!" the balloons cascaded down on the crowd.')
    assert "balloons" not in (_direct_speakers(nlp, wrapped)[0] or "")
    # `called in` is not `called out`: no speech, so no speaker before the comma.
    called = 'Ann Lee called in the auditors, "The delegates will have many chances to change."'
    assert _direct_speakers(nlp, called) in ([], [None])


@pytest.mark.slow
def test_attribution_details(nlp) -> None:  # type: ignore[no-untyped-def]
    cases = [
        # Who is told does not speak.
        ('"Yes, I support the senator," Brent Hale III, founder of the Media Center, tells '
         "Fox News in an interview.", "Hale"),
        # A bare attribution sentence after a quote closed by a full stop.
        ('"Russia, if you are listening, find the missing emails." Trump said.', "Trump"),
        # The party and state in brackets are not the speaker.
        ('Campaigning in Ohio, Gov. John Kasich (R-OH), said, "We are going to rent a '
         'covered wagon."', "Kasich"),
        # A name between the closing mark and the verb speaks, whatever the parse says.
        ("An argument between those who fear conquest (''This is less a crisis and more an "
         "occupation,'' Monica Crowley wrote last week) and those who do not.", "Crowley"),
    ]
    for text, surname in cases:
        speakers = _direct_speakers(nlp, text)
        assert len(speakers) == 1 and surname in (speakers[0] or ""), (text, speakers)


@pytest.mark.slow
def test_descriptions_dashes_and_roundups(nlp) -> None:  # type: ignore[no-untyped-def]
    star = ('Salma Hayek spoke about her years in Mexico on Sunday.\n\n"I was told to go back '
            'home and forget about films," the star recalled.')
    quote = next(q for q in run(nlp, star) if q.kind == "direct")
    # The words stay as written; the entity says who the star is.
    assert quote.speaker == "the star" and quote.speaker_entity is not None
    assert "hayek" in quote.speaker_entity
    dash = ('When Ann Lee finally wrapped up — "I will fight for you, and I will win for you!" '
            "— the crowd cheered.")
    assert "Lee" in (_direct_speakers(nlp, dash)[0] or "")
    roundup = ('TURNOUT WAS HIGH IN IOWA - Marek Dolny: "At long last the contests have '
               'finally started with the first caucus."')
    assert _direct_speakers(nlp, roundup) == ["Marek Dolny"]


@pytest.mark.slow
def test_pronoun_skips_a_person_of_the_other_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Senator Ann Lee said she would vote no. Lee said she had read the bill twice.\n\n"
            "Governor Mark Hale said he was tired. Hale said he would leave early.\n\n"
            '"We will win this vote," she said.')
    assert _direct_speakers(nlp, text) == ["Ann Lee"]
