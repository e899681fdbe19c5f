"""The article view marks where an entity without mentions comes from."""

from __future__ import annotations

from typing import Any

from dateline.model import Article, Dateline, Entity, Mention, Notice, RawRecord, Results, Source
from dateline.pipeline import clean_one
from dateline.settings import Settings
from dateline.web.views import article_view

TEXT = "The port authority said on Monday that the new quay would open in spring after a long delay."


class _OneArticle:
    """Just what `article_view` asks of an archive, for one article."""

    def __init__(self, article: Article) -> None:
        self._article = article

    def article(self, ident: str) -> Article | None:
        return self._article if ident == self._article.id else None

    def copies(self, ident: str) -> Results:
        return Results([])

    def sources(self, ident: str) -> list[dict[str, Any]]:
        return []


def test_entities_without_mentions_carry_their_origin() -> None:
    raw = RawRecord(Source("t.jsonl", 1, "jsonl"), text=TEXT, date="2024-02-05")
    a = clean_one(raw, Settings(extract=False)).article
    assert a is not None
    a.dateline = Dateline("OSLO (Reuters) -", "OSLO", "Reuters")
    a.notices = [Notice("The group is banned in Freedonia.", None)]
    start = a.text.index("port authority")
    a.entities = [Entity("o1", "Reuters", "ORG"), Entity("g1", "Freedonia", "GPE"),
                  Entity("p1", "port authority", "ORG", mentions=[Mention(start, start + 14, "port authority")])]
    view = article_view(_OneArticle(a), a.id)  # type: ignore[arg-type]
    assert view is not None and view["origins"] == {"o1": "dateline", "g1": "notice"}


class _Facts:
    """An archive that holds facts of the given kinds only."""

    def __init__(self, held: set[str]) -> None:
        self.held = held

    def facts(self, kind: str, limit: int = 50) -> list[str]:
        return [kind] if kind in self.held else []


def test_an_empty_listing_says_why_when_the_archive_holds_none_of_the_kind() -> None:
    from dateline.web.views import why_empty

    bare, some = _Facts(set()), _Facts({"entities"})
    assert "without extraction" in (why_empty(bare, "entities", []) or "")  # type: ignore[arg-type]
    assert why_empty(some, "quotes", []) == "this archive holds no quotes"  # type: ignore[arg-type]
    assert why_empty(some, "entities", []) is None  # type: ignore[arg-type]
    assert why_empty(bare, "entities", [{"id": "x"}]) is None  # type: ignore[arg-type]
    assert "--" not in (why_empty(bare, "amounts", []) or "")  # type: ignore[arg-type]
