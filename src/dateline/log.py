"""The package's loggers, made on first use.

Only the write side logs (the pipeline, the spaCy loader), and importing `logging` is about a
tenth of a read command's start (issue 20: a fast start), so neither `import dateline` nor a read
command imports it. What a library does at import, a NullHandler on its root logger (the
application decides where records go), is done here when the first logger is made, and an
application that wants the records (the command line) says how to route them with
`on_first_logger`: it runs before any logger of the package can emit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

ROOT = "dateline"

_hook: Callable[[], None] | None = None
_made = False


def on_first_logger(hook: Callable[[], None]) -> None:
    """Run `hook` (which imports and configures `logging`) when the package makes its first
    logger, or now if it already has. One hook is kept: a second call replaces the first."""
    global _hook
    if _made:
        hook()
    else:
        _hook = hook


def get_logger(name: str) -> logging.Logger:
    """The logger `name` (a module of the package), with the package's root logger set up."""
    global _made, _hook
    import logging

    if not _made:
        _made = True
        root = logging.getLogger(ROOT)
        if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
            root.addHandler(logging.NullHandler())
        if _hook is not None:
            hook, _hook = _hook, None
            hook()
    return logging.getLogger(name)
