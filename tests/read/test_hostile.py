"""Readers on damaged and unusual input: WARC bodies and offsets, streams cut part way, UTF-16 dumps."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.read import read_inputs

BODY = "Ministers met in Geneva on Monday to discuss grain exports, officials said."


def records(*paths: Path, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def _warc(path: Path, items: list[tuple[str, str, bytes]]) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for url, ctype, body in items:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


def test_warc_keeps_html_bodies_and_offsets_and_rejects_other_types(tmp_path: Path) -> None:
    page = f"<html><body><p>{BODY}</p></body></html>".encode()
    _warc(tmp_path / "crawl.warc", [("https://a.example/logo.png", "image/png", b"\x89PNG" + bytes(300)),
                                    ("https://a.example/story", "text/html", page)])
    png, story = records(tmp_path / "crawl.warc")
    assert png.error is not None and png.error.reason == "not_html" and "image/png" in png.error.detail
    assert story.error is None and story.html == page.decode() and story.url == "https://a.example/story"
    assert png.source.offset == 0 and story.source.offset > 300


def test_records_before_a_gzip_cut_are_kept(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"{BODY} Story {i}."}) + "\n" for i in range(400)]
    data = gzip.compress("".join(lines).encode())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])
    recs = records(cut)
    assert recs[-1].error is not None and recs[-1].error.reason == "truncated"
    good = [r for r in recs if r.error is None]
    assert len(good) > 50
    assert [r.text for r in good] == [json.loads(line)["text"] for line in lines[: len(good)]]


def test_utf16_dumps_are_read_in_their_own_format(tmp_path: Path) -> None:
    dated = "".join(f"date 2021-03-0{i} {BODY} Day {i}.\n" for i in range(1, 4))
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF16_LE + dated.encode("utf-16-le"))
    (tmp_path / "b.txt").write_bytes(dated.encode("utf-16-be"))  # no BOM
    jsonl = "".join(json.dumps({"text": f"{BODY} \u00e9t\u00e9 {i}"}, ensure_ascii=False) + "\n" for i in range(2))
    (tmp_path / "c.jsonl").write_bytes(codecs.BOM_UTF16_BE + jsonl.encode("utf-16-be"))
    recs = records(tmp_path)
    assert [r.source.format for r in recs] == ["dated"] * 6 + ["jsonl"] * 2
    assert [r.date for r in recs[:3]] == ["2021-03-01", "2021-03-02", "2021-03-03"]
    assert recs[0].text.strip() == f"{BODY} Day 1."
    assert recs[-1].text == f"{BODY} \u00e9t\u00e9 1"


def test_csv_in_cp1252_keeps_its_characters(tmp_path: Path) -> None:
    text = f"Caf\u00e9 owners \u201cprotest\u201d in Z\u00fcrich. {BODY}"
    (tmp_path / "a.csv").write_bytes(f'title,text\nA,"{text}"\n'.encode("cp1252"))
    (rec,) = records(tmp_path / "a.csv")
    assert rec.text == text


def test_csv_field_over_the_cap_is_rejected_and_the_next_row_kept(tmp_path: Path) -> None:
    big = "word " * 50_000
    (tmp_path / "a.csv").write_text(f'title,text\nA,"{BODY}"\nB,"{big}\n{big}"\nC,"{BODY} Again."\n')
    recs = records(tmp_path / "a.csv", max_record_bytes=100_000)
    assert [r.error.reason if r.error else r.text for r in recs] == [BODY, "too_large", f"{BODY} Again."]


def test_compressed_parquet_is_read_and_a_huge_page_in_a_json_array_is_rejected(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from dateline.pipeline import clean_one
    from dateline.settings import Settings

    buf = io.BytesIO()
    pq.write_table(pa.table({"text": [BODY, BODY + " Again."]}), buf)
    (tmp_path / "a.parquet.gz").write_bytes(gzip.compress(buf.getvalue()))
    assert [r.text for r in records(tmp_path / "a.parquet.gz")] == [BODY, BODY + " Again."]
    page = "<html><body>" + f"<p>{BODY}</p>" * 3000 + "</body></html>"
    (tmp_path / "b.json").write_text(json.dumps([{"html": page}, {"text": BODY}]))
    outcomes = [clean_one(r, Settings(extract=False, max_record_bytes=100_000)) for r in records(tmp_path / "b.json")]
    assert outcomes[0].rejected is not None and outcomes[0].rejected.reason == "too_large"
    assert outcomes[1].article is not None


def test_a_reader_over_its_budget_rejects_the_rest_of_its_file_and_the_next_file_is_read(
        tmp_path: Path, monkeypatch) -> None:
    import time

    from dateline import read

    real = read.READERS["txt"]

    def stalls(stream, name, limit):
        if name.endswith("stall.txt"):
            time.sleep(2)  # a reader that takes too long to produce a record
        yield from real(stream, name, limit)

    monkeypatch.setitem(read.READERS, "txt", stalls)
    (tmp_path / "a_stall.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY)
    out = records(tmp_path, timeout_s=0.2)
    assert [r.error.reason if r.error else "ok" for r in out] == ["too_slow", "ok"]
    assert out[0].error.detail.startswith("read: took over 0.2 s")
