"""The fact registry: each fact kind is one entry, and everything that handles facts iterates here.

The archive's writer stores an article's facts kind by kind (`store_facts`), the read API's
`facts(kind)` and the typed listings read them, exports write each kind's tables, the web and
the terminal highlight each kind's spans, `show` describes them, and the schema check makes sure
each kind's tables exist. Adding a kind: its module here (dataclass in model.py, write, read,
highlight, describe, exported tables), one line in `KINDS`, and one migration in `schema.py`.

Order matters for writing: entities come first, since they give the archive's entity ids that
the other kinds (a quote's speaker, an event's sides) refer to.
"""

from __future__ import annotations

from dateline.archive.kinds import amounts, entities, events, places, quotes, times
from dateline.archive.kinds.base import Filters, Kind, Table
from dateline.errors import UsageError

KINDS: dict[str, Kind] = {k.name: k for k in (entities.KIND, events.KIND, quotes.KIND, amounts.KIND,
                                                     times.KIND, places.KIND)}


def get(name: str) -> Kind:
    kind = KINDS.get(name)
    if kind is None:
        raise UsageError(f"unknown fact kind {name!r}; choose one of: {', '.join(KINDS)}")
    return kind


__all__ = ["KINDS", "Filters", "Kind", "Table", "get"]
