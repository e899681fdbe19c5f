"""`record`: the dataclass of dateline's record types (`dataclass(slots=True)`), cheaper to build.

`dataclass` writes each class's `__init__`, `__repr__` and `__eq__` as source text and compiles
it, at import. For the forty records of `dateline.model` that was about 28 ms of every
command's start (issue 20: a fast start), two fifths of it `__repr__` and `__eq__`, which depend
on nothing but the class's field names. So those two are written once here and given to each
class with its field names: the same text and the same answers as `dataclass` writes (the
class's own name and fields in order, `...` for a record inside itself; equal when of the same
class with equal fields; unhashable, as a mutable dataclass is). `__init__`, which extraction
calls for every span it finds, stays generated.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


def _repr_of(names: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _eq_of(names: tuple[str, ...]) -> Callable[[Any, object], Any]:
    # A tuple of the fields whatever their number, as dataclass compares (a tuple compares
    # its items by identity first: a field holding NaN equals itself).
    key = attrgetter(*names) if len(names) > 1 else (lambda o: tuple(getattr(o, n) for n in names))

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    return __eq__


@dataclass_transform()
def record(cls: type[T]) -> type[T]:
    """`@dataclass(slots=True)` with the shared `__repr__` and `__eq__`; a method of either
    name written in the class is kept, as `dataclass` keeps it."""
    own = {name for name in ("__repr__", "__eq__", "__hash__") if name in cls.__dict__}
    made: Any = dataclass(cls, slots=True, repr=False, eq=False)
    every = fields(made)
    if "__repr__" not in own:
        made.__repr__ = _repr_of(tuple(f.name for f in every if f.repr))
    if "__eq__" not in own:
        made.__eq__ = _eq_of(tuple(f.name for f in every if f.compare))
        if "__hash__" not in own:
            made.__hash__ = None  # equal by value and mutable: unhashable, as dataclass makes it
    return made  # type: ignore[no-any-return]
