"""HTML pages to text, title and date, through trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.model import Rejected

# libxml2 checks each attribute of a tag against all the others: a tag with 200,000 attributes
# takes a minute to parse, in C code that no time limit can interrupt. No real page has a tag
# of this length, except for one long attribute value (an inline data: image), which is kept.
_LONG_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*+)([^<>]{20000,}+)>")  # possessive: no backtracking
MAX_ATTRIBUTES = 1000


def _tame_long_tag(m: re.Match[str]) -> str:
    if m.group(2).count("=") <= MAX_ATTRIBUTES:
        return m.group(0)
    return f"<{m.group(1)}>"


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None
    outlet: str | None


def _extract(html: str, url: str | None = None):  # noqa: ANN202 -- trafilatura's Document
    import trafilatura

    html = _LONG_TAG.sub(_tame_long_tag, html)
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        deduplicate=False, favor_recall=True,
    )


def trafilatura_text(html: str, url: str | None = None, settings: object = None) -> str:
    """What trafilatura alone returns with the settings dateline calls it with (for the eval)."""
    try:
        doc = _extract(html, url)
    except Exception:  # noqa: BLE001 -- as in extract_page: a broken page has no text
        return ""
    return (doc.text if doc is not None else "") or ""


def extract_page(html: str, url: str | None = None) -> Page:
    try:
        doc = _extract(html, url)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise Rejected("bad_html", f"could not parse the page ({type(exc).__name__})") from exc
    if doc is None:
        raise Rejected("no_text", "no article text found in the page")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        raise Rejected("no_text", "no article text found in the page")
    return Page(text=text, title=get("title"), date=get("date"), url=get("url"), outlet=get("sitename"))
