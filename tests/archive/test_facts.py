from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.archive.facts import store_facts
from dateline.archive.queries import (
    entity_candidates,
    entity_detail,
    find_entity,
    quotes,
    top_entities,
)
from dateline.archive.schema import migrate
from dateline.model import Article, Entity, Mention, Quote, Source, Span


def _conn(tmp_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(tmp_path / "f.db", isolation_level=None)
    conn.row_factory = sqlite3.Row
    migrate(conn)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS x(y)")  # an unrelated table must not disturb anything
    return conn


def _article(aid: str, text: str, entities: list[Entity], quotes_: list[Quote] | None = None) -> Article:
    return Article(id=aid, source=Source("t", 0, "txt"), text=text, paragraphs=[Span(0, len(text))],
                   published="2024-01-0" + aid[-1], entities=entities, quotes=quotes_ or [])


def _insert(conn: sqlite3.Connection, a: Article) -> None:
    store_facts(conn, a)
    conn.execute("INSERT INTO articles(id, published, title, text, json, added) VALUES (?,?,?,?,?,?)",
                 (a.id, a.published, None, a.text, "{}", "now"))


def test_alias_defined_in_one_article_links_the_name_everywhere(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    t1 = "Daesh (ISIS) fighters were detained."
    daesh = Entity("org:daesh", "Daesh", "ORG", aliases=["ISIS"], mentions=[Mention(0, 5, "Daesh")])
    _insert(conn, _article("a1", t1, [daesh]))
    t2 = "ISIS claimed the attack."
    isis = Entity("org:isis", "ISIS", "ORG", mentions=[Mention(0, 4, "ISIS")])
    a2 = _article("a2", t2, [isis])
    _insert(conn, a2)
    assert a2.entities[0].id == "org:daesh"
    (row,) = top_entities(conn, "ORG")
    assert (row["name"], row["articles"], row["mentions"]) == ("Daesh", 2, 2)
    assert find_entity(conn, "isis")["id"] == "org:daesh"


def test_surname_alias_does_not_link_other_people(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    john = Entity("person:john-godfrey", "John Godfrey", "PERSON", aliases=["Godfrey"])
    _insert(conn, _article("a1", "John Godfrey spoke.", [john]))
    mary = Entity("person:godfrey", "Godfrey", "PERSON")
    _insert(conn, _article("a2", "Godfrey spoke.", [mary]))
    assert {r["id"] for r in top_entities(conn, "PERSON")} == {"person:john-godfrey", "person:godfrey@a2"}


def test_quotes_take_the_global_speaker_id_and_details_count(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    text = '"We will stay," Ruiz said.'
    ruiz = Entity("person:ana-ruiz", "Ana Ruiz", "PERSON", aliases=["Ruiz"], roles=["Foreign Minister"],
                  mentions=[Mention(16, 20, "Ruiz")])
    q = Quote("We will stay,", "direct", "Ana Ruiz", "person:ana-ruiz", 1, 14)
    _insert(conn, _article("a1", text, [ruiz], [q]))
    (got,) = quotes(conn, speaker="Ana Ruiz")
    assert got["entity_id"] == "person:ana-ruiz" and got["text"] == "We will stay,"
    assert quotes(conn, speaker="%") == [] and quotes(conn, contains="_") == []  # wildcards are literal
    assert len(quotes(conn, contains="stay")) == 1
    detail = entity_detail(conn, "person:ana-ruiz")
    assert detail["per_month"] == {"2024-01": 1} and len(detail["quotes"]) == 1


def test_acronym_links_unless_two_full_names_rival_for_it(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    kenya = Entity("org:a", "National Drought Management Authority", "ORG", aliases=["NDMA"])
    _insert(conn, _article("a1", "The National Drought Management Authority (NDMA) said.", [kenya]))
    pakistan = Entity("org:b", "National Disaster Management Authority", "ORG", aliases=["NDMA"])
    _insert(conn, _article("a2", "The National Disaster Management Authority (NDMA) said.", [pakistan]))
    bare = Entity("org:c", "NDMA", "ORG")
    _insert(conn, _article("a3", "NDMA said more rain was coming.", [bare]))
    usaf = Entity("org:d", "United States Air Force", "ORG", aliases=["USAF"])
    _insert(conn, _article("a4", "The United States Air Force (USAF) said.", [usaf]))
    short = Entity("org:e", "U.S. Air Force", "ORG", aliases=["USAF"])
    _insert(conn, _article("a5", "The U.S. Air Force (USAF) said.", [short]))
    ids = {r["name"]: r["id"] for r in top_entities(conn, "ORG")}
    assert "National Disaster Management Authority" in ids  # not folded into the other
    assert pakistan.id != kenya.id and bare.id == kenya.id  # the bare acronym: the first
    assert short.id == usaf.id  # a shorter form is not a rival


def test_company_short_form_links_across_articles(tmp_path: Path) -> None:
    # A surname does not (test_surname_alias_does_not_link_other_people).
    conn = _conn(tmp_path)
    full = Entity("org:x", "Apple Computer", "ORG", aliases=["Apple"])
    _insert(conn, _article("a1", "Apple Computer said. Apple shares rose.", [full]))
    short = Entity("org:y", "Apple", "ORG")
    _insert(conn, _article("a2", "Apple said on Monday.", [short]))
    assert short.id == full.id


def test_acronym_met_alone_first_joins_the_company_it_is_later_defined_for(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    gm = Entity("org:x", "GM", "ORG", mentions=[Mention(0, 2, "GM")])
    _insert(conn, _article("a1", "GM cut jobs.", [gm]))
    said = Quote("We will build", "direct", "GM", gm.id, "said", 0, 13)
    _insert(conn, _article("a2", "GM said more.", [Entity("org:x", "GM", "ORG", mentions=[Mention(0, 2, "GM")])],
                           [said]))
    full = Entity("org:y", "General Motors", "ORG", mentions=[Mention(0, 14, "General Motors")])
    _insert(conn, _article("a3", "General Motors said.", [full]))
    defined = Entity("org:z", "General Motors", "ORG", aliases=["GM"],
                     mentions=[Mention(0, 14, "General Motors"), Mention(16, 18, "GM")])
    _insert(conn, _article("a4", "General Motors (GM) said.", [defined]))
    assert defined.id == full.id
    rows = {r["id"]: r for r in top_entities(conn, "ORG")}
    assert list(rows) == [full.id]  # the bare `GM` entity is gone, folded in
    assert rows[full.id]["articles"] == 4 and rows[full.id]["mentions"] == 5
    assert "GM" in rows[full.id]["aliases"]
    ids = {r[0] for r in conn.execute("SELECT DISTINCT entity_id FROM mentions")}
    assert ids == {full.id}
    assert {r[0] for r in conn.execute("SELECT entity_id FROM quotes")} == {full.id}
    again = Entity("org:w", "GM", "ORG", mentions=[Mention(0, 2, "GM")])
    _insert(conn, _article("a5", "GM said.", [again]))
    assert again.id == full.id


def _person(name: str, *aliases: str) -> Entity:
    return Entity("person:x", name, "PERSON", aliases=list(aliases), mentions=[Mention(0, 1, "x")])


def test_a_bare_surname_links_no_two_articles(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    _insert(conn, _article("a1", "Mr. Baker spoke.", [_person("Baker")]))
    _insert(conn, _article("a2", "Baker spoke.", [_person("Baker")]))
    _insert(conn, _article("a3", "Mrs. Obama spoke.", [_person("Michelle Obama", "Mrs. Obama", "Obama")]))
    _insert(conn, _article("a4", "Mrs. Obama spoke.", [_person("Mrs. Obama")]))
    ids = {r["id"] for r in top_entities(conn, "PERSON")}
    assert ids == {"person:baker@a1", "person:baker@a2", "person:michelle-obama", "person:mrs-obama@a4"}


def test_full_forms_of_a_person_link_and_other_people_do_not(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    _insert(conn, _article("a1", "Donald Trump spoke.", [_person("Donald Trump", "Trump")]))
    _insert(conn, _article("a2", "Donald J. Trump spoke.",
                           [_person("Donald J. Trump", "Donald Trump", "Mr. Trump")]))
    _insert(conn, _article("a3", "Ivana Trump spoke.", [_person("Ivana Trump", "Trump")]))
    rows = {r["name"]: r["articles"] for r in top_entities(conn, "PERSON")}
    assert rows == {"Donald Trump": 2, "Ivana Trump": 1}


def test_candidates_list_every_entity_a_surname_may_mean(tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    _insert(conn, _article("a1", "Howard Baker spoke.", [_person("Howard Baker", "Baker")]))
    _insert(conn, _article("a2", "James Baker spoke.", [_person("James Baker", "Baker")]))
    firm = Entity("org:b", "Baker International", "ORG", mentions=[Mention(0, 5, "Baker")])
    _insert(conn, _article("a3", "Baker International fell.", [firm]))
    _insert(conn, _article("a4", "Baker spoke.", [_person("Baker")]))
    _insert(conn, _article("a5", "Ann Bakerson spoke.", [_person("Ann Bakerson")]))
    names = [c["name"] for c in entity_candidates(conn, "baker")]
    assert sorted(names) == ["Baker International", "Howard Baker", "James Baker"]
    assert [c["name"] for c in entity_candidates(conn, "James Baker")] == ["James Baker"]
    assert entity_candidates(conn, "Nobody") == [] and entity_candidates(conn, " ") == []
    assert entity_candidates(conn, "100%_x") == []


@pytest.mark.slow
def test_a_slash_between_two_people_merges_neither_across_the_archive(tmp_path: Path) -> None:
    from dateline.extract import extract_article
    from dateline.settings import Settings

    conn = _conn(tmp_path)
    texts = {
        "a1": "Barack Obama met Hillary Clinton on Monday, aides said. The town resisted the "
              "Obama/Clinton calls for a truce, officials said.",
        "a2": '"We will win," Hillary Clinton said on Tuesday. Clinton spoke in Ohio.',
        "a3": '"It is about me," Obama said on Friday.',
    }
    for aid, text in texts.items():
        a = Article(id=aid, source=Source("t", 0, "txt"), text=text, paragraphs=[Span(0, len(text))],
                    published="2016-09-12")
        _insert(conn, extract_article(a, Settings()))
    clinton = find_entity(conn, "Hillary Clinton")
    assert clinton is not None and clinton["name"] == "Hillary Clinton"
    assert clinton["articles"] == 2 and "Barack Obama" not in clinton["aliases"]
    obama = find_entity(conn, "Barack Obama")
    assert obama is not None and obama["articles"] == 1
    assert [q["entity_id"] for q in quotes(conn, entity_id=clinton["id"])] != []
    assert all(q["entity_id"] != obama["id"] for q in quotes(conn, speaker="Obama"))


def test_a_quote_under_a_surname_reads_back_under_the_full_name_and_a_local_one_stays_local(
        tmp_path: Path) -> None:
    conn = _conn(tmp_path)
    t1 = 'Donald Trump spoke. "We will win," Trump said.'
    trump = Entity("person:donald-trump", "Donald Trump", "PERSON", aliases=["Trump"],
                   mentions=[Mention(0, 12, "Donald Trump"), Mention(35, 40, "Trump")])
    said = Quote("We will win,", "direct", "Donald Trump", "person:donald-trump", 21, 33, "said")
    _insert(conn, _article("a1", t1, [trump], [said]))
    t2 = '"The count is wrong," Baker said.'
    baker = Entity("person:baker", "Baker", "PERSON", mentions=[Mention(22, 27, "Baker")])
    _insert(conn, _article("a2", t2, [baker],
                           [Quote("The count is wrong,", "direct", "Baker", "person:baker", 1, 20, "said")]))
    (got,) = quotes(conn, speaker="Donald Trump")
    assert got["entity_id"] == "person:donald-trump" and got["text"] == "We will win,"
    (local,) = quotes(conn, speaker="Baker")
    assert local["entity_id"] == "person:baker@a2"
    assert conn.execute("SELECT name FROM entities WHERE id = ?", (local["entity_id"],)).fetchone()[0] == "Baker"
    assert quotes(conn, speaker="Trump")[0]["entity_id"] == "person:donald-trump"
