"""``Format``: what a format module declares about its format."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

import attrs

if TYPE_CHECKING:
    from .._model import Release

__all__ = ["KINDS", "Format"]

KINDS = ("organizations", "people", "contacts", "quotes", "claims")
"""The kinds of record a :class:`Records` collection can hold, by the release field's name."""

T = TypeVar("T", str, bytes)


@attrs.frozen
class Format(Generic[T]):
    """An export format: its name, file, media type and the function that renders it.

    Each module of :mod:`icnk_letter.formats` defines one, as ``FORMAT``.
    """

    name: str
    """The name :func:`icnk_letter.export` takes (``"csv-members"``)."""
    extension: str
    """The usual file extension, with its dot (``".csv"``)."""
    media_type: str
    """The IANA media type (``"text/csv"``)."""
    binary: bool
    """Whether the format is bytes (for :func:`export_bytes` only) rather than text."""
    kinds: tuple[str, ...]
    """The kinds of record (:data:`KINDS`) a collection must hold to be exported in the format.

    Empty for a format that holds a whole release only.
    """
    render: Callable[[Release], T]
    """Return a whole release in the format: ``str`` for text, ``bytes`` for a binary format."""
    description: str = ""
    """One line for the docs and ``--help``: what the format holds and who reads it."""
