"""Coverage-guided fuzzing of the readers and the cleaner with atheris (optional: `pip install dateline[fuzz]`).

    python bench/fuzz_atheris.py -runs=20000 [-max_len=4096] [CORPUS_DIR]

The first byte of each input picks the format (or sniffing); the rest is the file. Any
exception out of `read_inputs` or `clean_one`, or a clean that reports an internal error,
is a crash that atheris saves and reports. Prints the number of inputs run at the end.
"""

from __future__ import annotations

import atexit
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from dateline.pipeline import clean_one
    from dateline.read import read_inputs
    from dateline.read.sniff import FORMATS
    from dateline.settings import Settings

SETTINGS = Settings(extract=False, max_record_bytes=5_000, max_decompressed_bytes=50_000, clean_timeout_s=5)
CHOICES = [None, *FORMATS]
NAMES = ["in.txt", "in.jsonl", "in.csv", "in.html", "in.warc", "in.gz", "in"]
TMP = tempfile.mkdtemp(prefix="dateline-fuzz-")
runs = 0


def one_input(data: bytes) -> None:
    global runs
    runs += 1
    if not data:
        return
    fmt = CHOICES[data[0] % len(CHOICES)]
    path = os.path.join(TMP, NAMES[data[0] % len(NAMES)])
    with open(path, "wb") as fh:
        fh.write(data[1:])
    for rec in read_inputs([path], fmt, SETTINGS.max_record_bytes, SETTINGS.max_decompressed_bytes):
        outcome = clean_one(rec, SETTINGS)
        if outcome.rejected is not None and outcome.rejected.reason == "internal_error":
            raise AssertionError(outcome.rejected.detail)
    os.unlink(path)


atexit.register(lambda: print(f"\natheris: {runs} inputs run", file=sys.stderr))

if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
