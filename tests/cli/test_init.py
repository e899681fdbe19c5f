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
# stages and the libraries under them, the pipeline and its budgets; pydantic, which typer
# 0.29 validated every option value through (pinned below it for that); and `logging`, which
# only the write side uses (`dateline.log` makes the loggers and the command line's handler).
HEAVY = ("numpy", "ftfy", "spacy", "thinc", "trafilatura", "pyarrow", "dateparser", "pandas", "warcio",
         "lxml", "py3langid", "rich.progress", "dateline.clean", "dateline.extract", "dateline.read",
         "dateline.engines", "dateline.dedup.near", "dateline.api.ingest", "pydantic", "dateline.pipeline",
         "dateline.budget", "logging")

# What one read command does not read, beyond HEAVY: story assignment (`show` reads the
# article's story from `archive.storyrefs`), the near-duplicate index (`show` reads the article's cluster),
# and the name rules with their romanisation (search and entity look names up by their key,
# `archive.namekey`, without them).
NAME_RULES = ("dateline.archive.facts", "dateline.romanise", "iuliia", "dateline.persons", "dateline.companies")
NOT_READ = {
    "search": ("dateline.stories", "dateline.dedup", "dateline.archive.clusters", *NAME_RULES),
    "show": ("dateline.archive.facts", "dateline.romanise", "iuliia", "dateline.stories", "dateline.archive.stories",
             "dateline.companies"),
    "stats": ("dateline.stories", "dateline.dedup", "dateline.archive.facts", "dateline.romanise", "iuliia",
              "dateline.archive.search"),
    "quotes": ("dateline.stories", "dateline.dedup", "dateline.archive.facts", "dateline.romanise", "iuliia"),
    "entity": ("dateline.stories", "dateline.dedup", *NAME_RULES),
}

RUN = """
import contextlib, io, json, sys
from dateline.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _run(*args: str) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (SRC, os.environ.get("PYTHONPATH")) if p)}
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, env=env,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def _heavy(modules: list[str], heavy: tuple[str, ...] = HEAVY) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in heavy)]


@pytest.mark.slow
def test_read_commands_do_not_import_the_write_side(db: str) -> None:
    search = _run("search", "said", "--db", db, "--ids")
    assert search["code"] == 0 and search["out"].split()
    assert _heavy(search["modules"], HEAVY + NOT_READ["search"]) == []
    article = search["out"].split()[0]
    entity = json.loads(_run("entities", "--db", db, "--json", "--top", "1")["out"].splitlines()[0])["id"]
    for args in (["show", article, "--db", db], ["stats", "--db", db], ["quotes", "--db", db],
                 ["entity", entity, "--db", db]):
        done = _run(*args)
        assert done["code"] == 0 and done["out"]
        assert _heavy(done["modules"], HEAVY + NOT_READ[args[0]]) == [], args


@pytest.mark.slow
def test_help_imports_neither_the_write_side_nor_the_archive() -> None:
    done = _run("--help")
    assert done["code"] == 0 and "search" in done["out"]
    assert _heavy(done["modules"], HEAVY + ("dateline.api.read", "dateline.archive.store")) == []


def test_an_error_of_a_module_never_loaded_is_caught_by_nothing() -> None:
    assert _raised_by("dateline.cli", "_Never") is sys.modules["dateline.cli"]._Never  # type: ignore[attr-defined]
    never = _raised_by("dateline.not_a_module", "InputError")
    assert issubclass(never, Exception) and not isinstance(ValueError("x"), never)
