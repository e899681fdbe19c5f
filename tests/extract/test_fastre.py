import re
import string
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract import amounts, times
from dateline.extract.amounts import find_amounts
from dateline.extract.fastre import FOLDED, cased, cased_source, fast, first_chars
from dateline.extract.times import find_times

PATTERNS = [p for p, _ in times.PATTERNS] + [
    amounts.MONEY_PREFIX, amounts.MONEY_SUFFIX, amounts.PERCENT, amounts.PLURAL, amounts.COUNT]

# Words and marks from the patterns' vocabulary, in the cases news writes them.
WORDS = (
    "January Jan. Feb. March Mar. April May June Jul. August Sept. Sep. October Nov. December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
    "morning afternoon evening night noon midnight today Today yesterday tomorrow tonight "
    "second minute hour day days week weeks weekend month months year years decade century "
    "quarter period spring summer fall autumn winter ago earlier later before "
    "the The a an A in In since by for until of late early mid- this This last Last next "
    "coming previous past current first third fourth final 1st 3rd fiscal year's year-ago "
    "year-earlier same latest comparable every each per daily weekly annually annual "
    "now right currently recently formerly future present at "
    "one two Three ten twenty twenty-one forty five several dozen half couple few "
    "more than less fewer over under almost nearly about some up to least most roughly "
    "estimated as many much close just well excess upwards "
    "dollars dollar US U.S. Canadian euros pounds sterling yen yuan francs Swiss rand won real "
    "percent per cent percentage points % $ US$ HK$ £ € USD EUR Rs. "
    "hundred thousand million billion bn mln k m tens hundreds thousands millions dozens of "
    "1 2 9 12 15 23 30 99 100 1,500 2.5 1987 1990 1990s '90s 2001 2021 2021-09-09 12:30 "
    "14:00 10 p.m. a.m. pm AM UTC GMT EST fighters troops shares residents old was has is"
).split()
SEPARATORS = [" ", " ", " ", "-", ", ", ". ", "\n", ""]
# Characters IGNORECASE reads as ASCII letters, and others news text carries.
ODD = ["\u017f", "\u0131", "\u0130", "\u212a", "\u201c", "\u2019", "\u00e9", "\u00c9"]


@st.composite
def news_like(draw: st.DrawFn, odd: bool = False) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
    parts: list[str] = []
    for w in words:
        if draw(st.integers(0, 9)) == 0:
            w = w.upper()
        if odd and draw(st.integers(0, 4)) == 0:
            at = draw(st.integers(0, len(w)))
            w = w[:at] + draw(st.sampled_from(ODD)) + w[at:]
        parts += [w, draw(st.sampled_from(SEPARATORS))]
    return "".join(parts)


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


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.pattern[:40])
def test_fast_pattern_matches_as_the_pattern_does(pattern: re.Pattern[str]) -> None:
    quick = fast(pattern)

    @settings(max_examples=40, deadline=None)
    @given(news_like())
    def check(text: str) -> None:
        assert _spans(quick, text) == _spans(pattern, text)

    check()


@settings(max_examples=150, deadline=None)
@given(news_like(), st.sampled_from(["2021-09-09", "1987-03-02", None]))
def test_find_times_equals_the_plain_path(text: str, published: str | None) -> None:
    assert find_times(text, published) == _slow_find_times(text, published)


@settings(max_examples=150, deadline=None)
@given(news_like())
def test_find_amounts_equals_the_plain_path(text: str) -> None:
    assert find_amounts(text) == _slow_find_amounts(text)


@settings(max_examples=80, deadline=None)
@given(news_like(odd=True))
def test_texts_with_folded_characters_take_the_plain_path(text: str) -> None:
    assert find_times(text, "2021-09-09") == _slow_find_times(text, "2021-09-09")
    assert find_amounts(text) == _slow_find_amounts(text)


def test_a_folded_character_still_matches_as_ignorecase_reads_it() -> None:
    # `ſ` is an `s` to IGNORECASE: the plain path must find `thiſ morning`.
    assert [t.text for t in find_times("We met thi\u017f morning.", "2021-09-09")] == [
        "thi\u017f morning"]
