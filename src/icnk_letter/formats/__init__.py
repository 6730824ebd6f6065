"""The export formats: a registry of one small module per format, each imported on first use.

:data:`ExportFormat` lists the names in the order the docs describe them.
The format ``"csv-members"`` lives in the module ``csv_members`` of this
package (``-`` becomes ``_``), which defines ``FORMAT``, a
:class:`~icnk_letter.formats._format.Format` naming its file extension,
media type, whether it is binary, the kinds of record it can hold and its
render function. Listing the names imports no format module, so
``import icnk_letter`` and ``icnk-letter --help`` stay cheap.

To add a format, write its module (``FORMAT: Final = Format(...)``, with
``from ._format import Format``), add its name to :data:`ExportFormat` where
the docs describe it, and test it: the test suite checks every module
against its name, and the docs' table of formats against the registry.

>>> from icnk_letter import formats
>>> formats.get("csv-members").extension
'.csv'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

if TYPE_CHECKING:
    from ._format import Format

__all__ = ["EXPORT_FORMATS", "ExportFormat", "all_formats", "get", "module_name"]

ExportFormat = Literal[
    "json",
    "jsonld",
    "vcard",
    "vcard3",
    "popolo",
    "csv-members",
    "csv-contacts",
    "csv-claims",
    "xlsx",
    "sqlite",
    "csl-json",
    "bibtex",
    "ris",
    "html",
    "annotations",
]
"""The name of an export format, as :func:`icnk_letter.export` takes it."""

EXPORT_FORMATS: Final[tuple[ExportFormat, ...]] = get_args(ExportFormat)
"""The names :func:`icnk_letter.export` knows, in the order the docs describe them."""


def module_name(name: str) -> str:
    """Return the full name of the module of the format *name*.

    >>> module_name("csv-members")
    'icnk_letter.formats.csv_members'
    """
    return f"{__name__}.{name.replace('-', '_')}"


def get(name: str) -> Format[Any]:
    """Return the format *name*, importing its module on first use.

    Raises:
        ValueError: if *name* is not a format; the message lists them.

    >>> get("xml")
    Traceback (most recent call last):
      ...
    ValueError: unknown export format 'xml'; the formats are 'json', 'jsonld', 'vcard', ...'csv-claims'...
    """
    if name not in EXPORT_FORMATS:
        known = ", ".join(repr(known) for known in EXPORT_FORMATS)
        raise ValueError(f"unknown export format {name!r}; the formats are {known}")
    fmt: Format[Any] = importlib.import_module(module_name(name)).FORMAT
    return fmt


def all_formats() -> tuple[Format[Any], ...]:
    """Return every format, in the order of :data:`EXPORT_FORMATS` (importing every module)."""
    return tuple(get(name) for name in EXPORT_FORMATS)
