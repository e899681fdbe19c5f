"""The guarded pool: a worker stuck on a record is replaced, and workers die with their parent."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline import pipeline
from dateline.engines.local import process_parallel
from dateline.engines.pool import record_budget
from dateline.model import RawRecord, Source
from dateline.settings import Settings

BODY = "Officials in district {i} said on Monday that {i} new schools would open in the autumn term."


def test_the_budget_of_a_record_is_its_stages_and_none_when_a_stage_is_unlimited() -> None:
    assert record_budget(Settings(clean_timeout_s=1, extract_timeout_s=2)) == 5
    assert record_budget(Settings(clean_timeout_s=0)) == float("inf")


@pytest.mark.slow
def test_a_worker_stuck_in_c_code_is_replaced_and_only_its_record_is_rejected(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.clean_record

    def stuck(raw: RawRecord, settings: Settings):
        if raw.text and raw.text.startswith("STUCK"):
            # A long call into C never returns to Python, where the timer's handler would run.
            hashlib.pbkdf2_hmac("sha256", b"key", b"salt", 2**31 - 1)
        return real(raw, settings)

    monkeypatch.setattr(pipeline, "clean_record", stuck)
    texts = [BODY.format(i=i) for i in range(6)]
    texts[2] = "STUCK " + texts[2]
    raws = [RawRecord(Source("t", i, "txt"), text=t) for i, t in enumerate(texts)]
    settings = Settings(extract=False, batch_size=3, clean_timeout_s=0.05, extract_timeout_s=0.05,
                        worker_grace_s=0.1)
    start = time.monotonic()
    out = list(process_parallel(iter(raws), settings, workers=2))
    assert time.monotonic() - start < 15
    assert [o.raw.source.record for o in out] == list(range(6))  # input order kept
    assert out[2].rejected is not None and out[2].rejected.reason == "too_slow"
    assert out[2].rejected.detail.startswith("clean: the worker spent over")
    assert all(o.article is not None for i, o in enumerate(out) if i != 2)


def _children(pid: int) -> list[int]:
    kids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                kids.append(int(entry))
    return kids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc to find the workers")
def test_workers_end_when_the_ingest_is_killed(tmp_path: Path) -> None:
    data = tmp_path / "d.txt"
    data.write_text("".join(f"date 2024-01-01 {BODY.format(i=i)} " * 3 + "\n" for i in range(200_000)))
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(data), "--db",
                             str(tmp_path / "a.db"), "--no-extract", "--workers", "2", "--json"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
            workers = _children(proc.pid)
        assert len(workers) >= 2, "the ingest never started its workers"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_the_pool_counts_the_time_its_workers_wait_for_input() -> None:
    from dateline.engines.pool import Pool

    text = "The port authority said on Monday that the new quay would open in the spring, officials added."
    chunks = [[RawRecord(Source("slow.jsonl", i * 2 + j, "jsonl"), text=text) for j in range(2)] for i in range(3)]

    def slowly():  # a parent that keeps its pool waiting between chunks
        for chunk in chunks:
            time.sleep(0.2)
            yield chunk

    pool = Pool(Settings(extract=False), workers=1)
    try:
        done = [o for outcomes in pool.map(slowly(), depth=2) for o in outcomes]
    finally:
        pool.close()
    assert len(done) == 6 and all(o.article is not None for o in done)
    assert pool.starved >= 0.3  # at least the two waits between chunks
