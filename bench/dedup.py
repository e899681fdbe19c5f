"""Near-duplicate detection: quality on a labelled set, speed and memory, real Reuters copies.

    PYTHONPATH=src python bench/dedup.py [--corpus DIR] [--bases 400] [--speed-n 100000]

Sections (each prints a table):
1. quality: for each base article, copies with realistic edits (positives) and a different
   story about the same entities (hard negative); every item goes through the clean stage and
   DedupIndex.add; pair and cluster precision/recall at the default threshold, recall per edit.
2. speed: signatures + LSH over N news-like articles (sentences drawn from the corpus): ours
   (numpy batch MinHash, sort-based banding), datasketch MinHash + MinHashLSH plain (one
   `update` per shingle) and with `update_batch`; articles/s and ratios; memory at 10k vs N.
3. Reuters-21578: pairs among the first 4,584 bodies, against exact Jaccard; a sample printed.
4. incremental: DedupIndex.add per-article time into an empty archive vs one holding N.
"""

from __future__ import annotations

import argparse
import glob
import html
import os
import random
import re
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
from dateline.dedup.index import DedupIndex, is_near

from dateline.clean import clean_record
from dateline.dedup.lsh import band_keys, candidate_pairs
from dateline.dedup.minhash import jaccard, signatures
from dateline.dedup.shingles import shingle_batch, words
from dateline.model import RawRecord, Rejected, Source
from dateline.settings import Settings

ARCHIVE_DDL = """
CREATE TABLE articles (id TEXT PRIMARY KEY, published TEXT, title TEXT, text TEXT NOT NULL,
  outlet TEXT, url TEXT, json TEXT NOT NULL, added TEXT NOT NULL);
CREATE TABLE sources (article_id TEXT NOT NULL, path TEXT NOT NULL, record INTEGER NOT NULL,
  format TEXT, offset INTEGER, outlet TEXT, url TEXT, raw TEXT, added TEXT NOT NULL,
  PRIMARY KEY (path, record));
"""
REUTERS = "/work/shared/data/reuters21578"

# -- corpora ---------------------------------------------------------------------------------


def reuters_bodies(folder: str) -> list[str]:
    out: list[str] = []
    for path in sorted(glob.glob(os.path.join(folder, "*.sgm"))):
        sgml = Path(path).read_text(encoding="latin-1")
        out += [html.unescape(b).strip() for b in re.findall(r"<BODY>(.*?)</BODY>", sgml, re.S)]
    return [b for b in out if b]


def folder_texts(folder: str) -> list[str]:
    """Article bodies of any format dateline reads, through the clean stage."""
    from dateline.read import read_inputs

    out = []
    for raw in read_inputs([folder]):
        try:
            out.append(clean_record(raw).text)
        except Rejected:
            continue
    return out


PEOPLE = ["Maria Lopez", "Tomas Berg", "Ana Silva", "John Okafor", "Li Wei", "Sara Haddad",
          "Peter Novak", "Ingrid Dahl", "Ravi Menon", "Elena Petrova", "David Cohen", "Yuki Sato"]
ORGS = ["the central bank", "Northern Rail", "the finance ministry", "Acme Steel", "the union",
        "the opposition party", "Delta Energy", "the health ministry", "Harbor Bank", "the court"]
PLACES = ["Riverton", "the capital", "the northern province", "the port city", "Lakeside",
          "the coastal region", "Westfield", "the border town"]
ACTIONS = ["announced a plan to", "voted against a proposal to", "agreed to", "refused to",
           "promised to", "warned that it would", "said it was ready to", "called on parliament to"]
OBJECTS = ["cut spending on roads", "sell the state railway", "raise interest rates",
           "build three new hospitals", "close two repair yards", "lift the tax on fuel",
           "hire more teachers", "open the border crossing", "delay the election",
           "freeze public sector pay", "expand the airport", "ban fishing in the bay"]


def generated_story(rng: random.Random, cast: list[str] | None = None) -> str:
    """A news-like story; with `cast`, about exactly those people (for hard negatives)."""
    cast = cast or rng.sample(PEOPLE, 3)
    paragraphs = []
    for _ in range(rng.randint(3, 6)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            who, org = rng.choice(cast), rng.choice(ORGS)
            sentences.append(
                f"{who} of {org} {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} in "
                f"{rng.choice(PLACES)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}, "
                f"a move that {rng.randint(2, 90)} officials {rng.choice(['backed', 'opposed'])} "
                f"after {rng.randint(2, 12)} weeks of talks."
            )
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def load_corpus(folder: str | None, rng: random.Random, need: int) -> tuple[list[str], str]:
    if folder and glob.glob(os.path.join(folder, "*.sgm")):
        return reuters_bodies(folder), f"Reuters-21578 SGML in {folder}"
    texts = folder_texts(folder) if folder and os.path.isdir(folder) else []
    if len(texts) >= need:
        return texts, f"{len(texts)} articles read and cleaned from {folder}"
    gen = [generated_story(rng) for _ in range(need)]
    return texts + gen, f"{len(texts)} articles from {folder or '-'} + {len(gen)} generated"


# -- edits -----------------------------------------------------------------------------------

AGENCIES = ["Reuters", "AP", "AFP", "Bloomberg", "dpa"]
CITIES = ["LONDON", "NEW YORK", "WASHINGTON", "PARIS", "TOKYO", "BERLIN"]
FOOTERS = ["Copyright 2024 Example News. All rights reserved.",
           "Subscribe to our newsletter for the latest updates.",
           "Read more: the week in markets and politics."]
HEADERS = ["Advertisement", "Share this article", "Follow us on Twitter"]


def _paras(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n|\n(?=\s)", text) if p.strip()]


def e_dateline(t: str, rng: random.Random) -> str:
    return f"{rng.choice(CITIES)}, March {rng.randint(1, 28)} ({rng.choice(AGENCIES)}) - {t}"


def e_boilerplate(t: str, rng: random.Random) -> str:
    return f"{rng.choice(HEADERS)}\n\n{t}\n\n{rng.choice(FOOTERS)}"


def e_add_paragraph(t: str, rng: random.Random) -> str:
    extra = ("Officials did not respond to requests for comment on Sunday, and a spokesman "
             "said a fuller statement would follow later in the week.")
    return f"{t}\n\n{extra}"


def e_drop_paragraph(t: str, rng: random.Random) -> str:
    ps = _paras(t)
    return "\n\n".join(ps[:-1]) if len(ps) > 2 else t


def e_typos(t: str, rng: random.Random) -> str:
    ws = t.split(" ")
    for i in rng.sample(range(len(ws)), max(1, len(ws) // 60)):
        w = ws[i]
        if len(w) > 3:
            j = rng.randrange(len(w) - 1)
            ws[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    return " ".join(ws)


def e_whitespace_quotes(t: str, rng: random.Random) -> str:
    t = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", t).replace("'", "\u2019")
    return re.sub(r" (?=[a-z])", lambda m: "  " if rng.random() < 0.05 else " ", t)


def e_truncate(t: str, rng: random.Random) -> str:
    ws = t.split(" ")
    return " ".join(ws[: int(len(ws) * 0.7)])


EDITS: dict[str, Callable[[str, random.Random], str]] = {
    "dateline": e_dateline, "headline": lambda t, r: t, "boilerplate": e_boilerplate,
    "para_added": e_add_paragraph, "para_dropped": e_drop_paragraph, "typos": e_typos,
    "ws/quotes": e_whitespace_quotes, "truncate70": e_truncate,
}


def same_cast_negative(base: str, donor: str) -> str:
    """A different story (the donor's events) about the base's named entities."""
    names = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")
    base_names = [n for n in dict.fromkeys(names.findall(base)) if len(n) > 3] or ["Lopez"]
    it = iter(range(10**9))
    return names.sub(lambda m: base_names[next(it) % len(base_names)], donor)


# -- 1. quality ------------------------------------------------------------------------------


def pick_bases(corpus: list[str], n: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """n long, mutually dissimilar articles (checked by datasketch, independent of ours), and
    the rest as donors for hard negatives."""
    from datasketch import MinHash, MinHashLSH

    pool = [t for t in corpus if len(t.split()) >= 80]
    rng.shuffle(pool)
    lsh = MinHashLSH(threshold=0.3, num_perm=64)
    bases, donors = [], []
    for i, t in enumerate(pool):
        m = MinHash(num_perm=64)
        m.update_batch([s.encode() for s in shingle_strings(t)])
        if lsh.query(m):
            continue
        lsh.insert(str(i), m)
        (bases if len(bases) < n else donors).append(t)
        if len(donors) >= n:
            break
    return bases, donors


def labelled_set(bases, donors, rng, copies: int = 3):
    """(items, group labels, edit names): each item a RawRecord."""
    items, groups, edits = [], [], []
    for g, (base, donor) in enumerate(zip(bases, donors, strict=False)):
        items.append(base), groups.append(g), edits.append("base")
        for _ in range(copies):
            names = rng.sample(list(EDITS), rng.randint(1, 3))
            t = base
            for name in names:
                t = EDITS[name](t, rng)
            items.append(t), groups.append(g), edits.append("+".join(sorted(names)))
        items.append(same_cast_negative(base, donor)), groups.append(-1 - g), edits.append("neg")
    return items, groups, edits


def run_quality(corpus, args, rng) -> None:
    bases, donors = pick_bases(corpus, args.bases, rng)
    items, groups, edits = labelled_set(bases, donors, rng)
    conn = sqlite3.connect(":memory:")
    conn.executescript(ARCHIVE_DDL)
    ids: list[str | None] = []
    arts = {}
    for k, text in enumerate(items):
        raw = RawRecord(source=Source("bench", k, "txt"), text=text, title=f"headline {k}")
        try:
            a = clean_record(raw)
        except Rejected:
            ids.append(None)
            continue
        ids.append(a.id)
        arts[a.id] = a
        conn.execute("INSERT OR IGNORE INTO articles VALUES (?, NULL, ?, ?, NULL, NULL, '{}', 'x')",
                     (a.id, a.title, a.text))
    t0 = time.perf_counter()
    DedupIndex(conn, Settings()).add(list(arts.values()))
    took = time.perf_counter() - t0
    cl = dict(conn.execute("SELECT article_id, cluster FROM dedup_members").fetchall())
    pred = [cl.get(i, i) if i else f"rejected{k}" for k, i in enumerate(ids)]
    n_base, n_neg = edits.count("base"), edits.count("neg")
    print(f"\n## 1. Quality: {n_base} base articles, {len(items)} items "
          f"({len(items) - n_base - n_neg} edited copies, {n_neg} same-cast negatives); "
          f"threshold {Settings().near_threshold}; add() {took:.2f} s")
    pair_table(groups, pred, edits)
    cluster_table(groups, pred)


def pair_table(groups, pred, edits) -> None:
    n = len(groups)
    g, p = np.array(groups), np.array(pred)
    same_g = g[:, None] == g[None, :]
    same_p = p[:, None] == p[None, :]
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    tp = int((same_g & same_p & upper).sum())
    fp = int((~same_g & same_p & upper).sum())
    fn = int((same_g & ~same_p & upper).sum())
    print("\n| pairs | true pos | false pos | false neg | precision | recall |")
    print("|---|---|---|---|---|---|")
    print(f"| all | {tp} | {fp} | {fn} | {tp / max(tp + fp, 1):.4f} | {tp / max(tp + fn, 1):.4f} |")
    by: dict[str, list[int]] = {}
    for k, e in enumerate(edits):
        if e in ("base", "neg"):
            continue
        for name in e.split("+"):
            by.setdefault(name, []).append(int(pred[k] == pred[_base_of(edits, k)]))
    neg_fp = sum(pred[k] == pred[_base_of(edits, k)] for k, e in enumerate(edits) if e == "neg")
    print("\n| edit (copy vs its base, copies may combine edits) | copies | recall |")
    print("|---|---|---|")
    for name, hits in sorted(by.items()):
        print(f"| {name} | {len(hits)} | {sum(hits) / len(hits):.3f} |")
    print(f"| same-cast negatives joined to their base (false) | {edits.count('neg')} | "
          f"{neg_fp} |")


def _base_of(edits: list[str], k: int) -> int:
    while edits[k] != "base":
        k -= 1
    return k


def cluster_table(groups, pred) -> None:
    true: dict[int, set] = {}
    got: dict[str, set] = {}
    for k, (g, p) in enumerate(zip(groups, pred, strict=True)):
        true.setdefault(g, set()).add(k)
        got.setdefault(p, set()).add(k)
    true_multi = [s for s in true.values() if len(s) > 1]
    got_multi = [s for s in got.values() if len(s) > 1]
    exact = sum(1 for s in true_multi if s in got_multi)
    pure = sum(1 for s in got_multi if len({groups[k] for k in s}) == 1)
    print("\n| clusters | true | predicted | exactly recovered | pure predicted | "
          "precision (pure) | recall (exact) |")
    print("|---|---|---|---|---|---|---|")
    print(f"| size >= 2 | {len(true_multi)} | {len(got_multi)} | {exact} | {pure} | "
          f"{pure / max(len(got_multi), 1):.4f} | {exact / max(len(true_multi), 1):.4f} |")


# -- 2. speed --------------------------------------------------------------------------------


def shingle_strings(text: str, k: int = 5) -> list[str]:
    w = words(text)
    if len(w) < k:
        return [" ".join(w)] if w else []
    return [" ".join(w[i:i + k]) for i in range(len(w) - k + 1)]


def news_like(corpus: list[str], n: int, rng: random.Random) -> list[str]:
    """n articles of corpus-like length made of corpus sentences in new combinations."""
    sents = [s for t in corpus for s in re.split(r"(?<=[.!?])\s+", " ".join(t.split())) if s]
    lengths = [len(t.split()) for t in corpus if t.split()]
    out = []
    for _ in range(n):
        target, parts, size = rng.choice(lengths), [], 0
        while size < target:
            s = rng.choice(sents)
            parts.append(s)
            size += s.count(" ") + 1
        out.append(" ".join(parts))
    return out


def ours(texts: list[str], s: Settings, batch: int = 5000) -> tuple[float, int]:
    t0 = time.perf_counter()
    sigs = np.vstack([signatures(shingle_batch(texts[i:i + batch], s.shingle_words),
                                 s.permutations) for i in range(0, len(texts), batch)])
    pairs = candidate_pairs(band_keys(sigs, s.bands))
    return time.perf_counter() - t0, len(pairs)


def datasketch_run(texts: list[str], s: Settings, batched: bool) -> float:
    from datasketch import MinHash, MinHashLSH

    rows = s.permutations // s.bands
    t0 = time.perf_counter()
    lsh = MinHashLSH(num_perm=s.permutations, params=(s.bands, rows))
    for i, t in enumerate(texts):
        m = MinHash(num_perm=s.permutations)
        if batched:
            m.update_batch([x.encode() for x in shingle_strings(t, s.shingle_words)])
        else:
            for x in shingle_strings(t, s.shingle_words):
                m.update(x.encode())
        lsh.insert(i, m)
    return time.perf_counter() - t0


def peak_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def run_speed(texts: list[str], args) -> None:
    s = Settings()
    n = len(texts)
    mb = sum(len(t) for t in texts) / 1e6
    print(f"\n## 2. Speed: signatures + LSH, {n:,} news-like articles ({mb:.1f} MB, "
          f"{s.permutations} permutations, {s.bands} bands), one process")
    t_ours, pairs = ours(texts, s)
    plain_n, batch_n = min(args.plain_sample, n), min(args.batch_sample, n)
    t_plain = datasketch_run(texts[:plain_n], s, batched=False)
    t_batch = datasketch_run(texts[:batch_n], s, batched=True)
    rate = {"ours": n / t_ours, "plain": plain_n / t_plain, "batch": batch_n / t_batch}
    print("\n| method | articles timed | seconds | articles/s | ours is x faster |")
    print("|---|---|---|---|---|")
    print(f"| dateline numpy batch MinHash + banding | {n:,} | {t_ours:.1f} | {rate['ours']:,.0f} "
          f"| 1.0 |")
    for key, label, k, t in (("plain", "datasketch MinHash.update + MinHashLSH", plain_n, t_plain),
                             ("batch", "datasketch update_batch + MinHashLSH", batch_n, t_batch)):
        note = "" if k == n else f" (sample of {k:,})"
        print(f"| {label}{note} | {k:,} | {t:.1f} | {rate[key]:,.0f} | "
              f"{rate['ours'] / rate[key]:.1f} |")
    print(f"\n(candidate pairs found by our banding: {pairs:,})")
    small = texts[: n // 10]
    m_small, m_big = peak_mb(lambda: ours(small, s)), peak_mb(lambda: ours(texts, s))
    print("\n| memory (tracemalloc peak, ours, in memory) | articles | MiB | MiB per 1k |")
    print("|---|---|---|---|")
    for k, m in ((len(small), m_small), (n, m_big)):
        print(f"| signatures + banding | {k:,} | {m:.1f} | {m / k * 1000:.2f} |")


# -- 3. Reuters ------------------------------------------------------------------------------


def run_reuters(args) -> None:
    if not os.path.isdir(REUTERS):
        print("\n## 3. Reuters-21578: not found, skipped")
        return
    bodies = reuters_bodies(REUTERS)[:4584]
    s = Settings()
    batch = shingle_batch(bodies, s.shingle_words)
    sigs = signatures(batch, s.permutations)
    live = np.flatnonzero(batch.counts > 0)
    cand = live[candidate_pairs(band_keys(sigs[live], s.bands))]
    a, b = cand[:, 0], cand[:, 1]
    est = jaccard(sigs[a], sigs[b])
    sets = [set(shingle_strings(t, s.shingle_words)) for t in bodies]
    exact = np.array([len(sets[i] & sets[j]) / len(sets[i] | sets[j]) for i, j in cand])
    truth = exact >= s.near_threshold
    found = est >= s.near_threshold
    near = is_near(est, batch.counts[a], batch.counts[b], s.near_threshold)
    tp = int((truth & found).sum())
    print(f"\n## 3. Reuters-21578, first {len(bodies):,} bodies: {len(cand):,} LSH candidates")
    print("\n| pairs | count | of which exact Jaccard >= 0.8 |")
    print("|---|---|---|")
    print(f"| exact Jaccard >= 0.8 (among candidates) | {int(truth.sum())} | {int(truth.sum())} |")
    print(f"| found: estimated Jaccard >= 0.8 | {int(found.sum())} | {tp} |")
    print(f"| found: DedupIndex rule (Jaccard or containment) | {int(near.sum())} | "
          f"{int((truth & near).sum())} |")
    print(f"\nprecision {tp / max(int(found.sum()), 1):.3f}, recall "
          f"{tp / max(int(truth.sum()), 1):.3f} (estimated vs exact Jaccard at 0.8)")
    rng = random.Random(7)
    show = rng.sample(list(np.flatnonzero(near)), min(args.show, int(near.sum())))
    print("\nA sample to check by hand (exact J, estimated J, the two bodies' first words):")
    for k in show:
        i, j = cand[k]
        print(f"- #{i} / #{j}: J={exact[k]:.2f} est={est[k]:.2f}")
        print(f"  A: {' '.join(bodies[i].split()[:22])}")
        print(f"  B: {' '.join(bodies[j].split()[:22])}")


# -- 4. incremental --------------------------------------------------------------------------


def run_incremental(texts: list[str], fresh: list[str], args) -> None:
    from dateline.clean import article_id
    from dateline.model import Article, Span

    def arts(ts):
        return [Article(id=article_id(t), source=Source("b", 0, "txt"), text=t,
                        paragraphs=[Span(0, len(t))]) for t in ts]

    def insert(conn, batch):
        conn.executemany("INSERT OR IGNORE INTO articles VALUES (?, NULL, NULL, ?, NULL, NULL, "
                         "'{}', 'x')", [(a.id, a.text) for a in batch])
        conn.executemany("INSERT OR IGNORE INTO sources (article_id, path, record, added) "
                         "VALUES (?, ?, 0, 'x')", [(a.id, a.id) for a in batch])

    def timed_add(conn, index, batch) -> float:
        insert(conn, batch)
        t0 = time.perf_counter()
        index.add(batch)
        took = time.perf_counter() - t0
        conn.rollback()  # measure without keeping: both archives stay as they were
        return took / len(batch) * 1000

    def archive(path: str) -> tuple[sqlite3.Connection, DedupIndex]:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")  # as the archive runs (DESIGN.md)
        conn.executescript(ARCHIVE_DDL)
        return conn, DedupIndex(conn, Settings())

    with tempfile.TemporaryDirectory() as tmp:
        conn, index = archive(os.path.join(tmp, "full.db"))
        sizes, t0 = {}, time.perf_counter()
        for i in range(0, len(texts), args.write_batch):
            batch = arts(texts[i:i + args.write_batch])
            insert(conn, batch)
            index.add(batch)
            conn.commit()
            if i + args.write_batch in (len(texts) // 10, len(texts)):
                sizes[i + args.write_batch] = dedup_bytes(conn)
        fill = time.perf_counter() - t0
        empty_conn, empty_index = archive(os.path.join(tmp, "empty.db"))
        probe = arts(fresh)
        # Alternate the two so that a change in the machine's load hits both alike.
        empties, fulls = [], []
        for _ in range(args.repeat):
            empties.append(timed_add(empty_conn, empty_index, probe))
            fulls.append(timed_add(conn, index, probe))
        empty, full = min(empties), min(fulls)
        conn.close()
        empty_conn.close()
    n = len(texts)
    print(f"\n## 4. Incremental: DedupIndex.add, batches of {len(fresh)} new articles "
          f"(best of {args.repeat}, alternating, rolled back; WAL)")
    print(f"\nfilling the archive: {n:,} articles in batches of {args.write_batch} took "
          f"{fill:.1f} s ({n / fill:,.0f} articles/s, SQLite file on disk)")
    print("\n| archive holds | ms per new article | ratio to empty |")
    print("|---|---|---|")
    print(f"| 0 | {empty:.3f} | 1.00 |")
    print(f"| {n:,} | {full:.3f} | {full / empty:.2f} |")
    print("\n| dedup tables on disk | articles | MiB | bytes per article |")
    print("|---|---|---|---|")
    for k, size in sizes.items():
        print(f"| dedup_* | {k:,} | {size / 2**20:.1f} | {size / k:,.0f} |")


def dedup_bytes(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'dedup%'").fetchone()[0]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="examples", help="a folder of articles (or Reuters SGML)")
    ap.add_argument("--bases", type=int, default=400)
    ap.add_argument("--speed-n", type=int, default=100_000)
    ap.add_argument("--plain-sample", type=int, default=10_000)
    ap.add_argument("--batch-sample", type=int, default=100_000)
    ap.add_argument("--write-batch", type=int, default=500)
    ap.add_argument("--show", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=7, help="timings of add() to take the best of")
    ap.add_argument("--only", choices=["quality", "speed", "reuters", "incremental"])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    corpus, what = load_corpus(args.corpus, rng, need=10 * args.bases)
    print(f"# bench/dedup.py — corpus: {what}; python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs")
    if args.only in (None, "quality"):
        run_quality(corpus, args, rng)
    texts: list[str] = []
    if args.only in (None, "speed", "incremental"):
        texts = news_like(corpus, args.speed_n + 500, rng)
    if args.only in (None, "speed"):
        run_speed(texts[: args.speed_n], args)
    if args.only in (None, "reuters"):
        run_reuters(args)
    if args.only in (None, "incremental"):
        run_incremental(texts[: args.speed_n], texts[args.speed_n:], args)


if __name__ == "__main__":
    main()
