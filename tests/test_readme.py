"""The README's notebook example, run as written on a small archive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from api.fixture_archive import build

README = Path(__file__).parents[1] / "README.md"


def _example() -> str:
    section = README.read_text().split("## In a notebook", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match, "the notebook section has a Python example"
    return match.group(1)


@pytest.mark.slow  # matplotlib's first import takes seconds
def test_the_notebook_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas")
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")  # no display
    monkeypatch.chdir(tmp_path)
    build(tmp_path / "news.db")
    scope: dict[str, object] = {}
    exec(compile(_example(), "README.md", "exec"), scope)  # noqa: S102  (our own README)
    assert scope["per_month"].to_dict() == {"2024-03": 1}  # type: ignore[attr-defined]
    assert scope["quotes"]["text"].tolist() == ["We expect a calm count"]  # type: ignore[index]
