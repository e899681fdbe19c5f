"""A tiny archive with the lead's `articles` and `sources` tables, and news-like stories."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import pytest

from dateline.archive.schema import DEDUP_TABLES
from dateline.clean import article_id
from dateline.model import Article, Source, Span

ARCHIVE_DDL = """
CREATE TABLE articles (id TEXT PRIMARY KEY, published TEXT, title TEXT, text TEXT NOT NULL,
  outlet TEXT, url TEXT, json TEXT NOT NULL, added TEXT NOT NULL);
CREATE TABLE sources (article_id TEXT NOT NULL, path TEXT NOT NULL, record INTEGER NOT NULL,
  format TEXT, offset INTEGER, outlet TEXT, url TEXT, raw TEXT, added TEXT NOT NULL,
  PRIMARY KEY (path, record));
"""

BUDGET = (
    "Finance Minister Maria Lopez presented a budget on Tuesday that cuts spending on roads by "
    "twelve percent and raises the tax on tobacco, telling parliament the country had to close "
    "a deficit that reached four percent of output last year.\n\n"
    "Lopez said the savings would pay for three new hospitals in the north and a rise in "
    "teachers' pay from January. Opposition leader Tomas Berg called the plan a gamble that "
    "would hurt farmers and small towns, and said his party would vote against it.\n\n"
    "The budget needs the support of two smaller parties to pass. A vote is expected before the "
    "end of the month, and analysts at two local banks said they expected it to pass narrowly."
)
BANK = (
    "Opposition leader Tomas Berg met Finance Minister Maria Lopez on Friday to discuss the sale "
    "of the state railway, after workers at the company went on strike for a second week over "
    "pensions and the closure of two repair yards.\n\n"
    "Berg told reporters outside the ministry that the sale should wait until a court rules on "
    "the pension claims. Lopez did not speak to the press, but her office said the minister "
    "wanted an agreement with the unions before any buyer was chosen.\n\n"
    "The railway carries most of the country's grain exports, and traders said the strike had "
    "already delayed shipments to ports on the coast by several days."
)
FLOOD = (
    "Heavy rain flooded the lower town of Riverton on Sunday, forcing about two thousand people "
    "from their homes as the river rose more than three metres above its usual level.\n\n"
    "Mayor Ana Silva said emergency crews had rescued forty people from rooftops and that two "
    "schools were being used as shelters. Power was cut in several districts as a precaution.\n\n"
    "Forecasters expect the rain to ease on Tuesday, but warned that the river could keep rising "
    "for another day as water flows down from the hills."
)


def edited(text: str) -> str:
    """A copy as another outlet runs it: a typo, other quote marks, one more paragraph."""
    return (
        text.replace("parliament", "parliment").replace("'", "\u2019").replace(" the ", "  the ", 1)
        + "\n\nThis story was updated with comments from the opposition."
    )


def make_article(text: str, published: str | None = None, title: str | None = None) -> Article:
    return Article(
        id=article_id(text), source=Source("fixture.txt", 1, "txt"), text=text,
        paragraphs=[Span(0, len(text))], published=published, title=title,
    )


@pytest.fixture
def conn() -> sqlite3.Connection:
    c = sqlite3.connect(":memory:")
    c.executescript(ARCHIVE_DDL)
    for statement in DEDUP_TABLES:  # made by the archive's migrations
        c.execute(statement)
    return c


@pytest.fixture
def store(conn: sqlite3.Connection) -> Callable[..., Article]:
    """Insert an article (and `copies` sources rows) the way the archive does before dedup."""
    counter = iter(range(1_000_000))

    def _store(text: str, copies: int = 1, published: str | None = None,
               title: str | None = None, outlet: str | None = None) -> Article:
        art = make_article(text, published, title)
        conn.execute(
            "INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, NULL, ?, '2024-01-01')",
            (art.id, published, title, text, outlet, json.dumps({"id": art.id})),
        )
        for _ in range(copies):
            conn.execute(
                "INSERT INTO sources (article_id, path, record, outlet, added) "
                "VALUES (?, 'in.txt', ?, ?, '2024-01-01')",
                (art.id, next(counter), outlet),
            )
        return art

    return _store


@pytest.fixture
def stories() -> dict[str, str]:
    """Two stories about the same people (budget, bank), one unrelated (flood)."""
    return {"budget": BUDGET, "bank": BANK, "flood": FLOOD}


@pytest.fixture
def edit() -> Callable[[str], str]:
    return edited
