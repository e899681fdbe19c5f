"""A small archive for the read API's tests: hand-written records, facts attached by hand (no model).

Two persons share the surname Ruiz, and the acronym NEB names two boards, so that ambiguous
names have something to be ambiguous about.
"""

from __future__ import annotations

from pathlib import Path

from dateline.archive.store import Archive
from dateline.model import Amount, Article, Entity, Event, Mention, Party, Quote, RawRecord, Source, Span, Time
from dateline.pipeline import clean_one
from dateline.settings import Settings

RECORDS = [
    ("2024-03-07", "Daily Wire", "Ruiz says count will be calm",
     "BRUSSELS (Reuters) - Foreign Minister Ana Ruiz said on Thursday that the National Electoral "
     "Board would publish results within a week.\n\"We expect a calm count,\" Ruiz told reporters, "
     "adding that the vote had cost more than $40 million."),
    ("2024-04-08", "Evening Post", "Turnout reaches 61 percent",
     "The National Electoral Board said turnout reached 61 percent, according to Ana Ruiz, who "
     "thanked the observers for their patience during the count on Monday."),
    ("2024-05-02", "Daily Wire", "Grain exports rise",
     "KYIV (AP) - Grain exports rose 12 percent in the first quarter, coach Pablo Ruiz said, "
     "\"The ports are busy again,\" he added, citing 3,000 tonnes shipped in May."),
    ("2024-05-03", "Daily Wire", "Energy board fines utility",
     "The National Energy Board fined the utility $2 million on Friday for late reports."),
]


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def _m(text: str, part: str, after: int = 0) -> Mention:
    return Mention(*_span(text, part, after), part)


def _facts(a: Article) -> None:
    t = a.text
    if "Foreign Minister Ana Ruiz" in t:
        a.entities = [
            Entity("e1", "Ana Ruiz", "PERSON", roles=["Foreign Minister"],
                   mentions=[_m(t, "Ana Ruiz"), _m(t, "Ruiz", _span(t, "Ana Ruiz")[1])]),
            Entity("e2", "National Electoral Board", "ORG", aliases=["NEB"],
                   mentions=[_m(t, "National Electoral Board")]),
        ]
        a.quotes = [Quote("We expect a calm count", "direct", "Ruiz", "e1", *_span(t, "We expect a calm count"))]
        a.amounts = [Amount("more than $40 million", 40e6, "USD", "more than", None,
                            *_span(t, "more than $40 million"))]
        a.times = [Time("Thursday", "2024-03-07", *_span(t, "Thursday"))]
    elif "turnout" in t:
        a.entities = [
            Entity("x1", "National Electoral Board", "ORG", mentions=[_m(t, "National Electoral Board")]),
            Entity("x2", "Ana Ruiz", "PERSON", mentions=[_m(t, "Ana Ruiz")]),
        ]
        a.amounts = [Amount("61 percent", 61.0, "percent", None, None, *_span(t, "61 percent"))]
        a.times = [Time("Monday", "2024-04-08", *_span(t, "Monday"))]
    elif "Grain" in t:
        a.entities = [Entity("p1", "Pablo Ruiz", "PERSON", roles=["coach"], mentions=[_m(t, "Pablo Ruiz")])]
        a.quotes = [Quote("The ports are busy again,", "direct", "Pablo Ruiz", "p1",
                          *_span(t, "The ports are busy again,"))]
        a.amounts = [Amount("12 percent", 12.0, "percent", None, None, *_span(t, "12 percent")),
                     Amount("3,000 tonnes", 3000.0, "tonne", None, None, *_span(t, "3,000 tonnes"))]
        a.times = [Time("the first quarter", "2024-Q1", *_span(t, "the first quarter")),
                   Time("May", "2024-05", *_span(t, "May"))]
    else:
        a.entities = [Entity("b1", "National Energy Board", "ORG", aliases=["NEB"],
                             mentions=[_m(t, "National Energy Board")])]
        a.amounts = [Amount("$2 million", 2e6, "USD", None, None, *_span(t, "$2 million"))]
        a.events = [Event("SANCTION", "MCONF", Party("The National Energy Board", "b1", "NRL", "GOV"),
                          Party("the utility", None, None, "BUS"), [Span(0, len(t))], date="2024-05-03",
                          date_from="text", trigger="fined")]


def build(path: Path) -> str:
    settings = Settings(db=str(path), extract=False)
    outcomes = []
    for i, (date, outlet, title, text) in enumerate(RECORDS):
        raw = RawRecord(Source("fixture.jsonl", i + 1, "jsonl"), text=text, date=date, title=title, outlet=outlet)
        o = clean_one(raw, settings)
        assert o.article is not None, o.rejected
        _facts(o.article)
        outcomes.append(o)
    # The first story again, from another file: an exact copy (a second source of one article).
    copy = clean_one(RawRecord(Source("mirror.jsonl", 1, "jsonl"), text=RECORDS[0][3], date=RECORDS[0][0],
                               title=RECORDS[0][2], outlet="Mirror"), settings)
    outcomes.append(copy)
    with Archive(str(path), settings=settings) as archive:
        run = archive.begin_run(["fixture.jsonl"])
        counts, _ = archive.write(outcomes, run)
        archive.finish_run(run, counts, "done")
    return str(path)
