"""The Frictionless Data Package: a descriptor, the CSV tables and the verbatim text.

The descriptor follows Data Package v1 (``profile: data-package``) with one
``tabular-data-resource`` per CSV table, each with its Table Schema (field
types, phone numbers as strings with a pattern, the primary key ``id`` and
the foreign key from contacts to members), and the text as a plain resource.
Every resource records its size and SHA-256, so the package can be checked
byte for byte; the text's hash is the release's :attr:`Release.sha256`.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from ._export import dump_json, export
from ._model import Release
from ._tables import Table, table_named
from .formats import EXPORT_FORMATS

__all__ = ["descriptor", "files", "tables"]

TEXT_PATH = "release.txt"
_CSV = "csv-"


def tables() -> tuple[Table, ...]:
    """Return the tables of the package: one per CSV format of the registry (``csv-members``...), in its order.

    >>> [table.path for table in tables()]
    ['members.csv', 'contacts.csv', 'claims.csv']
    """
    return tuple(table_named(name[len(_CSV) :]) for name in EXPORT_FORMATS if name.startswith(_CSV))


def files(release: Release) -> dict[str, bytes]:
    """Return every file of the data package of *release*, by name, descriptor last."""
    contents = {table.path: export(release, f"{_CSV}{table.name}").encode("utf-8") for table in tables()}
    contents[TEXT_PATH] = release.text.encode("utf-8")
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
    text = contents[TEXT_PATH]
    resources.append(
        {
            "name": "release-text",
            "title": "The release, verbatim",
            "description": (
                "The press release byte for byte; span_start and span_end in the tables are "
                "code-point offsets into this text."
            ),
            "profile": "data-resource",
            "path": TEXT_PATH,
            "format": "txt",
            "mediatype": "text/plain",
            "encoding": "utf-8",
            "bytes": len(text),
            "hash": "sha256:" + hashlib.sha256(text).hexdigest(),
        }
    )
    return {
        "profile": "data-package",
        "name": _package_name(release.id),
        "title": release.title,
        "description": (
            f"The members, press contacts and claims of the press release dated {release.date.isoformat()} "
            f"(printed {release.date_as_printed!r}), with its verbatim text "
            f"(sha256 {release.sha256})."
        ),
        "keywords": ["human-rights", "ngo", "coalition", "press-release"],
        "resources": resources,
    }


def _package_name(release_id: str) -> str:
    # A Data Package name is lower case letters, digits and ".-_/".
    return re.sub(r"[^a-z0-9._/-]+", "-", release_id.lower()).strip("-") or "release"
