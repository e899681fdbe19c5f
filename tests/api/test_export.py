"""Exports: typed tables per fact kind (Parquet, CSV), scoped by query and dates, safe in spreadsheets."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
from dateline.api.export import safe_cell, write_csv
from dateline.archive.store import Archive
from dateline.errors import UsageError
from dateline.model import ArticleRow, RawRecord, Source
from dateline.pipeline import clean_one
from dateline.settings import Settings

TABLES = {"articles", "sources", "entities", "mentions", "events", "quotes", "amounts", "times", "clusters",
          "stories", "places"}


def test_parquet_tables_are_typed_and_carry_every_kind(db: str, tmp_path: Path) -> None:
    counts = dateline.open(db).export(str(tmp_path / "out"), "parquet")
    assert set(counts) == TABLES and {p.stem for p in (tmp_path / "out").iterdir()} == TABLES
    assert counts["articles"] == 4 and counts["sources"] == 5 and counts["amounts"] == 5
    amounts = pq.read_table(tmp_path / "out" / "amounts.parquet")
    assert amounts.schema.field("value").type == pa.float64() and amounts.schema.field("start").type == pa.int64()
    entities = pq.read_table(tmp_path / "out" / "entities.parquet")
    assert entities.schema.field("aliases").type == pa.list_(pa.string())
    quotes = pq.read_table(tmp_path / "out" / "quotes.parquet").to_pylist()
    assert {q["speaker_entity"] for q in quotes} == {"person:ana-ruiz", "person:pablo-ruiz"}
    articles = {r["id"]: r for r in pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()}
    (event,) = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert event["type"] == "SANCTION" and '"sector": "BUS"' in event["recipient"]  # a side is JSON text
    for m in pq.read_table(tmp_path / "out" / "mentions.parquet").to_pylist():
        assert articles[m["article_id"]]["text"][m["start"]:m["end"]] == m["text"]


def test_query_and_dates_keep_the_articles_and_their_facts(db: str, tmp_path: Path) -> None:
    counts = dateline.open(db).export(str(tmp_path / "q"), "csv", query="turnout", date_from="2024-04")
    assert counts["articles"] == 1 and counts["amounts"] == 1 and counts["quotes"] == 0
    rows = list(csv.DictReader((tmp_path / "q" / "amounts.csv").open(encoding="utf-8")))
    assert [r["text"] for r in rows] == ["61 percent"]


def test_a_file_path_gets_the_articles_table_alone(db: str, tmp_path: Path) -> None:
    assert dateline.open(db).export(str(tmp_path / "a.parquet"), "parquet") == {"articles": 4}
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 4
    with pytest.raises(UsageError, match="unknown table format"):
        dateline.open(db).export(str(tmp_path / "x"), "xlsx")


def test_csv_cells_that_a_spreadsheet_would_run_are_made_inert(tmp_path: Path) -> None:
    path = str(tmp_path / "f.db")
    settings = Settings(db=path, extract=False)
    raw = RawRecord(Source("f.jsonl", 1, "jsonl"), date="2024-01-02", title="=HYPERLINK(\"http://x\")",
                    outlet="@wire", text="Officials said the plan would cost less than expected this year.")
    o = clean_one(raw, settings)
    with Archive(path, settings=settings) as archive:
        archive.write([o])
    out = io.StringIO()
    dateline.open(path).write_articles(out, "csv")
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["title"] == "'=HYPERLINK(\"http://x\")" and row["outlet"] == "'@wire"
    assert [safe_cell(v) for v in ("-2+3", "+1", "plain", -5, ["a"])] == ["'-2+3", "'+1", "plain", -5, '["a"]']


def test_an_empty_table_keeps_its_columns(tmp_path: Path) -> None:
    out = io.StringIO()
    assert write_csv(out, ArticleRow, []) == 0
    assert out.getvalue().startswith("id,published,title,")


def test_an_export_keeps_the_articles_of_one_language(tmp_path: Path) -> None:
    from tests.languages_archive import build

    with dateline.open(build(tmp_path)) as arc:
        counts = arc.export(str(tmp_path / "de"), "parquet", language="de")
        assert counts["articles"] == 1 and counts["sources"] == 1
        stream = io.StringIO()
        assert arc.write_articles(stream, "jsonl", language="en") == 2
        assert all('"language": "en"' in line for line in stream.getvalue().splitlines())
        assert [a.title for a in arc.iter_articles(language="ru")] == ["Встреча министров"]
        with pytest.raises(UsageError, match="ISO 639-1"):
            arc.export(str(tmp_path / "x"), "parquet", language="German")
