from dateline.model import EVENT_TYPES, QUADS, Article, Claim, Event, Party, Place, Source, Span


def _article(events: list[Event]) -> Article:
    text = "Rebels shelled the town of Elmford on Monday, police said."
    return Article(id="a", source=Source("t", 0, "txt"), text=text,
                   paragraphs=[Span(0, len(text))], events=events)


def test_every_event_type_has_one_of_the_four_quads() -> None:
    assert len(EVENT_TYPES) == 16
    assert set(EVENT_TYPES.values()) == set(QUADS)


def test_coded_event_round_trips_through_the_contract() -> None:
    ev = Event(type="ASSAULT", quad="MCONF", actor=Party("Rebels", None, None, "REB"),
               recipient=Party("the town", None, None, None), mentions=[Span(0, 58)],
               mode="artillery", place=Place("Elmford", "GBR"), date="2021-09-06",
               date_from="text", flags=["claimed"], source=Claim("police", 0),
               trigger="shelled")
    d = _article([ev]).to_dict()
    assert d["events"][0]["actor"] == {"text": "Rebels", "entity": None, "country": None,
                                       "sector": "REB"}
    assert d["events"][0]["mentions"] == [{"start": 0, "end": 58}]
    assert Article.from_dict(d).events == [ev]


def test_old_subject_verb_object_events_are_dropped_on_load() -> None:
    d = _article([]).to_dict()
    d["events"] = [{"actor": "Rebels", "action": "shelled", "target": "the town",
                    "place": None, "time": None, "sentence_start": 0, "sentence_end": 58}]
    assert Article.from_dict(d).events == []


def test_event_record_is_the_event_plus_its_article() -> None:
    from dateline.model import EventRecord, table_row

    rec = EventRecord("ASSAULT", "MCONF", Party("Rebel fighters", None, None, "REB"), None, [Span(4, 12)],
                      article_id="a1", published="2024-03-02", title="Clashes")
    d = rec.to_dict()
    assert d["type"] == "ASSAULT" and d["actor"]["sector"] == "REB"
    assert (d["article_id"], d["published"], d["title"]) == ("a1", "2024-03-02", "Clashes")
    # an export row keeps the nested sides as JSON text, so the events table is flat
    assert '"Rebel fighters"' in table_row(rec)["actor"]
