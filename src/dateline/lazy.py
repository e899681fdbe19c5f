"""Names a package exports but imports only when first used: `import dateline` and the read
commands must not pay for the write side (spaCy, numpy, the readers) they never touch."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, where: dict[str, str], namespace: dict[str, Any],
                 exported: list[str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module's `__getattr__` and `__dir__` for `where` (name -> module holding it); a name is
    imported on first use and kept in `namespace` (the module's globals) from then on."""

    def getattr_(name: str) -> Any:
        if name in where:
            value = getattr(importlib.import_module(where[name]), name)
            namespace[name] = value
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def dir_() -> list[str]:
        return sorted([*namespace, *exported])

    return getattr_, dir_
