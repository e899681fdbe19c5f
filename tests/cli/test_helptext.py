"""Help a person reads: word metavars and a default for every option of every command."""

from __future__ import annotations

import re

import pytest
import typer

from dateline.cli import app
from dateline.cli.helptext import humanize, metavar_for

from .test_facts import run


def _options(command: object) -> list[tuple[str, object]]:
    found = [(getattr(command, "name", ""), p) for p in getattr(command, "params", [])]
    for sub in getattr(command, "commands", {}).values():
        found += _options(sub)
    return found


def test_every_option_has_a_word_metavar_and_a_shown_default() -> None:
    tree = humanize(typer.main.get_command(app))
    options = [(cmd, p) for cmd, p in _options(tree) if p.param_type_name == "option" and p.name != "help"]
    assert len(options) > 40
    for cmd, p in options:
        assert p.is_flag or re.fullmatch(r"[A-Z][A-Z_:=]*", p.metavar or ""), (cmd, p.name, p.metavar)
        assert p.show_default or "default:" in (p.help or "").lower() or p.envvar, (cmd, p.name)


def test_counts_are_n_and_numbers_number() -> None:
    assert metavar_for("limit", int) == "N" and metavar_for("min", float | None) == "NUMBER"
    assert metavar_for("from", str | None) == "DATE" and metavar_for("sort", str) == "SORT"


@pytest.mark.parametrize(("argv", "shown"), [
    (["search", "--help"], ["{QUERY}", "--limit N", "[default: 20", "--from DATE", "[default: (off)]"]),
    (["ingest", "--help"], ["--workers N", "--engine ENGINE"]),
    (["show", "--help"], ["{ID}"]),
])
def test_help_shows_words_and_defaults(capsys: pytest.CaptureFixture[str], argv: list[str], shown: list[str]) -> None:
    code, out, _ = run(capsys, *argv)
    assert code == 0
    for part in shown:
        assert part in out, part
    assert "<int range>" not in out


def test_an_argument_that_repeats_is_shown_with_dots(capsys: pytest.CaptureFixture[str]) -> None:
    # typer 0.29 writes `{PATH}...`, the releases before it `{PATH...}`: both say "one or more"
    code, out, _ = run(capsys, "ingest", "--help")
    assert code == 0 and re.search(r"^Usage: dateline ingest \[OPTIONS\] \{PATH\}?\.\.\.", out, re.M)
    code, out, _ = run(capsys, "show", "--help")
    assert code == 0 and "{ID}" in out and "ID..." not in out
