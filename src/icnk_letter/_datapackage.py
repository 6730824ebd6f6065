"""The Frictionless Data Package: a descriptor and one CSV table per kind of record.

The descriptor follows Data Package v1 (``profile: data-package``) with one
``tabular-data-resource`` per table of :data:`~icnk_letter._tables.ALL_TABLES`:
the three of the CSV exports (members, contacts, claims), then organizations,
people, affiliations, quotes, letters, discrepancies, and ``release``, one row
with the release's metadata and its verbatim text. Each has its Table Schema:
field types, phone numbers as strings with a pattern, the primary key and the
foreign keys, so that every reference points at a table of the package. Every
resource is tabular, so that a tool that loads a whole package into a
database finds nothing it cannot load.

The package states its ``licenses``, ``sources`` (the release, then the
outside copies and reports of :attr:`Release.sources`, with their URLs),
``version`` (the package version of icnk-letter that wrote it) and
``created``. ``created`` is the
release's date, not the moment the files were written, so that the same
release always gives the same bytes. Every resource records its size and
SHA-256, so the package can be checked byte for byte.
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING, Any, cast

from ._about import LICENSE, package_version
from ._export import dump_json, export
from ._model import Release
from ._tables import ALL_TABLES, Table, check_references, table_named
from .formats import EXPORT_FORMATS

if TYPE_CHECKING:
    from .formats import ExportFormat

__all__ = ["descriptor", "files", "tables"]

_CSV = "csv-"


def tables() -> tuple[Table, ...]:
    """Return the tables of the package: one per CSV format of the registry, in its order, then the others.

    >>> [table.path for table in tables()][:4]
    ['members.csv', 'contacts.csv', 'claims.csv', 'organizations.csv']
    """
    exported = tuple(table_named(name[len(_CSV) :]) for name in EXPORT_FORMATS if name.startswith(_CSV))
    return exported + tuple(table for table in ALL_TABLES if table not in exported)


def files(release: Release) -> dict[str, bytes]:
    """Return every file of the data package of *release*, by name, descriptor last.

    The tables of the ``csv-`` formats are those exports byte for byte.

    Raises:
        DataError: if a reference of the release does not resolve.
    """
    check_references(release)
    formats = {name[len(_CSV) :] for name in EXPORT_FORMATS if name.startswith(_CSV)}
    contents = {
        table.path: (
            export(release, cast("ExportFormat", _CSV + table.name))
            if table.name in formats
            else table.render(release)
        ).encode("utf-8")
        for table in tables()
    }
    contents["datapackage.json"] = dump_json(descriptor(release, contents)).encode("utf-8")
    return contents


def descriptor(release: Release, contents: dict[str, bytes]) -> dict[str, Any]:
    """Return the ``datapackage.json`` descriptor of *release*, whose files are *contents*."""
    resources: list[dict[str, Any]] = []
    for table in tables():
        data = contents[table.path]
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "description": table.description,
                "profile": "tabular-data-resource",
                "path": table.path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                },
                "schema": table.schema(),
            }
        )
    return {
        "profile": "data-package",
        "name": _package_name(release.id),
        "title": release.title,
        "description": (
            f"The members, press contacts and claims of the press release dated {release.date.isoformat()} "
            f"(printed {release.date_as_printed!r}), with its verbatim text "
            f"(sha256 {release.sha256}), as curated by icnk-letter. The records are MIT licensed; the "
            "text of the release is reproduced verbatim as a historical record and belongs to its authors."
        ),
        "version": package_version(),
        "created": f"{release.date.isoformat()}T00:00:00Z",
        "licenses": [dict(LICENSE)],
        "sources": [
            {"title": f"{release.title} (press release, {release.dateline}, {release.date_as_printed})"},
            *(
                {"title": f"{source.publisher}: {source.title}", "path": source.url}
                for source in release.sources
            ),
        ],
        "keywords": ["human-rights", "ngo", "coalition", "press-release"],
        "resources": resources,
    }


def _package_name(release_id: str) -> str:
    # A Data Package name is lower case letters, digits and ".-_/".
    return re.sub(r"[^a-z0-9._/-]+", "-", release_id.lower()).strip("-") or "release"
