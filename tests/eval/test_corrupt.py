from dateline.eval.corrupt import corrupt

PARAS = [
    "The Coalition met on Thursday to discuss the situation, officials said.",
    "Officials said the meeting was held online with Godfrey and others present.",
    "The partners have pledged more than $600 million \u2014 the \u201cgoal\u201d for 2021.",
    "A further meeting is planned for June, the statement added.",
]


def test_corruption_is_reproducible_and_keeps_the_gold():
    a, b = corrupt(PARAS, 7), corrupt(PARAS, 7)
    assert a.text == b.text and a.damage == b.damage
    assert a.paragraphs == PARAS


def test_corruption_varies_with_the_seed_and_covers_every_kind():
    kinds = set()
    texts = set()
    for seed in range(60):
        c = corrupt(PARAS, seed)
        kinds.update(c.damage.kinds)
        texts.add(c.text)
    assert kinds == {"notice", "dateline", "share", "wrapped", "repeated", "mojibake"}
    assert len(texts) > 50


def test_repeated_copy_is_glued_without_spaces():
    c = next(
        corrupt(PARAS, s)
        for s in range(100)
        if corrupt(PARAS, s).damage.repeated
        and not corrupt(PARAS, s).damage.mojibake
        and not corrupt(PARAS, s).damage.notice_term
    )
    first = c.text.split("\n")[0]
    assert "2021.A further meeting" in first
    assert not first.startswith("The Coalition")


def test_mojibake_is_utf8_read_as_cp1252():
    c = next(corrupt(PARAS, s) for s in range(200) if corrupt(PARAS, s).damage.mojibake)
    assert "\u00e2\u20ac" in c.text  # the mangled em dash and quotes


def test_clean_suite_leaves_out_stories_with_their_own_dateline():
    from dateline.eval.load.polnear import Story
    from dateline.eval.suites.clean import usable

    own = Story(
        "a", None, None, ["HEMPSTEAD, N.Y., Sept. 26 (UPI) \u2014 Stein was escorted off.", "More."]
    )
    plain = Story("b", None, None, ["Stein was escorted off the premises on Monday.", "More."])
    assert not usable(own) and usable(plain)
    assert not usable(Story("c", None, None, ["Only one paragraph."]))


def test_clean_suite_leaves_out_stories_whose_source_has_mojibake():
    from dateline.eval.load.polnear import Story
    from dateline.eval.suites.clean import usable

    bad = Story("m", None, None, ["He met his young protegÃ©s on Monday.", "More."])
    good = Story("g", None, None, ["He met his young prot\u00e9g\u00e9s in Ciudad Ju\u00e1rez.", "More."])
    assert not usable(bad) and usable(good)


def test_clean_suite_sees_mojibake_the_source_carries_decomposed():
    from dateline.eval.load.polnear import Story
    from dateline.eval.suites.clean import usable

    # `Ã` written as `A` + combining tilde: the raw characters hide the mojibake.
    hidden = Story("d", None, None, ["President Enrique PeA\u0303\u00b1a Nieto spoke.", "More."])
    assert not usable(hidden)
