"""Finding the text, date, title, url and outlet among the field names scrapers use."""

from __future__ import annotations

from typing import Any

from dateline.model import RawRecord, Rejected, Source

TEXT_FIELDS = ("text", "content", "body", "maintext", "article", "article_text", "full_text")
HTML_FIELDS = ("html", "raw_html", "page", "content_html")
DATE_FIELDS = (
    "date", "published", "date_publish", "publish_date", "timestamp", "pubdate",
    "published_at", "datetime", "date_published", "created_at",
)
TITLE_FIELDS = ("title", "headline", "heading")
URL_FIELDS = ("url", "link", "source_url", "href")
OUTLET_FIELDS = ("outlet", "source", "source_domain", "site", "publisher", "domain", "media")


def _pick(row: dict[str, Any], names: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in row.items() if k is not None}
    for name in names:
        value = lowered.get(name)
        if value not in (None, ""):
            return value
    return None


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        value = "\n\n".join(str(v) for v in value if v is not None)
    text = str(value).strip()
    return text or None


def has_text_field(columns: list[str]) -> bool:
    lowered = {c.lower() for c in columns if c}
    return any(n in lowered for n in TEXT_FIELDS + HTML_FIELDS)


def record_from_row(row: dict[str, Any], source: Source) -> RawRecord:
    """A RawRecord from a mapping; a row without any text field carries a Rejected."""
    text = _pick(row, TEXT_FIELDS)
    html = _pick(row, HTML_FIELDS)
    date = _pick(row, DATE_FIELDS)
    rec = RawRecord(
        source=source,
        text=_as_text(text),
        html=_as_text(html) if text is None else None,
        date=str(date) if date is not None else None,
        title=_as_text(_pick(row, TITLE_FIELDS)),
        url=_as_text(_pick(row, URL_FIELDS)),
        outlet=_as_text(_pick(row, OUTLET_FIELDS)),
    )
    if rec.text is None and rec.html is None:
        seen = ", ".join(sorted(str(k) for k in row if k is not None)[:12]) or "none"
        rec.error = Rejected("no_text", f"no text field (fields seen: {seen})")
    return rec
