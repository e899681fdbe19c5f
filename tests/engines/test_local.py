from __future__ import annotations

import pickle
from pathlib import Path

from dateline.engines.local import StageTimes, process_parallel
from dateline.model import Rejected
from dateline.read import read_inputs
from dateline.settings import Settings

STORY = "Officials in district {i} said on Monday that {i} new schools would open in the autumn term."


def _corpus(tmp_path: Path, n: int = 60) -> Path:
    p = tmp_path / "d.txt"
    lines = [f"date 2024-01-01 {STORY.format(i=i)}" if i % 7 else "date 2024-01-01 tiny" for i in range(n)]
    p.write_text("\n".join(lines) + "\n")
    return p


def _ids(outcomes) -> list[str]:
    return [o.article.id if o.article else "rejected:" + o.rejected.reason for o in outcomes]


def test_pool_gives_the_same_outcomes_in_the_same_order(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    settings = Settings(extract=False, batch_size=8)
    serial = _ids(process_parallel(read_inputs([str(path)]), settings, workers=1))
    times = StageTimes()
    pooled = _ids(process_parallel(read_inputs([str(path)]), settings, workers=2, times=times))
    assert pooled == serial and len(serial) == 60
    assert serial.count("rejected:too_short") == 9
    assert times.seconds["process"] > 0 and times.bottleneck() in ("read", "process", "store")


def test_rejected_survives_pickling() -> None:
    r = pickle.loads(pickle.dumps(Rejected("too_short", "12 characters")))
    assert (r.reason, r.detail) == ("too_short", "12 characters")


def test_the_model_load_is_its_own_stage_and_skipped_when_nothing_needs_it(tmp_path: Path, monkeypatch) -> None:
    import time

    import dateline.engines.local as local
    import dateline.pipeline as pipeline

    loads: list[str] = []

    def slow_load(settings: Settings):  # stands for spaCy's load: seconds once, then cached
        if not loads:
            time.sleep(0.05)
        loads.append(settings.model)
        return lambda articles, settings: iter(articles)

    monkeypatch.setattr(local, "load_extractor", slow_load)
    monkeypatch.setattr(pipeline, "load_extractor", slow_load)
    records = list(read_inputs([str(_corpus(tmp_path, 10))]))
    times = StageTimes()
    done = list(process_parallel(records, Settings(extract=True, batch_size=4), workers=1, times=times))
    assert len(done) == 10 and loads
    assert times.seconds["model"] >= 0.05 > times.seconds["process"]

    for r in records:
        r.stored = True
    times = StageTimes()
    list(process_parallel(records, Settings(extract=True, batch_size=4), workers=1, times=times))
    assert "model" not in times.seconds


def test_the_model_load_is_a_stage_of_its_own_and_not_the_first_batchs(tmp_path: Path,
                                                                       monkeypatch) -> None:
    """The summary shows the model load apart (issue 20): counted in `process` it made a
    short run look slow per record."""
    import time

    import dateline.engines.local as local

    monkeypatch.setattr(local, "load_extractor", lambda settings: time.sleep(0.05))
    monkeypatch.setattr(local, "process", lambda chunk, settings: iter(()))
    times = StageTimes()
    list(process_parallel(read_inputs([str(_corpus(tmp_path, 4))]), Settings(extract=True), workers=1, times=times))
    assert times.seconds["model"] >= 0.05 > times.seconds["process"]
    unloaded = StageTimes()
    list(process_parallel(read_inputs([str(_corpus(tmp_path, 4))]), Settings(extract=False), workers=1,
                          times=unloaded))
    assert "model" not in unloaded.seconds  # no model, no stage
