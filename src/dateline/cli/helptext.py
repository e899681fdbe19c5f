"""Help a person reads: every option with a metavar in words (`N`, `DATE`, `FILE`) rather than a
type (`<int range>`), and every option with its default, "none" and "off" included.

Applied once to the command tree Typer builds, so that each new option gets it without
repeating `metavar=` and `show_default=` at every declaration.
"""

from __future__ import annotations

from typing import Any

# What an option's value is, by the option's name, where its name alone does not say it.
WORDS = {"db": "FILE", "config": "FILE", "from": "DATE", "to": "DATE", "out": "PATH", "entity": "NAME",
         "outlet": "NAME", "speaker": "NAME", "author": "NAME", "language": "LANG", "address": "HOST:PORT",
         "contains": "WORDS", "query": "QUERY", "type": "TYPE", "kind": "KIND", "format": "FORMAT",
         "model": "NAME", "field": "TARGET=NAME"}


def metavar_for(name: str, annotation: Any) -> str:
    """A counted value is `N`, a measured one `NUMBER`; otherwise the option's own word."""
    words = {getattr(a, "__name__", str(a)) for a in (annotation, *getattr(annotation, "__args__", ()))}
    if "int" in words:
        return "N"
    if "float" in words:
        return "NUMBER"
    return WORDS.get(name, name.upper().replace("-", "_"))


def annotation_of(param: Any) -> Any:
    """An option's value type: typer 0.29 keeps the declared annotation (`type_descriptor`); the
    releases before it hand click a type whose name says it (`integer`, `int range`, `float`)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        return descriptor.annotation
    kind = getattr(getattr(param, "type", None), "name", "")
    return int if kind.startswith("int") else float if kind.startswith("float") else None


def _name_argument(param: Any) -> None:
    """An argument in capitals, and `...` after one that repeats: typer 0.29 adds the dots itself
    (`_usage_display_name`); before it, a declared metavar is shown as it is, so they are added here."""
    dots = "..." if param.nargs != 1 and not hasattr(param, "_usage_display_name") else ""
    if param.metavar is None:
        param.metavar = param.name.upper() + dots
    elif not param.metavar.endswith("..."):
        param.metavar += dots


def humanize(command: Any) -> Any:
    """Set the readable metavar and the shown default of every option of `command` and its subcommands."""
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") == "argument":
            _name_argument(param)
        if getattr(param, "param_type_name", "") != "option" or param.hidden:
            continue
        if not param.is_flag and param.metavar is None:
            name = max(param.opts, key=len).lstrip("-")
            param.metavar = metavar_for(name, annotation_of(param))
        # Click hides a default of None or False; a reader then cannot tell "off" from "unknown".
        if param.name != "help" and (param.default is None or param.default is False or param.default == ()):
            said = "default:" in (param.help or "").lower() or param.envvar
            if not said:
                param.show_default = "off" if param.is_flag else "none"
        elif param.show_default is None or param.show_default is False:
            param.show_default = True
    for sub in getattr(command, "commands", {}).values():
        humanize(sub)
    return command
