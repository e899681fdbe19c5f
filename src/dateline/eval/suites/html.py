"""The `html` suite: news pages to body text and publication date, beside other extractors.

Bodies are scored with the article-extraction benchmark's own method (`eval/bodyscore.py`),
for dateline, for trafilatura as installed (its default settings, and the settings dateline
calls it with, so that what dateline's cleaning adds shows apart from trafilatura's choices),
and for the outputs the benchmark stores for its peers. Pages split by a hash of their name
into a half rules were developed on and a half held out; each half is reported.

Dates: the benchmark has none, so a page's gold date is the one its URL states in full
(`/2019/11/18/`, `/2019/nov/18/`), else the one its own publication metadata states
(`article:published_time`, JSON-LD `datePublished`, ...), read on the day the page wrote it
(its own time zone, not UTC); pages with neither are not scored for dates. htmldate, the
date finder trafilatura uses, is scored beside dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import islice
from pathlib import Path
from typing import Any

from dateline.clean import clean_record
from dateline.eval.bodyscore import Match, match, summary
from dateline.eval.load.extraction import Page, iter_pages, peer_outputs
from dateline.eval.result import Row, SuiteResult, fmt, meets
from dateline.model import RawRecord, Rejected, Source
from dateline.settings import Settings

TARGET_MARGIN = 0.01  # dateline's body F1 at least trafilatura's plus this
TARGET_DATES = 0.98
PAGE_DROP = 0.10  # a page this far below trafilatura is listed
HALVES = ("dev", "held_out")

_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# Metadata names that say "published", as outlets write them (Open Graph, schema.org, Dublin
# Core, Parse.ly, Sailthru); names for "modified" are left out on purpose.
_META_NAMES = {
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.created", "dc.date", "date", "article.published",
    "originalpublicationdate", "article_date_original", "cxenseparse:recs:publishtime",
}
_ISO_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def url_day(url: str | None) -> str | None:
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    month = int(m[2]) if m[2].isdigit() else _MONTHS[m[2].lower()]
    return f"{m[1]}-{month:02d}-{int(m[3]):02d}"


def metadata_day(html: str) -> str | None:
    """The day the page's own publication metadata states, as written (no time zone shift)."""
    import lxml.html

    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 -- a page lxml cannot read has no metadata date
        return None
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _META_NAMES and (m := _ISO_DAY.match((meta.get("content") or "").strip())):
            return m.group(0)
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        m = re.search(r'"datePublished"\s*:\s*"((?:19|20)\d\d-\d\d-\d\d)', script.text or "")
        if m:
            return m[1]
    return None


def gold_day(page: Page) -> str | None:
    return url_day(page.url) or metadata_day(page.html)


def _dateline(page: Page, settings: Settings) -> tuple[str, str | None]:
    raw = RawRecord(Source(page.key, 0, "html"), html=page.html, url=page.url)
    try:
        article = clean_record(raw, settings)
    except Rejected:
        return "", None
    # The dateline (`ST. JOSEPH, Mich. (AP) —`) is the page's text, kept in its own field.
    lead = article.dateline.text + " " if article.dateline else ""
    return lead + article.text, article.published


def _trafilatura_default(page: Page) -> tuple[str, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return "", None
    return doc.text or "", doc.date


def _trafilatura_ours(settings: Settings) -> Callable[[Page], tuple[str, str | None]]:
    from dateline.clean.html import trafilatura_text

    return lambda page: (trafilatura_text(page.html, page.url, settings.html_favor_recall), None)


def _htmldate(page: Page) -> str | None:
    from htmldate import find_date

    try:
        return find_date(page.html, url=page.url, original_date=True)
    except Exception:  # noqa: BLE001 -- htmldate's parser raises on broken markup
        return None


class _System:
    """One system's per-page matches and dates, split by half."""

    def __init__(self) -> None:
        self.matches: dict[str, Match] = {}
        self.halves: dict[str, str] = {}
        self.dates_right = 0
        self.dates_scored = 0
        self.has_dates = False

    def add(self, page: Page, text: str, date: str | None, gold: str | None) -> None:
        self.matches[page.key] = match(page.body, text)
        self.halves[page.key] = page.half
        if gold is not None and self.has_dates:
            self.dates_scored += 1
            self.dates_right += int((date or "")[:10] == gold)

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = _rounded(summary(list(self.matches.values())))
        out["dates_right"] = round(self.dates_right / self.dates_scored, 4) if self.dates_scored else None
        if self.dates_scored:
            out["dates_right_of"] = f"{self.dates_right}/{self.dates_scored}"
        for half in HALVES:
            ms = [m for k, m in self.matches.items() if self.halves[k] == half]
            out[half] = _rounded(summary(ms)) | {"pages": len(ms)}
        out["pages"] = len(self.matches)
        return out


def _rounded(d: dict[str, float | None]) -> dict[str, float | None]:
    return {k: None if v is None else round(v, 4) for k, v in d.items()}


def _limited(folder: Path, limit: int | None) -> Iterable[Page]:
    return islice(iter_pages(folder), limit)


def run(path: Path, limit: int | None = None, settings: Settings | None = None) -> SuiteResult:
    settings = settings or Settings()
    folder = path / "article-extraction-benchmark" if (path / "article-extraction-benchmark").is_dir() else path
    peers = peer_outputs(folder)
    live: dict[str, Callable[[Page], tuple[str, str | None]]] = {
        "dateline": lambda p: _dateline(p, settings),
        "trafilatura": _trafilatura_default,
        "trafilatura_dateline_settings": _trafilatura_ours(settings),
    }
    systems = {name: _System() for name in [*live, "htmldate", *(f"{n}_stored" for n in peers)]}
    for name in ("dateline", "trafilatura", "htmldate"):
        systems[name].has_dates = True
    for page in _limited(folder, limit):
        gold = gold_day(page)
        for name, fn in live.items():
            text, date = fn(page)
            systems[name].add(page, text, date, gold)
        systems["htmldate"].add(page, "", _htmldate(page), gold)
        for name, bodies in peers.items():
            systems[f"{name}_stored"].add(page, bodies.get(page.key, ""), None, gold)
    figures = {name: s.figures() for name, s in systems.items()}
    figures["htmldate"] = {k: v for k, v in figures["htmldate"].items() if k.startswith("dates_")}
    ours, theirs = systems["dateline"], systems["trafilatura"]
    below = sorted(
        (round(ours.matches[k].f1 - theirs.matches[k].f1, 3), k[:12]) for k in ours.matches
        if ours.matches[k].f1 < theirs.matches[k].f1 - PAGE_DROP
    )
    figures["dateline"]["pages_below_trafilatura"] = [f"{k} {d:+.3f}" for d, k in below]
    return _result(figures, systems, below)


def _result(figures: dict[str, Any], systems: dict[str, _System], below: list[tuple[float, str]]
            ) -> SuiteResult:
    d, t = figures["dateline"], figures["trafilatura"]
    target = None if t["f1"] is None else t["f1"] + TARGET_MARGIN
    rows = [Row("pages", str(d["pages"]), str(t["pages"]))]
    for half in (None, *HALVES):
        dd, tt = (d, t) if half is None else (d[half], t[half])
        label = "all" if half is None else half.replace("_", "-")
        for key in ("f1", "precision", "recall"):
            goal = ""
            if key == "f1" and tt["f1"] is not None:
                goal = meets(dd["f1"], round(tt["f1"] + TARGET_MARGIN, 3))
            rows.append(Row(f"body {key} ({label})", fmt(dd[key]), fmt(tt[key]), goal))
    rows.append(Row(f"pages more than {PAGE_DROP} F1 below trafilatura", str(len(below)), "", "0"))
    dates = systems["dateline"]
    rows.append(Row(
        f"dates right to the day (of {dates.dates_scored} dated)", fmt(d["dates_right"]),
        fmt(figures["htmldate"]["dates_right"]) + " (htmldate)",
        meets(d["dates_right"], TARGET_DATES),
    ))
    for name, f in figures.items():
        if name not in ("dateline", "trafilatura", "htmldate"):
            rows.append(Row(f"  {name}: body f1 / precision / recall", "",
                            f"{fmt(f['f1'])} / {fmt(f['precision'])} / {fmt(f['recall'])}"))
    notes = [f"target: body F1 >= trafilatura + {TARGET_MARGIN} ({fmt(target)})"]
    if below:
        notes.append("pages below trafilatura: " + ", ".join(f"{k} {x:+.3f}" for x, k in below))
    # `--json` prints one member per system, as the issue asks: the figures themselves.
    return SuiteResult("html", rows, figures, notes, baseline_name="trafilatura", flat=True)
