from dateline.companies import company_short_form, has_legal_form


def test_company_named_without_its_corporate_words():
    assert company_short_form("Apple", "Apple Computer")
    assert company_short_form("AirTran", "AirTran Airways")
    assert company_short_form("Cerberus", "Cerberus Capital Management")
    assert company_short_form("Ford", "Ford Motor Co.")


def test_other_parts_of_a_name_are_not_short_forms():
    assert not company_short_form("New York", "New York Times")
    assert not company_short_form("Motors", "General Motors")
    assert not company_short_form("Apple", "Apple")
    assert not company_short_form("", "Apple Inc.")


def test_a_legal_form_ends_only_a_company_name() -> None:
    assert has_legal_form("Tasty Slice Inc")
    assert has_legal_form("Fiat S.p.A.")
    assert has_legal_form("Harlow Brothers Co.")
    assert not has_legal_form("Inc")
    assert not has_legal_form("Robert Coe")
    assert not has_legal_form("Tasty Slice")
