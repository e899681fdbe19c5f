import re
import string
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract import amounts, times
from dateline.extract.amounts import find_amounts
from dateline.extract.fastre import FOLDED, cased, cased_source, fast, first_chars
from dateline.extract.times import find_times

PATTERNS = [p for p, _ in times.PATTERNS] + [
    amounts.MONEY_PREFIX, amounts.MONEY_SUFFIX, amounts.PERCENT, amounts.PLURAL, amounts.COUNT]

def _w(words: str) -> list[str]:
    return words.split("|")


QUAL = _w("more than|less than|over|under|nearly|about|some|up to|at least|an estimated|"
          "as many as|close to|just over|in excess of|upwards of|estimated|roughly")
NUM = _w("1|2|9|12|15|23|30|99|100|1,500|2.5|1987|2021|one|two|Three|ten|twenty|twenty-one|"
         "forty five|several|a dozen|half a dozen|a couple of|a few|a|an|dozen")
SCALE = _w("hundred|thousand|million|billion|bn|mln|k|m|tn")
CURRENCY = _w("dollars|dollar|US dollars|U.S. dollars|Canadian dollars|euros|pounds|"
              "pounds sterling|sterling|yen|yuan|Swiss francs|rand|won|real|pesos|rupees")
SYMBOL = _w("$|US$|US $|HK$|A$|£|€|¥|USD|EUR|Rs.|Rs|CHF")
PERCENT = _w("%|percent|per cent|percentage points|percentage point")
PLURAL = _w("dozens|scores|hundreds|thousands|millions|billions|tens of thousands|"
            "hundreds of thousands")
NOUN = _w("fighters|troops|shares|residents|people|years|days|January|percent|the|was|old")
MONTH = _w("January|Jan.|Feb.|February|March|Mar.|April|May|June|Jul.|July|August|Sept.|"
           "Sep.|October|Nov.|December|Dec")
WEEKDAY = _w("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
DAY = _w("1|1st|2nd|3rd|9|09|15th|23|30|31|32")
YEAR = _w("1987|1990|2001|2021|1650|2099")
UNIT = _w("second|minute|hour|day|days|night|week|weeks|month|months|year|years|decade|"
          "century")
REL = _w("last|next|this|coming|previous|past|current|earlier last|later this|first|the")
PART = _w("morning|afternoon|evening|night")
LEAD = _w("in|In|since|until|by|for|late|early|mid-|of|the end of|The|the|fiscal")
# Phrases the patterns are written for, slot by slot; a slot is sometimes left out.
PHRASES = [
    [QUAL, NUM, SCALE, CURRENCY], [QUAL, SYMBOL, NUM, SCALE], [QUAL, NUM, PERCENT],
    [QUAL, PLURAL, ["of"], NOUN], [QUAL, NUM, SCALE, NOUN], [NUM, UNIT, ["ago"]],
    [REL, NUM, UNIT, ["old", "ago"]], [WEEKDAY, MONTH, DAY, YEAR], [DAY, ["of"], MONTH, YEAR],
    [LEAD, MONTH, YEAR], [LEAD, MONTH, REL, ["year"]], [LEAD, MONTH, NOUN],
    [LEAD, ["1990s", "'90s", "2000s", "1980s"]], [REL, WEEKDAY, PART], [REL, UNIT, NOUN],
    [["the", "the comparable", "the same"], ["year-ago", "year-earlier", "last year's"],
     ["first", "third"], ["quarter", "period"]],
    [["the"], ["quarter", "period"], ["a year ago", "a year earlier", "last year"]],
    [["a", "one"], ["year"], ["ago", "earlier", "before"]], [["year-earlier", "year-ago"], NOUN],
    [["the", "this", "last", "early"], ["spring", "summer", "fall", "winter"], ["of"], YEAR],
    [["the"], REL, ["year's"], ["first", "4th", "final"], ["quarter"], ["of"], YEAR],
    [["yesterday", "today", "Tomorrow", "tonight", "this"], PART],
    [["every", "each", "per", "a"], UNIT], [["daily", "annually", "annual", "hourly"], NOUN],
    [["right now", "now", "currently", "at present", "recently", "the past", "the future"]],
    [LEAD, YEAR, NOUN], [["2021-09-09", "1987-13-02", "12:30", "14:00", "10", "noon"],
                         ["p.m.", "a.m.", "pm", "AM", "UTC", "GMT", "EST", ""], WEEKDAY],
]
FILLER = _w("the company said|and|in|,|.|was|\n|(|-|shares|old")
# Characters IGNORECASE reads as ASCII letters, and others news text carries.
ODD = ["\u017f", "\u0131", "\u0130", "\u212a", "\u201c", "\u2019", "\u00e9", "\u00c9"]


@st.composite
def _phrase(draw: st.DrawFn, odd: bool) -> str:
    words = [draw(st.sampled_from(slot)) for slot in draw(st.sampled_from(PHRASES))
             if draw(st.integers(0, 4))]
    out = ""
    for w in words:
        if draw(st.integers(0, 9)) == 0:
            w = draw(st.sampled_from([w.upper(), w.title(), w.lower()]))
        if odd and draw(st.integers(0, 3)) == 0:
            at = draw(st.integers(0, len(w)))
            w = w[:at] + draw(st.sampled_from(ODD)) + w[at:]
        out += w + draw(st.sampled_from([" ", " ", " ", " ", "-", ", ", ""]))
    return out


@st.composite
def news_like(draw: st.DrawFn, odd: bool = False) -> str:
    """A few phrases of the patterns' vocabulary, in the cases and order news writes them."""
    parts = draw(st.lists(st.tuples(_phrase(odd), st.sampled_from(FILLER)), min_size=1,
                          max_size=5))
    return "".join(f"{p} {f} " for p, f in parts)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def _plain_matches(text: str):  # type: ignore[no-untyped-def]
    """The reference: every pattern, in order, as written, on every text."""
    for pattern, resolve in times.PATTERNS:
        for m in pattern.finditer(text):
            yield m, resolve


def _slow_find_times(text: str, published: str | None) -> list:  # type: ignore[type-arg]
    with mock.patch.object(times, "_matches", _plain_matches):
        return find_times(text, published)


def _slow_find_amounts(text: str) -> list:  # type: ignore[type-arg]
    with mock.patch.object(amounts, "_finditer", lambda p, t, low: p.finditer(t)):
        return find_amounts(text)


def test_folded_is_every_character_ignorecase_reads_as_ascii() -> None:
    every = "".join(map(chr, range(0x80, 0x110000)))
    letters = "|".join(string.ascii_letters)
    assert set(re.findall(letters, every, re.IGNORECASE)) == set(FOLDED.pattern[1:-1])
    assert set(re.findall(f"[{string.ascii_letters}]", every, re.IGNORECASE)) == set(
        FOLDED.pattern[1:-1])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bthis (?P<part>morning|noon)\b", r"\b[tT][hH][iI][sS] (?P<part>[mM][oO][rR][nN]"
                                             r"[iI][nN][gG]|[nN][oO][oO][nN])\b"),
        (r"[ap]\.m\.|[ECMP][SD]T", r"[aApP]\.[mM]\.|[eEcCmMpP][sSdD][tT]"),
        (r"[^a-c\d]{2,3}(?=x)(?<!y)(?:z)", r"[^a-cA-C\d]{2,3}(?=[xX])(?<![yY])(?:[zZ])"),
        (r"(?P<n>\d)(?P=n)", r"(?P<n>\d)(?P=n)"),
    ],
)
def test_cased_source_spells_each_letter_in_both_cases(source: str, expected: str) -> None:
    assert cased_source(source) == expected


def test_cased_leaves_a_case_sensitive_pattern_alone() -> None:
    p = re.compile(r"\bMay\b")
    assert cased(p) is p


def test_first_chars_reads_optional_prefixes_and_boundaries() -> None:
    p = re.compile(r"(?:\b(?:about|over) )?\b(?P<n>\d+|ten)", re.IGNORECASE)
    assert first_chars(p) == r"\b(?=[AOT\daot])"
    assert first_chars(re.compile(r"(?<=in )May|\bJune")) == "(?=[JM])"
    assert first_chars(re.compile(r"x?")) is None  # can match nothing: no first character
    assert first_chars(re.compile(r".ab")) is None


def _needs(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The words the extractor requires of a text before it runs `pattern`, if any."""
    for (p, _), needs in zip(times.PATTERNS, times.NEEDS, strict=True):
        if p is pattern:
            return needs
    return amounts.NEEDS.get(pattern)


def _gate_passes(pattern: re.Pattern[str], text: str) -> bool:
    needs = _needs(pattern)
    hay = text.lower() if pattern.flags & re.IGNORECASE else text
    return needs is None or any(w in hay for w in needs)


def _with_a_match(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    """A string the pattern's own grammar spells (`from_regex`), alone or amid news."""
    return st.one_of(
        st.from_regex(pattern, fullmatch=True),
        st.tuples(news_like(), st.from_regex(pattern, fullmatch=True), news_like())
        .map(" ".join),
    )


@pytest.mark.slow
@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
def test_fast_pattern_and_its_needed_words_hold_for_the_pattern(pattern: re.Pattern[str]) -> None:
    quick = fast(pattern)

    @settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_with_a_match(pattern))
    def check(text: str) -> None:
        if FOLDED.search(text):
            return  # these texts take the plain path (see test_texts_with_folded_...)
        assert _spans(quick, text) == _spans(pattern, text)
        if pattern.search(text):
            assert _gate_passes(pattern, text), f"{text!r} matches but lacks {_needs(pattern)}"

    check()


@settings(max_examples=120, deadline=None)
@given(news_like(), st.sampled_from(["2021-09-09", "1987-03-02", None]))
def test_find_times_equals_the_plain_path(text: str, published: str | None) -> None:
    assert find_times(text, published) == _slow_find_times(text, published)


@settings(max_examples=120, deadline=None)
@given(news_like())
def test_find_amounts_equals_the_plain_path(text: str) -> None:
    assert find_amounts(text) == _slow_find_amounts(text)


@settings(max_examples=60, deadline=None)
@given(news_like(odd=True))
def test_texts_with_folded_characters_take_the_plain_path(text: str) -> None:
    assert find_times(text, "2021-09-09") == _slow_find_times(text, "2021-09-09")
    assert find_amounts(text) == _slow_find_amounts(text)


def test_a_folded_character_still_matches_as_ignorecase_reads_it() -> None:
    # `ſ` is an `s` to IGNORECASE: the plain path must find `thiſ morning`.
    assert [t.text for t in find_times("We met thi\u017f morning.", "2021-09-09")] == [
        "thi\u017f morning"]
