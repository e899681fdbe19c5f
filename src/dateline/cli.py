"""The command line: thin commands over `dateline.api`; errors are one line, never a traceback."""

from __future__ import annotations

import json
import logging
import os
import sys
import warnings
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dateline import api
from dateline.archive.search import QueryError
from dateline.archive.store import Archive, ArchiveError
from dateline.model import Article
from dateline.pipeline import ModelError
from dateline.read import InputError
from dateline.settings import DB_ENV, Settings, load_settings, parse_field_flags

try:  # typer 0.2x vendors its own click; older releases use click itself
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover
    from click import exceptions as click_exc  # type: ignore[no-redef]

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="dateline: turn raw news dumps into a clean, de-duplicated, searchable archive.",
)
out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class UserError(Exception):
    """A mistake the user can fix; printed as one line. `code` 1: nothing to do, 2: usage."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


DbOpt = Annotated[str, typer.Option("--db", envvar=DB_ENV, help="Archive file (SQLite).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON Lines output, one record a line.")]
FormatOpt = Annotated[str | None, typer.Option("--format", "-f", help="Input format (default: sniffed).")]
FieldOpt = Annotated[list[str] | None, typer.Option(
    "--field", metavar="TARGET=NAME",
    help="Read a record field from an input field of another name, e.g. date=publication_date (repeatable).")]


def _settings(ctx: typer.Context, field_flags: list[str] | None = None, **overrides: Any) -> Settings:
    base: Settings = ctx.obj if isinstance(ctx.obj, Settings) else Settings()
    if field_flags:
        try:
            overrides["fields"] = {**base.fields, **parse_field_flags(field_flags)}
        except ValueError as exc:
            raise UserError(str(exc), 2) from exc
    return base.with_overrides(**overrides)


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[str | None, typer.Option("--config", help="A dateline.toml settings file.")] = None,
) -> None:
    try:
        ctx.obj = load_settings(config)
    except (OSError, ValueError) as exc:
        raise UserError(str(exc), 2) from exc


def _emit(d: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")


def _open(db: str) -> Archive:
    return Archive(db, readonly=True)


# -- parse ---------------------------------------------------------------------------------
@app.command()
def parse(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Run the extractors.")] = True,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use.")] = None,
    field: FieldOpt = None,
) -> None:
    """Read and clean articles without an archive; print them."""
    settings = _settings(ctx, field, extract=extract, model=model)
    n = rejected = 0
    for o in api.parse(paths, settings, fmt):
        if o.article is None:
            rejected += 1
            assert o.rejected is not None
            src = o.raw.source
            err.print(f"rejected {src.path}#{src.record}: {o.rejected.reason}: {o.rejected.detail}", markup=False)
            continue
        n += 1
        if as_json:
            _emit(o.article.to_dict())
        else:
            from dateline.render import print_article

            print_article(out, o.article)
    if n == 0 and rejected == 0:
        raise UserError("nothing could be read from the inputs")
    if n == 0:
        raise UserError(f"no article in the inputs: all {rejected:,} records were rejected")


# -- ingest --------------------------------------------------------------------------------
@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")],
    db: DbOpt = "dateline.db",
    fmt: FormatOpt = None,
    as_json: JsonOpt = False,
    extract: Annotated[bool, typer.Option("--extract/--no-extract", help="Run the extractors.")] = True,
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline to use.")] = None,
    batch: Annotated[int | None, typer.Option("--batch", min=1, help="Records per transaction.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Processes (default: cores).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or ray.")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster address (ray engine).")] = None,
    out_dir: Annotated[str | None, typer.Option("--out", help="Folder for Parquet shards (ray engine).")] = None,
    field: FieldOpt = None,
) -> None:
    """Read, clean, extract and store articles in the archive (or, with --engine ray, in shards)."""
    from dateline.engines.local import default_workers

    settings = _settings(ctx, field, db=db, extract=extract, model=model, write_batch=batch,
                         workers=workers or default_workers())
    if engine not in ("local", "ray"):
        raise UserError(f"unknown engine {engine!r}; choose local or ray", 2)
    if engine == "ray":
        _ingest_ray(paths, settings, fmt, address, out_dir, as_json)
        return
    from dateline.render import IngestProgress

    with IngestProgress(err) as progress:
        result = api.ingest(paths, settings, fmt, progress=progress.update)
    _report(result, as_json)


def _ingest_ray(paths: list[str], settings: Settings, fmt: str | None, address: str | None,
                out_dir: str | None, as_json: bool) -> None:
    from dateline.engines.ray_engine import RayMissing, run

    if not out_dir:
        raise UserError("--engine ray needs --out DIR (then: dateline load DIR --db FILE)", 2)
    try:
        figures = run(paths, settings, out_dir, fmt, address, settings.workers)
    except RayMissing as exc:
        raise UserError(str(exc), 2) from exc
    if as_json:
        _emit(figures)
    else:
        out.print(f"wrote shards to {out_dir} ({figures['files']} files, Ray start-up "
                  f"{figures['startup_seconds']:.1f} s, processing {figures['seconds']:.1f} s); "
                  f"next: dateline load {out_dir} --db {settings.db}")


@app.command()
def load(
    ctx: typer.Context,
    folder: Annotated[str, typer.Argument(help="A folder of Parquet shards from --engine ray.")],
    db: DbOpt = "dateline.db",
    as_json: JsonOpt = False,
) -> None:
    """Load the Parquet shards of a Ray run into the archive."""
    from dateline.render import IngestProgress

    settings = _settings(ctx, db=db)
    with IngestProgress(err) as progress:
        result = api.load(folder, settings, progress=progress.update)
    _report(result, as_json)


def _report(result: api.IngestResult, as_json: bool) -> None:
    from dateline.render import print_summary

    if as_json:
        c = result.counts
        _emit({"run": result.run_id, "read": c.read, "stored": c.stored, "duplicates": c.duplicates,
               "already": c.already, "rejected": c.rejected, "reasons": c.reasons,
               "interrupted": result.interrupted, "seconds": round(result.seconds, 3), "stages": result.stages,
               "warnings": result.advice or []})
    else:
        print_summary(out, result)
        for line in result.advice or []:
            err.print(f"warning: {line}", markup=False)
    c = result.counts
    if c.read == 0:
        raise UserError("nothing could be read from the inputs")
    if c.stored + c.duplicates + c.already == 0 and c.rejected == c.read and not result.interrupted:
        why = ", ".join(f"{k} {v:,}" for k, v in sorted(c.reasons.items(), key=lambda kv: -kv[1])[:4])
        raise UserError(f"nothing was stored: all {c.read:,} records were rejected ({why}); "
                        "see them with: dateline stats, or the rejects table")


# -- search --------------------------------------------------------------------------------
@app.command()
def search(
    query: Annotated[str, typer.Argument(help="FTS5 query: words, \"phrases\", AND/OR/NOT, prefix*.")],
    db: DbOpt = "dateline.db",
    date_from: Annotated[str | None, typer.Option("--from", help="Earliest publication date.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Latest publication date.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 20,
    sort: Annotated[str, typer.Option("--sort", help="rank or date (newest first).")] = "rank",
    literal: Annotated[bool, typer.Option("--literal", help="Treat the query as plain words.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Every copy, not one per story cluster.")] = False,
    ids: Annotated[bool, typer.Option("--ids", help="Print only the article ids.")] = False,
    author: Annotated[str | None, typer.Option("--author", help="Only articles with this byline.")] = None,
    exhaustive: Annotated[bool, typer.Option(
        "--exhaustive", help="Rank every match (slower), not only the 2,000 most recently stored.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search of the archive."""
    from dateline.archive.search import DEFAULT_WINDOW
    from dateline.archive.search import search as run_search

    with _open(db) as archive:
        hits = run_search(archive.conn, query, date_from=date_from, date_to=date_to, limit=limit,
                          sort=sort, literal=literal, one_per_cluster=not show_all,
                          window=None if exhaustive else DEFAULT_WINDOW,
                          time_limit=30.0 if exhaustive else 2.0, author=author)
    if hits.windowed and not (as_json or ids):
        err.print(f"note: more than {DEFAULT_WINDOW:,} matches; the most recently stored {DEFAULT_WINDOW:,} were "
                  "ranked (--exhaustive ranks them all)", markup=False)
    if ids:
        for h in hits:
            print(h.id)
    elif as_json:
        for h in hits:
            _emit(h.to_dict())
    else:
        from dateline.render import print_hits

        print_hits(out, hits)


# -- show ----------------------------------------------------------------------------------
@app.command()
def show(
    ident: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a unique prefix).")],
    db: DbOpt = "dateline.db",
    as_json: JsonOpt = False,
) -> None:
    """One article, with its facts and its copies."""
    with _open(db) as archive:
        article = archive.article(ident)
        if article is None:
            raise UserError(f"no article with id {ident!r} in {db}")
        if as_json:
            _emit(_full_dict(archive, article))
        else:
            from dateline.render import print_article

            print_article(out, article, sources=archive.raw_records(article.id),
                          copies=archive.cluster_members(article))


def _full_dict(archive: Archive, article: Article) -> dict[str, Any]:
    d = article.to_dict()
    d["copies"] = archive.cluster_members(article)
    return d


# -- export --------------------------------------------------------------------------------
@app.command()
def export(
    db: DbOpt = "dateline.db",
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = "jsonl",
    out_path: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Export every article (the article contract's fields)."""
    from dateline.archive.export import FORMATS
    from dateline.archive.export import export as run_export

    if fmt not in FORMATS:
        raise UserError(f"unknown export format {fmt!r}; choose one of: {', '.join(FORMATS)}", 2)
    if fmt == "parquet" and not out_path:
        raise UserError("parquet export needs --out FILE", 2)
    with _open(db) as archive:
        if out_path and fmt != "parquet":
            with open(out_path, "w", encoding="utf-8", newline="") as fh:
                n = run_export(archive, fmt, out=fh)
        else:
            n = run_export(archive, fmt, path=out_path)
    if out_path:
        err.print(f"exported {n} articles to {out_path}", markup=False)


# -- stats ---------------------------------------------------------------------------------
@app.command()
def stats(db: DbOpt = "dateline.db", as_json: JsonOpt = False) -> None:
    """Figures about the archive."""
    from dateline.archive.stats import stats as run_stats

    with _open(db) as archive:
        figures = run_stats(archive)
    if as_json:
        _emit(figures)
        return
    table = Table(title=f"archive {db}", show_header=False)
    for key in ("articles", "sources", "rejects", "undated", "published_from", "published_to", "size_bytes"):
        table.add_row(key, str(figures[key]))
    table.add_row("formats", ", ".join(f"{k}: {v}" for k, v in figures["formats"].items()))
    table.add_row("reject reasons", ", ".join(f"{k}: {v}" for k, v in figures["reject_reasons"].items()) or "-")
    out.print(table)


# -- facts ---------------------------------------------------------------------------------
@app.command()
def entities(
    db: DbOpt = "dateline.db",
    etype: Annotated[str | None, typer.Option("--type", "-t", help="PERSON, ORG, GPE, LOC, NORP, ...")] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, max=1000)] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Entities by the number of articles that name them, with aliases."""
    from dateline.archive.queries import ENTITY_TYPES, top_entities

    if etype and etype.upper() not in ENTITY_TYPES:
        raise UserError(f"unknown entity type {etype!r}; choose one of: {', '.join(ENTITY_TYPES)}", 2)
    with _open(db) as archive:
        rows = top_entities(archive.conn, etype, top)
    if as_json:
        for r in rows:
            _emit(r)
        return
    table = Table("entity", "type", "country", "articles", "mentions", "aliases")
    for r in rows:
        table.add_row(r["name"], r["type"], r["country"] or "", str(r["articles"]), str(r["mentions"]),
                      ", ".join(r["aliases"][:6]))
    out.print(table)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name, an alias or an entity id.")],
    db: DbOpt = "dateline.db",
    as_json: JsonOpt = False,
) -> None:
    """One entity: aliases, roles, mentions per month, quotes, the articles."""
    from dateline.archive.queries import entity_detail, find_entity

    with _open(db) as archive:
        ent = find_entity(archive.conn, name)
        if ent is None:
            raise UserError(f"no entity named {name!r} in {db} (try: dateline entities --top 50)")
        detail = entity_detail(archive.conn, ent["id"])
    if as_json:
        _emit({**ent, **detail})
        return
    from dateline.render import print_entity

    print_entity(out, ent, detail)


@app.command()
def quotes(
    db: DbOpt = "dateline.db",
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Name or alias of the speaker.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct or indirect.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Quotes with their speakers."""
    from dateline.archive.queries import quotes as run_quotes

    if kind and kind not in ("direct", "indirect"):
        raise UserError("--kind must be direct or indirect", 2)
    with _open(db) as archive:
        rows = run_quotes(archive.conn, speaker=speaker, kind=kind, limit=limit)
    if as_json:
        for r in rows:
            _emit(r)
        return
    if not rows:
        out.print("no quotes")
    for r in rows:
        out.print(f"[bold]{escape(r['speaker'] or '?')}[/bold] [dim]({r['kind']}, {r['published'] or '-'}, "
                  f"{r['article_id']})[/dim]")
        out.print("  " + escape(r["text"][:300]))


@app.command()
def amounts(
    db: DbOpt = "dateline.db",
    unit: Annotated[str | None, typer.Option("--unit", "-u", help="Currency or unit: USD, EUR, percent...")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=1000)] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Amounts of money and counts, with what is counted."""
    from dateline.archive.queries import amounts as run_amounts
    from dateline.render import format_value

    with _open(db) as archive:
        rows = run_amounts(archive.conn, unit=unit, limit=limit)
    if as_json:
        for r in rows:
            _emit(r)
        return
    table = Table("text", "value", "unit", "qualifier", "counted", "published", "article")
    for r in rows:
        value = format_value(r["value"]) if r["value"] is not None else ""
        table.add_row(r["text"], value, r["unit"] or "", r["qualifier"] or "", r["counted"] or "",
                      r["published"] or "", r["article_id"])
    out.print(table)


# -- clusters ------------------------------------------------------------------------------
@app.command()
def clusters(
    db: DbOpt = "dateline.db",
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Smallest cluster size (copies).")] = 2,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10000)] = 50,
    as_json: JsonOpt = False,
) -> None:
    """Story clusters: copies of one story, largest first."""
    from dateline.dedup.index import list_clusters

    with _open(db) as archive:
        if not _has_table(archive, "dedup_members"):
            rows: list[dict[str, Any]] = []
        else:
            rows = list_clusters(archive.conn, min_size=min_size, limit=limit)
    if as_json:
        for r in rows:
            _emit(r)
        return
    if not rows:
        out.print("no clusters of that size")
        return
    table = Table("size", "kind", "representative", "first", "last", "outlets", "cluster")
    for r in rows:
        rep = r["representative"]
        table.add_row(str(r["size"]), r["kind"], (rep.get("title") or rep.get("first_words") or "")[:60],
                      r.get("first_published") or "", r.get("last_published") or "",
                      ", ".join(x for x in r.get("outlets") or [] if x)[:40], r["id"])
    out.print(table)


def _has_table(archive: Archive, name: str) -> bool:
    return archive.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


@app.command()
def dedup(
    ctx: typer.Context,
    db: DbOpt = "dateline.db",
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Recompute every cluster of the archive.")] = False,
    threshold: Annotated[float | None, typer.Option("--threshold", min=0.01, max=1.0,
                                                    help="Near-duplicate Jaccard threshold.")] = None,
) -> None:
    """Recompute near-duplicate clusters for the whole archive."""
    if not rebuild:
        raise UserError("nothing to do: use dateline dedup --rebuild [--threshold T]", 2)
    settings = _settings(ctx, db=db, near_threshold=threshold)
    with _open(db):
        pass  # a clear error for a missing archive before anything is created
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "stored parameters differ": exactly what a rebuild settles
        archive = Archive(db, settings=settings)
    with archive:
        assert archive.dedup is not None
        archive.conn.execute("BEGIN IMMEDIATE")
        try:
            archive.dedup.rebuild(threshold)
            archive.conn.execute("COMMIT")
        except BaseException:
            archive.conn.execute("ROLLBACK")
            raise
        n = archive.conn.execute("SELECT COUNT(DISTINCT cluster) FROM dedup_members").fetchone()[0]
    out.print(f"rebuilt: {n} clusters of near duplicates")


# -- serve ---------------------------------------------------------------------------------
@app.command()
def serve(
    db: DbOpt = "dateline.db",
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless told).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse the archive in a web browser, with a JSON API beside every page."""
    import uvicorn

    from dateline.web.app import create_app

    web = create_app(db)  # opens the archive read-only: a missing one fails here, in one line
    err.print(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


# -- eval ----------------------------------------------------------------------------------
def _mount_eval() -> None:
    from dateline.eval.cli import eval_app

    app.add_typer(eval_app)


_mount_eval()


# -- entry point ---------------------------------------------------------------------------
class _OneLine(logging.Formatter):
    """Log records as one line; the traceback only with DATELINE_DEBUG set."""

    def format(self, record: logging.LogRecord) -> str:
        if os.environ.get("DATELINE_DEBUG"):
            return super().format(record)
        return f"{record.levelname.lower()}: {record.getMessage()}"


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine("%(levelname)s: %(message)s"))
    root = logging.getLogger("dateline")
    if not root.handlers:
        root.addHandler(handler)
        root.setLevel(logging.WARNING)
        root.propagate = False


def main(argv: list[str] | None = None) -> int:
    _setup_logging()
    try:
        result = app(args=argv, standalone_mode=False, prog_name="dateline")
        return result if isinstance(result, int) else 0
    except click_exc.NoArgsIsHelpError as exc:
        if exc.ctx is not None:
            err.print(exc.ctx.get_help(), markup=False)
        return 2
    except click_exc.UsageError as exc:
        hint = f" (see: dateline {exc.ctx.info_name} --help)" if exc.ctx and exc.ctx.info_name != "dateline" else ""
        err.print(f"error: {exc.format_message()}{hint}", markup=False)
        return 2
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        err.print("interrupted", markup=False)
        return 130
    except UserError as exc:
        err.print(f"error: {exc}", markup=False)
        return exc.code
    except (InputError, ArchiveError) as exc:
        err.print(f"error: {exc}", markup=False)
        return 1
    except (QueryError, ModelError) as exc:
        err.print(f"error: {exc}", markup=False)
        return 2
    except BrokenPipeError:
        return 0
    except click_exc.ClickException as exc:
        err.print(f"error: {exc.format_message()}", markup=False)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
