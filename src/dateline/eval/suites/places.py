"""The `places` suite: the countries of a story's resolved places against Reuters-21578's `<PLACES>`.

Each Reuters story carries the countries it is about as `<PLACES>` tags (`usa`, `west-germany`,
`hong-kong`), mapped here to ISO 3166-1 alpha-3. Dateline's answer for a story is the set of
countries of its resolved places: the dateline's and those of its GPE, LOC and FAC entities.
Scored per (story, country) pair over the stories that have a body and a mappable tag:
recall (the tagged countries dateline finds) and precision (the countries it gives that are
tagged), for the countries the story is about (`places.about`: dateline, title, lead, named
twice) against the tags, which name what a story is about; and, beside it, for every country
the story names, which the tags leave out when it is background. The stories are in file
order; `--offset` skips the first N (the part the rules were looked at on) so that a held-out
part can be reported.

The tags describe the world of 1987: `ussr`, `yugoslavia` and `czechoslovakia` are single
countries there, so a place in one of their successor states counts as that country.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from dateline.clean import clean_record
from dateline.eval.load.reuters import iter_stories, to_record
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.extract.countries import country_code
from dateline.model import Article, Rejected
from dateline.places.about import story_countries
from dateline.settings import Settings

TARGETS = {"recall": 0.90, "precision": 0.85}

# Tags whose names pycountry does not know (names of 1987, or Reuters' own short forms).
TAGS: dict[str, str] = {
    "west-germany": "DEU", "east-germany": "DEU", "yugoslavia": "YUG", "czechoslovakia": "CSK",
    "zaire": "COD", "yemen-arab-republic": "YEM", "yemen-demo-republic": "YEM",
    "trinidad-tobago": "TTO", "us-virgin-islands": "VIR", "kampuchea": "KHM", "antigua": "ATG",
}
# The states of 1987 that are several countries now: a successor's code counts as the old one.
FORMER: dict[str, str] = {
    **dict.fromkeys(["RUS", "UKR", "BLR", "MDA", "LTU", "LVA", "EST", "GEO", "ARM", "AZE", "KAZ", "UZB",
                     "TKM", "KGZ", "TJK"], "SUN"),
    **dict.fromkeys(["SRB", "HRV", "SVN", "BIH", "MKD", "MNE", "XKX"], "YUG"),
    **dict.fromkeys(["CZE", "SVK"], "CSK"),
}
_PLACES = re.compile(r'<REUTERS\b[^>]*NEWID="(\d+)"[^>]*>.*?<PLACES>(.*?)</PLACES>', re.S)
_D = re.compile(r"<D>(.*?)</D>")


def tag_country(tag: str) -> str | None:
    """ISO alpha-3 of a `<PLACES>` tag (`hong-kong` -> HKG), in the 1987 world; None if unknown."""
    code = TAGS.get(tag) or country_code(tag.replace("-", " "))
    return FORMER.get(code, code) if code else None


def gold_places(folder: Path) -> dict[str, list[str]]:
    """NEWID -> the story's `<PLACES>` tags, as written."""
    out: dict[str, list[str]] = {}
    for f in sorted(folder.glob("reut2-*.sgm")):
        for m in _PLACES.finditer(f.read_text(encoding="latin-1")):
            out[m.group(1)] = _D.findall(m.group(2))
    return out


def found_countries(article: Article) -> dict[str, list[str]]:
    """The countries of an article's resolved places, each with the names that gave it."""
    out: dict[str, list[str]] = {}
    dl = article.dateline
    if dl is not None and dl.location is not None:
        out.setdefault(FORMER.get(dl.location.country, dl.location.country), []).append(f"dateline {dl.place}")
    for e in article.entities:
        if e.place is not None:
            out.setdefault(FORMER.get(e.place.country, e.place.country), []).append(e.name)
    return out


def _articles(path: Path, limit: int | None, offset: int, settings: Settings, gold: dict[str, list[str]],
              failed: list[str]) -> Iterator[tuple[str, set[str], Article]]:
    def cleaned() -> Iterator[Article]:
        stories = (s for s in iter_stories(path) if s.body and s.body.strip() and s.newid in gold)
        for story in islice(stories, offset, None if limit is None else offset + limit):
            codes = {c for c in map(tag_country, gold[story.newid]) if c}
            if not codes:
                continue
            try:
                article = clean_record(to_record(story), settings)
            except Rejected:
                continue
            article.tags = [story.newid, *sorted(codes)]  # carried through extraction
            yield article

    for article in _extracted(cleaned(), settings, failed):
        yield article.tags[0], set(article.tags[1:]), article


def _extracted(articles: Iterator[Article], settings: Settings, failed: list[str]) -> Iterator[Article]:
    """The articles through extraction, a batch at a time; a batch that fails is done again one
    article at a time, and an article whose extraction fails is named in `failed` and left
    out (a fault of another stage must not stop the measure of this one)."""
    from dateline.extract import extract_article, extract_articles

    it = iter(articles)
    while batch := list(islice(it, 64)):
        try:
            yield from list(extract_articles(batch, settings))
        except Exception:  # noqa: BLE001 - any stage's fault: retried one by one below
            for a in batch:
                try:
                    yield extract_article(a, settings)
                except Exception as exc:  # noqa: BLE001
                    failed.append(f"{a.tags[0] if a.tags else a.id}: {type(exc).__name__}: {exc}")


@dataclass(slots=True)
class Tally:
    """(story, country) pairs: tagged, found, and both."""

    gold: int = 0
    found: int = 0
    hit: int = 0
    exact: int = 0
    extra: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    def add(self, want: set[str], got: set[str]) -> None:
        self.gold += len(want)
        self.found += len(got)
        self.hit += len(want & got)
        self.exact += want == got
        self.extra.update(got - want)
        self.missed.update(want - got)

    @property
    def recall(self) -> float | None:
        return self.hit / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.hit / self.found if self.found else None


def run(path: Path, limit: int | None = None, settings: Settings | None = None, offset: int = 0) -> SuiteResult:
    settings = settings or Settings()
    gold = gold_places(path)
    n = 0
    about, named = Tally(), Tally()
    extra_names: Counter[str] = Counter()
    samples: list[str] = []
    failed: list[str] = []
    for newid, want, article in _articles(path, limit, offset, settings, gold, failed):
        places = found_countries(article)
        main = {FORMER.get(c, c) for c in story_countries(article)}
        n += 1
        about.add(want, main)
        named.add(want, set(places))
        for code in main - want:
            extra_names.update(f"{name} -> {code}" for name in places.get(code, []))
        if want != main and len(samples) < 25:
            samples.append(f"{newid}: gold {sorted(want)}, found {sorted(main)} "
                           f"(wrong: {', '.join(f'{c} from {places.get(c)}' for c in sorted(main - want))})")
    figures = {
        "stories": n, "offset": offset, "gold_countries": about.gold, "found_countries": about.found,
        "recall": about.recall, "precision": about.precision, "stories_exact": about.exact / n if n else None,
        "all_places_recall": named.recall, "all_places_precision": named.precision,
        "all_places_found": named.found,
        "extraction_failed": failed,
        "missed_most": about.missed.most_common(15), "extra_most": about.extra.most_common(15),
        "extra_names_most": extra_names.most_common(30), "samples": samples,
    }
    rows = [
        Row("stories (with a body and a country tag)", str(n)),
        Row("stories left out: extraction failed", str(len(failed))),
        Row("story-country recall (the story's countries)", fmt(about.recall),
            target=meets(about.recall, TARGETS["recall"])),
        Row("story-country precision (the story's countries)", fmt(about.precision),
            target=meets(about.precision, TARGETS["precision"])),
        Row("stories with exactly the tagged countries", fmt(figures["stories_exact"])),
        Row("recall, every place the story names", fmt(named.recall)),
        Row("precision, every place the story names", fmt(named.precision)),
    ]
    notes = [f"Reuters stories {offset + 1} to {offset + n} of those with a body and a country tag"] if offset else []
    meantime = path.parent / "meantime" / "meantime_en.jsonl"
    if meantime.is_file():
        m = meantime_countries(meantime, settings)
        figures["meantime"] = m
        rows += [
            Row("MEANTIME: linked place mentions with a country from the link", str(m["gold"])),
            Row("MEANTIME: resolved to the link's country", fmt(m["accuracy"])),
            Row("MEANTIME: resolved at all (coverage)", fmt(m["coverage"])),
        ]
    return SuiteResult("places", rows, figures, notes)


def link_country(title: str) -> str | None:
    """The country a DBpedia title names without anyone's judgement: a country's own title
    (`United_Kingdom`), a US state's (`Alabama`), or a title whose qualifier is one
    (`Mobile,_Alabama`, `Victoria_(Australia)`). A bare city title (`Paris`) is left out: its
    country would come from the same kind of guess that is being scored."""
    from dateline.places.gazetteer import gazetteer

    gaz = gazetteer()
    name = title.replace("_", " ")
    qual = re.fullmatch(r"(?P<head>.+?)(?:, (?P<c>[^,()]+)| \((?P<p>[^()]+)\))", name)
    for part in ([qual.group("c") or qual.group("p")] if qual else []) + [name]:
        area = gaz.area(part)
        if area is not None:
            return area.country
    return None


def meantime_countries(path: Path, settings: Settings) -> dict[str, Any]:
    """MEANTIME's LOC names linked to DBpedia, where the link gives a country: the share that
    dateline resolves to that country (of those it resolves), and the share it resolves."""
    import json

    from dateline.model import Source, Span

    docs, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        spans = {}
        for e in d.get("entities") or []:
            ref = e.get("external_ref") or ""
            if e.get("type") == "LOC" and e.get("syntactic_type") == "NAM" and "dbpedia.org" in ref:
                code = link_country(ref.rsplit("/", 1)[-1])
                if code:
                    spans[(e["start"], e["end"])] = (e["text"], code)
        if spans:
            text = d["text"]
            docs.append(Article(str(d["doc_id"]), Source("meantime", len(docs), "jsonl"), text,
                                [Span(0, len(text))], published=d.get("dct")))
            gold[str(d["doc_id"])] = spans
    right = wrong = none = 0
    errors: list[str] = []
    failed: list[str] = []
    for a in _extracted(iter(docs), settings, failed):
        for (start, end), (text, code) in gold[a.id].items():
            place = next((e.place for e in a.entities for m in e.mentions
                          if m.start < end and start < m.end and e.place is not None), None)
            if place is None:
                none += 1
            elif FORMER.get(place.country, place.country) == FORMER.get(code, code):
                right += 1
            else:
                wrong += 1
                if len(errors) < 20:
                    errors.append(f"{a.id}: {text!r} -> {place.name} ({place.country}), link says {code}")
    n = right + wrong + none
    return {"gold": n, "right": right, "wrong": wrong, "unresolved": none, "extraction_failed": failed,
            "accuracy": right / (right + wrong) if right + wrong else None,
            "coverage": (right + wrong) / n if n else None, "errors": errors}
