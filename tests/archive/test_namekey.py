"""The key an entity's name links by: folded the same whoever writes it."""

from __future__ import annotations

from dateline.archive.namekey import name_key


def test_case_spacing_dots_and_a_leading_the_are_folded() -> None:
    assert name_key("PERSON", "The  U.S. ") == "PERSON|us"
    assert name_key("GPE", "the United  States") == name_key("GPE", "UNITED STATES") == "GPE|united states"
    assert name_key("ORG", "ＡＣＭＥ") == "ORG|acme"  # full-width letters, as some feeds send them


def test_name_key_leaves_out_a_company_legal_form() -> None:
    assert name_key("ORG", "Apple Inc.") == name_key("ORG", "Apple") == "ORG|apple"
    assert name_key("ORG", "Fiat Group S.p.A.") == "ORG|fiat"
    assert name_key("ORG", "General Motors Corp.") == name_key("ORG", "General Motors")
    assert name_key("ORG", "Group") == "ORG|group"  # never the whole name
    assert name_key("PERSON", "Sammy Davis Co") == "PERSON|sammy davis co"  # companies only


def test_the_type_scopes_the_key() -> None:
    assert name_key("PERSON", "Jordan") != name_key("GPE", "Jordan")
