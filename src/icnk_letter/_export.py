"""Exports to the formats other tools read: JSON, JSON-LD, vCard, Popolo, CSV, Data Package, citations.

Each format lives in its own module of :mod:`icnk_letter.formats`, imported on
first use; this one picks the format from that registry, caches the result per
release (releases are immutable) and holds the helpers the renderers share.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Final, Literal, TypeVar, cast, overload

from ._cache import cache_for
from ._errors import DataError, NotFoundError
from ._model import Claim, Contact, Letter, Organization, Person, Phone, Quote, Record, Release
from ._records import Records, owner_of
from .formats import EXPORT_FORMATS, ExportFormat, all_formats, get
from .formats._format import KINDS, Format

__all__ = ["EXPORT_FORMATS", "export", "export_bytes", "write_datapackage"]

_KINDS: Final[dict[type, str]] = {
    Organization: "organizations",
    Person: "people",
    Contact: "contacts",
    Quote: "quotes",
    Claim: "claims",
}

_TYPES_CHECKED: Final = "export:types-checked"

_R = TypeVar("_R", Letter, Organization, Person)
_DIGITS = re.compile(r"[0-9]+")


def export(release: Release | Records[Any], fmt: ExportFormat) -> str:
    """Return *release*, or a collection of its records, in the text format *fmt*.

    *fmt* is one of :data:`EXPORT_FORMATS` (a binary one, such as ``xlsx``,
    needs :func:`export_bytes`). The output is deterministic: the same
    release gives the same text, byte for byte, on every supported Python. A
    whole release's export is computed once and then reused. See the
    "Formats" page of the docs for what each holds.

    A :class:`Records` collection, such as a filtered one, gives only its
    records, in a format that holds records of its kind: ``csv-members`` for
    organizations, ``csv-contacts`` and ``vcard`` for contacts,
    ``csv-claims`` for claims, and ``json`` (a JSON array) for any kind.

    Raises:
        TypeError: if *release* is neither a :class:`Release` nor a
            :class:`Records` collection of records.
        ValueError: if *fmt* is not a known text format, or cannot hold the
            collection given; the message names the formats that can.
        DataError: if a value is not of its field's type (a release or a
            record built with ``attrs.evolve()`` can hold anything), or a
            reference of the release does not resolve (a release that passes
            :func:`verify` never has one).

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> print(icnk_letter.export(release, "csv-members").splitlines()[2])
    amnesty-international,Amnesty International,,,,Amnesty International,3486,3507
    >>> korean = release.members.filter(country="KR")
    >>> len(icnk_letter.export(korean, "csv-members").splitlines())  # the header and 9 rows
    10
    >>> icnk_letter.export(korean, "vcard")
    Traceback (most recent call last):
      ...
    ValueError: 'vcard' cannot hold a collection of organizations; export it as 'json' or 'csv-members'
    """
    return _export(release, fmt, "export", binary=False)


def export_bytes(obj: Release | Records[Any], fmt: ExportFormat) -> bytes:
    """Return *obj*, a release or a collection of its records, in the format *fmt* as bytes.

    Every format of :data:`EXPORT_FORMATS` works: a binary one as it is
    written, a text one as the UTF-8 of :func:`export`. Collections and
    errors are those of :func:`export`.

    >>> import icnk_letter
    >>> icnk_letter.export_bytes(icnk_letter.load(), "vcard")[:13]
    b'BEGIN:VCARD\\r\\n'
    """
    data = _export(obj, fmt, "export_bytes", binary=True)
    return data if isinstance(data, bytes) else data.encode("utf-8")


@overload
def _export(obj: Release | Records[Any], fmt: str, function: str, *, binary: Literal[False]) -> str: ...
@overload
def _export(obj: Release | Records[Any], fmt: str, function: str, *, binary: bool) -> str | bytes: ...
def _export(obj: Release | Records[Any], fmt: str, function: str, *, binary: bool) -> str | bytes:
    """Return *obj* in the format *fmt*; a binary format only if *binary* (for *function*'s errors)."""
    if not isinstance(obj, (Release, Records)):
        raise TypeError(
            f"{function}() takes a Release or a Records collection, got {type(obj).__name__}: {obj!r:.60}"
        )
    chosen = get(fmt)
    if chosen.binary and not binary:
        raise ValueError(f"{fmt!r} is a binary format: use export_bytes(obj, {fmt!r}), which returns bytes")
    if isinstance(obj, Records):
        return _export_records(obj, chosen)
    cache = cache_for(obj)
    key = f"export:{fmt}"
    cached: str | bytes | None = cache.get(key)
    if cached is not None:
        return cached
    _check_types(obj)  # a release built with attrs.evolve() may hold anything
    result: str | bytes = chosen.render(obj)
    cache[key] = result
    return result


def _export_records(records: Records[Any], chosen: Format[Any]) -> str | bytes:
    kinds = kinds_of(records)
    if chosen.render_records is None or not set(kinds) <= set(chosen.kinds):
        what = "a collection of " + " and ".join(kinds) if kinds else "an empty collection"
        able = [repr(fmt.name) for fmt in all_formats() if fmt.kinds and set(kinds) <= set(fmt.kinds)]
        choices = " or ".join(filter(None, (", ".join(able[:-1]), able[-1])))
        raise ValueError(f"{chosen.name!r} cannot hold {what}; export it as {choices}")
    # Records built with attrs.evolve() may hold anything, and so may the release they come from.
    owner = owner_of(records)
    if owner is None:
        for record in records:
            _check_types(record)
    else:
        cache = cache_for(owner)
        if not cache.get(_TYPES_CHECKED):
            _check_types(owner)  # once per release: it is immutable
            cache[_TYPES_CHECKED] = True
    result: str | bytes = chosen.render_records(records)
    return result


def kinds_of(records: Records[Any]) -> tuple[str, ...]:
    """Return the kinds of record in *records* (``"contacts"``...), in the order of :data:`KINDS`.

    Raises:
        TypeError: if an item of *records* is not a record of a kind a release has a collection of.

    >>> import icnk_letter
    >>> kinds_of(icnk_letter.load().people)
    ('people',)
    """
    found: set[str] = set()
    item: object
    for item in records:
        kind = _KINDS.get(type(item))
        if kind is None:
            raise TypeError(
                f"a collection to export holds records ({', '.join(KINDS)}), "
                f"not {type(item).__name__}: {item!r:.60}"
            )
        found.add(kind)
    return tuple(kind for kind in KINDS if kind in found)


def write_datapackage(release: Release, directory: str | Path) -> Path:
    """Write *release* as a Frictionless Data Package into *directory*; return the descriptor's path.

    The directory gets ``datapackage.json`` and a CSV table per kind of
    record: ``members.csv``, ``contacts.csv`` and ``claims.csv`` (as
    :func:`export` writes them), the organizations, people, affiliations,
    quotes, letters and discrepancies, and ``release.csv``, the release's
    metadata and verbatim text.

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
        DataError: if a reference of the release does not resolve (a release
            that passes :func:`verify` never has one).

    >>> import tempfile, json, icnk_letter
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = icnk_letter.write_datapackage(icnk_letter.load(), tmp)
    ...     descriptor = json.loads(path.read_text(encoding="utf-8"))
    >>> path.name, [r["path"] for r in descriptor["resources"]][:4]
    ('datapackage.json', ['members.csv', 'contacts.csv', 'claims.csv', 'organizations.csv'])
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


def render_json_records(records: Records[Any]) -> str:
    """Return *records* as the ``"json"`` export of a collection: a JSON array, one record per line.

    >>> import icnk_letter
    >>> print(render_json_records(icnk_letter.load().quotes)[:36])
    [
      {"id": "quote-1", "speaker": "ha
    >>> render_json_records(icnk_letter.Records())
    '[]\\n'
    """
    from ._convert import to_dict

    items: list[dict[str, Any]] = to_dict(records)
    if not items:
        return "[]\n"
    return "[\n" + ",\n".join("  " + _compact(item) for item in items) + "\n]\n"


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


def _check_types(obj: object) -> None:
    from ._typecheck import check_types

    check_types(obj)


def release_of(records: Records[Any], fmt: str) -> Release:
    """Return the release *records* is a collection of, or raise ValueError if it has none.

    The formats that look up the people and organizations of contacts need it.
    """
    release = owner_of(records)
    if release is None:
        raise ValueError(
            f"{fmt!r} looks up the people and organizations the records name in the release they "
            "come from, and this collection belongs to no release: export a collection taken from "
            "one (release.contacts.filter(...)), or the release itself"
        )
    return release


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
