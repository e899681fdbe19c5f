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


def _parse(html: str, url: str | None, favor_recall: bool):  # noqa: ANN202 -- (Document, Declarations)
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(_LONG_TAG.sub(_tame_long_tag, html))
    if tree is None:
        return None, Declarations()
    # Read before extraction: trafilatura prunes the tree it is given.
    declared = declarations(tree)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_links=True, deduplicate=False, favor_recall=favor_recall,
    )
    return doc, declared


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
        doc, declared = _parse(html, url, favor_recall)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise Rejected("bad_html", f"could not parse the page ({type(exc).__name__})") from exc
    if doc is None or doc.body is None:
        raise Rejected("no_text", "no article text found in the page")
    kept, removed = set_apart_blocks(list(_blocks(doc.body)), doc.title, doc.description)
    text = "\n\n".join(b.text for b in kept)
    if not text.strip():
        raise Rejected("no_text", "no article text found in the page")
    return Page(
        text=text, title=doc.title, date=page_date(declared.published, url or doc.url, doc.date),
        url=doc.url or url, outlet=doc.sitename, authors=split_authors(doc.author),
        description=doc.description, image=doc.image, language=declared.language,
        section=declared.section, removed=removed,
    )


def split_authors(author: str | None) -> list[str]:
    """trafilatura joins a page's authors with `; `."""
    return [a.strip() for a in (author or "").split(";") if a.strip()]


# The page's own statement of when it was published: Open Graph's `article:published_time`,
# schema.org's `datePublished` (as an attribute or in JSON-LD). Written by the outlet's CMS
# with the page's own time zone, it outranks any date found in the text (htmldate's search
# can take a date the story cites); `modified` dates are not publication dates.
_PUBLISHED_NAMES = frozenset({"article:published_time", "datepublished"})
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_ISO_START = re.compile(r"^\s*(?:19|20)\d\d-\d\d-\d\d")
_LANG_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
_LOCALE_NAMES = frozenset({"og:locale", "content-language", "language"})


@dataclass(slots=True)
class Declarations:
    """What a page says about itself in its markup (read from the parsed tree, in C, so that
    a hostile head costs no more than parsing it)."""

    published: str | None = None  # as written: an ISO date and time in the page's time zone
    language: str | None = None
    section: str | None = None


def declarations(tree) -> Declarations:  # noqa: ANN001 -- an lxml tree
    out = Declarations()
    lang = tree.get("lang") if tree.tag == "html" else None
    if lang and (m := _LANG_CODE.match(lang)):
        out.language = m[1].lower()
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if name in _PUBLISHED_NAMES and out.published is None and _ISO_START.match(content):
            out.published = content
        elif name in _LOCALE_NAMES and out.language is None and (m := _LANG_CODE.match(content)):
            out.language = m[1].lower()
        elif name == "article:section" and out.section is None and content:
            out.section = " ".join(content.split())[:80]
    if out.published is None:
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                m = _LD_PUBLISHED.search(script.text)
                if m and _ISO_START.match(m[1]):
                    out.published = m[1].strip()
                    break
    return out


def page_date(published: str | None, url: str | None, found: str | None) -> str | None:
    """The URL's full date, else the page's publication metadata, else what htmldate found."""
    from dateline.clean.dates import url_date

    return url_date(url) or published or found
