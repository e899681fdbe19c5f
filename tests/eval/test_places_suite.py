"""The places suite's gold and scoring glue on a hand-made Reuters-style file (no model), and
one slow run through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.suites.places import Tally, found_countries, gold_places, tag_country
from dateline.model import Article, Dateline, Entity, Location, Mention, Source, Span

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" NEWID="11">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<PLACES><D>west-germany</D><D>ussr</D></PLACES>
<TEXT>&#2;
<TITLE>BONN AND MOSCOW AGREE GRAIN TERMS</TITLE>
<DATELINE>    BONN, Feb 26 - </DATELINE><BODY>West Germany and the Soviet Union agreed terms for grain
shipments on Thursday, officials in Bonn said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="12">
<DATE>26-FEB-1987 15:02:01.79</DATE>
<PLACES></PLACES>
<TEXT>&#2;<BODY>No places here.
&#3;</BODY></TEXT>
</REUTERS>
"""


def test_tags_map_to_the_1987_world() -> None:
    assert tag_country("west-germany") == "DEU" and tag_country("hong-kong") == "HKG"
    assert tag_country("ussr") == "SUN" and tag_country("usa") == "USA" and tag_country("atlantis") is None


def test_gold_places_are_read_per_story(tmp_path: Path) -> None:
    (tmp_path / "reut2-000.sgm").write_text(SGML, encoding="latin-1")
    assert gold_places(tmp_path) == {"11": ["west-germany", "ussr"], "12": []}


def test_found_countries_fold_successor_states_and_name_their_source() -> None:
    text = "Troops left Kyiv."
    kyiv = Location("geonames:703448", "Kyiv", "city", "UKR", None, 50.45, 30.52)
    a = Article("a", Source("t", 1, "txt"), text, [Span(0, len(text))],
                entities=[Entity("e", "Kyiv", "GPE", mentions=[Mention(12, 16, "Kyiv")], place=kyiv)],
                dateline=Dateline("BONN -", "Bonn", None,
                                  location=Location("geonames:2946447", "Bonn", "city", "DEU", None, 50.7, 7.1)))
    assert found_countries(a) == {"SUN": ["Kyiv"], "DEU": ["dateline Bonn"]}


def test_tally_counts_pairs() -> None:
    t = Tally()
    t.add({"USA", "GBR"}, {"USA", "FRA"})
    t.add({"JPN"}, {"JPN"})
    assert (t.recall, t.precision, t.exact) == (2 / 3, 2 / 3, 1)
    assert t.extra == {"FRA": 1} and t.missed == {"GBR": 1}


@pytest.mark.slow
def test_the_suite_runs_on_a_tiny_file(tmp_path: Path) -> None:
    from dateline.eval.suites.places import run

    (tmp_path / "reut2-000.sgm").write_text(SGML, encoding="latin-1")
    result = run(tmp_path)
    assert result.figures["stories"] == 1 and result.figures["recall"] == 1.0
    assert result.figures["precision"] == 1.0


@pytest.mark.slow
def test_a_links_country_comes_only_from_countries_states_and_qualifiers() -> None:
    from dateline.eval.suites.places import link_country

    assert link_country("United_Kingdom") == "GBR" and link_country("Alabama") == "USA"
    assert link_country("Mobile,_Alabama") == "USA" and link_country("Victoria_(Australia)") == "AUS"
    assert link_country("Paris") is None and link_country("Earth") is None
