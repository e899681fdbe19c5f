"""Assignment on news-like reports written here: one event reported twice joins; another event
of the same kind, or the same words weeks later, starts a story of its own."""

from __future__ import annotations

import random

from dateline.stories.assign import StoryIndex, StoryParams
from dateline.stories.represent import Profile, profile_text

QUAKE_1 = ("Earthquake of magnitude 6.8 strikes southern Peru",
           "An earthquake struck southern Peru on Monday, killing 12 people in Arequipa; rescuers searched "
           "collapsed homes in Chala.", {"GPE:peru", "GPE:arequipa", "GPE:chala"})
QUAKE_1B = ("Peru quake toll rises to 19",
            "The toll from the earthquake in southern Peru rose to 19 as rescuers dug through rubble in Chala, "
            "Arequipa officials said.", {"GPE:peru", "GPE:arequipa", "GPE:chala"})
QUAKE_2 = ("Earthquake of magnitude 6.1 hits Papua New Guinea",
           "An earthquake hit East Sepik province on Thursday, damaging houses in Wewak; no deaths were reported.",
           {"GPE:papua new guinea", "GPE:east sepik", "GPE:wewak"})
BANK = ("Chile central bank holds rates",
        "Chile's central bank kept its benchmark interest rate at 7.25 percent, saying inflation had slowed.",
        {"GPE:chile"})


def _p(story: tuple[str, str, set[str]], date: str | None = "2024-03-04") -> Profile:
    title, body, ents = story
    return profile_text(title, body, date, frozenset(ents))


def test_two_reports_of_one_event_join_and_other_events_stay_apart() -> None:
    idx = StoryIndex()
    first = idx.assign(_p(QUAKE_1, "2024-03-04"))
    assert first.new
    assert idx.assign(_p(BANK, "2024-03-05")).new
    follow = idx.assign(_p(QUAKE_1B, "2024-03-05"))
    assert not follow.new and follow.story == first.story
    other = idx.assign(_p(QUAKE_2, "2024-03-06"))
    assert other.new and other.story != first.story


def test_the_same_words_outside_the_window_start_a_new_story() -> None:
    idx = StoryIndex(StoryParams(window_days=3))
    a = idx.assign(_p(QUAKE_1, "2024-03-04"))
    b = idx.assign(_p(QUAKE_1B, "2024-03-20"))
    assert b.new and b.story != a.story


def test_similarity_fades_with_the_gap_inside_the_window() -> None:
    idx = StoryIndex()
    idx.assign(_p(QUAKE_1, "2024-03-04"))
    story = next(iter(idx.stories.values()))
    from dateline.stories.assign import score

    near = score(_p(QUAKE_1B, "2024-03-05"), story, idx.df, idx.params)
    far = score(_p(QUAKE_1B, "2024-03-08"), story, idx.df, idx.params)
    assert near > far > 0


def test_disjoint_years_weaken_undated_matches() -> None:
    idx = StoryIndex()
    idx.assign(profile_text(*QUAKE_1[:2], None, frozenset(QUAKE_1[2]), years=frozenset({"2009"})))
    story = next(iter(idx.stories.values()))
    from dateline.stories.assign import score

    same = score(profile_text(*QUAKE_1B[:2], None, frozenset(QUAKE_1B[2]), years=frozenset({"2009"})),
                 story, idx.df, idx.params)
    other = score(profile_text(*QUAKE_1B[:2], None, frozenset(QUAKE_1B[2]), years=frozenset({"2013"})),
                  story, idx.df, idx.params)
    assert other == same * idx.params.other_years


def test_a_shared_named_day_counts_like_a_shared_entity() -> None:
    # the same words and places: a report that names the story's day scores above one naming another
    idx = StoryIndex()
    idx.assign(Profile(profile_text(*QUAKE_1[:2]).terms, frozenset(QUAKE_1[2]), None,
                       when=frozenset({"MD:03-04", "WD:mon"})))
    story = next(iter(idx.stories.values()))
    from dateline.stories.assign import score

    base = profile_text(*QUAKE_1B[:2], None, frozenset(QUAKE_1B[2]))
    same = score(Profile(base.terms, base.entities, None, when=frozenset({"MD:03-04"})), story, idx.df, idx.params)
    other = score(Profile(base.terms, base.entities, None, when=frozenset({"MD:11-20"})), story, idx.df, idx.params)
    assert same > other > 0


def test_a_forced_story_is_joined_whatever_the_words() -> None:
    idx = StoryIndex()
    a = idx.assign(_p(QUAKE_1))
    d = idx.assign(_p(BANK), story=a.story)
    assert d.story == a.story and idx.stories[a.story].size == 2


def test_grouping_does_not_depend_on_arrival_order_for_clear_cases() -> None:
    items = [QUAKE_1, QUAKE_1B, QUAKE_2, BANK]

    def groups(order: list[int]) -> set[frozenset[int]]:
        idx = StoryIndex()
        by: dict[int, set[int]] = {}
        for i in order:
            by.setdefault(idx.assign(_p(items[i], "2024-03-04")).story, set()).add(i)
        return {frozenset(v) for v in by.values()}

    expected = {frozenset({0, 1}), frozenset({2}), frozenset({3})}
    for seed in range(5):
        order = list(range(4))
        random.Random(seed).shuffle(order)
        assert groups(order) == expected


def _wire(title: str, body: str, orgs: list[str], date: str = "2024-03-04") -> Profile:
    from dataclasses import replace

    from dateline.stories.represent import subjects_of

    subjects, mentions = subjects_of(title, body, orgs)
    return replace(profile_text(title, body, date, frozenset(f"ORG:{o.casefold()}" for o in orgs)),
                   subjects=subjects, mentions=mentions)


RESULTS = "Shr 31 cts vs 24 cts\nNet 4.1 mln vs 3.2 mln\nRevs 88.0 mln vs 71.5 mln\nNine mths Shr 90 cts vs 70 cts"


def test_routine_items_about_different_companies_stay_apart_and_one_companys_items_join() -> None:
    idx = StoryIndex()
    a = idx.assign(_wire("HARBOR MILLS CORP <HML> 1ST QTR NET", RESULTS, ["Harbor Mills Corp"]))
    b = idx.assign(_wire("KESTREL FOODS INC <KFI> 1ST QTR NET", RESULTS.replace("31", "29"), ["Kestrel Foods Inc"]))
    assert b.new and b.story != a.story
    # the same company's results, re-sent with a correction, are its story
    c = idx.assign(_wire("HARBOR MILLS <HML> CORRECTS 1ST QTR NET", RESULTS, ["Harbor Mills"]))
    assert c.story == a.story


def test_without_subjects_the_template_alone_would_merge_them() -> None:
    # the rule above is what keeps them apart: the same items without their companies join
    idx = StoryIndex()
    a = idx.assign(profile_text("1ST QTR NET", RESULTS, "2024-03-04"))
    b = idx.assign(profile_text("1ST QTR NET", RESULTS.replace("31", "29"), "2024-03-04"))
    assert b.story == a.story


def test_a_merger_item_joins_the_story_of_the_party_it_names() -> None:
    idx = StoryIndex()
    target = idx.assign(_wire("KESTREL FOODS INC <KFI> GETS TAKEOVER BID",
                              "Kestrel Foods Inc said it received an unsolicited takeover bid of 40 dlrs a share "
                              "and that its board would study the offer.", ["Kestrel Foods Inc"]))
    bidder = idx.assign(_wire("HARBOR MILLS <HML> BIDS FOR KESTREL FOODS <KFI>",
                              "Harbor Mills Corp said it offered 40 dlrs a share for Kestrel Foods Inc, a takeover "
                              "bid its board approved.", ["Harbor Mills Corp", "Kestrel Foods Inc"]))
    assert bidder.story == target.story


def test_a_rating_agency_that_many_items_name_does_not_join_them() -> None:
    idx = StoryIndex()
    # the agency rates a dozen companies in the archive's first hundred items
    for i in range(12):
        idx.assign(_wire(f"FITCHLEY RATINGS AFFIRMS COMPANY{i} INC <C{i}>", "Fitchley Ratings Inc said it affirmed "
                         f"the senior debt of Company{i} Inc.", ["Fitchley Ratings Inc", f"Company{i} Inc"],
                         "2024-01-02"))
    for i in range(90):
        idx.assign(profile_text(f"Harvest report {i}", f"Farmers in region {i} brought in the crop.", "2024-01-02"))
    a = idx.assign(_wire("FITCHLEY RATINGS DOWNGRADES HARBOR MILLS <HML>",
                         "Fitchley Ratings Inc said it downgraded the senior debt of Harbor Mills Corp to BB.",
                         ["Fitchley Ratings Inc", "Harbor Mills Corp"]))
    b = idx.assign(_wire("FITCHLEY RATINGS DOWNGRADES KESTREL FOODS <KFI>",
                         "Fitchley Ratings Inc said it downgraded the senior debt of Kestrel Foods Inc to BB.",
                         ["Fitchley Ratings Inc", "Kestrel Foods Inc"]))
    assert b.story != a.story


def test_a_shared_figure_adds_evidence_like_a_shared_entity() -> None:
    from dateline.stories.assign import score

    idx = StoryIndex()
    idx.assign(Profile(profile_text(*QUAKE_1[:2]).terms, frozenset(QUAKE_1[2]), None,
                       figures=frozenset({"F:12", "F:6.8"})))
    story = next(iter(idx.stories.values()))
    base = profile_text(*QUAKE_1B[:2], None, frozenset(QUAKE_1B[2]))
    same = score(Profile(base.terms, base.entities, None, figures=frozenset({"F:12"})), story, idx.df, idx.params)
    other = score(Profile(base.terms, base.entities, None, figures=frozenset({"F:40"})), story, idx.df, idx.params)
    assert same > other


def test_leads_naming_different_people_weaken_a_match_and_a_shared_one_does_not() -> None:
    from dateline.stories.assign import score

    fired = ("Harbor City fires coach", "Harbor City fired head coach Dan Reyes on Saturday after a poor start.",
             {"ORG:harbor city"})
    idx = StoryIndex()
    idx.assign(Profile(profile_text(*fired[:2]).terms, frozenset(fired[2]), None,
                       lead=frozenset({"PERSON:dan reyes"})))
    story = next(iter(idx.stories.values()))
    base = profile_text(*fired[:2], None, frozenset(fired[2]))
    alone = score(Profile(base.terms, base.entities, None), story, idx.df, idx.params)
    shared = score(Profile(base.terms, base.entities, None, lead=frozenset({"PERSON:dan reyes", "PERSON:al moss"})),
                   story, idx.df, idx.params)
    other = score(Profile(base.terms, base.entities, None, lead=frozenset({"PERSON:al moss"})),
                  story, idx.df, idx.params)
    assert shared == alone
    assert other == alone * idx.params.other_people
