"""The ICNK open letter press release of 8-9 January 2012, as typed, verifiable data.

>>> import icnk_letter
>>> release = icnk_letter.load()
>>> release.title
"World's major human rights groups deliver open letter to Kim Jong-un urging a new era"
>>> release.members[1].name
'Amnesty International'

``import icnk_letter`` imports almost nothing: the record classes, loading,
verification, search and serialization are each imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._errors import AmbiguousKeyError, DataError, NotFoundError

if TYPE_CHECKING:
    __version__: str

    from ._convert import MAX_JSON_SIZE, converter, from_dict, from_json, to_dict, to_json
    from ._data import SCHEMA_VERSION
    from ._export import export, write_datapackage
    from ._load import load
    from ._model import (
        Claim,
        ClaimKind,
        Contact,
        Discrepancy,
        Inference,
        Language,
        Letter,
        Organization,
        OrganizationRole,
        Person,
        Phone,
        PhoneKind,
        Precision,
        Quantity,
        Quote,
        Record,
        Release,
        Source,
        Span,
    )
    from ._records import Records
    from ._search import Hit, lookup, search
    from ._verify import VerificationReport, verify
    from .formats import EXPORT_FORMATS, ExportFormat

__all__ = [
    "EXPORT_FORMATS",
    "MAX_JSON_SIZE",
    "SCHEMA_VERSION",
    "AmbiguousKeyError",
    "Claim",
    "ClaimKind",
    "Contact",
    "DataError",
    "Discrepancy",
    "ExportFormat",
    "Hit",
    "Inference",
    "Language",
    "Letter",
    "NotFoundError",
    "Organization",
    "OrganizationRole",
    "Person",
    "Phone",
    "PhoneKind",
    "Precision",
    "Quantity",
    "Quote",
    "Record",
    "Records",
    "Release",
    "Source",
    "Span",
    "VerificationReport",
    "converter",
    "export",
    "from_dict",
    "from_json",
    "load",
    "lookup",
    "search",
    "to_dict",
    "to_json",
    "verify",
    "write_datapackage",
]

# Public names imported on first use, so that a bare import stays cheap.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        [
            "Claim",
            "ClaimKind",
            "Contact",
            "Discrepancy",
            "ExportFormat",
            "Inference",
            "Language",
            "Letter",
            "Organization",
            "OrganizationRole",
            "Person",
            "Phone",
            "PhoneKind",
            "Precision",
            "Quantity",
            "Quote",
            "Record",
            "Release",
            "Source",
            "Span",
        ],
        "._model",
    ),
    "Records": "._records",
    "SCHEMA_VERSION": "._data",
    "load": "._load",
    "VerificationReport": "._verify",
    "verify": "._verify",
    "Hit": "._search",
    "lookup": "._search",
    "search": "._search",
    "MAX_JSON_SIZE": "._convert",
    "converter": "._convert",
    "from_dict": "._convert",
    "from_json": "._convert",
    "to_dict": "._convert",
    "to_json": "._convert",
    "EXPORT_FORMATS": ".formats",
    "ExportFormat": ".formats",
    "export": "._export",
    "write_datapackage": "._export",
}


# Defined for run time only: to a type checker the module has exactly the names
# imported above, so a misspelt name (icnk_letter.laod) is an error, not Any.
if not TYPE_CHECKING:  # pragma: no branch (always true at run time)

    def __getattr__(name: str) -> Any:
        if name == "__version__":
            from importlib.metadata import PackageNotFoundError, version

            try:
                return version("icnk-letter")
            except PackageNotFoundError:  # a vendored copy or a zip without the package's metadata
                return "unknown"
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
