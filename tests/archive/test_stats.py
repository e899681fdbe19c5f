"""The archive's figures: its size per article and the space deletes left free."""

from __future__ import annotations

from pathlib import Path

from dateline import api
from dateline.settings import Settings


def test_stats_give_the_bytes_per_article_and_the_free_space(tmp_path: Path, settings: Settings) -> None:
    src = tmp_path / "in.txt"
    src.write_text("".join(f"date 2024-02-0{i} Officials in town {i} said on Monday that the new bridge would "
                           "open to traffic in May, ahead of schedule and under budget.\n" for i in range(1, 4)))
    api.ingest([str(src)], settings)
    with api.open(settings.db) as arc:
        s = arc.stats()
    assert s.articles == 3 and s.bytes_per_article == s.size_bytes // 3 and s.free_bytes == 0
