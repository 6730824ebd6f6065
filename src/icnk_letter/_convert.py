"""Plain data and JSON: the cattrs converters, and strict loading.

Every value a user hands us goes through the same checks: the JSON itself,
its size, the ``schema_version``, the shape and types of every field, the
rules each record meets on its own (``_rules``: spans, E.164 numbers,
quantities, language tags, ids, names and texts), and, for a
:class:`Release`, :func:`verify`, which applies those rules too. Each failure is a :class:`DataError` whose
lines start with the JSON path of the value concerned, all problems at once.
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import typing
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast, overload

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from ._errors import DataError
from ._model import (
    ClaimKind,
    Discrepancy,
    Inference,
    Language,
    OrganizationRole,
    Phone,
    PhoneKind,
    Precision,
    Quantity,
    Record,
    Release,
    Source,
    Span,
)
from ._records import Records
from ._rules import record_problems
from ._typecheck import MAX_INT, check_types

if TYPE_CHECKING:
    from ._search import Hit

__all__ = [
    "MAX_JSON_SIZE",
    "converter",
    "from_dict",
    "from_json",
    "parse_json",
    "structure",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

MAX_JSON_SIZE: Final[int] = 4 * 1024 * 1024
"""The largest JSON :func:`from_json` reads: 4 MiB (bytes, or characters of a ``str``).

The bundled release is about 31 kB as compact JSON (42 kB indented), so a
corrected edition fits many times over; anything larger is refused before it
is parsed.
"""

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ENUMS: Final = (PhoneKind, ClaimKind, Precision)
# An object key shown as is in a path; any other key is shown escaped, in brackets.
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,59}")


# Plain repr()s can be huge (a whole list); a problem line shows the start.
def _show(value: object) -> str:
    if isinstance(value, int) and value.bit_length() > 64:
        # repr() of an int of over 4,300 digits raises ValueError.
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    text = ascii(value[:60]) if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def key_path(path: str, key: object) -> str:
    """Return the path of *key* in the object at *path*: ``a.b``, or ``a['odd key']`` escaped.

    >>> key_path("members[0]", "name"), key_path("", "x\\n  y: forged")
    ('members[0].name', "['x\\\\n  y: forged']")
    """
    if isinstance(key, str) and _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{_show(key)}]"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {_show(value)}"
    if isinstance(value, str):
        return f"the string {_show(value)}"
    if isinstance(value, (list, tuple)):
        count = len(cast("Sequence[object]", value))
        return f"an array of {count} item{'' if count == 1 else 's'}"
    if isinstance(value, dict):
        return "an object"
    return _show(value)


def _structure_str(value: object, _: type[str]) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_json_type(value)}")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"not valid Unicode (a lone surrogate) in {_show(value)}") from None
    return value


def _structure_int(value: object, _: type[int]) -> int:
    # bool is an int in Python but not in JSON; 3.0 and "3" are not integers either.
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, got {_json_type(value)}")
    if not -MAX_INT <= value <= MAX_INT:
        raise ValueError(f"expected an integer between -(2**63 - 1) and 2**63 - 1, got {_json_type(value)}")
    return value


def _structure_bool(value: object, _: type[bool]) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_json_type(value)}")
    return value


def _structure_date(value: object, _: type[datetime.date]) -> datetime.date:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise TypeError(f"expected an ISO 8601 date (YYYY-MM-DD), got {_json_type(value)}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date of the calendar") from None


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    for member in cls:
        if value == member.value and isinstance(value, str):
            return member
    known = ", ".join(repr(m.value) for m in cls)
    raise ValueError(f"expected one of {known}, got {_json_type(value)}")


def _is_records(cls: Any) -> bool:
    # A subclass too: the collections of a release are of a subclass that holds it.
    return typing.get_origin(cls) is Records or (isinstance(cls, type) and issubclass(cls, Records))


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    for kind in _ENUMS:
        # Registered per class: as str subclasses they would otherwise get str's hooks.
        conv.register_structure_hook(kind, _structure_enum)
        conv.register_unstructure_hook(kind, lambda member: member.value)

    def structure_items(value: Any, cls: Any) -> tuple[Any, ...]:
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"expected an array, got {_json_type(value)}")
        (item, _) = typing.get_args(cls)
        items: list[Any] = []
        errors: list[Exception] = []
        for index, element in enumerate(cast("Sequence[Any]", value)):
            try:
                items.append(conv.structure(element, item))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {cls!r} @ index {index}", index, item)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return tuple(items)

    def structure_records(value: Any, cls: Any) -> Records[Any]:
        (item,) = typing.get_args(cls) or (Any,)
        return Records(conv.structure(value, tuple[item, ...]))  # type: ignore[valid-type]

    def attrs_hook(cls: Any) -> Callable[[Any, Any], Any]:
        inner = make_dict_structure_fn(
            cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
        )
        # cattrs lets a field with a default be left out; strict loading does not.
        defaulted = [f for f in attrs.fields(cls) if f.default is not attrs.NOTHING]

        def structure_attrs(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise TypeError(f"expected an object ({cls.__name__}), got {_json_type(value)}")
            mapping = cast("dict[str, Any]", value)
            missing = [f for f in defaulted if f.name not in mapping]
            if not missing:
                return inner(mapping, cls)
            errors: list[Exception] = []
            try:
                inner(mapping, cls)
            except ClassValidationError as exc:
                errors.extend(exc.exceptions)
            for field in missing:
                error = KeyError(field.name)
                note = AttributeValidationNote(
                    f"Structuring {cls.__name__} @ {field.name}", field.name, field.type
                )
                error.__notes__ = [note]  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue]
                errors.append(error)
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)

        return structure_attrs

    conv.register_structure_hook_func(_is_homogeneous_tuple, structure_items)
    conv.register_structure_hook_func(_is_records, structure_records)
    conv.register_structure_hook_factory(attrs.has, attrs_hook)
    conv.register_unstructure_hook_func(_is_records, lambda value: [conv.unstructure(v) for v in value])
    return conv


# The converter of to_dict(), to_json(), from_dict(), from_json() and every export.
# Private, so that no hook a user registers can change what they write.
_converter: Final[cattrs.Converter] = _make_converter()

converter: Final[cattrs.Converter] = _make_converter()
"""A cattrs converter configured like the one behind :func:`to_dict` and :func:`from_dict`, for your own use.

It is strict: unknown keys, missing keys and values of the wrong JSON type
(``"3"`` or ``3.0`` for an integer, a string for an array) are errors. Dates
are ISO 8601 strings, enums their string values, tuples and
:class:`Records` JSON arrays. Its errors are cattrs' own; :func:`from_dict`
turns them into a :class:`DataError` and adds the rules of records and the
integrity check.

It is a copy: the library's own functions and exports use a private
converter, so a hook registered here (say, dates written another way)
changes what you structure and unstructure with it, and nothing else.

>>> import datetime, icnk_letter
>>> icnk_letter.converter.unstructure(datetime.date(2012, 1, 9))
'2012-01-09'
"""


def _problems(exc: BaseException, path: str) -> Iterator[str]:
    if isinstance(exc, (ClassValidationError, IterableValidationError)):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                child = f"{path}.{note.name}" if path else note.name
            else:
                assert isinstance(note, IterableValidationNote)
                child = f"{path}[{note.index}]"
            yield from _problems(sub, child)
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields, key=_show):
            yield f"{key_path(path, key)}: unknown key ({exc.cl.__name__} has no field {_show(key)})"
    elif isinstance(exc, KeyError):
        yield f"{path or '$'}: required key is missing"
    elif isinstance(exc, (TypeError, ValueError)):
        yield f"{path or '$'}: {exc}"
    else:
        yield f"{path or '$'}: {type(exc).__name__}: {exc}"


def structure(data: Any, cls: type[T]) -> T:
    """Structure *data* into *cls*, raising :class:`DataError` naming each bad path.

    Shape and types only: :func:`from_dict` adds the rules of records, and
    :func:`verify` for a :class:`Release`.
    """
    try:
        return _converter.structure(data, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise DataError(_problems(exc, "")) from None
    except RecursionError:
        raise DataError(["$: nested too deeply"]) from None


# What to_dict() and to_json() take: a release, a record, a value inside one, a
# search hit, an enum, or a sequence of them (a Records collection, a tuple field).
@overload
def to_dict(obj: PhoneKind | ClaimKind | Precision) -> str: ...
@overload
def to_dict(
    obj: Release
    | Record
    | Span
    | Phone
    | Language
    | Quantity
    | Discrepancy
    | Source
    | Inference
    | OrganizationRole
    | Hit[Any],
) -> dict[str, Any]: ...
@overload
def to_dict(
    obj: Sequence[
        Release
        | Record
        | Span
        | Phone
        | Language
        | Quantity
        | Discrepancy
        | Source
        | Inference
        | OrganizationRole
        | Hit[Any]
    ],
) -> list[dict[str, Any]]: ...
def to_dict(obj: object) -> object:
    """Return *obj* (any record, release or enum) as plain JSON-compatible data.

    Keys are the documented snake_case field names in the classes' field
    order, dates ISO 8601 strings, enums their values, sequences lists: a
    record gives a ``dict``, a :class:`Records` collection (or a tuple of
    records) a ``list`` of them, an enum its ``str`` value.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> icnk_letter.to_dict(release.contacts[1].languages[0])
    {'tag': 'ja', 'as_printed': 'Japanese'}
    >>> icnk_letter.to_dict(release.contacts[1].phones[1])["kind"]
    'mobile'
    >>> icnk_letter.to_dict(release)["date"]
    '2012-01-09'
    """
    return _converter.unstructure(obj)


@overload
def from_dict(data: Any) -> Release: ...
@overload
def from_dict(data: Any, cls: type[T]) -> T: ...
def from_dict(data: Any, cls: Any = Release) -> Any:
    """Build a *cls* (default :class:`Release`) from plain data, strictly.

    Every record in the result must also meet the rules it has on its own: a
    span's ``quote`` is ``end - start`` characters long from a ``start`` of 0
    or more, E.164 numbers are well formed and agree with their international
    form, quantities are not negative, language tags are BCP 47, ids are
    lowercase slugs, and names and texts are not blank. A :class:`Release`
    must also have this library's ``schema_version`` and pass :func:`verify`
    (which applies the same rules, so each problem is listed once). A half-sound
    value is never returned.

    Raises:
        DataError: listing every problem, each with its path.

    >>> import icnk_letter
    >>> icnk_letter.from_dict({"tag": "ko", "as_printed": "Korean"}, icnk_letter.Language)
    Language(tag='ko', as_printed='Korean')
    >>> icnk_letter.from_dict({"tag": "ko", "as_printed": 5, "script": "Hang"}, icnk_letter.Language)
    Traceback (most recent call last):
      ...
    icnk_letter.DataError: 2 problems in the release data:
      as_printed: expected a string, got the number 5
      script: unknown key (Language has no field 'script')
    """
    if cls is Release:
        return _release_from_data(data)
    return _checked(structure(data, cls))


def _checked(value: T) -> T:
    """Return *value* if every record in it meets its own rules; else raise :class:`DataError`.

    The rules are those of :mod:`._rules`, which need no text (a release's
    text checks come on top, from :func:`verify`, which applies these too).
    """
    problems = [problem for _, problem in record_problems(value)]
    if problems:
        raise DataError(problems)
    return value


def _release_from_data(data: Any) -> Release:
    if not isinstance(data, dict):
        raise DataError([f"$: expected an object (Release), got {_json_type(data)}"])
    _check_schema_version(cast("dict[str, Any]", data))
    release = structure(data, Release)
    from ._verify import _verify  # pyright: ignore[reportPrivateUsage]

    _verify(release, typed=True)  # structure() has checked every type
    return release


def _check_schema_version(data: dict[str, Any]) -> None:
    """Raise :class:`DataError` unless *data* has the ``schema_version`` this library reads.

    Checked before anything else: data of another layout would only give a
    list of misleading problems.
    """
    from ._data import SCHEMA_VERSION

    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        got = "it is missing" if "schema_version" not in data else f"got {_json_type(version)}"
        raise DataError(
            [f"schema_version: this library reads version {SCHEMA_VERSION!r} of the data layout; {got}"]
        )


def to_json(
    obj: PhoneKind
    | ClaimKind
    | Precision
    | Release
    | Record
    | Span
    | Phone
    | Language
    | Quantity
    | Discrepancy
    | Source
    | Inference
    | OrganizationRole
    | Hit[Any]
    | Sequence[
        Release
        | Record
        | Span
        | Phone
        | Language
        | Quantity
        | Discrepancy
        | Source
        | Inference
        | OrganizationRole
        | Hit[Any]
    ],
    *,
    indent: int | None = None,
) -> str:
    """Return *obj* as JSON: stable, byte-identical on every supported Python.

    Field names and order are those of the classes (see :func:`to_dict`);
    non-ASCII text is written as is (encode it as UTF-8). Without *indent* the
    output is compact (no spaces); with it, one item per line.

    Raises:
        DataError: if a value of a record is not of its field's type (a record
            built with ``attrs.evolve()`` can hold anything), or is a string with
            a lone surrogate, or an integer beyond 64 bits.

    >>> import icnk_letter
    >>> print(icnk_letter.to_json(icnk_letter.load().contacts[0].languages[0]))
    {"tag":"ko","as_printed":"Korean"}
    >>> print(icnk_letter.to_json(icnk_letter.Span(0, 2, "ok"), indent=2))
    {
      "start": 0,
      "end": 2,
      "quote": "ok"
    }
    """
    check_types(obj)
    separators = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(
        _converter.unstructure(obj), ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )


@overload
def from_json(text: str | bytes | bytearray) -> Release: ...
@overload
def from_json(text: str | bytes | bytearray, cls: type[T]) -> T: ...
def from_json(text: str | bytes | bytearray, cls: Any = Release) -> Any:
    """Load a *cls* (default :class:`Release`) from JSON text, strictly.

    The text (``str``, or ``bytes`` or ``bytearray`` in UTF-8) may be at most
    :data:`MAX_JSON_SIZE` long and must be plain JSON: no ``NaN``, no
    duplicate keys. Its values must have exactly the fields and types of
    *cls*, and every record in it meet the rules it has on its own (see
    :func:`from_dict`); a release must also carry this library's
    ``schema_version`` and its ``text``, and pass :func:`verify` (spans quote
    the text, references resolve, ids are unique...).

    Raises:
        DataError: listing every problem found, each starting with its JSON path.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> icnk_letter.from_json(icnk_letter.to_json(release)) == release
    True
    >>> icnk_letter.from_json('{"start": 0, "end": "2", "quote": "ok"}', icnk_letter.Span)
    Traceback (most recent call last):
      ...
    icnk_letter.DataError: 1 problem in the release data:
      end: expected an integer, got the string '2'
    >>> icnk_letter.from_json('{"start": 5, "end": 0, "quote": "hello"}', icnk_letter.Span)
    Traceback (most recent call last):
      ...
    icnk_letter.DataError: 1 problem in the release data:
      end: 0 is before start 5
    """
    data = parse_json(text)
    if cls is Release:
        return _release_from_data(data)
    return _checked(structure(data, cls))


def parse_json(text: str | bytes | bytearray) -> Any:
    """Parse JSON *text* no longer than :data:`MAX_JSON_SIZE`, raising :class:`DataError`.

    ``NaN``/``Infinity`` and duplicate keys are refused. (The bundled data,
    checked by the tests, is read with plain :func:`json.loads` instead.)
    """
    if not isinstance(cast(object, text), (str, bytes, bytearray)):  # for callers without type checks
        raise TypeError(f"expected JSON as str or bytes, got {type(text).__name__}")
    if len(text) > MAX_JSON_SIZE:
        raise DataError([f"$: the JSON is {len(text)} long, more than the limit of {MAX_JSON_SIZE}"])
    if not isinstance(text, str):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DataError([f"$: not UTF-8 ({exc})"]) from None
    duplicates: list[tuple[str, dict[str, Any]]] = []
    try:
        data = json.loads(
            text,
            parse_constant=_refuse_constant,
            object_pairs_hook=lambda pairs: _object(pairs, duplicates),
        )
    except json.JSONDecodeError as exc:
        raise DataError([f"$: not valid JSON: {exc}"]) from None
    except RecursionError:
        raise DataError(["$: not valid JSON: nested too deeply"]) from None
    except ValueError as exc:
        raise DataError([f"$: not valid JSON: {exc}"]) from None
    if duplicates:
        raise DataError(_duplicate_problems(data, duplicates))
    return data


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _object(pairs: list[tuple[str, Any]], duplicates: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                duplicates.append((key, result))
            seen.add(key)
    return result


def _duplicate_problems(data: Any, duplicates: list[tuple[str, dict[str, Any]]]) -> list[str]:
    # Only walked when a duplicate was found: name where each object sits.
    paths: dict[int, str] = {}

    # A loop, not recursion: the JSON may nest as deeply as the parser allows.
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            mapping = cast("dict[str, object]", value)
            paths[id(mapping)] = path
            stack.extend((child, key_path(path, key)) for key, child in mapping.items())
        elif isinstance(value, list):
            stack.extend(
                (child, f"{path}[{index}]") for index, child in enumerate(cast("list[object]", value))
            )
    return [
        f"{key_path(paths.get(id(obj), ''), key)}: duplicate key (JSON objects must not repeat a key)"
        for key, obj in duplicates
    ]
