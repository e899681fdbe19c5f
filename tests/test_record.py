"""`record` answers as `dataclass(slots=True)` does: the same repr, equality and hashing."""

from __future__ import annotations

import math
import pickle
from dataclasses import asdict, dataclass, field, fields

import pytest

from dateline.record import record


@record
class Span:
    """A span of a wire story's text."""

    start: int
    end: int
    label: str = ""
    notes: list[str] = field(default_factory=list, repr=False, compare=False)


@record
class Quote(Span):
    """A quote, a span with a speaker."""

    speaker: str | None = None


@dataclass(slots=True)
class PlainQuote:
    """What `dataclass` itself makes of the same fields."""

    start: int
    end: int
    label: str = ""
    notes: list[str] = field(default_factory=list, repr=False, compare=False)
    speaker: str | None = None


@record
class Nested:
    """A record that may hold itself."""

    inner: list[object] = field(default_factory=list)


@record
class Own:
    """A record with its own repr and equality."""

    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Own) and other.name.lower() == self.name.lower()

    def __hash__(self) -> int:
        return hash(self.name.lower())


def test_repr_is_dataclasss() -> None:
    q = Quote(3, 40, "direct", ["checked"], speaker="the minister")
    plain = PlainQuote(3, 40, "direct", ["checked"], speaker="the minister")
    assert repr(q) == repr(plain).replace("PlainQuote", "Quote")
    assert repr(q) == "Quote(start=3, end=40, label='direct', speaker='the minister')"  # notes: repr=False
    loop = Nested()
    loop.inner.append(loop)
    assert repr(loop) == "Nested(inner=[...])"


def test_equal_by_fields_and_class_and_unhashable() -> None:
    assert Quote(1, 2, speaker="Ruiz") == Quote(1, 2, speaker="Ruiz")
    assert Quote(1, 2, notes=["a"]) == Quote(1, 2, notes=["b"])  # compare=False is left out
    assert Quote(1, 2, speaker="Ruiz") != Quote(1, 2, speaker="Diaz")
    assert Span(1, 2) != Quote(1, 2)  # another class, as dataclass says
    assert Span(1, 2).__eq__(object()) is NotImplemented
    nan = math.nan
    assert Nested([nan]) == Nested([nan])  # the same object compares equal inside a tuple
    with pytest.raises(TypeError):
        hash(Span(1, 2))


def test_a_class_keeps_the_methods_it_writes() -> None:
    assert repr(Own("Reuters")) == "<Reuters>"
    assert Own("Reuters") == Own("REUTERS") and len({Own("Reuters"), Own("reuters")}) == 1


def test_it_is_still_a_dataclass_with_slots() -> None:
    q = Quote(1, 2, speaker="Ruiz")
    assert [f.name for f in fields(q)] == ["start", "end", "label", "notes", "speaker"]
    assert asdict(q)["speaker"] == "Ruiz" and not hasattr(q, "__dict__")
    assert pickle.loads(pickle.dumps(q)) == q


@record(frozen=True)
class Mark:
    """A frozen record: a highlight of a span."""

    start: int
    end: int
    title: str = field(default="", hash=False)
    css: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class PlainMark:
    """What `dataclass` itself makes of the same fields."""

    start: int
    end: int
    title: str = field(default="", hash=False)
    css: str = field(default="", compare=False)


def test_a_frozen_record_hashes_and_refuses_writes_as_dataclass_does() -> None:
    from dataclasses import FrozenInstanceError

    m, plain = Mark(1, 5, "Ruiz", "q"), PlainMark(1, 5, "Ruiz", "q")
    assert hash(m) == hash(plain) == hash((1, 5))  # title: hash=False, css: compare=False
    assert repr(m) == repr(plain).replace("PlainMark", "Mark")
    assert m == Mark(1, 5, "Ruiz", "other") and m != Mark(1, 5, "Diaz")
    assert len({m, Mark(1, 5, "Ruiz"), Mark(2, 5)}) == 2
    with pytest.raises(FrozenInstanceError):
        m.start = 2  # type: ignore[misc]
