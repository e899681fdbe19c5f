"""`dateline events`: the archive's PLOVER-coded events, filtered by type, sides, country, dates."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline.cli import render
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
def events(
    ctx: typer.Context, db: DbOpt = None,
    etype: Annotated[str | None, typer.Option("--type", "-t", help=(
        "A PLOVER type (ASSAULT, AGREE, PROTEST, ...) or a quad (VCOOP, MCOOP, VCONF, MCONF)."))] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Name (or words) of the side that acts.")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Name (or words) of the side acted on.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="Either side's country: ISO alpha-3 (RUS) or a body (UN, EU, NATO).")] = None,
    date_from: FromOpt = None, date_to: ToOpt = None, entity: EntityOpt = None, outlet: OutletOpt = None,
    language: LanguageOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Events: who did what to whom, where and when, newest articles first."""
    with open_archive(ctx, db) as arc:
        rows = arc.events(type=etype, actor=actor, recipient=recipient, country=country, date_from=date_from,
                          date_to=date_to, entity=entity, outlet=outlet, language=language, limit=limit,
                          offset=offset)
    if as_json:
        emit_all(rows)
    else:
        render.print_events(out, rows)
