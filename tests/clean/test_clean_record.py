from pathlib import Path

import pytest

from dateline.clean import clean_record
from dateline.model import RawRecord, Source

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_2a05499d5289fea9.txt"

TABLE = (
    "    CHICAGO, Feb 26 -\n"
    "    Shr loss two cts vs profit seven cts\n"
    "    Net profit 442,000 vs profit 2,986,000\n"
    "    Revs 291.8 mln vs 151.1 mln\n"
    " Reuter\n"
)


def test_wire_table_under_a_dateline_of_its_own():
    art = clean_record(RawRecord(Source("t", 1, "txt"), text=TABLE, date="26-FEB-1987 15:01:01.79"))
    assert art.dateline is not None and art.dateline.place == "Chicago"
    assert art.paragraph_texts() == [
        "Shr loss two cts vs profit seven cts",
        "Net profit 442,000 vs profit 2,986,000",
        "Revs 291.8 mln vs 151.1 mln",
    ]
    assert art.published == "1987-02-26"


@pytest.mark.skipif(not SEED.is_file(), reason="the shared seed record is not present")
def test_seed_record_behaviour_kept():
    lines = SEED.read_text(encoding="utf-8").split("\n", 1)
    date = lines[0].split()[1]
    text = lines[0].split(None, 2)[2] + "\n" + lines[1]
    art = clean_record(RawRecord(Source("seed", 1, "dated"), text=text, date=date))
    assert (art.dateline.place, art.dateline.agency) == ("Washington", "Sputnik")
    assert len(art.paragraphs) == 6
    assert len(art.notices) == 1 and art.notices[0].refers_to == "Daesh"
