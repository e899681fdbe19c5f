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
