"""The places stage on hand-built articles: entities placed by the article's own evidence.

These load the gazetteer (GeoNames cities, countries, regions: a few seconds once), so slow."""

from __future__ import annotations

import pytest

from dateline.extract.places import resolve_places
from dateline.model import Article, Dateline, Entity, Mention, Source, Span

pytestmark = pytest.mark.slow


def _article(text: str, places: list[tuple[str, str]], dateline: str | None = None,
             url: str | None = None, norp: tuple[str, str] | None = None) -> Article:
    ents = []
    for i, (name, etype) in enumerate(places):
        start = text.index(name)
        ents.append(Entity(f"e{i}", name, etype, mentions=[Mention(start, start + len(name), name)]))
    if norp:
        start = text.index(norp[0])
        ents.append(Entity("n", norp[0], "NORP", country=norp[1], mentions=[Mention(start, start + len(norp[0]),
                                                                                     norp[0])]))
    return Article(id="a", source=Source("t", 1, "txt"), text=text, paragraphs=[Span(0, len(text))],
                   url=url, entities=ents,
                   dateline=Dateline(f"{dateline.upper()} (Wire) -", dateline, "Wire") if dateline else None)


def _place(a: Article, name: str) -> tuple[str, str, str | None] | None:
    e = next(e for e in a.entities if e.name == name)
    return (e.place.name, e.place.country, e.place.region) if e.place else None


def test_a_city_gets_its_country_and_coordinates() -> None:
    a = resolve_places(_article("Shelling hit Kharkiv overnight.", [("Kharkiv", "GPE")]))
    e = a.entities[0]
    assert e.place is not None and e.place.kind == "city" and e.country == "UKR"
    assert 49 < (e.place.lat or 0) < 51 and 35 < (e.place.lon or 0) < 37


def test_paris_alone_is_the_french_one_and_paris_texas_the_texan() -> None:
    assert _place(resolve_places(_article("Talks resumed in Paris.", [("Paris", "GPE")])), "Paris") == (
        "Paris", "FRA", None)
    a = resolve_places(_article("A storm hit Paris, Texas, on Monday.", [("Paris", "GPE")]))
    assert _place(a, "Paris") == ("Paris", "USA", "US-TX")


def test_georgia_follows_the_dateline_and_stays_unresolved_without_evidence() -> None:
    a = resolve_places(_article("Voters in Georgia went to the polls.", [("Georgia", "GPE")], dateline="Atlanta"))
    assert _place(a, "Georgia") == ("Georgia", "USA", "US-GA")
    assert a.dateline is not None and a.dateline.location is not None
    assert a.dateline.location.country == "USA"
    a = resolve_places(_article("Officials in Georgia said little.", [("Georgia", "GPE")]))
    assert _place(a, "Georgia") is None


def test_a_city_named_elsewhere_in_the_text_is_evidence() -> None:
    a = resolve_places(_article("Georgia said troops left Tbilisi.", [("Georgia", "GPE"), ("Tbilisi", "GPE")]))
    assert _place(a, "Georgia") == ("Georgia", "GEO", None)


def test_a_demonym_is_evidence_for_its_country() -> None:
    text = "Clashes in Tripoli killed three, Lebanese officials said."
    a = resolve_places(_article(text, [("Tripoli", "GPE")], norp=("Lebanese", "LBN")))
    assert _place(a, "Tripoli") == ("Tripoli", "LBN", None)


def test_a_lower_case_compass_word_is_where_in_the_country() -> None:
    a = resolve_places(_article("Fighting spread in northeast Syria.", [("northeast Syria", "LOC")]))
    assert _place(a, "northeast Syria") == ("Syria", "SYR", None)
    assert resolve_places(_article("North Korea fired.", [("North Korea", "GPE")])).entities[0].country == "PRK"


def test_the_outlet_address_gives_a_home_country() -> None:
    a = resolve_places(_article("Georgia's governor spoke.", [("Georgia", "GPE")], url="https://news.example.us/x"))
    assert _place(a, "Georgia") == ("Georgia", "USA", "US-GA")


def test_a_dateline_with_its_state_and_an_unknown_place() -> None:
    a = resolve_places(_article("Nothing happened in Freedonia.", [("Freedonia", "GPE")], dateline="Richmond, Va."))
    assert a.dateline is not None and a.dateline.location is not None
    assert (a.dateline.location.name, a.dateline.location.region) == ("Richmond", "US-VA")
    assert a.entities[0].place is None and a.entities[0].country is None



def test_a_qualifier_that_names_two_areas_is_the_one_holding_the_place() -> None:
    # `Maryland` is a US state and a Liberian county; `Scotland` a nation and a region
    for written, country in (("Annapolis, Maryland", "USA"), ("Glasgow, Scotland", "GBR")):
        a = resolve_places(_article("The vote was close.", [], dateline=written))
        assert a.dateline is not None and a.dateline.location is not None
        assert (a.dateline.location.name, a.dateline.location.country) == (written.split(",")[0], country)

def test_a_list_of_countries_is_not_a_qualifier() -> None:
    a = resolve_places(_article("Exports rose to Brazil, Mexico, Philippines and Japan.", [("Mexico", "GPE")]))
    assert _place(a, "Mexico") == ("Mexico", "MEX", None)


def test_a_code_in_capitals_is_no_alternate_name() -> None:
    a = resolve_places(_article("The bonds were rated BB by the agency.", [("BB", "GPE")]))
    assert a.entities[0].place is None


def test_a_dateline_without_its_state_is_settled_by_the_story() -> None:
    text = "The largest bank in Alabama said profits rose."
    a = resolve_places(_article(text, [("Alabama", "GPE")], dateline="Birmingham"))
    assert a.dateline is not None and a.dateline.location is not None
    assert (a.dateline.location.country, a.dateline.location.region) == ("USA", "US-AL")
    a = resolve_places(_article("Profits rose.", [], dateline="Birmingham"))
    assert a.dateline is not None and a.dateline.location is not None and a.dateline.location.country == "GBR"
