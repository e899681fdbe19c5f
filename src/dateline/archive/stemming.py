"""The stemmed full-text index: each article's words by their Snowball stem in its own language,
so that `Лаврова` finds `Лавров`, `Gesetze` finds `Gesetz` and `elections` finds `election`.

Why a second FTS5 table and not a custom tokenizer: Python's sqlite3 cannot register an FTS5
tokenizer (that takes the C API, or an extension to load), and the tokenizer would not know the
article's language anyway. So `articles_stem` is an FTS5 table of the stemmed words, filled by a
trigger through a SQL function, `dateline_stem(text, language)`, that the archive registers on
the connection that writes (`register`). It is contentless (no copy of the stems: 880 bytes of
a Reuters article's 1,470 in this index). FTS5 of SQLite 3.40 deletes a contentless row only when
given the indexed values again, which only our function makes; so that deleting an article in
any other tool (the sqlite3 shell, Datasette) still works, the delete trigger is plain SQL and
leaves the deleted article's words in `stem_gone` for dateline's next write to take out of the
index (`CONTENTLESS_STEM_MIGRATION` below). Inserting or rewriting an article's text still needs
dateline (`no such function: dateline_stem` elsewhere): the archive is read by any tool, written
by ours. The query is stemmed the same way in Python (`stem_match`), once per
language of the archive, the forms joined with OR. `articles_fts` (Porter, English only) stays
as it is, for exact search and for snippets.
"""

from __future__ import annotations

import re
import sqlite3

from dateline.lexicon.stems import stemmer

__all__ = ["CONTENTLESS_STEM_MIGRATION", "STEM_MIGRATION", "archive_languages", "forget_gone", "register", "stem_match",
           "stem_text", "stem_words"]

# Word characters as FTS5's unicode61 tokenizer sees them (letters and digits; `_` separates).
_WORD = re.compile(r"[^\W_]+")
# An article of no stated or detected language is read as English, as the extract stage reads it.
DEFAULT_LANGUAGE = "en"
# The article's language from its own column (the JSON is stored compressed: SQL cannot read it);
# this migration comes after the one that adds the column.
_LANG = "{row}.language"


def stem_words(words: list[str], lang: str | None) -> list[str]:
    """Each word's stem in `lang` (lower case); words of a language Snowball lacks, lower-cased.

    A stem is stemmed again until it stays the same (at most three rounds): a word whose base form
    already looks inflected lands on one stem with its forms. Russian surnames are the case in
    point: Snowball takes `Лавров` to `лавр` (as if `-ов` were a plural ending) but `Лаврова` to
    `лавров`; a second round takes that to `лавр` as well."""
    stem = stemmer(lang or DEFAULT_LANGUAGE)
    if stem is None:
        return [w.lower() for w in words]
    out = []
    for word in words:
        s = stem(word)
        for _ in range(3):
            again = stem(s)
            if again == s:
                break
            s = again
        out.append(s)
    return out


def stem_text(text: str | None, lang: str | None) -> str:
    """The text as the space-separated stems of its words: what `articles_stem` indexes."""
    if not text:
        return ""
    return " ".join(stem_words(_WORD.findall(text), lang))


def register(conn: sqlite3.Connection) -> None:
    """Make `dateline_stem` known to this connection (the triggers and the migration call it)."""
    conn.create_function("dateline_stem", 2, stem_text, deterministic=True)


def _stemmed(row: str) -> str:
    lang = _LANG.format(row=row)
    return f"dateline_stem({row}.title, {lang}), dateline_stem({row}.text, {lang})"


# Appended to MIGRATIONS: the table, the languages it holds, its triggers, and the index built
# for the articles already stored.
STEM_MIGRATION: list[str] = [
    # run again (an archive set back a version), it builds afresh; dropped, not emptied, as a later
    # migration makes the table contentless, which a plain DELETE cannot empty
    "DROP TABLE IF EXISTS articles_stem",
    """CREATE VIRTUAL TABLE IF NOT EXISTS articles_stem USING fts5(
        title, text, tokenize='unicode61 remove_diacritics 2')""",
    "CREATE TABLE IF NOT EXISTS stem_languages (language TEXT PRIMARY KEY) WITHOUT ROWID",
    f"""CREATE TRIGGER IF NOT EXISTS articles_stem_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_stem(rowid, title, text) VALUES (new.rowid, {_stemmed('new')});
        INSERT OR IGNORE INTO stem_languages(language) VALUES (coalesce({_LANG.format(row='new')}, ''));
    END""",
    """CREATE TRIGGER IF NOT EXISTS articles_stem_ad AFTER DELETE ON articles BEGIN
        DELETE FROM articles_stem WHERE rowid = old.rowid;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS articles_stem_au AFTER UPDATE OF title, text ON articles BEGIN
        DELETE FROM articles_stem WHERE rowid = old.rowid;
        INSERT INTO articles_stem(rowid, title, text) VALUES (new.rowid, {_stemmed('new')});
    END""",
    f"INSERT INTO articles_stem(rowid, title, text) SELECT a.rowid, {_stemmed('a')} FROM articles a",
    f"INSERT OR IGNORE INTO stem_languages(language) SELECT DISTINCT coalesce({_LANG.format(row='a')}, '') "
    "FROM articles a",
]

# The stemmed index without its copy of the stems (issue 20: 880 of its 1,470 bytes a Reuters
# article). A contentless FTS5 table of SQLite 3.40 (`contentless_delete` needs 3.43) forgets a row
# only when given the stems it indexed, which only dateline can make; so that a plain `DELETE FROM
# articles` still works in any tool, the delete trigger is plain SQL: it keeps the deleted
# article's title, text and language in `stem_gone`, and the next write by dateline (the insert
# trigger, and every opening for writing, `forget_gone`) takes their stems out of the index.
# Until then searches skip the rows listed there (`archive.search`), so no read sees a deleted
# article, and a new article cannot take a deleted one's rowid before its stems are gone (the
# insert trigger takes them out first).
_FORGET = """INSERT INTO articles_stem(articles_stem, rowid, title, text)
        SELECT 'delete', g.article_rowid, dateline_stem(g.title, g.language), dateline_stem(g.text, g.language)
        FROM stem_gone g ORDER BY g.n;
    DELETE FROM stem_gone;"""
CONTENTLESS_STEM_MIGRATION: list[str] = [
    "DROP TRIGGER IF EXISTS articles_stem_ai",
    "DROP TRIGGER IF EXISTS articles_stem_ad",
    "DROP TRIGGER IF EXISTS articles_stem_au",
    "DROP TABLE IF EXISTS articles_stem",
    """CREATE VIRTUAL TABLE articles_stem USING fts5(
        title, text, content='', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TABLE IF NOT EXISTS stem_gone (
        n INTEGER PRIMARY KEY, article_rowid INTEGER NOT NULL, title TEXT, text TEXT, language TEXT)""",
    f"""CREATE TRIGGER articles_stem_ai AFTER INSERT ON articles BEGIN
        {_FORGET}
        INSERT INTO articles_stem(rowid, title, text) VALUES (new.rowid, {_stemmed('new')});
        INSERT OR IGNORE INTO stem_languages(language) VALUES (coalesce({_LANG.format(row='new')}, ''));
    END""",
    """CREATE TRIGGER articles_stem_ad AFTER DELETE ON articles BEGIN
        INSERT INTO stem_gone(article_rowid, title, text, language)
        VALUES (old.rowid, old.title, old.text, old.language);
    END""",
    f"""CREATE TRIGGER articles_stem_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO stem_gone(article_rowid, title, text, language)
        VALUES (old.rowid, old.title, old.text, old.language);
        {_FORGET}
        INSERT INTO articles_stem(rowid, title, text) VALUES (new.rowid, {_stemmed('new')});
    END""",
    "DELETE FROM stem_gone",  # the index is built afresh below, from the articles there are
    f"INSERT INTO articles_stem(rowid, title, text) SELECT a.rowid, {_stemmed('a')} FROM articles a",
]


def forget_gone(conn: sqlite3.Connection) -> None:
    """The stems of articles deleted by another tool taken out of the index (see above); a
    writer's connection, with `register` called, inside its transaction."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stem_gone'").fetchone() and \
            conn.execute("SELECT 1 FROM stem_gone LIMIT 1").fetchone():
        for stmt in _FORGET.split(";"):
            if stmt.strip():
                conn.execute(stmt)


# One piece of an FTS5 MATCH expression as `archive.query.build_match` writes it: a phrase (with
# `""` inside, and perhaps a prefix ` *` after it), a bareword, or one character of syntax.
_PIECE = re.compile(r'"(?:[^"]|"")*"(?:\s*\*)?|[^\s"(),:^+]+|\S')
_SYNTAX = frozenset({"AND", "OR", "NOT", "NEAR"})


def _stem_piece(piece: str, following: str, lang: str | None) -> str:
    if piece.startswith('"'):
        if piece.endswith("*"):
            return piece  # a prefix asks for the letters as typed
        words = _WORD.findall(piece[1:-1].replace('""', '"'))
        return '"' + " ".join(stem_words(words, lang)) + '"' if words else piece
    if piece in _SYNTAX or piece.endswith("*") or following == ":" or not _WORD.fullmatch(piece):
        return piece
    if piece.isdigit():
        return piece
    return '"' + " ".join(stem_words([piece], lang)) + '"'


def stem_match(match: str, lang: str | None) -> str:
    """A MATCH expression (from `build_match`) with every searched word replaced by its stem in
    `lang`; operators, columns, prefixes and NEAR distances as they are."""
    pieces = _PIECE.findall(match)
    out = [_stem_piece(p, pieces[k + 1] if k + 1 < len(pieces) else "", lang) for k, p in enumerate(pieces)]
    return " ".join(out)


def archive_languages(conn: sqlite3.Connection) -> list[str | None]:
    """The languages of the archive's articles (None for those of no known language)."""
    return [r[0] or None for r in conn.execute("SELECT language FROM stem_languages ORDER BY language")]
