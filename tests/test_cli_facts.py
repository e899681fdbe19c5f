"""End-to-end: ingest with the real model, then the fact commands (one model load for all)."""

from __future__ import annotations

import json

import pytest

from dateline.cli import main

pytestmark = pytest.mark.slow

STORY = (
    "date 2024-03-07 BRUSSELS (Reuters) - Foreign Minister Ana Ruiz said on Thursday that the "
    "National Electoral Board (NEB) would publish results within a week.\n"
    '"We expect a calm count," Ruiz told reporters, adding that some 2,000 observers had been '
    "deployed and that the vote had cost more than $40 million.\n"
    "date 2024-03-08 The NEB said turnout reached 61 percent, according to Ruiz.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("facts")
    (d / "dump.txt").write_text(STORY)
    path = str(d / "a.db")
    assert main(["ingest", str(d / "dump.txt"), "--db", path]) == 0
    return path


def _json_lines(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict]:
    assert main(list(argv)) == 0
    return [json.loads(x) for x in capsys.readouterr().out.splitlines()]


def test_entities_and_alias(capsys: pytest.CaptureFixture[str], db: str) -> None:
    rows = _json_lines(capsys, "entities", "--db", db, "--json", "--top", "50")
    names = {r["name"]: r for r in rows}
    assert names["National Electoral Board"]["articles"] == 2
    assert "NEB" in names["National Electoral Board"]["aliases"]
    (ent,) = _json_lines(capsys, "entity", "NEB", "--db", db, "--json")
    assert ent["name"] == "National Electoral Board" and len(ent["articles"]) == 2


def test_quotes_by_speaker(capsys: pytest.CaptureFixture[str], db: str) -> None:
    rows = _json_lines(capsys, "quotes", "--db", db, "--json", "--speaker", "Ana Ruiz")
    assert any(r["kind"] == "direct" and r["text"].startswith("We expect a calm count") for r in rows)


def test_amounts_by_unit(capsys: pytest.CaptureFixture[str], db: str) -> None:
    rows = _json_lines(capsys, "amounts", "--db", db, "--json", "--unit", "USD")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(40_000_000, "more than")]


def test_show_has_facts_with_offsets(capsys: pytest.CaptureFixture[str], db: str) -> None:
    (hit,) = _json_lines(capsys, "search", "calm", "--db", db, "--json")
    (art,) = _json_lines(capsys, "show", hit["id"], "--db", db, "--json")
    for e in art["entities"]:
        for m in e["mentions"]:
            assert art["text"][m["start"]:m["end"]] == m["text"]
    assert any(t["value"] == "2024-03-07" for t in art["times"])
    assert main(["entity", "Nobody Atall", "--db", db]) == 1
