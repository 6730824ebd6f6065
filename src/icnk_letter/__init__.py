"""The ICNK open letter press release of 8-9 January 2012, as typed, verifiable data.

>>> import icnk_letter
>>> release = icnk_letter.load()
>>> release.title
"World's major human rights groups deliver open letter to Kim Jong-un urging a new era"
>>> release.members[1].name
'Amnesty International'

``import icnk_letter`` imports only attrs and the record classes; loading,
verification, search and serialization are imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._errors import DataError, NotFoundError
from ._model import (
    Claim,
    ClaimKind,
    Contact,
    Discrepancy,
    Language,
    Letter,
    Organization,
    Person,
    Phone,
    PhoneKind,
    Quantity,
    Quote,
    Record,
    Release,
    Span,
)
from ._records import Records

if TYPE_CHECKING:
    from ._load import SCHEMA_VERSION, load
    from ._verify import VerificationReport, verify

__all__ = [
    "SCHEMA_VERSION",
    "Claim",
    "ClaimKind",
    "Contact",
    "DataError",
    "Discrepancy",
    "Language",
    "Letter",
    "NotFoundError",
    "Organization",
    "Person",
    "Phone",
    "PhoneKind",
    "Quantity",
    "Quote",
    "Record",
    "Records",
    "Release",
    "Span",
    "VerificationReport",
    "load",
    "verify",
]

# Public names imported on first use, so that a bare import stays cheap.
_LAZY: dict[str, str] = {
    "SCHEMA_VERSION": "._load",
    "load": "._load",
    "VerificationReport": "._verify",
    "verify": "._verify",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("icnk-letter")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})
