"""Cyrillic names by the romanisation standards (no model: iuliia's tables)."""

from __future__ import annotations

from dateline.romanise import has_cyrillic, romanise, romanised_forms


def test_each_standard_gives_its_spelling_without_repeats_or_primes() -> None:
    assert romanised_forms("Сергей Лавров") == ("Sergey Lavrov", "Sergei Lavrov")
    assert romanised_forms("Дмитрий Песков") == ("Dmitry Peskov", "Dmitriy Peskov", "Dmitrii Peskov")
    assert "Navalnyy" in " ".join(romanised_forms("Навальный"))  # BGN/PCGN's soft-sign prime dropped
    assert romanise("Мария Захарова") == "Mariya Zakharova"


def test_latin_names_pass_through() -> None:
    assert not has_cyrillic("Sergei Lavrov") and has_cyrillic("Lavrov (Лавров)")
    assert romanise("Société Générale") == "Société Générale"
    assert romanised_forms("Gazprom") == ("Gazprom",)
