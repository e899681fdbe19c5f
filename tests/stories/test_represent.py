from dateline.model import Article, Entity, Source, Span, Time
from dateline.stories.represent import entity_keys, profile, profile_text, years_of


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
