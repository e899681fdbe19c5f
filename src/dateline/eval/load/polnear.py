"""PolNeAR news articles (US outlets, 2015-16) as clean paragraphs: the `clean` suite's source.

One line per article and annotator: each article is taken once. The first block of the text
is the headline (and sometimes a subhead) and is not part of the body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_BLOCKS = re.compile(r"\n\s*\n")


@dataclass(slots=True)
class Story:
    id: str
    published: str | None
    title: str | None
    paragraphs: list[str]


def iter_stories(path: Path) -> Iterator[Story]:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    seen: set[str] = set()
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                d = json.loads(line)
                if d["filename"] in seen:
                    continue
                seen.add(d["filename"])
                blocks = [" ".join(b.split()) for b in _BLOCKS.split(d.get("text") or "")]
                paragraphs = [b for b in blocks[1:] if b]
                yield Story(d["filename"], d.get("publication_date"), d.get("title"), paragraphs)
