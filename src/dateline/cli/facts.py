"""Commands that read facts: entities, entity, quotes, amounts, and `facts KIND` for any kind."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from dateline.archive.kinds import KINDS
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
    emit,
    emit_all,
    err,
    open_archive,
    out,
)
from dateline.errors import NotFound
from dateline.model import Ambiguous

if TYPE_CHECKING:
    from dateline.api import NewsArchive

TypeOpt = Annotated[str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE, LOC, NORP, ...")]
MinOpt = Annotated[float | None, typer.Option("--min", help="Smallest value.")]
MaxOpt = Annotated[float | None, typer.Option("--max", help="Largest value.")]


def explain_empty(arc: NewsArchive, kind: str, rows: list[Any]) -> None:
    """An empty listing of an archive without any fact of the kind says so on stderr, so that an
    archive ingested with `--no-extract` does not look like one whose filters matched nothing."""
    if rows or arc.facts(kind, limit=1):
        return
    if not any(arc.facts(k, limit=1) for k in KINDS):
        why = "its articles were ingested with --no-extract (ingest them into a new archive to extract facts)"
    else:
        why = f"no article of it has {kind}"
    err.print(f"note: this archive holds no {kind}: {why}", markup=False)


@app.command()
def entities(
    ctx: typer.Context, db: DbOpt = None, etype: TypeOpt = None,
    name: Annotated[str | None, typer.Option("--name", help="Part of the name.")] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=1000, help="How many to show.")] = 20,
    date_from: FromOpt = None, date_to: ToOpt = None, outlet: OutletOpt = None, as_json: JsonOpt = False,
) -> None:
    """Entities by the number of articles that name them, with aliases."""
    with open_archive(ctx, db) as arc:
        rows = arc.entities(kind=etype, name=name, limit=top, date_from=date_from, date_to=date_to, outlet=outlet)
        explain_empty(arc, "entities", rows)
    if as_json:
        emit_all(rows)
    else:
        render.print_entities(out, rows)


@app.command()
def entity(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="A name, an alias or an entity id.")],
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """One entity: aliases, roles, mentions per month, quotes, the articles. A name several
    entities answer to lists them."""
    with open_archive(ctx, db) as arc:
        found = arc.entity(name)
        if found is None:
            raise NotFound(f"no entity named {name!r} in {arc.path} (try: dateline entities --top 50)")
    if as_json:
        emit(found.to_dict())
    elif isinstance(found, Ambiguous):
        err.print(f"{name!r} names {len(found.candidates)} entities; ask for one by its id", markup=False)
        render.print_entities(out, found.candidates)
    else:
        render.print_entity(out, found)


@app.command()
def quotes(
    ctx: typer.Context, db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Name or alias of the speaker.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct or indirect.")] = None,
    contains: Annotated[str | None, typer.Option("--contains", help="Words in the quote.")] = None,
    date_from: FromOpt = None, date_to: ToOpt = None, entity: EntityOpt = None, outlet: OutletOpt = None,
    language: LanguageOpt = None, limit: LimitOpt = 50, offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Quotes with their speakers."""
    with open_archive(ctx, db) as arc:
        rows = arc.quotes(speaker=speaker, kind=kind, contains=contains, date_from=date_from, date_to=date_to,
                          entity=entity, outlet=outlet, language=language, limit=limit, offset=offset)
        explain_empty(arc, "quotes", rows)
    if as_json:
        emit_all(rows)
    else:
        render.print_quotes(out, rows)


@app.command()
def amounts(
    ctx: typer.Context, db: DbOpt = None,
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Currency or unit: USD, EUR, percent...")] = None,
    counted: Annotated[str | None, typer.Option("--counted", help="What is counted: people, troops...")] = None,
    value_min: MinOpt = None, value_max: MaxOpt = None, date_from: FromOpt = None, date_to: ToOpt = None,
    entity: EntityOpt = None, outlet: OutletOpt = None, language: LanguageOpt = None, limit: LimitOpt = 50,
    offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Amounts of money and counts, with what is counted."""
    with open_archive(ctx, db) as arc:
        rows = arc.amounts(unit=unit, counted=counted, value_min=value_min, value_max=value_max,
                           date_from=date_from, date_to=date_to, entity=entity, outlet=outlet, language=language,
                           limit=limit, offset=offset)
        explain_empty(arc, "amounts", rows)
    if as_json:
        emit_all(rows)
    else:
        render.print_amounts(out, rows)


@app.command()
def facts(
    ctx: typer.Context,
    kind_name: Annotated[str, typer.Argument(metavar="KIND", help=f"One of: {', '.join(KINDS)}.")],
    db: DbOpt = None, date_from: FromOpt = None, date_to: ToOpt = None, entity: EntityOpt = None,
    outlet: OutletOpt = None, language: LanguageOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Quote kind, time type or entity type.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Amounts: currency or unit.")] = None,
    value_min: MinOpt = None, value_max: MaxOpt = None,
    speaker: Annotated[str | None, typer.Option("--speaker", help="Quotes: the speaker.")] = None,
    contains: Annotated[str | None, typer.Option("--contains", help="Quotes: words in the quote.")] = None,
    counted: Annotated[str | None, typer.Option("--counted", help="Amounts: what is counted.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="Entities: part of the name.")] = None,
    limit: LimitOpt = 50, offset: OffsetOpt = 0, as_json: JsonOpt = False,
) -> None:
    """Facts of any kind (entities, quotes, amounts, times) with the same filters for every kind."""
    given = {"date_from": date_from, "date_to": date_to, "entity": entity, "outlet": outlet, "language": language,
             "kind": kind, "unit": unit, "value_min": value_min, "value_max": value_max, "speaker": speaker,
             "contains": contains, "counted": counted, "name": name, "offset": offset or None}
    with open_archive(ctx, db) as arc:
        rows = arc.facts(kind_name, limit=limit, **given)
        explain_empty(arc, kind_name, rows)
    if as_json:
        emit_all(rows)
    else:
        render.print_records(out, rows)
