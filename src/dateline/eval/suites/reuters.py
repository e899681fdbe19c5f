"""The `reuters` suite: wire stories as records through the clean stage.

Scores the dateline place, the publication date, the paragraphs recovered exactly (gold: the
body split at its indented lines, without the closing `Reuter`) and counts duplicate pairs.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from pathlib import Path

from dateline.clean import clean_record
from dateline.eval.dupes import find_pairs
from dateline.eval.load.reuters import (
    gold_date,
    gold_paragraphs,
    gold_place,
    iter_stories,
    to_record,
)
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.eval.scoring import ParagraphScores, score_paragraphs
from dateline.model import Rejected
from dateline.settings import Settings

TARGETS = {"place": 0.97, "date": 0.99, "paragraphs": 0.97}


def _same_place(gold: str, found: str | None) -> bool:
    return (
        found is not None
        and " ".join(gold.split()).casefold() == " ".join(found.split()).casefold()
    )


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    settings = settings or Settings()
    stories = (s for s in iter_stories(path) if s.body and s.body.strip())
    place_n = place_ok = date_n = date_ok = n = 0
    paragraphs = ParagraphScores()
    rejected: Counter[str] = Counter()
    texts: list[tuple[str, str]] = []
    misses: dict[str, list[str]] = {"place": [], "date": [], "paragraphs": []}
    for story in islice(stories, limit):
        n += 1
        try:
            article = clean_record(to_record(story), settings)
        except Rejected as exc:
            rejected[exc.reason] += 1
            article = None
        place = gold_place(story.dateline)
        if place:
            place_n += 1
            found = article.dateline.place if article and article.dateline else None
            if _same_place(place, found):
                place_ok += 1
            elif len(misses["place"]) < 10:
                misses["place"].append(f"{story.newid}: gold {place!r}, got {found!r}")
        date = gold_date(story.date)
        if date:
            date_n += 1
            if article and article.published == date:
                date_ok += 1
            elif len(misses["date"]) < 10:
                misses["date"].append(f"{story.newid}: {story.date!r}")
        score = score_paragraphs(
            gold_paragraphs(story), article.paragraph_texts() if article else []
        )
        paragraphs = paragraphs + score
        if score.found < score.gold and len(misses["paragraphs"]) < 10:
            misses["paragraphs"].append(story.newid)
        if article:
            texts.append((story.newid, article.text))
    pairs = find_pairs(
        texts, settings.near_threshold, settings.shingle_words, settings.permutations
    )
    place_acc = place_ok / place_n if place_n else None
    date_acc = date_ok / date_n if date_n else None
    figures = {
        "stories": n,
        "rejected": dict(rejected),
        "place_accuracy": place_acc,
        "place_stories": place_n,
        "date_accuracy": date_acc,
        "date_stories": date_n,
        "paragraphs_recovered": paragraphs.recovered,
        "paragraphs_gold": paragraphs.gold,
        "paragraphs_system": paragraphs.system,
        "stories_all_paragraphs_exact": paragraphs.docs_exact / paragraphs.docs
        if paragraphs.docs
        else None,
        "duplicate_pairs_exact": len(pairs.exact),
        "duplicate_pairs_near": len(pairs.near),
        "duplicate_sample_exact": pairs.exact[:10],
        "duplicate_sample_near": pairs.near[:10],
        "misses": misses,
    }
    rows = [
        Row("stories with a body", str(n)),
        Row("rejected by clean", str(sum(rejected.values()))),
        Row("dateline place accuracy", fmt(place_acc), target=meets(place_acc, TARGETS["place"])),
        Row("publication date accuracy", fmt(date_acc), target=meets(date_acc, TARGETS["date"])),
        Row(
            "paragraphs recovered exactly",
            fmt(paragraphs.recovered),
            target=meets(paragraphs.recovered, TARGETS["paragraphs"]),
        ),
        Row("stories with every paragraph exact", fmt(figures["stories_all_paragraphs_exact"])),
        Row("duplicate pairs: exact copies", str(len(pairs.exact))),
        Row(f"duplicate pairs: near (Jaccard >= {settings.near_threshold})", str(len(pairs.near))),
    ]
    return SuiteResult("reuters", rows, figures)
