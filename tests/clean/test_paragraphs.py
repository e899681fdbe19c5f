from dateline.clean.paragraphs import split_paragraphs

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
