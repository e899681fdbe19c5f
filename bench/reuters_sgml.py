"""Reuters-21578's own `.sgm` files read as a user would: dateline place against the DATELINE tags.

    python bench/reuters_sgml.py [--files 10-19] [--limit N]

Each story is read by `read/sgml.py` (sniffed, not told the format) and cleaned; the place the
clean stage finds is compared with the place written in the story's DATELINE element (the eval
loader's `gold_place`, read from the same file on its own). Stories without a BODY are counted
apart: they have no dateline to find.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from dateline.clean import clean_record
from dateline.eval.load.reuters import gold_place, iter_stories
from dateline.model import Rejected
from dateline.read import read_inputs
from dateline.settings import Settings

DATA = Path(__file__).resolve().parents[1].parent.parent / "shared" / "data" / "reuters21578"


def _span(text: str) -> range:
    lo, _, hi = text.partition("-")
    return range(int(lo), int(hi or lo) + 1)


def measure(folder: Path, files: range, limit: int | None = None) -> dict[str, object]:
    paths = [folder / f"reut2-{i:03d}.sgm" for i in files if (folder / f"reut2-{i:03d}.sgm").is_file()]
    gold: dict[str, str | None] = {}
    for story in iter_stories(folder):
        if any(p.name == story.file for p in paths) and story.body and story.body.strip():
            gold[story.newid] = gold_place(story.dateline)
    settings = Settings(extract=False)
    n = ok = read = stored = 0
    reasons: Counter[str] = Counter()
    misses: list[str] = []
    start = time.perf_counter()
    for raw in read_inputs([str(p) for p in paths]):
        read += 1
        newid = next((t.split(":", 1)[1] for t in raw.tags if t.startswith("newid:")), None)
        try:
            article = clean_record(raw, settings)
            stored += 1
        except Rejected as exc:
            reasons[exc.reason] += 1
            article = None
        place = gold.get(newid or "")
        if not place:
            continue
        n += 1
        found = article.dateline.place if article and article.dateline else None
        if found is not None and " ".join(found.split()).casefold() == " ".join(place.split()).casefold():
            ok += 1
        elif len(misses) < 15:
            misses.append(f"{newid}: gold {place!r}, got {found!r}")
        if limit and n >= limit:
            break
    return {"files": len(paths), "records": read, "cleaned": stored, "rejected": dict(reasons),
            "with_place": n, "place_right": ok, "place": round(ok / n, 4) if n else None,
            "seconds": round(time.perf_counter() - start, 1), "misses": misses}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--files", default="10-19", help="file numbers, e.g. 0-9 (develop) or 10-19 (report)")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    if not Path(args.data).is_dir():
        print(f"no Reuters-21578 at {args.data}", file=sys.stderr)
        return 2
    r = measure(Path(args.data), _span(args.files), args.limit)
    for k, v in r.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
