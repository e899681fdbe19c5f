from dateline.companies import company_short_form


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
