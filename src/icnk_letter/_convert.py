"""The cattrs converter that turns plain data into records and back."""

from __future__ import annotations

import datetime
import typing
from typing import Any, Final, TypeVar

import cattrs

from ._errors import DataError
from ._records import Records

__all__ = ["converter", "structure"]

T = TypeVar("T")


def _structure_date(value: object, _: type[datetime.date]) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO 8601 date string, got {value!r}")
    return datetime.date.fromisoformat(value)


def _is_records(cls: Any) -> bool:
    return typing.get_origin(cls) is Records or cls is Records


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)

    def structure_records(value: Any, cls: Any) -> Records[Any]:
        (item,) = typing.get_args(cls) or (Any,)
        return Records(conv.structure(value, tuple[item, ...]))  # type: ignore[valid-type]

    conv.register_structure_hook_func(_is_records, structure_records)
    conv.register_unstructure_hook_func(_is_records, lambda value: [conv.unstructure(v) for v in value])
    return conv


converter: Final[cattrs.Converter] = _make_converter()


def structure(data: Any, cls: type[T]) -> T:
    """Structure *data* into *cls*, raising :class:`DataError` naming each bad path."""
    try:
        return converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        if isinstance(exc, cattrs.BaseValidationError):
            problems = cattrs.transform_error(exc, path="")
        else:
            problems = [str(exc)]
        raise DataError(problems) from None
