"""The example record the project started from (read from the shared folder: DATELINE_DATA, default ../shared)."""

from __future__ import annotations

import re

import pytest

from dateline.clean import clean_record
from dateline.read import read_inputs
from tests.conftest import NO_SEED, SEED, seed_available

pytestmark = pytest.mark.skipif(not seed_available(), reason=NO_SEED)


def _sentences(text: str) -> list[str]:
    return [s.strip(" *") for s in re.split(r"(?<=[.!?\"])\s*(?=[A-Z*\"])", text) if s.strip(" *")]


def test_seed_record_gives_one_clean_article() -> None:
    (raw,) = list(read_inputs([str(SEED)]))
    a = clean_record(raw)
    paras = a.paragraph_texts()
    assert a.published == "2021-09-09"
    assert a.dateline is not None and (a.dateline.place, a.dateline.agency) == ("Washington", "Sputnik")
    assert len(paras) == 6
    assert paras[0].startswith("The Coalition to defeat the Daesh terror group")
    assert paras[-1].startswith("In June, the State Department said")
    assert [n.refers_to for n in a.notices] == ["Daesh"]
    assert "Daesh*" not in a.text and "said.The" not in a.text


def test_seed_no_sentence_lost_or_doubled() -> None:
    source = re.sub(r"^\s*date \S+ ", "", SEED.read_text(encoding="utf-8"))
    source = source.replace("WASHINGTON (Sputnik) - ", "")
    (raw,) = list(read_inputs([str(SEED)]))
    a = clean_record(raw)
    kept = a.text + "\n" + "\n".join(n.text for n in a.notices)
    for sentence in set(_sentences(source)):
        assert sentence.replace("Daesh*", "Daesh") in kept, sentence
    body = _sentences(a.text)
    assert len(body) == len(set(body))
