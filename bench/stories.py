"""Story assignment: cost per article as the archive grows, memory, and the in-memory peer.

    PYTHONPATH=src python bench/stories.py [--sizes 10000 100000] [--probe 1000]

A synthetic news stream (no extraction): events, each with its own key words, entities, figures,
lead person and day,
reported by 1-8 articles over up to three days, in a background of Zipf-distributed words; about
157 articles a day. For each size N, the archive's story tables are filled to N stored articles
in bulk (`fill`: each event one story, as a faultless assigner would leave them), then the store
(`archive/stories.py`) assigns the next `probe` articles one at a time in ingest-sized
transactions, timed by the clock and by CPU time: articles/s at N, and the ratio of the CPU cost
per article at each N to the smallest N (the target: within 1.3x from 10k to 100k; the probed
articles stay stored). Beside it, the in-memory `StoryIndex` over the same stream (what the
evaluation uses), peak Python memory while the store assigns (tracemalloc), and the resident
memory of the whole run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from rich.console import Console
from rich.table import Table

from dateline.archive.compact import pack_story
from dateline.archive.store import Archive
from dateline.archive.stories import day_number
from dateline.settings import Settings
from dateline.stories import Profile, StoryIndex, profile_text
from dateline.stories.assign import DocFreq, Story, join, story_keys, story_norm

VOCAB = 20_000
ENTITIES = 5_000
PER_DAY = 140
START = dt.date(2020, 1, 1)


def stream(n: int, seed: int = 7) -> Iterator[tuple[str, Profile, int]]:
    """(article id, profile, the event it reports) for `n` articles."""
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(VOCAB)]
    # Zipf: a few words everywhere, most rare (cumulative once: `choices` would sum them per call)
    cum = list(itertools.accumulate(1 / (i + 1) for i in range(VOCAB)))
    made = 0
    day = 0
    event = 0
    while made < n:
        for _ in range(PER_DAY // 4):
            keys = rng.sample(words[500:], 8)
            ents = frozenset(f"e{rng.randrange(ENTITIES)}" for _ in range(3))
            # its figures (a toll, an amount) and the person its leads name
            figures = [f"F:{rng.randrange(10, 5000)}" for _ in range(3)]
            lead = frozenset({f"PERSON:{min(ents)}"})
            event += 1
            for _ in range(rng.randint(1, 8)):
                when = START + dt.timedelta(days=day + rng.randint(0, 2))
                body = rng.choices(words, cum_weights=cum, k=70) + [rng.choice(keys) for _ in range(30)]
                rng.shuffle(body)
                p = profile_text(" ".join(keys[:4]), " ".join(body), when.isoformat(), ents)
                told = frozenset(rng.sample(figures, 2) + [f"F:{rng.randrange(10, 5000)}"])
                yield f"a{made}", replace(p, figures=told, lead=lead), event
                made += 1
                if made >= n:
                    return
        day += 1


def fill(arc: Archive, items: list[tuple[str, Profile, int]]) -> None:
    """Store articles as a faultless assigner would have (each event one story), in bulk.

    Assigning 100k articles one at a time takes longer than this shared machine allows; what
    the probe measures is the cost of one assignment against the tables a large archive has
    (document frequencies, story centroids and keys, memberships), which this writes directly.
    """
    assert arc.stories is not None
    params = arc.stories.params
    conn = arc.conn
    row = conn.execute("SELECT value FROM meta WHERE key = 'story_docs'").fetchone()
    df = DocFreq(int(row[0]) if row else 0, Counter(dict(conn.execute("SELECT key, df FROM story_df"))))
    next_id = (conn.execute("SELECT max(id) FROM stories").fetchone()[0] or 0) + 1
    stories: dict[int, Story] = {}
    members: list[tuple[str, int]] = []
    for aid, p, event in items:
        df.add(p)
        s = stories.get(event)
        if s is None:
            s = stories[event] = Story(next_id + len(stories))
        join(s, p, params)
        members.append((aid, s.id))
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO story_df(key, df) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET df = excluded.df",
                     df.df.items())
    conn.execute("INSERT INTO meta(key, value) VALUES ('story_docs', ?) "
                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(df.n),))
    keys = {}
    for s in stories.values():
        story_norm(s, df)
        keys[s.id] = story_keys(s, df, params)
    conn.executemany("INSERT INTO stories(id, label, first, last, size, state) VALUES (?, NULL, ?, ?, ?, ?)",
                     [(s.id, s.first, s.last, s.size, pack_story(s.state(), keys[s.id])) for s in stories.values()])
    conn.executemany("INSERT INTO story_keys(key, last, story_id) VALUES (?, ?, ?)",
                     [(k, day_number(s.last), s.id) for s in stories.values() for k in keys[s.id]])
    conn.executemany("INSERT INTO story_articles(article_id, story_id, score) VALUES (?, ?, 1.0)", members)
    conn.execute("COMMIT")


def _archive(folder: str) -> Archive:
    return Archive(os.path.join(folder, "bench.db"), settings=Settings(db=os.path.join(folder, "bench.db")))


def _batch(arc: Archive, items: list[tuple[str, Profile, int]]) -> None:
    """One ingest batch: one transaction, the store's caches fresh, as `ingest` does."""
    assert arc.stories is not None
    arc.conn.execute("BEGIN")
    arc.stories.add_profiles((aid, p) for aid, p, _ in items)
    arc.conn.execute("COMMIT")


def store_rates(sizes: list[int], probe: int, batch: int = 500) -> list[tuple[int, float, float, float]]:
    """(N, articles/s for the `probe` articles after N stored, by the clock and by this process's
    CPU time, peak MB while probing). CPU time is what to compare on a shared machine: the clock
    also counts the time other processes held the cores."""
    out = []
    with tempfile.TemporaryDirectory() as folder:
        arc = _archive(folder)
        assert arc.stories is not None
        it = stream(max(sizes) + (probe + 100) * len(sizes))
        stored = 0
        for n in sorted(sizes):
            if n > stored:
                fill(arc, [next(it) for _ in range(n - stored)])
                stored = n
            items = [next(it) for _ in range(probe)]  # made before the clock starts
            t, cpu = time.perf_counter(), time.process_time()
            for i in range(0, probe, batch):
                _batch(arc, items[i : i + batch])
            seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
            # memory apart from the timing: tracemalloc slows Python several times over
            items = [next(it) for _ in range(min(100, probe))]
            tracemalloc.start()
            _batch(arc, items)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
            stored += probe + min(100, probe)  # the probed articles stay: the next size is filled from here
            out.append((n, probe / seconds, probe / cpu, peak))
        arc.close()
    return out


def memory_rate(n: int) -> float:
    profiles = [p for _, p, _ in stream(n)]
    idx = StoryIndex()
    t = time.process_time()
    for p in profiles:
        idx.assign(p)
    return n / (time.process_time() - t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--probe", type=int, default=1000)
    args = parser.parse_args(argv)
    console = Console()
    rows = store_rates(args.sizes, args.probe)
    base = rows[0][2]
    table = Table("stored articles", "articles/s (clock)", "articles/s (CPU)", "CPU cost per article vs smallest",
                  "peak MB (Python)", title="story assignment in the archive (no extraction)")
    for n, rate, cpu_rate, peak in rows:
        table.add_row(f"{n:,}", f"{rate:,.0f}", f"{cpu_rate:,.0f}", f"{base / cpu_rate:.2f}x", f"{peak:.1f}")
    console.print(table)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    console.print(f"peak resident memory of the whole run: {rss:,.0f} MB")
    small = min(args.sizes)
    mem = memory_rate(small)
    console.print(f"in-memory StoryIndex over the first {small:,} articles of the same stream: {mem:,.0f} articles/s "
                  f"(CPU); the archive store at {small:,} runs at {rows[0][2] / mem:.2f}x its speed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
