"""`dateline events`: the archive's PLOVER-coded events, filtered by type, sides, country, dates."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline.cli import render
from dateline.cli.common import (
    DbOpt,
    JsonOpt,
    LanguageOpt,
    LimitOpt,
    OffsetOpt,
    OutletOpt,
    app,
    emit_all,
    open_archive,
    out,
)

# For events the entity is either side's (the article-level `--entity` of the other listings
# keeps articles naming it anywhere, which is not what an event filter means).
EventEntityOpt = Annotated[str | None, typer.Option(
    "--entity", "-e", help="Only events with this entity (name or id) as the actor or the recipient.")]


@app.command()
def events(
    ctx: typer.Context, db: DbOpt = None,
    etype: Annotated[str | None, typer.Option("--type", "-t", help=(
        "A PLOVER type (ASSAULT, AGREE, PROTEST, ...) or a quad (VCOOP, MCOOP, VCONF, MCONF)."))] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Name (or words) of the side that acts.")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Name (or words) of the side acted on.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="Either side's country: ISO alpha-3 (RUS) or a body (UN, EU, NATO).")] = None,
    sector: Annotated[str | None, typer.Option(
        "--sector", help="Either side's sector: GOV, MIL, COP, REB, OPP, CVL, BUS, MED, IGO, NGO, ...")] = None,
    flags: Annotated[str | None, typer.Option(
        "--flags", help=(
            "Only events with all these flags, comma-joined: negated, hedged, future, claimed (as "
            "reported by a source); `none` for events stated as plain fact."))] = None,
    date_from: Annotated[str | None, typer.Option(
        "--from", help="Earliest date (2021, 2021-09, 2021-09-09): the article's publication date, "
                       "or the event's own with --event-dates.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest date (as --from).")] = None,
    event_dates: Annotated[bool, typer.Option(
        "--event-dates", help="Apply --from/--to to each event's own date (its clause's date, else the "
                              "article's publication date) instead of the article's publication date.")] = False,
    entity: EventEntityOpt = None, outlet: OutletOpt = None,
    language: LanguageOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Events: who did what to whom, where and when, newest articles first."""
    with open_archive(ctx, db) as arc:
        rows = arc.events(type=etype, actor=actor, recipient=recipient, country=country, sector=sector,
                          flags=flags, dates="event" if event_dates else None, date_from=date_from,
                          date_to=date_to, entity=entity, outlet=outlet, language=language, limit=limit,
                          offset=offset)
    if as_json:
        emit_all(rows)
    else:
        render.print_events(out, rows)
