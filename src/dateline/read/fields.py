"""Finding the text, date, title, bylines and the rest among the field names scrapers use.

Every dump names its fields its own way (`body_text`, `publication_date`, `datePublished`), so a
record's fields are found by a list of names per target, tried in order, case-insensitively; a
user's `--field date=publication_date` (or `[dateline.fields]` in dateline.toml) goes first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dateline.model import RawRecord, Rejected, Source

TEXT_FIELDS = (
    "text", "content", "body", "maintext", "article", "article_text", "full_text", "body_text",
    "fulltext", "story",
)
HTML_FIELDS = ("html", "raw_html", "page", "content_html")
DATE_FIELDS = (
    "date", "published", "date_publish", "publish_date", "publication_date", "pub_date", "pubdate",
    "datepublished", "date_published", "published_at", "timestamp", "datetime", "created_at",
)
TITLE_FIELDS = ("title", "headline", "heading")
URL_FIELDS = ("url", "link", "source_url", "href")
OUTLET_FIELDS = ("outlet", "source", "source_domain", "site", "publisher", "domain", "media")
AUTHOR_FIELDS = ("authors", "author", "byline", "creator", "writer", "by")
SECTION_FIELDS = ("section", "category", "desk")
LANGUAGE_FIELDS = ("language", "lang", "locale")
IMAGE_FIELDS = ("image", "image_url", "top_image", "thumbnail")
DESCRIPTION_FIELDS = ("description", "summary", "abstract", "dek", "subtitle")

# What `--field TARGET=NAME` may name, with the names each target is found by otherwise.
TARGETS: dict[str, tuple[str, ...]] = {
    "text": TEXT_FIELDS, "html": HTML_FIELDS, "date": DATE_FIELDS, "title": TITLE_FIELDS,
    "url": URL_FIELDS, "outlet": OUTLET_FIELDS, "authors": AUTHOR_FIELDS, "section": SECTION_FIELDS,
    "language": LANGUAGE_FIELDS, "image": IMAGE_FIELDS, "description": DESCRIPTION_FIELDS,
}

# `By Jane Doe and John Roe`, `Jane Doe, John Roe`, `Jane Doe; John Roe`, `Jane Doe & John Roe`.
_BY = re.compile(r"^\s*by\s+", re.I)
_AUTHOR_SPLIT = re.compile(r"\s*(?:;|&|\band\b|\|)\s*", re.I)
_ISO_LANG = re.compile(r"^([a-z]{2})(?:[-_][a-z0-9]+)*$", re.I)


class FieldMap:
    """The names tried for each target: the user's first, then the defaults."""

    def __init__(self, user: Mapping[str, str] | None = None) -> None:
        user = dict(user or {})
        self.user = user
        self.names: dict[str, tuple[str, ...]] = {
            t: ((user[t].lower(),) if t in user else ()) + names for t, names in TARGETS.items()
        }
        # name -> [(target, rank)]: a row's few keys are looked up once, not every name tried.
        self._by_name: dict[str, list[tuple[str, int]]] = {}
        for target, names in self.names.items():
            for rank, name in enumerate(names):
                self._by_name.setdefault(name, []).append((target, rank))
        self._dotted = [(t, n) for t, names in self.names.items() for n in names[:1] if "." in n]

    def resolve(self, lowered: Mapping[str, Any]) -> dict[str, Any]:
        """The value of each target found in a row (keys lowercased): the best-ranked non-empty one."""
        best: dict[str, tuple[int, Any]] = {}
        for key, value in lowered.items():
            if value in (None, "", []):
                continue
            for target, rank in self._by_name.get(key, ()):
                if target not in best or rank < best[target][0]:
                    best[target] = (rank, value)
        for target, name in self._dotted:
            value = _dotted(lowered, name)
            if value not in (None, "", []):
                best[target] = (0, value)
        return {t: v for t, (_, v) in best.items()}

    def has_text(self, columns: list[str]) -> bool:
        lowered = {c.lower() for c in columns if c}
        return any(n in lowered for n in self.names["text"] + self.names["html"])

    def text_names(self) -> str:
        return ", ".join(self.names["text"][:6])


DEFAULT = FieldMap()


def _dotted(lowered: Mapping[str, Any], name: str) -> Any:
    """A nested field named by a path (`meta.published`)."""
    value: Any = lowered
    for part in name.split("."):
        if not isinstance(value, Mapping):
            return None
        value = {str(k).lower(): v for k, v in value.items()}.get(part)
    return value


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("id")
    if isinstance(value, list):
        value = "\n\n".join(str(v) for v in value if v is not None)
    text = str(value).strip()
    return text or None


def as_authors(value: Any) -> list[str]:
    """Bylines as a list of names: from a list (of names or {"name": ...}) or one string."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name") or item.get("full_name") or item.get("title")
        if item is None:
            continue
        for part in _AUTHOR_SPLIT.split(_BY.sub("", str(item)).strip()):
            for name in _comma_names(part):
                name = _BY.sub("", name).strip(" .")
                if name and name.lower() not in ("none", "null") and name not in names:
                    names.append(name)
    return names


def _comma_names(part: str) -> list[str]:
    """`Jane Doe, John Roe` is two names; `Doe, Jane` (name inverted) and `Jane Doe, Reuters`
    (a credit) are not split, since a one-word piece is rarely a whole name."""
    pieces = [p.strip() for p in part.split(",")]
    if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
        return pieces
    return [part]


def as_language(value: Any) -> str | None:
    """An ISO 639-1 code from `en`, `en-US`, `EN_gb`, `eng` or `English`; None when unknown."""
    text = _as_text(value)
    if not text:
        return None
    m = _ISO_LANG.match(text)
    if m:
        return m.group(1).lower()
    try:
        import pycountry

        lang = pycountry.languages.lookup(text)
    except LookupError:
        return None
    return getattr(lang, "alpha_2", None)


def has_text_field(columns: list[str], fields: FieldMap = DEFAULT) -> bool:
    return fields.has_text(columns)


def record_from_row(row: Mapping[str, Any], source: Source, fields: FieldMap = DEFAULT) -> RawRecord:
    """A RawRecord from a mapping; a row without any text field carries a Rejected."""
    found = fields.resolve({str(k).lower(): v for k, v in row.items() if k is not None})
    text, html, date = found.get("text"), found.get("html"), found.get("date")
    rec = RawRecord(
        source=source,
        text=_as_text(text),
        html=_as_text(html) if text is None else None,
        date=str(date) if date is not None else None,
        title=_as_text(found.get("title")),
        url=_as_text(found.get("url")),
        outlet=_as_text(found.get("outlet")),
        authors=as_authors(found.get("authors")),
        section=_as_text(found.get("section")),
        language=as_language(found.get("language")),
        image=_as_text(found.get("image")),
        description=_as_text(found.get("description")),
    )
    if rec.text is None and rec.html is None:
        names = sorted(str(k) for k in row if k is not None)
        rec.fields_seen = tuple(names[:40])
        rec.error = Rejected("no_text", f"no text field (fields seen: {', '.join(names[:12]) or 'none'})")
    return rec
