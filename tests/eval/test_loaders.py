import json
from pathlib import Path

from dateline.eval.load import gmb, meantime, polnear, reuters, timeml
from dateline.eval.scoring import Item

FIX = Path(__file__).parent / "fixtures"


def test_timeml_text_offsets_and_creation_time():
    doc = timeml.parse(FIX / "tiny.tml")
    assert doc.dct == "2003-03-14"
    assert [(doc.text[t.start : t.end], t.label, t.value) for t in doc.timexes] == [
        ("on Thursday", "DATE", "2003-03-13"),
        ("two years", "DURATION", "P2Y"),
        ("next month", "DATE", "2003-04"),
    ]
    assert doc.text.startswith("The mayor")


def test_reuters_story_record_and_gold():
    stories = list(reuters.iter_stories(FIX))
    assert [s.newid for s in stories] == ["7", "8"]
    story = stories[0]
    record = reuters.to_record(story)
    assert record.title == "ACME <ACM> RAISES DIVIDEND"
    assert record.text.startswith("    PORTLAND, Ore., March 3 - Acme Corp <ACM> said")
    assert record.date == "3-MAR-1987 09:15:02.10"
    assert reuters.gold_place(story.dateline) == "PORTLAND, Ore."
    assert reuters.gold_date(story.date) == "1987-03-03"
    assert reuters.gold_paragraphs(story) == [
        "Acme Corp <ACM> said its board raised the quarterly dividend to 12 cts a share.",
        "The dividend is payable April 1 to holders of record March 15.",
    ]
    assert stories[1].body is None


def test_reuters_dateline_running_into_the_body():
    story = reuters.Story(
        "1",
        "f",
        "",
        None,
        "    THE HAGUE, March 2 - Dutch imports of fat- ",
        "free milk rose.\n    Second part.\n",
    )
    assert reuters.gold_place(story.dateline) == "THE HAGUE"
    assert reuters.gold_paragraphs(story) == [
        "Dutch imports of fat- free milk rose.",
        "Second part.",
    ]


def test_gmb_documents_and_spans():
    docs = list(gmb.iter_docs(FIX / "tiny_ner.csv", sentences_per_doc=10))
    assert len(docs) == 1  # the cut-off third sentence is dropped
    doc = docs[0]
    assert doc.text == "President Bush visited New York on Monday. The U.N. met (again)."
    assert [(doc.text[e.start : e.end], e.label) for e in doc.entities] == [
        ("President Bush", "per"),
        ("New York", "geo"),
        ("Monday", "tim"),
        ("U.N.", "org"),
    ]


def test_polnear_once_per_article_without_headline():
    stories = list(polnear.iter_stories(FIX / "tiny_polnear.jsonl"))
    assert len(stories) == 1
    assert stories[0].paragraphs == ["First paragraph here.", "Second paragraph."]


def test_polnear_attributions_once_per_article_in_source_order():
    stories = list(polnear.iter_attributed(FIX / "tiny_attributions.jsonl"))
    assert len(stories) == 1
    s = stories[0]
    assert s.body.startswith("The mayor") and s.title == "Vote Counts"
    # The cue-only attribution is dropped; sources come in the order of the text.
    assert [(a.source, a.direct) for a in s.attributions] == [("Lee", True), ("She", False)]
    assert s.attributions[0].content.startswith("\u201cWe will rebuild")


def test_meantime_names_unsure_times_and_amounts():
    (doc,) = meantime.iter_docs(FIX / "tiny_meantime.jsonl")
    assert doc.dct == "2009-03-03"  # written day first in the source
    assert [(doc.text[n.start : n.end], n.label) for n in doc.names] == [
        ("Acme Corp", "ORG"),
        ("London", "LOC"),
    ]
    assert sorted(doc.text[u.start : u.end] for u in doc.unsure) == ["Beta", "US"]
    # The timex without a span (no text) is left out; the creation time is made ISO.
    assert [(t.label, t.value) for t in doc.timexes] == [
        ("DATE", "2009-03-03"),
        ("DATE", "2009-03-02"),
    ]
    # `#` before a figure is the source's `£`, one character for one.
    assert "GB £1.5 billion" in doc.text and len(doc.text) == len(doc.text.replace("£", "#"))
    assert [a.value for a in doc.amounts] == ["USD:2e+09", "GBP:1.5e+09", "percent:5"]


def _meantime_with_original(tmp_path: Path, sentences: list[str], markables: str) -> Path:
    """A one-article MEANTIME folder: the JSONL line and its XML original, one token a word."""
    text = "\n".join(sentences)
    tokens, t_id = [], 0
    for s, sentence in enumerate(sentences):
        for word in sentence.split():
            t_id += 1
            tokens.append(f'<token number="{t_id - 1}" sentence="{s}" t_id="{t_id}">{word}</token>')
    folder = tmp_path / "meantime"
    (folder / "intra_cross-doc_annotation" / "corpus_x").mkdir(parents=True)
    xml = f'<Document doc_id="9">{"".join(tokens)}<Markables>{markables}</Markables></Document>'
    (folder / "intra_cross-doc_annotation" / "corpus_x" / "9_Harbour_vote.xml").write_text(xml)
    line = {"doc_id": "9", "dct": "2010-05-04", "title": sentences[0], "text": text}
    (folder / "meantime_en.jsonl").write_text(json.dumps(line) + "\n")
    return folder


SENTENCES = ["Harbour vote delayed", "May 4, 2010"] + [f"Body sentence number {n} here." for n in range(2, 9)]


def test_meantime_extent_is_title_and_five_sentences(tmp_path: Path):
    folder = _meantime_with_original(tmp_path, SENTENCES, "")
    (doc,) = meantime.iter_docs(folder / "meantime_en.jsonl")
    assert doc.text[: doc.extent].endswith("Body sentence number 5 here.")
    inside, past = Item(doc.text.index("number 4"), 0, "X"), Item(doc.text.index("number 7"), 0, "X")
    assert doc.within([inside, past]) == [inside]


def test_meantime_extent_reaches_a_later_fully_annotated_markable(tmp_path: Path):
    # Tokens: title 1-3, date 4-6, five per body sentence: sentence 7 is 32-36, 8 is 37-41.
    value = '<VALUE m_id="1" type="MONEY"><token_anchor t_id="33"/></VALUE>'
    untyped = '<ENTITY_MENTION m_id="2"><token_anchor t_id="40"/></ENTITY_MENTION>'
    folder = _meantime_with_original(tmp_path, SENTENCES, value + untyped)
    (doc,) = meantime.iter_docs(folder)
    assert doc.text[: doc.extent].endswith("Body sentence number 7 here.")


def test_meantime_without_originals_scores_the_whole_text():
    (doc,) = meantime.iter_docs(FIX / "tiny_meantime.jsonl")
    assert doc.extent is None and doc.within([Item(0, 1, "X")]) == [Item(0, 1, "X")]
