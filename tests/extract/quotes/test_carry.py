"""A quote paragraph with no cue after a paragraph of narration about one person."""

from dateline.extract.quotes.carry import _carry_speakers
from dateline.model import Quote


def _quotes(text: str) -> list[Quote]:
    """Each quoted passage of `text` as a direct quote with no speaker (the parse found no cue)."""
    out, at = [], 0
    while (start := text.find('"', at)) >= 0:
        end = text.index('"', start + 1)
        out.append(Quote(text[start + 1 : end], "direct", None, None, start + 1, end))
        at = end + 1
    return out


def _people(text: str, names: dict[str, str]) -> list[tuple[int, str, str]]:
    found = [(text.find(n, 0), i, full) for n, (i, full) in
             ((n, (f"person:{v.lower().replace(' ', '-')}", v)) for n, v in names.items())]
    return sorted(f for f in found if f[0] >= 0)


def test_a_quote_paragraph_continues_the_one_person_narrated_before() -> None:
    text = ("Lena Ortiz spoke only briefly at the rally on Monday.\n\n"
            '"We will win this county and the next one."\n\n'
            '"Nobody can stop us now."')
    people = _people(text, {"Lena Ortiz": "Lena Ortiz"})
    quotes = _carry_speakers(_quotes(text), text, [(0, "person:lena-ortiz")], people)
    assert [q.speaker_entity for q in quotes] == ["person:lena-ortiz"] * 2
    assert quotes[0].speaker == "Lena Ortiz" and quotes[0].cue == "continued"


def test_two_people_or_no_subject_before_leave_the_quote_unresolved() -> None:
    two = ("Mark Tell met Ann Bow after the vote.\n\n"
           '"It was a good day for all of us."')
    people = _people(two, {"Mark Tell": "Mark Tell", "Ann Bow": "Ann Bow"})
    got = _carry_speakers(_quotes(two), two, [(0, "person:mark-tell")], people)
    assert got[0].speaker_entity is None
    # the one person named is no subject there: the paragraph is not about her
    none = ("The rally was called off after a storm hit Ann Bow's town.\n\n"
            '"It was a good day for all of us."')
    got = _carry_speakers(_quotes(none), none, [], _people(none, {"Ann Bow": "Ann Bow"}))
    assert got[0].speaker_entity is None


def test_a_quote_inside_a_paragraph_is_not_a_quote_paragraph() -> None:
    text = ("Lena Ortiz spoke only briefly at the rally on Monday.\n\n"
            'The crowd, she was told, "will not wait much longer."')
    people = _people(text, {"Lena Ortiz": "Lena Ortiz"})
    got = _carry_speakers(_quotes(text), text, [(0, "person:lena-ortiz")], people)
    assert got[0].speaker_entity is None


def test_a_quote_attributed_after_its_full_stop_is_not_carried() -> None:
    # The parse may miss `" said` after a full stop inside the marks; the cue is still there.
    text = ("Lena Ortiz runs a consulting firm in Tulsa.\n\n"
            '"She is well known in the U.S." said Mark Tell, a banker.')
    people = _people(text, {"Lena Ortiz": "Lena Ortiz"})
    got = _carry_speakers(_quotes(text), text, [(0, "person:lena-ortiz")], people)
    assert got[0].speaker_entity is None


def test_a_report_by_someone_unresolved_stops_the_carry() -> None:
    text = ('Ann Lee said she was sorry. Lee "apologized twice," Dolan said. "It is time to move on."')
    first = Quote("she was sorry", "indirect", "Ann Lee", "person:ann-lee", 12, 26)
    second = Quote("Lee apologized twice", "indirect", "Dolan", None, 28, 55)
    start = text.index('"It is')
    third = Quote("It is time to move on.", "direct", None, None, start, len(text))
    out = _carry_speakers([first, second, third], text)
    assert (out[2].speaker, out[2].speaker_entity) == (None, None)
