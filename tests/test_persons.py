from dateline.persons import parse_name, same_person


def test_parts_of_a_name_leave_out_honorifics_initials_and_suffixes() -> None:
    p = parse_name("Mr. Donald J. Trump Jr.")
    assert p is not None
    assert (p.firsts, p.surname, p.initials) == (("donald",), "trump", ("j",))
    bare = parse_name("Mrs. Obama's")
    assert bare is not None and (bare.firsts, bare.surname) == ((), "obama")
    assert parse_name("Mr.") is None


def test_full_names_of_one_person() -> None:
    def same(a: str, b: str) -> bool:
        pa, pb = parse_name(a), parse_name(b)
        assert pa is not None and pb is not None
        return same_person(pa, pb)

    assert same("Donald J. Trump", "Donald Trump")
    assert same("Hillary Rodham Clinton", "Hillary Clinton")
    assert not same("George H.W. Bush", "George W. Bush")
    assert not same("Barack Obama", "Michelle Obama")
    assert not same("Obama", "Barack Obama")


def test_a_suffix_tells_a_son_from_his_father() -> None:
    son, father = parse_name("Donald Trump Jr."), parse_name("Donald Trump")
    assert son is not None and father is not None
    assert son.suffix == "jr" and father.suffix == ""
    assert not same_person(son, father)
    again = parse_name("Mr. Donald J. Trump Jr.")
    assert again is not None and same_person(son, again)
