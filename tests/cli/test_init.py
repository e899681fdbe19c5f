"""A read command starts without importing the write side's libraries (issue 20: a fast start)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.cli import _raised_by

SRC = str(Path(__file__).parents[2] / "src")

# What ingest needs and a read command must not load: the cleaning, reading and extraction
# stages and the libraries under them. pydantic is not listed for the commands that take
# options: typer (0.2x) validates every option value through it.
HEAVY = ("numpy", "ftfy", "spacy", "thinc", "trafilatura", "pyarrow", "dateparser", "pandas", "warcio",
         "lxml", "py3langid", "rich.progress", "dateline.clean", "dateline.extract", "dateline.read",
         "dateline.engines", "dateline.dedup.near", "dateline.api.ingest")

RUN = """
import contextlib, io, json, sys
from dateline.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _run(*args: str) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.slow
def test_read_commands_do_not_import_the_write_side(db: str) -> None:
    search = _run("search", "said", "--db", db, "--ids")
    assert search["code"] == 0 and search["out"].split()
    assert _heavy(search["modules"]) == []
    article = search["out"].split()[0]
    for args in (["show", article, "--db", db], ["stats", "--db", db]):
        done = _run(*args)
        assert done["code"] == 0 and done["out"]
        assert _heavy(done["modules"]) == [], args


@pytest.mark.slow
def test_help_imports_neither_the_write_side_nor_pydantic() -> None:
    done = _run("--help")
    assert done["code"] == 0 and "search" in done["out"]
    assert _heavy(done["modules"]) == [] and "pydantic" not in done["modules"]


def test_an_error_of_a_module_never_loaded_is_caught_by_nothing() -> None:
    assert _raised_by("dateline.cli", "_Never") is sys.modules["dateline.cli"]._Never  # type: ignore[attr-defined]
    never = _raised_by("dateline.not_a_module", "InputError")
    assert issubclass(never, Exception) and not isinstance(ValueError("x"), never)
