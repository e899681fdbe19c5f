"""The Ray engine against the local one: same articles, facts and clusters.

Ray reaches for cloud-metadata addresses at start-up, so it runs inside a network namespace
that has only loopback (`unshare -n`), as root; the test skips where that is not permitted.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import main
from tests.fixtures.stories import BRIDGE, BRIDGE_COPY, BRIDGE_OTHER, PORT, dated

pytestmark = pytest.mark.slow

QUERIES = {
    "articles": "SELECT id, json FROM articles ORDER BY id",
    "sources": "SELECT article_id, path, record FROM sources ORDER BY path, record",
    "rejects": "SELECT path, record, reason FROM rejects ORDER BY path, record",
    "entities": "SELECT id, name, type, country, articles FROM entities ORDER BY id",
    "quotes": 'SELECT article_id, n, start, "end", speaker FROM quotes ORDER BY 1, 2',
    "clusters": "SELECT article_id, cluster FROM dedup_members ORDER BY 1",
    "story_articles": "SELECT article_id, story_id FROM story_articles ORDER BY 1",
    "stories": "SELECT id, label, first, last, size, state FROM stories ORDER BY id",
}


def _can_unshare() -> str | None:
    if importlib.util.find_spec("ray") is None:
        return "Ray is not installed (pip install 'dateline[ray]')"
    if not shutil.which("unshare") or not shutil.which("ip"):
        return "unshare or ip is missing: cannot isolate Ray's network"
    probe = subprocess.run(["unshare", "-n", "sh", "-c", "ip link set lo up"], capture_output=True, check=False)
    if probe.returncode != 0:
        return f"unshare -n is not permitted here: {probe.stderr.decode().strip()}"
    return None


@pytest.mark.skipif(_can_unshare() is not None, reason=str(_can_unshare()))
def test_ray_engine_matches_local(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(dated(("2024-03-04", BRIDGE), ("2024-03-05", PORT), ("2024-03-05", "tiny")))
    (corpus / "b.txt").write_text(dated(("2024-03-05", BRIDGE_COPY), ("2024-03-08", BRIDGE_OTHER)))
    local_db = str(tmp_path / "local.db")
    assert main(["ingest", str(corpus), "--db", local_db, "--workers", "1"]) == 0

    shards = tmp_path / "shards"
    cmd = (f"ip link set lo up && exec {sys.executable} -m dateline.cli ingest {corpus} "
           f"--engine ray --out {shards} --workers 2")
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    proc = subprocess.run(["unshare", "-n", "sh", "-c", cmd], env=env, capture_output=True, text=True,
                          timeout=240, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    ray_db = str(tmp_path / "ray.db")
    assert main(["load", str(shards), "--db", ray_db]) == 0

    a, b = sqlite3.connect(local_db), sqlite3.connect(ray_db)
    for name, sql in QUERIES.items():
        assert a.execute(sql).fetchall() == b.execute(sql).fetchall(), name
    assert len(a.execute(QUERIES["clusters"]).fetchall()) == 2
    sig = b.execute("SELECT COUNT(*) FROM dedup_signatures").fetchone()[0]
    assert sig == a.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    # the story profiles were made on the workers: the archive only assigned them
    import pyarrow.parquet as pq

    made = [p for f in shards.glob("*.parquet") for p in pq.read_table(f).column("story_profile").to_pylist()]
    assert sum(p is not None for p in made) == sig
    assert a.execute("SELECT COUNT(DISTINCT story_id) FROM story_articles").fetchone()[0] >= 2


def test_ray_engine_needs_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["ingest", str(tmp_path), "--engine", "ray"]) == 2
    assert "--out" in capsys.readouterr().err
