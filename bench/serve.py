"""Latency of the web pages under a bounded concurrent load, on loopback, over 100,000 articles.

    python bench/serve.py [--articles 100000] [--requests 300] [--concurrency 2 4] [--cap 120]
    python bench/serve.py --articles 20000 --plain-too    # compact storage against plain, one run

Builds (once; cached in the temp folder) an archive of short generated articles, written through
the Archive API with the model off; the people named in each story are attached as PERSON
entities by string search, so that facets and entity pages have work to do as in a real
archive. Then it starts `dateline serve` in its own process, fires a fixed number of requests
per endpoint from a thread pool (stopping early at the time cap), and prints p50/p95/p99.
Target: p95 under 100 ms for search.

With `--plain-too` the same archive is also served with its article JSON and raw records stored
plain (as before the compact storage, `archive/compact.py`), one server after the other on the
same requests, and `show` (the read API's `article`) and an export are timed on both in this
process: the table gives each p50 compact / plain, the cost of unpacking on a read. With
`--against OLD.db --against-src OLD/src` the other archive is served by another dateline (main's,
on the archive it wrote from the same input), for the whole change at once.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NAMES, PLACES, sentence  # noqa: E402

from dateline import api  # noqa: E402
from dateline.archive.compact import unpack_json, unpack_raw  # noqa: E402
from dateline.archive.store import Archive  # noqa: E402
from dateline.clean import article_id  # noqa: E402
from dateline.model import Article, Entity, Mention, RawRecord, Source, Span  # noqa: E402
from dateline.pipeline import Outcome  # noqa: E402

OUTLETS = ["Wire One", "Daily Ledger", "Capital Post", "Harbour Times", "Northern Star"]
QUERIES = ["ceasefire", "grain exports", '"trade agreement"', "floods displaced", "budget deficit",
           "fuel prices", "election commission", "loan lenders", "minist*", "Kamau", "Petrova OR Saleh",
           "delegates sector", "central bank", "statement NOT loan"]


def _article(rng: random.Random, i: int) -> Article:
    paras = [f"{rng.choice(PLACES)} - Story {i}: {sentence(rng)}", sentence(rng), sentence(rng)]
    text = "\n\n".join(paras)
    spans, pos = [], 0
    for p in paras:
        spans.append(Span(pos, pos + len(p)))
        pos += len(p) + 2
    entities = []
    for name in NAMES:
        found = [Mention(s, s + len(name), name) for s in _find_all(text, name)]
        if found:
            entities.append(Entity(f"e{len(entities)}", name, "PERSON", mentions=found))
    day = 1 + i % 28
    return Article(
        id=article_id(text), source=Source("bench-serve.jsonl", i + 1, "jsonl"), text=text,
        paragraphs=spans, published=f"{2019 + i % 5}-{1 + i % 12:02d}-{day:02d}",
        title=f"Story {i}: {paras[1][:60]}", outlet=OUTLETS[i % len(OUTLETS)], entities=entities,
    )


def _find_all(text: str, part: str) -> list[int]:
    out, start = [], text.find(part)
    while start >= 0:
        out.append(start)
        start = text.find(part, start + 1)
    return out


def build(path: Path, n: int) -> float:
    """Writes the archive unless a complete one is cached; returns the seconds spent."""
    if path.exists():
        with Archive(str(path), readonly=True) as a:
            if a.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == n:
                return 0.0
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    rng = random.Random(11)
    with Archive(str(path)) as archive:
        run = archive.begin_run(["generated"])
        batch: list[Outcome] = []
        for i in range(n):
            a = _article(rng, i)
            batch.append(Outcome(RawRecord(a.source, text=a.text), a))
            if len(batch) == 5000 or i == n - 1:
                archive.write(batch, run)
                batch = []
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - t0


def plain_copy(db: Path) -> Path:
    """A copy of the archive with its article JSON and raw records stored plain (the reader reads
    both forms), so that the two storages are compared on the same rows."""
    plain = db.with_name(db.stem + "-plain.db")
    shutil.copyfile(db, plain)
    conn = sqlite3.connect(plain, isolation_level=None)
    conn.execute("BEGIN")
    rows = conn.execute("SELECT rowid, json, text FROM articles WHERE typeof(json) = 'blob'").fetchall()
    conn.executemany("UPDATE articles SET json = ? WHERE rowid = ?",
                     [(json.dumps(unpack_json(j, t), ensure_ascii=False), r) for r, j, t in rows])
    rows = conn.execute("SELECT s.rowid, s.raw, a.text FROM sources s JOIN articles a ON a.id = s.article_id "
                        "WHERE typeof(s.raw) = 'blob'").fetchall()
    conn.executemany("UPDATE sources SET raw = ? WHERE rowid = ?", [(unpack_raw(raw, t), r) for r, raw, t in rows])
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    conn.close()
    return plain


def time_show(db: Path, ids: list[str]) -> list[float]:
    """Milliseconds of the read API's `article` (what `dateline show` prints) for each id."""
    out = []
    with api.open(str(db)) as arc:
        for ident in ids:
            t0 = time.perf_counter()
            arc.article(ident)
            out.append((time.perf_counter() - t0) * 1000)
    return out


def time_export(db: Path) -> float:
    """Milliseconds per article of reading every article as an export does (`iter_articles`)."""
    with api.open(str(db)) as arc:
        t0 = time.perf_counter()
        n = sum(1 for _ in arc.iter_articles())
    return (time.perf_counter() - t0) * 1000 / max(1, n)


def reads_in(src: Path | None, db: Path, ids: list[str]) -> tuple[float, float]:
    """(median ms of `show`, ms per article of an export) on `db`, timed in a fresh process that
    runs the dateline in `src` (default: this checkout's): each side reads with its own code."""
    src = src or Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    out = subprocess.run([sys.executable, __file__, "--reads-worker", str(db), ",".join(ids)], env=env,
                         capture_output=True, text=True, check=True).stdout
    show, export = json.loads(out.strip().splitlines()[-1])
    return float(show), float(export)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db: Path, src: Path | None = None) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    src = src or Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # a loaded machine starts a server slowly
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.05)  # the socket is not listening yet
    proc.kill()
    raise SystemExit("the server did not answer within 120 s")


def _load(base: str, paths: list[str], concurrency: int, cap: float) -> tuple[list[float], int]:
    """Latencies (ms) of the requests that finished before the cap, and the number of errors."""
    deadline = time.monotonic() + cap
    errors = 0

    def one(client: httpx.Client, path: str) -> float | None:
        nonlocal errors
        if time.monotonic() > deadline:
            return None
        t0 = time.perf_counter()
        r = client.get(path)
        ms = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            errors += 1
        return ms

    with httpx.Client(base_url=base, timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        with ThreadPoolExecutor(concurrency) as pool:
            got = list(pool.map(lambda p: one(client, p), paths))
    return [ms for ms in got if ms is not None], errors


def _pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if len(values) > 1 else values[0]


def serve_rows(db: Path, endpoints: dict[str, list[str]], concurrency: list[int], cap: float,
               src: Path | None = None) -> list[tuple[int, str, int, int, float, float, float, float]]:
    """(clients, endpoint, requests, errors, req/s, p50, p95, p99) of one server over `db`, run
    from the dateline in `src` (default: this checkout's)."""
    proc, base = _start_server(db, src)
    rows = []
    try:
        for conc in concurrency:
            for name, paths in endpoints.items():
                _load(base, paths[:10], conc, cap)  # warm the page cache and the threads
                t0 = time.perf_counter()
                ms, errors = _load(base, paths, conc, cap)
                wall = time.perf_counter() - t0
                rows.append((conc, name, len(ms), errors, len(ms) / wall, _pct(ms, 50), _pct(ms, 95), _pct(ms, 99)))
    finally:
        proc.terminate()
        proc.wait(10)
    return rows


def compare(db: Path, other: Path, endpoints: dict[str, list[str]], ids: list[str], concurrency: list[int],
            cap: float, other_src: Path | None = None) -> None:
    """Each endpoint on `db` and on `other` (served by the dateline in `other_src`, or this one),
    in the order this, other, other, this, so that a drift in the machine's load falls on both
    alike; then `show` and an export, each side with its own code."""
    p50: dict[tuple[str, str], list[float]] = {}
    for label, path, src in (("this", db, None), ("other", other, other_src), ("other", other, other_src),
                             ("this", db, None)):
        for conc, name, _n, _err, _rps, med, _p95, _p99 in serve_rows(path, endpoints, concurrency[:1], cap, src):
            p50.setdefault((label, f"{name} ({conc} clients)"), []).append(med)
    # each in a fresh process with its own code: the fastest of five rounds, taken in turns, as the
    # least disturbed by load
    for _ in range(5):
        for label, path, src in (("this", db, None), ("other", other, other_src)):
            show, export = reads_in(src, path, ids[:300])
            p50.setdefault((label, "show (read API), best of 5"), []).append(show)
            p50.setdefault((label, "export per article, best of 5"), []).append(export)
    print(f"\n{db.name} ({db.stat().st_size / 1e6:,.1f} MB) against {other.name} "
          f"({other.stat().st_size / 1e6:,.1f} MB{', served by ' + str(other_src) if other_src else ''}), "
          "same requests\n")
    print("| endpoint | p50 ms this | p50 ms other | this / other |")
    print("|---|---:|---:|---:|")
    for name in dict.fromkeys(k[1] for k in p50):
        pick = min if "best of" in name else statistics.mean
        c, p = pick(p50[("this", name)]), pick(p50[("other", name)])
        print(f"| {name} | {c:.2f} | {p:.2f} | {c / p:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", type=Path, help="an archive to serve instead of the generated one (not changed)")
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    ap.add_argument("--concurrency", type=int, nargs="+", default=[2, 4], help="clients at once (each a run)")
    ap.add_argument("--cap", type=float, default=120.0, help="seconds at most per endpoint")
    ap.add_argument("--plain-too", action="store_true", help="compare with the same archive stored plain")
    ap.add_argument("--against", type=Path, help="compare with this archive (e.g. the same input, stored by main)")
    ap.add_argument("--against-src", type=Path, help="the dateline `src` folder that serves --against")
    ap.add_argument("--reads-worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.reads_worker:
        path, ids = Path(args.reads_worker[0]), args.reads_worker[1].split(",")
        print(json.dumps([statistics.median(time_show(path, ids)), time_export(path)]))
        return

    if args.db:
        db = Path(tempfile.gettempdir()) / f"dateline-bench-serve-{args.db.stem}.db"
        if not db.exists():  # a copy, compacted: the original is left alone
            with Archive(str(args.db), readonly=True) as a:
                a.conn.execute("VACUUM INTO ?", (str(db),))
        built = 0.0
    else:
        db = Path(tempfile.gettempdir()) / f"dateline-bench-serve-{args.articles}.db"
        built = build(db, args.articles)
    with Archive(str(db), readonly=True) as a:
        n = a.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        ids = [r[0] for r in a.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 500")]
        ents = [r[0] for r in a.conn.execute("SELECT id FROM entities")]
    print(f"archive {db}: {n:,} articles, {db.stat().st_size / 1e6:,.0f} MB"
          + (f", built in {built:.1f} s" if built else ", cached"))
    rng = random.Random(3)

    def searches(prefix: str) -> list[str]:
        out = []
        for _ in range(args.requests):
            q = httpx.QueryParams({"q": rng.choice(QUERIES), "page": rng.choice([1, 1, 1, 2])})
            if rng.random() < 0.2:
                q = q.set("from", "2021-01").set("to", "2021-12")
            out.append(f"{prefix}?{q}")
        return out

    endpoints = {
        "search page": searches("/search"),
        "search API": searches("/api/search"),
        "article page": [f"/articles/{rng.choice(ids)}" for _ in range(args.requests)],
        "article API": [f"/api/articles/{rng.choice(ids)}" for _ in range(args.requests)],
        "entity page": [f"/entities/{rng.choice(ents)}" for _ in range(max(1, args.requests // 10))],
    }
    if args.plain_too:
        compare(db, plain_copy(db), endpoints, ids, args.concurrency, args.cap)
        return
    if args.against:
        compare(db, args.against, endpoints, ids, args.concurrency, args.cap, args.against_src)
        return
    rows = serve_rows(db, endpoints, args.concurrency, args.cap)
    print(f"\nloopback, one uvicorn process, {os.cpu_count()} CPUs\n")
    print("| clients | endpoint      | requests | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for conc, name, n, err, rps, p50, p95, p99 in rows:
        print(f"| {conc:>7} | {name:<13} | {n:>8} | {err:>6} | {rps:>5.0f} | {p50:>6.1f} | {p95:>6.1f} | {p99:>6.1f} |")
    for conc in args.concurrency:
        p95 = max(r[6] for r in rows if r[0] == conc and r[1].startswith("search"))
        print(f"{conc} clients: search p95 {p95:.1f} ms, {'meets' if p95 < 100 else 'MISSES'} the 100 ms target")


if __name__ == "__main__":
    main()
