"""Hostile inputs, and what dateline makes of each: read / stored / duplicates / rejected by reason.

    python bench/badinput.py [--small] [--keep DIR] [--only readers|extract]

`make_cases` writes one folder per case; `run_case` ingests a folder into a fresh archive (with
extraction off: this bench is about reading, cleaning and storing). The runner ingests every
case in its own process, so that its peak memory (max RSS, from `os.wait4`) is its own, and
checks the accounting against the archive itself: rows in `sources` + records in `rejects` (a
row holds a run of identical rejects) must equal the records read, and the counts must add up.
`--small` runs the same cases at the sizes the tests use (tests/test_badinput.py imports this
module).

The extraction cases (`make_extract_cases`) are records whose shape once made extraction
super-linear (quotation marks, one capitalised word repeated, capitalised sentences without
punctuation, numbers, dates, `a.b.`). They run with extraction on: at one size each shape's
seconds are given as a ratio to an ordinary article of the same size in the same run, and at
the big size each must end within its budget (extract_timeout_s x records), rejected
`too_slow: extract` if it is over it.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import gzip
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import sentence  # noqa: E402

from dateline.archive.compact import unpack_json  # noqa: E402
from dateline.settings import Settings  # noqa: E402


@dataclass(frozen=True, slots=True)
class Scale:
    """Sizes of the big cases, and the limits they run under."""

    no_newline: int  # bytes of the file with no newline
    big_record: int  # bytes of the single oversized record
    bomb: int  # decompressed bytes of the gzip bomb
    max_record_bytes: int
    max_decompressed_bytes: int
    paragraphs: int = 10_000
    attributes: int = 200_000
    csv_field: int = 100_000_000  # bytes of one multi-line CSV field
    sparse_warc: int = 100_000_000  # bytes of zeros in a WARC
    parquet_bomb: int = 5_800_000_000  # bytes a small Parquet file expands to
    warc_records: int = 300  # records of the gzip WARC that is cut short


FULL = Scale(no_newline=200_000_000, big_record=50_000_000, bomb=4_000_000_000,
             max_record_bytes=5_000_000, max_decompressed_bytes=2_000_000_000)
SMALL = Scale(no_newline=1_000_000, big_record=300_000, bomb=40_000_000,
              max_record_bytes=200_000, max_decompressed_bytes=5_000_000, paragraphs=2_000,
              attributes=15_000, csv_field=1_000_000, sparse_warc=3_000_000, parquet_bomb=40_000_000,
              warc_records=30)


@dataclass(slots=True)
class Case:
    name: str
    what: str
    good: int  # records that must be stored (or be duplicates of stored ones)
    reasons: set[str] = field(default_factory=set)  # reasons that must appear among the rejects
    undated_warned: int = 0  # stored articles that must have published null and a date warning
    max_read: int | None = None  # records read at most: more means a reader invented records
    extract: bool = False  # run with extraction on (the extraction cases)
    budget_s: float = 0.0  # the run must end within this many CPU seconds (0: no bound checked)


@dataclass(frozen=True, slots=True)
class ExtractScale:
    """Sizes of the extraction cases, and the budget they run under."""

    same_size: int  # bytes of each shape compared with an ordinary article of this size
    big: int  # bytes of the big version of each shape
    extract_timeout_s: float


EXTRACT_FULL = ExtractScale(same_size=40_000, big=1_000_000, extract_timeout_s=30.0)
EXTRACT_SMALL = ExtractScale(same_size=4_000, big=40_000, extract_timeout_s=5.0)

# The shapes that made extraction super-linear, each as a function of a size in bytes. Each
# stands for something scrapes do produce: runs of marks (a broken quote export), a name
# repeated (a tag cloud), capitalised words with no punctuation (a transcript in title case),
# tables of numbers and of dates, initials (`a.b.`) by the thousand.
SHAPES: dict[str, Callable[[int], str]] = {
    "quotes": lambda n: '"' * n,
    "spaced_quotes": lambda n: '" ' * (n // 2),
    "capitalised_word": lambda n: "Washington " * (n // 11),
    "capitalised_sentences": lambda n: " ".join(
        "The Minister Said Officials In Brussels Would Meet Again" for _ in range(n // 57)),
    "numbers": lambda n: " ".join(str(i * 7919 % 100_000) for i in range(n // 6)),
    "dates": lambda n: " ".join(f"{i % 28 + 1} March {1990 + i % 30}" for i in range(n // 14)),
    "initials": lambda n: "a.b. " * (n // 5),
}


def ordinary(n: int) -> str:
    """An ordinary article of about n bytes: news sentences, paragraphs, the baseline."""
    rng = random.Random(11)
    paras = []
    while sum(map(len, paras)) < n:
        paras.append(" ".join(sentence(rng) for _ in range(4)))
    return "\n\n".join(paras)[:n]


def make_extract_cases(root: Path, scale: ExtractScale) -> list[Case]:
    """One folder per shape at the size of the baseline article, one with every big version."""
    cases = [Case("ordinary_article", f"an ordinary article of {scale.same_size:,} bytes (the baseline)", 1,
                  extract=True)]
    _write(root / "ordinary_article" / "a.txt", ordinary(scale.same_size))
    # A record may spend its extraction budget in its batch and again alone, and cleaning's.
    one = 2 * scale.extract_timeout_s + Settings().clean_timeout_s
    for name, make in SHAPES.items():
        cases.append(Case(name, f"{scale.same_size:,} bytes of {name.replace('_', ' ')}", 0, extract=True,
                          budget_s=one))
        _write(root / name / "a.txt", make(scale.same_size))
    budget = (len(SHAPES) + 1) * one
    cases.append(Case("big_shapes", f"each shape at {scale.big:,} bytes, beside an ordinary article", 1,
                      extract=True, budget_s=budget))
    for name, make in SHAPES.items():
        _write(root / "big_shapes" / f"{name}.txt", make(scale.big))
    _write(root / "big_shapes" / "ordinary.txt", ordinary(4_000))
    return cases


_rng = random.Random(7)


def story(n: int = 3) -> str:
    """A news-like article of n sentences, different on every call."""
    return " ".join(sentence(_rng) for _ in range(n))


def dated(date: str, text: str) -> str:
    return f"date {date} {text}\n"


def _write(path: Path, data: bytes | str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))


def _stream_write(path: Path, chunks: Callable[[], Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        for chunk in chunks():
            fh.write(chunk)


def _warc(path: Path, items: list[tuple[str, str, bytes]], gz: bool = False) -> None:
    """A WARC of (url, content type, body) responses, written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, ctype, body in items:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)


def _page(title: str = "Talks resume") -> str:
    paragraphs = "".join(f"<p>{story()}</p>" for _ in range(3))
    return f"<html><head><title>{title}</title></head><body><article>{paragraphs}</article></body></html>"


def make_cases(root: Path, scale: Scale, dry: bool = False) -> list[Case]:
    """Write every hostile case under root/<name>/ and return what each must yield.

    `dry`: write nothing (the files go to a throwaway folder); for listing the cases.
    """
    cases: list[Case] = []
    if dry:
        with tempfile.TemporaryDirectory() as tmp:
            return make_cases(Path(tmp), replace(scale, no_newline=1, big_record=1, bomb=1, attributes=1,
                                                 csv_field=1, sparse_warc=1, parquet_bomb=1))

    def add(name: str, what: str, good: int, reasons: set[str] | None = None, undated: int = 0,
            max_read: int | None = None) -> Path:
        cases.append(Case(name, what, good, reasons or set(), undated, max_read))
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    d = add("invalid_utf8", "UTF-8 records with stray invalid bytes", 3)
    _write(d / "dump.txt", b"".join([
        dated("2021-01-04", story()).encode(),
        dated("2021-01-05", story()).encode()[:-40] + b"\xff\xfe\xc3 broken \x80\x81 bytes.\n",
        dated("2021-01-06", story()).encode()]))

    d = add("mixed_encodings", "one dump, records in UTF-8, cp1252 and latin-1", 3)
    _write(d / "dump.txt", b"".join([
        dated("2021-02-01", "The caf\u00e9 owner said " + story()).encode("utf-8"),
        dated("2021-02-02", "\u201cWe will not pay,\u201d the minister said \u2013 " + story()).encode("cp1252"),
        dated("2021-02-03", "Z\u00fcrich and S\u00e3o Paulo " + story()).encode("latin-1")]))

    d = add("utf16", "UTF-16 files: LE and BE with a BOM, LE without", 3)
    _write(d / "le_bom.txt", codecs.BOM_UTF16_LE + story(4).encode("utf-16-le"))
    _write(d / "be_bom.txt", codecs.BOM_UTF16_BE + story(4).encode("utf-16-be"))
    _write(d / "le_nobom.txt", story(4).encode("utf-16-le"))

    d = add("utf16_dated", "a dated dump in UTF-16 (BOM): records still split at headers", 3)
    _write(d / "dump.txt", codecs.BOM_UTF16_LE + "".join(
        dated(f"2021-03-0{i}", story()) for i in range(1, 4)).encode("utf-16-le"))

    d = add("binary", "binary files beside a good one", 1, {"binary"})
    _write(d / "noise.txt", random.Random(1).randbytes(20_000))
    _write(d / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    _write(d / "good.txt", story(4))

    d = add("empty", "empty and whitespace-only files and records", 2, {"empty"})
    _write(d / "empty.txt", b"")
    _write(d / "blank.txt", b" \n\t\r\n   \n")
    _write(d / "dump.txt", dated("2021-04-01", story()) + "date 2021-04-02\n\n  \n"
           + "date 2021-04-03   \t \n" + dated("2021-04-04", story()))
    _write(d / "blank.jsonl", '{"text": "   "}\n{"text": ""}\n\n')

    d = add("no_newline", f"{scale.no_newline:,} bytes with no newline, beside good records", 2, {"too_large"})
    filler = b"The ministry said the talks would resume. " * 1024
    _stream_write(d / "dump.txt", lambda: [
        dated("2021-05-01", story()).encode(), b"date 2021-05-02 ",
        *(filler for _ in range(scale.no_newline // len(filler)))])
    _write(d / "good.txt", dated("2021-05-03", story()))

    d = add("big_record", f"one record of {scale.big_record:,} bytes between good ones", 2, {"too_large"})
    line = (story(6) + "\n").encode()
    _stream_write(d / "dump.txt", lambda: [
        dated("2021-06-01", story()).encode(), dated("2021-06-02", story()).encode(),
        *(line for _ in range(scale.big_record // len(line) + 1)),
        dated("2021-06-03", story()).encode()])

    d = add("html_hostile", "HTML nested 200 and 5,000 deep, truncated, tag soup, a tag with many attributes",
            3, {"no_text"})
    for depth in (200, 5_000):
        _write(d / f"nested{depth}.html", "<html><body>" + "<div>" * depth + f"<p>{story(4)}</p>"
               + "</div>" * depth + "</body></html>")
    _write(d / "attributes.html", "<html><body><p " + " ".join(f'a{i}="x"' for i in range(scale.attributes))
           + f">{story(4)}</p></body></html>")
    _write(d / "truncated.html", _page()[:-60])
    _write(d / "soup.html", "<html><body><p>" + "<b><i><span>" * 2000 + "</p></table></td>" * 500)

    d = add("truncated_gzip", "a gzip cut off part way: records before the cut are kept", 5, {"truncated"})
    full = gzip.compress("".join(dated(f"2021-07-{i:02d}", story(6)) for i in range(1, 41)).encode())
    _write(d / "dump.txt.gz", full[: len(full) // 2])

    d = add("gzip_bomb", f"a gzip that decompresses to {scale.bomb:,} bytes", 1, {"too_large"})
    member = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    _stream_write(d / "bomb.jsonl.gz", lambda: [member] * max(1, scale.bomb // 50_000_000))
    _write(d / "good.jsonl", json.dumps({"text": story(4)}) + "\n")

    d = add("malformed_jsonl", "malformed JSON lines among good ones", 3, {"malformed_json", "not_an_object"})
    good = [json.dumps({"text": story(4), "date": "2021-08-0" + str(i)}) for i in range(1, 4)]
    _write(d / "dump.jsonl", "\n".join([
        good[0], "{not json", "[1, 2, 3]", good[1], "null", '"just a string"', '{"text": "unterminated',
        good[2], '{"title": "no text here"}', '{"text": "' + "x" * 10 + '"}']) + "\n")

    d = add("csv", "CSV with no text column; CSV with ragged rows; a cp1252 CSV", 4,
            {"no_text_column", "ragged_row"})
    _write(d / "notext.csv", "title,date\nTalks resume,2021-09-01\n")
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerows([["title", "date", "text"], ["A", "2021-09-01", story()], ["B", "2021-09-02"],
                 ["C", "2021-09-03", story(), "extra", "cells"], ["D", "2021-09-04", story()]])
    _write(d / "ragged.csv", buf.getvalue())
    buf = io.StringIO()
    csv.writer(buf).writerows([["title", "text"], ["E", "Caf\u00e9 owners \u201cprotest\u201d " + story()],
                               ["F", "Na\u00efve plans " + story()]])
    _write(d / "cp1252.csv", buf.getvalue(), encoding="cp1252")

    d = add("warc_not_html", "WARC responses that are images, PDFs and JSON, beside an HTML one", 1, {"not_html"})
    _warc(d / "crawl.warc", [
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(500)),
        ("https://news.example/report.pdf", "application/pdf", b"%PDF-1.4\n" + bytes(500)),
        ("https://news.example/api", "application/json", b'{"ok": true}'),
        ("https://news.example/story", "text/html; charset=utf-8",
         _page().encode()),
    ])

    d = add("bad_dates", "impossible header dates: stored undated, with a warning", 3, undated=2)
    _write(d / "dump.txt", dated("2021-02-30", story()) + dated("99999-01-01", story())
           + dated("2021-02-28", story()))

    d = add("control_chars", "NUL bytes, control characters, right-to-left overrides", 3)
    _write(d / "dump.txt", "".join([
        dated("2021-10-01", "The minister\x00 said\x00 " + story()),
        dated("2021-10-02", "Officials\x07\x1b[31m warned\x0b\x0c of delays. " + story()),
        dated("2021-10-03", "The file \u202egpj.exe\u202c was \u2066isolated\u2069 " + story()),
    ]))
    _write(d / "nul.jsonl", json.dumps({"text": "NUL\u0000 inside JSON " + story()}) + "\n")

    d = add("repeated_paragraphs", f"{scale.paragraphs:,} paragraphs of the same line", 1)
    _write(d / "dump.txt", "date 2021-11-01 " + story() + "\n"
           + "The ministry said the talks would resume next week.\n\n" * scale.paragraphs)
    cases[-1].good = 1
    make_reader_cases(add, scale)
    return cases


AddCase = Callable[..., Path]


def make_reader_cases(add: AddCase, scale: Scale) -> None:
    """Readers that must stream and bound (issue 20): nesting, multi-line CSV fields, sparse and
    cut WARCs, a Parquet bomb, special files in an input folder."""
    good = json.dumps({"text": story(4)})
    deep = "[" * 10_000 + "]" * 10_000
    d = add("deep_json", "JSON nested 10,000 levels, in .json and in a JSON Lines record, between good ones",
            4, {"too_complex"}, max_read=6)
    _write(d / "a.json", f"[{good}, {{\"text\": {deep}}}, {json.dumps({'text': story(4)})}]")
    _write(d / "b.jsonl", f"{json.dumps({'text': story(4)})}\n{{\"text\": {deep}}}\n{json.dumps({'text': story(4)})}\n")

    d = add("csv_multiline_field", f"a CSV field of {scale.csv_field:,} bytes over many lines, between good rows",
            2, {"too_large"}, max_read=3)
    line = story(2).replace('"', "'") + "\n"
    _stream_write(d / "a.csv", lambda: [
        f'title,text\nA,"{story(4)}"\nB,"'.encode(),
        *(line.encode() for _ in range(scale.csv_field // len(line) + 1)),
        f'"\nC,"{story(4)}"\n'.encode()])

    page = _page().encode()
    items = [(f"https://news.example/{i}", "text/html", page) for i in range(3)]
    d = add("sparse_warc", f"a WARC with {scale.sparse_warc:,} zero bytes between its records", 4, max_read=4)
    with (d / "a.warc").open("wb") as fh:
        _warc(d / "head.warc", items[:2])
        fh.write((d / "head.warc").read_bytes())
        fh.seek(fh.tell() + scale.sparse_warc)  # a hole: the file system reads it as zeros
        _warc(d / "tail.warc", items[:2])
        fh.write((d / "tail.warc").read_bytes())
    (d / "head.warc").unlink()
    (d / "tail.warc").unlink()

    d = add("truncated_warc_gz", f"a gzip WARC of {scale.warc_records} records cut at two thirds",
            scale.warc_records // 2, {"truncated"})
    _warc(d / "full.warc", [(f"https://news.example/{i}", "text/html", _page(f"Story {i}").encode())
                            for i in range(scale.warc_records)], gz=True)
    data = (d / "full.warc").read_bytes()
    (d / "full.warc").unlink()
    _write(d / "cut.warc.gz", data[: len(data) * 2 // 3])

    d = add("parquet_bomb", f"a small Parquet file that expands to {scale.parquet_bomb:,} bytes", 1, {"too_large"})
    _parquet_bomb(d / "bomb.parquet", scale.parquet_bomb, scale.max_record_bytes * 10)
    _write(d / "good.jsonl", good + "\n")

    d = add("special_files", "a FIFO and a link to /dev/zero named .jsonl in an input folder", 1,
            {"not_a_file"}, max_read=3)
    _write(d / "good.jsonl", good + "\n")
    if not (d / "pipe.jsonl").exists():
        os.mkfifo(d / "pipe.jsonl")
    if not (d / "zero.jsonl").is_symlink():
        (d / "zero.jsonl").symlink_to("/dev/zero")


def _parquet_bomb(path: Path, expands_to: int, value_bytes: int) -> None:
    """One value of `value_bytes`, dictionary-encoded and repeated: a few KB on disk, `expands_to`
    in rows (the 29 KB file of issue 20 expanded to 5.8 GB and ended the run)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sentence = "The ministry said the talks would resume. "
    value = (sentence * (value_bytes // len(sentence) + 1))[:value_bytes]
    rows = max(1, expands_to // len(value))
    column = pa.DictionaryArray.from_arrays(pa.array([0] * rows, pa.int32()), pa.array([value]))
    pq.write_table(pa.table({"text": column}), path, compression="zstd")


# -- running ----------------------------------------------------------------------------------

def run_case(folder: str, db: str, scale: Scale, extract: ExtractScale | None = None) -> dict[str, Any]:
    """Ingest one case folder into a fresh archive and return its figures (in this process);
    `extract`: with extraction on, under that scale's budget."""
    from dateline.api import ingest

    settings = Settings(db=db, extract=extract is not None, max_record_bytes=scale.max_record_bytes,
                        max_decompressed_bytes=scale.max_decompressed_bytes, write_batch=50,
                        extract_timeout_s=extract.extract_timeout_s if extract else 30.0)
    if extract:
        from dateline.pipeline import load_extractor

        load_extractor(settings)  # the model's load is not the record's cost
    start, cpu = time.perf_counter(), time.process_time()
    result = ingest([folder], settings)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    c = result.counts
    conn = sqlite3.connect(db)
    sources = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    rejects = conn.execute("SELECT COALESCE(SUM(count), 0) FROM rejects").fetchone()[0]  # rows hold runs
    undated_warned = sum(
        1 for (j, text) in conn.execute("SELECT json, text FROM articles WHERE published IS NULL")
        if any("date" in w for w in unpack_json(j, text).get("warnings", [])))
    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return {"read": c.read, "stored": c.stored, "duplicates": c.duplicates + c.already,
            "rejected": c.rejected, "reasons": c.reasons, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),  # what budgets count (one process: all the work is here)
            "rows": sources + rejects, "undated_warned": undated_warned, "integrity": integrity}


def check(case: Case, r: dict[str, Any]) -> list[str]:
    """What is wrong with a case's figures; empty when it behaved."""
    problems = []
    if r["read"] != r["stored"] + r["duplicates"] + r["rejected"]:
        problems.append("read != stored + duplicates + rejected")
    if r["rows"] != r["read"]:
        problems.append(f"archive holds {r['rows']} sources+rejects for {r['read']} records read")
    if r["stored"] + r["duplicates"] < case.good:
        problems.append(f"only {r['stored'] + r['duplicates']} of {case.good} good records kept")
    missing = case.reasons - set(r["reasons"])
    if missing:
        problems.append(f"no reject with reason {', '.join(sorted(missing))}")
    if r["undated_warned"] < case.undated_warned:
        problems.append(f"{r['undated_warned']} undated-with-warning, expected {case.undated_warned}")
    if r["integrity"] != "ok":
        problems.append(f"integrity_check: {r['integrity']}")
    if case.max_read is not None and r["read"] > case.max_read:
        problems.append(f"{r['read']} records read, at most {case.max_read} exist: records invented")
    if case.budget_s and r.get("cpu_seconds", r["seconds"]) > case.budget_s:
        problems.append(f"took {r.get('cpu_seconds', r['seconds'])} CPU-s, over its budget of {case.budget_s:g} s")
    return problems


def _child(folder: str, db: str, small: bool, extract: bool = False) -> dict[str, Any]:
    """Run one case in a fresh process; adds its peak memory in MB."""
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    args = ([sys.executable, __file__, "--worker", folder, db] + (["--small"] if small else [])
            + (["--extract"] if extract else []))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        return {"crash": f"exit {proc.returncode}"}
    r = json.loads(out)
    # ru_maxrss of a child counts the parent's memory at the fork (Linux keeps it across exec),
    # so the parent's case-writing would show in every case: the child's own high-water mark
    # (VmHWM, reset at exec) is used where the system gives it.
    r["peak_mb"] = r.pop("hwm_mb", None) or round(usage.ru_maxrss / 1024)
    return r


def _own_peak_mb() -> int | None:
    """This process's peak resident memory since exec, in MB (Linux); None elsewhere."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    return None


def table(cases: list[Case], results: list[dict[str, Any]]) -> str:
    head = "| case | read | stored | duplicates | rejected (by reason) | seconds | peak MB | check |"
    rows = [head, "|---|---:|---:|---:|---|---:|---:|---|"]
    for case, r in zip(cases, results, strict=True):
        if "crash" in r:
            rows.append(f"| {case.name} | | | | | | | CRASH {r['crash']} |")
            continue
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(r["reasons"].items())) or "-"
        problems = check(case, r)
        rows.append(f"| {case.name} | {r['read']} | {r['stored']} | {r['duplicates']} | {r['rejected']}: "
                    f"{reasons} | {r['seconds']} | {r['peak_mb']} | {'; '.join(problems) or 'ok'} |")
    return "\n".join(rows)


def extract_table(cases: list[Case], results: list[dict[str, Any]]) -> str:
    """Each shape's extraction seconds as a ratio to the ordinary article's, in the same run."""
    base = next((r["cpu_seconds"] for c, r in zip(cases, results, strict=True) if c.name == "ordinary_article"
                 and "crash" not in r), None)
    rows = ["| case | seconds | CPU seconds | x ordinary article (CPU) | stored | rejected (by reason) | check |",
            "|---|---:|---:|---:|---:|---|---|"]
    for case, r in zip(cases, results, strict=True):
        if "crash" in r:
            rows.append(f"| {case.name} | | | | | | CRASH {r['crash']} |")
            continue
        ratio = f"{r['cpu_seconds'] / base:.2f}" if base and case.name != "big_shapes" else "-"
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(r["reasons"].items())) or "-"
        rows.append(f"| {case.name} | {r['seconds']} | {r['cpu_seconds']} | {ratio} | {r['stored']} | "
                    f"{r['rejected']}: {reasons} | {'; '.join(check(case, r)) or 'ok'} |")
    return "\n".join(rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", action="store_true", help="the sizes the tests use")
    ap.add_argument("--keep", help="write the cases here and keep them")
    ap.add_argument("--only", help="run only these cases: comma-separated names, or readers / extract")
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--extract", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    scale = SMALL if args.small else FULL
    escale = EXTRACT_SMALL if args.small else EXTRACT_FULL
    if args.worker:
        r = run_case(args.worker[0], args.worker[1], scale, escale if args.extract else None)
        print(json.dumps({**r, "hwm_mb": _own_peak_mb()}))
        return 0
    bad: list[str] = []
    total = 0
    groups_wanted = {"readers", "extract"} if args.only in (None, "readers", "extract") else set()
    if args.only in ("readers", "extract"):
        groups_wanted = {args.only}
    names = set(args.only.split(",")) if args.only and not groups_wanted else None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        groups = []
        if "readers" in groups_wanted or names:
            groups.append(("readers", make_cases(root / "cases", scale), table))
        if "extract" in groups_wanted or names:
            groups.append(("extract", make_extract_cases(root / "extract_cases", escale), extract_table))
        for group, all_cases, render in groups:
            cases = [c for c in all_cases if names is None or c.name in names]
            if not cases:
                continue
            folder = root / ("cases" if group == "readers" else "extract_cases")
            results = []
            for case in cases:
                r = _child(str(folder / case.name), str(root / f"{group}_{case.name}.db"), args.small, case.extract)
                print(f"{case.name}: {r}", file=sys.stderr)
                results.append(r)
            print(render(cases, results) + "\n")
            bad += [c.name for c, r in zip(cases, results, strict=True) if "crash" in r or check(c, r)]
            total += len(cases)
    print(f"{total} cases; {total - len(bad)} ok" + (f"; failing: {', '.join(bad)}" if bad else ""))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
