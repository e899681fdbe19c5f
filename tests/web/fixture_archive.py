"""A small archive for the web tests: hand-written records, facts attached by hand (no model)."""

from __future__ import annotations

from pathlib import Path

from dateline.archive.store import Archive
from dateline.model import Amount, Entity, Mention, Quote, RawRecord, Source, Time
from dateline.pipeline import clean_one
from dateline.settings import Settings

XSS_TEXT = (
    "BERLIN (Reuters) - Researchers warned on Friday that a page carrying <script>alert('pwned')</script> "
    "and an image tag <img src=x onerror=alert('img')> had spread widely. "
    "The post also carried <a href=\"javascript:alert('link')\">a link to click</a> for readers."
)
RECORDS = [
    ("2024-03-07", "Ruiz says count will be calm",
     "BRUSSELS (Reuters) - Foreign Minister Ana Ruiz said on Thursday that the National Electoral "
     "Board would publish results within a week.\n\"We expect a calm count,\" Ruiz told reporters, "
     "adding that the vote had cost more than $40 million."),
    ("2024-03-08", "Turnout reaches 61 percent",
     "The National Electoral Board said turnout reached 61 percent, according to Ana Ruiz, who "
     "thanked the observers for their patience during the count."),
    ("2024-04-02", "Grain exports rise",
     "KYIV (AP) - Grain exports rose 12 percent in the first quarter, the agriculture ministry said, "
     "citing preliminary customs data gathered at the ports."),
    ("2024-04-03", "Researchers flag hostile page", XSS_TEXT),
]


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _facts(article) -> None:  # type: ignore[no-untyped-def]
    t = article.text
    if "Foreign Minister Ana Ruiz" in t:
        s, e = _span(t, "Ana Ruiz")
        s2, e2 = _span(t, "Ruiz", e)
        board = _span(t, "National Electoral Board")
        article.entities = [
            Entity("e1", "Ana Ruiz", "PERSON", roles=["Foreign Minister"],
                   mentions=[Mention(s, e, "Ana Ruiz"), Mention(s2, e2, "Ruiz")]),
            Entity("e2", "National Electoral Board", "ORG", aliases=["NEB"],
                   mentions=[Mention(*board, "National Electoral Board")]),
        ]
        qs, qe = _span(t, "We expect a calm count")
        article.quotes = [Quote("We expect a calm count", "direct", "Ruiz", "e1", qs, qe)]
        ms, me = _span(t, "more than $40 million")
        article.amounts = [Amount("more than $40 million", 40e6, "USD", "more than", None, ms, me)]
        ts, te = _span(t, "Thursday")
        article.times = [Time("Thursday", "2024-03-07", ts, te)]
    elif "turnout" in t:
        board = _span(t, "National Electoral Board")
        ruiz = _span(t, "Ana Ruiz")
        article.entities = [
            Entity("x1", "National Electoral Board", "ORG", mentions=[Mention(*board, "National Electoral Board")]),
            Entity("x2", "Ana Ruiz", "PERSON", mentions=[Mention(*ruiz, "Ana Ruiz")]),
        ]


def build(path: Path, records: list[tuple[str, str, str]] = RECORDS) -> str:
    settings = Settings(db=str(path), extract=False)
    outcomes = []
    for i, (date, title, text) in enumerate(records):
        raw = RawRecord(Source("fixture.jsonl", i + 1, "jsonl"), text=text, date=date, title=title,
                        outlet="Test Wire", url="javascript:alert('url')" if "BERLIN" in text else None)
        o = clean_one(raw, settings)
        assert o.article is not None, o.rejected
        _facts(o.article)
        outcomes.append(o)
    with Archive(str(path)) as archive:
        run = archive.begin_run(["fixture.jsonl"])
        counts, _ = archive.write(outcomes, run)
        archive.finish_run(run, counts, "done")
    return str(path)
