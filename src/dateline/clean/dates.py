"""Publication dates, whatever form the input gives them in, as ISO `YYYY-MM-DD`.

The common shapes are parsed by hand (ISO, Reuters' `26-FEB-1987 15:01:01.79`, RFC 2822,
epoch seconds) because dateparser costs about a millisecond a call; it is the fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_ISO = re.compile(r"^\s*(\d{1,6})-(\d{1,2})-(\d{1,2})(?:$|[T\s])")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_DMY_MON = re.compile(r"^\s*(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s,]+(\d{4})\b")
_EPOCH = re.compile(r"^\s*(\d{9,13})(?:\.\d+)?\s*$")
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
MIN_YEAR, MAX_YEAR = 1000, 2999


class BadDate(ValueError):
    """A date that is written like one but cannot exist (`2021-02-30`)."""


def _make(y: int, m: int, d: int, raw: str) -> str:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise BadDate(f"year out of range in date {raw!r}")
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError as exc:
        raise BadDate(f"impossible date {raw!r} ({exc})") from exc


def normalise_date(raw: str | None) -> str | None:
    """ISO date or None when nothing date-like is there; raises BadDate for impossible dates."""
    if raw is None:
        return None
    raw = str(raw).strip()
    if not raw:
        return None
    if m := _ISO.match(raw):
        return _make(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _ISO_COMPACT.match(raw):
        return _make(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _DMY_MON.match(raw):
        month = _MONTHS.get(m[2][:3].lower())
        if month:
            return _make(int(m[3]), month, int(m[1]), raw)
    if m := _EPOCH.match(raw):
        seconds = int(m[1])
        if seconds > 10**11:
            seconds //= 1000  # milliseconds
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date().isoformat()
    try:
        parsed = parsedate_to_datetime(raw)
        return _make(parsed.year, parsed.month, parsed.day, raw)
    except (TypeError, ValueError, IndexError):
        pass
    return _fallback(raw)


def _fallback(raw: str) -> str | None:
    import dateparser

    if len(raw) > 80:
        return None
    parsed = dateparser.parse(raw, settings={"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    return _make(parsed.year, parsed.month, parsed.day, raw)


# A full date in a URL's path (`/2019/11/18/`, `/2019/nov/18/`, `/2019-11-18/`) is the day the
# outlet filed the story under: its CMS writes it once and never moves it, so it beats a date
# found in the page, which may be a date the story cites.
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.IGNORECASE,
)


def url_date(url: str | None) -> str | None:
    """The ISO date a URL's path states in full, or None (a year or a month alone is not one)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    m = _URL_DATE.search(path)
    if not m:
        return None
    month = int(m[2]) if m[2].isdigit() else _MONTHS[m[2][:3].lower()]
    try:
        return _make(int(m[1]), month, int(m[3]), url)
    except BadDate:
        return None
