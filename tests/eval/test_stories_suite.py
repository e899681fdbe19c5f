"""The stories suite on a tiny ECB+-shaped file written here (profiles without the model)."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.eval.suites import stories
from dateline.stories import profile_text

DOCS = [
    ("1_1ecb.xml", "1", "1_ecb", "Actress Ana Vale enters rehab clinic in Malibu\nVale checked into the clinic."),
    ("1_2ecb.xml", "1", "1_ecb", "Ana Vale checks into Malibu rehab clinic\nHer spokesman confirmed Vale's stay."),
    ("1_1ecbplus.xml", "1", "1_ecbplus", "http : / / example . com / x\nSinger Tom Reyes leaves rehab in Utah\n"
     "Reyes left the Utah facility."),
    ("1_2ecbplus.xml", "1", "1_ecbplus", "http : / / example . com / y\nTom Reyes out of Utah rehab\n"
     "Reyes completed treatment in Utah."),
    ("12_1ecb.xml", "12", "12_ecb", "Flood hits Dhaka\nMonsoon floods submerged Dhaka streets."),
    ("12_2ecb.xml", "12", "12_ecb", "Dhaka flood waters rise\nFloods in Dhaka forced thousands to move."),
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "ecbplus_dev.jsonl"
    path.write_text("".join(json.dumps({"doc": d, "topic": t, "subtopic": s, "n_sentences": 2, "text": x}) + "\n"
                            for d, t, s, x in DOCS), encoding="utf-8")
    return tmp_path


def _profiles(docs: list[stories.Doc], settings: object) -> dict:
    return {d.id: profile_text(None, d.text) for d in docs}


def test_the_url_line_of_ecbplus_documents_is_dropped(tmp_path: Path) -> None:
    docs = stories.load(_file(tmp_path))
    assert not any(d.text.startswith("http") for d in docs)
    assert docs[0].text.startswith("Actress")


def test_the_suite_scores_dateline_beside_both_baselines_per_part(tmp_path: Path) -> None:
    result = stories.run(_file(tmp_path), pipeline=_profiles)
    figures = result.figures
    assert set(figures) >= {"development (topics 1-11)", "report (topics 12-22)", "all"}
    dev = figures["development (topics 1-11)"]
    assert set(dev) == {"dateline", "tfidf_average_linkage", "near_copies"}
    assert dev["dateline"]["file order"]["gold_stories"] == 2
    assert 0.0 <= dev["dateline"]["file order"]["b3_f1"] <= 1.0
    assert figures["report (topics 12-22)"]["dateline"]["file order"]["b3_f1"] == 1.0
    assert any("false merges" in r.measure for r in result.rows)
