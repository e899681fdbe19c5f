"""Every hostile case of bench/badinput.py, at small sizes: the run finishes, good records next
to bad ones are kept, every bad one is a reject with a reason, and the accounting holds."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import badinput  # noqa: E402

NAMES = [c.name for c in badinput.make_cases(Path("/nonexistent-dry-run"), badinput.SMALL, dry=True)]
SLOW = {"html_hostile"}  # trafilatura on five hostile pages: about a second


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, badinput.Case]]:
    root = tmp_path_factory.mktemp("badinput")
    return root, {c.name: c for c in badinput.make_cases(root / "cases", badinput.SMALL)}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.slow) if n in SLOW else n for n in NAMES])
def test_hostile_case(name: str, cases: tuple[Path, dict[str, badinput.Case]]) -> None:
    root, by_name = cases
    result = badinput.run_case(str(root / "cases" / name), str(root / f"{name}.db"), badinput.SMALL)
    assert badinput.check(by_name[name], result) == [], result


def test_check_catches_a_lost_record() -> None:
    case = badinput.Case("x", "", good=2, reasons={"binary"})
    lost = {"read": 3, "stored": 1, "duplicates": 0, "rejected": 1, "reasons": {"binary": 1},
            "rows": 2, "undated_warned": 0, "integrity": "ok"}
    problems = badinput.check(case, lost)
    assert "read != stored + duplicates + rejected" in problems
    assert any("of 2 good records kept" in p for p in problems)
