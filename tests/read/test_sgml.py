"""Wire SGML collections (Reuters-21578's layout), on stories written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.clean import clean_record
from dateline.read import read_inputs
from dateline.read.sniff import sniff

STORY = """<REUTERS TOPICS="YES" NEWID="{n}">
<DATE>{day}-MAR-1987 10:02:11.41</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>{place}</D></PLACES>
<PEOPLE></PEOPLE>
<UNKNOWN>&#5;&#5;&#5;G
&#22;&#22;&#1;f0012&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>{title}</TITLE>
<DATELINE>    {dateline}, March {day} - </DATELINE><BODY>The ministry said wheat exports rose 12 pct
in February from a year earlier, helped by demand from
North Africa.
    Officials expect shipments to slow next month, it said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""
BRIEF = """<REUTERS NEWID="9">
<DATE> 3-MAR-1987 11:00:00.00</DATE>
<TOPICS></TOPICS>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>GRAIN MARKETS CLOSED</TITLE>
&#3;</TEXT>
</REUTERS>
"""


def _collection(tmp_path: Path, name: str = "wire.sgm") -> Path:
    stories = [STORY.format(n=1, day=2, place="canada", title="CANADA WHEAT EXPORTS RISE", dateline="OTTAWA"),
               BRIEF,
               STORY.format(n=2, day=4, place="france", title="FRENCH WHEAT &lt;SALES>", dateline="PARIS")]
    path = tmp_path / name
    path.write_bytes(('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + "".join(stories)).encode("latin-1"))
    return path


def test_each_story_is_a_record_with_its_date_title_tags_and_dateline(tmp_path: Path) -> None:
    recs = list(read_inputs([str(_collection(tmp_path))]))
    assert [r.source.format for r in recs] == ["sgml"] * 3
    first, brief, last = recs
    assert first.date == "2-MAR-1987 10:02:11.41" and first.title == "CANADA WHEAT EXPORTS RISE"
    assert first.tags == ["newid:1", "topic:grain", "topic:wheat", "place:canada"]
    assert first.text.startswith("    OTTAWA, March 2 - The ministry said") and "\x03" not in first.text
    assert brief.error is not None and brief.error.reason == "no_text"
    assert last.title == "FRENCH WHEAT <SALES>" and [r.source.offset for r in recs] == [2, 18, 25]


def test_a_story_cleans_to_its_dateline_place_and_date(tmp_path: Path) -> None:
    first = next(iter(read_inputs([str(_collection(tmp_path))])))
    article = clean_record(first)
    assert article.dateline is not None and article.dateline.place.casefold() == "ottawa"
    assert article.published == "1987-03-02" and article.text.startswith("The ministry said")
    assert article.tags == first.tags


@pytest.mark.parametrize("name", ["wire.txt", "wire.html", "wire"])
def test_a_collection_is_sniffed_from_its_content_never_as_one_html_page(tmp_path: Path, name: str) -> None:
    path = _collection(tmp_path, name)
    assert sniff(name, path.read_bytes()[:8192]) == "sgml"
    assert len(list(read_inputs([str(path)]))) == 3


def test_a_story_over_the_cap_is_rejected_and_the_next_one_read(tmp_path: Path) -> None:
    big = STORY.format(n=1, day=2, place="x", title="BIG", dateline="OTTAWA").replace(
        "North Africa.", "North Africa.\n" + "More wheat.\n" * 500)
    (tmp_path / "a.sgm").write_text(big + STORY.format(n=2, day=3, place="y", title="T", dateline="PARIS"))
    recs = list(read_inputs([str(tmp_path / "a.sgm")], max_record_bytes=2000))
    assert [r.error.reason if r.error else "ok" for r in recs] == ["too_large", "ok"]


def test_a_collection_cut_inside_a_story_keeps_the_stories_before(tmp_path: Path) -> None:
    data = _collection(tmp_path).read_bytes()
    (tmp_path / "cut.sgm").write_bytes(data[: len(data) - 200])
    recs = list(read_inputs([str(tmp_path / "cut.sgm")]))
    assert [r.error.reason if r.error else "ok" for r in recs] == ["ok", "no_text", "truncated"]
