"""`dateline eval SUITE PATH [--limit N] [--offset N] [--json]`: one suite, a Rich table or JSON figures.

The main CLI mounts `eval_app` with `app.add_typer(eval_app)`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dateline.eval.result import SuiteResult
from dateline.eval.suites import SUITES

eval_app = typer.Typer(help="Measure dateline against gold data, beside the baselines.")


class Suite(StrEnum):
    reuters = "reuters"
    timeml = "timeml"
    ner = "ner"
    clean = "clean"
    quotes = "quotes"
    meantime = "meantime"
    html = "html"
    stories = "stories"
    events = "events"
    places = "places"
    archive = "archive"
    languages = "languages"


def render(result: SuiteResult, console: Console) -> None:
    table = Table(title=f"{result.suite}", show_lines=False)
    table.add_column("measure")
    table.add_column("dateline", justify="right")
    has_baseline = any(r.baseline for r in result.rows)
    if has_baseline:
        table.add_column(result.baseline_name or "baseline", justify="right")
    table.add_column("target")
    for r in result.rows:
        cells = [r.measure, r.dateline] + ([r.baseline] if has_baseline else []) + [r.target]
        table.add_row(*cells)
    console.print(table)
    for note in result.notes:
        console.print(f"note: {note}")


# A command named `eval` on an app of its own: the main CLI mounts it with
# `app.add_typer(eval_app)` (no name), which adds the command at the top level, so the
# call is `dateline eval SUITE PATH` with no sub-command name in between.
@eval_app.command("eval")
def eval_command(
    suite: Annotated[Suite, typer.Argument(
        help="reuters | timeml | ner | clean | quotes | meantime | html | stories | events | places | archive"
             " | languages")],
    path: Annotated[Path, typer.Argument(help="the data folder of the suite, or ../shared/data")],
    limit: Annotated[int | None, typer.Option(help="score only the first N documents")] = None,
    offset: Annotated[
        int, typer.Option(min=0, help="skip the first N documents (quotes, places): a held-out slice")
    ] = 0,
    as_json: Annotated[
        bool, typer.Option("--json", help="print one JSON object of figures")
    ] = False,
) -> None:
    """Run one evaluation suite and print its figures."""
    from dateline.eval.suites import TAKES_OFFSET, data_folder

    if offset and suite.value not in TAKES_OFFSET:
        raise typer.BadParameter(f"{suite.value} has no --offset", param_hint="--offset")

    folder = data_folder(suite.value, path)
    if folder is None:
        raise typer.BadParameter(f"no {suite.value} data under {path}", param_hint="PATH")
    options = {"offset": offset} if offset else {}
    result = SUITES[suite.value](folder, limit, None, **options)
    if as_json:
        typer.echo(json.dumps(result.to_json(), default=str))
    else:
        render(result, Console())
