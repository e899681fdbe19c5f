"""Amounts by unit on Reuters-21578: what the wire abbreviations (`dlrs`, `pct`, `mln`) yield.

`find_amounts` runs on every Reuters body (no model), and the table counts the amounts of
each unit, the share of them on table rows (`extract.tables`), and a seeded sample to check
by hand. Run it on two checkouts to compare before and after a change:

    PYTHONPATH=src python bench/amount_units.py [--sample 50] [--seed 13]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from dateline.extract.amounts import find_amounts
from dateline.extract.tables import in_table, table_lines

sys.path.insert(0, str(Path(__file__).parent))
from extract import REUTERS, reuters_bodies  # noqa: E402  (the benchmark's own reader)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sample", type=int, default=0, help="print N random amounts to check")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--limit", type=int, default=10**6, help="read at most N bodies")
    args = ap.parse_args()
    bodies = reuters_bodies(REUTERS, args.limit)
    units: Counter[str] = Counter()
    on_rows = 0
    found: list[tuple[str, int, int, str | None, float]] = []
    for text in bodies:
        rows = table_lines(text)
        for a in find_amounts(text):
            units[a.unit or "(count)"] += 1
            on_rows += in_table(rows, a.start)
            found.append((text, a.start, a.end, a.unit, a.value))
    total = sum(units.values())
    print(f"{len(bodies)} bodies, {total} amounts, {on_rows} on table rows")
    print(f"{'unit':<10} {'amounts':>8} {'share':>7}")
    for unit, n in units.most_common(15):
        print(f"{unit:<10} {n:>8} {n / total:>7.3f}")
    if args.sample:
        rng = random.Random(args.seed)
        for text, start, end, unit, value in rng.sample(found, min(args.sample, len(found))):
            context = text[max(0, start - 40) : end + 25].replace("\n", " ")
            print(f"- [{text[start:end]}] {value:g} {unit or '(count)'} :: {context}")


if __name__ == "__main__":
    main()
