"""One end-to-end test per command, run through the CLI entry point in-process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dateline.cli import main
from tests.conftest import GLUED


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "dump.txt").write_text(GLUED)
    (d / "more.jsonl").write_text(
        json.dumps({"title": "Grain deal", "date": "Tue, 05 Mar 2024 14:03:00 GMT",
                    "text": "Ministers agreed a grain export deal in Istanbul on Tuesday, officials said."})
        + "\n{bad\n"
    )
    return d


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    got = capsys.readouterr()
    return code, got.out, got.err


def ingested(capsys: pytest.CaptureFixture[str], corpus: Path, db: str) -> None:
    code, _, _ = run(capsys, "ingest", str(corpus), "--db", db, "--no-extract")
    assert code == 0


def test_parse_json_prints_the_contract(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run(capsys, "parse", str(corpus / "dump.txt"), "--json", "--no-extract")
    assert code == 0
    (line,) = out.splitlines()
    d = json.loads(line)
    for key in ("id", "source", "published", "title", "dateline", "text", "paragraphs", "notices", "repairs",
                "entities", "quotes", "amounts", "times", "events", "cluster"):
        assert key in d
    assert d["dateline"]["place"] == "Oslo" and d["notices"][0]["refers_to"] == "Group X"


def test_parse_readable_and_rejects_on_stderr(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    code, out, err = run(capsys, "parse", str(corpus / "more.jsonl"), "--no-extract")
    assert code == 0 and "Grain deal" in out
    assert "malformed_json" in err


def test_ingest_summary(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "ingest", str(corpus), "--db", str(tmp_path / "a.db"), "--no-extract", "--json")
    assert code == 0
    s = json.loads(out)
    assert (s["read"], s["stored"], s["rejected"], s["reasons"]) == (3, 2, 1, {"malformed_json": 1})
    code, out, _ = run(capsys, "ingest", str(corpus), "--db", str(tmp_path / "a.db"), "--no-extract")
    assert code == 0 and "already in the archive" in out


def test_search_json_and_ids(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ingested(capsys, corpus, db)
    code, out, _ = run(capsys, "search", "ceasefire", "--db", db, "--json")
    (hit,) = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and {"id", "published", "title", "snippet", "score"} <= hit.keys()
    code, out, _ = run(capsys, "search", "grain", "--db", db, "--ids")
    assert len(out.split()) == 1


def test_show(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ingested(capsys, corpus, db)
    _, out, _ = run(capsys, "search", "grain", "--db", db, "--ids")
    ident = out.strip()
    code, out, _ = run(capsys, "show", ident, "--db", db, "--json")
    assert code == 0 and json.loads(out)["title"] == "Grain deal"
    code, out, _ = run(capsys, "show", ident[:8], "--db", db)
    assert code == 0 and "Istanbul" in out


def test_export_formats(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ingested(capsys, corpus, db)
    code, out, _ = run(capsys, "export", "--db", db, "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2 and "paragraphs" in json.loads(out.splitlines()[0])
    code, out, _ = run(capsys, "export", "--db", db, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(out)))) == 2
    pq_path = tmp_path / "out.parquet"
    code, _, _ = run(capsys, "export", "--db", db, "--format", "parquet", "--out", str(pq_path))
    assert code == 0 and pq.read_table(pq_path).num_rows == 2


def test_stats(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ingested(capsys, corpus, db)
    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    s = json.loads(out)
    assert code == 0 and s["articles"] == 2 and s["reject_reasons"] == {"malformed_json": 1}


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["ingest", "/no/such/path", "--no-extract"], 1, "no such file or folder"),
    (["search", "x", "--db", "/no/such.db"], 1, "no archive at"),
    (["search", "--bogus"], 2, "No such option"),
    (["export", "--format", "docx"], 2, "unknown export format"),
    (["parse", "x", "--format", "docx"], 1, "unknown format"),
    (["parse", str(Path(__file__).parent / "fixtures" / "golden" / "wire_wrapped.txt"), "--model", "no_such_pipeline"],
     2, "is not installed"),
])
def test_user_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str) -> None:
    got, out, err = run(capsys, *argv)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_malformed_query_is_one_line(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    ingested(capsys, corpus, db)
    code, _, err = run(capsys, "search", "grain AND (", "--db", db)
    assert code == 2 and "malformed query" in err and len(err.strip().splitlines()) == 1


def test_db_from_environment(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATELINE_DB", str(tmp_path / "env.db"))
    code, _, _ = run(capsys, "ingest", str(corpus), "--no-extract")
    assert code == 0 and (tmp_path / "env.db").exists()


def test_stdin_and_console_script(corpus: Path, tmp_path: Path) -> None:
    data = (corpus / "dump.txt").read_bytes()
    proc = subprocess.run([sys.executable, "-m", "dateline.cli", "parse", "-", "--json", "--no-extract"],
                          input=data, capture_output=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["source"]["path"] == "<stdin>"


def test_every_command_is_in_the_readme() -> None:
    from typer.main import get_command

    from dateline.cli import app

    readme = (Path(__file__).parents[1] / "README.md").read_text()
    names = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert len(names) >= 14
    missing = [n for n in names if f"dateline {n}" not in readme]
    assert missing == []


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from dateline import __version__

    assert run(capsys, "--version") == (0, f"dateline {__version__}\n", "")


def test_ingest_of_a_missing_file_creates_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "ingest", str(tmp_path / "typo.jsonl"), "--db", str(tmp_path / "new.db"))
    assert code == 1 and "no such file or folder" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("argv", "message"), [
    (["*"], "cannot start with *"), (["*grain"], "cannot start with *"), (['"grain deal'], "unclosed"),
    (["grain", "--from", "1987-13"], "not a date of the calendar"),
    (["grain", "--from", "2024-04", "--to", "2024-03"], "later than"),
])
def test_search_mistakes_are_one_line(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path,
                                      argv: list[str], message: str) -> None:
    db = str(tmp_path / "a.db")
    ingested(capsys, corpus, db)
    code, _, err = run(capsys, "search", *argv, "--db", db)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("name", ["news%41.db", "x#y.db"])
def test_db_names_with_uri_characters(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    ingested(capsys, corpus, name)
    code, out, _ = run(capsys, "search", "grain", "--db", name, "--ids")
    assert code == 0 and len(out.split()) == 1
    assert sorted(p.name for p in tmp_path.glob("*.db")) == [name] and not (tmp_path / "x").exists()


def test_read_commands_leave_an_older_archive_alone(capsys: pytest.CaptureFixture[str], corpus: Path,
                                                    tmp_path: Path) -> None:
    import sqlite3

    db = str(tmp_path / "old.db")
    ingested(capsys, corpus, db)
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE runs DROP COLUMN pid")
    conn.execute("ALTER TABLE runs DROP COLUMN host")
    for table, column in (("sources", "raw_digest"), ("rejects", "last_record"), ("rejects", "count")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # the later migrations' columns too
    conn.execute("UPDATE meta SET value='4' WHERE key='schema_version'")
    conn.commit()
    conn.close()
    for argv in (["search", "grain"], ["stats"]):
        code, _, err = run(capsys, *argv, "--db", db)
        assert code == 1 and "needs an upgrade" in err and len(err.strip().splitlines()) == 1
    ingested(capsys, corpus, db)  # a write upgrades it
    assert run(capsys, "search", "grain", "--db", db, "--ids")[0] == 0


@pytest.mark.slow
@pytest.mark.parametrize("argv", [["parse", "{big}", "--no-extract", "--json"], ["parse", "{big}", "--no-extract"],
                                  ["export", "--db", "{db}"]])
def test_piping_into_head_exits_0_without_a_traceback(tmp_path: Path, argv: list[str]) -> None:
    # more output than a pipe holds (64 KB), so that the writer meets the closed pipe; an archive
    # of 200 articles exports over 200 KB (templated records are kept few: near-duplicate
    # indexing of many near-identical records is slow, issue 20)
    big = tmp_path / "big.txt"
    records = 200 if "{db}" in argv else 1500
    big.write_text("".join(f"date 2021-03-{1 + i % 28:02d} Officials in district {i} said the new bridge would "
                           f"open to traffic in May, ahead of schedule, and that tolls would stay at {i} cents.\n"
                           for i in range(records)))
    db = tmp_path / "a.db"
    if "{db}" in argv:
        assert main(["ingest", str(big), "--db", str(db), "--no-extract", "--workers", "1"]) == 0
    cmd = [sys.executable, "-m", "dateline.cli", *(a.format(big=big, db=db) for a in argv)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)  # `head -c 100`
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0 and err == ""
