from dateline.clean.html import Block
from dateline.clean.pageparts import set_apart_blocks

STORY = [
    Block("p", "The city council voted on Tuesday to close the old bridge to lorries from March."),
    Block("p", "Engineers found cracks in two of its piers during an inspection in the autumn."),
]


def test_a_list_whose_every_item_is_a_link_is_set_apart_with_its_heading():
    blocks = [
        *STORY,
        Block("head", "More from the city"),
        Block("item", "Library opening hours change in May", 1.0, group=0),
        Block("item", "New bus lanes on the ring road", 0.95, group=0),
    ]
    kept, removed = set_apart_blocks(blocks)
    assert kept == STORY
    assert [r.reason for r in removed] == ["related"] * 3


def test_a_list_of_text_or_a_single_link_stays():
    blocks = [
        *STORY,
        Block("item", "Lorries over 7.5 tonnes", 0.0, group=0),
        Block("item", "Coaches, from April", 0.0, group=0),
        Block("item", "The full inspection report", 1.0, group=1),
    ]
    kept, removed = set_apart_blocks(blocks)
    assert kept == blocks and removed == []


def test_kicker_headline_and_deck_above_the_story_leave_the_body():
    title = "Council closes old bridge to lorries"
    deck = "Cracks found in two piers force the city to act before the winter."
    blocks = [Block("p", "News"), Block("head", title), Block("head", deck), *STORY]
    kept, removed = set_apart_blocks(blocks, title + " - The Gazette", deck)
    assert kept == STORY
    assert [r.reason for r in removed] == ["kicker", "title_repeated", "standfirst"]


def test_a_first_paragraph_that_is_also_the_description_stays():
    kept, _ = set_apart_blocks(list(STORY), "Council closes old bridge", STORY[0].text)
    assert kept == STORY


def test_a_page_of_one_headline_keeps_it():
    only = [Block("head", "Council closes old bridge to lorries")]
    assert set_apart_blocks(only, "Council closes old bridge to lorries")[0] == only


def test_a_run_of_short_linked_paragraphs_is_a_list_of_other_stories():
    links = [Block("p", "Council delays vote on ring road", 1.0), Block("p", "Ferry fares rise in May", 0.9)]
    kept, removed = set_apart_blocks([*STORY, Block("head", "More news"), *links])
    assert kept == STORY and [r.reason for r in removed] == ["related"] * 3
    one = [*STORY, links[0]]
    assert set_apart_blocks(one)[0] == one  # one linked line may be the story's own
