from pathlib import Path

from dateline.eval.load import gmb, meantime, polnear, reuters, timeml

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
