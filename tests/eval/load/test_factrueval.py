"""The factRuEval loader on a document written here, in the corpus's file layout."""

from __future__ import annotations

from pathlib import Path

from dateline.eval.load.factrueval import iter_docs

TEXT = "Глава МИД Латвии Анна Берзиня посетила завод «Рижский порт» в Риге."


def _write(folder: Path) -> None:
    dev = folder / "devset"
    dev.mkdir(parents=True)
    (dev / "book_7.txt").write_text(TEXT, encoding="utf-8")

    def span(sid: str, kind: str, word: str) -> str:
        at = TEXT.index(word)
        return f"{sid} {kind} {at} {len(word)} 1 1  # 1 {word}"

    (dev / "book_7.spans").write_text("\n".join([
        span("1", "org_name", "МИД Латвии"), span("2", "loc_name", "Латвии"), span("3", "name", "Анна"),
        span("4", "surname", "Берзиня"), span("5", "org_descr", "завод"),
        span("6", "org_name", "Рижский порт"), span("7", "loc_name", "Риге"),
    ]) + "\n", encoding="utf-8")
    (dev / "book_7.objects").write_text("\n".join([
        "10 Org 1 # МИД Латвии", "11 LocOrg 2 # Латвии", "12 Person 3 4 # Анна Берзиня",
        "13 Org 5 6 # завод Рижский порт", "14 Location 7 # Риге", "15 Project 6 # not scored",
    ]) + "\n", encoding="utf-8")


def test_people_whole_organisations_and_places_by_their_name_pieces_overlaps_dropped(tmp_path: Path) -> None:
    _write(tmp_path)
    (doc,) = iter_docs(tmp_path)
    assert doc.id == "book_7" and doc.text == TEXT
    assert [(TEXT[i.start:i.end], i.label) for i in doc.entities] == [
        ("МИД Латвии", "ORG"), ("Анна Берзиня", "PER"), ("Рижский порт", "ORG"), ("Риге", "LOC")]
