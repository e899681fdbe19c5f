"""What every command shares: the Typer app, the consoles, the options, settings and output."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline import api
from dateline.settings import DB_ENV, Settings, parse_field_flags

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="dateline: turn raw news dumps into a clean, de-duplicated, searchable archive.",
)
# No emoji codes: a headline or a quote with `:fire:` in it is printed as written, and Rich
# loads its table of 3,600 emoji (a few ms of every listing's start) only to replace them.
out = Console(highlight=False, soft_wrap=False, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

# The library's argument names, as this command line spells them (errors are reworded with it).
FLAGS = {
    "date_from": "--from", "date_to": "--to", "literal": "--literal", "value_min": "--min", "value_max": "--max",
    "entity": "--entity", "outlet": "--outlet", "language": "--language", "kind": "--kind", "unit": "--unit",
    "speaker": "--speaker", "contains": "--contains", "counted": "--counted", "name": "--name",
    "limit": "--limit", "offset": "--offset", "query": "--query", "min_size": "--min-size", "author": "--author",
    "rebuild_clusters": "dateline dedup --rebuild",
}

DbOpt = Annotated[str | None, typer.Option(
    "--db", envvar=DB_ENV, help="Archive file (SQLite); default: `db` of dateline.toml, else dateline.db.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON Lines output, one record a line.")]
FormatOpt = Annotated[str | None, typer.Option("--format", "-f", help="Input format (default: sniffed).")]
FieldOpt = Annotated[list[str] | None, typer.Option(
    "--field", metavar="TARGET=NAME",
    help="Read a record field from an input field of another name, e.g. date=publication_date (repeatable).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Earliest publication date (2021, 2021-09, 2021-09-09).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Latest publication date.")]
EntityOpt = Annotated[str | None, typer.Option("--entity", "-e", help="Only articles naming this entity (name or id).")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="Only articles of this outlet.")]
LanguageOpt = Annotated[str | None, typer.Option("--language", help="Only articles in this language (ISO 639-1).")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, max=1000, help="How many to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Skip this many results.")]


def settings_of(ctx: typer.Context, field_flags: list[str] | None = None, **overrides: Any) -> Settings:
    """The settings the root command loaded (`--config`, $DATELINE_CONFIG, ./dateline.toml), with
    this command's flags on top (`--field` flags over the file's `[dateline.fields]`)."""
    base: Settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
    if field_flags:
        overrides["fields"] = {**base.fields, **parse_field_flags(field_flags)}
    return base.with_overrides(**overrides)


def open_archive(ctx: typer.Context, db: str | None, readonly: bool = True) -> api.NewsArchive:
    settings = settings_of(ctx, db=db)
    return api.open(settings.db, settings, readonly=readonly)


def emit(d: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")


def emit_all(records: Iterable[Any]) -> None:
    for r in records:
        emit(r.to_dict())
