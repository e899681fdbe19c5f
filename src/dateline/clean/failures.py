"""Scraper failures stored in place of a story: a consent banner, a paywall, `page not found`,
`enable JavaScript`. Such a record is not an article; it is rejected with what it is
(`not_an_article: consent banner`), so a user can count the failures by kind and refetch.

A kind is recognised by its phrases; a record is that kind when the sentences holding them
make up a large share of a short text. A story about cookies or paywalls is long and says
other things too, so it stays.
"""

from __future__ import annotations

import re

from dateline.clean.sentences import split_sentences

# A failure page is short; a longer text that quotes a banner is a story that quotes it.
MAX_FAILURE_WORDS = 400
MIN_SHARE = 0.4  # of the text's words, in sentences with the kind's phrases

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("consent banner", re.compile(
        r"\b(?:we\s+(?:and\s+our\s+partners\s+)?use\s+cookies|cookie\s+(?:policy|settings|preferences|"
        r"consent)|accept\s+(?:all\s+)?cookies|(?:manage|change)\s+(?:your\s+)?(?:cookie|privacy|consent)\s+"
        r"(?:settings|preferences|choices)|by\s+(?:continuing\s+to\s+(?:use|browse)|clicking\s+"
        r"[\"'\u201c]?(?:accept|agree|i\s+agree|ok))|your\s+(?:privacy\s+)?consent|"
        r"personali[sz]ed\s+(?:ads|advertising|content)|store\s+and/or\s+access\s+information|"
        r"legitimate\s+interest)", re.I)),
    ("paywall", re.compile(
        r"\b(?:subscribe\s+(?:now\s+)?to\s+(?:continue|keep)\s+reading|to\s+continue\s+reading|"
        r"already\s+a\s+(?:subscriber|member)|(?:this|the)\s+(?:article|story|content)\s+is\s+(?:only\s+)?"
        r"(?:available|reserved)\s+(?:to|for)\s+(?:subscribers|members)|subscribers?\s+only|"
        r"(?:reached|used)\s+your\s+(?:limit|\d+\s+free|free)|free\s+articles?\s+(?:left|remaining|"
        r"this\s+month)|(?:sign|log)\s+in\s+to\s+(?:read|continue)|unlock\s+(?:this|unlimited))", re.I)),
    ("page not found", re.compile(
        r"\b(?:page\s+(?:not\s+found|cannot\s+be\s+found|could\s+not\s+be\s+found)|error\s+404|404\s+"
        r"(?:error|not\s+found)|(?:page|article|story)\s+(?:you\s+(?:are|were)\s+looking\s+for|you\s+"
        r"requested)|(?:does\s+not|doesn't|no\s+longer)\s+exists?|has\s+been\s+(?:moved|removed|"
        r"deleted))", re.I)),
    ("javascript required", re.compile(
        r"\b(?:enable\s+javascript|javascript\s+is\s+(?:disabled|required|turned\s+off|not\s+enabled)|"
        r"(?:turn\s+on|enable)\s+(?:javascript|cookies)\s+(?:in|to)|browser\s+(?:does\s+not|doesn't)\s+"
        r"support|update\s+your\s+browser|are\s+you\s+a\s+robot|verify\s+(?:that\s+)?you\s+are\s+(?:a\s+)?"
        r"human|access\s+(?:to\s+this\s+page\s+)?(?:has\s+been\s+)?denied|checking\s+your\s+browser)",
        re.I)),
)


def scraper_failure(paragraphs: list[str], title: str | None = None) -> str | None:
    """The kind of failure page the text is (`consent banner`, ...), or None for a story."""
    words = sum(len(p.split()) for p in paragraphs)
    if not words or words > MAX_FAILURE_WORDS:
        return None
    sentences = [s for p in paragraphs for s in (split_sentences(p) or [p])]
    best, best_share = None, 0.0
    for kind, pattern in _KINDS:
        hit = sum(len(s.split()) for s in sentences if pattern.search(s))
        if title and pattern.search(title):
            hit += words // 4  # a page titled `Page not found` says what it is
        share = hit / words
        if share > best_share:
            best, best_share = kind, share
    return best if best_share >= MIN_SHARE else None
