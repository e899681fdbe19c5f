"""Scorers: span P/R/F1 (strict and relaxed), TempEval-3 value F1, typed NER, paragraphs.

Every scorer returns counts that add up across documents (micro-averaging), so a suite
scores document by document and sums. Spans are end-exclusive character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0

class _Rated:
    """F1 and a figures dict for a counts class that gives precision and recall."""

    __slots__ = ()
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, float | int]:
        rates = {"precision": self.precision, "recall": self.recall, "f1": self.f1}
        return {k: round(v, 4) for k, v in rates.items()} | asdict(self)  # type: ignore[call-overload]


@dataclass(slots=True)
class Counts(_Rated):
    """True positives, system items and gold items: enough for P, R and F1."""

    tp: int = 0
    sys: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.sys + other.sys, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.tp / self.sys if self.sys else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0


@dataclass(frozen=True, slots=True)
class Item:
    """A span with an optional label (an entity type) and value (a normalised time)."""

    start: int
    end: int
    label: str | None = None
    value: str | None = None


def _overlap(a: Item, b: Item) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def strict_matches(gold: Sequence[Item], sys: Sequence[Item]) -> list[tuple[Item, Item]]:
    """Pairs with the very same span, each item used once."""
    by_span: dict[tuple[int, int], list[Item]] = {}
    for g in gold:
        by_span.setdefault((g.start, g.end), []).append(g)
    pairs = []
    for s in sys:
        bucket = by_span.get((s.start, s.end))
        if bucket:
            pairs.append((bucket.pop(0), s))
    return pairs


def relaxed_matches(gold: Sequence[Item], sys: Sequence[Item]) -> list[tuple[Item, Item]]:
    """One-to-one pairs of overlapping spans, the largest overlaps first (TempEval-3 relaxed)."""
    candidates = sorted(
        ((_overlap(g, s), gi, si) for gi, g in enumerate(gold) for si, s in enumerate(sys) if _overlap(g, s) > 0),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gold[gi], sys[si]))
    return pairs


@dataclass(slots=True)
class TimexScores:
    strict: Counts
    relaxed: Counts
    value: Counts

    def __add__(self, other: TimexScores) -> TimexScores:
        return TimexScores(self.strict + other.strict, self.relaxed + other.relaxed, self.value + other.value)


def empty_timex() -> TimexScores:
    return TimexScores(Counts(), Counts(), Counts())


def normalise_value(value: str | None) -> str | None:
    """TimeML values compared as written, except for case and a redundant `:00` seconds."""
    if value is None:
        return None
    v = value.strip().upper()
    return re.sub(r"(T\d\d:\d\d):00$", r"\1", v)


def score_timex(gold: Sequence[Item], sys: Sequence[Item]) -> TimexScores:
    """Span extraction strict and relaxed, and value F1 the TempEval-3 way.

    Value F1 counts a system expression as right when it overlaps a gold one (relaxed match)
    and has the same normalised value: precision over all system expressions, recall over all
    gold ones, which is the relaxed F1 times the value accuracy on matched pairs.
    """
    strict = Counts(len(strict_matches(gold, sys)), len(sys), len(gold))
    pairs = relaxed_matches(gold, sys)
    relaxed = Counts(len(pairs), len(sys), len(gold))
    right = sum(1 for g, s in pairs if g.value is not None and normalise_value(g.value) == normalise_value(s.value))
    return TimexScores(strict, relaxed, Counts(right, len(sys), len(gold)))


def restrict_to_types(
    gold: Sequence[Item],
    sys: Sequence[Item],
    keep: frozenset[str],
) -> tuple[list[Item], list[Item]]:
    """Gold and system items for an evaluation limited to some TIMEX3 types (DATE, TIME).

    A system expression typed outside `keep` is left out; so is one that overlaps only gold
    expressions of other types (a duration found as a date is not a false date, it is out
    of scope), while one that overlaps nothing stays, as a false positive.
    """
    g_in = [g for g in gold if g.label in keep]
    g_out = [g for g in gold if g.label not in keep]
    s_in = []
    for s in sys:
        if s.label is not None and s.label not in keep:
            continue
        if any(_overlap(g, s) > 0 for g in g_out) and not any(_overlap(g, s) > 0 for g in g_in):
            continue
        s_in.append(s)
    return g_in, s_in


def score_typed(
    gold: Sequence[Item],
    sys: Sequence[Item],
    mapping: Mapping[str, frozenset[str]],
    canonical: Mapping[str, str],
) -> dict[str, Counts]:
    """Exact-span NER scores by gold type, with the system's labels mapped to gold types.

    `mapping[gold_type]` is the set of system labels that count as that type; a system item
    is right when its span is exact and its label is allowed for the gold type there. A wrong
    or unmatched system item counts against `canonical[label]`; labels with no canonical
    gold type (e.g. CARDINAL) are out of scope. Gold types absent from `mapping` are skipped.
    """
    gold = [g for g in gold if g.label in mapping]
    sys = [s for s in sys if s.label in canonical]
    out: dict[str, Counts] = {t: Counts() for t in mapping}
    for g in gold:
        out[g.label].gold += 1  # type: ignore[index]
    by_span: dict[tuple[int, int], list[Item]] = {}
    for g in gold:
        by_span.setdefault((g.start, g.end), []).append(g)
    for s in sys:
        bucket = by_span.get((s.start, s.end), [])
        hit = next((g for g in bucket if s.label in mapping[g.label]), None)  # type: ignore[index]
        if hit is not None:
            bucket.remove(hit)
            out[hit.label].tp += 1  # type: ignore[index]
            out[hit.label].sys += 1  # type: ignore[index]
        else:
            out[canonical[s.label]].sys += 1  # type: ignore[index]
    return out


def total(counts: Iterable[Counts]) -> Counts:
    out = Counts()
    for c in counts:
        out = out + c
    return out


_WS = re.compile(r"\s+")
# Characters nobody sees (zero-width space and joiners, soft hyphen, word joiner, BOM): a
# cleaner that drops them has changed nothing a reader can tell, so the scores ignore them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_HYPHEN_BREAK = re.compile(r"(?<=\w)- (?=\w)")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def normalise_paragraph(text: str) -> str:
    """One space between words; `fat- free` and `fat-free` are the same reading of a wrap."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).translate(_INVISIBLE)
    return _HYPHEN_BREAK.sub("-", _WS.sub(" ", text).strip())


@dataclass(slots=True)
class ParagraphScores:
    gold: int = 0  # gold paragraphs
    found: int = 0  # gold paragraphs found, exactly, among the system's
    system: int = 0  # system paragraphs
    docs: int = 0
    docs_exact: int = 0  # documents whose paragraphs are exactly the gold ones, in order

    def __add__(self, other: ParagraphScores) -> ParagraphScores:
        return ParagraphScores(
            self.gold + other.gold,
            self.found + other.found,
            self.system + other.system,
            self.docs + other.docs,
            self.docs_exact + other.docs_exact,
        )

    @property
    def recovered(self) -> float:
        return self.found / self.gold if self.gold else 0.0


def score_paragraphs(gold: Sequence[str], system: Sequence[str]) -> ParagraphScores:
    g = [normalise_paragraph(p) for p in gold if p.strip()]
    s = [normalise_paragraph(p) for p in system if p.strip()]
    found = sum((Counter(g) & Counter(s)).values())
    return ParagraphScores(len(g), found, len(s), 1, int(g == s))


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_NONWORD = re.compile(r"\W+")


def sentence_keys(paragraphs: Sequence[str]) -> list[str]:
    """Gold sentences as comparison keys; the split need not be perfect, only consistent."""
    keys = []
    for p in paragraphs:
        for s in _SENTENCE_END.split(_composed(p)):
            k = _NONWORD.sub(" ", s.casefold()).strip()
            if k:
                keys.append(k)
    return keys


@dataclass(slots=True)
class SentenceScores:
    gold: int = 0
    lost: int = 0  # gold sentences not found in the system's text
    duplicated: int = 0  # extra copies the system kept

    def __add__(self, other: SentenceScores) -> SentenceScores:
        return SentenceScores(self.gold + other.gold, self.lost + other.lost, self.duplicated + other.duplicated)


def _composed(text: str) -> str:
    """Text without invisible marks, in NFC: the cleaner composes `A` + U+0303 into `Ã`, and
    a sentence must not count as lost for a change of code points that shows nothing."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE))


def _words(text: str) -> str:
    return " " + _NONWORD.sub(" ", _composed(text).casefold()).strip() + " "


def score_sentences(gold: Sequence[str], system_text: str) -> SentenceScores:
    """Lost and duplicated gold sentences, found as normalised substrings of the output.

    A short sentence may also occur inside a longer one, so the copies expected are those
    in the gold text itself, not the number of times it was split out.
    """
    hay = _words(system_text)
    gold_hay = _words(" \n ".join(gold))
    keys = Counter(sentence_keys(gold))
    lost = dup = 0
    for key in keys:
        # Lookarounds, not `str.count(" key ")`: copies side by side share one space.
        pattern = re.compile(rf"(?<= ){re.escape(key)}(?= )")
        expected = len(pattern.findall(gold_hay))
        seen = len(pattern.findall(hay))
        lost += min(keys[key], max(0, expected - seen))
        dup += max(0, seen - expected)
    return SentenceScores(sum(keys.values()), lost, dup)


# --- amounts: the gold normaliser, kept apart from dateline's own so neither grades itself ---

_CURRENCIES = (
    (re.compile(r"\b(?:US ?\$|USD\$?|U\.S\. dollars?|US dollars?)", re.I), "USD"),
    (re.compile(r"\b(?:GBP|pounds?(?: sterling)?|sterling)\b|£", re.I), "GBP"),
    (re.compile(r"\b(?:EUR|euros?)\b|€", re.I), "EUR"),
    (re.compile(r"\b(?:JPY|yen)\b|¥", re.I), "JPY"),
    (re.compile(r"\b(?:CNY|RMB|yuan|renminbi)\b", re.I), "CNY"),
    (re.compile(r"\b(?:AUD|AU?\$)|\bAustralian dollars?", re.I), "AUD"),
    (re.compile(r"\b(?:CAD|CA?\$)|\bCanadian dollars?", re.I), "CAD"),
    (re.compile(r"\$|\bdollars?\b", re.I), "USD"),
)
_PERCENT = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.I)
_CENTS = re.compile(r"^[^$]*\bcents?\b", re.I)
_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "half a": 0.5,
    "a": 1,
}
_MULT = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_FIGURE = re.compile(
    r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+|\b(?:"
    + "|".join(sorted(_SMALL, key=len, reverse=True))
    + r")\b)(?:\s*-?\s*(?P<mult>thousand|million|billion|trillion|mln|bln|mn|bn|tn|[kmb])\b)?",
    re.I,
)


def parse_amount(text: str) -> tuple[float | None, str | None]:
    """The first figure of a money or percentage expression and its unit (ISO code or
    `percent`): `US$ 40 billion` -> (4e10, 'USD'), `six percent` -> (6.0, 'percent').
    A range (`$12 million and $20 million`) reads as its first figure."""
    m = _FIGURE.search(text)
    if m is None:
        return None, None
    raw = m.group("num").lower()
    value = _SMALL[raw] if raw in _SMALL else float(raw.replace(",", ""))
    if m.group("mult"):
        value *= _MULT[m.group("mult").lower()]
    if _PERCENT.search(text):
        return float(value), "percent"
    if _CENTS.search(text):
        return value / 100, "USD"  # `26 cents`: hundredths of a dollar
    for pattern, code in _CURRENCIES:
        if pattern.search(text):
            return float(value), code
    return float(value), None


def amount_key(value: float | None, unit: str | None) -> str | None:
    """A value and unit as one comparable string; None when either is unknown."""
    if value is None or unit is None:
        return None
    return f"{unit}:{value:.6g}"


# --- quotes: six-word runs and speakers ---

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
RUN = 6


def quote_words(text: str) -> list[str]:
    return [w.casefold().replace("\u2019", "'") for w in _WORD.findall(text)]


def _runs(words: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def quotes_match(gold: str, system: str, run: int = RUN) -> bool:
    """True when the two share a run of `run` words; a gold quote shorter than that must
    be found whole."""
    g, s = quote_words(gold), quote_words(system)
    n = min(run, len(g))
    if n == 0 or len(s) < n:
        return False
    return bool(_runs(g, n) & _runs(s, n))


def quote_piece(gold: str, system: str) -> bool:
    """True when the system quote's words (two or more) run unbroken inside the gold quote:
    one part of a quote that the text splits around its attribution (`"A," X said. "B"`),
    which PolNeAR joins into one content with the parts' words side by side."""
    g, s = quote_words(gold), quote_words(system)
    if len(s) < 2 or len(s) > len(g):
        return False
    return any(g[i : i + len(s)] == s for i in range(len(g) - len(s) + 1))


@dataclass(slots=True)
class QuoteCounts(_Rated):
    """Gold quotes and those found; system quotes and those that match a gold one. Kept
    apart because a quote split in two on one side may match two on the other."""

    gold: int = 0
    found: int = 0
    sys: int = 0
    matched: int = 0

    def __add__(self, other: QuoteCounts) -> QuoteCounts:
        return QuoteCounts(
            self.gold + other.gold, self.found + other.found, self.sys + other.sys, self.matched + other.matched
        )

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.sys if self.sys else 0.0


def match_quotes(gold: Sequence[str], system: Sequence[str]) -> tuple[QuoteCounts, list[int | None]]:
    """Counts for recall and precision, and for each gold quote the first system quote that
    matches it (None when none does)."""
    found = [next((i for i, s in enumerate(system) if quotes_match(g, s)), None) for g in gold]
    matched = sum(1 for s in system if any(quotes_match(g, s) for g in gold))
    counts = QuoteCounts(len(gold), sum(f is not None for f in found), len(system), matched)
    return counts, found


PRONOUNS = frozenset("i me we us he him she her they them it you this that who one".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my".split())


def is_pronoun(source: str) -> bool:
    words = quote_words(source)
    return len(words) == 1 and words[0] in PRONOUNS


def is_named(source: str) -> bool:
    """A source with a capitalised word that is not a determiner or pronoun: a name."""
    return any(w[:1].isupper() and w.casefold() not in _DETERMINERS | PRONOUNS for w in _WORD.findall(source))


def speaker_key(source: str) -> str | None:
    """The word that names a gold source: the last word of its first run of capitalised
    words (`Donald Trump's campaign` -> `trump`), else its last word (`a source` -> `source`).
    """
    words = [w for w in _WORD.findall(source) if w.casefold() not in _DETERMINERS]
    run: list[str] = []
    for w in words:
        if w[:1].isupper() and w.casefold() not in PRONOUNS:
            run.append(w)
        elif run:
            break
    pick = run[-1] if run else (words[-1] if words else None)
    if pick is None:
        return None
    return re.sub(r"['\u2019]s$", "", pick).casefold()


def same_speaker(gold_source: str, predicted: Sequence[str | None]) -> bool:
    """The predicted speaker (its words, with the entity's name and aliases) holds the word
    that names the gold source, or the gold source holds the last word of a predicted name
    (`White House press secretary Josh Earnest` and `Josh Earnest`)."""
    key = speaker_key(gold_source)
    if key is None:
        return False
    words = {re.sub(r"'s$", "", w) for p in predicted if p for w in quote_words(p)}
    if key in words:
        return True
    gold_words = {re.sub(r"'s$", "", w) for w in quote_words(gold_source)}
    lasts = [quote_words(p)[-1] for p in predicted if p and quote_words(p)]
    return any(w in gold_words and w not in PRONOUNS | _DETERMINERS for w in lasts)
