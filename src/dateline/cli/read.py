"""Commands that read articles: search, show, export, stats."""

from __future__ import annotations

import sys
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
    emit,
    emit_all,
    err,
    open_archive,
    out,
)
from dateline.errors import NotFound, UsageError


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(metavar="QUERY", help="FTS5 query: words, \"phrases\", AND/OR/NOT, prefix*.")],
    db: DbOpt = None, date_from: FromOpt = None, date_to: ToOpt = None, entity: EntityOpt = None,
    outlet: OutletOpt = None, language: LanguageOpt = None, limit: LimitOpt = 20, offset: OffsetOpt = 0,
    sort: Annotated[str, typer.Option("--sort", help="rank or date (newest first).")] = "rank",
    literal: Annotated[bool, typer.Option("--literal", help="Treat the query as plain words.")] = False,
    exact: Annotated[bool, typer.Option(
        "--exact", help="Only the words as typed: not their other forms (Gesetze without Gesetz), nor the "
                        "other names of an entity they name.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Every copy, not one per story cluster.")] = False,
    by_story: Annotated[bool, typer.Option(
        "--by-story", help="One result per story thread (its best match), with the story's label and size.")] = False,
    ids: Annotated[bool, typer.Option("--ids", help="Print only the article ids.")] = False,
    author: Annotated[str | None, typer.Option("--author", help="Only articles with this byline.")] = None,
    exhaustive: Annotated[bool, typer.Option(
        "--exhaustive", help="Rank every match (slower), not only the most recently stored (search_window).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search of the archive."""
    with open_archive(ctx, db) as arc:
        hits = arc.search(query, date_from=date_from, date_to=date_to, entity=entity, outlet=outlet,
                          language=language, sort=sort, literal=literal, all_copies=show_all,
                          exhaustive=exhaustive, limit=limit, offset=offset, exact=exact, author=author,
                          by_story=by_story)
        window = arc.settings.search_window
    if hits.windowed and not (as_json or ids):
        err.print(f"note: more than {window:,} matches; the most recently stored {window:,} were "
                  "ranked (--exhaustive ranks them all)", markup=False)
    if ids:
        for h in hits:
            print(h.id)
    elif as_json:
        emit_all(hits)
    else:
        render.print_hits(out, hits)


@app.command()
def show(
    ctx: typer.Context,
    ident: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a unique prefix).")],
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """One article, with its facts and its copies."""
    with open_archive(ctx, db) as arc:
        article = arc.article(ident)
        if article is None:
            raise NotFound(f"no article with id {ident!r} in {arc.path}")
        copies = arc.copies(article.id)
        if as_json:
            emit({**article.to_dict(), "copies": copies.to_dicts()})
        else:
            render.print_article(out, article, sources=arc.sources(article.id), copies=copies.to_dicts())


EXPORT_FORMATS = ("jsonl", "csv", "parquet")


@app.command()
def export(
    ctx: typer.Context, db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_path: Annotated[str | None, typer.Option(
        "--out", "-o", help="Folder for the tables (parquet, csv), or a file (default: stdout).")] = None,
    query: Annotated[str | None, typer.Option("--query", "-q", help="Only articles matching this search.")] = None,
    date_from: FromOpt = None, date_to: ToOpt = None, language: LanguageOpt = None,
) -> None:
    """Export the archive: typed tables (articles, sources, entities, mentions, events, quotes, amounts,
    times, clusters, stories) as Parquet or CSV files in a folder, or the articles as JSON Lines."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet" and not out_path:
        raise UsageError("parquet export needs --out FOLDER (or a FILE.parquet for the articles alone)")
    scope = {"query": query, "date_from": date_from, "date_to": date_to, "language": language}
    with open_archive(ctx, db) as arc:
        if out_path and fmt != "jsonl":
            counts = arc.export(out_path, fmt, **scope)
            err.print(f"exported to {out_path}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), markup=False)
        elif out_path:
            with open(out_path, "w", encoding="utf-8", newline="") as fh:
                n = arc.write_articles(fh, fmt, **scope)
            err.print(f"exported {n} articles to {out_path}", markup=False)
        else:
            arc.write_articles(sys.stdout, fmt, **scope)


@app.command()
def stats(ctx: typer.Context, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Figures about the archive."""
    with open_archive(ctx, db) as arc:
        figures = arc.stats()
    if as_json:
        emit(figures.to_dict())
    else:
        render.print_stats(out, figures)
