"""Field names: the defaults scrapers use, a user's mapping, bylines and languages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dateline.model import Source
from dateline.read import read_inputs
from dateline.read.fields import FieldMap, as_authors, as_language, record_from_row
from dateline.read.options import ReadOptions
from dateline.settings import check_fields, load_settings, parse_field_flags

BODY = "Ministers met in Geneva on Monday to discuss grain exports, officials said."
SRC = Source("x", 0, "jsonl", 1)


@pytest.mark.parametrize("text_name", ["body_text", "full_text", "article_text", "story"])
@pytest.mark.parametrize("date_name", ["publication_date", "pub_date", "datePublished", "date_published",
                                       "pubDate", "created_at", "published_at"])
def test_common_text_and_date_names_are_found_by_default(text_name: str, date_name: str) -> None:
    rec = record_from_row({text_name: BODY, date_name: "2021-09-09"}, SRC)
    assert rec.error is None and rec.text == BODY and rec.date == "2021-09-09"


def test_bylines_section_language_image_and_description_come_from_fields() -> None:
    row = {"text": BODY, "headline": "Grain talks", "byline": "By Jane Doe and John Roe", "section": "World",
           "lang": "en-GB", "image": "https://a.example/p.jpg", "description": "Talks on grain."}
    rec = record_from_row(row, SRC)
    assert rec.title == "Grain talks" and rec.authors == ["Jane Doe", "John Roe"]
    assert (rec.section, rec.language, rec.image, rec.description) == (
        "World", "en", "https://a.example/p.jpg", "Talks on grain.")


@pytest.mark.parametrize(("value", "names"), [
    (["Jane Doe", {"name": "John Roe"}], ["Jane Doe", "John Roe"]),
    ("Jane Doe; John Roe & Ann Poe", ["Jane Doe", "John Roe", "Ann Poe"]),
    ("Jane Doe, John Roe", ["Jane Doe", "John Roe"]),
    ("Doe, Jane", ["Doe, Jane"]),  # an inverted name is one name
    ("BY JANE DOE", ["JANE DOE"]),
    (None, []),
])
def test_authors_are_a_list_of_names_without_by(value: object, names: list[str]) -> None:
    assert as_authors(value) == names


@pytest.mark.parametrize(("value", "code"), [("en", "en"), ("EN_us", "en"), ("English", "en"),
                                             ("fra", "fr"), ("Klingonish", None), ("", None)])
def test_languages_become_iso_639_1(value: str, code: str | None) -> None:
    assert as_language(value) == code


def test_a_user_mapping_goes_before_the_defaults_and_may_name_a_nested_field() -> None:
    fields = FieldMap({"text": "copy", "date": "meta.released"})
    rec = record_from_row({"copy": BODY, "text": "a teaser", "meta": {"released": "2020-01-02"}}, SRC, fields)
    assert rec.text == BODY and rec.date == "2020-01-02"


def test_a_record_without_text_keeps_the_names_of_its_fields() -> None:
    rec = record_from_row({"headline": "H", "copy": BODY}, SRC)
    assert rec.error is not None and rec.error.reason == "no_text"
    assert rec.fields_seen == ("copy", "headline")


def _inputs(tmp_path: Path) -> list[Path]:
    rows = [{"headline": f"Story {i}", "copy": f"{BODY} Story {i}.", "released": f"2021-03-0{i + 1}"}
            for i in range(2)]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "b.json").write_text(json.dumps(rows))
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
    (tmp_path / "c.csv").write_text(buf.getvalue())
    (tmp_path / "d.tsv").write_text(buf.getvalue().replace(",", "\t"))
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "e.parquet")
    return sorted(tmp_path.iterdir())


def test_the_mapping_applies_to_json_jsonl_csv_tsv_and_parquet(tmp_path: Path) -> None:
    paths = [str(p) for p in _inputs(tmp_path)]
    unmapped = list(read_inputs(paths))
    assert {r.error.reason for r in unmapped if r.error} == {"no_text", "no_text_column"}
    opts = ReadOptions(fields=FieldMap({"text": "copy", "date": "released"}))
    recs = list(read_inputs(paths, options=opts))
    assert [r.source.format for r in recs] == ["jsonl"] * 2 + ["json"] * 2 + ["csv"] * 2 + ["tsv"] * 2 + ["parquet"] * 2
    assert all(r.error is None for r in recs)
    assert {r.date for r in recs} == {"2021-03-01", "2021-03-02"}


def test_field_flags_and_config_tables_are_checked(tmp_path: Path) -> None:
    assert parse_field_flags(["date=publication_date", "text=body"]) == {"date": "publication_date", "text": "body"}
    with pytest.raises(ValueError, match="TARGET=NAME"):
        parse_field_flags(["publication_date"])
    with pytest.raises(ValueError, match="unknown field target"):
        check_fields({"dat": "x"}, "--field")
    cfg = tmp_path / "dateline.toml"
    cfg.write_text('[dateline]\nmin_text_chars = 10\n[dateline.fields]\ndate = "publication_date"\n')
    assert load_settings(str(cfg)).fields == {"date": "publication_date"}
