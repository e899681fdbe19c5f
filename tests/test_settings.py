"""Where the shared folder (seed records, gold data) is looked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.all import main as eval_all
from dateline.settings import DATA_ENV, DEFAULT_SHARED, Settings, gold_data_folder, shared_folder


def test_shared_folder_from_setting_then_env_then_beside_the_clone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    assert shared_folder() == DEFAULT_SHARED
    clone = Path(__file__).resolve().parents[1]
    assert DEFAULT_SHARED == clone.parent / "shared"
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "env"))
    assert shared_folder() == tmp_path / "env"
    assert shared_folder(Settings(shared_dir=str(tmp_path / "set"))) == tmp_path / "set"


def test_gold_data_is_the_data_folder_of_the_shared_one_or_the_folder_given(tmp_path: Path) -> None:
    assert gold_data_folder(tmp_path) == tmp_path
    (tmp_path / "data").mkdir()
    assert gold_data_folder(tmp_path) == tmp_path / "data"


def test_eval_without_data_says_how_to_point_at_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "nowhere"))
    assert eval_all([str(tmp_path / "quality.md")]) == 0
    err = capsys.readouterr().err
    assert str(tmp_path / "nowhere") in err and DATA_ENV in err
    assert not (tmp_path / "quality.md").exists()
