"""A small archive in three languages (our own sentences), stored through the write API without
extraction: for the language filters of search, exports and the web."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.api import ingest
from dateline.settings import Settings

ROWS = [
    {"title": "Council passes budget", "date": "2024-03-04",
     "text": "The city council passed the new budget on Monday after a long debate about schools and "
             "road repairs, the mayor's office said in a statement."},
    {"title": "Ministers meet on grain", "date": "2024-03-05",
     "text": "Foreign ministers met in Vienna on Tuesday to discuss grain exports and the budget of the "
             "shipping corridor, officials said after the talks."},
    {"title": "Haushalt beschlossen", "date": "2024-03-06",
     "text": "Der Stadtrat hat am Mittwoch nach langer Debatte den neuen Haushalt beschlossen, teilte das "
             "Rathaus mit. Die Opposition kritisierte die Ausgaben für Straßen und Schulen."},
    {"title": "Встреча министров", "date": "2024-03-07",
     "text": "Министры иностранных дел провели в четверг переговоры с Сергеем Лавровым в Вене, "
             "сообщили в министерстве. Позиция Лаврова не изменилась, встреча продолжалась три часа."},
]


def build(folder: Path) -> str:
    dump = folder / "in.jsonl"
    dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    db = str(folder / "langs.db")
    result = ingest([str(dump)], Settings(db=db, extract=False))
    assert result.languages == {"en": 2, "de": 1, "ru": 1}, result.languages
    return db
