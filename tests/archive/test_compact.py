"""The compact storage of an article's JSON and its raw records."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.archive.compact import JSON_V1, JSON_V2, RAW_V1, pack_json, pack_raw, unpack_json, unpack_raw

TEXT = ("Negotiators met in Oslo on Thursday to discuss a ceasefire along the northern border.\n\n"
        "\u201cWe are close,\u201d said Ana Ruiz, the envoy. Grain exports rose 4% to $40 million.")
RAW = "OSLO, March 7 (Wire) - " + TEXT.replace("\n\n", "\n") + "\nWire\n"

ARTICLE = {
    "id": "0123456789abcdef", "source": {"path": "/data/dump.jsonl", "record": 3, "format": "jsonl", "offset": 2},
    "published": "2024-03-07", "title": "Talks resume in Oslo", "authors": ["Jane Doe"], "language": "en",
    "dateline": {"text": "OSLO, March 7 (Wire) -", "place": "Oslo", "agency": "Wire", "date": "March 7"},
    "entities": [{"id": "person:ana-ruiz", "name": "Ana Ruiz", "type": "PERSON", "aliases": [], "roles": ["envoy"],
                  "country": None, "mentions": [{"start": 112, "end": 120, "text": "Ana Ruiz"}]}],
    "amounts": [{"text": "$40 million", "value": 40e6, "unit": "USD", "qualifier": None, "counted": None,
                 "start": 160, "end": 171}],
}


def test_an_article_json_comes_back_as_it_went_in() -> None:
    packed = pack_json(ARTICLE)
    assert packed[0] == JSON_V1 and unpack_json(packed) == ARTICLE


def test_with_its_text_an_article_json_is_stored_without_its_spans_copies() -> None:
    spans = {"We are close,": 0, "Ana Ruiz": 0, "$40 million": 0}
    spans = {t: (TEXT.index(t), TEXT.index(t) + len(t)) for t in spans}
    article = {
        **ARTICLE,
        "entities": [{**ARTICLE["entities"][0], "mentions": [
            {"start": spans["Ana Ruiz"][0], "end": spans["Ana Ruiz"][1], "text": "Ana Ruiz"}]}],
        "quotes": [{"text": "We are close,", "kind": "direct", "speaker": "Ana Ruiz",
                    "start": spans["We are close,"][0], "end": spans["We are close,"][1], "cue": "said"}],
        "amounts": [{**ARTICLE["amounts"][0], "start": spans["$40 million"][0], "end": spans["$40 million"][1]}],
    }
    packed = pack_json(article, TEXT)
    assert packed[0] == JSON_V2 and len(packed) < len(pack_json(article))
    back = unpack_json(packed, TEXT)
    # the same JSON, keys in the same order, byte for byte
    assert json.dumps(back) == json.dumps(article)


def test_a_span_whose_text_differs_from_the_clean_text_keeps_its_own() -> None:
    article = {"entities": [{"id": "org:x", "mentions": [{"start": 0, "end": 4, "text": "NEGO"},
                                                           {"start": 5, "end": 999, "text": "past the end"},
                                                           {"start": 0, "end": 4, "text": None}]}]}
    assert unpack_json(pack_json(article, TEXT), TEXT) == article


def test_a_json_packed_with_its_text_is_not_read_without_it() -> None:
    with pytest.raises(ValueError, match="clean text"):
        unpack_json(pack_json(ARTICLE, TEXT))
    assert unpack_json(pack_json(ARTICLE), TEXT) == ARTICLE  # packed without: read with or without


def test_the_dictionary_makes_a_short_article_smaller_than_its_json() -> None:
    # the contract's keys are in the dictionary: most of a small article's JSON costs nothing
    assert len(pack_json(ARTICLE)) < len(json.dumps(ARTICLE)) / 2


def test_json_written_before_the_compact_storage_is_read_as_it_is() -> None:
    assert unpack_json(json.dumps(ARTICLE)) == ARTICLE


def test_a_raw_record_is_stored_as_its_difference_from_the_clean_text() -> None:
    packed = pack_raw(RAW, TEXT)
    assert packed[0] == RAW_V1 and unpack_raw(packed, TEXT) == RAW
    assert len(packed) < len(RAW.encode()) / 3
    assert len(pack_raw(TEXT, TEXT)) < 30  # a raw record equal to the clean text costs almost nothing


def test_raw_records_written_before_the_compact_storage_are_read_as_they_are() -> None:
    assert unpack_raw(RAW, TEXT) == RAW and unpack_raw(None, TEXT) == ""


@pytest.mark.parametrize("value", [b"\x7fnot ours", b""])
def test_a_value_from_an_unknown_codec_is_an_error_not_garbage(value: bytes) -> None:
    with pytest.raises(ValueError, match="newer dateline"):
        unpack_json(value)
    with pytest.raises(ValueError, match="newer dateline"):
        unpack_raw(value, TEXT)


@given(st.text(), st.text())
def test_any_raw_record_round_trips_against_any_clean_text(raw: str, text: str) -> None:
    assert unpack_raw(pack_raw(raw, text), text) == raw


def test_a_story_state_and_its_index_keys_read_back_as_they_were_packed() -> None:
    from dateline.archive.compact import pack_story, unpack_story
    from dateline.stories.assign import Story, entity_key

    s = Story(7, terms=Counter({"quak": 3, "peru": 2, "arequipa": 1, "réplica": 1}),
              entities=Counter({"gpe:peru": 2}), years=Counter({"2024": 1}),
              when=Counter({"WD:mon": 2}), mentions=Counter({"N:anec": 1}),
              figures=Counter({"F:6.1": 2, "F:12": 1}), lead=Counter({"person:ana-ruiz": 1}),
              first="2024-03-04", last="2024-03-05", size=2, norm=(4.25, 118))
    # keys from the terms, entities and figures, and one from outside the state
    keys = frozenset({"quak", "réplica", entity_key("gpe:peru"), "F:6.1", "T:XYZ"})
    packed = pack_story(s.state(), keys)
    state, indexed = unpack_story(packed)
    assert indexed == keys
    assert Story.from_state(7, state, s.first, s.last, s.size) == s
    assert len(packed) < len(json.dumps(s.state()))
    # fractional counts (another weighting) come back exactly; a state stored as JSON reads as it was
    weighted = {**s.state(), "terms": {"quak": 0.5, "peru": 1.25}}
    assert unpack_story(pack_story(weighted, frozenset()))[0]["terms"] == {"quak": 0.5, "peru": 1.25}
    assert unpack_story(json.dumps(s.state())) == (json.loads(json.dumps(s.state())), None)


def test_long_keys_and_large_counts_in_a_story_state_read_back() -> None:
    # keys of 128 bytes or more and counts of 128 or more take more than one byte of varint
    from dateline.archive.compact import pack_story, unpack_story

    long_key = "réplica-" * 20  # 180 bytes in UTF-8
    state = {"terms": {long_key: 300, "quak": 1}, "entities": {"gpe:peru": 128}, "figures": {"F:6.1": 127}}
    unpacked, indexed = unpack_story(pack_story(state, frozenset({long_key, "F:6.1"})))
    assert unpacked["terms"] == {long_key: 300, "quak": 1}
    assert unpacked["entities"] == {"gpe:peru": 128} and unpacked["figures"] == {"F:6.1": 127}
    assert indexed == frozenset({long_key, "F:6.1"})
