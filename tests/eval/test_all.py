"""Rewriting docs/quality.md keeps what people wrote beside the figures."""

from __future__ import annotations

from dateline.eval.all import hand_written, merge_page, old_sections

OLD = """# Quality

Measured on 2026-01-01.

## stories

Documents: all; 12 s.

| measure | dateline | target |
|---|---|---|
| B-cubed F1 | 0.80 | >= 0.95 MISSED |

Note: baseline tuned on dev

### Hand check

Thirty stories read: 4 mix two events.

## events

Documents: all; 3 s.

| measure | dateline | target |
|---|---|---|
| type | 0.70 | >= 0.85 MISSED |

Note (events branch): the scorer changed, figures not comparable.
"""


def test_old_sections_split_on_suite_headings() -> None:
    parts = old_sections(OLD)
    assert set(parts) == {"stories", "events"}
    assert parts["stories"].startswith("## stories")
    assert "### Hand check" in parts["stories"]
    assert "## events" not in parts["stories"]


def test_hand_written_drops_generated_paragraphs_only() -> None:
    notes = hand_written(old_sections(OLD)["stories"])
    assert notes == "### Hand check\n\nThirty stories read: 4 mix two events."
    assert "0.80" not in notes and "Note: baseline" not in notes


def test_merge_page_keeps_notes_and_skipped_suites() -> None:
    new = {"stories": "## stories\n\nDocuments: all; 9 s.\n\n| measure | dateline |\n|---|---|\n| F1 | 0.91 |\n"}
    page = "\n".join(merge_page(new, OLD))
    assert "| F1 | 0.91 |" in page and "0.80" not in page
    assert page.index("| F1 | 0.91 |") < page.index("Thirty stories read")
    # events was not run this time: its old section stays whole, hand note included.
    assert "| type | 0.70 |" in page and "Note (events branch)" in page


def test_merge_page_without_an_old_page() -> None:
    new = {"events": "## events\n\nDocuments: all; 1 s.\n"}
    assert merge_page(new, "") == [new["events"]]
