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

from collections.abc import Iterable
from itertools import islice
from pathlib import Path

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


def _entities(doc: MeantimeDoc, sys: list[Item]) -> dict[str, Counts]:
    sys = in_scope(doc.names, doc.unsure, doc.within(sys))
    main = score_typed(doc.names, sys, NAMES, CANONICAL)
    apart = score_typed(doc.names, sys, APART, CANONICAL_APART)
    return main | apart


def _amounts(doc: MeantimeDoc, sys: list[Item]) -> Counts:
    return score_timex(doc.amounts, doc.within(sys)).value


def _times(doc: MeantimeDoc, sys: list[Item]) -> Counts:
    gold, mine = restrict_to_types(doc.timexes, doc.within(sys), DATE_TIME)
    return score_timex(gold, mine).value


class Totals:
    def __init__(self) -> None:
        self.entities: dict[str, Counts] = {t: Counts() for t in [*NAMES, *APART]}
        self.times = empty_timex().value
        self.amounts = Counts()

    def add_entities(self, by_type: dict[str, Counts]) -> None:
        for t, c in by_type.items():
            self.entities[t] = self.entities[t] + c

    @property
    def names(self) -> Counts:
        return total(self.entities[t] for t in NAMES)


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
    for doc, a in zip(docs, extract_articles(articles, settings), strict=True):
        out.add_entities(_entities(doc, [Item(m.start, m.end, e.type) for e in a.entities for m in e.mentions]))
        out.times = out.times + _times(doc, [Item(t.start, t.end, t.type, t.value) for t in a.times])
        out.amounts = out.amounts + _amounts(
            doc,
            [
                Item(x.start, x.end, None, amount_key(x.value, x.unit))
                for x in a.amounts
                if x.unit == "percent" or (x.unit and x.unit.isupper() and len(x.unit) == 3)
            ],
        )


def _spacy(docs: list[MeantimeDoc], settings: Settings, out: Totals) -> None:
    import spacy

    from dateline.extract.nlp import resolve_model

    nlp = spacy.load(resolve_model(settings.model), disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        ents = [Item(e.start_char, e.end_char, e.label_) for e in parsed.ents]
        out.add_entities(_entities(doc, ents))
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
    reached = " ok" if mine.names.f1 >= target else " MISSED"
    rows = [
        Row("articles", str(len(docs)), str(len(docs))),
        Row(
            f"entity F1, PER+ORG+LOC names ({mine.names.gold} gold)",
            fmt(mine.names.f1),
            f"{fmt(bare.names.f1)} (spaCy)",
            f">= {target:.3f}{reached}",
        ),
        Row("entity precision", fmt(mine.names.precision), f"{fmt(bare.names.precision)} (spaCy)"),
        Row("entity recall", fmt(mine.names.recall), f"{fmt(bare.names.recall)} (spaCy)"),
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

    def fig(x: Totals) -> dict:
        return {
            "names": x.names.as_dict(),
            "by_type": {t: c.as_dict() for t, c in x.entities.items()},
            "time_value": x.times.as_dict(),
            "amounts": x.amounts.as_dict(),
        }

    return SuiteResult(
        "meantime",
        rows,
        {
            "articles": len(docs),
            "dateline": fig(mine),
            "spacy": fig(bare),
            "dateparser": {"time_value": dp.times.as_dict()},
        },
        notes=[
            "scored inside the fully annotated extent of each article (title and first five"
            " sentences, from the XML originals)",
            "entities: exact spans, proper names only; amounts: value and unit both right",
        ],
        baseline_name="baseline",
    )
