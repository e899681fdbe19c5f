"""`--field`, the summary's advice and the exit code of an ingest that stores nothing, via the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.cli import main

BODY = "Ministers agreed a grain export deal in Istanbul on Tuesday, officials said."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "scrape.jsonl"
    rows = [{"headline": f"Deal {i}", "story_body": f"{BODY} Part {i}.", "released": f"2024-03-0{i + 1}"}
            for i in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_an_ingest_that_stores_nothing_exits_1_and_names_the_fields(
    capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path,
) -> None:
    code, _, err = run(capsys, "ingest", str(dump), "--db", str(tmp_path / "a.db"), "--no-extract")
    assert code == 1
    assert "their fields: headline, released, story_body" in err and "--field text=story_body" in err
    assert "error: nothing was stored: all 3 records were rejected (no_text 3)" in err
    assert "Traceback" not in err


def test_field_flags_map_text_and_date(capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "b.db")
    code, out, err = run(capsys, "ingest", str(dump), "--db", db, "--no-extract", "--json",
                         "--field", "text=story_body", "--field", "date=released")
    assert code == 0 and json.loads(out)["stored"] == 3 and json.loads(out)["warnings"] == []
    code, out, _ = run(capsys, "search", "grain", "--db", db, "--from", "2024-03-02", "--all", "--json")
    assert code == 0 and len(out.splitlines()) == 2


def test_undated_articles_are_warned_about(capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "ingest", str(dump), "--db", str(tmp_path / "c.db"), "--no-extract", "--json",
                         "--field", "text=story_body")
    assert code == 0 and "3 of 3 stored articles have no date" in json.loads(out)["warnings"][0]


def test_fields_from_the_config_file(capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "dateline.toml"
    cfg.write_text('[dateline.fields]\ntext = "story_body"\ndate = "released"\n')
    code, out, _ = run(capsys, "--config", str(cfg), "ingest", str(dump), "--db", str(tmp_path / "d.db"),
                       "--no-extract", "--json")
    assert code == 0 and json.loads(out)["stored"] == 3


@pytest.mark.parametrize(("flag", "message"), [("dat=released", "unknown field target"),
                                               ("released", "TARGET=NAME")])
def test_a_bad_field_flag_is_one_line(capsys: pytest.CaptureFixture[str], dump: Path, tmp_path: Path,
                                      flag: str, message: str) -> None:
    code, _, err = run(capsys, "ingest", str(dump), "--db", str(tmp_path / "e.db"), "--field", flag)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_parse_takes_field_flags_and_exits_1_when_every_record_is_rejected(
    capsys: pytest.CaptureFixture[str], dump: Path,
) -> None:
    code, _, err = run(capsys, "parse", str(dump), "--no-extract", "--json")
    assert code == 1 and "all 3 records were rejected" in err
    code, out, _ = run(capsys, "parse", str(dump), "--no-extract", "--json", "--field", "text=story_body",
                       "--field", "date=released")
    assert code == 0 and [json.loads(line)["published"] for line in out.splitlines()] == [
        "2024-03-01", "2024-03-02", "2024-03-03"]
