"""Crash safety and concurrent use of an archive, with `dateline ingest` in real processes.

SIGKILL at random points then a restart must give the archive an uninterrupted run gives;
SIGINT stops after the batch in hand with the summary so far; searches and a read-only
Archive work while an ingest writes; two ingests at once serialise to the same archive.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.api import ingest
from dateline.archive.store import Archive
from dateline.cli import main
from dateline.settings import Settings

SRC = str(Path(__file__).resolve().parents[1] / "src")
PLACES = ["Oslo", "Lima", "Nairobi", "Kyiv", "Cairo", "Delhi", "Quito", "Hanoi"]
TOPICS = ["grain exports", "fuel prices", "the ceasefire", "a new loan", "flood relief", "the election"]


def _text(rng: random.Random, i: int) -> str:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    return (f"Officials in {place} said on Monday that talks on {topic} would resume, item {i}. "
            f"The ministry expects {rng.randint(2, 900)} delegates and a decision by Friday.")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,400 small records in three files: exact copies across files, and some bad lines."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(11)
    texts = [_text(rng, i) for i in range(2200)]
    for part in range(3):
        with (folder / f"part{part}.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(800):
                if i % 97 == 5:
                    fh.write("{broken json\n")
                elif part == 2 and i % 4 == 0:
                    fh.write(json.dumps({"text": texts[i]}) + "\n")  # a copy of a record of part0
                else:
                    fh.write(json.dumps({"text": texts[(part * 800 + i) % 2200], "date": "2021-03-04"}) + "\n")
    return folder


def _cli(corpus: Path, db: Path, batch: int = 40) -> list[str]:
    return [sys.executable, "-m", "dateline.cli", "ingest", str(corpus), "--db", str(db), "--no-extract",
            "--batch", str(batch), "--json"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, "DATELINE_DB": ""}


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")  # raises if out of step
        return {
            "articles": conn.execute("SELECT id, published, title, text, json FROM articles ORDER BY id").fetchall(),
            "sources": conn.execute("SELECT article_id, path, record, format, offset, raw FROM sources "
                                    "ORDER BY path, record").fetchall(),
            "rejects": conn.execute("SELECT path, record, format, offset, reason, detail FROM rejects "
                                    "ORDER BY path, record").fetchall(),
            "fts": conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'talks' "
                                "ORDER BY rowid").fetchall(),
        }
    finally:
        conn.close()


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    subprocess.run(_cli(corpus, db), env=_env(), check=True, capture_output=True)
    snap = _snapshot(db)
    assert len(snap["articles"]) > 1500 and len(snap["rejects"]) > 20
    return snap


def _count_rows(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM rejects)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0  # not created yet


def _wait_for_rows(db: Path, at_least: int, proc: subprocess.Popen, limit: float = 20) -> int:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        n = _count_rows(db)
        if n >= at_least:
            return n
        time.sleep(0.01)
    return _count_rows(db)


@pytest.mark.slow
def test_sigkill_at_random_points_then_restart_loses_nothing(corpus: Path, reference, tmp_path: Path) -> None:
    rng = random.Random(2026)
    kills = partial = 0
    for run in range(4):
        db = tmp_path / f"killed{run}.db"
        for _ in range(1 + run % 2):  # runs 1 and 3 are killed twice before they finish
            proc = subprocess.Popen(_cli(corpus, db), env=_env(), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            # Kill somewhere from before the first commit to the last third of the corpus.
            _wait_for_rows(db, rng.randint(0, 1600), proc)
            time.sleep(rng.random() * 0.05)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            kills += 1
            partial += proc.returncode == -signal.SIGKILL and _count_rows(db) < 2400
        done = subprocess.run(_cli(corpus, db), env=_env(), capture_output=True, text=True, check=True)
        summary = json.loads(done.stdout)
        assert summary["read"] == summary["stored"] + summary["duplicates"] + summary["already"] + summary["rejected"]
        assert _snapshot(db) == reference, f"run {run} differs from the uninterrupted one"
    assert kills == 6 and partial >= 4  # most kills landed mid-ingest, not after it had finished


@pytest.mark.slow
def test_sigint_stops_after_the_batch_with_the_summary_so_far(corpus: Path, reference, tmp_path: Path) -> None:
    db = tmp_path / "int.db"
    proc = subprocess.Popen(_cli(corpus, db, batch=20), env=_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    _wait_for_rows(db, 200, proc)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    summary = json.loads(out)
    assert summary["interrupted"] is True
    assert 200 <= summary["read"] < 2400
    assert summary["read"] % 20 == 0  # whole batches only
    assert _count_rows(db) == summary["read"]  # what it says it did is what is stored
    subprocess.run(_cli(corpus, db), env=_env(), check=True, capture_output=True)
    assert _snapshot(db) == reference


@pytest.mark.slow
def test_search_show_and_readers_work_while_an_ingest_writes(corpus: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "busy.db"
    ingest([str(corpus / "part0.jsonl")], Settings(db=str(db), extract=False))
    proc = subprocess.Popen(_cli(corpus, db, batch=20), env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    slowest, calls = 0.0, 0
    try:
        _wait_for_rows(db, 1000, proc)
        while proc.poll() is None and calls < 60:
            start = time.monotonic()
            assert main(["search", "talks", "--db", str(db), "--ids", "--limit", "3"]) == 0
            ident = capsys.readouterr().out.split()[0]
            assert main(["show", ident, "--db", str(db), "--json"]) == 0
            assert json.loads(capsys.readouterr().out)["id"] == ident
            with Archive(str(db), readonly=True) as arch:
                assert arch.conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
            slowest = max(slowest, time.monotonic() - start)
            calls += 1
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert calls >= 3
    assert slowest < 2.0  # a batch of 20 records is written in milliseconds; nobody waits on it


@pytest.mark.slow
def test_two_ingests_at_once_serialise_to_the_archive_of_one(corpus: Path, reference, tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    procs = [subprocess.Popen(_cli(corpus, db, batch=25), env=_env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=60) for p in procs]
    for p, (out, errs) in zip(procs, results, strict=True):
        assert p.returncode == 0, errs
        s = json.loads(out)
        assert s["read"] == 2400 == s["stored"] + s["duplicates"] + s["already"] + s["rejected"]
    assert _snapshot(db) == reference


def test_an_archive_inside_an_input_folder_is_not_read_as_input(tmp_path: Path) -> None:
    body = "Officials in Oslo said on Monday that talks on grain exports would resume next week."
    (tmp_path / "a.txt").write_text(body)
    settings = Settings(db=str(tmp_path / "archive.db"), extract=False)
    ingest([str(tmp_path)], settings)
    again = ingest([str(tmp_path)], settings).counts
    assert (again.read, again.already, again.rejected) == (1, 1, 0)


def test_a_writer_held_up_too_long_says_the_archive_is_busy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body = "Officials in Oslo said on Monday that talks on grain exports would resume next week."
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(body)
    db = tmp_path / "held.db"
    ingest([str(tmp_path / "in")], Settings(db=str(db), extract=False))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer in the middle of a long transaction
    try:
        (tmp_path / "in" / "b.txt").write_text(body + " A second story.")
        with (tmp_path / "cfg.toml").open("w") as fh:
            fh.write("busy_timeout_s = 0.2\n")
        code = main(["--config", str(tmp_path / "cfg.toml"), "ingest", str(tmp_path / "in"), "--db", str(db),
                     "--no-extract"])
        err = capsys.readouterr().err
        assert code == 1
        assert "is busy" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert ingest([str(tmp_path / "in")], Settings(db=str(db), extract=False)).counts.stored == 1
