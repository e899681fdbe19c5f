"""Dump every extractor output on real texts, to prove a speed change left outputs alone.

`find_times` and `find_amounts` run on the raw texts; the whole extract stage (`_run`) runs
on spaCy docs parsed once and cached beside the dump (the model is not what is being
changed, and parsing 2,400 texts on a shared machine takes minutes).

    PYTHONPATH=src python bench/extract_dump.py dump /tmp/before.json
    PYTHONPATH=src python bench/extract_dump.py compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from spacy.tokens import DocBin

from dateline.eval.load import meantime, polnear
from dateline.extract import _run, find_amounts, find_times
from dateline.extract.nlp import get_nlp
from dateline.model import Article, Source, Span
from dateline.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from extract import REUTERS, reuters_bodies  # noqa: E402  (the benchmark's own reader)

DATA = Path("/work/shared/data")
Text = tuple[str, str | None]  # (text, published)


def corpora(n_reuters: int, n_polnear: int) -> dict[str, list[Text]]:
    reuters = [(t, "1987-03-02") for t in reuters_bodies(REUTERS, n_reuters)]
    stories = []
    for s in polnear.iter_stories(DATA / "polnear" / "polnear-train-dev.jsonl"):
        if len(stories) >= n_polnear:
            break
        stories.append(("\n\n".join(s.paragraphs), s.published))
    mt = [(d.text, d.dct) for d in meantime.iter_docs(DATA / "meantime" / "meantime_en.jsonl")]
    return {"reuters": reuters, "polnear": stories, "meantime": mt}


def _article(i: int, text: str, published: str | None) -> Article:
    return Article(id=str(i), source=Source("dump", i, "txt"), text=text,
                   paragraphs=[Span(0, len(text))], published=published)


def _facts(a: Article) -> dict[str, Any]:
    return {k: [asdict(x) for x in getattr(a, k)]
            for k in ("entities", "quotes", "amounts", "times", "events")}


def _docs(name: str, texts: list[Text], cache: Path) -> list:  # type: ignore[type-arg]
    nlp = get_nlp(Settings().model)
    path = cache / f"{name}.spacy"
    if not path.exists():
        docs = nlp.pipe((t for t, _ in texts), batch_size=Settings().batch_size)
        DocBin(docs=docs).to_disk(path)
    # Read back even on the first run, so that every dump sees the very same docs.
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def dump(cache: Path, n_reuters: int, n_polnear: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, texts in corpora(n_reuters, n_polnear).items():
        docs = _docs(name, texts, cache)
        rows = []
        for i, ((text, pub), doc) in enumerate(zip(texts, docs, strict=True)):
            assert doc.text == text, f"{name} {i}: cached doc is not this text"
            rows.append({
                "times": [asdict(t) for t in find_times(text, pub)],
                "amounts": [asdict(a) for a in find_amounts(text)],
                "facts": _facts(_run(_article(i, text, pub), doc)),
            })
        out[name] = rows
    return out


def _counts(rows: list[dict[str, Any]]) -> str:
    times = sum(len(r["times"]) for r in rows)
    amounts = sum(len(r["amounts"]) for r in rows)
    facts = sum(len(v) for r in rows for v in r["facts"].values())
    return f"{len(rows)} texts, {times} times, {amounts} amounts, {facts} facts in all"


def compare(old: dict[str, Any], new: dict[str, Any]) -> bool:
    same = True
    for name, rows in old.items():
        diff = [i for i, (a, b) in enumerate(zip(rows, new[name], strict=True)) if a != b]
        print(f"{name:<9} {_counts(rows)}: {'identical' if not diff else f'{len(diff)} differ'}")
        for i in diff[:5]:
            for key in ("times", "amounts", "facts"):
                if rows[i][key] != new[name][i][key]:
                    print(f"  text {i} {key}:\n    before {rows[i][key]}\n    after  "
                          f"{new[name][i][key]}")
        same = same and not diff
    return same


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=("dump", "compare"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/extract_dump_docs"))
    ap.add_argument("--reuters", type=int, default=2000)
    ap.add_argument("--polnear", type=int, default=300)
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    new = dump(args.cache, args.reuters, args.polnear)
    if args.mode == "dump":
        args.path.write_text(json.dumps(new), encoding="utf-8")
        for name, rows in new.items():
            print(f"{name:<9} {_counts(rows)}")
        return
    old = json.loads(args.path.read_text(encoding="utf-8"))
    sys.exit(0 if compare(old, json.loads(json.dumps(new))) else 1)


if __name__ == "__main__":
    main()
