"""What a suite returns: rows for a table and one JSON-ready object of figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

NOT_INSTALLED = "n/a (extraction not installed)"


@dataclass(slots=True)
class Row:
    measure: str
    dateline: str
    baseline: str = ""
    target: str = ""


@dataclass(slots=True)
class SuiteResult:
    suite: str
    rows: list[Row]
    figures: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    baseline_name: str = ""
    # A suite that compares systems prints its figures alone, one member per system.
    flat: bool = False

    def to_json(self) -> dict[str, Any]:
        if self.flat:
            return dict(self.figures)
        return {"suite": self.suite, "figures": self.figures, "notes": self.notes}


def fmt(x: float | None, digits: int = 3) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def meets(value: float | None, target: float) -> str:
    """The target, with a mark saying whether the figure reaches it."""
    if value is None:
        return f">= {target}"
    return f">= {target} {'ok' if value >= target else 'MISSED'}"
