"""Commands over story clusters: list them, rebuild them."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline import api
from dateline.cli import render
from dateline.cli.common import DbOpt, JsonOpt, app, emit_all, open_archive, out, settings_of
from dateline.errors import UsageError


@app.command()
def clusters(
    ctx: typer.Context, db: DbOpt = None,
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Smallest cluster size (copies).")] = 2,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10000)] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Story clusters: copies of one story, largest first."""
    with open_archive(ctx, db) as arc:
        rows = arc.clusters(min_size=min_size, limit=limit)
    if as_json:
        emit_all(rows)
    else:
        render.print_clusters(out, rows)


@app.command()
def dedup(
    ctx: typer.Context, db: DbOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute every cluster of the archive.")] = False,
    threshold: Annotated[float | None, typer.Option("--threshold", min=0.01, max=1.0,
                                                    help="Near-duplicate Jaccard threshold.")] = None,
) -> None:
    """Recompute near-duplicate clusters for the whole archive."""
    if not rebuild:
        raise UsageError("nothing to do: use dateline dedup --rebuild [--threshold T]")
    settings = settings_of(ctx, db=db, near_threshold=threshold)
    with api.open(settings.db, settings, readonly=False) as arc:
        n = arc.rebuild_clusters(threshold)
    out.print(f"rebuilt: {n} clusters of near duplicates")
