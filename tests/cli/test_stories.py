"""`dateline stories` and `dateline story` end to end, on reports written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from archive.test_stories import REPORTS, _ingest, _write

from .test_facts import lines, run


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("stories")
    db = str(folder / "s.db")
    _ingest([_write(folder, REPORTS)], db)
    return db


def test_stories_json_gives_one_story_a_line_with_its_articles(capsys: pytest.CaptureFixture[str],
                                                               story_db: str) -> None:
    code, out, _ = run(capsys, "stories", "--db", story_db, "--json")
    (story,) = lines(out)
    assert code == 0 and story["size"] == 3 and len(story["articles"]) == 3
    assert set(story) >= {"id", "label", "first", "last", "size", "outlets", "articles"}
    assert (story["first"], story["last"]) == ("2024-03-04", "2024-03-05")
    code, out, _ = run(capsys, "stories", "--db", story_db, "--json", "--min-size", "1", "--from", "2024-03-20")
    assert [s["first"] for s in lines(out)] == ["2024-03-21"]


def test_story_shows_a_timeline_and_a_bad_id_is_one_line(capsys: pytest.CaptureFixture[str], story_db: str) -> None:
    (story,) = lines(run(capsys, "stories", "--db", story_db, "--json")[1])
    code, out, _ = run(capsys, "story", str(story["id"]), "--db", story_db)
    assert code == 0 and "timeline" in out and "2024-03-04" in out and "Daily B" in out
    code, out, _ = run(capsys, "story", str(story["id"]), "--db", story_db, "--json")
    assert [a["published"] for a in lines(out)[0]["articles"]] == ["2024-03-04", "2024-03-05", "2024-03-05"]
    code, _, err = run(capsys, "story", "999", "--db", story_db)
    assert code == 1 and err.strip() == "error: no story 999 in the archive"
    code, _, err = run(capsys, "story", "abc", "--db", story_db)
    assert code == 2 and "a story id is a number" in err and "Traceback" not in err


def test_stories_rebuild_reports_the_count(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    _ingest([_write(tmp_path, REPORTS)], db)
    code, out, _ = run(capsys, "stories", "--db", db, "--rebuild")
    assert code == 0 and "rebuilt: 3 stories" in out
