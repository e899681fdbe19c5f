"""The write API's result: what a run stored, per language."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.api import ingest
from dateline.api.ingest import UNKNOWN_LANGUAGE
from dateline.settings import Settings

FRENCH = ("Le conseil municipal a adopté lundi le nouveau budget après un long débat sur les écoles et "
          "l'entretien des routes, a indiqué la mairie dans un communiqué.")
ENGLISH = ("Firefighters contained a brush fire near the highway on Sunday evening after it burned "
           "for six hours, the county fire department said.")


def test_the_result_counts_articles_per_language_stated_or_detected(tmp_path: Path) -> None:
    dump = tmp_path / "in.jsonl"
    rows = [{"text": FRENCH}, {"text": ENGLISH, "language": "en-GB"}, {"text": "Short note, nothing more here."}]
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = ingest([str(dump)], Settings(db=str(tmp_path / "a.db"), extract=False, min_text_chars=10))
    assert result.counts.stored == 3
    assert result.languages == {"fr": 1, "en": 1, UNKNOWN_LANGUAGE: 1}
