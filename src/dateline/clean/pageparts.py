"""Parts of a web page around the story that the extractor let through, known by their shape.

A page surrounds its story with lists of links to other stories (`Most read`, `More on
this`), and trafilatura keeps some of them. Their shape gives them away where their words
do not: every item of the list is, almost whole, the text of a link. Such a list, and the
heading that introduces it, leave the body as `related`.

Above the story, a page prints its headline (the title again), the section kicker or
breadcrumb before it (`Review`, `News>`) and often a deck: a summary set as a heading under
the headline, the same text as the page's description. These leave the body too; the
title and the description are kept in their own fields.
"""

from __future__ import annotations

from dateline.clean.duplicates import sentence_key
from dateline.clean.html import LINK_SHARE, Block
from dateline.model import Removed

MIN_LINK_ITEMS = 2  # one linked line is often the story's own (a report, a source)
# Other stories listed without list markup: a run of short paragraphs, each a link.
MAX_LINK_LINE_WORDS = 25
# How far down the page the headline may stand (behind a kicker, a breadcrumb, a label).
HEAD_BLOCKS = 6
MAX_KICKER_WORDS = 12
MIN_DECK_WORDS = 6


def _related_groups(blocks: list[Block]) -> set[int]:
    by_group: dict[int, list[Block]] = {}
    for b in blocks:
        if b.group >= 0 and b.kind == "item":
            by_group.setdefault(b.group, []).append(b)
    return {
        g for g, items in by_group.items()
        if len(items) >= MIN_LINK_ITEMS and all(i.link_share >= LINK_SHARE for i in items)
    }


def _link_runs(blocks: list[Block]) -> set[int]:
    """Blocks in runs of MIN_LINK_ITEMS or more short paragraphs that are each a link."""
    out: set[int] = set()
    run: list[int] = []
    for i, b in enumerate([*blocks, Block("p", "")]):
        if b.group < 0 and b.link_share >= LINK_SHARE and len(b.text.split()) <= MAX_LINK_LINE_WORDS:
            run.append(i)
            continue
        if len(run) >= MIN_LINK_ITEMS:
            out.update(run)
        run = []
    return out


def _same_start(a: str, b: str) -> bool:
    """One text is the other, or its start (a title with the site's name after it, a
    description cut short)."""
    return bool(a and b) and (a == b or a.startswith(b + " ") or b.startswith(a + " "))


def _headline(blocks: list[Block], title: str | None) -> int | None:
    key = sentence_key(title or "")
    for i, b in enumerate(blocks[:HEAD_BLOCKS]):
        if len(b.text.split()) >= 3 and _same_start(sentence_key(b.text), key):
            return i
    return None


def _header(blocks: list[Block], title: str | None, description: str | None) -> dict[int, str]:
    """What stands above the story: kicker and headline, then a deck that repeats the page's
    description (a heading, not a paragraph: a first paragraph often is the description too,
    and it is the story's)."""
    reasons: dict[int, str] = {}
    top = _headline(blocks, title)
    if top is not None:
        before = blocks[:top]
        if all(len(b.text.split()) <= MAX_KICKER_WORDS for b in before):
            reasons.update({i: "kicker" for i in range(top)})
        reasons[top] = "title_repeated"
    deck = sentence_key(description or "")
    start = 0 if top is None else top + 1
    for i in range(start, min(start + 2, len(blocks))):
        b = blocks[i]
        if b.kind == "head" and len(b.text.split()) >= MIN_DECK_WORDS and _same_start(sentence_key(b.text), deck):
            reasons[i] = "standfirst"
    return reasons


def set_apart_blocks(
    blocks: list[Block], title: str | None = None, description: str | None = None
) -> tuple[list[Block], list[Removed]]:
    """(blocks of the story, blocks set apart with their reason)."""
    related = _related_groups(blocks)
    reasons = {i: "related" for i, b in enumerate(blocks) if b.group in related}
    reasons.update({i: "related" for i in _link_runs(blocks)})
    for i, b in enumerate(blocks):
        # The heading of a list of links (`Most read in world news`) goes with the list.
        if b.kind == "head" and i + 1 < len(blocks) and reasons.get(i + 1) == "related":
            reasons[i] = "related"
    for i, reason in _header(blocks, title, description).items():
        reasons.setdefault(i, reason)
    if len(reasons) == len(blocks):
        return blocks, []  # nothing would be left: a page of one headline is still that page's text
    kept = [b for i, b in enumerate(blocks) if i not in reasons]
    removed = [Removed(b.text, reasons[i]) for i, b in enumerate(blocks) if i in reasons]
    return kept, removed
