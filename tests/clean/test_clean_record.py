import pytest

from dateline.clean import clean_record
from dateline.model import RawRecord, Source
from tests.conftest import NO_SEED, SEED, seed_available

TABLE = (
    "    CHICAGO, Feb 26 -\n"
    "    Shr loss two cts vs profit seven cts\n"
    "    Net profit 442,000 vs profit 2,986,000\n"
    "    Revs 291.8 mln vs 151.1 mln\n"
    " Reuter\n"
)


def test_wire_table_under_a_dateline_of_its_own():
    art = clean_record(RawRecord(Source("t", 1, "txt"), text=TABLE, date="26-FEB-1987 15:01:01.79"))
    assert art.dateline is not None and art.dateline.place == "Chicago"
    assert art.paragraph_texts() == [
        "Shr loss two cts vs profit seven cts",
        "Net profit 442,000 vs profit 2,986,000",
        "Revs 291.8 mln vs 151.1 mln",
    ]
    assert art.published == "1987-02-26"


@pytest.mark.skipif(not seed_available(), reason=NO_SEED)
def test_seed_record_behaviour_kept():
    lines = SEED.read_text(encoding="utf-8").split("\n", 1)
    date = lines[0].split()[1]
    text = lines[0].split(None, 2)[2] + "\n" + lines[1]
    art = clean_record(RawRecord(Source("seed", 1, "dated"), text=text, date=date))
    assert (art.dateline.place, art.dateline.agency) == ("Washington", "Sputnik")
    assert len(art.paragraphs) == 6
    assert len(art.notices) == 1 and art.notices[0].refers_to == "Daesh"


def _clean(text: str, title: str | None = None):  # noqa: ANN202
    return clean_record(RawRecord(Source("t", 1, "txt"), text=text, title=title))


LEAD = "Ministers met in Lisbon on Monday to discuss fishing quotas, officials said."
SECOND = "The talks ended without agreement, a spokesman said."
THIRD = "He added:"
FOURTH = '"We will meet again in the spring, and we expect a deal then."'


def test_glued_copy_with_a_colon_join_goes_and_the_dateline_is_found() -> None:
    text = "\n".join([SECOND + THIRD + FOURTH, "LISBON (Reuters) - " + LEAD, SECOND, THIRD, FOURTH])
    art = _clean(text)
    assert art.dateline is not None and art.dateline.place == "Lisbon"
    assert art.paragraph_texts() == [LEAD, SECOND, THIRD, FOURTH]
    assert art.repairs["glued_copies"] == 1


def test_dateline_found_behind_a_teaser_that_repeats_the_body() -> None:
    teaser = "We will meet again in the spring, a spokesman said."
    text = "\n".join([teaser, "LISBON (AFP) - " + LEAD, SECOND, teaser])
    art = _clean(text)
    assert art.dateline is not None and art.dateline.agency == "AFP"
    assert art.paragraph_texts() == [LEAD, SECOND, teaser]
    assert art.repairs["teasers"] == 1


def test_a_first_paragraph_with_news_of_its_own_is_not_a_teaser() -> None:
    text = "\n".join(["Fishing fleets stayed in port on Monday.", "LISBON (AFP) - " + LEAD, SECOND])
    art = _clean(text)
    assert art.dateline is None
    assert art.paragraph_texts()[0] == "Fishing fleets stayed in port on Monday."


def test_title_line_before_the_dateline_is_dropped_and_the_dateline_taken() -> None:
    text = "\n".join(["Fishing talks stall", "LISBON (AFP) - " + LEAD, SECOND, THIRD, FOURTH])
    art = _clean(text, title="Fishing talks stall")
    assert art.dateline is not None and art.paragraph_texts() == [LEAD, SECOND, THIRD, FOURTH]


def test_transcript_speaker_is_not_a_dateline() -> None:
    text = "\n".join(["PENCE: Well, look, the debate will be about the issues.", SECOND])
    art = _clean(text)
    assert art.dateline is None
    assert art.paragraph_texts()[0].startswith("PENCE: Well")


@pytest.mark.slow  # the first page pays for importing trafilatura and htmldate
def test_a_news_page_keeps_its_story_and_sets_the_rest_apart_with_reasons():
    from dateline.model import RawRecord, Source

    story = (
        "<p>The city council voted on Tuesday to close the old bridge to lorries from March, after "
        "engineers found cracks in two of its piers.</p>"
        "<p>What did the engineers find?</p><p>Cracks in two piers.</p>"
        "<p>What did the engineers find?</p><p>Rust on the cables.</p>"
        + "".join(
            f"<p>Residents of district {n} told the council on Tuesday evening that the closure would add "
            f"half an hour to their journeys to work, and asked for a temporary ferry service.</p>"
            for n in range(1, 5)
        )
        + "<p>The mayor said buses would keep using the bridge until the repairs begin.</p>"
    )
    page = (
        '<html lang="en"><head><title>Council closes old bridge to lorries</title>'
        '<meta property="article:published_time" content="2020-03-02T21:30:00-05:00"></head><body><article>'
        "<h1>Council closes old bridge to lorries</h1><p>By Ann Lee and Bo Park</p>"
        f"{story}<p>Like this story? Share it with a friend!</p>"
        '<h2>More news</h2><ul><li><a href="/a">Ferry fares rise in May</a></li>'
        '<li><a href="/b">Library opening hours change</a></li></ul></article></body></html>'
    )
    raw = RawRecord(Source("p.html", 0, "html"), html=page, url="https://gazette.example/news/bridge")
    a = clean_record(raw)
    assert a.text.startswith("The city council voted") and a.text.endswith("until the repairs begin.")
    assert a.text.count("What did the engineers find?") == 2  # a repeated question is the writer's
    assert a.authors == ["Ann Lee", "Bo Park"] and a.language == "en"
    assert a.published == "2020-03-02"  # the page's own day, not the next day in UTC
    reasons = {r.reason for r in a.removed}
    assert {"title_repeated", "byline", "prompt"} <= reasons  # the list of links: trafilatura's
    assert a.repairs["prompt"] == 1 and a.repairs["byline"] == 1
    assert "Ferry fares" not in a.text


def test_a_russian_wire_story_gets_its_dateline_day_and_loses_its_credit():
    text = ("МОСКВА, 3 марта (Рейтер) - Министр финансов заявил, что бюджет будет исполнен.\n\n"
            "Правительство выделит дополнительные средства регионам.\n\n"
            "(Редактирование Ивана Петрова)\n")
    art = clean_record(RawRecord(Source("t", 1, "txt"), text=text, date="2024-03-04"))
    assert (art.dateline.place, art.dateline.agency, art.dateline.day) == ("Москва", "Reuters", "2024-03-03")
    assert art.text.startswith("Министр финансов")
    assert [r.reason for r in art.removed] == ["signoff"]
    assert art.language == "ru"
