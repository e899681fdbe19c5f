"""`record`: the dataclass of dateline's record types (`dataclass(slots=True)`), cheaper to build.

`dataclass` writes each class's `__init__`, `__repr__` and `__eq__` as source text and compiles
it, at import. For the forty records of `dateline.model` that was about 28 ms of every
command's start (issue 20: a fast start), two fifths of it `__repr__` and `__eq__`, which depend
on nothing but the class's field names (and for a frozen record `__hash__`). So these are written
once here and given to each class with its field names: the same text and the same answers as
`dataclass` writes (the class's own name and fields in order, `...` for a record inside itself;
equal when of the same class with equal fields; a mutable record unhashable, a frozen one
hashed by its fields). `__init__`, which extraction calls for every span it finds, and a frozen
record's `__setattr__` stay generated.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


def _repr_of(names: tuple[str, ...]) -> Callable[[Any], str]:
    @reprlib.recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _key_of(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    # A tuple of the fields whatever their number, as dataclass builds (a tuple compares its
    # items by identity first: a field holding NaN equals itself).
    if len(names) > 1:
        return attrgetter(*names)
    return lambda o: tuple(getattr(o, n) for n in names)


def _eq_of(names: tuple[str, ...]) -> Callable[[Any, object], Any]:
    key = _key_of(names)

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return key(self) == key(other)
        return NotImplemented

    return __eq__


def _hash_of(names: tuple[str, ...]) -> Callable[[Any], int]:
    key = _key_of(names)

    def __hash__(self: Any) -> int:
        return hash(key(self))

    return __hash__


def _make(cls: type[T], frozen: bool) -> type[T]:
    own = {name for name in ("__repr__", "__eq__", "__hash__") if name in cls.__dict__}
    made: Any = dataclass(cls, slots=True, frozen=frozen, repr=False, eq=False)
    every = fields(made)
    if "__repr__" not in own:
        made.__repr__ = _repr_of(tuple(f.name for f in every if f.repr))
    if "__eq__" not in own:
        made.__eq__ = _eq_of(tuple(f.name for f in every if f.compare))
        if "__hash__" not in own:
            # Equal by value: a frozen record hashes its fields (those compared, unless a field
            # says otherwise), a mutable one is unhashable, as dataclass makes them.
            hashed = tuple(f.name for f in every if (f.compare if f.hash is None else f.hash))
            made.__hash__ = _hash_of(hashed) if frozen else None
    return made  # type: ignore[no-any-return]


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform()
def record(cls: type[T] | None = None, /, *, frozen: bool = False) -> Any:
    """`@dataclass(slots=True)` (`@record(frozen=True)`: and frozen) with the shared `__repr__`,
    `__eq__` and `__hash__`; a method of one of these names written in the class is kept, as
    `dataclass` keeps it."""
    if cls is None:
        return lambda c: _make(c, frozen)
    return _make(cls, frozen)
