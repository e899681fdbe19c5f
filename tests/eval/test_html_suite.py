"""The html suite on a benchmark folder written here: two pages, gold bodies, one stored peer."""

import gzip
import json
from pathlib import Path

import pytest

from dateline.eval.load.extraction import iter_pages, peer_outputs
from dateline.eval.suites.html import metadata_day, run, url_day

BODY = [
    "Officials in the port city said on Monday that the ferry service would resume next week "
    "after repairs to the main pier were finished ahead of schedule.",
    "The harbour master told reporters the work had cost less than the council had feared, "
    "and that traffic would return to normal by the end of the month.",
]


def _page(date: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f'<html><head><title>Ferry to resume</title>'
        f'<meta property="article:published_time" content="{date}T08:00:00-05:00"></head>'
        f"<body><nav>Home News Sport</nav><article><h1>Ferry to resume</h1>{paras}</article>"
        "<footer>Copyright the Port Gazette</footer></body></html>"
    )


def _bench(tmp_path: Path) -> Path:
    folder = tmp_path / "article-extraction-benchmark"
    (folder / "html").mkdir(parents=True)
    (folder / "output").mkdir()
    gold = {}
    for key, url, date in [
        ("0a" + "0" * 62, "https://gazette.example/2020/03/02/ferry-to-resume/", "2020-03-02"),
        ("1b" + "0" * 62, "https://gazette.example/news/ferry-to-resume", "2020-03-03"),
    ]:
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(_page(date).encode()))
        gold[key] = {"articleBody": "\n\n".join(BODY), "url": url}
    (folder / "ground-truth.json").write_text(json.dumps(gold))
    peer = {"version": "1", "output": {k: {"articleBody": BODY[0]} for k in gold}}
    (folder / "output" / "peer.json").write_text(json.dumps(peer))
    return folder


def test_gold_days_come_from_the_url_or_the_pages_own_metadata():
    assert url_day("https://x.example/2019/nov/18/some-story/") == "2019-11-18"
    assert url_day("https://x.example/2019/11/8/20948348/story") == "2019-11-08"
    assert url_day("https://x.example/news/story-20191118") is None
    assert metadata_day(_page("2020-03-03")) == "2020-03-03"  # the page's own day, not UTC
    assert metadata_day("<html><body><p>Published 2020-03-03</p></body></html>") is None


def test_pages_split_into_halves_and_peers_read_in_both_layouts(tmp_path: Path):
    folder = _bench(tmp_path)
    pages = list(iter_pages(folder))
    assert [p.half for p in pages] == ["dev", "held_out"]
    assert peer_outputs(folder)["peer"][pages[0].key] == BODY[0]


@pytest.mark.slow  # trafilatura three times a page, htmldate, our cleaning: about a second
def test_the_suite_scores_every_system_and_prints_one_member_per_system(tmp_path: Path):
    result = run(_bench(tmp_path))
    fig = result.to_json()
    assert {"dateline", "trafilatura", "htmldate", "peer_stored"} <= set(fig)
    assert fig["dateline"]["f1"] > 0.9 and fig["dateline"]["dates_right"] == 1.0
    assert fig["peer_stored"]["recall"] < 0.7 and fig["peer_stored"]["precision"] == 1.0
    assert fig["dateline"]["dev"]["pages"] == fig["dateline"]["held_out"]["pages"] == 1
