"""The Ray engine: the same stages on a Ray cluster, written as Parquet shards.

Ray Data reads the inputs (one task per file, through our readers), an actor pool runs clean
and extract (each actor loads the spaCy model once), and the outcomes are written as Parquet
shards in the article contract's shape; `dateline load DIR` puts them in an archive, where
near-duplicate clusters are finished. Ray is an optional dependency (`dateline[ray]`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from dateline.model import Article, RawRecord, Rejected, Source
from dateline.pipeline import Outcome, process
from dateline.read import expand, read_file
from dateline.settings import Settings

COLUMNS = ("path", "record", "format", "offset", "raw", "outlet", "url", "article", "reason", "detail",
           "signature", "shingles", "story_profile")


class RayMissing(Exception):
    pass


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise RayMissing("the Ray engine needs Ray: pip install 'dateline[ray]'") from exc
    return ray


def outcome_row(o: Outcome) -> dict[str, Any]:
    src = o.raw.source
    row: dict[str, Any] = {
        "path": src.path, "record": src.record, "format": src.format, "offset": src.offset,
        "raw": o.raw.raw, "outlet": o.raw.outlet, "url": o.raw.url,
        "article": None, "reason": None, "detail": None, "signature": None, "shingles": None,
        "story_profile": o.story_profile,
    }
    if o.signature is not None:
        row["signature"], row["shingles"] = o.signature
    if o.article is not None:
        row["article"] = json.dumps(o.article.to_dict(), ensure_ascii=False)
    else:
        assert o.rejected is not None
        row["reason"], row["detail"] = o.rejected.reason, o.rejected.detail
    return row


def row_outcome(row: dict[str, Any]) -> Outcome:
    src = Source(row["path"], int(row["record"]), row["format"],
                 None if row["offset"] is None else int(row["offset"]))
    raw = RawRecord(source=src, text=row["raw"], outlet=row["outlet"], url=row["url"])
    if row["article"]:
        sig = (row["signature"], int(row["shingles"])) if row.get("signature") is not None else None
        return Outcome(raw, article=Article.from_dict(json.loads(row["article"])), signature=sig,
                       story_profile=row.get("story_profile"))
    return Outcome(raw, rejected=Rejected(row["reason"] or "unknown", row["detail"] or ""))


def _read_rows(item: dict[str, Any], settings: Settings, fmt: str | None) -> Iterator[dict[str, Any]]:
    from dateline.read.options import ReadOptions

    options = ReadOptions.from_settings(settings)
    for rec in read_file(item["path"], fmt, settings.max_record_bytes, settings.max_decompressed_bytes, options,
                         named=False):
        yield {"record": _raw_to_dict(rec)}


def _raw_to_dict(rec: RawRecord) -> str:
    return json.dumps({
        "source": rec.source.to_dict(), "text": rec.text, "html": rec.html, "date": rec.date, "title": rec.title,
        "url": rec.url, "outlet": rec.outlet, "authors": rec.authors, "section": rec.section,
        "language": rec.language, "image": rec.image, "description": rec.description, "tags": rec.tags,
        "error": [rec.error.reason, rec.error.detail] if rec.error else None,
    }, ensure_ascii=False)


def _raw_from_dict(s: str) -> RawRecord:
    d = json.loads(s)
    err = d.pop("error")
    rec = RawRecord(source=Source(**d.pop("source")), **d)
    if err:
        rec.error = Rejected(err[0], err[1])
    return rec


class Processor:
    """An actor: clean + extract a batch of raw records; the model loads once per actor."""

    def __init__(self, settings: Settings) -> None:
        from dateline.pipeline import load_extractor

        self.settings = settings
        load_extractor(settings)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from dateline.dedup.near import signatures_of
        from dateline.stories import profile

        records = [_raw_from_dict(s) for s in batch["record"]]
        outcomes = list(process(records, self.settings))
        done = [o for o in outcomes if o.article is not None]
        if done:  # MinHash on the workers: the archive only has to probe its LSH buckets
            p = self.settings
            sigs, counts = signatures_of([o.article.text for o in done], p.shingle_words, p.permutations)
            for o, sig, n in zip(done, sigs, counts, strict=True):
                o.signature = (sig.astype("<u4").tobytes(), int(n))
            # Story profiles too (stemmed words, entity keys, days): the archive only swaps in its
            # entity ids and assigns, one article after another, in the input order.
            if self.settings.stories:
                for o in done:
                    o.story_profile = json.dumps(profile(o.article).to_dict(), ensure_ascii=False)
        rows = [outcome_row(o) for o in outcomes]
        return {c: [r[c] for r in rows] for c in COLUMNS}


def run(paths: list[str], settings: Settings, out: str, fmt: str | None = None,
        address: str | None = None, workers: int = 2) -> dict[str, Any]:
    """Process the inputs on Ray and write Parquet shards to `out`; returns figures."""
    import time

    ray = _ray()
    files, missing = expand(paths)
    if not files:
        from dateline.read import InputError

        raise InputError(f"no such file or folder: {', '.join(missing) or '(none given)'}")
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    t0 = time.perf_counter()
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        # One CPU more than the actors hold, for the light read and write tasks.
        ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=False)
    startup = time.perf_counter() - t0
    try:
        t1 = time.perf_counter()
        # Keep input order in the shards, so loading them gives the archive a local run gives.
        ray.data.DataContext.get_current().execution_options.preserve_order = True
        ds = ray.data.from_items([{"path": f if "://" in f else os.path.abspath(f)} for f in files])
        # Reading and writing are light next to the model: they take a fraction of a CPU so
        # that the actor pool can hold every CPU without starving them (a deadlock otherwise).
        ds = ds.flat_map(_read_rows, fn_kwargs={"settings": settings, "fmt": fmt}, num_cpus=0.1)
        ds = ds.map_batches(Processor, fn_constructor_kwargs={"settings": settings}, num_cpus=1,
                            concurrency=workers, batch_size=settings.batch_size, batch_format="numpy")
        ds.write_parquet(out, ray_remote_args={"num_cpus": 0.1})
        seconds = time.perf_counter() - t1
    finally:
        ray.shutdown()
    return {"files": len(files), "startup_seconds": startup, "seconds": seconds, "out": out}


def iter_shards(folder: str) -> Iterator[Outcome]:
    """Every outcome in the Parquet shards of `folder`, in a stable order."""
    import pyarrow.parquet as pq

    shards = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".parquet"))
    if not shards:
        from dateline.read import InputError

        raise InputError(f"no Parquet shards in {folder}")
    for shard in shards:  # one shard in memory at a time; names follow the input order
        for batch in pq.ParquetFile(shard).iter_batches(batch_size=512):
            for row in batch.to_pylist():
                yield row_outcome(row)
