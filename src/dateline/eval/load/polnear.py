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
    for d in _first_versions(path):
        blocks = [" ".join(b.split()) for b in _BLOCKS.split(d.get("text") or "")]
        paragraphs = [b for b in blocks[1:] if b]
        yield Story(d["filename"], d.get("publication_date"), d.get("title"), paragraphs)


def _first_versions(path: Path) -> Iterator[dict]:
    """One line per article: the first annotator's version (a file has one line per annotator)."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    seen: set[str] = set()
    for f in files:
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                d = json.loads(line)
                if d["filename"] not in seen:
                    seen.add(d["filename"])
                    yield d


# Quotation marks that open a direct quote in PolNeAR's content spans.
OPENING_MARKS = ("\u201c", '"', "``", "\u2018", "'")


@dataclass(slots=True)
class Attribution:
    """One gold attribution: what was said (content), by whom (source), as the text has them."""

    content: str
    source: str
    cue: str
    direct: bool  # the content opens with a quotation mark
    at: int  # where the source starts in the original text: gives the order of sources


@dataclass(slots=True)
class AttributedStory:
    id: str
    published: str | None
    title: str | None
    body: str  # the text without its headline block, paragraphs split by blank lines
    attributions: list[Attribution]


def _joined(part: list[dict] | None) -> str:
    return " ".join(p.get("text") or "" for p in part or []).strip()


def iter_attributed(path: Path) -> Iterator[AttributedStory]:
    """Each article once (the first annotator's version met), with its attributions.

    Attributions without content or source (a cue alone) are left out: there is nothing to
    match a quote or a speaker against.
    """
    for d in _first_versions(path):
        text = d.get("text") or ""
        head = _BLOCKS.search(text)
        body = text[head.end() :] if head else text
        attributions = []
        for a in d.get("attributions") or []:
            content, source = _joined(a.get("content")), _joined(a.get("source"))
            if not content or not source:
                continue
            direct = content.startswith(OPENING_MARKS)
            spans = [sp for p in a["source"] for sp in p.get("spans") or []]
            at = min((sp[0] for sp in spans), default=0)
            cue = _joined(a.get("cue"))
            attributions.append(Attribution(content, source, cue, direct, at))
        attributions.sort(key=lambda a: a.at)
        yield AttributedStory(d["filename"], d.get("publication_date"), d.get("title"), body, attributions)
