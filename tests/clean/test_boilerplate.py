import pytest

from dateline.clean.boilerplate import furniture, is_signoff


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("FULL TEXT.", "marker"),
        ("ABSTRACT.", "marker"),
        ("[Video: Council meeting on the bridge Watch on YouTube.]", "embed"),
        ("Sign up for the Morning Briefing newsletter", "prompt"),
        ("Get the day's top stories delivered to your inbox every morning.", "prompt"),
        ("Thanks for signing up!", "prompt"),
        ("Like the page: facebook.com/thegazette", "prompt"),
        ("Like this story? Share it with a friend!", "prompt"),
        ("Follow Jane Smith on Twitter @janesmith.", "prompt"),
        ("Follow the Gazette's politics desk on Facebook and Instagram.", "prompt"),
        ("Image credit: City Council", "caption"),
        ("The old bridge seen from the east bank. (credit: City Council)", "caption"),
        ("If you buy something through this post, the Gazette may get a share of the sale.", "disclosure"),
        ("UPDATED: Tue., Nov. 19, 2019", "timestamp"),
        ("Published 18 November 2019", "timestamp"),
        ("Reach the reporters on Twitter at twitter.com/annlee", "prompt"),
        ("Email Ann Lee at alee@gazette.example or follow her on Twitter.", "prompt"),
        ("Follow the Gazette's full coverage of the election at gazette.example/vote", "prompt"),
        ("Also on gazette.example Council delays vote on the ring road", "related"),
        ("Most read in world news", "related"),
        ("Tags: bridge, council, lorries", "related"),
    ],
)
def test_page_furniture_is_known_by_kind(line: str, kind: str):
    assert furniture(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The mayor said the bridge would be published in the council's list of repairs.",
        "Lead levels in the water were tested on Monday.",
        "Followers of the band on Twitter said the concert was cancelled.",
        "The council published its report on Tuesday, 19 November, after a long delay.",
        "Most readers of the report will be disappointed, the mayor said.",
        "Reach a deal by Friday or the bridge stays shut, the minister told the council.",
        "She wrote a newsletter for farmers for twenty years before she ran for the council, "
        "and said on Tuesday that it had taught her how to listen to people who disagreed with her "
        "about almost everything, from the price of feed to the route of the new ring road.",
    ],
)
def test_story_sentences_are_not_furniture(line: str):
    assert furniture(line) is None


def test_a_credit_line_at_the_end_is_a_signoff():
    from dateline.clean.boilerplate import is_signoff

    assert is_signoff("Ann Lee in Oslo and Bo Park contributed to this report.")
    assert is_signoff("Associated Press writer Cy Ray contributed reporting from Bergen.")
    assert not is_signoff("The mayor said residents contributed to the repair fund.")


@pytest.mark.parametrize("line", [
    "(Редактирование Ивана Петрова)",
    "(Информация Андрея Иванова; редактирование Петра Сидорова)",
    "(Redacción de Juan Pérez)",
    "(Berichterstattung von Hans Meier, redigiert von Anna Schmidt)",
    "(Reportage de Jean Dupont, édité par Marie Martin)",
])
def test_wire_credits_of_other_languages_are_signoffs(line: str) -> None:
    assert is_signoff(line)


def test_a_bracketed_sentence_that_opens_with_a_credit_word_is_not_a_signoff() -> None:
    assert not is_signoff("(Информация о законе опубликована на сайте правительства.)")
