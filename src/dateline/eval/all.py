"""Every suite whose data is present, figures written to a Markdown page (`make eval`).

    python -m dateline.eval.all [DATA] docs/quality.md [--limit-ner N] ... [--only SUITE ...]

A suite's hand-written paragraphs on the page (anything but its heading, Documents line, table
and `Note: ` lines) are kept below its new figures; a suite not run keeps its section whole.

DATA is the shared folder or its data/ folder; without it, $DATELINE_DATA or ../shared beside
the clone.

Per-suite limits keep `make eval` to a few minutes on two cores; the defaults below are
written into the page so a reader knows what was measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

from dateline.eval.result import SuiteResult
from dateline.eval.suites import LAYOUT, SUITES, data_folder
from dateline.settings import DATA_ENV, gold_data_folder, shared_folder

# None = the whole data set. Measured on 2 shared cores: reuters (all 19,043 stories with a
# body) ~1 min, clean (892 stories) ~15 s, timeml (256 documents, dateparser) ~15 s,
# ner (830 documents of 10 sentences, spaCy twice) ~1-2 min.
DEFAULT_LIMITS: dict[str, int | None] = {
    "reuters": None,
    "timeml": None,
    "ner": None,
    "clean": None,
    "quotes": 100,  # of 924 articles: about 2 min (dateline and textacy each parse them)
    "meantime": None,
    "html": None,  # 181 pages: about 2 min (trafilatura runs three times a page)
    "stories": None,  # 462 ECB+ documents through the pipeline: about 2 min
    "events": None,  # 161 + 284 sentences and 200 MUC-4 documents: about a minute
    "places": 1500,  # Reuters stories through the whole pipeline: about 6 min of one core
    # all of PolNeAR and MEANTIME, the first 3,000 Reuters stories: about 11 min of one core
    "archive": None,
    # the first 500 of Reuters and PolNeAR, all of factRuEval and the Zyte pages: 11-12 min on the
    # shared machine under load (lingua reads its models for 2-3 min; Natasha about 1 s a document)
    "languages": 500,
}


# Suites scored on a held-out part: the first N documents are skipped (the part the rules were
# looked at on).
DEFAULT_OFFSETS: dict[str, int] = {"places": 1000}


def to_markdown(result: SuiteResult, seconds: float, limit: int | None) -> str:
    has_baseline = any(r.baseline for r in result.rows)
    head = ["measure", "dateline"] + ([result.baseline_name or "baseline"] if has_baseline else [])
    head.append("target")
    lines = [
        f"## {result.suite}",
        "",
        f"Documents: {'all' if limit is None else f'first {limit}'}; {seconds:.0f} s.",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    for r in result.rows:
        cells = (
            [r.measure.strip(), r.dateline] + ([r.baseline] if has_baseline else []) + [r.target]
        )
        lines.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    lines.extend(f"\nNote: {n}" for n in result.notes)
    return "\n".join(lines) + "\n"


_SECTION = re.compile(r"^## (\S+)[ \t]*$", re.M)


def old_sections(page: str) -> dict[str, str]:
    """The page's sections by suite name, each from its `## ` heading to the next one."""
    marks = list(_SECTION.finditer(page))
    return {
        m.group(1): page[m.start(): marks[i + 1].start() if i + 1 < len(marks) else len(page)]
        for i, m in enumerate(marks)
    }


def _generated(paragraph: str) -> bool:
    # What to_markdown writes: the heading, the Documents line, the table and `Note: ` lines.
    # Everything else in a section was written by a person (a `###` reading, a hand check, a
    # before/after table of a branch) and is carried over.
    head = paragraph.lstrip()
    return head.startswith(("## ", "Documents:", "|", "Note: "))


def hand_written(section: str) -> str:
    """The paragraphs of an old section that `make eval` did not write, in their order."""
    kept = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", section) if p.strip()]
    kept = [p for p in kept if not _generated(p)]
    return "\n\n".join(kept)


def merge_page(sections: dict[str, str], old: str) -> list[str]:
    """Each suite's new section followed by the hand-written paragraphs of its old one.

    A rerun must not erase what people wrote beside the figures (hand checks of stories, readings
    of the languages table): those notes are the only record of checks no suite can repeat. A
    suite skipped this run (its data absent) keeps its old section whole.
    """
    before = old_sections(old)
    out = []
    for suite in LAYOUT:
        if suite in sections:
            notes = hand_written(before.get(suite, ""))
            out.append(sections[suite] + (f"\n{notes}\n" if notes else ""))
        elif suite in before:
            out.append(before[suite].rstrip("\n") + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", help=f"default: ${DATA_ENV} or ../shared beside the clone")
    parser.add_argument("out", type=Path)
    for suite in LAYOUT:
        parser.add_argument(f"--limit-{suite}", type=int, default=DEFAULT_LIMITS[suite])
    parser.add_argument("--only", nargs="+", choices=list(LAYOUT), metavar="SUITE",
                        help="run these suites; the others keep their sections of the page")
    args = parser.parse_args(argv)
    args.data = gold_data_folder(args.data or shared_folder())
    if not args.data.is_dir():
        print(f"no data folder at {args.data}: nothing to evaluate (set {DATA_ENV} to the shared folder "
              "that holds data/, or give it as the first argument)", file=sys.stderr)
        return 0
    sections: dict[str, str] = {}
    for suite in LAYOUT:
        if args.only and suite not in args.only:
            continue
        folder = data_folder(suite, args.data)
        if folder is None:
            print(f"{suite}: no data under {args.data}, skipped", file=sys.stderr)
            continue
        limit = getattr(args, f"limit_{suite}")
        start = time.perf_counter()
        offset = DEFAULT_OFFSETS.get(suite, 0)
        result = SUITES[suite](folder, limit, None, **({"offset": offset} if offset else {}))
        seconds = time.perf_counter() - start
        print(f"{suite}: done in {seconds:.0f} s", file=sys.stderr)
        sections[suite] = to_markdown(result, seconds, limit)
    page = [
        "# Quality",
        "",
        f"Measured on {dt.date.today().isoformat()} by `make eval` "
        "(`python -m dateline.eval.all ../shared docs/quality.md`).",
        "",
        "Targets are those of issues 8, 9 and 15; `MISSED` marks a figure below its target.",
        "",
    ]
    old = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    first = _SECTION.search(old)
    head = "\n".join(page) + "\n"
    if args.only and first:
        head = old[: first.start()]  # a partial run: the page's header still holds for the rest
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(head + "\n".join(merge_page(sections, old)), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
