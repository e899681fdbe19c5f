"""The ingest command's summary: articles stored per language, in the table and in --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.cli import main

ENGLISH = ("The city council approved the new budget on Monday after a long debate about school "
           "funding and road repairs, the mayor's office said in a statement.")
GERMAN = ("Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt beschlossen, teilte das "
          "Rathaus mit. Die Opposition kritisierte die Ausgaben für Straßen scharf.")
RUSSIAN = ("Городской совет в понедельник утвердил новый бюджет после долгих споров о школах и "
           "ремонте дорог, сообщила пресс-служба мэрии.")
TABLE = "Net 1,234 vs 5,678 Revs 91,011 vs 12,131 Shr 14 cts vs 15 cts 1987 1986 1985 1984 1983"


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    rows = [{"title": "Budget", "text": ENGLISH}, {"title": "Haushalt", "text": GERMAN},
            {"title": "Budget passed", "text": ENGLISH.replace("Monday", "Tuesday")},
            {"text": RUSSIAN}, {"title": "Results", "text": TABLE}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_summary_counts_stored_articles_per_language(capsys: pytest.CaptureFixture[str], dump: Path,
                                                         tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert main(["ingest", str(dump), "--db", db, "--no-extract", "--json"]) == 0
    s = json.loads(capsys.readouterr().out)
    assert s["stored"] == 5
    assert s["languages"] == {"en": 2, "de": 1, "ru": 1, "unknown": 1}

    assert main(["ingest", str(dump), "--db", str(tmp_path / "b.db"), "--no-extract"]) == 0
    out = capsys.readouterr().out
    assert "stored by language" in out and "en 2, de 1, ru 1, (unknown) 1" in out


def test_a_second_run_stores_nothing_and_counts_no_language(capsys: pytest.CaptureFixture[str], dump: Path,
                                                            tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    assert main(["ingest", str(dump), "--db", db, "--no-extract"]) == 0
    capsys.readouterr()
    assert main(["ingest", str(dump), "--db", db, "--no-extract", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["languages"] == {}
