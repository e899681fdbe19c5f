"""`dateline places` end to end on a small archive with places."""

from __future__ import annotations

import pytest

from tests.fixtures.places import build

from .test_facts import lines, run


@pytest.fixture(scope="module")
def places_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build(tmp_path_factory.mktemp("cli-places") / "p.db")


def test_places_table_has_place_kind_country_and_counts(capsys: pytest.CaptureFixture[str], places_db: str) -> None:
    code, out, _ = run(capsys, "places", "--db", places_db)
    assert code == 0
    header, first = [line for line in out.splitlines() if "place" in line or "Kharkiv" in line][:2]
    assert all(w in header for w in ("place", "kind", "country", "articles", "mentions"))
    assert "Kharkiv" in first and "UKR" in first and " 2 " in first and " 3 " in first


@pytest.mark.parametrize(("flags", "names"), [
    (["--country", "UKR"], {"Kharkiv", "Kyiv"}), (["--country", "usa"], {"Paris", "Texas"}),
    (["--from", "2024-04"], {"Paris", "Texas"}), (["--to", "2024-03-08"], {"Kharkiv", "Kyiv"}),
    (["--kind", "region"], {"Texas"}),
])
def test_places_filters(capsys: pytest.CaptureFixture[str], places_db: str, flags: list[str], names: set[str]) -> None:
    code, out, _ = run(capsys, "places", "--db", places_db, "--json", *flags)
    assert code == 0 and {r["name"] for r in lines(out)} == names


def test_places_json_and_errors_in_one_line(capsys: pytest.CaptureFixture[str], places_db: str) -> None:
    code, out, _ = run(capsys, "places", "--db", places_db, "--json", "--country", "FRA")
    (paris,) = lines(out)
    assert set(paris) >= {"id", "name", "kind", "country", "region", "lat", "lon", "articles", "mentions"}
    code, _, err = run(capsys, "places", "--db", places_db, "--kind", "planet")
    assert code != 0 and len(err.strip().splitlines()) == 1 and "unknown place kind" in err
    code, out, _ = run(capsys, "places", "--db", places_db, "--country", "NOR")
    assert code == 0 and out.startswith("no places")
