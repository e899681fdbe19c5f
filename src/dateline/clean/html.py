"""HTML pages to paragraphs, title, date and page metadata, through trafilatura.

trafilatura finds the main content; what it returns is walked block by block (its XML: p,
head, list/item, table/row/cell, quote) rather than taken as flat text, because a block's
kind tells what flat text cannot: a list whose every item is a link is a list of other
stories, a table row is one line of figures. Tables are kept, as one paragraph per row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dateline.model import Rejected, Removed

# libxml2 checks each attribute of a tag against all the others: a tag with 200,000 attributes
# takes a minute to parse, in C code that no time limit can interrupt. No real page has a tag
# of this length, except for one long attribute value (an inline data: image), which is kept.
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*+)([^<>]{20000,}+)>")  # possessive: no backtracking
MAX_ATTRIBUTES = 1000
# A block is a link when this share of its characters is link text: the title of another
# story, maybe with a word of lead-in (`Read:`) around it.
LINK_SHARE = 0.8
CELL_SEPARATOR = " | "
# Page-level declarations (language, publication date) are in the head or near it (JSON-LD
# may follow the header markup): a long page need not be scanned whole.
MAX_HEAD_SCAN = 300_000


def _tame_long_tag(m: re.Match[str]) -> str:
    if m.group(2).count("=") <= MAX_ATTRIBUTES:
        return m.group(0)
    return f"<{m.group(1)}>"


@dataclass(slots=True)
class Block:
    """One paragraph of the page as trafilatura found it: its kind and how much is link."""

    kind: str  # p | head | item | row | quote
    text: str
    link_share: float = 0.0
    group: int = -1  # the list or table it belongs to; -1 for a block on its own


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None
    outlet: str | None
    authors: list[str] = field(default_factory=list)
    description: str | None = None
    image: str | None = None
    language: str | None = None
    section: str | None = None
    removed: list[Removed] = field(default_factory=list)


def _text(el) -> str:  # noqa: ANN001 -- an lxml element
    return " ".join("".join(el.itertext()).split())


def _link_share(el, text: str) -> float:  # noqa: ANN001
    linked = sum(len(_text(ref)) for ref in el.iter("ref"))
    return min(1.0, linked / len(text)) if text else 0.0


def _lines(el, kind: str, group: int = -1) -> Iterator[Block]:  # noqa: ANN001
    """The element's text, one block per line: a `<br>` inside a paragraph is a line break the
    writer chose (an address, a verse, a list written without list markup)."""
    for lb in el.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    share = _link_share(el, _text(el))
    for line in "".join(el.itertext()).split("\n"):
        line = " ".join(line.split())
        if line:
            yield Block(kind, line, share, group)


def _blocks(body) -> Iterator[Block]:  # noqa: ANN001 -- trafilatura's body element
    groups = iter(range(1_000_000))
    if body.text and body.text.strip():
        yield Block("p", " ".join(body.text.split()))
    for el in body:
        yield from _element(el, groups)
        if el.tail and el.tail.strip():
            yield Block("p", " ".join(el.tail.split()))


def _element(el, groups: Iterator[int]) -> Iterator[Block]:  # noqa: ANN001
    if el.tag == "list":
        group = next(groups)
        for item in el.iterchildren("item"):
            yield from _lines(item, "item", group)
    elif el.tag == "table":
        group = next(groups)
        for row in el.iter("row"):
            cells = [_text(c) for c in row.iterchildren("cell")]
            line = CELL_SEPARATOR.join(c for c in cells if c)
            if line:
                yield Block("row", line, _link_share(row, line), group)
    elif el.tag in ("div", "quote") and any(c.tag in ("p", "list", "table", "head") for c in el):
        if el.text and el.text.strip():
            yield Block("p", " ".join(el.text.split()))
        for child in el:
            yield from _element(child, groups)
            if child.tail and child.tail.strip():
                yield Block("p", " ".join(child.tail.split()))
    elif el.tag != "graphic":
        yield from _lines(el, el.tag if el.tag in ("head", "quote") else "p")


def _parse(html: str, url: str | None, favor_recall: bool):  # noqa: ANN202 -- trafilatura's Document
    import trafilatura

    html = _LONG_TAG.sub(_tame_long_tag, html)
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_links=True, deduplicate=False, favor_recall=favor_recall,
    )


def trafilatura_text(html: str, url: str | None = None, favor_recall: bool = False) -> str:
    """What trafilatura alone returns with the settings dateline calls it with (for the eval)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            _LONG_TAG.sub(_tame_long_tag, html), url=url, include_comments=False,
            include_tables=True, deduplicate=False, favor_recall=favor_recall,
        )
    except Exception:  # noqa: BLE001 -- as in extract_page: a broken page has no text
        return ""
    return (doc.text if doc is not None else "") or ""


def extract_page(html: str, url: str | None = None, favor_recall: bool = False) -> Page:
    from dateline.clean.pageparts import set_apart_blocks

    try:
        doc = _parse(html, url, favor_recall)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise Rejected("bad_html", f"could not parse the page ({type(exc).__name__})") from exc
    if doc is None or doc.body is None:
        raise Rejected("no_text", "no article text found in the page")
    kept, removed = set_apart_blocks(list(_blocks(doc.body)), doc.title, doc.description)
    text = "\n\n".join(b.text for b in kept)
    if not text.strip():
        raise Rejected("no_text", "no article text found in the page")
    return Page(
        text=text, title=doc.title, date=page_date(html, url or doc.url, doc.date), url=doc.url or url,
        outlet=doc.sitename,
        authors=split_authors(doc.author), description=doc.description, image=doc.image,
        language=page_language(html), section=page_section(html), removed=removed,
    )


def split_authors(author: str | None) -> list[str]:
    """trafilatura joins a page's authors with `; `."""
    return [a.strip() for a in (author or "").split(";") if a.strip()]


_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.IGNORECASE)
_OG_LOCALE = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"'](?:og:locale|content-language|language)[\"'][^>]*?"
    r"content\s*=\s*[\"']([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?[\"']",
    re.IGNORECASE,
)


# The page's own statement of when it was published: Open Graph's `article:published_time`,
# schema.org's `datePublished` (as an attribute or in JSON-LD). Written by the outlet's CMS
# with the page's own time zone, it outranks any date found in the text (htmldate's search
# can take a date the story cites); `modified` dates are not publication dates.
_PUBLISHED_META = re.compile(
    r"<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished)[\"']"
    r"[^>]*?content\s*=\s*[\"']([^\"']{8,40})[\"']"
    r"|<meta\b[^>]*?content\s*=\s*[\"']([^\"']{8,40})[\"'][^>]*?"
    r"(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished)[\"']"
    r"|\"datePublished\"\s*:\s*\"([^\"]{8,40})\"",
    re.IGNORECASE,
)
_ISO_START = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d")


def published_metadata(html: str) -> str | None:
    """The publication date the page's metadata states, as written (an ISO date and time)."""
    for m in _PUBLISHED_META.finditer(html[:MAX_HEAD_SCAN]):
        value = next(g for g in m.groups() if g)
        if _ISO_START.match(value):
            return value.strip()
    return None


_SECTION = re.compile(
    r"<meta\b[^>]*?(?:property|name)\s*=\s*[\"']article:section[\"'][^>]*?content\s*=\s*[\"']([^\"'<>]{1,80})[\"']",
    re.IGNORECASE,
)


def page_section(html: str) -> str | None:
    """The section the page files itself under (Open Graph's `article:section`)."""
    m = _SECTION.search(html[:MAX_HEAD_SCAN])
    return " ".join(m[1].split()) or None if m else None


def page_date(html: str, url: str | None, found: str | None) -> str | None:
    """The URL's full date, else the page's publication metadata, else what htmldate found."""
    from dateline.clean.dates import url_date

    return url_date(url) or published_metadata(html) or found


def page_language(html: str) -> str | None:
    """The ISO 639-1 code the page declares (`<html lang="en-GB">`, `og:locale`), lower case."""
    head = html[:MAX_HEAD_SCAN]
    m = _LANG.search(head) or _OG_LOCALE.search(head)
    return m[1].lower() if m else None
