"""Read+clean throughput and peak memory on a generated corpus, against a whitespace-regex pass.

    python bench/clean.py [--sizes 10000 100000]

Each size runs in a fresh process so that its peak memory (max RSS) is its own. The target
is a ratio, not an absolute figure: read+clean at no less than a quarter of the speed of one
`re.sub(r"\\s+", " ", text)` pass over the same text, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402


def worker(path: str, what: str) -> dict[str, float]:
    size = os.path.getsize(path)
    start = time.process_time()  # CPU time: the machine is shared, wall time is noisy
    n = 0
    if what == "regex":
        with open(path, encoding="utf-8") as fh:
            re.sub(r"\s+", " ", fh.read())
        n = sum(1 for _ in open(path, encoding="utf-8") if _.startswith("date "))
    else:
        from dateline.clean import clean_record
        from dateline.model import Rejected
        from dateline.read import read_inputs

        for raw in read_inputs([path]):
            try:
                clean_record(raw)
            except Rejected:
                pass
            n += 1
    seconds = time.process_time() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"items": n, "seconds": seconds, "mb": size / 1e6, "rss_mb": rss_mb}


def run(path: Path, what: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--worker", str(path), what],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="read+clean vs one whitespace-regex pass over the same file (CPU seconds, one core)")
    for col in ("records", "MB", "stage", "seconds", "records/s", "MB/s", "peak RSS MB", "ratio to regex"):
        table.add_column(col, justify="right")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = write_corpus(n, Path(tmp))
            ref = run(path, "regex")
            got = run(path, "clean")
            ref_speed = ref["mb"] / ref["seconds"]
            for name, r in (("regex pass", ref), ("read+clean", got)):
                speed = r["mb"] / r["seconds"]
                table.add_row(f"{n:,}", f"{r['mb']:.1f}", name, f"{r['seconds']:.2f}", f"{n / r['seconds']:,.0f}",
                              f"{speed:.2f}", f"{r['rss_mb']:.0f}", f"{speed / ref_speed:.2f}")
    Console(width=150).print(table)


if __name__ == "__main__":
    main()
