"""The reading commands: search's filters, show, export of typed tables, settings from dateline.toml."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.cli import main

from .test_facts import lines, run


def test_search_takes_entity_and_outlet(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "search", "said", "--db", db, "--json", "--entity", "Pablo Ruiz")
    assert code == 0 and [h["title"] for h in lines(out)] == ["Grain exports rise"]
    _, out, _ = run(capsys, "search", "said", "--db", db, "--ids", "--outlet", "Evening Post")
    assert len(out.split()) == 1
    code, _, err = run(capsys, "search", "said", "--db", db, "--from", "soon")
    assert code == 2 and "--from must be a date" in err


def test_show_json_has_the_copies(capsys: pytest.CaptureFixture[str], db: str) -> None:
    (hit,) = lines(run(capsys, "search", "calm", "--db", db, "--json")[1])
    code, out, _ = run(capsys, "show", hit["id"], "--db", db, "--json")
    assert code == 0 and json.loads(out)["copies"] == [] and json.loads(out)["cluster"]["kind"] == "exact"
    code, _, err = run(capsys, "show", "ffffffff", "--db", db)
    assert code == 1 and "no article with id" in err


def test_export_writes_one_typed_table_per_file(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    code, _, err = run(capsys, "export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "t"),
                       "--query", "ruiz", "--from", "2024-03")
    assert code == 0 and "articles 3" in err
    assert pq.read_table(tmp_path / "t" / "quotes.parquet").num_rows == 2
    code, _, err = run(capsys, "export", "--db", db, "--format", "csv", "--out", str(tmp_path / "c"))
    assert code == 0 and (tmp_path / "c" / "mentions.csv").is_file()


def test_db_and_config_from_dateline_toml(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATELINE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dateline.toml").write_text(f'db = "{db}"\n')
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["articles"] == 4
    (tmp_path / "other.toml").write_text(f'db = "{db}"\nsearch_window = 1\n')
    (tmp_path / "dateline.toml").write_text('db = "missing.db"\n')
    code, _, err = run(capsys, "--config", "other.toml", "search", "said")
    assert code == 0 and "most recently stored 1 were ranked" in err


def test_a_wrong_type_in_dateline_toml_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dateline.toml").write_text('workers = "four"\n')
    code, _, err = run(capsys, "stats")
    assert code == 2 and err == "error: dateline.toml: setting workers must be a whole number, not 'four'\n"


def test_an_archive_from_a_newer_dateline_is_one_line(capsys: pytest.CaptureFixture[str], db: str,
                                                      tmp_path: Path) -> None:
    import shutil
    import sqlite3

    newer = tmp_path / "newer.db"
    shutil.copy(db, newer)
    with sqlite3.connect(newer) as c:
        c.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    (tmp_path / "one.txt").write_text("A record long enough to be an article, about a council vote on Monday.\n")
    for argv in (["stats", "--db", str(newer)], ["ingest", str(tmp_path / "one.txt"), "--db", str(newer)]):
        code, _, err = run(capsys, *argv)
        assert code == 1 and "newer than this dateline" in err and len(err.splitlines()) == 1, err
    assert main(["stats", "--db", db]) == 0


def shared_prefix_copy(db: str, tmp_path: Path) -> str:
    """A copy of the archive whose first two articles' ids start alike, as hashes sometimes do."""
    import shutil
    import sqlite3

    copy = str(tmp_path / "prefix.db")
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 2")]
        for n, old in enumerate(ids):
            conn.execute("UPDATE articles SET id=? WHERE id=?", (f"abcd{n}" + old[5:], old))
    return copy


def test_an_ambiguous_id_prefix_lists_the_candidates(capsys: pytest.CaptureFixture[str], db: str,
                                                      tmp_path: Path) -> None:
    copy = shared_prefix_copy(db, tmp_path)
    code, _, err = run(capsys, "show", "abcd", "--db", copy)
    assert code == 1 and "ambiguous" in err and "abcd0" in err and "abcd1" in err
    assert len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "show", "abcd1", "--db", copy, "--json")
    assert code == 0 and json.loads(out)["title"]


def test_stats_count_the_facts_and_say_an_archive_is_undated(capsys: pytest.CaptureFixture[str], db: str,
                                                              bare_db: str) -> None:
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    figures = json.loads(out)
    assert code == 0 and figures["facts"]["entities"] >= 4 and figures["facts"]["quotes"] == 2
    assert figures["facts"]["amounts"] == 5 and figures["facts"]["times"] == 4
    assert figures["stories"] >= 1 and sum(figures["languages"].values()) == figures["articles"]
    code, out, _ = run(capsys, "stats", "--db", bare_db)
    assert code == 0 and "None" not in out and "no dated articles" in out
    assert "undated" in out and "entities" in out and "clusters" in out and "languages" in out


def test_export_takes_a_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.languages_archive import build

    db = build(tmp_path)
    code, out, _ = run(capsys, "export", "--db", db, "--language", "de")
    assert code == 0 and [json.loads(x)["title"] for x in out.splitlines()] == ["Haushalt beschlossen"]
    code, _, err = run(capsys, "export", "--db", db, "--language", "deutsch")
    assert code != 0 and "ISO 639-1" in err and "Traceback" not in err
