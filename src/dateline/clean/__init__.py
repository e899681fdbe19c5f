"""The clean stage: a RawRecord becomes an Article with clean text in paragraphs.

Order matters: unicode repair, paragraphs (unwrapping wire copy), glued paragraphs split,
notices and boilerplate set apart, repeated content removed, the dateline taken off the
head, then the publication date. Everything dropped is counted in `repairs` and kept in
`removed`, so nothing is silently lost.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from dateline.clean.boilerplate import furniture, is_boilerplate, is_signoff
from dateline.clean.bylines import HEAD_PIECES, byline_names
from dateline.clean.copies import glued_copies
from dateline.clean.dateline import dateline_day, find_dateline
from dateline.clean.dates import BadDate, normalise_date
from dateline.clean.duplicates import Piece, remove_duplicates, remove_repeated_blocks, sentence_key
from dateline.clean.failures import scraper_failure
from dateline.clean.html import extract_page
from dateline.clean.language import language_of
from dateline.clean.notices import as_notice, drop_marks
from dateline.clean.paragraphs import split_paragraphs
from dateline.clean.runtogether import split_run_together
from dateline.clean.sentences import split_sentences
from dateline.clean.unicode import fix_text, squeeze
from dateline.model import Article, Dateline, Notice, RawRecord, Rejected, Removed, Span
from dateline.settings import Settings

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})
_WS = re.compile(r"\s+")
# How many pieces ahead of the lead may be teaser copies when the dateline is looked for.
MAX_TEASERS = 6


def normalised(text: str) -> str:
    """The form two copies of one text share: NFKC, casefolded, plain quotes, one space."""
    if text.isascii():
        return " ".join(text.casefold().split())
    return _WS.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()).strip()


def article_id(text: str) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()[:16]


def _bump(repairs: dict[str, int], key: str, n: int = 1) -> None:
    if n:
        repairs[key] = repairs.get(key, 0) + n


def _drop_glued_copies(
    paragraphs: list[str], repairs: dict[str, int], removed: list[Removed]
) -> list[str]:
    copies = set(glued_copies(paragraphs))
    if not copies:
        return paragraphs
    removed.extend(Removed(paragraphs[i], "duplicate") for i in sorted(copies))
    _bump(repairs, "glued_copies", len(copies))
    return [p for i, p in enumerate(paragraphs) if i not in copies]


def _split_glued(paragraphs: list[str], repairs: dict[str, int]) -> list[Piece]:
    pieces: list[Piece] = []
    for p in paragraphs:
        parts = split_run_together(p)
        _bump(repairs, "run_together", len(parts) - 1)
        pieces.extend(Piece(part, repaired=len(parts) > 1) for part in parts)
    return pieces


def _set_apart(
    pieces: list[Piece], repairs: dict[str, int], removed: list[Removed]
) -> tuple[list[Piece], list[Notice]]:
    """Take notices, boilerplate and trailing sign-offs out of the body."""
    while pieces and is_signoff(pieces[-1].text):
        removed.append(Removed(pieces.pop().text, "signoff"))
        _bump(repairs, "signoffs")
    body: list[Piece] = []
    notices: list[Notice] = []
    seen: set[str] = set()
    for piece in pieces:
        notice = as_notice(piece.text)
        if notice is not None:
            key = sentence_key(notice.text)
            if key in seen:
                removed.append(Removed(piece.text, "duplicate"))
                _bump(repairs, "duplicate_notices")
            else:
                seen.add(key)
                notices.append(notice)
            continue
        if is_boilerplate(piece.text):
            removed.append(Removed(piece.text, "boilerplate"))
            _bump(repairs, "boilerplate")
            continue
        kind = furniture(piece.text)
        if kind is not None:
            removed.append(Removed(piece.text, kind))
            _bump(repairs, kind)
            continue
        body.append(piece)
    return body, notices


def _take_bylines(
    pieces: list[Piece], authors: list[str], repairs: dict[str, int], removed: list[Removed]
) -> list[Piece]:
    """Byline lines above the story or at its end leave the body; their names join `authors`.
    Repeated until none is left where one may stand, so that cleaning twice finds no more."""
    while len(pieces) >= 2:  # a byline alone is all the record has: it stays, judged as text
        at = next(
            (i for i in [*range(min(HEAD_PIECES, len(pieces))), len(pieces) - 1]
             if byline_names(pieces[i].text) is not None),
            None,
        )
        if at is None:
            break
        text = pieces.pop(at).text
        removed.append(Removed(text, "byline"))
        _bump(repairs, "byline")
        known = {a.casefold() for a in authors}
        authors.extend(n for n in byline_names(text) or [] if n.casefold() not in known)
    return pieces


def _take_dateline(
    pieces: list[Piece], repairs: dict[str, int], removed: list[Removed]
) -> tuple[list[Piece], Dateline | None]:
    """The dateline off the lead, where the lead may stand behind teaser pieces: pieces whose
    every sentence is found again after the dateline (a copy of the body put first)."""
    for k, piece in enumerate(pieces[:MAX_TEASERS + 1]):
        found = find_dateline(piece.text)
        if not found:
            continue
        if k and not _teasers(pieces[:k], pieces[k:]):
            return pieces, None
        dateline, body_start = found
        for teaser in pieces[:k]:
            removed.append(Removed(teaser.text, "duplicate"))
        _bump(repairs, "teasers", k)
        rest = piece.text[body_start:].strip()
        lead = [Piece(rest, piece.repaired)] if rest else []
        return lead + pieces[k + 1 :], dateline
    return pieces, None


def _teasers(before: list[Piece], after: list[Piece]) -> bool:
    """Every sentence of `before` is found word for word after (a teaser may cut one short)."""
    later = " " + " ".join(sentence_key(p.text) for p in after) + " "
    return all(
        f" {sentence_key(s)} " in later for p in before for s in split_sentences(p.text) or [p.text]
    )


def _strip_signoff_lines(text: str, repairs: dict[str, int], removed: list[Removed]) -> str:
    """Wire sign-offs on their own last line (` Reuter`), before unwrapping can join them."""
    lines = text.rstrip().split("\n")
    while len(lines) > 1 and is_signoff(lines[-1].strip()):
        removed.append(Removed(lines.pop().strip(), "signoff"))
        _bump(repairs, "signoffs")
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
    return "\n".join(lines)


def clean_record(raw: RawRecord, settings: Settings | None = None) -> Article:
    """Raise Rejected when the record cannot become an article."""
    settings = settings or Settings()
    if raw.error is not None:
        raise raw.error
    title, date, url, outlet = raw.title, raw.date, raw.url, raw.outlet
    meta = _metadata(raw)
    text = raw.text
    repairs: dict[str, int] = {}
    removed: list[Removed] = []
    warnings: list[str] = []
    if text is None and raw.html is not None:
        # Readers cap what they read, but a field of a JSON array or a Parquet row is not a line.
        if len(raw.html) > settings.max_record_bytes:
            raise Rejected("too_large", f"page over {settings.max_record_bytes:,} characters (max_record_bytes)")
        page = extract_page(raw.html, url, settings.html_favor_recall)
        text = page.text
        title, date = title or page.title, date or page.date
        url, outlet = url or page.url, outlet or page.outlet
        for key in ("authors", "description", "image", "language", "section"):
            meta[key] = meta[key] or getattr(page, key)
        for r in page.removed:
            removed.append(r)
            _bump(repairs, r.reason)
    if not text or not text.strip():
        raise Rejected("empty", "the record has no text")
    if len(text) > settings.max_record_bytes:
        raise Rejected("too_large", f"text over {settings.max_record_bytes:,} characters (max_record_bytes)")

    text = fix_text(text, repairs)
    text = _strip_signoff_lines(text, repairs, removed)
    paragraphs, unwrapped = split_paragraphs(text)
    _bump(repairs, "unwrapped", int(unwrapped))
    if unwrapped and "mojibake" in repairs:
        # Joining wrapped lines can form new mojibake (`Â` + line end + `0` becomes `Â 0`, a
        # broken no-break space) that a second cleaning would repair: repair it now, so that
        # cleaning stays idempotent. Only text that already had encoding damage pays for it.
        paragraphs = [squeeze(fix_text(p, repairs).replace("\n", " ")) for p in paragraphs]
        paragraphs = [p for p in paragraphs if p]
    paragraphs = _drop_glued_copies(paragraphs, repairs, removed)
    # Judged on the record as scraped, before its prompts are set apart: a banner is mostly
    # prompts, and what is left of it after cleaning would be rejected for the wrong reason.
    failure = scraper_failure(paragraphs, title)
    if failure is not None:
        raise Rejected("not_an_article", failure)
    pieces = _split_glued(paragraphs, repairs)
    pieces, notices = _set_apart(pieces, repairs, removed)
    title = squeeze(fix_text(title, {})) if title else None
    if title and len(pieces) > 1 and sentence_key(pieces[0].text) == sentence_key(title):
        removed.append(Removed(pieces.pop(0).text, "title_repeated"))
        _bump(repairs, "title_repeated")
    pieces = _take_bylines(pieces, meta["authors"], repairs, removed)
    # The dateline before duplicates: a lead without its dateline matches its copies, and a
    # teaser copy ahead of the lead is known by the dateline that follows it.
    pieces, dateline = _take_dateline(pieces, repairs, removed)
    # A page's paragraphs come from its markup, not from a dump that glues copies together:
    # only whole repeated blocks are a scraper's doing there.
    from_page = raw.text is None and raw.html is not None
    kept, dups, stats = (remove_repeated_blocks if from_page else remove_duplicates)(pieces)
    removed.extend(Removed(d, "duplicate") for d in dups)
    for key, n in stats.items():
        _bump(repairs, key, n)
    kept, marks = drop_marks(kept, [n.refers_to for n in notices if n.refers_to])
    _bump(repairs, "footnote_marks", marks)

    body = "\n\n".join(kept)
    if not body.strip():
        raise Rejected("no_text", "nothing of the record is article text")
    if len(body) < settings.min_text_chars:
        raise Rejected("too_short", f"{len(body)} characters of text (min_text_chars is {settings.min_text_chars})")

    published = None
    try:
        published = normalise_date(date)
        if date and published is None:
            warnings.append(f"unrecognised date {date!r}")
    except BadDate as exc:
        warnings.append(str(exc))

    if dateline is not None:
        dateline.day = dateline_day(dateline.date, published)
    spans: list[Span] = []
    pos = 0
    for p in kept:
        spans.append(Span(pos, pos + len(p)))
        pos += len(p) + 2
    meta["language"] = language_of(meta["language"], title, body)  # type: ignore[arg-type]
    return Article(
        id=article_id(body), source=raw.source, text=body, paragraphs=spans, published=published,
        title=title or None, url=url, outlet=outlet, dateline=dateline, notices=notices,
        repairs=repairs, removed=removed, warnings=warnings, **meta,
    )


def _metadata(raw: RawRecord) -> dict[str, object]:
    """The record's own metadata, carried to the article as given (bylines, section, language)."""
    return {"authors": list(raw.authors), "section": raw.section, "language": raw.language,
            "image": raw.image, "description": raw.description, "tags": list(raw.tags)}
