import pytest

from dateline.extract import extract_article, extract_articles
from tests.conftest import NO_SEED, SEED, seed_available

from .helpers import article

pytestmark = pytest.mark.slow



def test_articles_come_back_in_order_with_facts(settings) -> None:  # type: ignore[no-untyped-def]
    texts = ["Reuters said 300 workers struck on Monday.",
             "Nothing happened here at all, really.",
             '"We will stay," President Joe Biden told CNN in June.']
    out = list(extract_articles((article(t) for t in texts), settings))
    assert [a.text for a in out] == texts
    assert out[0].times[0].value == "2021-09-06" and out[0].amounts[0].value == 300
    assert out[1].entities == [] and out[1].quotes == []
    assert out[2].quotes[0].speaker == "Joe Biden"
    for a in out:
        for fact in [*a.times, *a.amounts, *a.quotes]:
            assert a.text[fact.start : fact.end] == fact.text


@pytest.mark.skipif(not seed_available(), reason=NO_SEED)
def test_example_record(settings) -> None:  # type: ignore[no-untyped-def]
    from dateline.clean import clean_record
    from dateline.read import read_inputs

    raw = next(iter(read_inputs([str(SEED)])))
    a = extract_article(clean_record(raw), settings)
    ents = {e.name: e for e in a.entities}

    daesh = ents["Daesh"]
    assert daesh.type == "ORG" and {"ISIS", "ISIL", "Islamic State"} <= set(daesh.aliases)
    coalition = next(e for e in a.entities if "coalition to defeat daesh" in e.name.lower())
    assert coalition.type == "ORG"
    assert ents["US State Department"].type == "ORG"
    assert (ents["United States"].type, ents["United States"].country) == ("GPE", "USA")
    for name, code in [("Iraq", "IRQ"), ("Syria", "SYR"), ("Afghanistan", "AFG"),
                       ("Russia", "RUS")]:
        assert (ents[name].type, ents[name].country) == ("GPE", code)
    assert ents["Iraqi Security Forces"].type == "ORG"
    godfrey = ents["John Godfrey"]
    assert godfrey.type == "PERSON" and "US Special Envoy" in godfrey.roles
    assert {m.text for m in godfrey.mentions} == {"John Godfrey", "Godfrey"}
    assert ents["Syrian Democratic Forces"].type == "ORG"
    assert ents["Sputnik"].type == "ORG"
    assert not any(e.type == "WORK_OF_ART" and e.name.lower().endswith("coalition")
                   for e in a.entities)
    assert not any(e.type == "PERSON" and e.name == "Sputnik" for e in a.entities)

    direct = [q for q in a.quotes if q.kind == "direct"]
    assert direct[0].text.startswith("The Coalition remains united")
    assert direct[0].speaker == "US State Department"
    assert any(q.kind == "indirect" and q.speaker == "John Godfrey" for q in a.quotes)

    amounts = {(x.value, x.unit, x.qualifier) for x in a.amounts}
    assert (600e6, "USD", "more than") in amounts and (670e6, "USD", None) in amounts
    counts = {(x.value, x.counted) for x in a.amounts if x.unit is None}
    assert (2000, "terrorist fighters") in counts and (2000, "Iraqi nationals") in counts
    assert any(x.value == 1000 and x.qualifier == "thousands of" and "fighters" in x.counted
               for x in a.amounts)

    assert {"2021-09-09", "2021", "2021-06"} <= {t.value for t in a.times}
