"""The click command tree of the app, built for the one command being run.

Typer builds a click command from each command function's signature, evaluating every
annotation (`typing.get_type_hints`); for all twenty commands that was about half of a read
command's CPU after its imports (issue 20: a fast start). Only the command named on the command
line is built; help of the whole app, or a name that is no command, gets the whole tree, so that
click's listing and its "No such command" are unchanged.
"""

from __future__ import annotations

import copy
from typing import Any

import typer
from typer.main import get_command_name


def _root_value_options(app: typer.Typer) -> set[str]:
    """The root's options that take a value (`--config FILE`), read from the root's own command
    (no subcommand built), so that the name after such an option is not taken for the command."""
    bare = copy.copy(app)
    bare.registered_commands, bare.registered_groups = [], []
    root = typer.main.get_group(bare)
    return {opt for p in root.params if not getattr(p, "is_flag", False) for opt in p.opts}


def command_name(app: typer.Typer, args: list[str]) -> str | None:
    """The command the arguments name, or None where they name none before an option of its own
    (`--help`, no arguments, an option the root does not have)."""
    takes_value = _root_value_options(app)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in takes_value:
            i += 2
        elif arg.split("=", 1)[0] in takes_value:
            i += 1
        elif arg.startswith("-"):
            return None
        else:
            return arg
    return None


def _name_of(info: Any) -> str:
    return info.name or get_command_name(info.callback.__name__)


def command_tree(app: typer.Typer, args: list[str]) -> Any:
    """The app's click group holding only the command `args` run; the whole group where no
    single command of the app's own is named (a sub-app's command, such as `eval`, is found by
    click in the whole tree)."""
    name = command_name(app, args)
    kept = [c for c in app.registered_commands if name is not None and _name_of(c) == name]
    if not kept:
        return typer.main.get_command(app)
    one = copy.copy(app)
    one.registered_commands, one.registered_groups = kept, []
    return typer.main.get_command(one)
