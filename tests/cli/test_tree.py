"""Only the command being run is built into click's tree; the rest of the command line is unchanged."""

from __future__ import annotations

import pytest
import typer

from dateline.cli import app
from dateline.cli.helptext import humanize
from dateline.cli.tree import command_name, command_tree

from .test_facts import run


@pytest.mark.parametrize(("args", "name"), [
    (["search", "harbour", "--db", "x.db"], "search"),
    (["--config", "dateline.toml", "stats"], "stats"),  # the root option's value is no command
    (["--config=dateline.toml", "stats"], "stats"),
    (["--help"], None),
    ([], None),
    (["--no-such-root-option", "stats"], None),
])
def test_the_command_is_the_first_word_that_is_not_the_roots(args: list[str], name: str | None) -> None:
    assert command_name(app, args) == name


def test_only_the_named_command_is_built() -> None:
    tree = command_tree(app, ["stats", "--db", "x.db"])
    assert "stats" in tree.commands and "search" not in tree.commands and "eval" not in tree.commands
    assert "eval" in command_tree(app, ["eval", "--help"]).commands  # a sub-app's command: the whole tree
    assert len(command_tree(app, ["serch", "x"]).commands) > 15  # click can say what was meant


def test_a_commands_help_is_the_same_as_from_the_whole_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, alone, _ = run(capsys, "search", "--help")
    whole = humanize(typer.main.get_command(app))
    whole.main(args=["search", "--help"], standalone_mode=False, prog_name="dateline")
    assert code == 0 and "--limit N" in alone and alone == capsys.readouterr().out


def test_a_misspelt_command_is_still_answered_with_a_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "serch", "harbour")
    assert code == 2 and "No such command 'serch'" in err and "search" in err
