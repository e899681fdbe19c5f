"""XML news formats: NITF documents, RSS 2.0 (and RSS 1.0) and Atom feeds; one record per story.

- RSS: each `<item>`; the body from `content:encoded`, else `description`; `pubDate` (or
  `dc:date`), `dc:creator` or `author`, the first `category` as section; the channel's title
  is the outlet and its `language` the language.
- Atom: each `<entry>`; `content`, else `summary`; `published`, else `updated`; every
  `author/name`; the `alternate` link.
- NITF (the news industry's text format): the head's title and docdata dates
  (`date.issue`, `date.release`, `pubdata/@date.publication`), the body's headline, byline,
  dateline and `body.content` paragraphs.

Elements are read one story at a time (`iterparse`, cleared as they end), with entities left
unresolved and no network, so a large feed or a hostile one (XXE, billion laughs) costs what
its stories cost. Any other XML document is rejected, not read as one HTML page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from dateline.model import RawRecord, Rejected, Source
from dateline.read.fields import as_authors, as_language
from dateline.read.options import ReadOptions
from dateline.read.sniff import xml_root

_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "dd", "dt")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _children(el: Any, name: str) -> list[Any]:
    return [c for c in el if _local(c.tag) == name]


def _text(el: Any | None) -> str | None:
    if el is None:
        return None
    text = " ".join("".join(el.itertext()).split())
    return text or None


def _child_text(el: Any, *names: str) -> str | None:
    for name in names:
        for c in _children(el, name):
            text = _text(c)
            if text:
                return text
    return None


def html_paragraphs(fragment: str) -> str:
    """The text of an HTML fragment (a feed's `content:encoded`), a paragraph per block."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError and others on markup it cannot make sense of
        return " ".join(fragment.split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = [" ".join(b.text_content().split()) for b in root.iter(*_BLOCKS)
              if not any(_local(a.tag) in _BLOCKS for a in b.iterancestors())]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _body(value: str | None, markup: bool) -> str | None:
    if not value or not value.strip():
        return None
    return html_paragraphs(value) if markup or "<" in value else value.strip()


def _raw_text(el: Any | None) -> str | None:
    """An element's content as written: escaped HTML inside it comes back as markup."""
    if el is None:
        return None
    import lxml.etree as etree

    if len(el):  # inline XHTML children
        inner = (el.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in el)
        return inner
    return el.text


def _rss_item(item: Any, channel: dict[str, str | None], src: Source, opts: ReadOptions) -> RawRecord:
    encoded = next((c for c in item if _local(c.tag) == "encoded"), None)
    body = _body(_raw_text(encoded), True) or _body(_raw_text(next(iter(_children(item, "description")), None)), False)
    creators = [_text(c) for c in item if _local(c.tag) in ("creator", "author")]
    description = _child_text(item, "description")
    rec = RawRecord(
        source=src, text=body, title=_child_text(item, "title"), url=_child_text(item, "link", "guid"),
        date=_child_text(item, "pubdate", "date", "published", "updated"), outlet=channel.get("title"),
        authors=as_authors([c for c in creators if c]), section=_child_text(item, "category"),
        language=channel.get("language"),
        description=html_paragraphs(description) if description and encoded is not None else None,
    )
    return _checked(rec, opts)


def _atom_entry(entry: Any, feed: dict[str, str | None], src: Source, opts: ReadOptions) -> RawRecord:
    content = next(iter(_children(entry, "content")), None)
    summary = next(iter(_children(entry, "summary")), None)

    def body_of(el: Any | None) -> str | None:
        if el is None:
            return None
        return _body(_raw_text(el), el.get("type", "text") in ("html", "xhtml"))

    link = next((c.get("href") for c in _children(entry, "link") if c.get("rel", "alternate") == "alternate"), None)
    names = [_child_text(a, "name") for a in _children(entry, "author")]
    category = next((c.get("term") for c in _children(entry, "category") if c.get("term")), None)
    rec = RawRecord(
        source=src, text=body_of(content) or body_of(summary), title=_child_text(entry, "title"), url=link,
        date=_child_text(entry, "published", "updated"), outlet=feed.get("title"),
        authors=as_authors([n for n in names if n]), section=category,
        language=as_language(entry.get("{http://www.w3.org/XML/1998/namespace}lang")) or feed.get("language"),
        description=_text(summary) if content is not None else None,
    )
    return _checked(rec, opts)


def _nitf(doc: Any, src: Source, opts: ReadOptions) -> RawRecord:
    def find(name: str) -> Any | None:
        return next((e for e in doc.iter() if _local(e.tag) == name), None)

    date = None
    for name, attr in (("date.issue", "norm"), ("date.release", "norm"), ("pubdata", "date.publication")):
        el = find(name)
        if el is not None and el.get(attr):
            date = el.get(attr)
            break
    content = find("body.content")
    paragraphs = [t for p in (content.iter() if content is not None else []) if _local(p.tag) == "p"
                  and (t := _text(p))]
    dateline = _text(find("dateline"))
    text = "\n\n".join(paragraphs) or None
    if text and dateline and not text.startswith(dateline):
        # The clean stage finds the dateline at the head of the lead, where wire copy has it.
        text = dateline + ("" if dateline.rstrip().endswith(("-", "\u2014", "\u2013")) else " -") + " " + text
    byline = find("byline")
    person = find("person") if byline is not None else None
    headline = find("hl1")
    rec = RawRecord(
        source=src, text=text, date=date, title=_text(headline) or _text(find("title")),
        authors=as_authors(_text(person) or _text(byline)), description=_text(find("abstract")),
        language=as_language(doc.get("{http://www.w3.org/XML/1998/namespace}lang")),
    )
    return _checked(rec, opts)


def _checked(rec: RawRecord, opts: ReadOptions) -> RawRecord:
    if not rec.text:
        rec.error = Rejected("no_text", "a story with no body (no content, description or paragraphs)")
    elif len(rec.text) > opts.max_record_bytes:
        rec.text = None
        rec.error = Rejected("too_large", f"a story over {opts.max_record_bytes:,} characters (max_record_bytes)")
    return rec


def read(stream: BinaryIO, path: str, opts: ReadOptions) -> Iterator[RawRecord]:
    import lxml.etree as etree

    peek = getattr(stream, "peek", None)
    root = xml_root(peek(8192)[:8192]) if peek else None
    kind = {"rss": "rss", "rdf:rdf": "rss", "rdf": "rss", "feed": "atom", "nitf": "nitf"}.get(root or "")
    if kind is None:
        yield RawRecord(source=Source(path, 0, "xml", 0), error=Rejected(
            "unsupported_xml", f"an XML document with root <{root or '?'}>: dateline reads NITF, RSS and Atom"))
        return
    story = {"rss": "item", "atom": "entry", "nitf": "nitf"}[kind]
    meta: dict[str, str | None] = {}
    record = 0
    parser = etree.iterparse(stream, events=("start", "end"), resolve_entities=False, no_network=True,
                             huge_tree=False, recover=False)
    try:
        for event, el in parser:
            name = _local(el.tag)
            if event == "start":
                if name in ("feed", "rss") and kind == "atom":
                    meta["language"] = as_language(el.get("{http://www.w3.org/XML/1998/namespace}lang"))
                continue
            if name != story:
                parent = el.getparent()
                if parent is not None and _local(parent.tag) in ("channel", "feed"):
                    if name == "title":
                        meta["title"] = _text(el)
                    elif name == "language":
                        meta["language"] = as_language(_text(el))
                continue
            src = Source(path=path, record=record, format=kind, offset=el.sourceline)
            record += 1
            if kind == "rss":
                yield _rss_item(el, meta, src, opts)
            elif kind == "atom":
                yield _atom_entry(el, meta, src, opts)
            else:
                yield _nitf(el, src, opts)
            el.clear()
            while el.getprevious() is not None:  # what iterparse keeps of earlier stories
                del el.getparent()[0]
    except etree.XMLSyntaxError as exc:
        yield RawRecord(source=Source(path, record, kind, None),
                        error=Rejected("malformed_xml", f"the rest of the file: {exc}"))
