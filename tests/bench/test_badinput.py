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


EXTRACT_NAMES = ["ordinary_article", *badinput.SHAPES, "big_shapes"]


@pytest.fixture(scope="module")
def extract_cases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, badinput.Case]]:
    root = tmp_path_factory.mktemp("badinput_extract")
    return root, {c.name: c for c in badinput.make_extract_cases(root / "cases", badinput.EXTRACT_SMALL)}


@pytest.mark.slow
@pytest.mark.parametrize("name", EXTRACT_NAMES)
def test_hostile_extraction_case(name: str, extract_cases: tuple[Path, dict[str, badinput.Case]]) -> None:
    root, by_name = extract_cases
    result = badinput.run_case(str(root / "cases" / name), str(root / f"{name}.db"), badinput.SMALL,
                               badinput.EXTRACT_SMALL)
    assert badinput.check(by_name[name], result) == [], result  # within budget, every record accounted for


def test_check_catches_a_run_over_its_budget() -> None:
    case = badinput.Case("x", "", good=1, budget_s=2.0)
    slow = {"read": 1, "stored": 1, "duplicates": 0, "rejected": 0, "reasons": {},
            "rows": 1, "undated_warned": 0, "integrity": "ok", "seconds": 3.5}
    assert badinput.check(case, slow) == ["took 3.5 CPU-s, over its budget of 2 s"]
