"""`dateline places`: the places the archive's articles name or are filed from, with their counts."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dateline.cli.common import (
    DbOpt,
    EntityOpt,
    FromOpt,
    JsonOpt,
    LanguageOpt,
    LimitOpt,
    OffsetOpt,
    OutletOpt,
    ToOpt,
    app,
    emit_all,
    open_archive,
    out,
)


@app.command()
def places(
    ctx: typer.Context, db: DbOpt = None,
    country: Annotated[str | None, typer.Option(
        "--country", "-c", help="Only places in this country, ISO alpha-3 (UKR); its cities count.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="country, region or city.")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Only articles matching this full-text query.")]
    = None,
    story: Annotated[int | None, typer.Option("--story", help="Only the articles of this story thread (its id).")]
    = None,
    date_from: FromOpt = None, date_to: ToOpt = None, entity: EntityOpt = None, outlet: OutletOpt = None,
    language: LanguageOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Places: each city, region or country the articles name, most articles first."""
    with open_archive(ctx, db) as arc:
        rows = arc.places(country=country, kind=kind, query=query, story=story, date_from=date_from,
                          date_to=date_to, entity=entity, outlet=outlet, language=language, limit=limit,
                          offset=offset)
    if as_json:
        emit_all(rows)
    else:
        print_places(out, list(rows))


def print_places(console: Console, rows: list[Any]) -> None:
    """Places as a table: place (with its region), kind, country, articles, mentions."""
    if not rows:
        console.print("no places (none resolved in these articles, or an archive from before places)")
        return
    table = Table("place", "kind", "country", "articles", "mentions", "id")
    for r in rows:
        name = r.name + (f", {r.region.split('-', 1)[-1]}" if r.region and r.kind == "city" else "")
        table.add_row(escape(name), r.kind, r.country, f"{r.articles:,}", f"{r.mentions:,}", escape(r.id))
    console.print(table)
