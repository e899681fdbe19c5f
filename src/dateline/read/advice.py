"""What an ingest summary tells a user about their inputs: systematic mistakes, said once.

A wrong text field name rejects every record of a dump as `no_text`, and a wrong date field
stores every article undated; both look like success unless the summary says so. This tallies
the outcomes as they are stored and words the advice (datatrove's readers warn once and name
the fields they saw).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from dateline.model import Article, RawRecord, Rejected

# Above this share of stored articles without a date, the date field is probably named otherwise.
UNDATED_SHARE = 0.05
# One outlet publishing the very same body under this many URLs is not syndication (that spans
# outlets) but a scraper that stored one page for many: a consent banner, a paywall, an error
# page, a site-wide promo (one real scrape had 44 URLs of one outlet carrying one unrelated body).
REPEATED_URLS = 5


@dataclass(slots=True)
class InputAdvice:
    stored: int = 0
    undated: int = 0
    no_text: int = 0
    fields: Counter[str] = field(default_factory=Counter)
    repeated: list[tuple[str, str, int]] = field(default_factory=list)  # (outlet, article id, URLs)

    def note_stored(self, articles: Iterable[Article]) -> None:
        for a in articles:
            self.stored += 1
            self.undated += a.published is None

    def note_rejected(self, raw: RawRecord, rejected: Rejected) -> None:
        if rejected.reason in ("no_text", "no_text_column") and raw.fields_seen:
            self.no_text += 1
            self.fields.update(raw.fields_seen)

    def lines(self) -> list[str]:
        out = []
        if self.stored and self.undated > UNDATED_SHARE * self.stored:
            out.append(f"{self.undated:,} of {self.stored:,} stored articles have no date; if the inputs "
                       "name it otherwise, say which field it is: --field date=NAME")
        if self.no_text:
            seen = ", ".join(name for name, _ in self.fields.most_common(12))
            guess = _text_guess(self.fields)
            out.append(f"{self.no_text:,} records had no text field (their fields: {seen}); "
                       f"name the text field with --field text={guess or 'NAME'}")
        for outlet, article_id, urls in self.repeated:
            out.append(f"{outlet or 'one outlet'}: the same body under {urls:,} URLs (article {article_id}); the "
                       "scraper may have stored one page for many (a consent banner, a paywall, an error page)")
        return out


def _text_guess(fields: Counter[str]) -> str | None:
    """The field most likely to hold the body, by its name; None when nothing looks like it."""
    hints = ("text", "body", "content", "story", "article")
    for name, _ in fields.most_common():
        if any(h in name.lower() for h in hints):
            return name
    return None
