"""What the model's frozen dataclasses share: ``repr``, ``==``, ``hash`` and unpickling.

``@dataclass`` compiles every method it makes, for every class, from source when the class is
created. For the model's twelve classes that was ~9 ms of each command that opens a pack, half
of it for ``repr``, ``==`` and ``hash``, which ``briefing search`` never calls. The model's
classes are declared ``@dataclass(frozen=True, slots=True, repr=False, eq=False)`` on
:class:`Frozen`, whose three methods answer exactly as ``frozen=True`` with the defaults would
(the same text; the fields marked ``compare`` compared as one tuple, and hashed, between objects
of the same class; ``NotImplemented`` for any other). ``__init__`` and the frozen
``__setattr__`` and ``__delattr__`` are dataclasses' own.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter
from threading import get_ident
from typing import Any, NamedTuple

#: (id, thread) of the objects whose repr is being made: a cycle reads "...", as in dataclasses
_REPR_RUNNING: set[tuple[int, int]] = set()


class _Fields(NamedTuple):
    repr: tuple[str, ...]
    compare: Any  # object -> tuple of its compared fields
    hash: Any  # object -> tuple of its hashed fields


_FIELDS: dict[type, _Fields] = {}


def _fields_of(cls: type) -> _Fields:
    spec = _FIELDS.get(cls)
    if spec is None:
        found = fields(cls)
        spec = _FIELDS[cls] = _Fields(
            tuple(f.name for f in found if f.repr),
            _values([f.name for f in found if f.compare]),
            # dataclasses: hash=None means "as compare"
            _values([f.name for f in found if (f.compare if f.hash is None else f.hash)]))
    return spec


def _values(names: list[str]):
    """A function of an object: the tuple of its ``names`` attributes."""
    if len(names) >= 2:
        return attrgetter(*names)  # a tuple, made in C
    return lambda obj: tuple(getattr(obj, name) for name in names)


class Frozen:
    """``repr``, ``==`` and ``hash`` of a frozen dataclass declared with ``repr=False, eq=False``
    (see the module's docstring)."""

    __slots__ = ()

    def __repr__(self) -> str:
        key = id(self), get_ident()
        if key in _REPR_RUNNING:
            return "..."
        _REPR_RUNNING.add(key)
        try:
            values = ", ".join(f"{name}={getattr(self, name)!r}"
                               for name in _fields_of(self.__class__).repr)
            return f"{self.__class__.__qualname__}({values})"
        finally:
            _REPR_RUNNING.discard(key)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            compare = _fields_of(self.__class__).compare
            return compare(self) == compare(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_fields_of(self.__class__).hash(self))


def restore(self: Any, state: list) -> None:
    """``__setstate__`` for a frozen slots dataclass: unpickling a cached pack.

    dataclasses' own asks ``fields()`` again for every object, a third of loading a pack; the
    slots of a slots dataclass are its fields, in order (what its ``__getstate__`` lists).
    """
    for name, value in zip(type(self).__slots__, state, strict=False):
        object.__setattr__(self, name, value)
