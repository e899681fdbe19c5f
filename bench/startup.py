"""Start-up cost of the read commands (issue 20: a fast start, target 0.3 CPU-s for search, show, stats).

Runs each command in a fresh interpreter `--repeat` times and prints the best CPU seconds (user +
system of the child, from `getrusage`): on a shared machine the wall time of a short command is
mostly waiting for a core, its CPU time far less. With `--before SRC` the same commands also run
with another source tree first on the path (e.g. an export of main), alternating the two in one
run so that both see the same load; `--before-path DIR` puts a folder of packages ahead of the
venv's for that tree only (e.g. the typer release it was measured with).

    PYTHONPATH=src python bench/startup.py --db news.db [--repeat 5] [--before /tmp/main/src]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).parents[1] / "src")


def child_env(path: str) -> dict[str, str]:
    """`path` first on the module path, and bytecode written and read as an installed package's
    is: with PYTHONDONTWRITEBYTECODE set every start would compile the sources again."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": path}


def commands(db: str, article: str, entity: str) -> dict[str, list[str]]:
    return {
        "--help": ["--help"],
        "search said": ["search", "said", "--db", db],
        "show ID": ["show", article, "--db", db],
        "stats": ["stats", "--db", db],
        "entity NAME": ["entity", entity, "--db", db],
        "quotes": ["quotes", "--db", db],
    }


def cpu_of(args: list[str], path: str) -> float:
    """CPU seconds (user + system) of one `python -m dateline.cli ARGS` with `path` as PYTHONPATH."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, "-m", "dateline.cli", *args], env=child_env(path), capture_output=True,
                          text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"dateline {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def first_line(args: list[str]) -> str:
    done = subprocess.run([sys.executable, "-m", "dateline.cli", *args], env=child_env(SRC),
                          capture_output=True, text=True, check=True)
    return done.stdout.split("\n", 1)[0].strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="A small archive (e.g. `dateline ingest examples/wire`).")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--before", help="Another source tree to measure beside this one.")
    ap.add_argument("--before-path", default="", help="Folder of packages ahead of the venv's, for --before.")
    ap.add_argument("--entity", default="", help="Entity for `entity NAME` (default: the archive's first).")
    a = ap.parse_args()

    article = first_line(["search", "said", "--db", a.db, "--ids", "--limit", "1"])
    entity = a.entity or json.loads(first_line(["entities", "--db", a.db, "--json", "--top", "1"]))["id"]
    trees = {"after": SRC}
    if a.before:
        trees = {"before": os.pathsep.join(p for p in (a.before_path, a.before) if p), **trees}
    best: dict[tuple[str, str], float] = {}
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    for round_ in range(a.repeat + 1):
        first = round_ == 0  # writes the bytecode; not counted
        for name, args in commands(a.db, article, entity).items():
            for tree, path in trees.items():  # alternate: both trees see the same moment's load
                cpu = cpu_of(args, path)
                if not first:
                    best[name, tree] = min(best.get((name, tree), cpu), cpu)
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    print(f"\n| command | {' | '.join(trees)} |\n|---|{'---|' * len(trees)}")
    for name in commands(a.db, article, entity):
        print(f"| `dateline {name}` | {' | '.join(f'{best[name, t]:.2f}' for t in trees)} |")


if __name__ == "__main__":
    main()
