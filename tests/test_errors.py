"""One error convention: kinds with exit codes, messages put in the caller's words."""

from __future__ import annotations

from dateline.errors import (
    ArchiveError,
    ArchiveVersionError,
    ConfigError,
    DatelineError,
    NotFound,
    QueryError,
    UsageError,
    user_message,
)


def test_each_kind_has_an_exit_code_and_an_http_status() -> None:
    assert [k.exit_code for k in (ConfigError, UsageError, QueryError, NotFound, ArchiveError)] == [2, 2, 2, 1, 1]
    assert (NotFound.http_status, QueryError.http_status, ArchiveVersionError.http_status) == (404, 400, 503)
    assert all(issubclass(k, DatelineError) for k in (ConfigError, QueryError, ArchiveVersionError))
    assert issubclass(QueryError, ValueError)  # callers that caught ValueError still do


def test_user_message_is_one_line_in_the_callers_words() -> None:
    exc = QueryError("`date_from` must be a date like 2021-09-09\n(got 'soon')")
    assert user_message(exc, {"date_from": "--from"}) == "--from must be a date like 2021-09-09 (got 'soon')"
    assert user_message(exc) == "`date_from` must be a date like 2021-09-09 (got 'soon')"
