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
