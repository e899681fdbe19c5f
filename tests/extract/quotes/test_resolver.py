from dateline.extract.quotes.resolver import _Resolver
from dateline.model import Entity


def test_resolver_knows_names_aliases_and_unique_surnames() -> None:
    ruiz = Entity("person:ana-ruiz", "Ana Ruiz", "PERSON")
    neb = Entity("org:neb", "National Electoral Board", "ORG", aliases=["NEB"])
    twins = [Entity("person:a", "Li Wei", "PERSON"), Entity("person:b", "Chen Wei", "PERSON")]
    res = _Resolver([ruiz, neb, *twins])
    assert res.by_name("Ruiz") is ruiz and res.by_name("ana ruiz") is ruiz
    assert res.by_name("the NEB") is neb
    assert res.by_name("Wei") is None  # two people share the surname: no guess
    assert res.by_name("a spokesman") is None


def test_a_role_description_goes_to_the_last_person_holding_that_title() -> None:
    from dateline.extract.quotes.resolver import title_words
    from dateline.model import Mention

    assert title_words(["former President", "Sen."]) == {"former", "president", "senator"}
    lee = Entity("person:ann-lee", "Ann Lee", "PERSON", roles=["former President"],
                 mentions=[Mention(0, 7, "Ann Lee")])
    park = Entity("person:bo-park", "Bo Park", "PERSON", roles=["Sen."],
                  mentions=[Mention(40, 47, "Bo Park")])
    kim = Entity("person:jo-kim", "Jo Kim", "PERSON", mentions=[Mention(80, 86, "Jo Kim")])
    res = _Resolver([lee, park, kim])
    assert res.last_titled(100, "president") is lee  # not Jo Kim, named last
    assert res.last_titled(100, "senator") is park
    assert res.last_titled(100, "governor") is None  # no governor named: no one
    assert res.last_titled(30, "senator") is None  # the senator is named later
