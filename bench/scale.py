"""Scale: per-stage throughput, the pipeline at 1 and 2 workers on real records,
cost growth with corpus size, the Ray engine, and search latency on a large archive.

    python bench/scale.py                      # everything, at sizes that fit a 2-core machine
    python bench/scale.py --only growth --growth 1000 10000 100000
    python bench/scale.py --only search --search-n 1000000

Absolute figures move with the machine (this one is shared): read the ratios. Each growth
size runs in a fresh process so that its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

console = Console(width=160)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- stages ---------------------------------------------------------------------------------
def stages(folder: Path, n: int, n_extract: int) -> None:

    from dateline.archive.store import Archive
    from dateline.clean import clean_record
    from dateline.dedup.near import signatures_of
    from dateline.extract import extract_articles
    from dateline.extract.nlp import get_nlp
    from dateline.model import Rejected
    from dateline.pipeline import Outcome
    from dateline.read import read_inputs
    from dateline.settings import Settings

    path = write_corpus(n, folder)
    mb = os.path.getsize(path) / 1e6
    settings = Settings(extract=False)
    rows: list[tuple[str, int, float, float]] = []

    t = time.perf_counter()
    raws = list(read_inputs([str(path)]))
    rows.append(("read", len(raws), mb, time.perf_counter() - t))

    t = time.perf_counter()
    outcomes = []
    for r in raws:
        try:
            outcomes.append(Outcome(r, article=clean_record(r, settings)))
        except Rejected as exc:
            outcomes.append(Outcome(r, rejected=exc))
    rows.append(("clean", len(raws), mb, time.perf_counter() - t))
    articles = [o.article for o in outcomes if o.article]
    text_mb = sum(len(a.text) for a in articles) / 1e6

    sample = articles[:n_extract]
    sample_mb = sum(len(a.text) for a in sample) / 1e6
    nlp = get_nlp(settings.model)
    t = time.perf_counter()
    for _ in nlp.pipe([a.text for a in sample], batch_size=settings.batch_size):
        pass
    bare = time.perf_counter() - t
    rows.append(("bare spaCy pass (reference)", len(sample), sample_mb, bare))
    t = time.perf_counter()
    for _ in extract_articles(sample, Settings()):
        pass
    rows.append(("extract (spaCy + extractors)", len(sample), sample_mb, time.perf_counter() - t))

    t = time.perf_counter()
    signatures_of([a.text for a in articles], settings.shingle_words, settings.permutations)
    rows.append(("dedup signatures", len(articles), text_mb, time.perf_counter() - t))

    db = folder / "stages.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    arch = Archive(str(db), settings=settings)
    t = time.perf_counter()
    for i in range(0, len(outcomes), settings.write_batch):
        arch.write(outcomes[i : i + settings.write_batch])
    rows.append(("store (+ LSH and clusters)", len(outcomes), mb, time.perf_counter() - t))
    arch.close()

    table = Table(title=f"per-stage throughput, one process ({n:,} generated records, {mb:.1f} MB)")
    for col in ("stage", "items", "MB", "seconds", "articles/s", "MB/s"):
        table.add_column(col, justify="right")
    for name, items, size, secs in rows:
        table.add_row(name, f"{items:,}", f"{size:.2f}", f"{secs:.2f}", f"{items / secs:,.0f}", f"{size / secs:.2f}")
    console.print(table)


# -- workers --------------------------------------------------------------------------------
def real_corpus(folder: Path, n: int) -> Path:
    """`n` real news records as JSON Lines, half Reuters-21578 bodies and half PolNeAR stories
    (the generated corpus where the shared data is absent), made once per folder."""
    path = folder / f"real-{n}.jsonl"
    if path.exists():
        return path
    from extract import REUTERS, reuters_bodies

    from dateline.eval.load import polnear

    records = [{"text": t, "date": "1987-03-02"} for t in reuters_bodies(REUTERS, n - n // 2)] \
        if REUTERS.is_dir() else []
    stories = Path("/work/shared/data/polnear/polnear-train-dev.jsonl")
    if stories.is_file():
        for story in polnear.iter_stories(stories):
            if len(records) >= n:
                break
            records.append({"text": "\n\n".join(story.paragraphs), "date": story.published})
    if len(records) < n:
        return write_corpus(n, folder)
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records)
    return path


def workers_worker(path: str, db: str, w: str) -> dict[str, float]:
    """One ingest at `w` workers in this fresh process: wall seconds, CPU seconds of the parent
    and of its workers, the stages, and how long workers waited for a chunk."""
    import dateline.engines.local as local
    from dateline import api
    from dateline.settings import Settings

    pools: list = []  # type: ignore[type-arg]

    class Counted(local.Pool):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kw) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kw)
            pools.append(self)

    local.Pool = Counted  # type: ignore[misc]
    cpu = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    res = api.ingest([path], Settings(db=db, workers=int(w)))
    wall = time.perf_counter() - t
    self_, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall": wall, "stored": res.counts.stored,
            "parent_cpu": self_.ru_utime + self_.ru_stime - cpu[0].ru_utime - cpu[0].ru_stime,
            "workers_cpu": kids.ru_utime + kids.ru_stime - cpu[1].ru_utime - cpu[1].ru_stime,
            "starved": sum(p.starved for p in pools), **{f"stage_{k}": v for k, v in (res.stages or {}).items()}}


def workers(folder: Path, n: int) -> None:
    """The whole pipeline on the same real records at 1 and 2 workers, each in a fresh process
    (each loads the model once: the load is shown apart, and the speed-up is taken without it)."""
    path = real_corpus(folder, n)
    load = os.getloadavg()[0]
    table = Table(title=f"whole pipeline (read, clean, extract, dedup, store), {n:,} records of {path.name}, "
                        f"load average {load:.1f} at the start")
    for col in ("workers", "wall s", "model load s", "wall without load s", "articles/s", "parent CPU s",
                "workers CPU s", "CPU s per article", "workers waiting s", "store s", "speed-up vs 1"):
        table.add_column(col, justify="right")
    one = 0.0
    for w in (1, 2):
        db = folder / f"workers-{w}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        out = subprocess.run([sys.executable, __file__, "--workers-worker", str(path), str(db), str(w)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        model = r.get("stage_model", 0.0)
        run = r["wall"] - model
        one = one or run
        cpu = r["parent_cpu"] + r["workers_cpu"]
        table.add_row(str(w), f"{r['wall']:.1f}", f"{model:.1f}", f"{run:.1f}", f"{r['stored'] / run:.2f}",
                      f"{r['parent_cpu']:.1f}", f"{r['workers_cpu']:.1f}", f"{cpu / max(r['stored'], 1):.3f}",
                      f"{r['starved']:.1f}", f"{r.get('stage_store', 0.0):.1f}", f"{one / run:.2f}x")
    console.print(table)
    console.print(f"load average at the end {os.getloadavg()[0]:.1f} (2 cores shared: a second worker gains "
                  "only the CPU that other work leaves free)")


# -- re-ingest ------------------------------------------------------------------------------
def reingest(folder: Path, n: int) -> None:
    """The same file ingested twice into one archive: the second run finds every source stored
    (same path, record, size and hash) and does no cleaning or extraction."""
    from dateline import api
    from dateline.settings import Settings

    path = write_corpus(n, folder)
    db = folder / "reingest.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    settings = Settings(db=str(db), workers=1)
    t = time.perf_counter()
    first = api.ingest([str(path)], settings).counts
    first_s = time.perf_counter() - t
    t = time.perf_counter()
    again = api.ingest([str(path)], settings).counts
    again_s = time.perf_counter() - t
    table = Table(title=f"re-ingest of a stored file, {n:,} records, extraction on, one process")
    for col in ("run", "seconds", "stored", "already", "rejected", "first / this"):
        table.add_column(col, justify="right")
    table.add_row("first", f"{first_s:.2f}", f"{first.stored:,}", f"{first.already:,}", f"{first.rejected:,}", "1.0x")
    table.add_row("again", f"{again_s:.2f}", f"{again.stored:,}", f"{again.already:,}", f"{again.rejected:,}",
                  f"{first_s / again_s:.0f}x")
    console.print(table)


# -- templates ------------------------------------------------------------------------------
def templates_worker(n: str, db: str) -> dict[str, float]:
    """Ingest n one-line records of one template (market reports) without extraction."""
    from dateline import api
    from dateline.settings import Settings

    rng = random.Random(5)
    path = Path(db).with_suffix(".jsonl")
    with path.open("w") as fh:
        for i in range(int(n)):
            text = (f"Shares of Company {i % 97} rose {rng.randint(1, 99)} cents to {rng.randint(10, 500)} dollars "
                    "in early trading on the exchange on Monday, dealers said, after the market opened higher "
                    "on firm commodity prices and steady bond yields.")
            fh.write(json.dumps({"text": text}) + "\n")
    t = time.perf_counter()
    res = api.ingest([str(path)], Settings(db=db, extract=False, workers=1))
    return {"seconds": time.perf_counter() - t, "stored": res.counts.stored, "rss_mb": _rss_mb()}


def templates(folder: Path, sizes: list[int]) -> None:
    table = Table(title="near-duplicate indexing of templated records (one-line market reports), one process")
    for col in ("records", "seconds", "ms per record", "vs previous size", "peak RSS MB"):
        table.add_column(col, justify="right")
    previous = None
    for n in sizes:
        db = folder / f"templates-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        out = subprocess.run([sys.executable, __file__, "--templates-worker", str(n), str(db)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        per = 1000 * r["seconds"] / n
        table.add_row(f"{n:,}", f"{r['seconds']:.1f}", f"{per:.2f}", f"{per / previous:.2f}x" if previous else "-",
                      f"{r['rss_mb']:.0f}")
        previous = per
    console.print(table)


# -- growth ---------------------------------------------------------------------------------
def growth_worker(path: str, db: str) -> dict[str, float]:
    from dateline import api
    from dateline.settings import Settings

    t = time.perf_counter()
    res = api.ingest([path], Settings(db=db, extract=False, workers=1))
    return {"seconds": time.perf_counter() - t, "stored": res.counts.stored, "read": res.counts.read,
            "rss_mb": _rss_mb(), "db_mb": os.path.getsize(db) / 1e6, "stages": res.stages or {}}


def growth(folder: Path, sizes: list[int]) -> None:
    table = Table(title="cost growth: ingest without extraction (read, clean, dedup, store), one process")
    for col in ("records", "seconds", "ms per record", "vs previous size", "clean ms/rec", "store ms/rec",
                "peak RSS MB", "archive MB"):
        table.add_column(col, justify="right")
    previous = None
    for n in sizes:
        path = write_corpus(n, folder)
        db = folder / f"growth-{n}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        out = subprocess.run([sys.executable, __file__, "--growth-worker", str(path), str(db)],
                             capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        per = 1000 * r["seconds"] / n
        ratio = f"{per / previous:.2f}x" if previous else "-"
        previous = per
        st = r["stages"]
        table.add_row(f"{n:,}", f"{r['seconds']:.1f}", f"{per:.3f}", ratio, f"{1000 * st.get('process', 0) / n:.3f}",
                      f"{1000 * st.get('store', 0) / n:.3f}", f"{r['rss_mb']:.0f}", f"{r['db_mb']:.0f}")
    console.print(table)


# -- ray ------------------------------------------------------------------------------------
def ray(folder: Path, n: int) -> None:
    path = write_corpus(n, folder)
    shards = folder / "shards"
    shutil.rmtree(shards, ignore_errors=True)
    cmd = (f"ip link set lo up && exec {sys.executable} -m dateline.cli ingest {path} --engine ray "
           f"--out {shards} --workers 2 --json")
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    t = time.perf_counter()
    proc = subprocess.run(["unshare", "-n", "sh", "-c", cmd], env=env, capture_output=True, text=True, check=False)
    total = time.perf_counter() - t
    if proc.returncode != 0:
        console.print(f"ray run failed: {proc.stderr[-500:]}")
        return
    figures = json.loads(proc.stdout.strip().splitlines()[-1])
    db = folder / "ray.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "dateline.cli", "load", str(shards), "--db", str(db)],
                   capture_output=True, check=True)
    load = time.perf_counter() - t
    table = Table(title=f"--engine ray on this machine (2 actors), {n:,} records, extraction on")
    for col in ("Ray start-up s", "processing s", "articles/s (processing)", "load into archive s", "command total s"):
        table.add_column(col, justify="right")
    table.add_row(f"{figures['startup_seconds']:.1f}", f"{figures['seconds']:.1f}",
                  f"{n / figures['seconds']:,.1f}", f"{load:.1f}", f"{total:.1f}")
    console.print(table)


# -- search ---------------------------------------------------------------------------------
WORDS = ("ceasefire", "minister", "grain", "flood", "election", "budget", "border", "inflation",
         "refinery", "harvest", "tariff", "parliament", "drought", "pipeline", "strike", "vaccine")


INSERT = "INSERT INTO articles(id, published, title, text, json, added) VALUES (?,?,?,?,?,?)"


def build_search_archive(path: Path, n: int) -> None:
    """A large archive of short generated articles, written straight into the tables (the
    FTS index is kept by the archive's own triggers)."""
    from dateline.archive.store import Archive

    Archive(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(20000)]
    batch = []
    for i in range(n):
        # Zipf-like word use: a few words are everywhere, most are rare.
        words = [vocab[min(int(rng.paretovariate(1.1)) - 1, len(vocab) - 1)] for _ in range(40)]
        words[rng.randrange(40)] = WORDS[i % len(WORDS)] if i % 3 else WORDS[rng.randrange(4)]
        text = " ".join(words).capitalize() + "."
        d = f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        batch.append((f"{i:016x}", d, f"Story {i}", text, "{}", "now"))
        if len(batch) == 20000:
            conn.executemany(INSERT, batch)
            conn.commit()
            batch = []
    if batch:
        conn.executemany(INSERT, batch)
    conn.commit()
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    conn.commit()
    conn.close()


def search_latency(folder: Path, n: int, queries: int) -> None:
    from dateline.archive.search import search
    from dateline.archive.store import Archive

    path = Path(os.environ.get("DATELINE_BENCH_SEARCH_DB", folder / f"search-{n}.db"))
    built = ""
    if not path.exists():
        t = time.perf_counter()
        build_search_archive(path, n)
        built = f", built in {time.perf_counter() - t:.0f} s"
    arch = Archive(str(path), readonly=True)
    rng = random.Random(5)
    size = path.stat().st_size / 1e6
    table = Table(title=f"search latency, {n:,} short articles in the archive ({size:.0f} MB{built})")
    for col in ("query", "matches", "queries", "p50 ms", "p95 ms", "p99 ms"):
        table.add_column(col, justify="right")
    cases = [("one rare word", lambda: rng.choice(WORDS[4:])), ("one common word", lambda: rng.choice(WORDS[:4])),
             ("two words AND", lambda: f"{rng.choice(WORDS[4:])} {rng.choice(WORDS[:4])}"),
             ("phrase, by date", lambda: f'"{rng.choice(WORDS)}"')]
    from dateline.archive.search import DEFAULT_WINDOW

    for name, make in cases:
        for mode, window, n_q in (("default", DEFAULT_WINDOW, queries), ("--exhaustive", None, max(10, queries // 10))):
            times = []
            for _ in range(n_q):
                q = make()
                t = time.perf_counter()
                search(arch.conn, q, limit=20, sort="date" if "date" in name else "rank", window=window,
                       time_limit=60)
                times.append(1000 * (time.perf_counter() - t))
            times.sort()
            sql = "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?"
            count = arch.conn.execute(sql, (make(),)).fetchone()[0]
            p50, p95 = times[len(times) // 2], times[int(len(times) * 0.95)]
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            table.add_row(f"{name} ({mode})", f"~{count:,}", str(n_q), f"{p50:.1f}", f"{p95:.1f}", f"{p99:.1f}")
    console.print(table)


# -- size ---------------------------------------------------------------------------------
def size_breakdown(db: Path) -> tuple[list[tuple[str, str, int]], int, int]:
    """(table, table or index, bytes) for every b-tree of the archive (SQLite's `dbstat`), its
    articles, and the bytes of their clean text (UTF-8)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        owner = {r[0]: r[1] for r in conn.execute("SELECT name, tbl_name FROM sqlite_master")}
        rows = []
        for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"):
            table = owner.get(name, name)
            # the full-text index's own tables (`articles_fts_data` ...) belong to it
            table = next((t for t in ("articles_fts", "articles_stem") if name.startswith(t)), table)
            rows.append((table, name, int(size)))
        articles, text = conn.execute("SELECT COUNT(*), COALESCE(SUM(length(CAST(text AS BLOB))), 0) FROM articles"
                                      ).fetchone()
        free = conn.execute("PRAGMA freelist_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    if free:
        rows.append(("(free pages)", "(free pages)", int(free)))
    return rows, int(articles), int(text)


# What each part of the archive is for, by its tables (indexes count with their table).
SIZE_PARTS = {
    "articles (clean text, article JSON)": ("articles",),
    "sources (raw records)": ("sources",),
    "full-text index": ("articles_fts",),
    "stemmed full-text index": ("articles_stem", "stem_languages", "stem_gone"),
    "facts: entities, their names and mentions": ("entities", "entity_names", "mentions", "article_entities"),
    "facts: quotes, amounts, times": ("quotes", "amounts", "times"),
    "facts: events": ("events", "event_mentions"),
    "near-duplicate index and clusters": ("dedup_signatures", "dedup_buckets", "dedup_members", "dedup_meta"),
    "story threads": ("stories", "story_keys", "story_df", "story_articles"),
}


def size_parts(rows: list[tuple[str, str, int]], articles: int, text: int, label: str) -> None:
    table = Table(title=f"{label}: bytes per article by part")
    for col in ("part", "bytes per article", "x the text"):
        table.add_column(col, justify="right")
    by_table: dict[str, int] = {}
    for tbl, _name, size in rows:
        by_table[tbl] = by_table.get(tbl, 0) + size
    for part, tables in SIZE_PARTS.items():
        size = sum(by_table.pop(t, 0) for t in tables)
        table.add_row(part, f"{size / max(1, articles):,.0f}", f"{size / max(1, text):.2f}")
    rest = sum(by_table.values())
    table.add_row("the rest (runs, rejects, authors, places, meta, free pages)", f"{rest / max(1, articles):,.0f}",
                  f"{rest / max(1, text):.2f}")
    console.print(table)


def size_table(db: Path, label: str) -> None:
    rows, articles, text = size_breakdown(db)
    total = sum(r[2] for r in rows)
    table = Table(title=f"{label}: {articles:,} articles, {total / 1e6:.2f} MB (file, after a checkpoint), "
                        f"{total / max(1, articles) / 1e3:.1f} KB per article, {total / max(1, text):.1f}x the text")
    for col in ("table", "b-tree", "KB", "share", "bytes per article", "x the text"):
        table.add_column(col, justify="right")
    for tbl, name, size in rows:
        if size * 200 < total:  # under half a percent: counted, not listed
            continue
        table.add_row(tbl, name if name != tbl else "(rows)", f"{size / 1e3:,.0f}", f"{100 * size / total:.1f}%",
                      f"{size / max(1, articles):,.0f}", f"{size / max(1, text):.2f}")
    rest = sum(s for _, _, s in rows if s * 200 < total)
    table.add_row("the rest", f"{sum(1 for r in rows if r[2] * 200 < total)} b-trees", f"{rest / 1e3:,.0f}",
                  f"{100 * rest / total:.1f}%", f"{rest / max(1, articles):,.0f}", f"{rest / max(1, text):.2f}")
    console.print(table)
    size_parts(rows, articles, text, label)


def size(folder: Path, inputs: list[str], dbs: list[str], workers: int) -> None:
    """The archive's bytes by table and index: for archives given, and for inputs ingested here
    (extraction on) into fresh archives."""
    from dateline import api
    from dateline.settings import Settings

    for db in dbs:
        size_table(Path(db), db)
    for path in inputs:
        db = folder / (Path(path).stem + "-size.db")
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        api.ingest([path], Settings(db=str(db), workers=workers))
        size_table(db, Path(path).name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=["stages", "workers", "reingest", "templates", "growth", "ray", "search",
                                       "size"],
                    action="append")
    ap.add_argument("--reingest-n", type=int, default=400)
    ap.add_argument("--templates", type=int, nargs="+", default=[1000, 4000])
    ap.add_argument("--stages-n", type=int, default=5000)
    ap.add_argument("--extract-n", type=int, default=300)
    ap.add_argument("--workers-n", type=int, default=400)
    ap.add_argument("--growth", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--ray-n", type=int, default=400)
    ap.add_argument("--search-n", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--size-input", nargs="*", default=[], help="files to ingest and measure (size)")
    ap.add_argument("--size-db", nargs="*", default=[], help="archives to measure as they are (size)")
    ap.add_argument("--size-workers", type=int, default=1)
    ap.add_argument("--keep", help="a folder to keep corpora and archives in between runs")
    ap.add_argument("--growth-worker", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--templates-worker", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--workers-worker", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.workers_worker:
        print(json.dumps(workers_worker(*args.workers_worker)))
        return
    if args.growth_worker:
        print(json.dumps(growth_worker(*args.growth_worker)))
        return
    if args.templates_worker:
        print(json.dumps(templates_worker(*args.templates_worker)))
        return
    only = set(args.only or ["stages", "workers", "reingest", "templates", "growth", "ray", "search"])
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dateline-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        if "stages" in only:
            stages(folder, args.stages_n, args.extract_n)
        if "workers" in only:
            workers(folder, args.workers_n)
        if "reingest" in only:
            reingest(folder, args.reingest_n)
        if "templates" in only:
            templates(folder, args.templates)
        if "growth" in only:
            growth(folder, args.growth)
        if "ray" in only:
            ray(folder, args.ray_n)
        if "search" in only:
            search_latency(folder, args.search_n, args.queries)
        if "size" in only:
            size(folder, args.size_input, args.size_db, args.size_workers)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
