"""HTML pages to text, title and date, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Rejected


@dataclass(slots=True)
class Page:
    text: str
    title: str | None
    date: str | None
    url: str | None
    outlet: str | None


def extract_page(html: str) -> Page:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            deduplicate=False, favor_recall=True,
        )
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise Rejected("bad_html", f"could not parse the page ({type(exc).__name__})") from exc
    if doc is None:
        raise Rejected("no_text", "no article text found in the page")
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text = get("text") or ""
    if not text.strip():
        raise Rejected("no_text", "no article text found in the page")
    return Page(text=text, title=get("title"), date=get("date"), url=get("url"), outlet=get("sitename"))
