"""The read side of the API: `dateline.open(path)` and the archive object it returns.

The command line, the web app and notebooks read an archive through this object and nothing
else: it takes names where users have names (an entity by name or alias), checks arguments,
builds the same filters for every fact kind, and returns typed records (`dateline.model`) in
`Results`, which also convert to pandas and Arrow. SQL stays in `dateline.archive`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.archive import kinds
from dateline.archive.kinds.base import MAX_LIMIT, Filters
from dateline.archive.reader import Reader
from dateline.archive.store import Archive
from dateline.errors import QueryError, UsageError
from dateline.model import (
    Ambiguous,
    ArchiveStats,
    Article,
    ArticleRef,
    ClusterRecord,
    EntityDetail,
    EntityRecord,
    Hit,
    MentionRecord,
    Results,
    StoryDetail,
    StoryRecord,
)
from dateline.settings import Settings, load_settings

SORTS = ("rank", "date")
QUOTE_KINDS = ("direct", "indirect")


def open(path: str | None = None, settings: Settings | None = None, readonly: bool = True) -> NewsArchive:  # noqa: A001
    """Open an archive: `path`, else the settings' `db` (from $DATELINE_DB or `dateline.toml`).

    Read-only by default, as any number of readers may share an archive with one writer;
    `readonly=False` is needed only to rebuild the clusters.
    """
    settings = settings or load_settings()
    if path is not None:
        settings = settings.with_overrides(db=str(path))
    if readonly:
        store = Archive(settings.db, readonly=True, settings=settings, timeout=settings.busy_timeout_s)
    else:
        Archive(settings.db, readonly=True, settings=settings).close()  # no archive is created here
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "stored parameters differ": what a rebuild settles
            store = Archive(settings.db, settings=settings, timeout=settings.busy_timeout_s)
    return NewsArchive(Reader(store), settings)


class NewsArchive:
    """An open archive. Every listing takes the same filters, where the kind has them:

    `date_from`/`date_to` (2021, 2021-09 or 2021-09-09; the article's date), `entity` (a name,
    alias or id), `outlet`, `language`, `kind`, `unit`, `value_min`/`value_max`, `limit`/`offset`.
    """

    def __init__(self, reader: Reader, settings: Settings) -> None:
        self._reader = reader
        self.settings = settings

    @property
    def path(self) -> str:
        return self._reader.path

    @property
    def conn(self) -> Any:
        """The underlying SQLite connection, for SQL of your own (read-only where opened so)."""
        return self._reader.conn

    def close(self) -> None:
        self._reader.close()

    def __enter__(self) -> NewsArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ------------------------------------------------------------------------------
    def search(
        self, query: str, *, date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
        outlet: str | None = None, language: str | None = None, sort: str = "rank", literal: bool = False,
        all_copies: bool = False, exhaustive: bool = False, limit: int = 20, offset: int = 0,
        marks: tuple[str, str] = ("[", "]"), exact: bool = False, author: str | None = None,
        by_story: bool = False, place: str | None = None,
    ) -> Results:
        """Full-text search (FTS5 syntax unless `literal`), one hit per story cluster unless
        `all_copies`. A broad query is ranked among its `settings.search_window` newest matches
        (`.windowed` is then true) unless `exhaustive`. A word finds its other forms in the
        `language` given or in each of the archive's (`Лаврова` finds Лавров), and a word that names
        an entity of the archive its other names (`ISIS` finds Daesh), unless `exact`; `author` keeps
        articles with that byline (case and spacing ignored); `by_story` gives the best match of each
        story thread, with its `story` (id, label, size), `copies` then counting the thread's matches;
        `place` (a gazetteer id, `geonames:706483`) keeps articles naming that place or filed from it."""
        if sort not in SORTS:
            raise QueryError(f"sort must be one of: {', '.join(SORTS)}")
        hits = self._reader.search(
            query, date_from=date_from, date_to=date_to, limit=_limit(limit), offset=max(0, offset), sort=sort,
            literal=literal, one_per_cluster=not all_copies, outlet=outlet, entity=self._entity_id(entity),
            marks=marks, language=language_code(language), window=None if exhaustive else self.settings.search_window,
            time_limit=self.settings.search_time_limit_s * (15 if exhaustive else 1), exact=exact, author=author,
            by_story=by_story, place=place,
        )
        return Results(hits, Hit, windowed=hits.windowed)

    def facets(self, query: str, *, date_from: str | None = None, date_to: str | None = None,
               entity: str | None = None, outlet: str | None = None, language: str | None = None,
               literal: bool = False, top: int = 10, exact: bool = False, place: str | None = None) -> dict[str, Any]:
        """Counts of the matches by entity, outlet and month, among the newest matches (the window)."""
        return self._reader.facets(query, date_from=date_from, date_to=date_to, literal=literal, outlet=outlet,
                                   entity=self._entity_id(entity), language=language_code(language), top=top,
                                   scan=self.settings.search_window,
                                   time_limit=self.settings.search_time_limit_s, exact=exact, place=place)

    def article(self, ident: str) -> Article | None:
        """An article by id or unique id prefix, with its facts, cluster and extra sources; a
        prefix several articles share raises `AmbiguousId` (a `NotFound`) naming a few of them."""
        return self._reader.article(ident)

    def copies(self, ident: str) -> Results:
        """The other articles of the article's story cluster, earliest first."""
        return Results(self._reader.copies(ident), ArticleRef)

    def sources(self, ident: str) -> list[dict[str, Any]]:
        """The raw records the article was read from (exact copies included), as read."""
        return self._reader.raw_records(ident)

    def recent(self, limit: int = 10) -> Results:
        return Results(self._reader.recent(limit), ArticleRef)

    def languages(self) -> list[str]:
        """The ISO 639-1 codes of the archive's articles' languages, sorted (those of unknown
        language are not among them): what a language filter can choose from."""
        return self._reader.languages()

    def outlets(self, top: int = 50) -> list[dict[str, Any]]:
        return self._reader.outlets(top)

    def stats(self, languages: bool = True) -> ArchiveStats:
        """Figures about the archive; `languages` (articles per language) reads every article,
        so the front page, shown often, goes without it."""
        return self._reader.stats(languages)

    def overview(self) -> dict[str, Any]:
        """What the web's front page shows: the figures, top entities, outlets, recent articles."""
        figures = self.stats(languages=False).to_dict()
        figures["top_entities"] = self.entities(limit=15).to_dicts()
        figures["outlets"] = self.outlets(15)
        figures["recent"] = self.recent(10).to_dicts()
        figures["recent_rejects"] = self._reader.rejects(20)
        figures["clusters"] = self._reader.has_clusters()
        return figures

    # -- facts ---------------------------------------------------------------------------------
    def facts(self, kind: str, /, **filters: Any) -> Results:
        """One page of facts of any kind of the registry (`entities`, `events`, `quotes`, `amounts`, `times`,
        `places`)."""
        k = kinds.get(kind)
        return Results(self._reader.facts(kind, self._filters(k, filters)), k.record)

    def entities(self, kind: str | None = None, name: str | None = None, **filters: Any) -> Results:
        """The archive's entities, most covered first; `kind` is the type (PERSON, ORG, ...),
        `name` a part of the name."""
        if kind and kind.upper() not in kinds.entities.TYPES:
            raise QueryError(f"unknown entity type {kind!r}; choose one of: {', '.join(kinds.entities.TYPES)}")
        return self.facts("entities", kind=kind, name=name, **filters)

    def entity(self, name: str, limit: int = 20) -> EntityDetail | Ambiguous | None:
        """One entity by id, name or alias, with its coverage; a name several entities answer to
        (or a bare surname of several persons) gives the candidates, most covered first."""
        found = self._reader.entity_candidates(name)
        if not found:
            return None
        if len(found) > 1:
            return Ambiguous(name, found)
        return self._reader.entity_detail(found[0], _limit(limit))

    def quotes(self, speaker: str | None = None, contains: str | None = None, **filters: Any) -> Results:
        """Quotes, newest articles first; `speaker` a name or alias, `kind` direct or indirect,
        `contains` words of the quote."""
        if filters.get("kind") and filters["kind"] not in QUOTE_KINDS:
            raise QueryError(f"kind must be one of: {', '.join(QUOTE_KINDS)}")
        return self.facts("quotes", speaker=speaker, contains=contains, **filters)

    def amounts(self, unit: str | None = None, counted: str | None = None, **filters: Any) -> Results:
        """Amounts of money and counts; `unit` (USD, percent, ...), `counted` (people, ...), and
        `value_min`/`value_max`."""
        return self.facts("amounts", unit=unit, counted=counted, **filters)

    def times(self, **filters: Any) -> Results:
        """Times resolved against the publication date; `kind` is DATE, TIME, DURATION or SET."""
        return self.facts("times", **filters)

    def events(self, type: str | None = None, actor: str | None = None, recipient: str | None = None,  # noqa: A002
               country: str | None = None, **filters: Any) -> Results:
        """PLOVER-coded events, newest articles first: `type` a PLOVER type (ASSAULT) or quad
        (MCONF), `actor` and `recipient` a name on that side, `country` either side's country
        (ISO alpha-3, or a body such as UN), `sector` either side's sector (GOV, MIL, REB ...),
        `flags` the flags an event must all carry (`"negated,claimed"`, or `"none"` for plain
        events); `entity` an entity on either side. `date_from`/`date_to` are the article's
        publication dates, or the event's own date with `dates="event"`."""
        return self.facts("events", kind=type, actor=actor, recipient=recipient, country=country, **filters)

    def event_counts(self, type: str | None = None, actor: str | None = None,  # noqa: A002
                     recipient: str | None = None, country: str | None = None, by: str = "type",
                     **filters: Any) -> dict[str, dict[str, int]]:
        """The events `events(...)` would list (every page), counted per type (`by="type"`) or
        per country of either side (`by="country"`) and per day of the event:
        `{"ASSAULT": {"2024-03-04": 3, ...}, ...}`, for charts."""
        given = {"kind": type, "actor": actor, "recipient": recipient, "country": country, **filters}
        f = self._filters(kinds.get("events"), given)
        return self._reader.event_counts(f, by)

    def places(self, country: str | None = None, kind: str | None = None, **filters: Any) -> Results:
        """The places articles name or are filed from, most articles first, with their counts:
        `country` (ISO alpha-3) keeps the places in it (a city counts for its country), `kind`
        country, region or city; `entity` the places of the articles naming an entity, `story`
        those of a story thread's articles."""
        if kind and kind.lower() not in kinds.places.KINDS:
            raise QueryError(f"unknown place kind {kind!r}; choose one of: {', '.join(kinds.places.KINDS)}")
        return self.facts("places", country=country, kind=kind, **filters)

    def place_countries(self, country: str | None = None, kind: str | None = None,
                        **filters: Any) -> list[dict[str, Any]]:
        """What `places(...)` lists, per country: `{country, name, numeric, articles, mentions}`,
        most articles first (`numeric` is the ISO 3166-1 numeric code, which world maps key on)."""
        from dateline.extract.countries import display_name
        from dateline.places.gazetteer import numeric_code

        given = {"country": country, "kind": kind, **filters}
        f = self._filters(kinds.get("places"), given)
        return [{**r, "name": display_name(r["country"]), "numeric": numeric_code(r["country"])}
                for r in self._reader.place_countries(f)]

    def place(self, place_id: str, limit: int = 20) -> dict[str, Any] | None:
        """One place by its gazetteer id, with its counts and its newest articles; None if no
        article of the archive names it."""
        found = self._reader.place(place_id)
        if found is None:
            return None
        return {**found.to_dict(), "latest": [a.to_dict() for a in self._reader.place_articles(place_id,
                                                                                               _limit(limit))]}

    def mentions(self, **filters: Any) -> Results:
        """Entity mentions: spans of the articles' text, with the archive's entity id."""
        return Results(self._reader.mentions(self._filters(kinds.get("entities"), filters)), MentionRecord)

    def clusters(self, min_size: int = 2, limit: int = 50) -> Results:
        """Story clusters, largest first (sizes count exact copies too)."""
        if min_size < 1:
            raise UsageError("min_size must be at least 1")
        return Results(self._reader.clusters(min_size, _limit(limit, 10_000)), ClusterRecord)

    def stories(self, *, date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
                min_size: int = 1, limit: int = 50, offset: int = 0) -> Results:
        """Story threads (articles about one real-world event, any wording), largest first; the
        dates keep stories whose span meets the range, `entity` those with an article naming it."""
        if min_size < 1:
            raise UsageError("min_size must be at least 1")
        rows = self._reader.stories(date_from=date_from, date_to=date_to, entity=self._entity_id(entity),
                                    min_size=min_size, limit=_limit(limit, 10_000), offset=max(0, offset))
        return Results(rows, StoryRecord)

    def story(self, story_id: int | str) -> StoryDetail | None:
        """One story: its articles in date order, its outlets, its quotes grouped by speaker."""
        try:
            sid = int(story_id)
        except (TypeError, ValueError):
            raise UsageError(f"a story id is a number, not {story_id!r}") from None
        return self._reader.story(sid)

    def rebuild_stories(self) -> int:
        """Assign every article to story threads again (the archive opened with readonly=False)."""
        if not self._reader.writable:
            raise UsageError("rebuilding the stories needs the archive opened with readonly=False")
        return self._reader.rebuild_stories()

    def rebuild_clusters(self, threshold: float | None = None) -> int:
        """Recompute every near-duplicate cluster (the archive opened with readonly=False)."""
        if not self._reader.writable:
            raise UsageError("rebuilding the clusters needs the archive opened with readonly=False")
        return self._reader.rebuild_clusters(threshold)

    def export(self, folder: str, fmt: str = "parquet", *, query: str | None = None, date_from: str | None = None,
               date_to: str | None = None, language: str | None = None) -> dict[str, int]:
        """Typed tables (articles, sources, each fact kind's tables, clusters) as Parquet or CSV
        files in `folder`; returns the rows written per table. `language` (ISO 639-1) keeps the
        articles in that language and their facts."""
        from dateline.api.export import export_tables

        return export_tables(self._reader, folder, fmt, _scope(query, date_from, date_to, language))

    def write_articles(self, stream: Any, fmt: str = "jsonl", *, query: str | None = None,
                       date_from: str | None = None, date_to: str | None = None, language: str | None = None) -> int:
        """The articles to a text stream: JSON Lines of the article contract, or CSV rows."""
        from dateline.api.export import write_stream

        return write_stream(self._reader, fmt, stream, _scope(query, date_from, date_to, language))

    def iter_articles(self, *, query: str | None = None, date_from: str | None = None,
                      date_to: str | None = None, language: str | None = None) -> Iterator[Article]:
        """Every article (in storage order), or those matching a full-text query, dates and a language."""
        return self._reader.iter_articles(_scope(query, date_from, date_to, language))

    def resolve_entity(self, name: str) -> EntityRecord:
        """The one entity a name, alias or id stands for; an unknown or ambiguous name is a
        QueryError (a filter does not guess between two people)."""
        found = self._reader.entity_candidates(name)
        if not found:
            raise QueryError(f"no entity {name!r} in this archive")
        if len(found) > 1:
            ids = ", ".join(e.id for e in found[:5])
            raise QueryError(f"{name!r} names {len(found)} entities ({ids}); give one of their ids")
        return found[0]

    # -- helpers -------------------------------------------------------------------------------
    def _entity_id(self, name: str | None) -> str | None:
        return self.resolve_entity(name).id if name else None

    def _filters(self, kind: kinds.Kind, given: dict[str, Any]) -> Filters:
        values = {k: v for k, v in given.items() if v is not None and v != ""}
        wrong = sorted(set(values) - kind.filters)
        if wrong:
            raise UsageError(f"{kind.name} take no filter {_named(wrong)}; they take: {_named(kind.filters)}")
        if "entity" in values:
            values["entity"] = self._entity_id(values["entity"])
        if "language" in values:
            values["language"] = language_code(values["language"])
        if "story" in values:
            try:
                values["story"] = int(values["story"])
            except (TypeError, ValueError):
                raise UsageError(f"a story id is a number, not {values['story']!r}") from None
        if "limit" in values:
            values["limit"] = _limit(values["limit"])
        return Filters(**values)


def _scope(query: str | None, date_from: str | None, date_to: str | None, language: str | None) -> Filters:
    """The filters of an export: every matching article, no page."""
    return Filters(date_from=date_from, date_to=date_to, query=query, language=language_code(language),
                   limit=None)


def language_code(language: str | None) -> str | None:
    """A language filter as the archive stores languages (`EN`, `en-GB` -> `en`); a name or a
    malformed code is the user's mistake, said in one line, not a filter that silently matches nothing."""
    if language is None or not language.strip():
        return None
    # imported here: `dateline.clean` loads the whole clean stage (ftfy, trafilatura), which a
    # read command must not pay for at start
    from dateline.clean.language import normalise

    code = normalise(language)
    if code is None:
        raise QueryError(f"a language is an ISO 639-1 code such as en, de or ru, not {language!r}")
    return code


def _named(names: Iterable[str]) -> str:
    """Argument names quoted as the library's, so that a caller can put them in its own words."""
    return ", ".join(f"`{n}`" for n in sorted(names))


def _limit(limit: int, top: int = MAX_LIMIT) -> int:
    if not 1 <= int(limit) <= top:
        raise UsageError(f"limit must be between 1 and {top:,} (got {limit})")
    return int(limit)


__all__ = ["NewsArchive", "open"]
