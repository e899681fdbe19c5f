"""The command line: each command parses its flags, makes API calls, renders; errors are one line.

Commands live by what they read (`ingest`, `read`, `facts`, `clusters`); `main` turns every
error a user can cause into `error: <one line>` and the error kind's exit code.
"""

from __future__ import annotations

import os
import sys
import warnings
from contextlib import suppress
from typing import Annotated

import typer

from dateline.cli import clusters, events, facts, ingest, places, read, stories  # noqa: F401  (the modules register their commands)
from dateline.cli.common import FLAGS, DbOpt, app, err, settings_of
from dateline.cli.helptext import humanize
from dateline.cli.tree import command_tree
from dateline.errors import DatelineError, user_message
from dateline.log import on_first_logger
from dateline.settings import load_settings

try:  # typer 0.2x vendors its own click; older releases use click itself
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover
    from click import exceptions as click_exc  # type: ignore[no-redef]

__all__ = ["app", "main"]


class _Never(Exception):
    """Stands for the error class of a module that was never imported: nothing raised it."""


def _raised_by(module: str, name: str) -> type[Exception]:
    """The exception class `name` of `module` if that module is loaded. Evaluated in an except
    clause, so that catching the readers' errors does not import the readers (and their
    libraries) into every read command: if the module never loaded, it raised nothing."""
    loaded = sys.modules.get(module)
    return getattr(loaded, name) if loaded is not None else _Never


@app.callback()
def root(
    ctx: typer.Context,
    config: Annotated[str | None, typer.Option("--config", help="A dateline.toml settings file.")] = None,
) -> None:
    ctx.obj = load_settings(config)


@app.command()
def serve(
    ctx: typer.Context, db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback unless told).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse the archive in a web browser, with a JSON API beside every page."""
    import uvicorn

    from dateline.web.app import create_app

    settings = settings_of(ctx, db=db)
    web = create_app(settings=settings)  # opens the archive read-only: a missing one fails here, in one line
    err.print(f"serving {settings.db} on http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    uvicorn.run(web, host=host, port=port, log_level="warning")


def _mount_eval() -> None:
    from dateline.eval.cli import eval_app

    app.add_typer(eval_app)


_mount_eval()


def _setup_logging() -> None:
    from dateline.cli.logs import setup_logging

    setup_logging()


def _show_warning(message: Warning | str, category: type[Warning], *args: object, **kw: object) -> None:
    """A library warning as one line, in this command line's words."""
    err.print(f"warning: {user_message(Exception(str(message)), FLAGS)}", markup=False)


def _fail(message: str, code: int) -> int:
    err.print(f"error: {message}", markup=False)
    return code


def _pipe_closed() -> int:
    """The reader of our output went away (`dateline ... | head`): that is a normal end, so exit 0
    quietly, with stdout pointed at /dev/null so that the flush at exit cannot fail again."""
    with suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def main(argv: list[str] | None = None) -> int:
    on_first_logger(_setup_logging)
    previous, warnings.showwarning = warnings.showwarning, _show_warning
    try:
        return _run(argv)
    finally:
        warnings.showwarning = previous


def _run(argv: list[str] | None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--version"]:
        from dateline import __version__

        print(f"dateline {__version__}")
        return 0
    try:
        result = humanize(command_tree(app, args)).main(args=args, standalone_mode=False, prog_name="dateline")
        return result if isinstance(result, int) else 0
    except SystemExit as exc:
        # click and Rich both turn a broken pipe into exit status 1
        if isinstance(exc.__context__, BrokenPipeError):
            return _pipe_closed()
        raise
    except click_exc.NoArgsIsHelpError as exc:
        if exc.ctx is not None:
            err.print(exc.ctx.get_help(), markup=False)
        return 2
    except click_exc.UsageError as exc:
        hint = f" (see: dateline {exc.ctx.info_name} --help)" if exc.ctx and exc.ctx.info_name != "dateline" else ""
        return _fail(f"{exc.format_message()}{hint}", 2)
    except typer.Exit as exc:
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        err.print("interrupted", markup=False)
        return 130
    except DatelineError as exc:
        return _fail(user_message(exc, FLAGS), exc.exit_code)
    except _raised_by("dateline.read", "InputError") as exc:
        return _fail(user_message(exc), 1)
    except _raised_by("dateline.pipeline", "ModelError") as exc:
        return _fail(user_message(exc), 2)
    except BrokenPipeError:
        return _pipe_closed()
    except click_exc.ClickException as exc:
        return _fail(exc.format_message(), exc.exit_code)
