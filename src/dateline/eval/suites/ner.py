"""The `ner` suite: GMB sentences grouped into documents; entity P/R/F1 by type.

GMB tags are compared with spaCy-style labels through the README's mapping; dateline's
extraction is scored side by side with the bare spaCy model on the same text. Dateline's
times stand in for entities of type DATE/TIME (GMB `tim`), since extraction keeps them apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path

from dateline.eval.load.gmb import NerDoc, iter_docs
from dateline.eval.result import NOT_INSTALLED, Row, SuiteResult, fmt
from dateline.eval.scoring import Counts, Item, score_typed, total
from dateline.model import Article, Source, Span
from dateline.settings import Settings

# README: per->PERSON, org->ORG, geo->LOC/GPE, gpe->NORP/GPE, tim->DATE, eve->EVENT,
# art->WORK_OF_ART/PRODUCT. TIME joins DATE for tim (GMB tags clock times tim too); nat has
# no spaCy counterpart and is left out.
MAPPING = {
    "per": frozenset({"PERSON"}),
    "org": frozenset({"ORG"}),
    "geo": frozenset({"LOC", "GPE"}),
    "gpe": frozenset({"NORP", "GPE"}),
    "tim": frozenset({"DATE", "TIME"}),
    "eve": frozenset({"EVENT"}),
    "art": frozenset({"WORK_OF_ART", "PRODUCT"}),
}
# Where a system label's false positives are counted.
CANONICAL = {
    "PERSON": "per",
    "ORG": "org",
    "GPE": "geo",
    "LOC": "geo",
    "NORP": "gpe",
    "DATE": "tim",
    "TIME": "tim",
    "EVENT": "eve",
    "WORK_OF_ART": "art",
    "PRODUCT": "art",
}
TARGET_MARGIN = 0.05
Tagger = Callable[[list[NerDoc]], Iterable[list[Item]]]


def spacy_tagger(model: str) -> Tagger:
    import spacy

    nlp = spacy.load(model, disable=["tagger", "parser", "attribute_ruler", "lemmatizer"])

    def tag(docs: list[NerDoc]) -> Iterable[list[Item]]:
        for doc in nlp.pipe((d.text for d in docs), batch_size=32):
            yield [Item(e.start_char, e.end_char, e.label_) for e in doc.ents]

    return tag


def dateline_tagger(settings: Settings) -> Tagger | None:
    try:
        from dateline.extract import extract_articles
    except ImportError:
        return None

    def tag(docs: list[NerDoc]) -> Iterable[list[Item]]:
        articles = (
            Article(
                id=d.id,
                source=Source("gmb", i, "gmb"),
                text=d.text,
                paragraphs=[Span(0, len(d.text))],
            )
            for i, d in enumerate(docs)
        )
        for article in extract_articles(articles, settings):
            items = [Item(m.start, m.end, e.type) for e in article.entities for m in e.mentions]
            items += [
                Item(t.start, t.end, "TIME" if t.type == "TIME" else "DATE") for t in article.times
            ]
            yield items

    return tag


def _score(docs: list[NerDoc], tagger: Tagger) -> dict[str, Counts]:
    out = {t: Counts() for t in MAPPING}
    for doc, items in zip(docs, tagger(docs), strict=True):
        for t, c in score_typed(doc.entities, items, MAPPING, CANONICAL).items():
            out[t] = out[t] + c
    return out


def _figures(by_type: dict[str, Counts]) -> dict:
    return {
        "all": total(by_type.values()).as_dict(),
        "names": total(c for t, c in by_type.items() if t != "tim").as_dict(),
        "by_type": {t: c.as_dict() for t, c in by_type.items()},
    }


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    settings = settings or Settings()
    csv_path = path / "ner_dataset.csv" if path.is_dir() else path
    docs = list(islice(iter_docs(csv_path), limit))
    theirs = _figures(_score(docs, spacy_tagger(settings.model)))
    mine_tagger = dateline_tagger(settings)
    ours = _figures(_score(docs, mine_tagger)) if mine_tagger else None

    def cell(fig: dict | None, *keys: str) -> str:
        if fig is None:
            return NOT_INSTALLED
        for k in keys:
            fig = fig[k]
        return fmt(fig)  # type: ignore[arg-type]

    target = theirs["all"]["f1"] + TARGET_MARGIN
    reached = "" if ours is None else (" ok" if ours["all"]["f1"] >= target else " MISSED")
    rows = [
        Row("documents (10 sentences each)", str(len(docs)), str(len(docs))),
        Row("gold entities (mapped types)", str(theirs["all"]["gold"]), str(theirs["all"]["gold"])),
        Row(
            "F1, all types",
            cell(ours, "all", "f1"),
            cell(theirs, "all", "f1"),
            f">= {target:.3f}{reached}",
        ),
        Row(
            "precision, all types", cell(ours, "all", "precision"), cell(theirs, "all", "precision")
        ),
        Row("recall, all types", cell(ours, "all", "recall"), cell(theirs, "all", "recall")),
        Row("F1, names (without tim)", cell(ours, "names", "f1"), cell(theirs, "names", "f1")),
    ]
    for t in MAPPING:
        rows.append(
            Row(
                f"F1 {t} ({theirs['by_type'][t]['gold']} gold)",
                cell(ours, "by_type", t, "f1"),
                cell(theirs, "by_type", t, "f1"),
            )
        )
    result = SuiteResult(
        "ner",
        rows,
        {"documents": len(docs), "dateline": ours, "spacy": theirs},
        baseline_name=f"spaCy {settings.model}",
    )
    if mine_tagger is None:
        result.notes.append("dateline.extract is not installed: only the baseline ran")
    return result
