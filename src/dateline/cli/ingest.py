"""Commands that read inputs: parse (no archive), ingest, load (Ray shards)."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline import api
from dateline.cli.common import DbOpt, FieldOpt, FormatOpt, JsonOpt, app, emit, err, out, settings_of
from dateline.errors import DatelineError, UsageError
from dateline.settings import Settings

PathsArg = Annotated[list[str], typer.Argument(metavar="PATH", help="Files, folders, globs, or - for stdin.")]
ExtractOpt = Annotated[bool, typer.Option("--extract/--no-extract", help="Run the extractors.")]
ModelOpt = Annotated[str | None, typer.Option(
    "--model", help="spaCy pipeline for English articles and those of unknown language; other languages: "
    "[dateline.models] in dateline.toml.")]


@app.command()
def parse(ctx: typer.Context, paths: PathsArg, as_json: JsonOpt = False, fmt: FormatOpt = None,
          extract: ExtractOpt = True, model: ModelOpt = None, field: FieldOpt = None) -> None:
    """Read and clean articles without an archive; print them."""
    from dateline.cli.render import print_article

    n = rejected = 0
    for o in api.parse(paths, settings_of(ctx, field, extract=extract, model=model), fmt):
        if o.article is None:
            rejected += 1
            assert o.rejected is not None
            src = o.raw.source
            err.print(f"rejected {src.path}#{src.record}: {o.rejected.reason}: {o.rejected.detail}", markup=False)
            continue
        n += 1
        if as_json:
            emit(o.article.to_dict())
        else:
            print_article(out, o.article)
    if n == 0 and rejected == 0:
        raise DatelineError("nothing could be read from the inputs")
    if n == 0:
        raise DatelineError(f"no article in the inputs: all {rejected:,} records were rejected")


@app.command()
def ingest(
    ctx: typer.Context, paths: PathsArg, db: DbOpt = None, fmt: FormatOpt = None, as_json: JsonOpt = False,
    extract: ExtractOpt = True, model: ModelOpt = None,
    batch: Annotated[int | None, typer.Option("--batch", min=1, help="Records per transaction.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Processes (default: cores).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local or ray.")] = "local",
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster address (ray engine).")] = None,
    out_dir: Annotated[str | None, typer.Option("--out", help="Folder for Parquet shards (ray engine).")] = None,
    field: FieldOpt = None,
) -> None:
    """Read, clean, extract and store articles in the archive (or, with --engine ray, in shards)."""
    from dateline.cli.render import IngestProgress
    from dateline.engines.local import default_workers

    settings = settings_of(ctx, field, db=db, extract=extract, model=model, write_batch=batch,
                           workers=workers or default_workers())
    if engine not in ("local", "ray"):
        raise UsageError(f"unknown engine {engine!r}; choose local or ray")
    if engine == "ray":
        _ingest_ray(paths, settings, fmt, address, out_dir, as_json)
        return
    with IngestProgress(err) as progress:
        result = api.ingest(paths, settings, fmt, progress=progress.update)
    _report(result, as_json)


def _ingest_ray(paths: list[str], settings: Settings, fmt: str | None, address: str | None,
                out_dir: str | None, as_json: bool) -> None:
    from dateline.engines.ray_engine import RayMissing, run

    if not out_dir:
        raise UsageError("--engine ray needs --out DIR (then: dateline load DIR --db FILE)")
    try:
        figures = run(paths, settings, out_dir, fmt, address, settings.workers)
    except RayMissing as exc:
        raise UsageError(str(exc)) from exc
    if as_json:
        emit(figures)
    else:
        out.print(f"wrote shards to {out_dir} ({figures['files']} files, Ray start-up "
                  f"{figures['startup_seconds']:.1f} s, processing {figures['seconds']:.1f} s); "
                  f"next: dateline load {out_dir} --db {settings.db}")


@app.command()
def load(
    ctx: typer.Context,
    folder: Annotated[str, typer.Argument(metavar="FOLDER", help="A folder of Parquet shards from --engine ray.")],
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Load the Parquet shards of a Ray run into the archive."""
    from dateline.cli.render import IngestProgress

    with IngestProgress(err) as progress:
        result = api.load(folder, settings_of(ctx, db=db), progress=progress.update)
    _report(result, as_json)


def _report(result: api.IngestResult, as_json: bool) -> None:
    from dateline.cli.render import print_summary

    if as_json:
        c = result.counts
        emit({"run": result.run_id, "read": c.read, "stored": c.stored, "duplicates": c.duplicates,
              "already": c.already, "rejected": c.rejected, "reasons": c.reasons,
              "interrupted": result.interrupted, "seconds": round(result.seconds, 3), "stages": result.stages,
              "warnings": result.advice or [], "languages": result.languages})
    else:
        print_summary(out, result)
        for line in result.advice or []:
            err.print(f"warning: {line}", markup=False)
    c = result.counts
    if c.read == 0:
        raise DatelineError("nothing could be read from the inputs")
    if c.stored + c.duplicates + c.already == 0 and c.rejected == c.read and not result.interrupted:
        why = ", ".join(f"{k} {v:,}" for k, v in sorted(c.reasons.items(), key=lambda kv: -kv[1])[:4])
        raise DatelineError(f"nothing was stored: all {c.read:,} records were rejected ({why}); "
                            "see them with: dateline stats, or the rejects table")
