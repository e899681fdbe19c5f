"""`dateline events` end to end on the hand-built archive, and events in `show`."""

from __future__ import annotations

import pytest

from .test_facts import lines, run


def test_events_json_gives_one_event_a_line_in_the_contracts_shape(capsys: pytest.CaptureFixture[str],
                                                                   db: str) -> None:
    code, out, _ = run(capsys, "events", "--db", db, "--json")
    (event,) = lines(out)
    assert code == 0 and event["type"] == "SANCTION" and event["quad"] == "MCONF"
    assert event["actor"]["entity"] == "org:national-energy-board" and event["recipient"]["sector"] == "BUS"
    assert set(event) >= {"mentions", "place", "date", "date_from", "flags", "source", "article_id", "published"}


@pytest.mark.parametrize(("flags", "found"), [
    (["--type", "sanction"], 1), (["--type", "MCONF"], 1), (["--type", "VCOOP"], 0),
    (["--actor", "National Energy Board"], 1), (["--recipient", "utility"], 1), (["--actor", "utility"], 0),
    (["--country", "NRL"], 1), (["--country", "RUS"], 0), (["--from", "2024-05", "--to", "2024-05"], 1),
    (["--to", "2024-04"], 0),
])
def test_events_filters(capsys: pytest.CaptureFixture[str], db: str, flags: list[str], found: int) -> None:
    code, out, _ = run(capsys, "events", "--db", db, "--json", *flags)
    assert code == 0 and len(lines(out)) == found


def test_events_table_and_a_wrong_type_is_one_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "events", "--db", db)
    assert code == 0 and "SANCTION" in out and "utility" in out  # the cells may wrap in a narrow terminal
    code, out, _ = run(capsys, "events", "--db", db, "--type", "VCOOP")
    assert code == 0 and out.strip() == "no events"
    code, _, err = run(capsys, "events", "--db", db, "--type", "HUGGED")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "unknown event type" in err


def test_show_lists_the_articles_events(capsys: pytest.CaptureFixture[str], db: str) -> None:
    (event,) = lines(run(capsys, "events", "--db", db, "--json")[1])
    code, out, _ = run(capsys, "show", event["article_id"], "--db", db)
    assert code == 0 and "events" in out and "[SANCTION] The National Energy Board (NRL) → the utility" in out


@pytest.mark.parametrize(("flags", "found"), [
    (["--sector", "bus"], 1), (["--sector", "MIL"], 0), (["--flags", "none"], 1), (["--flags", "claimed"], 0),
    (["--from", "2024-05-03", "--to", "2024-05-03", "--event-dates"], 1), (["--to", "2024-05-02", "--event-dates"], 0),
])
def test_events_sector_flags_and_event_dates(capsys: pytest.CaptureFixture[str], db: str, flags: list[str],
                                             found: int) -> None:
    code, out, _ = run(capsys, "events", "--db", db, "--json", *flags)
    assert code == 0 and len(lines(out)) == found


def test_a_wrong_flag_is_one_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = run(capsys, "events", "--db", db, "--flags", "sure")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "unknown event flag" in err
