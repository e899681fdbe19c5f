from __future__ import annotations

from dateline.model import Article, Notice, Source, Span


def article(text: str, published: str | None = "2021-09-09",
            notices: list[Notice] | None = None) -> Article:
    return Article(id="t", source=Source("test", 0, "txt"), text=text,
                   paragraphs=[Span(0, len(text))], published=published,
                   notices=notices or [])
