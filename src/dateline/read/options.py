"""What every reader is told: the limits it reads under and the field names to look for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.read.fields import DEFAULT, FieldMap

if TYPE_CHECKING:
    from dateline.settings import Settings


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """The reading part of `Settings` (see docs/limits.md for each limit)."""

    max_record_bytes: int = 5_000_000
    max_decompressed_bytes: int = 2_000_000_000
    max_json_depth: int = 100
    fields: FieldMap = field(default=DEFAULT)

    @classmethod
    def from_settings(cls, settings: Settings) -> ReadOptions:
        return cls(
            max_record_bytes=settings.max_record_bytes,
            max_decompressed_bytes=settings.max_decompressed_bytes,
            max_json_depth=settings.max_json_depth,
            fields=FieldMap(settings.fields) if settings.fields else DEFAULT,
        )
