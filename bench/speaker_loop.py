"""A fast loop for speaker rules: the PolNeAR tuned half, parsed once, its quotes re-extracted.

`dateline eval archive` ingests all of PolNeAR (five minutes on a quiet machine, most of an
hour on a loaded one). Speaker rules change only what runs after the parse, so this caches
the tuned half's clean articles and spaCy docs and re-runs the extractors up to the quotes
(a minute), scoring each gold direct quote with a named source by the entity name the quote
is filed under in its article (the archive uses the corpus-wide canonical name instead;
the two agree to about 0.001). The held-out half is never read.

    PYTHONPATH=src python bench/speaker_loop.py /tmp/speakers.pkl $DATA/polnear/polnear-train-dev.jsonl
    (add -v for the unfiled speaker texts and the wrong filings)
"""

from __future__ import annotations

import argparse
import copy
import pickle
import time
from collections import Counter
from pathlib import Path

from spacy.tokens import DocBin

from dateline.eval.load.polnear import iter_attributed
from dateline.eval.scoring import is_named, match_quotes, same_speaker
from dateline.extract import extract_amounts, extract_times
from dateline.extract.entities import extract_entities
from dateline.extract.nlp import get_nlp
from dateline.extract.places import resolve_places
from dateline.extract.quotes import extract_quotes
from dateline.model import RawRecord, Source
from dateline.pipeline import clean_record
from dateline.settings import Settings

STAGES = (extract_times, extract_amounts, extract_entities, resolve_places, extract_quotes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cache", type=Path, help="pickle of the parsed tuned half (made when absent)")
    ap.add_argument("data", type=Path, help="PolNeAR's polnear-train-dev.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true", help="print unfiled and wrong speakers")
    args = ap.parse_args()
    settings = Settings()
    stories = list(iter_attributed(args.data))
    tune = stories[: len(stories) // 2]  # the archive suite's split: the second half is held out
    nlp = get_nlp(settings.model)
    if args.cache.exists():
        articles, data = pickle.loads(args.cache.read_bytes())
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    else:
        articles = [clean_record(RawRecord(Source("polnear", i, "jsonl"), text=s.body, date=s.published,
                                           title=s.title), settings) for i, s in enumerate(tune)]
        docs = list(nlp.pipe([a.text for a in articles], batch_size=settings.batch_size))
        bin_ = DocBin(store_user_data=True)
        for d in docs:
            bin_.add(d)
        args.cache.write_bytes(pickle.dumps((articles, bin_.to_bytes())))
    started = time.monotonic()
    total = right = filed = filed_right = 0
    unfiled: Counter[str] = Counter()
    wrong: list[str] = []
    for story, cached, doc in zip(tune, articles, docs, strict=True):
        article = copy.deepcopy(cached)
        for stage in STAGES:
            article = stage(article, doc)
        names = {e.id: e.name for e in article.entities}
        quotes = [q for q in article.quotes if q.kind == "direct"]
        gold = [g for g in story.attributions if g.direct and is_named(g.source)]
        _counts, found = match_quotes([g.content for g in gold], [q.text for q in quotes])
        for g, hit in zip(gold, found, strict=True):
            if hit is None:
                continue
            q = quotes[hit]
            name = names.get(q.speaker_entity or "")
            ok = name is not None and same_speaker(g.source, [name])
            total += 1
            right += ok
            if name is None:
                unfiled[q.speaker or "(no speaker)"] += 1
                continue
            filed += 1
            filed_right += ok
            if not ok:
                wrong.append(f"{story.id}: gold {g.source!r}, filed under {name!r} ({q.speaker!r}, {q.cue!r})")
    print(f"{len(tune)} stories, {total} matched: accuracy {right / total:.3f}, filed {filed / total:.3f}, "
          f"accuracy where filed {filed_right / filed:.3f}, wrong {filed - filed_right}, unfiled "
          f"{total - filed} ({time.monotonic() - started:.0f} s)")
    if args.verbose:
        print(unfiled.most_common(40))
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
