from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from dateline.archive.facts import store_facts
from dateline.archive.schema import migrate
from dateline.eval.load.polnear import AttributedStory, Attribution
from dateline.eval.suites.archive import Speakers, _splits, audit, person_words, score_speakers
from dateline.model import Article, Entity, Mention, Quote, Source, Span

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _conn(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    migrate(conn)
    return conn


def _store(conn: sqlite3.Connection, aid: str, entities: list[Entity],
           quotes: list[Quote] | None = None, text: str = "x" * 80) -> None:
    store_facts(conn, Article(id=aid, source=Source("t", 0, "txt"), text=text,
                              paragraphs=[Span(0, len(text))], entities=entities,
                              quotes=quotes or []))
    # the article row too: a fact's text is cut from its article's text
    conn.execute("INSERT INTO articles(id, text, json, added) VALUES (?, ?, '{}', 'now')", (aid, text))


def _person(eid: str, name: str, *aliases: str) -> Entity:
    return Entity(eid, name, "PERSON", aliases=list(aliases), mentions=[Mention(0, 1, "x")])


def test_person_words_drop_honorifics_initials_and_suffixes() -> None:
    assert person_words("Mr. Donald J. Trump Jr.") == ["donald", "trump"]
    assert person_words("George H.W. Bush's") == ["george", "bush"]
    assert person_words("Park Geun-hye") == person_words("Park Geun Hye")
    assert person_words("Felipe Calderón -") == ["felipe", "calderon"]
    assert person_words("Newt [Gingrich") == ["newt", "gingrich"]


def test_splits_are_equal_names_or_a_lone_surname_beside_its_person() -> None:
    assert _splits(["Donald J. Trump", "Donald Trump"]) == ["Donald J. Trump / Donald Trump"]
    assert _splits(["Ann Lee", "Lee"]) == ["Ann Lee / Lee"]
    assert _splits(["Ann Park", "Tom Park", "Park"]) == []  # two could be meant
    assert _splits(["Donald Trump", "Donald Trump Jr."]) == []  # a father and his son
    assert _splits(["Ann Lee", "Bo Park"]) == []


def test_audit_counts_merged_and_split_persons(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    _store(conn, "a1", [_person("p1", "Barack Obama", "Hillary Clinton"),
                        _person("p2", "Ann Lee", "Lee")])
    _store(conn, "a2", [_person("p3", "Bo Park"), _person("p4", "Mr. Park")])
    got = audit(conn)
    assert got.persons == 4 and got.article_persons == 4
    assert len(got.merged) == 1 and got.merged[0].startswith("Barack Obama")
    assert len(got.split) == 1 and got.split_share == 0.25


def test_speakers_are_scored_by_the_archive_entity_a_quote_is_filed_under(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    said = "we will rebuild the bridge before winter comes"
    other = "the budget will rise by a fifth next year at least"
    third = "nobody asked the council about the new road plan"
    lee = _person("p1", "Ann Lee", "Lee")
    text = f"{said}, Lee said. {other}, Park said. {third}, Lee said."
    at = [text.index(q) for q in (said, other, third)]
    quotes = [Quote(said, "direct", "Lee", "p1", at[0], at[0] + len(said), "said"),
              Quote(other, "direct", "Park", None, at[1], at[1] + len(other), "said"),
              Quote(third, "direct", "Lee", "p1", at[2], at[2] + len(third), "said")]
    _store(conn, "a1", [lee], quotes, text)
    story = AttributedStory("s1", None, None, "", [
        Attribution(f"\u201c{said}\u201d", "Lee", "said", True, 0),
        Attribution(f"\u201c{other}\u201d", "Bo Park", "said", True, 1),
        Attribution(f"\u201c{third}\u201d", "Bo Park", "said", True, 2),
    ])
    tally = Speakers()
    score_speakers(conn, story, "a1", tally)
    assert (tally.named.gold, tally.named.tp) == (3, 1)  # unfiled counts as wrong
    assert (tally.filed.gold, tally.filed.tp) == (2, 1)
    assert tally.wrong == ["s1: gold 'Bo Park', filed under 'Ann Lee'"]


def test_archive_data_folder_is_one_that_holds_a_corpus(tmp_path: Path) -> None:
    from dateline.eval.suites import data_folder

    assert data_folder("archive", tmp_path) is None
    (tmp_path / "meantime").mkdir()
    (tmp_path / "meantime" / "meantime_en.jsonl").write_text("")
    assert data_folder("archive", tmp_path) == tmp_path
    assert data_folder("archive", tmp_path / "meantime") == tmp_path / "meantime"


@pytest.mark.slow
def test_suite_ingests_each_corpus_and_reads_the_archive(tmp_path: Path) -> None:
    from dateline.eval.suites.archive import run

    for sub, name, fixture in (("polnear", "polnear-train-dev.jsonl", "tiny_attributions.jsonl"),
                               ("meantime", "meantime_en.jsonl", "tiny_meantime.jsonl"),
                               ("reuters21578", "reut2-000.sgm", "reut2-tiny.sgm")):
        (tmp_path / sub).mkdir()
        shutil.copy(FIXTURES / fixture, tmp_path / sub / name)
    result = run(tmp_path)
    figures = result.figures
    assert set(figures) == {"polnear", "meantime", "reuters"}
    assert figures["polnear"]["merged_persons"] == 0
    held = figures["polnear"]["speaker_held"]
    assert held["matched"] >= 1 and held["accuracy"] == 1.0
    assert figures["meantime"]["linking"]["mentions"] == 0  # the fixture links no instances
    assert figures["meantime"]["stored"] == 1
    assert figures["reuters"]["stored"] >= 1
