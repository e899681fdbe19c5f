from dateline.extract.events.merge import count_once
from dateline.model import Article, Claim, Event, Party, Quote, Source, Span

TEXT = ('Troops shelled Elmford on Monday. "Troops shelled Elmford," the mayor said. '
        "Troops did not shell Elmford on Monday.")


def _article() -> Article:
    quote = Quote("Troops shelled Elmford,", "direct", "the mayor", None, 35, 58)
    return Article(id="a", source=Source("t", 0, "txt"), text=TEXT,
                   paragraphs=[Span(0, len(TEXT))], quotes=[quote])


def _event(start: int, end: int, flags: list[str] | None = None,
           source: Claim | None = None) -> Event:
    return Event(type="ASSAULT", quad="MCONF", actor=Party("Troops", None, None, "MIL"),
                 recipient=Party("Elmford", "gpe:elmford", "GBR", "GOV"),
                 mentions=[Span(start, end)], date="2021-09-06", flags=flags or [],
                 source=source)


def test_sentences_reporting_one_event_become_one_event_with_two_mentions() -> None:
    events = count_once([_event(0, 33), _event(34, 74, ["claimed"], Claim("the mayor"))],
                        _article())
    assert len(events) == 1
    assert [(m.start, m.end) for m in events[0].mentions] == [(0, 33), (34, 74)]


def test_a_denial_is_not_the_event_it_denies() -> None:
    events = count_once([_event(0, 33), _event(75, 113, ["negated"])], _article())
    assert len(events) == 2


def test_source_links_the_quote_that_reports_the_event() -> None:
    events = count_once([_event(34, 74, ["claimed"], Claim("the mayor"))], _article())
    assert events[0].source is not None and events[0].source.quote == 0


def _harm(start: int, actor: str | None, recipient: str | None,
          instrument: str | None = None) -> Event:
    return Event(type="ASSAULT", quad="MCONF",
                 actor=Party(actor) if actor else None,
                 recipient=Party(recipient) if recipient else None,
                 mentions=[Span(start, start + 10)], instrument=instrument)


def test_a_report_with_one_side_unsaid_is_a_mention_of_the_full_one() -> None:
    events = count_once([_harm(0, "gunmen", "the mayor"), _harm(40, None, "the mayor", "rifles"),
                         _harm(80, "gunmen", None)], _article())
    assert len(events) == 1
    assert [m.start for m in events[0].mentions] == [0, 40, 80]
    assert events[0].instrument == "rifles"  # the partial report said how


def test_a_partial_report_that_fits_two_events_stays_apart() -> None:
    events = count_once([_harm(0, "gunmen", "the mayor"), _harm(40, "rebels", "the mayor"),
                         _harm(80, None, "the mayor")], _article())
    assert len(events) == 3


def test_a_surname_is_given_the_full_name_the_article_wrote() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.extract.events.merge import full_names

    words = ["the", "killing", "of", "mayor", "ana", "ruiz", "soto", ".", "ruiz", "soto",
             "was", "shot", "."]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "PROPN", "PUNCT", "PROPN",
           "PROPN", "AUX", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, pos=pos)
    later, first = _harm(0, None, "ruiz soto"), _harm(0, None, "mayor ana")
    full_names([later, first], doc)
    assert later.recipient is not None and later.recipient.text == "ana ruiz soto"
    # the title stays; `mayor` is not part of the name
    assert first.recipient is not None and first.recipient.text == "mayor ana ruiz soto"


def test_with_capitals_only_proper_nouns_make_a_name() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.extract.events.merge import full_names

    words = ["Palestinian", "prisoners", "rioted", "Monday", "."]
    doc = Doc(Vocab(), words=words, pos=["ADJ", "NOUN", "VERB", "PROPN", "PUNCT"])
    ev = _harm(0, "Palestinian prisoners", None)
    full_names([ev], doc)
    assert ev.actor is not None and ev.actor.text == "Palestinian prisoners"
