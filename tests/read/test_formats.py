from __future__ import annotations

import gzip
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard

from dateline.read import InputError, expand, read_inputs

BODY = "Ministers met in Geneva on Monday to discuss grain exports, officials said."


def records(*paths: Path | str, fmt: str | None = None, **kw):
    return list(read_inputs([str(p) for p in paths], fmt, **kw))


def test_dated_records_split_at_header_lines(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text(f"  date 2021-09-09 {BODY}\nSecond line.\ndate 2021-09-10\n{BODY}\n")
    recs = records(p)
    assert [r.date for r in recs] == ["2021-09-09", "2021-09-10"]
    assert recs[0].text.startswith(BODY) and "Second line." in recs[0].text
    assert [r.source.record for r in recs] == [0, 1]
    assert [r.source.offset for r in recs] == [1, 3]
    assert recs[0].source.format == "dated"


def test_dated_record_over_the_limit_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text(f"date 2021-01-01 {'x' * 5000}\ndate 2021-01-02 {BODY}\n")
    recs = records(p, max_record_bytes=1000)
    assert recs[0].error is not None and recs[0].error.reason == "too_large"
    assert recs[1].error is None and recs[1].text.strip() == BODY


def test_jsonl_fields_found_by_common_names_and_bad_lines_rejected(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"maintext": BODY, "date_publish": "2021-09-09", "title": "T", "source": {"name": "Wire"}}),
        "",
        "{broken",
        json.dumps({"headline": "no text here"}),
    ]
    p.write_text("\n".join(lines) + "\n")
    recs = records(p)
    assert recs[0].text == BODY and recs[0].date == "2021-09-09" and recs[0].outlet == "Wire"
    assert recs[1].error.reason == "malformed_json" and recs[1].source.offset == 3
    assert recs[2].error.reason == "no_text" and "headline" in recs[2].error.detail


def test_json_array(tmp_path: Path) -> None:
    p = tmp_path / "a.json"
    p.write_text(json.dumps([{"content": BODY}, {"body": BODY + " More."}]))
    recs = records(p)
    assert [r.source.format for r in recs] == ["json", "json"]
    assert recs[1].text.endswith("More.")


def test_csv_and_tsv_and_ragged_rows(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(f'title,date,text\nT1,2021-01-01,"{BODY}"\nT2,2021-01-02,"a","extra"\n')
    recs = records(p)
    assert recs[0].title == "T1" and recs[0].text == BODY
    assert recs[1].error.reason == "ragged_row"
    t = tmp_path / "a.tsv"
    t.write_text(f"headline\tbody\nT\t{BODY}\n")
    assert records(t)[0].text == BODY


def test_csv_without_text_column_names_what_it_saw(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("name,score\nx,1\n")
    (rec,) = records(p)
    assert rec.error.reason == "no_text_column" and "name, score" in rec.error.detail


def test_parquet(tmp_path: Path) -> None:
    p = tmp_path / "a.parquet"
    pq.write_table(pa.table({"text": [BODY, BODY + " Two."], "published": ["2021-01-01", None]}), p)
    recs = records(p)
    assert len(recs) == 2 and recs[0].date == "2021-01-01" and recs[1].source.record == 1


def test_html_and_warc_are_sniffed(tmp_path: Path) -> None:
    h = tmp_path / "page"
    h.write_text(f"<!doctype html><html><body><p>{BODY}</p></body></html>")
    (rec,) = records(h)
    assert rec.html and rec.source.format == "html"


def test_gzip_and_zstd_are_read_transparently(tmp_path: Path) -> None:
    raw = (json.dumps({"text": BODY}) + "\n").encode()
    g = tmp_path / "a.jsonl.gz"
    g.write_bytes(gzip.compress(raw))
    z = tmp_path / "a.jsonl.zst"
    z.write_bytes(zstandard.ZstdCompressor().compress(raw))
    assert [r.text for r in records(g, z)] == [BODY, BODY]


def test_truncated_gzip_and_bomb_are_rejected(tmp_path: Path) -> None:
    g = tmp_path / "a.jsonl.gz"
    data = gzip.compress((json.dumps({"text": BODY}) + "\n").encode() * 2000)
    g.write_bytes(data[: len(data) // 2])
    recs = records(g)
    assert recs[-1].error is not None and recs[-1].error.reason == "truncated"
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a" * 5_000_000))
    (rec,) = records(bomb, max_decompressed_bytes=1_000_000)
    assert rec.error.reason == "too_large"


def test_format_override_and_unknown_format(tmp_path: Path) -> None:
    p = tmp_path / "a.data"
    p.write_text(json.dumps({"text": BODY}) + "\n")
    assert records(p, fmt="jsonl")[0].text == BODY
    with pytest.raises(InputError, match="unknown format"):
        records(p, fmt="docx")


def test_folders_globs_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / ".hidden").write_text(BODY)
    files, missing = expand([str(tmp_path), str(tmp_path / "*.txt"), str(tmp_path / "nope")])
    assert [Path(f).name for f in files] == ["a.txt", "b.txt", "a.txt"]
    assert missing == [str(tmp_path / "nope")]
    with pytest.raises(InputError, match="no such file"):
        records(tmp_path / "nope")


def test_file_urls_are_read_through_pyarrow(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.jsonl").write_text(json.dumps({"text": BODY}) + "\n")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(BODY.encode()))
    files, missing = expand([f"file://{tmp_path}", f"file://{tmp_path}/nope"])
    assert [f.rsplit("/", 1)[-1] for f in files] == ["b.txt.gz", "a.jsonl"]
    assert missing == [f"file://{tmp_path}/nope"]
    recs = records(f"file://{tmp_path}")
    assert [r.text for r in recs] == [BODY, BODY]
    assert recs[1].source.path == f"file://{tmp_path}/sub/a.jsonl"
