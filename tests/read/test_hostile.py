"""Readers on damaged and unusual input: WARC bodies and offsets, streams cut part way, UTF-16 dumps."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest
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


# -- issue 20: readers that stream and bound ------------------------------------------------

def _reasons(recs) -> list[str]:
    return [r.error.reason if r.error else "ok" for r in recs]


def test_json_nested_10000_deep_is_rejected_and_the_records_around_it_kept(tmp_path: Path) -> None:
    deep = "[" * 10_000 + "]" * 10_000
    good = json.dumps({"text": BODY})
    (tmp_path / "a.jsonl").write_text(f"{good}\n{{\"text\": {deep}}}\n{good}\n")
    (tmp_path / "b.json").write_text(f"[{good}, {deep}, {{\"x\": {deep}}}, {good}]")
    recs = records(tmp_path / "a.jsonl", tmp_path / "b.json")
    assert _reasons(recs) == ["ok", "too_complex", "ok", "ok", "too_complex", "too_complex", "ok"]
    assert "max_json_depth" in recs[1].error.detail and recs[1].source.offset == 2


def test_json_deeper_than_the_setting_but_within_the_parser_is_rejected(tmp_path: Path) -> None:
    from dateline.read.options import ReadOptions

    nested: object = BODY
    for _ in range(30):
        nested = {"x": nested}
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": BODY, "meta": nested}) + "\n")
    assert _reasons(records(tmp_path / "a.jsonl")) == ["ok"]
    assert _reasons(records(tmp_path / "a.jsonl", options=ReadOptions(max_json_depth=10))) == ["too_complex"]


def test_a_json_array_with_a_malformed_item_keeps_the_items_before_it(tmp_path: Path) -> None:
    good = json.dumps({"text": BODY})
    (tmp_path / "a.json").write_text(f"[{good}, {{broken, {good}]")
    assert _reasons(records(tmp_path / "a.json")) == ["ok", "malformed_json"]


def test_a_multiline_csv_field_over_the_cap_is_skipped_whole_without_inventing_rows(tmp_path: Path) -> None:
    # 40 lines of a quoted field, 4 KB in all, under a 1 KB cap: one reject, not 40 rows.
    field = "\n".join(f"Line {i} of a very long quoted field, with, commas." for i in range(80))
    (tmp_path / "a.csv").write_text(f'title,text\nA,"{BODY}"\nB,"{field}"\nC,"{BODY} Again."\n')
    recs = records(tmp_path / "a.csv", max_record_bytes=1000)
    assert [r.error.reason if r.error else r.text for r in recs] == [BODY, "too_large", f"{BODY} Again."]
    assert [r.source.offset for r in recs] == [2, 3, 83]


def test_an_overlong_single_line_csv_row_keeps_the_row_after_it(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(f'title,text\nA,"{"x" * 5000}"\nB,"{BODY} ""quoted"", too."\n')
    recs = records(tmp_path / "a.csv", max_record_bytes=1000)
    assert [r.error.reason if r.error else r.text for r in recs] == ["too_large", f'{BODY} "quoted", too.']


def test_a_stray_quote_inside_an_unquoted_csv_cell_does_not_swallow_rows(tmp_path: Path) -> None:
    plain = BODY.replace(",", "")
    (tmp_path / "a.csv").write_text(f'title,text\nA,{plain} A 5" screen.\nB,{plain}\n')
    assert [r.text for r in records(tmp_path / "a.csv")] == [f'{plain} A 5" screen.', plain]


def _warc_bytes(n: int, gz: bool = False) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(n):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        page = f"<html><body><p>{BODY} Story {i}.</p></body></html>".encode() * 5
        writer.write_record(writer.create_warc_record(f"https://a.example/{i}", "response",
                                                      payload=io.BytesIO(page), http_headers=headers))
    return buf.getvalue()


def test_zero_filled_regions_of_a_warc_are_skipped_and_the_records_after_them_read(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(bytes(300_000) + _warc_bytes(2) + bytes(2_000_000) + _warc_bytes(2))
    recs = records(tmp_path / "a.warc")
    assert _reasons(recs) == ["ok"] * 4


def test_a_gzip_warc_cut_short_keeps_its_complete_records(tmp_path: Path) -> None:
    data = _warc_bytes(10, gz=True)
    (tmp_path / "a.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    recs = records(tmp_path / "a.warc.gz")
    assert _reasons(recs)[:6] == ["ok"] * 6 and recs[-1].error.reason == "truncated"
    assert [r.url for r in recs[:6]] == [f"https://a.example/{i}" for i in range(6)]


def test_a_cut_text_file_is_not_stored_cut(tmp_path: Path) -> None:
    data = gzip.compress((BODY + " ") .encode() * 2000)
    (tmp_path / "a.txt.gz").write_bytes(data[: len(data) // 2])
    assert _reasons(records(tmp_path / "a.txt.gz")) == ["truncated"]


def test_a_parquet_file_that_expands_beyond_the_limit_is_rejected(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"text": ["x" * 200_000] * 50}), tmp_path / "bomb.parquet", compression="zstd")
    assert (tmp_path / "bomb.parquet").stat().st_size < 20_000
    recs = records(tmp_path / "bomb.parquet", max_decompressed_bytes=1_000_000)
    assert _reasons(recs) == ["ok"] * 5 + ["too_large"] and "max_decompressed_bytes" in recs[-1].error.detail
    pq.write_table(pa.table({"text": [f"{i} " + "x" * 200_000 for i in range(50)]}), tmp_path / "b.parquet",
                   compression="zstd", use_dictionary=False)
    recs = records(tmp_path / "b.parquet", max_record_bytes=100_000)
    assert _reasons(recs) == ["too_large"] * 50 and "max_record_bytes" in recs[0].error.detail


def test_a_fifo_and_a_link_to_a_device_are_rejected_not_read(tmp_path: Path) -> None:
    import os

    (tmp_path / "good.txt").write_text(BODY)
    os.mkfifo(tmp_path / "pipe.jsonl")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    recs = records(tmp_path)
    assert _reasons(recs) == ["ok", "not_a_file", "not_a_file"]
    assert "FIFO" in recs[1].error.detail and "/dev/zero" in recs[2].error.detail


def test_an_unreadable_subfolder_is_a_reject_with_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    import dateline.read as read_pkg

    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.txt").write_text(BODY)
    real_walk = os.walk

    def walk(top, onerror=None, **kw):
        # As os.walk does for a folder it may not list (root may list any, so it is simulated).
        for root, dirs, names in real_walk(top, onerror=onerror, **kw):
            if root.endswith("locked"):
                onerror(PermissionError(13, "Permission denied", root))
                continue
            yield root, dirs, names

    monkeypatch.setattr(read_pkg.os, "walk", walk)
    recs = records(tmp_path)
    assert _reasons(recs) == ["unreadable", "ok"]
    assert recs[0].error.detail == "cannot list the folder: Permission denied"
    assert recs[0].source.path.endswith("locked")


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
