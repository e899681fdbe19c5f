"""The languages suite's glue on texts written here: samples, detection tallies, the table, and
the whole suite on the shared data when it is there (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.suites import data_folder
from dateline.eval.suites.languages import _detection, _first_sentence, _result, _sample
from dateline.settings import gold_data_folder, shared_folder


def test_a_text_without_a_title_is_tried_short_by_its_first_sentence() -> None:
    body = ("В среду в Москве прошли переговоры министров. Стороны обсудили поставки газа.\n\n"
            "Второй абзац.")
    s = _sample("ru", "t", body, None)
    assert s.texts["title"] == "В среду в Москве прошли переговоры министров."
    assert s.texts["paragraph"].startswith("В среду") and "Второй" not in s.texts["paragraph"]
    assert _sample("en", "t", "Body text here. " * 10, "  MARKETS  RALLY ").texts["title"] == "MARKETS RALLY"
    assert len(_first_sentence("слово " * 100)) <= 120


def test_the_languages_suite_runs_on_any_of_its_corpora(tmp_path: Path) -> None:
    assert data_folder("languages", tmp_path) is None
    (tmp_path / "factrueval").mkdir()
    assert data_folder("languages", tmp_path) == tmp_path


@pytest.mark.slow  # loads py3langid's model twice (ours and the clean stage's)
def test_detection_tallies_each_kind_and_language_and_the_stage_rule() -> None:
    samples = [
        _sample("en", "t", "The central bank raised interest rates on Wednesday, saying inflation "
                "had stayed higher than it expected for most of the year.", "Central bank raises rates"),
        _sample("de", "t", "Die Zentralbank hat am Mittwoch die Zinsen erhöht, weil die Inflation "
                "im größten Teil des Jahres höher blieb als erwartet.", "Zentralbank erhöht die Zinsen"),
    ]
    out = _detection(samples, with_lingua=False)
    ours = out["systems"]["py3langid"]
    assert ours["n"]["article"] == 2 and ours["n"]["title|de"] == 1
    assert ours["accuracy"]["article"] == 1.0
    assert sum(out["stage"]["article"].values()) == 2


def test_the_table_marks_targets_and_the_no_model_check() -> None:
    counts = {"gold": 10, "sys": 10, "tp": 9, "precision": 0.9, "recall": 0.9, "f1": 0.9}
    figures = {
        "samples": {"en (t)": 1},
        "detection": None,
        "russian_ner": {"documents": 1, "seconds": 1.0,
                        "dateline": {"all": counts, "PER": counts, "ORG": counts, "LOC": counts},
                        "natasha": {"all": counts, "PER": counts, "ORG": counts, "LOC": counts}},
        "natasha_cost": None,
        "no_model": {"articles": 2, "languages": {"de": 2}, "entities": 1, "quotes": 0, "events": 0,
                     "warned": 2},
    }
    rows = {r.measure: r for r in _result(figures).rows}
    f1 = next(r for m, r in rows.items() if m.startswith("factRuEval entity F1"))
    assert f1.target == ">= 0.85 ok"
    nm = next(r for m, r in rows.items() if m.startswith("articles without a model"))
    assert nm.dateline == "1 / 0 / 0" and nm.target.endswith("MISSED")


def _data() -> Path:
    return gold_data_folder(shared_folder())


@pytest.mark.slow
@pytest.mark.skipif(not (_data() / "factrueval").is_dir(), reason="no shared data (factrueval/)")
def test_the_suite_on_a_few_documents_of_the_shared_data() -> None:
    from dateline.eval.suites.languages import _factrueval, _russian_ner
    from dateline.settings import Settings

    ner = _russian_ner(_factrueval(_data(), 3), Settings())
    assert ner["documents"] == 3 and ner["dateline"]["all"]["gold"] > 0
    assert ner["dateline"]["all"]["f1"] > 0.5 and ner["natasha"]["all"]["f1"] > 0.5

