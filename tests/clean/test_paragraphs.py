from __future__ import annotations

from dateline.clean.paragraphs import split_paragraphs
from dateline.clean.unicode import fix_text

WRAPPED = """    NAIROBI, March 3 - Kenya's central bank raised its main
lending rate by half a point on Tuesday, citing pressure on the
shilling and rising fuel costs.
    The bank said inflation would ease in the second half of the
year as harvests improve.
"""


def test_hard_wrapped_wire_copy_is_unwrapped_at_indents() -> None:
    paras, unwrapped = split_paragraphs(WRAPPED)
    assert unwrapped
    assert paras == [
        "NAIROBI, March 3 - Kenya's central bank raised its main lending rate by half a point on "
        "Tuesday, citing pressure on the shilling and rising fuel costs.",
        "The bank said inflation would ease in the second half of the year as harvests improve.",
    ]


def test_one_paragraph_per_line_is_kept() -> None:
    text = "First paragraph ends here.\nSecond one too.\n\nThird after a blank."
    assert split_paragraphs(text) == (["First paragraph ends here.", "Second one too.", "Third after a blank."], False)


def test_fix_text_repairs_mojibake_entities_and_invisibles() -> None:
    repairs: dict[str, int] = {}
    out = fix_text("The caf\u00c3\u00a9 &amp; bar\u200b re\u202eopened.", repairs)
    assert out == "The caf\u00e9 & bar reopened."
    assert repairs["mojibake"] == 1 and repairs["invisible_chars"] == 2
    entity_repairs: dict[str, int] = {}
    assert fix_text("AT&amp;T and &#8220;quotes&#8221;", entity_repairs) == "AT&T and \u201cquotes\u201d"
    assert entity_repairs == {"html_entities": 1}
    ascii_repairs: dict[str, int] = {}
    assert fix_text("NUL\x00 and bell\x07.", ascii_repairs) == "NUL  and bell ."
    assert ascii_repairs == {"control_chars": 2}


WIRE = (
    "The company said it plans to form a venture to manage\n"
    "money market borrowing for both of its units.\n"
    "    The venture will be called Acme Financial and will be\n"
    "operated under a joint management committee.\n"
    " Reuter\n"
)


def test_signoff_indented_by_one_space_stands_alone():
    paragraphs, unwrapped = split_paragraphs(WIRE)
    assert unwrapped
    assert paragraphs == [
        "The company said it plans to form a venture to manage money market borrowing for both"
        " of its units.",
        "The venture will be called Acme Financial and will be operated under a joint management"
        " committee.",
        "Reuter",
    ]


def test_a_word_reuters_inside_a_line_does_not_split():
    text = (
        "Shares rose after the report by\nReuters reporters was cited in the\n"
        "statement released on Monday.\n"
    )
    paragraphs, _ = split_paragraphs(text)
    assert paragraphs == [
        "Shares rose after the report by Reuters reporters was cited in the statement released"
        " on Monday."
    ]


def test_a_dash_at_a_line_end_keeps_its_space() -> None:
    paras, unwrapped = split_paragraphs(
        "    The senator said the plan -- drafted in the spring --\n"
        "would be put to a vote, though the well-\n"
        "known rule on quorum - still in force -\n"
        "could delay it by a week or more, aides said.\n"
        "    A second paragraph starts here and ends here.\n"
    )
    assert unwrapped
    assert paras[0] == (
        "The senator said the plan -- drafted in the spring -- would be put to a vote, though "
        "the well-known rule on quorum - still in force - could delay it by a week or more, "
        "aides said."
    )


def test_wrapped_copy_with_short_indented_paragraphs_is_unwrapped() -> None:
    # Most breaks come before an indent here; the few inside paragraphs decide.
    text = (
        "    Readers wrote in.\n"
        "    Give her a break. She was born in a poor\n"
        "country. She had to make ends meet.\n"
        "    We don't care. Everything he says is a lie unless\n"
        "proven otherwise.\n"
        "    Seriously, her story is the bottom of the pile.\n"
        "    Taxes? Foundation? Foreign deals?\n"
        "    Only some immigrants are safe in his eyes.\n"
    )
    paras, unwrapped = split_paragraphs(text)
    assert unwrapped
    assert paras[1] == "Give her a break. She was born in a poor country. She had to make ends meet."
    assert len(paras) == 6
