from dateline.model import Article, Entity, Mention, Source, Span, Time
from dateline.stories.represent import (
    company_name,
    days_of,
    entity_keys,
    figures_of,
    lead_of,
    profile,
    profile_text,
    subjects_of,
    years_of,
)


def test_words_are_stemmed_stop_words_dropped_and_the_title_counts_twice() -> None:
    p = profile_text("Earthquake strikes Peru", "The earthquakes killed 12 people in Peru.")
    assert p.terms["earthquak"] == 3  # `earthquakes` once in the body, `Earthquake` twice for the title
    assert p.terms["peru"] == 3
    assert "the" not in p.terms and "in" not in p.terms


def test_only_the_lead_of_a_long_body_is_read() -> None:
    body = "flood " * 10 + "drought " * 500
    p = profile_text(None, body, max_words=20)
    assert p.terms["flood"] == 10 and p.terms["drought"] == 10


def test_years_come_from_full_dates_only() -> None:
    times = [Time("March 3, 2009", "2009-03-03", 0, 13), Time("Monday", None, 20, 26),
             Time("three years", "P3Y", 30, 41, "DURATION"), Time("in 2013", "2013", 50, 57)]
    assert years_of(times) == frozenset({"2009", "2013"})


def test_an_article_profile_keeps_its_date_and_named_entities_by_type() -> None:
    text = "Rescuers reached Chala on Tuesday."
    a = Article("a1", Source("x", 1, "txt"), text, [Span(0, len(text))], published="2024-03-05",
                entities=[Entity("e1", "Chala", "GPE"), Entity("e2", "Tuesday", "DATE")])
    assert entity_keys(a) == frozenset({"GPE:chala"})
    p = profile(a)
    assert p.date == "2024-03-05" and p.entities == frozenset({"GPE:chala"})
    assert profile_text(None, "x", years=frozenset({"2024"})).to_dict()["years"] == ["2024"]


def test_days_come_from_resolved_dates_month_day_words_and_weekdays() -> None:
    times = [Time("March 3, 2009", "2009-03-03", 0, 13), Time("December 15", None, 20, 31),
             Time("15 Dec", None, 35, 41), Time("Saturday morning", None, 45, 61, "TIME"),
             Time("three days", "P3D", 65, 75, "DURATION"), Time("May 41", None, 80, 86)]
    assert days_of(times) == frozenset({"MD:03-03", "MD:12-15", "WD:sat"})


def test_an_article_profile_keeps_the_days_its_text_names() -> None:
    text = "The ferry sank on Sunday."
    a = Article("a1", Source("x", 1, "txt"), text, [Span(0, len(text))],
                times=[Time("Sunday", None, 18, 24)])
    p = profile(a)
    assert p.when == frozenset({"WD:sun"})
    assert profile_text(None, "x").to_dict()["when"] == []


def test_a_wire_headline_names_its_subject_company_by_ticker_and_name() -> None:
    subjects, mentions = subjects_of("HARBOR MILLS CORP <HML> 1ST QTR NET", "Shr 12 cts vs ten cts\nNet 1.2 mln",
                                     ["Harbor Mills Corp"])
    assert subjects == frozenset({"T:HML", "N:harbor mills"})
    assert mentions >= subjects


def test_a_headline_company_without_a_ticker_is_its_name_with_the_legal_form_or_a_body_organisation() -> None:
    assert subjects_of("Kestrel Foods Inc sets quarterly dividend", "Kestrel Foods said...", [])[0] == frozenset(
        {"N:kestrel foods"})
    subjects, mentions = subjects_of("PINE VALLEY STORES FILES OFFERING",
                                     "Pine Valley Stores Limited Partnership said it filed; Lark Bank Ltd will "
                                     "manage it.", ["Pine Valley Stores Limited Partnership", "Lark Bank Ltd"])
    assert subjects == frozenset({"N:pine valley stores"})
    assert "N:lark" in mentions


def test_a_headline_without_a_company_has_no_subject() -> None:
    assert subjects_of("Earthquake strikes southern Peru", "An earthquake struck...", [])[0] == frozenset()


def test_company_names_compare_without_their_legal_form() -> None:
    assert company_name("The Harbor Mills Corp.") == company_name("HARBOR MILLS CORPORATION") == "harbor mills"
    assert company_name("Inc") == "inc"


def test_the_other_party_a_headline_names_beside_its_company_is_not_a_subject() -> None:
    subjects, mentions = subjects_of("HARBOR MILLS CORP GETS NAVY CONTRACT", "Harbor Mills Corp said the Navy...",
                                     ["Harbor Mills Corp", "Navy"])
    assert subjects == frozenset({"N:harbor mills"}) and "N:navy" in mentions
    assert subjects_of("(KESTREL FOODS INC) YEAR NET", "Shr 12 cts", [])[0] == frozenset({"N:kestrel foods"})


def test_the_first_line_gives_a_ticker_only_in_its_unmistakable_forms() -> None:
    assert subjects_of(None, "Harbor Mills Corp (NYSE: HML) said on Monday...", [])[0] == frozenset({"T:HML"})
    assert subjects_of(None, "LIMA (AP) - An earthquake struck southern Peru.", [])[0] == frozenset()


def test_figures_are_the_counts_scores_and_amounts_a_report_gives_without_years_or_single_digits() -> None:
    text = "The quake of magnitude 6.1 killed 12 people and 1,400 were hurt; 3 towns and the 2009 census."
    assert figures_of(text) == frozenset({"F:6.1", "F:12", "F:1400"})
    assert figures_of("The club slumped to 9-14 in 2008.") == frozenset({"F:9-14"})
    assert figures_of("killed 12 " + "word " * 50 + "and 88 more", max_words=5) == frozenset({"F:12"})


def test_the_lead_people_are_those_the_first_sentences_or_the_headline_name() -> None:
    text = "Harbor City fired coach Dan Reyes on Saturday. " + "x " * 200 + "His predecessor Al Moss won twice."
    moss = text.index("Al Moss")
    a = Article("a1", Source("x", 1, "txt"), text, [Span(0, len(text))], title="Mara Quist named coach",
                entities=[Entity("e1", "Dan Reyes", "PERSON", mentions=[Mention(24, 33, "Dan Reyes")]),
                          Entity("e2", "Al Moss", "PERSON", mentions=[Mention(moss, moss + 7, "Al Moss")]),
                          Entity("e3", "Mara Quist", "PERSON", mentions=[]),
                          Entity("e4", "Harbor City", "ORG", mentions=[Mention(0, 11, "Harbor City")])])
    assert lead_of(a) == frozenset({"PERSON:dan reyes", "PERSON:mara quist"})
    p = profile(a)
    assert p.lead == lead_of(a)
    assert type(p).from_dict(p.to_dict()) == p
