"""What story assignment compares: an article's stemmed content words, its named entities, its date.

Words come from the title and the body; the title counts twice because a headline names the event
in the fewest words. Function words go (spaCy's stop list for the language, when it has one), and
the rest are Snowball-stemmed so that `earthquake` and `earthquakes`, `killed` and `killing`
agree on their stems. Only the first `max_words` words of the body are read: the lead of a news
story says what happened, later paragraphs drift into background that other stories share.
Entities are keys (`PERSON:tara reid`) rather than words, so that two rehab stories about two
different actresses differ where it matters even when their vocabulary is the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from dateline.companies import CORPORATE, LEGAL_FORMS, has_legal_form
from dateline.model import Article, Time

# Entity types that tell one event from another of the same kind: who, which organisation,
# where, which named event. Numbers and dates are in the words already.
STORY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_SNOWBALL = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
             "pt": "portuguese", "nl": "dutch", "ru": "russian", "sv": "swedish", "da": "danish",
             "no": "norwegian", "fi": "finnish", "hu": "hungarian", "ro": "romanian", "tr": "turkish"}


@dataclass(slots=True)
class Profile:
    """An article as story assignment sees it."""

    terms: Counter[str]
    entities: frozenset[str] = field(default_factory=frozenset)
    date: str | None = None  # YYYY-MM-DD
    years: frozenset[str] = field(default_factory=frozenset)  # years the text dates things in
    when: frozenset[str] = field(default_factory=frozenset)  # days the text names (`MD:12-15`, `WD:sat`)
    # The companies the headline is about (`T:XYZ` for a ticker, `N:xyz` for a name), and every
    # company the article names: see `subjects_of`.
    subjects: frozenset[str] = field(default_factory=frozenset)
    mentions: frozenset[str] = field(default_factory=frozenset)
    # The figures the text gives (`F:6.1`, `F:9-14`), the people its headline and lead name.
    figures: frozenset[str] = field(default_factory=frozenset)
    lead: frozenset[str] = field(default_factory=frozenset)

    def to_dict(self) -> dict[str, object]:
        return {"terms": dict(self.terms), "entities": sorted(self.entities), "date": self.date,
                "years": sorted(self.years), "when": sorted(self.when), "subjects": sorted(self.subjects),
                "mentions": sorted(self.mentions), "figures": sorted(self.figures), "lead": sorted(self.lead)}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Profile:
        return cls(Counter(d.get("terms") or {}), frozenset(d.get("entities") or ()),  # type: ignore[arg-type]
                   d.get("date"), frozenset(d.get("years") or ()),  # type: ignore[arg-type]
                   frozenset(d.get("when") or ()), frozenset(d.get("subjects") or ()),  # type: ignore[arg-type]
                   frozenset(d.get("mentions") or ()), frozenset(d.get("figures") or ()),  # type: ignore[arg-type]
                   frozenset(d.get("lead") or ()))  # type: ignore[arg-type]


@cache
def _stopwords(lang: str) -> frozenset[str]:
    try:
        module = __import__(f"spacy.lang.{lang}.stop_words", fromlist=["STOP_WORDS"])
    except ImportError:
        return frozenset()
    return frozenset(w.casefold() for w in module.STOP_WORDS)


@cache
def _stemmer(lang: str):  # type: ignore[no-untyped-def]
    import Stemmer  # PyStemmer: the Snowball stemmers in C

    name = _SNOWBALL.get(lang)
    return Stemmer.Stemmer(name) if name else None


def _terms(text: str, lang: str, max_words: int) -> list[str]:
    stop = _stopwords(lang)
    words = [w.casefold().replace("’", "'") for w in _WORD.findall(text)[:max_words]]
    # Single letters and stop words carry no event; a possessive 's is the name it follows.
    words = [w.removesuffix("'s") for w in words if len(w) > 1 and w not in stop]
    stemmer = _stemmer(lang)
    return stemmer.stemWords(words) if stemmer else words


def profile_text(title: str | None, body: str, date: str | None = None, entities: frozenset[str] = frozenset(),
                 lang: str = "en", max_words: int = 400, years: frozenset[str] = frozenset()) -> Profile:
    terms: Counter[str] = Counter(_terms(body, lang, max_words))
    if title:
        for t in _terms(title, lang, 50):
            terms[t] += 2
    return Profile(terms, entities, date, years)


def years_of(times: list[Time]) -> frozenset[str]:
    """The years of the dates an article writes out in full (`March 3, 2009`, `in 2013`).

    An undated article still says when its event happened; two reports that date things in
    disjoint years are unlikely to be about one event.
    """
    return frozenset(t.value[:4] for t in times
                     if t.type == "DATE" and t.value and len(t.value) >= 4 and t.value[:4].isdigit())


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_DAY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b"
                        r"|\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def days_of(times: list[Time]) -> frozenset[str]:
    """The days an article's time expressions name, as keys: `MD:12-15` for a day of a month
    (`December 15`, `15 Dec 2013`, `2013-12-15`), `WD:sat` for a weekday (`on Saturday`).

    A report says when its event happened, and the other reports of that event name the same
    day; the same kind of event at another time names another. The year alone (`years_of`) is
    too coarse for events of one season, and many reports give the day without the year, which
    the times layer then cannot resolve: the month and day are read from the words.
    """
    out: set[str] = set()
    for t in times:
        if t.type not in ("DATE", "TIME"):
            continue
        if t.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value[:10]):
            out.add(f"MD:{t.value[5:10]}")
            continue
        m = _MONTH_DAY.search(t.text)
        if m:
            month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            if 1 <= int(day) <= 31:
                out.add(f"MD:{_MONTHS[month.casefold()[:3]]:02d}-{int(day):02d}")
        for w in _WEEKDAY.findall(t.text):
            out.add(f"WD:{w.casefold()[:3]}")
    return frozenset(out)


# A ticker as wires print it after a company's name: `<XYZ>` (Reuters), `(XYZ)`, `(NYSE: XYZ)`.
_TICKER = re.compile(r"<([A-Z][A-Z0-9.]{0,7})>|\((?:[A-Z]+:\s*)?([A-Z][A-Z0-9.]{0,5})\)")
# Reuters writes an unlisted company's whole name in angle brackets, `<ACME HOLDINGS LTD>`, at
# times in parentheses, `(ACME HOLDINGS LTD)`.
# In the first line of a body only the unmistakable forms: a bare `(AP)` there is an agency's
# credit after the dateline, not a ticker.
_LEAD_TICKER = re.compile(r"<([A-Z][A-Z0-9.]{0,7})>|\([A-Za-z]+:\s*([A-Z][A-Z0-9.]{0,5})\)")
_BRACKETED = re.compile(r"[<(]([A-Za-z][^<>()\n]{2,80}?)[>)]")
# A headline's company written with its legal form and no ticker: `ACME CORP 1ST QTR NET`. Only
# legal forms: a word like `bank` or `group` also follows a verb (`CHINA SIGNS WORLD BANK LOAN`),
# and a wrong subject would keep the item from its story; such names come from the body's
# organisations below.
_HEADS = sorted(LEGAL_FORMS | {"cos", "bancorp", "bancshares"})
_TITLE_COMPANY = re.compile(r"^\s*(?:[\w&'.-]+\s+){0,5}?(?:" + "|".join(_HEADS) + r")\.?(?=\s|$)", re.IGNORECASE)
# Words that end a company's name but not the name it is known by: dropped so that `Acme Corp`,
# `ACME CORPORATION` and `Acme` compare equal.
_NAME_TAIL = CORPORATE | LEGAL_FORMS | frozenset({"lp", "partnership", "the"})


def _bracketed_company(m: re.Match[str]) -> bool:
    """A bracketed name of several words; in parentheses only with its legal form, since a wire
    also puts notes there (`(ADDS DETAIL)`)."""
    return " " in m.group(1) and (m.group(0).startswith("<") or has_legal_form(m.group(1)))


def _words(text: str) -> list[str]:
    # dots go first, so that an abbreviation (`U.S.`) is one word, not two letters
    return re.sub(r"[^\w]+", " ", text.casefold().replace(".", "")).split()


def company_name(name: str) -> str:
    """A company's name as compared across articles: case-folded, its legal form and corporate
    words dropped from the end (but never its first word)."""
    words = re.sub(r"[,&'’]", " ", name.replace(".", "")).casefold().split()  # `U.S.`: one word
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _NAME_TAIL:
        words.pop()
    return " ".join(words)


def subjects_of(title: str | None, text: str, orgs: Iterable[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The companies an article is about, and the companies it names.

    Wire services file routine items (quarterly results, dividends, ratings, load factors) in one
    format for hundreds of companies: `ACME CORP <ACM> 1ST QTR NET` and `BETA INC <BET> 1ST QTR
    NET` share every word but the company's. The headline names the item's subject: its ticker,
    the name before it or a name with its legal form, or an organisation of the body that the
    headline names. Where the headline is silent, the first line names the subject with its
    ticker. The names (`N:`) are as `company_name` gives them; tickers are `T:`.
    """
    subjects: set[str] = set()
    head = title or ""
    lead = text.split("\n", 1)[0][:300]
    for source, tickers in ((head, _TICKER), (lead, _LEAD_TICKER)):
        for m in tickers.finditer(source):
            subjects.add("T:" + (m.group(1) or m.group(2)))
            before = source[: m.start()].rsplit("/", 1)[-1].strip()  # `TALKING POINT/ACME <ACM>`
            if before and source is head:
                subjects.add("N:" + company_name(" ".join(before.split()[-4:])))
        if source is head:
            subjects |= {"N:" + company_name(m.group(1)) for m in _BRACKETED.finditer(source) if _bracketed_company(m)}
        if subjects:
            break
    if head:
        m = _TITLE_COMPANY.match(head)
        if m and len(m.group(0).split()) > 1:
            subjects.add("N:" + company_name(m.group(0)))
    orgs = list(orgs)
    names = {company_name(o) for o in orgs} - {""}
    hw = _words(head)
    folded = " " + " ".join(hw) + " "
    # Without a ticker or a legal form, the body's organisations say who the headline names. Not
    # beside them: in `ACME CORP GETS NAVY CONTRACT` the Navy is the other party, not the subject.
    if not subjects:
        subjects |= {"N:" + n for n in names if f" {' '.join(_words(n))} " in folded}
        # A headline shortens the name it opens with (`BAYSIDE TAX-FREE SETS PAYOUT` for the body's
        # `Bayside Tax-Free Income Fund`): an organisation whose first two words open it is its subject.
        for o in orgs:
            ow = _words(o)
            if ow and hw[: min(2, len(ow))] == ow[:2]:
                subjects.add("N:" + company_name(o))
    mentions = subjects | {"N:" + n for n in names} | {"T:" + (m.group(1) or m.group(2))
                                                       for m in _LEAD_TICKER.finditer(text)} | {
        "N:" + company_name(m.group(1)) for m in _BRACKETED.finditer(text) if _bracketed_company(m)}
    return frozenset(subjects), frozenset(mentions)


# A figure as news writes it: a count, a score, a magnitude, an amount (`12`, `9-14`, `6.1`,
# `$184`), digits with their separators.
_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,:/-]\d+)*(?![\w])")
# About the first two sentences: who did what, where and when. On ECB+ topics 1-11, 150, 200
# and 500 characters did worse (more background people, or too few of the event's).
LEAD_CHARS = 300


def figures_of(text: str, max_words: int = 400) -> frozenset[str]:
    """The figures the first `max_words` words give, as `F:` keys.

    Two reports of one event give the same figures (`6.1 magnitude`, `killed 12`, a `9-14`
    record), two events of one kind give other ones. Years are left to `years_of`, single digits
    (`2 people`, a list's `1.`) are too common to tell events apart.
    """
    words = _WORD.findall(text)[:max_words]
    cut = sum(len(w) + 1 for w in words) * 2  # characters enough to hold those words, spacing included
    out = set()
    for m in _FIGURE.finditer(text[:cut]):
        v = m.group(0).replace(",", "")
        if len(v) < 2 or (len(v) == 4 and v[:2] in ("19", "20")):
            continue
        out.add("F:" + v)
    return frozenset(out)


def lead_of(article: Article) -> frozenset[str]:
    """The people the headline or the lead names, as `PERSON:name` keys.

    A news story says in its first sentences who did what; later paragraphs bring in background
    and people of other events (the coach fired last season, the predecessor). Two events of one
    kind are told with the same words, and the people in their leads are what differs.
    """
    head = (article.title or "").casefold()
    return frozenset(f"PERSON:{e.name.casefold()}" for e in article.entities if e.type == "PERSON" and (
        any(m.start < LEAD_CHARS for m in e.mentions) or (head and e.name.casefold() in head)))


def entity_keys(article: Article) -> frozenset[str]:
    """The article's entities as `TYPE:name` keys (the archive swaps in its own entity ids)."""
    return frozenset(f"{e.type}:{e.name.casefold()}" for e in article.entities if e.type in STORY_TYPES)


def profile(article: Article, max_words: int = 400) -> Profile:
    lang = article.language or "en"
    subjects, mentions = subjects_of(article.title, article.text,
                                     (e.name for e in article.entities if e.type == "ORG"))
    return replace(profile_text(article.title, article.text, article.published, entity_keys(article), lang,
                                max_words, years_of(article.times)), when=days_of(article.times),
                   subjects=subjects, mentions=mentions, figures=figures_of(article.text, max_words),
                   lead=lead_of(article))
