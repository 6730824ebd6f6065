"""The types of every value of a record, which attrs itself never checks.

A record built with ``attrs.evolve()`` may hold anything: a str where an int
belongs, a list for a tuple, ``None`` for a span. :func:`icnk_letter.verify`,
:func:`icnk_letter.export` and :func:`icnk_letter.to_json` check the types
first, so that such a value gives a :class:`DataError`, never a crash deep in
the code that reads it.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from typing import Any, Final, cast

import attrs

from ._records import Records
from ._rules import label as _label

__all__ = ["MAX_INT", "check_types", "type_problems"]

MAX_INT: Final[int] = 2**63 - 1
"""The largest magnitude of an integer a record may hold (a signed 64-bit integer)."""


def check_types(obj: object) -> None:
    """Raise :class:`DataError` if a value of the record *obj* is not of its field's type.

    Anything that is not a record is left alone.
    """
    if attrs.has(type(obj)):
        problems = type_problems(obj)
        if problems:
            from ._errors import DataError

            raise DataError(problems)


# A check of one value: returns a problem, or None after pushing the values inside it.
_Stack = list[tuple[object, "_Check", str]]
_Check = typing.Callable[[object, str, _Stack], "str | None"]


def type_problems(obj: object) -> list[str]:
    """Return a problem for every value of *obj* (a release) that is not of its field's type.

    Integers must also be within the range strict loading accepts, and strings
    be valid Unicode (no lone surrogates), so that every later check can use them.
    """
    found: list[str] = []
    # A loop, not recursion: the values could nest deeply.
    cls: Any = type(obj)
    stack: _Stack = [(obj, _checker(cls), "")]
    while stack:
        value, check, path = stack.pop()
        problem = check(value, path, stack)
        if problem is not None:
            found.append(f"{path or '$'}: {problem}")
    return sorted(found)


def _wrong(expected: str, value: object) -> str:
    return f"expected {expected}, got {type(value).__name__}"


@functools.cache
def _checker(hint: Any) -> _Check:
    """Return the check of a value of the type *hint*, built once per type."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [option for option in typing.get_args(hint) if option is not type(None)]
        check_inner = _checker(inner)
        return lambda value, path, stack: None if value is None else check_inner(value, path, stack)
    if origin is tuple or origin is Records:
        container: type = tuple if origin is tuple else Records
        check_item = _checker(typing.get_args(hint)[0])

        def check_items(value: object, path: str, stack: _Stack) -> str | None:
            if not isinstance(value, container):
                return _wrong(f"a {container.__name__}", value)
            stack.extend(
                (item, check_item, f"{path}[{i}]") for i, item in enumerate(cast("tuple[object, ...]", value))
            )
            return None

        return check_items
    if hint is str:

        def check_str(value: object, path: str, stack: _Stack) -> str | None:
            if type(value) is not str:  # an enum member is a str too
                return _wrong("str", value)
            if not value.isascii():
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    return "not valid Unicode (a lone surrogate)"
            return None

        return check_str
    if hint is int:

        def check_int(value: object, path: str, stack: _Stack) -> str | None:
            if type(value) is not int:
                return _wrong("int", value)
            return (
                None
                if -MAX_INT <= value <= MAX_INT
                else "an integer out of range (at most 2**63 - 1 in magnitude)"
            )

        return check_int
    if hint is datetime.date:
        return lambda value, path, stack: None if type(value) is datetime.date else _wrong("date", value)
    if attrs.has(hint):
        hints = typing.get_type_hints(hint)
        fields = tuple((field.name, _checker(hints[field.name])) for field in attrs.fields(hint))

        def check_record(value: object, path: str, stack: _Stack) -> str | None:
            if type(value) is not hint:
                return _wrong(hint.__name__, value)
            label = _label(path, value)
            stack.extend(
                (getattr(value, name), check, f"{label}.{name}" if label else name) for name, check in fields
            )
            return None

        return check_record
    # bool and the enums: exactly their type.
    return lambda value, path, stack: None if type(value) is hint else _wrong(hint.__name__, value)
