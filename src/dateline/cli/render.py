"""Human-readable terminal output (Rich): articles, search hits, ingest progress and summary.

Kept apart from the API so that stages never import a progress or display library.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from dateline.archive.kinds import KINDS
from dateline.archive.kinds.base import fmt_value as format_value
from dateline.archive.kinds.base import shorten
from dateline.archive.kinds.entities import origin as entity_origin
from dateline.model import (
    ArchiveStats,
    Article,
    ClusterRecord,
    EntityDetail,
    EntityRecord,
    Hit,
    StoryDetail,
    StoryRecord,
)

if TYPE_CHECKING:
    from dateline.api import IngestResult
    from dateline.archive.store import Counts

# Highlight kind -> style in `show`; a kind without a style here is shown underlined.
STYLES = {"entity": "bold cyan", "quote": "italic green", "amount": "bold yellow", "time": "magenta"}


def highlighted(article: Article) -> Text:
    """The article text with its facts highlighted as the registry's kinds declare them (quotes
    first, so that what they hold shows inside them)."""
    text = Text(article.text)
    marks = [h for kind in KINDS.values() for h in kind.highlight(article)]
    for h in sorted(marks, key=lambda h: h.kind != "quote"):
        text.stylize(STYLES.get(h.kind, "underline"), h.start, h.end)
    return text


def print_article(console: Console, a: Article, sources: list[dict[str, Any]] | None = None,
                  copies: list[dict[str, Any]] | None = None) -> None:
    console.rule(escape(a.title or "(untitled)"))
    meta = Table.grid(padding=(0, 2))
    meta.add_row("id", a.id)
    meta.add_row("published", a.published or "-")
    if a.authors:
        meta.add_row("by", escape(", ".join(a.authors)))
    extra = " · ".join(x for x in (a.section, a.language) if x)
    if extra:
        meta.add_row("section", escape(extra))
    if a.dateline:
        meta.add_row("dateline", escape(" · ".join(x for x in (a.dateline.place, a.dateline.agency) if x)))
    meta.add_row("source", escape(f"{a.source.path}#{a.source.record} ({a.source.format})"))
    if a.outlet or a.url:
        meta.add_row("outlet", escape(" ".join(x for x in (a.outlet, a.url) if x)))
    if a.cluster and a.cluster.size > 1:
        meta.add_row("cluster", f"{a.cluster.id} ({a.cluster.kind}, {a.cluster.size} copies)")
    if a.repairs:
        meta.add_row("repairs", ", ".join(f"{k} {v}" for k, v in sorted(a.repairs.items())))
    for w in a.warnings:
        meta.add_row("warning", escape(w))
    console.print(meta)
    console.print()
    console.print(highlighted(a))
    for n in a.notices:
        console.print(Text(f"\nnotice ({n.refers_to or 'general'}): {n.text}", style="dim"))
    _print_facts(console, a)
    if sources and len(sources) > 1:
        console.print("\n[bold]exact copies (sources)[/bold]")
        print_lines(console, [escape(f"  {s['path']}#{s['record']} {s.get('outlet') or ''}") for s in sources])
    if copies:
        console.print("\n[bold]near copies (same story)[/bold]")
        print_lines(console, [escape(f"  {c['published'] or '----------'}  {c['id']}  "
                                     f"{c['title'] or shorten(c['lead'], 80)}") for c in copies])


def _print_facts(console: Console, a: Article) -> None:
    for kind in KINDS.values():
        found = getattr(a, kind.attr)
        if found:
            lines = [f"\n[bold]{kind.name}[/bold]"]
            for fact in found:
                where = entity_origin(a, fact) if kind.name == "entities" else None
                lines.append("  " + escape(kind.describe(fact)) + (f" ({where})" if where else ""))
            print_lines(console, lines)


def print_lines(console: Console, lines: list[str]) -> None:
    """Lines of markup printed as one: each `print` costs Rich a fixed overhead (measuring the
    terminal, parsing, wrapping) that was most of a listing's CPU; the lines wrap one by one
    either way, so the output is the same."""
    if lines:
        console.print("\n".join(lines))


def print_hits(console: Console, hits: list[Hit]) -> None:
    if not hits:
        console.print("no matches")
        return
    lines = []
    for h in hits:
        more = "matches in its story" if h.story else "copies"
        copies = f"  [dim]+{h.copies - 1} {more}[/dim]" if h.copies > 1 else ""
        title = escape(h.title or "(untitled)")
        lines.append(f"[bold]{title}[/bold]  [dim]{h.published or '-'}  {h.id}[/dim]{copies}")
        if h.story:
            label = escape(h.story.label or "(no label)")
            lines.append(f"  [cyan]story {h.story.id}[/cyan]: {label} [dim]({h.story.size} articles)[/dim]")
        lines.append("  " + escape(h.snippet.replace("\n", " ")))
    print_lines(console, lines)


def language_counts(languages: dict[str, int]) -> str:
    """`en 920, ru 4, (unknown) 12`: the most frequent first, the unknown ones last."""
    from dateline.api.ingest import UNKNOWN_LANGUAGE

    known = sorted(((k, v) for k, v in languages.items() if k != UNKNOWN_LANGUAGE), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{k} {v:,}" for k, v in known]
    if languages.get(UNKNOWN_LANGUAGE):
        parts.append(f"(unknown) {languages[UNKNOWN_LANGUAGE]:,}")
    return ", ".join(parts)


def print_summary(console: Console, result: IngestResult) -> None:
    c = result.counts
    table = Table(title="ingest" + (" (interrupted)" if result.interrupted else ""), show_header=False)
    table.add_row("read", str(c.read))
    table.add_row("stored", str(c.stored))
    if result.languages:
        table.add_row("stored by language", language_counts(result.languages))
    dups = f"{c.duplicates + c.already} ({c.duplicates} exact copies, {c.already} already in the archive)"
    table.add_row("duplicates", dups)
    table.add_row("rejected", str(c.rejected))
    for reason, n in sorted(c.reasons.items(), key=lambda kv: -kv[1])[:8]:
        table.add_row(f"  {reason}", str(n))
    if result.seconds:
        rate = c.read / result.seconds
        # a slow run (extraction on a loaded machine) reads under one record a second: say so, not 0
        table.add_row("seconds", f"{result.seconds:.1f} ({rate:,.0f} records/s)" if rate >= 10
                      else f"{result.seconds:.1f} ({rate:.2g} records/s)")
    if result.stages:
        table.add_row("stage seconds", ", ".join(f"{k} {v:.1f}" for k, v in result.stages.items()))
    console.print(table)


class IngestProgress:
    """A Rich progress line (records, records/s) that stays quiet when stderr is not a terminal."""

    def __init__(self, console: Console) -> None:
        # imported here: only ingest shows progress, and the read commands start faster without it
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.enabled = console.is_terminal and sys.stderr.isatty()
        self.start = time.monotonic()
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True,
            disable=not self.enabled,
        )
        self.task = self.progress.add_task("ingest", total=None, rate="")

    def __enter__(self) -> IngestProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def update(self, counts: Counts, bottleneck: str = "") -> None:
        rate = counts.read / max(time.monotonic() - self.start, 1e-6)
        slowest = f", slowest stage: {bottleneck}" if bottleneck else ""
        self.progress.update(
            self.task, completed=counts.read,
            description=f"{counts.read} read, {counts.stored} stored, {counts.rejected} rejected",
            rate=f"{rate:,.0f} records/s{slowest}",
        )


def print_entity(console: Console, detail: EntityDetail) -> None:
    ent = detail.entity
    console.rule(escape(f"{ent.name} ({ent.type})"))
    meta = Table.grid(padding=(0, 2))
    meta.add_row("id", escape(ent.id))
    if ent.country:
        meta.add_row("country", ent.country)
    if ent.aliases:
        meta.add_row("aliases", escape(", ".join(ent.aliases)))
    if ent.roles:
        meta.add_row("roles", escape(", ".join(ent.roles)))
    meta.add_row("articles", str(ent.articles))
    meta.add_row("mentions", str(ent.mentions))
    console.print(meta)
    if detail.per_month:
        console.print("\n[bold]mentions per month[/bold] (articles)")
        peak = max(detail.per_month.values())
        print_lines(console, [f"  {month}  {'#' * max(1, round(30 * n / peak))} {n}"
                              for month, n in detail.per_month.items()])
    if detail.cooccurring:
        console.print("\n[bold]named with[/bold]")
        console.print("  " + escape(", ".join(f"{c['name']} ({c['together']})" for c in detail.cooccurring)))
    if detail.quotes:
        console.print("\n[bold]quotes[/bold]")
        print_lines(console, [escape(f"  [{q.kind}] {shorten(q.text, 200)}") for q in detail.quotes[:10]])
    console.print("\n[bold]articles[/bold]")
    print_lines(console, [escape(f"  {a.published or '----------'}  {a.id}  {a.title or shorten(a.lead, 80)}")
                          for a in detail.latest])


def print_entities(console: Console, rows: list[EntityRecord]) -> None:
    table = Table("entity", "type", "country", "articles", "mentions", "aliases", "id")
    for r in rows:
        table.add_row(escape(r.name), r.type, r.country or "", str(r.articles), str(r.mentions),
                      escape(", ".join(r.aliases[:6])), escape(r.id))
    console.print(table)


def print_quotes(console: Console, rows: list[Any]) -> None:
    if not rows:
        console.print("no quotes")
    lines = []
    for r in rows:
        lines.append(f"[bold]{escape(r.speaker or '?')}[/bold] [dim]({r.kind}, {r.published or '-'}, "
                     f"{r.article_id})[/dim]")
        lines.append("  " + escape(shorten(r.text, 300)))
    print_lines(console, lines)


def print_amounts(console: Console, rows: list[Any]) -> None:
    table = Table("text", "value", "unit", "qualifier", "counted", "published", "article")
    for r in rows:
        value = format_value(r.value) if r.value is not None else ""
        table.add_row(escape(r.text), value, r.unit or "", r.qualifier or "", escape(r.counted or ""),
                      r.published or "", r.article_id)
    console.print(table)


def print_clusters(console: Console, rows: list[ClusterRecord]) -> None:
    if not rows:
        console.print("no clusters of that size")
        return
    table = Table("size", "kind", "representative", "first", "last", "outlets", "cluster")
    for r in rows:
        rep = r.representative
        table.add_row(str(r.size), r.kind, escape(shorten(rep.get("title") or rep.get("first_words") or "", 60)),
                      r.first_published or "", r.last_published or "",
                      escape(shorten(", ".join(x for x in r.outlets if x), 40)), r.id)
    console.print(table)


def print_stories(console: Console, rows: list[StoryRecord]) -> None:
    if not rows:
        console.print("no stories of that size (an archive from before stories: dateline stories --rebuild)")
        return
    table = Table("size", "story", "first", "last", "outlets", "id")
    for r in rows:
        table.add_row(str(r.size), escape(shorten(r.label or "", 60)), r.first or "", r.last or "",
                      escape(shorten(", ".join(r.outlets), 40)), str(r.id))
    console.print(table)


def print_story(console: Console, s: StoryDetail) -> None:
    span = f"{s.first} to {s.last}" if s.first and s.first != s.last else (s.first or "undated")
    console.print(f"[bold]{escape(s.label or f'story {s.id}')}[/bold]  ({s.size} articles, {span})")
    if s.outlets:
        console.print("outlets: " + escape(", ".join(s.outlets)))
    console.print("\n[bold]timeline[/bold]")
    for a in s.articles:
        title = a.title or shorten(a.lead, 80)
        console.print(f"  {a.published or '(undated)':10}  {escape(a.outlet or ''):20.20}  {escape(title)}  "
                      f"[dim]{a.id[:12]}[/dim]")
    if s.quotes:
        console.print("\n[bold]who said what[/bold]")
        for speaker, quotes in s.quotes.items():
            console.print(f"  [bold]{escape(speaker)}[/bold] ({len(quotes)})")
            for q in quotes[:3]:
                console.print(f"    \u201c{escape(shorten(q['text'], 160))}\u201d")


def print_records(console: Console, rows: list[Any]) -> None:
    """Any records as a table, one column a field (long values cut)."""
    if not rows:
        console.print("nothing found")
        return
    names = list(rows[0].to_dict())
    table = Table(*names)
    for r in rows:
        d = r.to_dict()
        table.add_row(*(escape(_cell(d[n])) for n in names))
    console.print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value[:6])
    text = str(value)
    return shorten(text, 80)


def print_stats(console: Console, s: ArchiveStats) -> None:
    table = Table(title=f"archive {escape(s.path)}", show_header=False)
    for key in ("articles", "sources", "rejects", "undated"):
        table.add_row(key, f"{getattr(s, key):,}")
    # An undated archive has no range: say so rather than print `None`.
    if s.published_from:
        span = s.published_from if s.published_from == s.published_to else f"{s.published_from} to {s.published_to}"
        table.add_row("published", span)
    else:
        table.add_row("published", "no dated articles")
    free = f", {s.free_bytes / 1e6:,.1f} MB of it free" if s.free_bytes else ""
    table.add_row("size", f"{s.size_bytes / 1e6:,.1f} MB ({s.bytes_per_article / 1e3:,.1f} KB per article{free})")
    for kind, n in s.facts.items():
        table.add_row(kind, f"{n:,}")
    table.add_row("clusters", f"{s.clusters:,} (near copies, 2 articles or more)")
    table.add_row("stories", f"{s.stories:,}")
    table.add_row("languages", escape(_counts(s.languages)))
    table.add_row("formats", escape(_counts(s.formats)))
    table.add_row("reject reasons", escape(_counts(s.reject_reasons)))
    console.print(table)


def print_events(console: Console, rows: list[Any]) -> None:
    """Events as a table: who did what to whom, where and when (flags beside the type)."""
    if not rows:
        console.print("no events")
        return
    table = Table("type", "actor", "recipient", "place", "date", "published", "article")

    def side(p: Any) -> str:
        return "" if p is None else p.text + (f" ({p.country})" if p.country else "")

    for r in rows:
        kind = r.type + (f" · {r.mode}" if r.mode else "") + (f" [{', '.join(r.flags)}]" if r.flags else "")
        table.add_row(escape(kind), escape(shorten(side(r.actor), 40)), escape(shorten(side(r.recipient), 40)),
                      escape(r.place.text if r.place else ""), r.date or "", r.published or "", r.article_id[:12])
    console.print(table)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k}: {v:,}" for k, v in counts.items()) or "-"
