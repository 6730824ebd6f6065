"""The names of the export formats, apart from the export code so the CLI can list them cheaply."""

from __future__ import annotations

from typing import Final

__all__ = ["EXPORT_FORMATS"]

EXPORT_FORMATS: Final[tuple[str, ...]] = (
    "json",
    "jsonld",
    "vcard",
    "popolo",
    "csv-members",
    "csv-contacts",
    "csv-claims",
    "csl-json",
    "bibtex",
    "ris",
)
"""The names :func:`export` knows, in the order the docs describe them."""
