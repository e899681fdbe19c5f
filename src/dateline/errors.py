"""One error convention: every mistake a user can cause is a `DatelineError` kind with an exit code.

The command line prints `error: <message>` on one line and exits with the kind's code; the web
answers with the kind's HTTP status; a notebook sees the exception. Messages name what is wrong
and how to fix it in words that hold for every caller (no command-line flags: the library does
not know whether a flag or a keyword argument set the value).
"""

from __future__ import annotations


class DatelineError(Exception):
    """Base of the errors a user can cause. `exit_code` 1: nothing to do / not found, 2: usage."""

    exit_code: int = 1
    http_status: int = 400


class ConfigError(DatelineError, ValueError):
    """A settings file or a setting is wrong (unknown name, wrong type, missing file)."""

    exit_code = 2


class UsageError(DatelineError, ValueError):
    """An argument is wrong (an unknown export format, a fact kind that does not exist)."""

    exit_code = 2


class QueryError(UsageError):
    """A search or a filter cannot be run as given (malformed query, bad date, unknown entity)."""


class NotFound(DatelineError, LookupError):
    """What was asked for is not in the archive (an article id, an entity name)."""

    http_status = 404


class AmbiguousId(NotFound):
    """An id prefix that several articles share; `candidates` holds a few of their ids."""

    http_status = 400

    def __init__(self, prefix: str, candidates: list[str], more: bool = False) -> None:
        self.prefix = prefix
        self.candidates = candidates
        count = f"more than {len(candidates)}" if more else str(len(candidates))
        super().__init__(f"the id prefix {prefix!r} is ambiguous: {count} articles start with it "
                         f"({', '.join(candidates)}{', ...' if more else ''}); give more characters")


# How many of the articles an ambiguous prefix matches are named (enough to pick one by eye).
AMBIGUOUS_SHOWN = 5


class ArchiveError(DatelineError):
    """The archive file cannot be used: missing, busy, not an archive, written by a newer dateline."""

    http_status = 503


class ArchiveVersionError(ArchiveError):
    """The archive was written by a newer dateline (its schema version is above ours)."""


class MissingExtra(UsageError):
    """An optional dependency is not installed; the message says which extra to install."""


def user_message(exc: BaseException, flags: dict[str, str] | None = None) -> str:
    """The one line shown for `exc`; `flags` maps the library's argument names (`date_from`) to the
    caller's words (`--from`), so a message can speak the caller's language."""
    text = " ".join(str(exc).split())
    for name, word in (flags or {}).items():
        text = text.replace(f"`{name}`", word)
    return text
