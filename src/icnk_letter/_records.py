"""``Records``: the immutable, typed collections of a release."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

__all__ = ["Records", "as_records"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Records(tuple[T_co, ...]):
    """An immutable tuple of records, in the order the release prints them.

    It is a plain ``tuple`` in every way (indexing, slicing, equality with a
    tuple of the same items) and serializes as a JSON list.

    >>> import icnk_letter
    >>> members = icnk_letter.load().members
    >>> isinstance(members, tuple), len(members)
    (True, 39)
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Records({tuple.__repr__(self)})"


def as_records(items: Iterable[T]) -> Records[T]:
    """Return *items* as :class:`Records` (the attrs converter of collection fields)."""
    return items if isinstance(items, Records) else Records(items)
