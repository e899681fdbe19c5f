"""Incremental story assignment: each new article joins the most similar active story or starts one.

The decision rule, and why:
- **Words** are compared as TF-IDF cosine between the article and the story's centroid (the mean of
  its articles' term counts). Document frequencies grow with the archive, so a word that every
  story uses (`said`, `police`) weighs less as the corpus teaches it so.
- **Entities and days** are compared as the share of the article's entity and day-key weight (each
  key by its IDF) that the story has seen: two reports of one event name the same people and places
  and the same day (`on Saturday`, `December 15`), two events of one kind (two earthquakes, two
  coaches fired by one team) mostly do not. IDF lets the rare co-participant and the named day
  outweigh the main entity that both events share.
- **Figures**: the numbers the text gives (a death toll, a magnitude, a team's record, an amount)
  count beside the entities and days, each by its IDF: two reports of one event give the same
  figures, two events of one kind other ones; a figure everybody gives (`10`) weighs little.
- **Who acts**: the people a report's headline and first sentences name are who the event is
  about (the coach fired, the minister who announced); background and earlier events come later
  in the text. When the article's lead and the story's leads both name people and share none,
  the similarity keeps `other_people` (0.7) of itself: two events of one kind are told with the
  same words and mostly the same organisations and places, and the people acting are what
  differs (a coach fired in 2008 against another coach fired in 2005 and his successor hired).
  A penalty, not a veto: a follow-up may lead with a new person (a witness, a spokesman), and
  enough shared words and entities still carry it. On ECB+ topics 1-11 (B-cubed F1, shuffled
  orders) 0.7 gives 0.895, a weaker penalty (0.8) or none 0.889 and 0.868, a stronger one (0.5)
  splits one event's reports (0.869); a like rule on the lead's organisations or countries did
  nothing or harm there and is not applied, and neither is a higher bar for joining a story of
  one article (where the mixes left begin: 0.877).
- **Years**: an article and a story that date things in disjoint years (`March 3, 2009` against
  `in 2013`) keep only part of their similarity: the same kind of event, years apart, is another
  event. This matters most for undated records, where the window below cannot help.
- **Time**: a story is a candidate only while the article's date is within `window_days` of the
  story's dates; inside the window, similarity fades linearly with the gap, so that next week's
  earthquake needs stronger evidence than today's follow-up.
- **Subject companies**: a routine wire item (results, a dividend, a rating, a load factor) is
  written in one format for every company, so its words match the same item of any other
  company, and document frequencies cannot tell: `qtr`, `shr` and `dividend` are frequent, but
  not frequent enough to weigh nothing. What makes it one item is its subject, the company its
  headline names (`represent.subjects_of`). Where the article or the story has subject
  companies, it is a candidate only if one side names the other's subject (the same company, a
  merger's second party, the buyer of a unit): an item about a company the other side does not
  name, or a company's item against a story that names only other companies, is another story.
  A company that many items name (a rating agency, an exchange) is no shared participant.
- **Candidates** come from an inverted index of each story's most distinctive terms and its
  entities, so the cost per article depends on how many stories share its rare words, not on the
  archive's size.
- An article joins the best candidate if its score reaches `threshold`, else starts a new story.
  The threshold and weights were chosen on ECB+ topics 1-11 and are reported on topics 12-22
  (`dateline eval stories`): on the development topics B-cubed F1 is flat between 0.16 and 0.20
  (0.85-0.88 in file order, 0.89 shuffled) and falls off on either side; 0.18 is the best
  mean of the two. Comparing with each story's members (average link) instead of its centroid,
  and a threshold relative to the story's own cohesion, were tried there and did worse (0.72-0.81):
  a story of one or two articles is too little to compare against.

The functions here are shared by the in-memory `StoryIndex` (evaluation, tests) and the archive's
story store (`archive/stories.py`), which keeps the same state in tables.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Protocol

from dateline.stories.represent import Profile


@dataclass(frozen=True, slots=True)
class StoryParams:
    window_days: int = 3
    threshold: float = 0.18
    entity_weight: float = 0.35
    other_years: float = 0.5  # kept of the similarity when article and story date things in disjoint years
    centroid_terms: int = 250  # a story's centroid keeps its most frequent terms
    query_terms: int = 30  # an article looks stories up by its highest-weighted terms
    # Candidates are ranked by how many of the article's keys they share; on ECB+ the story an
    # article joins was always among the first five, so twenty leave a wide margin.
    max_candidates: int = 20
    # How much a figure the story has given counts beside a shared entity or day (each by its IDF).
    figure_weight: float = 1.0
    # Kept of the similarity when the lead of the article and the leads of the story name people,
    # none of them the same: another person acting is another event of the kind.
    other_people: float = 0.7


@dataclass(slots=True)
class Story:
    id: int
    terms: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    years: Counter[str] = field(default_factory=Counter)
    when: Counter[str] = field(default_factory=Counter)
    subjects: Counter[str] = field(default_factory=Counter)
    mentions: Counter[str] = field(default_factory=Counter)
    figures: Counter[str] = field(default_factory=Counter)
    lead: Counter[str] = field(default_factory=Counter)  # the people its articles' leads name
    first: str | None = None
    last: str | None = None
    size: int = 0
    # The centroid's TF-IDF norm and the document count it was computed at: recomputed when the
    # story changes or the corpus has grown by a fortieth (IDF moves little in between).
    norm: tuple[float, int] | None = field(default=None, compare=False)

    def state(self) -> dict[str, object]:
        out: dict[str, object] = {"terms": dict(self.terms), "entities": dict(self.entities),
                                  "years": dict(self.years), "when": dict(self.when),
                                  "subjects": dict(self.subjects), "mentions": dict(self.mentions),
                                  "figures": dict(self.figures), "lead": dict(self.lead)}
        if self.norm is not None:
            out["norm"] = list(self.norm)
        return out

    @classmethod
    def from_state(cls, sid: int, state: dict, first: str | None, last: str | None, size: int) -> Story:
        norm = state.get("norm")
        return cls(sid, Counter(state.get("terms", {})), Counter(state.get("entities", {})),
                   Counter(state.get("years", {})), Counter(state.get("when", {})),
                   Counter(state.get("subjects", {})), Counter(state.get("mentions", {})),
                   Counter(state.get("figures", {})), Counter(state.get("lead", {})), first, last, size,
                   (float(norm[0]), int(norm[1])) if norm else None)


@dataclass(frozen=True, slots=True)
class Decision:
    story: int
    new: bool
    score: float


class Frequencies(Protocol):
    n: int

    def idf(self, key: str) -> float: ...


class DocFreq:
    """Document frequencies of terms and entity keys, in memory, updated as articles arrive."""

    def __init__(self, n: int = 0, df: Counter[str] | None = None) -> None:
        self.n = n
        self.df: Counter[str] = df if df is not None else Counter()

    def add(self, p: Profile) -> None:
        self.n += 1
        self.df.update(profile_keys(p))

    def idf(self, key: str) -> float:
        return math.log((1 + self.n) / (1 + self.df.get(key, 0))) + 1.0


def entity_key(e: str) -> str:
    return "E:" + e


def profile_keys(p: Profile) -> list[str]:
    """The keys whose document frequency an article adds to: its terms, its entities, the days,
    the companies and the figures it names."""
    return [*p.terms, *(entity_key(e) for e in p.entities), *p.when, *p.mentions, *p.figures]


def _days(a: str, b: str) -> int | None:
    try:
        return abs((Date.fromisoformat(a[:10]) - Date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def gap(p: Profile, s: Story) -> int:
    """Days between the article and the nearest end of the story's span (0 inside it, or undated)."""
    if not p.date or not s.first:
        return 0
    if s.first[:10] <= p.date[:10] <= (s.last or s.first)[:10]:
        return 0
    days = [d for d in (_days(p.date, s.first), _days(p.date, s.last or s.first)) if d is not None]
    return min(days) if days else 0


@dataclass(slots=True)
class Prepared:
    """An article's TF-IDF weights and norm, and its entity weights, computed once per decision."""

    profile: Profile
    weights: dict[str, float]
    norm: float
    entities: dict[str, float]
    when: dict[str, float]
    figures: dict[str, float]
    # each term's weight times its IDF once more: the story's side of the dot product is its
    # mean count times the IDF, so the article brings the IDF once for both
    dot_weights: dict[str, float]

    @classmethod
    def of(cls, p: Profile, df: Frequencies) -> Prepared:
        idf = {t: df.idf(t) for t in p.terms}
        weights = {t: (1 + math.log(c)) * idf[t] for t, c in p.terms.items()}
        return cls(p, weights, math.sqrt(sum(w * w for w in weights.values())),
                   {e: df.idf(entity_key(e)) for e in p.entities}, {k: df.idf(k) for k in p.when},
                   {k: df.idf(k) for k in p.figures},
                   {t: w * idf[t] for t, w in weights.items()})


def norm_is_stale(s: Story, df: Frequencies) -> bool:
    return s.norm is None or df.n > s.norm[1] * 1.025


def story_norm(s: Story, df: Frequencies) -> float:
    if norm_is_stale(s, df):
        idf = df.idf
        s.norm = (math.sqrt(sum((c * idf(t)) ** 2 for t, c in s.terms.items())) / max(s.size, 1), df.n)
    return s.norm[0]


def score(p: Profile | Prepared, s: Story, df: Frequencies, params: StoryParams, days: int | None = None) -> float:
    """`days` is the gap between the article and the story when the caller has it already."""
    a = p if isinstance(p, Prepared) else Prepared.of(p, df)
    size = max(s.size, 1)
    # The dot product runs over the terms both have (the keys' intersection, taken in C: an
    # article has ~150 terms, a story up to 500, they share a few dozen); the story's norm is
    # cached. `fsum` is exact whatever the order, so the set's order cannot change a decision.
    terms, dw = s.terms, a.dot_weights
    dot = math.fsum([dw[t] * terms[t] for t in dw.keys() & terms.keys()]) / size
    nb = story_norm(s, df)
    sim = dot / (a.norm * nb) if a.norm and nb else 0.0
    # Who, when and how many, against the story: the share of the article's entity, day-key and
    # figure weight (each key by its IDF, so a rare co-participant, a named day or a death toll
    # outweighs the main entity that both events of a kind share) that the story has already seen.
    fw = params.figure_weight
    total = sum(a.entities.values()) + sum(a.when.values()) + fw * sum(a.figures.values())
    if total:
        shared = (sum(w for e, w in a.entities.items() if e in s.entities)
                  + sum(w for k, w in a.when.items() if k in s.when)
                  + fw * sum(w for k, w in a.figures.items() if k in s.figures)) / total
        sim = (1 - params.entity_weight) * sim + params.entity_weight * shared
    prof = a.profile
    # Who acts, against the story: a lead names the people the event is about (the coach fired,
    # the minister who announced); when neither lead names one of the other's, it is another
    # event of the kind, however alike the words (see the module's note).
    if prof.lead and s.lead and prof.lead.isdisjoint(s.lead):
        sim *= params.other_people
    if prof.years and s.years and not any(y in s.years for y in prof.years):
        sim *= params.other_years
    return sim * (1 - 0.5 * (gap(prof, s) if days is None else days) / (params.window_days + 1))


def query_keys(p: Profile, df: Frequencies, params: StoryParams) -> list[str]:
    """The article's most distinctive terms, and its entities: what it looks stories up by."""
    ranked = sorted(p.terms, key=lambda t: (-p.terms[t] * df.idf(t), t))[: params.query_terms]
    return ranked + [entity_key(e) for e in sorted(p.entities)]


def story_keys(s: Story, df: Frequencies, params: StoryParams) -> frozenset[str]:
    """What a story is found by: its most distinctive centroid terms, and its entities."""
    ranked = sorted(s.terms, key=lambda t: (-s.terms[t] * df.idf(t), t))[: params.query_terms * 2]
    return frozenset(ranked) | frozenset(entity_key(e) for e in s.entities)


def _common(key: str, df: Frequencies) -> bool:
    """A company named in more than one article in a hundred (and in more than five): a rating
    agency, an exchange or a regulator that routine items of many companies name, not a
    participant two items could share."""
    count = (1 + df.n) / math.exp(df.idf(key) - 1.0) - 1
    return count > max(5.0, df.n / 100)


def same_subject(p: Profile, s: Story, df: Frequencies) -> bool:
    """False when the article and the story are about different companies (see the module's
    note): one side has subject companies, the other names companies, and neither names one of
    the other's subjects, a company named everywhere aside. An item that names no company at
    all cannot be told apart this way."""
    if not p.subjects and not s.subjects:
        return True
    shared = {k for k in p.subjects if k in s.mentions} | {k for k in s.subjects if k in p.mentions}
    if any(not _common(k, df) for k in shared):
        return True
    return not (p.mentions and s.mentions)


def in_window(p: Profile, s: Story, params: StoryParams) -> bool:
    return gap(p, s) <= params.window_days


def choose(p: Profile, candidates: Iterable[Story], df: Frequencies, params: StoryParams
           ) -> tuple[Story | None, float]:
    """The best candidate and its score; None when no candidate reaches the threshold."""
    best, best_score = None, 0.0
    prepared = Prepared.of(p, df)
    for s in candidates:
        days = gap(p, s)
        if days > params.window_days or not same_subject(p, s, df):
            continue
        sc = score(prepared, s, df, params, days)
        if sc > best_score or (sc == best_score and best is not None and s.id < best.id):
            best, best_score = s, sc
    return (best, best_score) if best is not None and best_score >= params.threshold else (None, best_score)


def join(s: Story, p: Profile, params: StoryParams) -> None:
    s.norm = None
    s.size += 1
    s.terms.update(p.terms)
    if len(s.terms) > params.centroid_terms * 2:  # keep the centroid bounded, pruned in bulk
        s.terms = Counter(dict(s.terms.most_common(params.centroid_terms)))
    # The sets in sorted order: a set's order depends on how it was built (here, or from a Ray
    # worker's JSON), and the story's stored state must not.
    s.entities.update(sorted(p.entities))
    s.years.update(sorted(p.years))
    s.when.update(sorted(p.when))
    s.subjects.update(sorted(p.subjects))
    s.mentions.update(sorted(p.mentions))
    s.figures.update(sorted(p.figures))
    if len(s.figures) > params.centroid_terms * 2:  # bounded as the centroid is
        s.figures = Counter(dict(s.figures.most_common(params.centroid_terms)))
    s.lead.update(sorted(p.lead))
    if p.date:
        day = p.date[:10]
        s.first = min(s.first or day, day)
        s.last = max(s.last or day, day)


class StoryIndex:
    """Stories held in memory, with the inverted index that finds candidates among them."""

    def __init__(self, params: StoryParams | None = None, df: DocFreq | None = None) -> None:
        self.params = params or StoryParams()
        self.df = df or DocFreq()
        self.stories: dict[int, Story] = {}
        self._postings: dict[str, set[int]] = {}
        self._indexed: dict[int, frozenset[str]] = {}
        self._next = 1

    def candidates(self, p: Profile) -> list[Story]:
        hits: Counter[int] = Counter()
        for k in query_keys(p, self.df, self.params):
            hits.update(self._postings.get(k, ()))
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))[: self.params.max_candidates]
        return [self.stories[sid] for sid, _ in ranked]

    def assign(self, p: Profile, story: int | None = None) -> Decision:
        """Put the article in a story; `story` forces one (a near copy follows its cluster)."""
        self.df.add(p)
        if story is not None and story in self.stories:
            self._join(self.stories[story], p)
            return Decision(story, False, 1.0)
        best, best_score = choose(p, self.candidates(p), self.df, self.params)
        if best is not None:
            self._join(best, p)
            return Decision(best.id, False, best_score)
        s = Story(self._next)
        self._next += 1
        self.stories[s.id] = s
        self._join(s, p)
        return Decision(s.id, True, best_score)

    def _join(self, s: Story, p: Profile) -> None:
        join(s, p, self.params)
        old = self._indexed.get(s.id, frozenset())
        new = story_keys(s, self.df, self.params)
        for k in old - new:
            self._postings[k].discard(s.id)
        for k in new - old:
            self._postings.setdefault(k, set()).add(s.id)
        self._indexed[s.id] = new
