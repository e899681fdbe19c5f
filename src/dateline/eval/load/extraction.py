"""Zyte's article-extraction benchmark: news pages (gzipped HTML) with each page's gold
`articleBody` and `url`, and what other extractors returned for the same pages (`output/`).

Pages are keyed by the sha256 of their HTML; the key also splits them into a half to develop
on and a half held out (by the parity of its first hex digit: a hash, so no choice of ours).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.read.decode import decode


@dataclass(slots=True)
class Page:
    key: str
    url: str | None
    html: str
    body: str  # the gold article body

    @property
    def half(self) -> str:
        return "dev" if int(self.key[0], 16) % 2 == 0 else "held_out"


def iter_pages(folder: Path) -> Iterator[Page]:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(gold):
        path = folder / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue
        html, _ = decode(gzip.decompress(path.read_bytes()))
        yield Page(key, gold[key].get("url"), html, gold[key].get("articleBody") or "")


def peer_outputs(folder: Path) -> dict[str, dict[str, str]]:
    """{extractor name: {page key: the body it extracted}} from the stored `output/*.json`.

    A file is either the pages themselves or `{"version": ..., "output": {pages}}`."""
    out: dict[str, dict[str, str]] = {}
    for path in sorted((folder / "output").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data.get("output"), dict):
            data = data["output"]
        out[path.stem] = {
            k: (v.get("articleBody") if isinstance(v, dict) else None) or "" for k, v in data.items()
        }
    return out
