"""The `meantime` suite: MEANTIME English (Wikinews) names, times and amounts.

Each article goes through extraction with its creation date as the publication date.
Scores, each beside the baselines that apply, inside each article's fully annotated extent
(the title and first five sentences: see `load.meantime`):

- entities: exact-span P/R/F1 on proper-name mentions (syntactic type NAM), PER->PERSON,
  ORG->ORG, LOC->GPE/LOC/FAC; PRO (products) and FIN (indices, currencies) apart. A system
  name that falls only on mentions without a syntactic type, or on names used as modifiers
  (`US` in `US airtanker`), is neither right nor wrong: the gold does not say. Beside the
  bare spaCy model.
- times: TempEval-3 value F1 over DATE and TIME, beside dateparser's `search_dates`.
- amounts: MONEY and PERCENT, right when the span overlaps a gold one and value and unit
  are both right (the gold read by `scoring.parse_amount`), beside spaCy's MONEY and
  PERCENT entities read by that same function.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from itertools import islice
from pathlib import Path

from dateline.archive.facts import store_facts
from dateline.archive.store import Archive
from dateline.eval.linking import Linked, LinkScores, score_links, surface_key
from dateline.eval.load.meantime import MeantimeDoc, iter_docs
from dateline.eval.load.timeml import TimeDoc
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.eval.scoring import (
    Counts,
    Item,
    amount_key,
    empty_timex,
    parse_amount,
    restrict_to_types,
    score_timex,
    score_typed,
    total,
)
from dateline.eval.suites.timeml import DATE_TIME, dateparser_tagger
from dateline.model import Article, Source, Span
from dateline.settings import Settings

NAMES = {
    "PER": frozenset({"PERSON"}),
    "ORG": frozenset({"ORG"}),
    "LOC": frozenset({"GPE", "LOC", "FAC"}),
}
APART = {"PRO": frozenset({"PRODUCT", "WORK_OF_ART"}), "FIN": frozenset({"ORG", "MONEY"})}
CANONICAL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
CANONICAL_APART = {"PRODUCT": "PRO", "WORK_OF_ART": "PRO"}
TARGETS = {"entity_margin": 0.05, "time": 0.80, "amount": 0.85}
MONEY_PERCENT = frozenset({"MONEY", "PERCENT"})


def in_scope(names: list[Item], unsure: list[Item], sys: Iterable[Item]) -> list[Item]:
    """System names less those that overlap only unsure gold mentions."""

    def hits(s: Item, gold: list[Item]) -> bool:
        return any(g.start < s.end and s.start < g.end for g in gold)

    return [s for s in sys if not (hits(s, unsure) and not hits(s, names))]


_ARTICLE = re.compile(r"(?:the|The|THE)\s+")


def past_article(text: str, items: Iterable[Item]) -> list[Item]:
    """Items with a leading `the` left out of their span.

    Corpora disagree on whether `the` belongs to a name: MEANTIME (like OntoNotes, on which
    spaCy's models are trained) keeps it inside (`the Bank of England`), GMB and CoNLL leave
    it out, and dateline's mentions keep it where the recogniser did. Scores are given both
    strictly and with a leading `the` ignored on both sides, so that a convention is not
    scored as a name.
    """
    out = []
    for i in items:
        m = _ARTICLE.match(text, i.start, i.end)
        out.append(replace(i, start=m.end()) if m and m.end() < i.end else i)
    return out


def _entities(doc: MeantimeDoc, sys: list[Item], relaxed: bool = False) -> dict[str, Counts]:
    sys = in_scope(doc.names, doc.unsure, doc.within(sys))
    gold = doc.names
    if relaxed:
        gold, sys = past_article(doc.text, gold), past_article(doc.text, sys)
    main = score_typed(gold, sys, NAMES, CANONICAL)
    apart = score_typed(gold, sys, APART, CANONICAL_APART)
    return main | apart


def _amounts(doc: MeantimeDoc, sys: list[Item]) -> Counts:
    return score_timex(doc.amounts, doc.within(sys)).value


def _times(doc: MeantimeDoc, sys: list[Item]) -> Counts:
    gold, mine = restrict_to_types(doc.timexes, doc.within(sys), DATE_TIME)
    return score_timex(gold, mine).value


def _links(doc: MeantimeDoc, a: Article) -> tuple[list[Linked], list[Linked]]:
    """Gold names with an instance that dateline found (a leading `the` aside), each with
    dateline's corpus-wide entity and, for the baseline, the words of the mention."""
    found: dict[tuple[int, int], str] = {}
    for e in a.entities:
        for m in e.mentions:
            (span,) = past_article(doc.text, [Item(m.start, m.end)])
            found[(span.start, span.end)] = e.id
    ours, surface = [], []
    for g in past_article(doc.text, [n for n in doc.names if n.label in NAMES and n.value]):
        entity = found.get((g.start, g.end))
        if entity is not None:
            ours.append(Linked(doc.id, g.value, entity))
            surface.append(Linked(doc.id, g.value, surface_key(doc.text[g.start : g.end])))
    return ours, surface


class Totals:
    def __init__(self) -> None:
        self.entities: dict[str, Counts] = {t: Counts() for t in [*NAMES, *APART]}
        self.relaxed: dict[str, Counts] = {t: Counts() for t in [*NAMES, *APART]}
        self.times = empty_timex().value
        self.amounts = Counts()
        self.links: list[Linked] = []
        self.links_surface: list[Linked] = []

    def add_entities(self, doc: MeantimeDoc, sys: list[Item]) -> None:
        for t, c in _entities(doc, sys).items():
            self.entities[t] = self.entities[t] + c
        for t, c in _entities(doc, sys, relaxed=True).items():
            self.relaxed[t] = self.relaxed[t] + c

    @property
    def names(self) -> Counts:
        return total(self.entities[t] for t in NAMES)

    @property
    def names_relaxed(self) -> Counts:
        return total(self.relaxed[t] for t in NAMES)


def _dateline(docs: list[MeantimeDoc], settings: Settings, out: Totals) -> None:
    from dateline.extract import extract_articles

    articles = (
        Article(
            id=d.id,
            source=Source("meantime", i, "jsonl"),
            text=d.text,
            paragraphs=[Span(0, len(d.text))],
            published=d.dct,
            title=d.title,
        )
        for i, d in enumerate(docs)
    )
    # The corpus-wide entities are those the archive makes: each article's facts go through
    # the same linking as an ingest, into a scratch archive.
    scratch = tempfile.TemporaryDirectory(prefix="dateline-meantime-")
    archive = Archive(str(Path(scratch.name) / "links.db"), settings=settings)
    for doc, a in zip(docs, extract_articles(articles, settings), strict=True):
        store_facts(archive.conn, a)
        ours, surface = _links(doc, a)
        out.links += ours
        out.links_surface += surface
        out.add_entities(doc, [Item(m.start, m.end, e.type) for e in a.entities for m in e.mentions])
        out.times = out.times + _times(doc, [Item(t.start, t.end, t.type, t.value) for t in a.times])
        out.amounts = out.amounts + _amounts(
            doc,
            [
                Item(x.start, x.end, None, amount_key(x.value, x.unit))
                for x in a.amounts
                if x.unit == "percent" or (x.unit and x.unit.isupper() and len(x.unit) == 3)
            ],
        )
    archive.close()
    scratch.cleanup()


def _spacy(docs: list[MeantimeDoc], settings: Settings, out: Totals) -> None:
    import spacy

    from dateline.extract.nlp import resolve_model

    nlp = spacy.load(resolve_model(settings.model), disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        ents = [Item(e.start_char, e.end_char, e.label_) for e in parsed.ents]
        out.add_entities(doc, ents)
        money = [
            Item(e.start_char, e.end_char, None, amount_key(*parse_amount(e.text)))
            for e in parsed.ents
            if e.label_ in MONEY_PERCENT
        ]
        out.amounts = out.amounts + _amounts(doc, money)


def _dateparser(docs: list[MeantimeDoc], out: Totals) -> None:
    tag = dateparser_tagger()
    for doc in docs:
        out.times = out.times + _times(doc, tag(TimeDoc(doc.id, doc.dct, doc.text, [])))


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    settings = settings or Settings()
    docs = list(islice(iter_docs(path), limit))
    mine, bare, dp = Totals(), Totals(), Totals()
    _dateline(docs, settings, mine)
    _spacy(docs, settings, bare)
    _dateparser(docs, dp)
    target = bare.names.f1 + TARGETS["entity_margin"]
    target_relaxed = bare.names_relaxed.f1 + TARGETS["entity_margin"]

    def reached(value: float, floor: float) -> str:
        return f">= {floor:.3f}{' ok' if value >= floor else ' MISSED'}"

    rows = [
        Row("articles", str(len(docs)), str(len(docs))),
        Row(
            f"entity F1, PER+ORG+LOC names ({mine.names.gold} gold), exact spans",
            fmt(mine.names.f1),
            f"{fmt(bare.names.f1)} (spaCy)",
            reached(mine.names.f1, target),
        ),
        Row(
            "entity F1, the same with a leading `the` ignored",
            fmt(mine.names_relaxed.f1),
            f"{fmt(bare.names_relaxed.f1)} (spaCy)",
            reached(mine.names_relaxed.f1, target_relaxed),
        ),
        Row(
            "entity precision / recall, exact spans",
            f"{fmt(mine.names.precision)} / {fmt(mine.names.recall)}",
            f"{fmt(bare.names.precision)} / {fmt(bare.names.recall)} (spaCy)",
        ),
        Row(
            "entity precision / recall, `the` ignored",
            f"{fmt(mine.names_relaxed.precision)} / {fmt(mine.names_relaxed.recall)}",
            f"{fmt(bare.names_relaxed.precision)} / {fmt(bare.names_relaxed.recall)} (spaCy)",
        ),
    ]
    for t in [*NAMES, *APART]:
        rows.append(
            Row(
                f"entity F1 {t} ({mine.entities[t].gold} gold)",
                fmt(mine.entities[t].f1),
                f"{fmt(bare.entities[t].f1)} (spaCy)",
            )
        )
    rows += [
        Row(
            f"time value F1, DATE+TIME ({mine.times.gold} gold)",
            fmt(mine.times.f1),
            f"{fmt(dp.times.f1)} (dateparser)",
            meets(mine.times.f1, TARGETS["time"]),
        ),
        Row(
            f"amount F1, MONEY+PERCENT ({mine.amounts.gold} gold)",
            fmt(mine.amounts.f1),
            f"{fmt(bare.amounts.f1)} (spaCy)",
            meets(mine.amounts.f1, TARGETS["amount"]),
        ),
        Row(
            "amount precision / recall",
            f"{fmt(mine.amounts.precision)} / {fmt(mine.amounts.recall)}",
            f"{fmt(bare.amounts.precision)} / {fmt(bare.amounts.recall)} (spaCy)",
        ),
    ]
    links, surface = score_links(mine.links), score_links(mine.links_surface)
    rows += [
        Row(
            f"entity linking F1, pairs in one article ({links.mentions} names found)",
            fmt(links.within.f1),
            f"{fmt(surface.within.f1)} (same words)",
        ),
        Row(
            "linking precision / recall, in one article",
            f"{fmt(links.within.precision)} / {fmt(links.within.recall)}",
            f"{fmt(surface.within.precision)} / {fmt(surface.within.recall)}",
        ),
        Row(
            "entity linking F1, pairs across articles (archive entities)",
            fmt(links.across.f1),
            f"{fmt(surface.across.f1)} (same words)",
        ),
        Row(
            "linking precision / recall, across articles",
            f"{fmt(links.across.precision)} / {fmt(links.across.recall)}",
            f"{fmt(surface.across.precision)} / {fmt(surface.across.recall)}",
        ),
    ]

    def fig(x: Totals) -> dict:
        return {
            "names": x.names.as_dict(),
            "names_the_ignored": x.names_relaxed.as_dict(),
            "by_type": {t: c.as_dict() for t, c in x.entities.items()},
            "time_value": x.times.as_dict(),
            "amounts": x.amounts.as_dict(),
        }

    def link_fig(x: LinkScores) -> dict:
        return {"mentions": x.mentions, "within": x.within.as_dict(), "across": x.across.as_dict()}

    return SuiteResult(
        "meantime",
        rows,
        {
            "articles": len(docs),
            "dateline": fig(mine),
            "spacy": fig(bare),
            "dateparser": {"time_value": dp.times.as_dict()},
            "linking": {"dateline": link_fig(links), "same_words": link_fig(surface)},
        },
        notes=[
            "scored inside the fully annotated extent of each article (title and first five"
            " sentences, from the XML originals)",
            "entities: proper names only, exact spans, and again with a leading `the` ignored on"
            " both sides (MEANTIME keeps it in the name, GMB leaves it out);"
            " amounts: value and unit both right",
            "linking: pairs of gold names found by dateline, linked when both name one"
            " MEANTIME instance; dateline's link is its corpus-wide entity in the archive",
        ],
        baseline_name="baseline",
    )
