"""Choosing a reader from a file's name and first bytes."""

from __future__ import annotations

import re

FORMATS = ("dated", "txt", "jsonl", "json", "csv", "tsv", "parquet", "html", "warc", "sgml", "xml")

_BY_EXT = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
    ".parquet": "parquet", ".pq": "parquet", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".warc": "warc", ".arc": "warc", ".sgm": "sgml", ".sgml": "sgml",
    ".xml": "xml", ".nitf": "xml", ".rss": "xml", ".atom": "xml",
}
DATE_HEADER = re.compile(rb"^[ \t]*date[ \t]+\d{1,6}-\d{1,2}-\d{1,2}\b", re.MULTILINE)
_HTML = re.compile(rb"<(!doctype html|html|head|body|article|div|p)\b", re.IGNORECASE)
_REUTERS = re.compile(rb"<REUTERS\b", re.IGNORECASE)
# The first element of a markup file, past the XML declaration, doctype, comments and blanks.
_FIRST = re.compile(rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!doctype[^>]*>)*<([A-Za-z][\w:.-]*)", re.IGNORECASE | re.DOTALL)
_DOCTYPE_HTML = re.compile(rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->)*<!doctype\s+html", re.IGNORECASE | re.DOTALL)
# Elements a page or a fragment of one may start with; a file starting with any other element
# is a collection or a feed (SGML, XML) and is never taken as one HTML page.
_HTML_STARTS = frozenset(
    "html head body meta title link script style base noscript template article section header "
    "footer nav main aside div p span h1 h2 h3 h4 h5 h6 a b i em strong u small table tr td th "
    "thead tbody ul ol li dl dt dd img figure figcaption blockquote pre br hr form iframe center "
    "font svg picture video audio time address".split())


def sniff(name: str, head: bytes) -> str:
    """The format of a (decompressed) stream from its name and first few KB."""
    lower = name.lower()
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"WARC/"):
        return "warc"
    markup = markup_format(head)
    if markup == "sgml" or (markup == "xml" and xml_root(head) in XML_ROOTS):
        return markup  # content first: a `.html` or `.txt` name does not make a collection one page
    for ext, fmt in _BY_EXT.items():
        if lower.endswith(ext):
            if fmt == "json" and _first_char(head) == b"{" and b"\n{" in head:
                return "jsonl"  # `.json` files are often JSON Lines in disguise
            return fmt
    first = _first_char(head)
    if first == b"[":
        return "json"
    if first == b"{":
        return "jsonl"
    if DATE_HEADER.search(head[:4096]):
        return "dated"
    if markup in ("sgml", "xml"):
        return markup
    if first == b"<" and _HTML.search(head):
        return "html"
    return "txt"


# Root elements of the XML formats read as records: NITF, RSS 2.0 (and RSS 1.0's RDF), Atom.
XML_ROOTS = frozenset({"nitf", "rss", "rdf:rdf", "rdf", "feed"})


def xml_root(head: bytes) -> str | None:
    m = _FIRST.match(head.lstrip(b"\xef\xbb\xbf \t\r\n"))
    return m.group(1).decode("ascii", "replace").lower() if m else None


def markup_format(head: bytes) -> str | None:
    """sgml, xml or html for a file that starts with markup; None for anything else."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"<"):
        return None
    if _REUTERS.search(head):
        return "sgml"
    if _DOCTYPE_HTML.match(stripped):
        return "html"
    m = _FIRST.match(stripped)
    if m is None:
        return None
    element = m.group(1).decode("ascii", "replace").lower()
    return "html" if element in _HTML_STARTS else "xml"


def _first_char(head: bytes) -> bytes:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped[:1]
