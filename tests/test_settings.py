"""One settings object: defaults, then $DATELINE_DB and the TOML file, then overrides; checked;
and where the shared folder (seed records, gold data) is looked for."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.errors import ConfigError
from dateline.eval.all import main as eval_all
from dateline.settings import DATA_ENV, DEFAULT_SHARED, Settings, gold_data_folder, load_settings, shared_folder


def test_the_file_then_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATELINE_DB", raising=False)
    monkeypatch.delenv("DATELINE_CONFIG", raising=False)
    (tmp_path / "dateline.toml").write_text('[dateline]\ndb = "news.db"\nnear_threshold = 1\n')
    s = load_settings()
    assert (s.db, s.near_threshold) == ("news.db", 1.0)  # an integer is a fine float
    assert load_settings(db="other.db").db == "other.db"
    assert load_settings(workers=None).workers == Settings().workers  # None leaves the setting alone


@pytest.mark.parametrize(("toml", "message"), [
    ('workers = "four"', "setting workers must be a whole number, not 'four'"),
    ("extract = 1", "setting extract must be true or false, not 1"),
    ("batch_size = true", "setting batch_size must be a whole number, not True"),
    ("colour = 'blue'", "unknown setting(s) in"),
    ("db = ", "cannot read the config file"),
])
def test_a_mistake_in_the_file_is_a_config_error(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "d.toml").write_text(toml + "\n")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_settings(str(tmp_path / "d.toml"))


def test_a_missing_file_and_a_wrong_override_are_config_errors(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(str(tmp_path / "none.toml"))
    with pytest.raises(ConfigError, match="setting search_window must be a whole number"):
        load_settings(None, search_window="lots")



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


def test_models_per_language_from_the_file_laid_over_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "d.toml").write_text('[dateline.models]\nen = "en_core_web_md"\nde = "de_core_news_sm"\nfr = ""\n')
    s = load_settings(str(tmp_path / "d.toml"))
    assert s.model == "en_core_web_md" and s.model_for("en") == s.model_for(None) == "en_core_web_md"
    assert (s.model_for("de"), s.model_for("ru"), s.model_for("fr"), s.model_for("es")) == (
        "de_core_news_sm", "natasha", None, None)
    assert load_settings(str(tmp_path / "d.toml"), model="other").model_for("en") == "other"  # --model wins


@pytest.mark.parametrize(("toml", "message"), [
    ('models = "natasha"', "models must be a table"),
    ('[dateline.models]\nrussian = "natasha"', "russian is not a two-letter ISO 639-1 code"),
    ("[dateline.models]\nru = 1", "models.ru must be a pipeline name"),
])
def test_a_mistake_in_the_models_table_is_a_config_error(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "d.toml").write_text(toml + "\n")
    with pytest.raises(ConfigError, match=message):
        load_settings(str(tmp_path / "d.toml"))
