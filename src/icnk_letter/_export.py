"""Exports to the formats other tools read: JSON, JSON-LD, vCard, Popolo, CSV, Data Package, citations.

Each format lives in its own module of :mod:`icnk_letter.formats`, imported on
first use; this one picks the format from that registry, caches the result per
release (releases are immutable) and holds the helpers the renderers share.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Final, TypeVar, cast

from ._cache import cache_for
from ._errors import DataError, NotFoundError
from ._model import Letter, Organization, Person, Phone, Record, Release
from .formats import EXPORT_FORMATS, get

__all__ = ["EXPORT_FORMATS", "export", "write_datapackage"]

_R = TypeVar("_R", Letter, Organization, Person)
_DIGITS = re.compile(r"[0-9]+")


def export(release: Release, fmt: str) -> str:
    """Return *release* in the format *fmt*, one of :data:`EXPORT_FORMATS`.

    The output is deterministic: the same release gives the same text, byte
    for byte, on every supported Python. It is computed once per release and
    then reused. See the "Formats" page of the docs for what each holds.

    Raises:
        ValueError: if *fmt* is not a known format; the message lists them.
        DataError: if a value is not of its field's type (a release built
            with ``attrs.evolve()`` can hold anything), or a reference of the
            release does not resolve (a release that passes :func:`verify`
            never has one).

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> print(icnk_letter.export(release, "csv-members").splitlines()[2])
    amnesty-international,Amnesty International,,,,Amnesty International,3486,3507
    >>> icnk_letter.export(release, "xml")
    Traceback (most recent call last):
      ...
    ValueError: unknown export format 'xml'; the formats are 'json', 'jsonld', 'vcard', 'popolo', 'csv-members', 'csv-contacts', 'csv-claims', 'csl-json', 'bibtex', 'ris', 'html', 'annotations'
    """
    _check_release(release, "export")
    chosen = get(fmt)
    cache = cache_for(release)
    key = f"export:{fmt}"
    text: str | None = cache.get(key)
    if text is None:
        from ._typecheck import check_types

        check_types(release)  # a release built with attrs.evolve() may hold anything
        rendered: str = chosen.render(release)
        cache[key] = text = rendered
    return text


def write_datapackage(release: Release, directory: str | Path) -> Path:
    """Write *release* as a Frictionless Data Package into *directory*; return the descriptor's path.

    The directory gets ``datapackage.json``, the three CSV tables
    (``members.csv``, ``contacts.csv``, ``claims.csv``, as :func:`export`
    writes them) and ``release.txt``, the verbatim text whose SHA-256 the
    descriptor records.

    The package is built in a temporary folder beside *directory* (whose
    parents are created if missing), then swapped in whole: an existing
    package is replaced, and after an interruption or a full disk *directory*
    holds either the whole old package or the whole new one. An existing
    folder keeps its mode. A folder that holds other files is refused rather
    than emptied. The temporary folder (``.icnk-*.new``) is removed on any
    exception, Ctrl-C included; only a process killed outright (SIGKILL, or a
    signal it does not handle) leaves it behind, and never a mixed package.

    Raises:
        FileExistsError: if *directory* holds files that are not part of a
            data package.
        NotADirectoryError: if *directory* is a file.
        OSError: if the package cannot be written; the old one is left as it was.

    >>> import tempfile, json, icnk_letter
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = icnk_letter.write_datapackage(icnk_letter.load(), tmp)
    ...     descriptor = json.loads(path.read_text(encoding="utf-8"))
    >>> path.name, [r["path"] for r in descriptor["resources"]]
    ('datapackage.json', ['members.csv', 'contacts.csv', 'claims.csv', 'release.txt'])
    """
    from ._datapackage import files
    from ._write import write_folder

    _check_release(release, "write_datapackage")
    target = Path(directory)
    write_folder(str(target), files(release))
    return target / "datapackage.json"


def render_json(release: Release) -> str:
    """Return *release* as the ``"json"`` export: its :func:`to_dict` laid out by :func:`dump_json`."""
    from ._convert import to_dict

    return dump_json(to_dict(release))


def dump_json(data: dict[str, Any]) -> str:
    """Return *data* as the JSON of the JSON exports: one top-level key, and one array item, per line.

    The layout keeps files readable and diffs small (a changed record is a
    changed line) while every line is written by the C encoder: indenting
    every level with ``json.dumps(indent=2)`` runs in pure Python and costs five
    times as much.

    >>> print(dump_json({"id": "x", "members": [{"id": "a"}, {"id": "b"}], "empty": []}), end="")
    {
      "id": "x",
      "members": [
        {"id": "a"},
        {"id": "b"}
      ],
      "empty": []
    }
    """
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            values = cast("list[object]", value)
            items = ",\n".join("    " + _compact(item) for item in values)
            lines.append(f"  {_compact(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


# One encoder for every line: json.dumps() with options builds a new one per call.
_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False)
_compact = _ENCODER.encode


def _check_release(release: object, function: str) -> None:
    if not isinstance(release, Release):
        raise TypeError(f"{function}() takes a Release, got {type(release).__name__}: {release!r:.60}")


def tel_uri(phone: Phone) -> str | None:
    """Return *phone* as an RFC 3966 global ``tel:`` URI built from the digit groups of ``international``.

    For a verified release this is :attr:`Phone.uri`; for any other it still
    is a well-formed URI (or ``None`` if there are no digits at all), so that
    no export can be broken by a stray character.

    >>> import icnk_letter
    >>> tel_uri(icnk_letter.load().contacts[2].phones[0])
    'tel:+44-20-8329-0045'
    """
    groups = _DIGITS.findall(phone.international)
    return "tel:+" + "-".join(groups) if groups else None


def resolve(release: Release, record_id: str, cls: type[_R], path: str) -> _R:
    """Return the record *record_id* of type *cls*, or raise :class:`DataError` naming *path*."""
    try:
        record: Record | None = release.by_id(record_id)
    except NotFoundError:
        record = None
    if not isinstance(record, cls):
        raise DataError([f"{path}: {record_id!r} is not the id of {_a(cls.__name__)}"])
    return record


def _a(noun: str) -> str:
    return ("an " if noun[0] in "AEIOU" else "a ") + noun.lower()
