"""Story clusters through a real ingest: incremental runs agree with one run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline import api
from dateline.archive.store import Archive
from dateline.cli import main
from dateline.settings import Settings
from tests.fixtures.stories import BRIDGE, BRIDGE_COPY, BRIDGE_OTHER, PORT, dated


def _write(folder: Path) -> list[Path]:
    folder.mkdir()
    a = folder / "a.txt"
    a.write_text(dated(("2024-03-04", BRIDGE), ("2024-03-05", PORT)))
    b = folder / "b.txt"
    b.write_text(dated(("2024-03-05", BRIDGE_COPY), ("2024-03-08", BRIDGE_OTHER), ("2024-03-05", PORT)))
    return [a, b]


def _members(db: str) -> list[tuple[str, str]]:
    return sqlite3.connect(db).execute("SELECT article_id, cluster FROM dedup_members ORDER BY 1").fetchall()


def test_two_runs_give_the_clusters_of_one(tmp_path: Path) -> None:
    a, b = _write(tmp_path / "in")
    one = Settings(db=str(tmp_path / "one.db"), extract=False)
    api.ingest([str(a), str(b)], one)
    two = Settings(db=str(tmp_path / "two.db"), extract=False)
    api.ingest([str(b)], two)
    api.ingest([str(a)], two)
    assert _members(one.db) == _members(two.db) and len(_members(one.db)) == 2


def test_copy_clusters_and_look_alike_does_not(tmp_path: Path) -> None:
    a, b = _write(tmp_path / "in")
    s = Settings(db=str(tmp_path / "a.db"), extract=False)
    api.ingest([str(a), str(b)], s)
    with Archive(s.db, readonly=True) as arch:
        ids = {r[0]: r[1] for r in arch.conn.execute("SELECT substr(text, 1, 30), id FROM articles")}
        bridge = arch.article(ids[BRIDGE[:30]])
        other = arch.article(ids[BRIDGE_OTHER[:30]])
        port = arch.article(ids[PORT[:30]])
        assert bridge.cluster.kind == "near" and bridge.cluster.size == 2
        assert [c["id"] for c in arch.cluster_members(bridge)] != []
        assert other.cluster.kind == "unique"
        assert port.cluster.kind == "exact" and port.cluster.size == 2


def test_clusters_search_and_rebuild_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = _write(tmp_path / "in")
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(a), str(b), "--db", db, "--no-extract", "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["clusters", "--db", db, "--json"]) == 0
    kinds = sorted(line.split('"kind": "')[1][:4] for line in capsys.readouterr().out.splitlines())
    assert kinds == ["exac", "near"]
    assert main(["search", "Riverton", "--db", db, "--ids"]) == 0
    assert len(capsys.readouterr().out.split()) == 2  # the copy is folded into its story
    assert main(["search", "Riverton", "--db", db, "--ids", "--all"]) == 0
    assert len(capsys.readouterr().out.split()) == 3
    assert main(["dedup", "--rebuild", "--threshold", "0.99", "--db", db]) == 0
    assert "0 clusters" in capsys.readouterr().out
    assert main(["dedup", "--db", db]) == 2
