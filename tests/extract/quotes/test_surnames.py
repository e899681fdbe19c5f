"""A bare surname two people of the article share goes to the one referred to last."""

import re

from dateline.extract.quotes.resolver import _Resolver
from dateline.extract.quotes.surnames import _shared_surnames
from dateline.model import Entity, Mention, Quote

TEXT = ("Former Governor Paul Marsh spoke in Dayton on Monday beside his wife, Senator Ellen "
        "Marsh.\n\nAt the rally, the former governor said wages had to rise.\n\n"
        '"It does not add up," Marsh said.')


def _entities(text: str) -> list[Entity]:
    def mentions(pattern: str) -> list[Mention]:
        return [Mention(m.start(1), m.end(1), m.group(1)) for m in re.finditer(pattern, text)]
    paul = Entity("person:paul-marsh", "Paul Marsh", "PERSON", roles=["Former Governor"],
                  mentions=mentions(r"(Paul Marsh)"))
    # `entities` gave the bare surname to the one named by name most recently: Ellen.
    ellen = Entity("person:ellen-marsh", "Ellen Marsh", "PERSON", roles=["Senator"],
                   mentions=mentions(r"(Ellen Marsh)") + mentions(r"(?<!Ellen )(Marsh) said"))
    return [paul, ellen]


def _quotes(text: str) -> list[Quote]:
    said = text.index("wages")
    quote = text.index("It does")
    return [Quote("wages had to rise", "indirect", "the former governor", "person:paul-marsh",
                  said, said + 17, "said"),
            Quote("It does not add up,", "direct", "Ellen Marsh", "person:ellen-marsh",
                  quote, quote + 19, "said")]


def test_the_bare_surname_goes_to_the_one_a_description_spoke_for_last() -> None:
    text = TEXT
    quotes = _shared_surnames(_quotes(text), _Resolver(_entities(text)), text)
    assert quotes[-1].speaker_entity == "person:paul-marsh"
    assert quotes[-1].speaker == "Paul Marsh"


def test_a_full_name_after_the_description_keeps_her() -> None:
    text = TEXT.replace("wages had to rise.", "wages had to rise. Ellen Marsh nodded.")
    quotes = _shared_surnames(_quotes(text), _Resolver(_entities(text)), text)
    assert quotes[-1].speaker_entity == "person:ellen-marsh"


def test_a_full_name_as_speaker_is_never_moved() -> None:
    text = TEXT.replace('," Marsh said', '," Ellen Marsh said')
    quotes = _shared_surnames(_quotes(text), _Resolver(_entities(text)), text)
    assert quotes[-1].speaker_entity == "person:ellen-marsh"
