"""Fuzzing the readers: any bytes in, records out, no exception escapes, every record accounted.

DATELINE_FUZZ_EXAMPLES sets the examples per test (default small, so `make test` stays fast);
run with `--hypothesis-show-statistics` to see how many cases ran.
"""

from __future__ import annotations

import gzip
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import RawRecord
from dateline.pipeline import clean_one
from dateline.read import read_inputs
from dateline.read.sniff import FORMATS
from dateline.settings import Settings

EXAMPLES = int(os.environ.get("DATELINE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces of every format, so that generated input gets past the first check of each reader.
PIECES = [
    b"date 2021-02-30 ", b"date 99999-01-01\n", b"date 2021-09-09 The minister said.\n", b"\n", b"\r\n",
    b'{"text": "Officials said talks resume."}\n', b'{"text": ', b"[", b"]", b"{", b'"', b",", b"\x00",
    b"title,text,date\n", b'A,"Talks resume, officials said.",2021-01-01\n', b"\t", b"WARC/1.0\r\n",
    b"WARC-Type: response\r\nContent-Length: 10\r\n\r\n", b"<html><body><p>", b"</p>", b"<div>",
    b"PAR1", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"\xe2\x80\xae",
    b"Caf\xe9 \x93quoted\x94 ", b"\xc3\x28", b"The central bank said prices rose 12 percent. ",
    b'<REUTERS NEWID="1">', b"<DATE>26-FEB-1987</DATE>", b"<DATELINE>OSLO, Feb 26 - </DATELINE><BODY>",
    b"</BODY></TEXT></REUTERS>\n", b'<?xml version="1.0"?>', b"<rss><channel><item><title>T</title>",
    b"<description>&lt;p&gt;Talks resume.&lt;/p&gt;</description></item>", b"</channel></rss>",
    b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">', b"</entry></feed>",
    b"<nitf><body><body.content><p>", b"</body.content></body></nitf>", b'<!DOCTYPE r [<!ENTITY a "aaaa">]>&a;',
]
hostile_bytes = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=40)), max_size=40).map(b"".join),
)
SETTINGS = Settings(extract=False, max_record_bytes=5_000, max_decompressed_bytes=50_000)


def _read_all(data: bytes, name: str, fmt: str | None) -> list[RawRecord]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return list(read_inputs([str(path)], fmt, SETTINGS.max_record_bytes, SETTINGS.max_decompressed_bytes))


def _check(records: list[RawRecord]) -> None:
    for rec in records:
        assert isinstance(rec, RawRecord)
        if rec.error is None:
            assert rec.text is not None or rec.html is not None
        outcome = clean_one(rec, SETTINGS)
        assert (outcome.article is None) != (outcome.rejected is None)
        # internal_error is what clean_one makes of a bug: fuzzing must never find one.
        assert outcome.rejected is None or outcome.rejected.reason != "internal_error", outcome.rejected


@FUZZ
@given(hostile_bytes, st.sampled_from([None, *FORMATS]), st.sampled_from(["in.txt", "in.jsonl", "in.csv", "in"]))
def test_any_bytes_in_any_format_give_records_and_no_exception(data: bytes, fmt: str | None, name: str) -> None:
    _check(_read_all(data, name, fmt))


@FUZZ
@given(hostile_bytes, st.floats(min_value=0.0, max_value=1.0))
def test_compressed_and_cut_streams_give_records_and_no_exception(data: bytes, keep: float) -> None:
    packed = gzip.compress(data)
    _check(_read_all(packed[: max(2, int(len(packed) * keep))], "in.jsonl.gz", None))
