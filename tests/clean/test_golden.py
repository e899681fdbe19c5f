"""Whole articles against golden JSON files; `UPDATE_GOLDEN=1 pytest` rewrites them."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dateline.clean import clean_record
from dateline.read import read_inputs

GOLDEN = Path(__file__).parents[1] / "fixtures" / "golden"
INPUTS = sorted(p for p in GOLDEN.iterdir() if p.suffix in (".txt", ".html"))


def _article_json(path: Path) -> list[dict]:
    out = []
    for raw in read_inputs([str(path)]):
        d = clean_record(raw).to_dict()
        d["source"]["path"] = path.name
        out.append({k: d[k] for k in ("id", "source", "published", "title", "dateline", "text",
                                      "paragraphs", "notices", "repairs", "removed", "warnings")})
    return out


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_golden(path: Path) -> None:
    expected_file = path.with_suffix(path.suffix + ".json")
    got = _article_json(path)
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n")
    assert got == json.loads(expected_file.read_text())
