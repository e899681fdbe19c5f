"""Parts of a web page around the story that the extractor let through, known by their shape.

A page surrounds its story with lists of links to other stories (`Most read`, `More on
this`), and trafilatura keeps some of them. Their shape gives them away where their words
do not: every item of the list is, almost whole, the text of a link. Such a list, and the
heading that introduces it, leave the body as `related`.
"""

from __future__ import annotations

from dateline.clean.html import LINK_SHARE, Block
from dateline.model import Removed

MIN_LINK_ITEMS = 2  # one linked line is often the story's own (a report, a source)


def _related_groups(blocks: list[Block]) -> set[int]:
    by_group: dict[int, list[Block]] = {}
    for b in blocks:
        if b.group >= 0 and b.kind == "item":
            by_group.setdefault(b.group, []).append(b)
    return {
        g for g, items in by_group.items()
        if len(items) >= MIN_LINK_ITEMS and all(i.link_share >= LINK_SHARE for i in items)
    }


def set_apart_blocks(blocks: list[Block]) -> tuple[list[Block], list[Removed]]:
    """(blocks of the story, blocks set apart with their reason)."""
    related = _related_groups(blocks)
    out = [b.group in related for b in blocks]
    for i, b in enumerate(blocks):
        # The heading of a list of links (`Most read in world news`) goes with the list.
        if b.kind == "head" and i + 1 < len(blocks) and blocks[i + 1].group in related:
            out[i] = True
    kept = [b for b, drop in zip(blocks, out, strict=True) if not drop]
    removed = [Removed(b.text, "related") for b, drop in zip(blocks, out, strict=True) if drop]
    return kept, removed
