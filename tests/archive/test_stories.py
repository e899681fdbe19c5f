"""Stories in the archive: assigned as articles are stored, the same in one ingest or several,
near copies in their cluster's story, rebuilt the same way."""

from __future__ import annotations

import json
from pathlib import Path

from dateline import api
from dateline.archive.store import Archive
from dateline.settings import Settings

REPORTS = [
    ("2024-03-04", "Wire A", "Earthquake of magnitude 6.8 strikes southern Peru",
     "An earthquake of magnitude 6.8 struck southern Peru on Monday, killing at least 12 people in the "
     "Arequipa region, the civil defence agency said. Rescue teams searched collapsed homes in Chala."),
    ("2024-03-05", "Wire C", "Chile central bank holds rates",
     "Chile's central bank kept its benchmark interest rate at 7.25 percent on Tuesday, saying inflation "
     "had slowed but remained above its target, and economists expected it to hold steady."),
    ("2024-03-05", "Daily B", "Peru quake death toll rises to 19 in Arequipa",
     "The death toll from Monday's magnitude 6.8 earthquake in southern Peru rose to 19, officials in "
     "Arequipa said on Tuesday, as rescuers dug through rubble in Chala for a second day."),
    ("2024-03-05", "Daily D", "Earthquake of magnitude 6.8 strikes southern Peru",
     "An earthquake of magnitude 6.8 struck southern Peru on Monday, killing at least 12 people in the "
     "Arequipa region, the civil defence agency said. Rescue teams searched collapsed homes in Chala town."),
    ("2024-03-21", "Wire A", "Earthquake strikes southern Peru",
     "An earthquake of magnitude 5.9 struck southern Peru on Thursday, near Arequipa, the civil defence "
     "agency said, two weeks after the quake that killed 19 people in Chala."),
]


def _write(folder: Path, rows: list[tuple[str, str, str, str]], name: str = "news.jsonl") -> str:
    path = folder / name
    path.write_text("".join(json.dumps({"date": d, "outlet": o, "title": t, "text": x}) + "\n"
                            for d, o, t, x in rows), encoding="utf-8")
    return str(path)


def _groups(db: str) -> set[frozenset[str]]:
    with api.open(db) as arc:
        titles = {}
        for s in arc.stories(min_size=1, limit=100):
            titles[s.id] = frozenset(f"{arc.article(a).outlet}:{arc.article(a).published}" for a in s.articles)
    return set(titles.values())


def _ingest(paths: list[str], db: str) -> None:
    api.ingest(paths, Settings(db=db, extract=False, workers=1))


def test_reports_of_one_event_share_a_story_and_a_later_event_has_its_own(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    groups = _groups(db)
    assert frozenset({"Wire A:2024-03-04", "Daily B:2024-03-05", "Daily D:2024-03-05"}) in groups
    assert frozenset({"Wire C:2024-03-05"}) in groups
    assert frozenset({"Wire A:2024-03-21"}) in groups  # the same kind of event, two weeks on


def test_stories_are_the_same_in_one_ingest_or_two_and_after_a_rebuild(tmp_path: Path) -> None:
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    _ingest([_write(tmp_path, REPORTS)], one)
    _ingest([_write(tmp_path, REPORTS[:2], "a.jsonl")], two)
    _ingest([_write(tmp_path, REPORTS[2:], "b.jsonl")], two)
    assert _groups(one) == _groups(two)
    with api.open(two, readonly=False) as arc:
        assert arc.rebuild_stories() == 3
    assert _groups(two) == _groups(one)


def test_an_article_carries_its_story_and_a_near_copy_follows_its_cluster(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    with Archive(db, readonly=True) as arc:
        rows = arc.conn.execute("SELECT a.id, a.outlet, sa.story_id FROM articles a "
                                "JOIN story_articles sa ON sa.article_id = a.id").fetchall()
    story = {outlet: sid for _, outlet, sid in rows if outlet in ("Daily D",)}
    first = [sid for _, outlet, sid in rows if outlet == "Wire A"]
    assert story["Daily D"] in first
    with api.open(db) as arc:
        hit = arc.search("toll", limit=1)[0]
        article = arc.article(hit.id)
        assert article is not None and article.story is not None and article.story.size == 3
        assert article.to_dict()["story"]["id"] == article.story.id
        detail = arc.story(article.story.id)
        assert detail is not None and [a.published for a in detail.articles] == sorted(
            a.published for a in detail.articles)
        assert detail.outlets == ["Daily B", "Daily D", "Wire A"]
        assert detail.label == "Earthquake of magnitude 6.8 strikes southern Peru"  # no entities: the first title


def test_stories_filter_by_dates_and_size(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    with api.open(db) as arc:
        assert [s.size for s in arc.stories(min_size=2)] == [3]
        assert {s.first for s in arc.stories(date_from="2024-03-20", min_size=1)} == {"2024-03-21"}
        assert arc.story(999) is None


def test_exports_carry_each_articles_story(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    db = str(tmp_path / "a.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    with api.open(db) as arc:
        counts = arc.export(str(tmp_path / "out"))
    assert counts["stories"] == 5
    rows = pq.read_table(tmp_path / "out" / "stories.parquet").to_pylist()
    assert sorted(r["size"] for r in rows) == [1, 1, 3, 3, 3]


def test_search_by_story_gives_each_threads_best_match_with_its_label_and_size(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    with api.open(db) as arc:
        plain = arc.search("Peru")
        by_story = arc.search("Peru", by_story=True)
    assert all(h.story is None for h in plain) and "story" not in plain[0].to_dict()
    # the near copy (Daily D) was already one hit with its original; the toll update joins them
    assert len(plain) == 3 and len(by_story) == 2
    first = {h.published: h for h in by_story}
    assert first["2024-03-21"].story is not None and first["2024-03-21"].story.size == 1
    quake = next(h for h in by_story if h.published != "2024-03-21")
    assert quake.story is not None and quake.story.size == 3 and quake.copies == 3
    assert quake.to_dict()["story"] == {"id": quake.story.id, "label": quake.story.label, "size": 3}


def test_search_by_story_on_the_command_line_and_the_web(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from dateline.cli import app
    from dateline.web.app import create_app

    db = str(tmp_path / "a.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    out = CliRunner().invoke(app, ["search", "Peru", "--by-story", "--db", db]).output
    assert out.count("story ") == 2 and "(3 articles)" in out and "+2 matches in its story" in out
    client = TestClient(create_app(db))
    hits = client.get("/api/search", params={"q": "Peru", "by_story": 1}).json()["hits"]
    assert sorted(h["story"]["size"] for h in hits) == [1, 3]
    page = client.get("/search", params={"q": "Peru", "by_story": "true"}).text
    assert 'name="by_story" value="true" checked' in page and "3 articles" in page


def test_profiles_made_elsewhere_give_the_threads_made_here(tmp_path: Path) -> None:
    """What Ray workers send (a profile as JSON, its entities as `TYPE:name` keys) is assigned as
    the archive's own profile would be: the archive swaps in its entity ids."""
    from dateline.model import RawRecord, Source
    from dateline.pipeline import process
    from dateline.stories import profile

    settings = Settings(extract=False, workers=1)
    records = [RawRecord(Source("news.jsonl", i, "jsonl"), text=x, date=d, outlet=o, title=t)
               for i, (d, o, t, x) in enumerate(REPORTS)]
    tables = []
    for name, ship in (("here.db", False), ("workers.db", True), ("other.db", "other")):
        outcomes = list(process(records, settings))
        for o in outcomes:
            if ship and o.article is not None:
                o.story_profile = json.dumps(profile(o.article).to_dict())
            if ship == "other" and o.article is not None and o.raw.outlet == "Daily B":
                o.story_profile = json.dumps({"terms": {"orchestra": 3, "concert": 2}, "date": "2024-03-05"})
        arc = Archive(str(tmp_path / name), settings=Settings(db=str(tmp_path / name), extract=False))
        arc.write(outcomes)
        tables.append([arc.conn.execute("SELECT article_id, story_id FROM story_articles ORDER BY 1").fetchall(),
                       arc.conn.execute("SELECT id, label, size, state FROM stories ORDER BY id").fetchall()])
        arc.close()
    assert tables[0] == tables[1] and len(tables[0][0]) == len(REPORTS)
    # and the shipped profile is the one assigned: the toll update, sent as other words, stands alone
    assert len(tables[2][1]) == len(tables[0][1]) + 1


RESULTS = ("Shr 31 cts vs 24 cts\nNet 4,100,000 vs 3,200,000\nRevs 88.0 mln vs 71.5 mln\n"
           "Nine mths Shr 90 cts vs 70 cts\nNet 12.1 mln vs 9.4 mln")


def test_results_items_of_different_companies_are_stories_of_their_own_in_the_archive(tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _ingest([_write(tmp_path, [
        ("2024-03-04", "Wire A", "HARBOR MILLS CORP <HML> 3RD QTR NET", RESULTS),
        # other figures throughout, as another company's results have: not a near copy
        ("2024-03-04", "Wire B", "KESTREL FOODS INC <KFI> 3RD QTR NET",
         "Shr 1.05 dlrs vs 82 cts\nNet 61,300,000 vs 47,900,000\nRevs 1.2 billion vs 977.4 mln\n"
         "Nine mths Shr 2.88 dlrs vs 2.41 dlrs\nNet 168.2 mln vs 140.6 mln"),
        ("2024-03-05", "Wire C", "HARBOR MILLS <HML> CORRECTS 3RD QTR NET", RESULTS.replace("24", "23")),
    ])], db)
    groups = _groups(db)
    assert frozenset({"Wire A:2024-03-04", "Wire C:2024-03-05"}) in groups
    assert frozenset({"Wire B:2024-03-04"}) in groups
