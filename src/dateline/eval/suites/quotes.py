"""The `quotes` suite: PolNeAR attributions against dateline's quotes and speakers.

Each article (the first annotator's version) goes through the whole pipeline (clean, then
extract) with its publication date and title. Quotes are matched by their words, not their
offsets, since cleaning may move the text: a match shares a run of six words (a gold quote
shorter than that must be found whole). Scores:

- direct quotes (gold content opening with a quotation mark): recall and precision;
- speakers of matched direct quotes: right when the predicted speaker (its words, or the
  name and aliases of the entity it resolves to) holds the word that names the gold source
  (see `scoring.speaker_key`), for named sources and noun phrases apart; for pronoun
  sources, right when the pronoun was resolved to the nearest named gold source before it
  (PolNeAR has no coreference, so that source stands in for the referent);
- indirect attributions: recall of their content and speaker accuracy;
- beside those: how many named sources got a speaker at all (a missing speaker counts as
  wrong above), and precision with the parts of a split gold quote counted right (the gold
  joins `"A," X said. "B"` into one content, which neither part alone shares six words with).

textacy's `direct_quotations` runs beside it on the same clean text with the same spaCy
model (its full pipeline: textacy reads lemmas).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from dateline.clean import clean_record
from dateline.eval.load.polnear import AttributedStory, Attribution, iter_attributed
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.eval.scoring import (
    Counts,
    QuoteCounts,
    is_named,
    is_pronoun,
    match_quotes,
    quote_piece,
    quotes_match,
    same_speaker,
)
from dateline.model import Article, Entity, RawRecord, Rejected, Source
from dateline.settings import Settings

TARGETS = {"recall": 0.85, "named_speaker": 0.80}
DEFAULT_LIMIT = 100  # articles (of 924): about a minute on 2 cores, twice the model


@dataclass(slots=True)
class Tally:
    direct: QuoteCounts = field(default_factory=QuoteCounts)
    named: Counts = field(default_factory=Counts)  # tp: right, gold: matched quotes scored
    phrase: Counts = field(default_factory=Counts)
    pronoun: Counts = field(default_factory=Counts)
    indirect: QuoteCounts = field(default_factory=QuoteCounts)
    indirect_speaker: Counts = field(default_factory=Counts)
    both_named: Counts = field(default_factory=Counts)  # named sources both systems matched
    named_given: Counts = field(default_factory=Counts)  # named sources given a speaker at all
    pieces: int = 0  # unmatched system quotes that are a part of a split gold quote

    def add_speaker(self, kind: str, right: bool) -> None:
        c: Counts = getattr(self, kind)
        c.gold += 1
        c.tp += int(right)


@dataclass(slots=True)
class Said:
    """A system quote reduced to what is scored: its words and the names of its speaker."""

    text: str
    speaker_names: list[str | None]


def _referent(story: AttributedStory, a: Attribution) -> str | None:
    before = [b.source for b in story.attributions if b.at < a.at and is_named(b.source)]
    return before[-1] if before else None


def _score_direct(story: AttributedStory, said: Sequence[Said], tally: Tally) -> dict[int, bool]:
    """Scores into `tally`; returns, for each matched gold quote with a named source (by its
    index among the story's direct quotes), whether the speaker was right: the like-for-like
    comparison keeps the quotes that both systems matched."""
    gold = [a for a in story.attributions if a.direct]
    counts, found = match_quotes([a.content for a in gold], [s.text for s in said])
    tally.direct = tally.direct + counts
    tally.pieces += sum(
        1 for s in said
        if not any(quotes_match(a.content, s.text) for a in gold)
        and any(quote_piece(a.content, s.text) for a in gold)
    )
    named: dict[int, bool] = {}
    for i, (a, hit) in enumerate(zip(gold, found, strict=True)):
        if hit is None:
            continue
        names = said[hit].speaker_names
        if is_pronoun(a.source):
            ref = _referent(story, a)
            if ref is not None:
                tally.add_speaker("pronoun", same_speaker(ref, names))
        elif is_named(a.source):
            named[i] = same_speaker(a.source, names)
            tally.add_speaker("named", named[i])
            if names and names[0]:
                tally.add_speaker("named_given", named[i])
        else:
            tally.add_speaker("phrase", same_speaker(a.source, names))
    return named


def _score_both(mine: dict[int, bool], theirs: dict[int, bool], a: Tally, b: Tally) -> None:
    """Named-speaker accuracy of each system on the gold quotes that both matched."""
    for i in mine.keys() & theirs.keys():
        a.add_speaker("both_named", mine[i])
        b.add_speaker("both_named", theirs[i])


def _score_indirect(story: AttributedStory, said: Sequence[Said], tally: Tally) -> None:
    gold = [a for a in story.attributions if not a.direct]
    counts, found = match_quotes([a.content for a in gold], [s.text for s in said])
    tally.indirect = tally.indirect + counts
    for a, hit in zip(gold, found, strict=True):
        if hit is not None and not is_pronoun(a.source):
            tally.add_speaker("indirect_speaker", same_speaker(a.source, said[hit].speaker_names))


def _names(entities: dict[str, Entity], speaker: str | None, entity_id: str | None) -> list:
    ent = entities.get(entity_id or "")
    return [speaker] + ([ent.name, *ent.aliases] if ent else [])


def _articles(stories: list[AttributedStory], settings: Settings) -> list[Article | None]:
    out: list[Article | None] = []
    for i, s in enumerate(stories):
        raw = RawRecord(Source("polnear", i, "jsonl"), text=s.body, date=s.published, title=s.title)
        try:
            out.append(clean_record(raw, settings))
        except Rejected:
            out.append(None)
    return out


def run(path: Path, limit: int | None = None, settings: Settings | None = None,
        offset: int = 0) -> SuiteResult:
    """Score `limit` articles after skipping `offset` (a slice held out from development)."""
    settings = settings or Settings()
    limit = DEFAULT_LIMIT if limit is None else limit
    f = path / "polnear-train-dev.jsonl" if path.is_dir() else path
    stories = list(islice(iter_attributed(f), offset, offset + limit))
    cleaned = _articles(stories, settings)
    kept = [(s, a) for s, a in zip(stories, cleaned, strict=True) if a is not None]

    from dateline.extract import extract_articles

    mine, theirs = Tally(), Tally()
    named_right: list[dict[int, bool]] = []
    extracted = extract_articles((a for _, a in kept), settings)
    for (story, _), article in zip(kept, extracted, strict=True):
        ents = {e.id: e for e in article.entities}
        direct = [Said(q.text, _names(ents, q.speaker, q.speaker_entity)) for q in article.quotes if q.kind == "direct"]
        indirect = [
            Said(q.text, _names(ents, q.speaker, q.speaker_entity)) for q in article.quotes if q.kind == "indirect"
        ]
        named_right.append(_score_direct(story, direct, mine))
        _score_indirect(story, indirect, mine)

    baseline = textacy_quotes(settings.model)
    if baseline is not None:
        texts = [a.text for _, a in kept]
        for (story, _), said, ours in zip(kept, baseline(texts), named_right, strict=True):
            _score_both(ours, _score_direct(story, said, theirs), mine, theirs)

    return _result(len(stories), len(kept), mine, theirs if baseline else None, limit, offset)


def textacy_quotes(model: str):  # noqa: ANN201 - a generator factory, or None
    """textacy's `direct_quotations` over texts, as `Said` lists; None if not installed."""
    try:
        import spacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    from dateline.extract.nlp import resolve_model

    nlp = spacy.load(resolve_model(model))

    def said(doc) -> list[Said]:  # noqa: ANN001
        return [
            Said(q.content.text, [" ".join(t.text for t in q.speaker)])
            for q in direct_quotations(doc)
        ]

    def tag(texts: list[str]):  # noqa: ANN202
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
            try:
                yield said(doc)
            except ValueError:
                # textacy gives up on a text with an odd number of quotation marks; be fair
                # to it and try each paragraph alone, skipping those that are unbalanced.
                out: list[Said] = []
                for para in nlp.pipe(p for p in text.split("\n\n") if p.strip()):
                    try:
                        out.extend(said(para))
                    except ValueError:
                        continue
                yield out

    return tag


def _rate(c: Counts) -> float | None:
    return c.tp / c.gold if c.gold else None


def _coverage(x: Tally) -> float | None:
    """Share of matched quotes with a named source that got any speaker: a missing speaker
    counts as wrong in the accuracy rows, and this tells it apart from a wrong one."""
    return x.named_given.gold / x.named.gold if x.named.gold else None


def _pieces_precision(x: Tally) -> float | None:
    return (x.direct.matched + x.pieces) / x.direct.sys if x.direct.sys else None


def _result(n: int, kept: int, mine: Tally, theirs: Tally | None, limit: int, offset: int = 0
            ) -> SuiteResult:
    def b(value: str) -> str:
        return value if theirs is not None else "n/a (textacy not installed)"

    t = theirs or Tally()

    def side_by_side(label: str, measure: Callable[[Tally], float], target: str = "") -> Row:
        return Row(label, fmt(measure(mine)), b(fmt(measure(t))), target)

    rows = [
        Row("articles (scored)", f"{kept} of {n}", str(kept)),
        Row("gold direct quotes", str(mine.direct.gold), str(t.direct.gold)),
        side_by_side(
            "direct quotes recall",
            lambda x: x.direct.recall,
            meets(mine.direct.recall, TARGETS["recall"]),
        ),
        side_by_side("direct quotes precision", lambda x: x.direct.precision),
        side_by_side("direct quotes F1", lambda x: x.direct.f1),
        side_by_side(
            "direct quotes precision, parts of a split gold quote counted right", _pieces_precision
        ),
        side_by_side(
            f"speaker accuracy, named sources ({mine.named.gold} / {t.named.gold} matched)",
            lambda x: _rate(x.named),
            meets(_rate(mine.named), TARGETS["named_speaker"]),
        ),
        side_by_side(
            f"named sources given a speaker ({mine.named_given.gold} / {t.named_given.gold})",
            _coverage,
        ),
        side_by_side(
            "speaker accuracy, named sources given a speaker", lambda x: _rate(x.named_given)
        ),
        side_by_side(
            f"speaker accuracy, named sources both matched ({mine.both_named.gold})",
            lambda x: _rate(x.both_named),
        ),
        side_by_side(
            f"speaker accuracy, noun-phrase sources ({mine.phrase.gold} / {t.phrase.gold})",
            lambda x: _rate(x.phrase),
        ),
        side_by_side(
            f"pronoun sources resolved to the name ({mine.pronoun.gold} / {t.pronoun.gold})",
            lambda x: _rate(x.pronoun),
        ),
        Row("gold indirect attributions", str(mine.indirect.gold), "-"),
        Row("indirect content recall", fmt(mine.indirect.recall), "-"),
        Row("indirect content precision", fmt(mine.indirect.precision), "-"),
        Row(
            f"indirect speaker accuracy ({mine.indirect_speaker.gold} matched, not pronouns)",
            fmt(_rate(mine.indirect_speaker)),
            "-",
        ),
    ]

    def fig(x: Tally) -> dict:
        return {
            "direct": x.direct.as_dict(),
            "speaker_named": _rate(x.named),
            "speaker_named_both_matched": _rate(x.both_named),
            "speaker_named_coverage": _coverage(x),
            "speaker_named_given": _rate(x.named_given),
            "direct_precision_split_parts_right": _pieces_precision(x),
            "speaker_noun_phrase": _rate(x.phrase),
            "speaker_pronoun_resolved": _rate(x.pronoun),
            "indirect": x.indirect.as_dict(),
            "indirect_speaker": _rate(x.indirect_speaker),
        }

    result = SuiteResult(
        "quotes",
        rows,
        {"articles": kept, "limit": limit, "offset": offset, "dateline": fig(mine),
         "textacy": fig(theirs) if theirs else None},
        baseline_name="textacy direct_quotations",
    )
    result.notes.append(
        f"{limit} articles after the first {offset} (--limit, --offset); a match shares a run "
        "of six words; speakers are compared by the word that names the gold source; textacy finds direct quotes only"
    )
    result.notes.append(
        "parts of a split gold quote: PolNeAR joins a quote interrupted by its attribution "
        "into one content, so a part found alone counts right in that row only; a missing "
        "speaker counts as wrong in the accuracy rows, 'given a speaker' tells the two apart"
    )
    return result
