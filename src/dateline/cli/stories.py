"""Commands over story threads: list them, show one, rebuild them."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline import api
from dateline.cli import render
from dateline.cli.common import (
    DbOpt,
    EntityOpt,
    FromOpt,
    JsonOpt,
    ToOpt,
    app,
    emit,
    emit_all,
    open_archive,
    out,
    settings_of,
)
from dateline.errors import NotFound


@app.command()
def stories(
    ctx: typer.Context, db: DbOpt = None, date_from: FromOpt = None, date_to: ToOpt = None, entity: EntityOpt = None,
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Smallest story (articles).")] = 2,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10000)] = 50,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Assign every article to stories again.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Story threads: articles about one real-world event, across outlets and days, largest first."""
    if rebuild:
        settings = settings_of(ctx, db=db)
        with api.open(settings.db, settings, readonly=False) as arc:
            n = arc.rebuild_stories()
        out.print(f"rebuilt: {n} stories")
        return
    with open_archive(ctx, db) as arc:
        rows = arc.stories(date_from=date_from, date_to=date_to, entity=entity, min_size=min_size, limit=limit)
    if as_json:
        emit_all(rows)
    else:
        render.print_stories(out, rows)


@app.command()
def story(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(metavar="ID", help="A story id (from `dateline stories`).")],
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """One story: a timeline of its articles with their outlets, and its quotes by speaker."""
    with open_archive(ctx, db) as arc:
        detail = arc.story(ident)
    if detail is None:
        raise NotFound(f"no story {ident} in the archive")
    if as_json:
        emit(detail.to_dict())
    else:
        render.print_story(out, detail)
