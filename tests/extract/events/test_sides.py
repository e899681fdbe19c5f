"""Which party did an event and which had it done, on parses written out by hand (the
parser's readings of real news that the rules must survive)."""

from functools import cache

from spacy.lang.en import English
from spacy.tokens import Doc

from dateline.extract.events.coding import Trigger
from dateline.extract.events.parties import Resolver
from dateline.extract.events.sides import _subject, sides
from dateline.extract.events.words import Code

from ..helpers import article


@cache
def _vocab():  # type: ignore[no-untyped-def]
    # the English vocabulary gives each word its lower-case form, which the rules read
    return English().vocab


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """A parsed sentence from (word, head index, dependency, POS, tag) rows."""
    words, heads, deps, pos, tags = (list(c) for c in zip(*rows, strict=True))
    return Doc(_vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_that_read_as_a_second_subject_gives_way_to_the_noun() -> None:
    doc = _doc([("it", 2, "nsubjpass", "PRON", "PRP"), ("was", 2, "auxpass", "AUX", "VBD"),
                ("learned", 2, "ROOT", "VERB", "VBN"), ("that", 8, "nsubjpass", "PRON", "WDT"),
                ("ana", 5, "compound", "PROPN", "NNP"), ("ruiz", 8, "nsubjpass", "PROPN", "NNP"),
                ("have", 8, "aux", "AUX", "VBP"), ("been", 8, "auxpass", "AUX", "VBN"),
                ("killed", 2, "ccomp", "VERB", "VBN"), (".", 2, "punct", "PUNCT", ".")])
    assert _subject(doc[8]) == (doc[5], True)


def test_a_by_agent_is_the_doer_where_no_subject_was_found() -> None:
    doc = _doc([("according", 8, "prep", "VERB", "VBG"), ("to", 0, "prep", "ADP", "IN"),
                ("the", 3, "det", "DET", "DT"), ("curia", 1, "pobj", "NOUN", "NN"),
                (",", 8, "punct", "PUNCT", ","), ("two", 6, "nummod", "NUM", "CD"),
                ("women", 3, "appos", "NOUN", "NNS"), ("were", 8, "auxpass", "AUX", "VBD"),
                ("murdered", 8, "ROOT", "VERB", "VBN"), ("by", 8, "agent", "ADP", "IN"),
                ("gunmen", 9, "pobj", "NOUN", "NNS"), (".", 8, "punct", "PUNCT", ".")])
    t = Trigger(doc[8], Code("ASSAULT", "kill"), "murdered", doc[8])
    actors, _ = sides(t, Resolver.of(article(doc.text)))
    assert [p.text for p in actors] == ["gunmen"]


def test_a_report_in_the_subjects_slot_did_nothing() -> None:
    doc = _doc([("the", 1, "det", "DET", "DT"), ("report", 2, "nsubj", "NOUN", "NN"),
                ("attacked", 2, "ROOT", "VERB", "VBD"), ("the", 4, "det", "DET", "DT"),
                ("bank", 2, "dobj", "NOUN", "NN"), (".", 2, "punct", "PUNCT", ".")])
    t = Trigger(doc[2], Code("ASSAULT", None), "attacked", doc[2])
    actors, recipients = sides(t, Resolver.of(article(doc.text)))
    assert actors == [] and [p.text for p in recipients] == ["the bank"]
