"""Storing an article's facts (through the fact registry, `archive.kinds`), and linking its
entities to the corpus-wide entity table.

Entities are linked across articles by name: the canonical name and every alias that is not
just a part of the name (an acronym, another name) is a key of `entity_names`, scoped by type.
So `ISIS`, defined as an alias of `Daesh` in one article, links `ISIS` everywhere to Daesh; a
bare surname (`Godfrey`) is not registered, since another Godfrey is another person, and a
person named only by a surname stays an entity of its article alone.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata

from dateline.archive.namekey import name_key
from dateline.companies import company_short_form
from dateline.model import Article, Entity
from dateline.persons import parse_name
from dateline.romanise import has_cyrillic, romanise, romanised_forms

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(etype: str, name: str) -> str:
    """A readable id for a new entity. A Cyrillic name is romanised (`person:sergey-lavrov`)
    and, like any name not in Latin letters, gets a short hash of its key: without it every
    Russian name was `person:x`, one entity, and a romanised Russian name would take an English
    entity's id, a link no rule made (cross-language links go through `_romanised_keys`)."""
    latin = romanise(name)
    folded = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode().lower()
    base = f"{etype.lower()}:{_SLUG.sub('-', folded).strip('-') or 'x'}"
    if _latin_letters(name):
        return base
    return f"{base}~{hashlib.sha1(name_key(etype, name).encode()).hexdigest()[:6]}"


def _latin_letters(name: str) -> bool:
    """Every letter of `name` is a Latin one, accented or not (`Société Générale`)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def _romanised_keys(e: Entity, names: list[str]) -> list[str]:
    """The keys a Russian person's full names link to in English articles: each name as each
    romanisation standard writes it (`Сергей Лавров` -> `Sergey Lavrov`, `Sergei Lavrov`; see
    `dateline.romanise`). Only people named in full: a bare surname links nothing in any
    language, and organisations and places have English names that no romanisation gives
    (`Москва` is Moscow, not Moskva), so a romanised one would only make false links."""
    if e.type != "PERSON":
        return []
    return [name_key(e.type, form) for n in names if has_cyrillic(n) for form in romanised_forms(n)]


def _full_person_name(name: str) -> bool:
    parsed = parse_name(name)
    return parsed is not None and bool(parsed.firsts)


def _linking_names(e: Entity) -> list[str]:
    """The name and the aliases that link across articles. A part of the name does not (a
    surname names many people), except a company's name said without its corporate words
    (`Apple` for `Apple Computer`), which is how the company is named elsewhere. A person
    links only by full names: the name and its full forms (`Donald Trump` beside `Donald J.
    Trump`) or another full name the article gave the person; a bare surname, with or
    without an honorific (`Mrs. Obama`), links nothing."""
    if e.type == "PERSON":
        return [n for n in dict.fromkeys([e.name, *e.aliases]) if _full_person_name(n)]
    words = set(e.name.casefold().split())
    extra = [a for a in e.aliases if not set(a.casefold().split()) <= words
             or e.type == "ORG" and company_short_form(a, e.name)]
    return [e.name, *extra]


def _rival_expansions(etype: str, ours: str, theirs: str) -> bool:
    """Two full names of the same length that differ in a word name two organisations that
    share an acronym (`National Drought Management Authority` and `National Disaster
    Management Authority`, both NDMA); a shorter or longer form (`U.S. Air Force` beside
    `United States Air Force`) may be an abbreviation and is not held apart."""
    a, b = name_key(etype, ours).split("|", 1)[1].split(), name_key(etype, theirs).split("|", 1)[1].split()
    return len(a) > 1 and len(a) == len(b) and a != b


def _resolve(conn: sqlite3.Connection, e: Entity, moved: dict[str, str], article_id: str) -> str:
    """The corpus-wide id of entity `e`, made or found; entities folded into it on the way
    are noted in `moved` (old id -> new)."""
    names = _linking_names(e)
    if not names:
        return _local(conn, e, article_id)
    keys = [name_key(e.type, n) for n in names]
    # the name itself in another script is the name, not an alias (see `_romanised_keys`)
    own = {keys[0], *_romanised_keys(e, names[:1])}
    keys += [k for k in _romanised_keys(e, names) if k not in keys]
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT n.key, n.entity_id, x.name FROM entity_names n JOIN entities x ON x.id = n.entity_id "
        f"WHERE n.key IN ({marks}) ORDER BY x.articles DESC, x.id", keys,
    ).fetchall()
    # A match on the name itself wins; a match only through an alias (an acronym) is taken
    # unless the two full names are rival expansions of it.
    by_name = [r for r in rows if r[0] in own]
    by_alias = [r for r in rows if r[0] not in own and not _rival_expansions(e.type, e.name, r[2])]
    best = (by_name or by_alias or [None])[0]
    if best is not None:
        gid = best[1]
    else:
        gid = slug(e.type, e.name)
        conn.execute(
            "INSERT OR IGNORE INTO entities(id, name, type, country) VALUES (?,?,?,?)",
            (gid, e.name, e.type, e.country),
        )
    conn.executemany("INSERT OR IGNORE INTO entity_names(key, entity_id) VALUES (?,?)", [(k, gid) for k in keys])
    # An acronym met alone in an earlier article (`GM`) made an entity of its own; this
    # article says what it stands for, so that entity joins this one: the archive then does
    # not depend on which article came first.
    for key, other, name in rows:
        if other != gid and key != keys[0] and name_key(e.type, name) == key:
            _absorb(conn, gid, other)
            moved[other] = gid
    return gid


def _local(conn: sqlite3.Connection, e: Entity, article_id: str) -> str:
    """An entity of this article alone: a person named only by a surname (`Baker`) may be
    any Baker, so it links to no other article's entity, and no other article to it."""
    gid = f"{slug(e.type, e.name)}@{article_id[:12]}"
    conn.execute("INSERT OR IGNORE INTO entities(id, name, type, country) VALUES (?,?,?,?)",
                 (gid, e.name, e.type, e.country))
    return gid


def _absorb(conn: sqlite3.Connection, keep: str, gone: str) -> None:
    """Fold entity `gone` into `keep`: its names, mentions, articles, quotes and events."""
    row = conn.execute("SELECT name, aliases, roles FROM entities WHERE id=?", (gone,)).fetchone()
    if row is None:
        return
    conn.execute("UPDATE entity_names SET entity_id=? WHERE entity_id=?", (keep, gone))
    # mentions are found through the entity's articles: each (article, entity) of a mention has
    # its `article_entities` row (moved below), and `mentions` keeps no index by entity
    conn.execute("UPDATE mentions SET entity_id=? WHERE article_id IN "
                 "(SELECT article_id FROM article_entities WHERE entity_id=?) AND entity_id=?", (keep, gone, gone))
    conn.execute("UPDATE quotes SET entity_id=? WHERE entity_id=?", (keep, gone))
    conn.execute("UPDATE events SET actor_entity=? WHERE actor_entity=?", (keep, gone))
    conn.execute("UPDATE events SET recipient_entity=? WHERE recipient_entity=?", (keep, gone))
    conn.execute(
        "INSERT INTO article_entities(article_id, entity_id, mentions) "
        "SELECT article_id, ?, mentions FROM article_entities WHERE entity_id=? "
        "ON CONFLICT(article_id, entity_id) DO UPDATE SET mentions = mentions + excluded.mentions",
        (keep, gone),
    )
    conn.execute("DELETE FROM article_entities WHERE entity_id=?", (gone,))
    kept = conn.execute("SELECT name, aliases, roles FROM entities WHERE id=?", (keep,)).fetchone()
    aliases = json.loads(kept[1])
    aliases += [a for a in [row[0], *json.loads(row[1])] if a != kept[0] and a not in aliases]
    roles = json.loads(kept[2])
    roles += [r for r in json.loads(row[2]) if r not in roles]
    conn.execute(
        "UPDATE entities SET aliases=?, roles=?, "
        "articles=(SELECT COUNT(*) FROM article_entities WHERE entity_id=?), "
        "mentions=(SELECT COALESCE(SUM(mentions), 0) FROM article_entities WHERE entity_id=?) "
        "WHERE id=?",
        (json.dumps(aliases[:50], ensure_ascii=False), json.dumps(roles[:50], ensure_ascii=False),
         keep, keep, keep),
    )
    conn.execute("DELETE FROM entities WHERE id=?", (gone,))


def _merge_entity(conn: sqlite3.Connection, gid: str, e: Entity) -> None:
    row = conn.execute("SELECT name, aliases, roles, country FROM entities WHERE id=?", (gid,)).fetchone()
    aliases = json.loads(row[1])
    for a in [e.name, *e.aliases]:
        if a != row[0] and a not in aliases:
            aliases.append(a)
    roles = json.loads(row[2])
    roles += [r for r in e.roles if r not in roles]
    conn.execute(
        "UPDATE entities SET aliases=?, roles=?, country=COALESCE(country, ?), articles=articles+1, "
        "mentions=mentions+? WHERE id=?",
        (json.dumps(aliases[:50], ensure_ascii=False), json.dumps(roles[:50], ensure_ascii=False),
         e.country, len(e.mentions), gid),
    )


def store_facts(conn: sqlite3.Connection, a: Article) -> None:
    """Insert the facts of a new article, kind by kind as the registry lists them; its entity ids
    become the corpus-wide ids (the entities kind writes first and maps them for the others)."""
    from dateline.archive.kinds import KINDS

    entity_ids: dict[str, str] = {}
    for kind in KINDS.values():
        kind.write(conn, a, entity_ids)
