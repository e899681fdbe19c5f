"""Notices: footnotes that explain an asterisked term, and fixed disclaimers.

A footnote such as `*Daesh (ISIS/ISIL/Islamic State) is a terrorist organisation banned in
Russia` is a legally required notice, not part of the story: it is kept apart from the body,
linked to the term it explains, and the asterisk on that term in the body is dropped.
"""

from __future__ import annotations

import re

from dateline.model import Notice

_FOOTNOTE = re.compile(r"^\*+\s*(?P<term>[^\s*(][^*(]*?)\s*(?:\(|\bis\b|\bare\b|\bwas\b|\bwere\b|[-\u2013\u2014:,])")
_DISCLAIMER = re.compile(
    r"^(?:the\s+views?\s+(?:and\s+opinions\s+)?expressed\b|this\s+(?:article|story)\s+(?:was|has\s+been|is)\s+"
    r"(?:originally\s+)?(?:published|updated|corrected|produced)|editor'?s\s+note\b|disclaimer\b|"
    r"correction\s*:|this\s+content\s+was\s+produced\b)",
    re.IGNORECASE,
)


def as_notice(paragraph: str) -> Notice | None:
    """The notice a paragraph is, or None when it belongs to the story."""
    if paragraph.startswith("*") and len(paragraph) <= 600:
        m = _FOOTNOTE.match(paragraph)
        term = m.group("term").strip() if m else None
        return Notice(text=paragraph.lstrip("*").strip(), refers_to=term or None)
    if len(paragraph) <= 600 and _DISCLAIMER.match(paragraph):
        return Notice(text=paragraph, refers_to=None)
    return None


def drop_marks(paragraphs: list[str], terms: list[str]) -> tuple[list[str], int]:
    """Remove footnote asterisks after the given terms; returns (paragraphs, marks removed)."""
    if not terms:
        return paragraphs, 0
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    mark = re.compile(rf"(?<!\w)({alternatives})\*+")
    out = []
    total = 0
    for p in paragraphs:
        p2, n = mark.subn(r"\1", p)
        out.append(p2)
        total += n
    return out, total
