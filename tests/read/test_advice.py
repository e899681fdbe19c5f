"""The ingest summary's advice about inputs: undated articles, and text fields named otherwise."""

from __future__ import annotations

from dateline.model import Article, RawRecord, Rejected, Source
from dateline.read.advice import InputAdvice

SRC = Source("a.jsonl", 0, "jsonl", 1)


def _article(published: str | None) -> Article:
    return Article(id="x", source=SRC, text="t", paragraphs=[], published=published)


def test_more_than_five_percent_undated_is_worth_a_line() -> None:
    advice = InputAdvice()
    advice.note_stored([_article("2021-01-01")] * 95 + [_article(None)] * 5)
    assert advice.lines() == []
    advice.note_stored([_article(None)])
    (line,) = advice.lines()
    assert line.startswith("6 of 101 stored articles have no date") and "--field date=NAME" in line


def test_records_without_text_name_their_fields_and_the_likely_text_field() -> None:
    advice = InputAdvice()
    for _ in range(3):
        raw = RawRecord(source=SRC, fields_seen=("headline", "story_body", "when"))
        advice.note_rejected(raw, Rejected("no_text", "no text field"))
    advice.note_rejected(RawRecord(source=SRC), Rejected("too_short", ""))
    (line,) = advice.lines()
    assert line.startswith("3 records had no text field (their fields: headline, story_body, when)")
    assert line.endswith("--field text=story_body")
