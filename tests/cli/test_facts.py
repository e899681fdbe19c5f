"""The fact commands: the web's filters on the command line, `facts KIND`, ambiguous names."""

from __future__ import annotations

import json

import pytest

from dateline.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def lines(out: str) -> list[dict]:
    return [json.loads(x) for x in out.splitlines()]


def test_quotes_take_dates_entity_and_outlet(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "quotes", "--db", db, "--json", "--from", "2024-05", "--to", "2024-05")
    assert code == 0 and [q["speaker"] for q in lines(out)] == ["Pablo Ruiz"]
    _, out, _ = run(capsys, "quotes", "--db", db, "--json", "--entity", "Ana Ruiz", "--outlet", "Daily Wire")
    assert [q["text"] for q in lines(out)] == ["We expect a calm count"]


def test_amounts_take_a_value_range(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "amounts", "--db", db, "--json", "--min", "1e6", "--max", "1e7")
    assert code == 0 and [(a["value"], a["unit"]) for a in lines(out)] == [(2e6, "USD")]
    code, _, err = run(capsys, "amounts", "--db", db, "--min", "9", "--max", "1")
    assert code == 2 and err.startswith("error: the value range is empty") and len(err.splitlines()) == 1


def test_facts_command_reads_any_kind_with_the_same_filters(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "facts", "times", "--db", db, "--json", "--from", "2024-05")
    assert code == 0 and {t["value"] for t in lines(out)} == {"2024-Q1", "2024-05"}
    _, out, _ = run(capsys, "facts", "entities", "--db", db, "--kind", "ORG", "--json")
    assert {e["name"] for e in lines(out)} == {"National Electoral Board", "National Energy Board"}
    code, out, _ = run(capsys, "facts", "amounts", "--db", db, "--unit", "tonne")
    assert code == 0 and "3,000" in out
    code, _, err = run(capsys, "facts", "quotes", "--db", db, "--unit", "USD")
    assert code == 2 and "take no filter --unit" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, "facts", "rumours", "--db", db)
    assert code == 2 and "unknown fact kind 'rumours'" in err


def test_an_ambiguous_name_lists_its_candidates(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "entity", "Ruiz", "--db", db)
    assert code == 0 and "Ana Ruiz" in out and "Pablo Ruiz" in out and "names 2 entities" in err
    _, out, _ = run(capsys, "entity", "NEB", "--db", db, "--json")
    (d,) = lines(out)
    assert d["ambiguous"] == "NEB" and len(d["candidates"]) == 2
    code, _, err = run(capsys, "search", "said", "--db", db, "--entity", "Ruiz")
    assert code == 2 and "names 2 entities" in err and len(err.splitlines()) == 1


def test_an_archive_without_facts_says_why_its_listings_are_empty(capsys: pytest.CaptureFixture[str],
                                                                   bare_db: str, db: str) -> None:
    code, out, err = run(capsys, "entities", "--db", bare_db, "--json")
    assert code == 0 and out == "" and "--no-extract" in err and len(err.strip().splitlines()) == 1
    _, _, err = run(capsys, "facts", "times", "--db", bare_db)
    assert "--no-extract" in err
    _, _, err = run(capsys, "entities", "--db", db, "--name", "nobody such")
    assert err == ""
