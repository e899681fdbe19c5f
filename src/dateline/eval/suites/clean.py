"""The `clean` suite: real stories damaged by `corrupt`, then cleaned; the original
paragraphs must come back. Scores: paragraphs recovered exactly, sentences lost, sentences
duplicated; also the dateline place and the notice, where the damage added them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import islice
from pathlib import Path

from ftfy.badness import is_bad

from dateline.clean import clean_record
from dateline.eval.corrupt import corrupt
from dateline.eval.load.polnear import Story, iter_stories
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.eval.scoring import (
    ParagraphScores,
    SentenceScores,
    normalise_paragraph,
    score_paragraphs,
    score_sentences,
)
from dateline.model import Article, RawRecord, Rejected, Source
from dateline.settings import Settings

TARGET_PARAGRAPHS = 0.99
SEED = 20210909
# A story whose lead already opens with a dateline (`HEMPSTEAD, N.Y., Sept. 26 (UPI) -`) is
# left out: the cleaner rightly takes that dateline off, so its lead has no clean gold form.
_OWN_DATELINE = re.compile(
    r"^[A-Z][A-Za-z0-9 .,'/-]{1,40}(?:\([^()]{1,30}\))?\s*[-\u2013\u2014]{1,2}\s"
)


def usable(story: Story) -> bool:
    """A story has a clean gold form: two paragraphs or more, no dateline of its own, and no
    mojibake already in the source (`protegÃ©s`): the cleaner rightly repairs that, so the
    story as stored cannot be the text cleaning must give back. Mojibake is looked for after
    NFC composition, as the cleaner does it: some sources carry it decomposed (`A` + U+0303
    for `Ã`), which hides it from a check on the raw characters."""
    return (
        len(story.paragraphs) >= 2
        and not _OWN_DATELINE.match(story.paragraphs[0])
        and not any(is_bad(unicodedata.normalize("NFC", p)) for p in story.paragraphs)
    )


# What the cleaner takes off the body by its contract (issue 15): sign-offs, archive markers
# (`FULL TEXT.`), embed labels, newsletter and social prompts, captions, credits. A gold
# paragraph that is one of these is set apart, not lost; it has a row of its own.
SET_APART = frozenset({
    "signoff", "marker", "embed", "prompt", "caption", "disclosure", "timestamp", "byline",
})


def _set_apart(article: Article | None) -> list[str]:
    """What the cleaner keeps out of the body by its contract: notices and page furniture."""
    if article is None:
        return []
    return [n.text for n in article.notices] + [
        r.text for r in article.removed if r.reason in SET_APART
    ]


def _furniture_gold(gold: list[str], article: Article | None) -> tuple[list[str], int]:
    """Gold paragraphs less those the cleaner set apart whole by its contract, and how many."""
    if article is None:
        return gold, 0
    apart = {normalise_paragraph(r.text) for r in article.removed if r.reason in SET_APART - {"signoff"}}
    kept = [p for p in gold if normalise_paragraph(p) not in apart]
    return kept, len(gold) - len(kept)


def _repeats_removed(article: Article | None) -> list[str]:
    """Copies the cleaner took out as duplicates; each is kept in `removed`."""
    return [r.text for r in article.removed if r.reason == "duplicate"] if article else []


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    settings = settings or Settings()
    source = path / "polnear" if (path / "polnear").is_dir() else path
    stories = (s for s in iter_stories(source) if usable(s))
    paragraphs, sentences = ParagraphScores(), SentenceScores()
    by_kind: dict[str, ParagraphScores] = {}
    rejected: Counter[str] = Counter()
    place_n = place_ok = notice_n = notice_ok = set_apart = own_repeats = furniture = 0
    misses: list[str] = []
    for i, story in enumerate(islice(stories, limit)):
        bad = corrupt(story.paragraphs, SEED + i)
        raw = RawRecord(
            Source(story.id, i, "clean-suite"),
            text=bad.text,
            date=story.published,
            title=story.title,
        )
        try:
            article = clean_record(raw, settings)
        except Rejected as exc:
            rejected[exc.reason] += 1
            article = None
        got = article.paragraph_texts() if article else []
        gold, apart = _furniture_gold(bad.paragraphs, article)
        furniture += apart
        score = score_paragraphs(gold, got)
        paragraphs = paragraphs + score
        for kind in bad.damage.kinds:
            by_kind[kind] = by_kind.get(kind, ParagraphScores()) + score
        body = article.text if article else ""
        strict = score_sentences(bad.paragraphs, body)
        # Gold text the cleaner set apart (a story's own `Correction:` or `(Reporting by`)
        # is not lost; it is counted on a row of its own, so the choice stays visible.
        kept = score_sentences(bad.paragraphs, "\n\n".join([body, *_set_apart(article)]))
        # A paragraph the source itself prints twice comes back once: the cleaner cannot
        # tell a story's own repeat from a scraper's, and the copy it takes out is kept in
        # `removed`. Such a sentence is not lost either; it has a row of its own too.
        whole = score_sentences(
            bad.paragraphs, "\n\n".join([body, *_set_apart(article), *_repeats_removed(article)])
        )
        sentences = sentences + SentenceScores(strict.gold, whole.lost, strict.duplicated)
        set_apart += strict.lost - kept.lost
        own_repeats += kept.lost - whole.lost
        if score.found < score.gold and len(misses) < 20:
            misses.append(f"{story.id} ({', '.join(bad.damage.kinds)})")
        if bad.damage.place:
            place_n += 1
            found = article.dateline.place if article and article.dateline else None
            place_ok += int(found is not None and found.casefold() == bad.damage.place.casefold())
        if bad.damage.notice_term:
            notice_n += 1
            notice_ok += int(
                bool(article)
                and any(n.refers_to == bad.damage.notice_term for n in article.notices)
            )  # type: ignore[union-attr]
    figures = {
        "stories": paragraphs.docs,
        "rejected": dict(rejected),
        "paragraphs_recovered": paragraphs.recovered,
        "paragraphs_gold": paragraphs.gold,
        "paragraphs_system": paragraphs.system,
        "stories_all_paragraphs_exact": paragraphs.docs_exact / paragraphs.docs
        if paragraphs.docs
        else None,
        "sentences_gold": sentences.gold,
        "sentences_lost": sentences.lost,
        "sentences_duplicated": sentences.duplicated,
        "sentences_set_apart": set_apart,
        "paragraphs_set_apart_as_page_furniture": furniture,
        "sentences_repeated_by_source_kept_once": own_repeats,
        "dateline_place_accuracy": place_ok / place_n if place_n else None,
        "notices_found": notice_ok / notice_n if notice_n else None,
        "recovered_by_damage": {k: round(v.recovered, 4) for k, v in sorted(by_kind.items())},
        "misses": misses,
    }
    rows = [
        Row("stories", str(paragraphs.docs)),
        Row("rejected by clean", str(sum(rejected.values()))),
        Row(
            "paragraphs recovered exactly",
            fmt(paragraphs.recovered),
            target=meets(paragraphs.recovered, TARGET_PARAGRAPHS),
        ),
        Row("stories with every paragraph exact", fmt(figures["stories_all_paragraphs_exact"])),
        Row(
            f"sentences lost (of {sentences.gold})",
            str(sentences.lost),
            target="0 " + ("ok" if sentences.lost == 0 else "MISSED"),
        ),
        Row("sentences set apart as notices/sign-offs", str(set_apart)),
        Row("paragraphs set apart as markers/prompts/embeds (not scored)", str(furniture)),
        Row("sentences the source repeats, kept once (copy in removed)", str(own_repeats)),
        Row("sentences duplicated", str(sentences.duplicated)),
        Row("dateline place right (where added)", fmt(figures["dateline_place_accuracy"])),
        Row("notice found (where added)", fmt(figures["notices_found"])),
    ]
    rows += [
        Row(f"  recovered, records with {k}", fmt(v.recovered)) for k, v in sorted(by_kind.items())
    ]
    return SuiteResult("clean", rows, figures)
