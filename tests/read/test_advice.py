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


def test_one_body_under_many_urls_of_one_outlet_is_flagged(tmp_path) -> None:
    import json as _json

    from dateline import api
    from dateline.settings import Settings

    # one unrelated page stored for every URL of the outlet (a promo block the scraper caught)
    banner = "The weather service forecast light rain for the weekend across the region, with mild temperatures."
    story = "The city council approved the new budget on Monday after a long debate about school funding and roads."
    rows = [{"url": f"https://example-news.test/2024/story-{i}", "outlet": "Example News", "text": banner}
            for i in range(6)]
    rows.append({"url": "https://other.test/a", "outlet": "Other", "text": story})
    rows.append({"url": "https://other.test/b", "outlet": "Other", "text": story})
    path = tmp_path / "scrape.jsonl"
    path.write_text("".join(_json.dumps(r) + "\n" for r in rows))
    result = api.ingest([str(path)], Settings(db=str(tmp_path / "a.db"), extract=False))
    flagged = [line for line in result.advice or [] if "the same body under" in line]
    assert len(flagged) == 1 and flagged[0].startswith("Example News: the same body under 6 URLs")
