from __future__ import annotations

from dateline.clean.boilerplate import is_boilerplate, is_signoff
from dateline.clean.notices import as_notice, drop_marks


def test_footnote_refers_to_its_term() -> None:
    n = as_notice("*Daesh (ISIS/ISIL/Islamic State) is a terrorist organisation banned in Russia.")
    assert n is not None and n.refers_to == "Daesh" and n.text.startswith("Daesh (ISIS")
    n2 = as_notice("*Group X is banned in Freedonia.")
    assert n2 is not None and n2.refers_to == "Group X"


def test_disclaimer_is_a_notice_without_term() -> None:
    n = as_notice("The views expressed in this article are those of the author.")
    assert n is not None and n.refers_to is None


def test_story_paragraph_is_not_a_notice() -> None:
    assert as_notice("The ministry said talks would resume on Monday.") is None


def test_marks_dropped_only_after_footnoted_terms() -> None:
    out, n = drop_marks(["Daesh* fighters and 5*3 remain."], ["Daesh"])
    assert out == ["Daesh fighters and 5*3 remain."] and n == 1


def test_boilerplate_and_signoffs() -> None:
    for line in ["Share this article", "Subscribe to our newsletter today", "Follow us on Twitter",
                 "\u00a9 2024 Example Media. All rights reserved.", "Read more: other news", "Advertisement"]:
        assert is_boilerplate(line), line
    assert not is_boilerplate("Shares of the company fell 5 percent on Monday.")
    for line in ["Reuter", "REUTER", "(Reporting by Jane Doe; Editing by John Roe)", "-- AP"]:
        assert is_signoff(line), line
    assert not is_signoff("Reuters reported the figures on Monday.")
