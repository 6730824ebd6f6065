"""The criteria of ``Records.filter``: countries, languages, claim kinds and plain fields.

Each criterion is turned into a predicate once per call, after its value has
been checked, so a bad value fails at once with a message that names it. The
criteria that name another record (a contact's ``organization``, a claim's
``attributed_to``, ...) resolve it through the lookup of the release the
collection belongs to, limited to that kind of record.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final, TypeVar, cast

from ._errors import AmbiguousKeyError, NotFoundError
from ._model import Claim, ClaimKind, Contact, Letter, Organization, Person, Quote, Release
from ._normalize import lookup_key
from ._records import owner_of
from ._resources import read_text

__all__ = ["resolve_country", "resolve_language", "select"]

T = TypeVar("T")
Predicate = Callable[[Any], bool]
# A criterion: (value, the records being filtered) -> predicate; raises on a bad value.
Criterion = Callable[[object, Sequence[Any]], Predicate]


def select(records: Sequence[T], criteria: Mapping[str, object]) -> list[T]:
    """Return the items of *records* that meet every criterion, in order."""
    if not criteria:
        return list(records)
    classes = list(dict.fromkeys(type(record) for record in records))
    if not classes:
        # Nothing to filter, but a misspelt criterion or a bad value is still an error.
        for name, value in criteria.items():
            tables = [table for table in _CRITERIA.values() if name in table]
            if not tables:
                known = sorted({n for table in _CRITERIA.values() for n in table})
                raise TypeError(_unknown_criterion(name, "records", known))
            for table in tables:
                table[name](value, records)
        return []
    predicates: dict[type[Any], list[Predicate]] = {}
    for cls in classes:
        table = _table_for(cls)
        for name in criteria:
            if name not in table:
                raise TypeError(_unknown_criterion(name, f"{cls.__name__} records", sorted(table)))
        predicates[cls] = [table[name](value, records) for name, value in criteria.items()]
    return [record for record in records if all(p(record) for p in predicates[type(record)])]


def resolve_country(value: object, printed: Mapping[str, str] | None = None) -> str | None:
    """Return the ISO 3166-1 alpha-2 code that *value* names, or ``None`` for ``None``.

    *value* is a name or abbreviation from the package data (``countries.json``)
    or from *printed* (printed form -> code), or an ISO 3166-1 alpha-2 code in
    any case, checked against the full list of codes in ``countries.json``.

    >>> [resolve_country(v) for v in ("KR", "kr", "ROK", "South Korea", "Republic of Korea")]
    ['KR', 'KR', 'KR', 'KR', 'KR']
    >>> resolve_country("FR"), resolve_country("UK"), resolve_country(None)
    ('FR', 'GB', None)
    >>> resolve_country("XX")
    Traceback (most recent call last):
    ...
    ValueError: country 'XX' is not an ISO 3166-1 alpha-2 code; use one such as 'KR', or one of the country names the package knows: 'Bangladesh', ...
    >>> resolve_country("Korea")
    Traceback (most recent call last):
    ...
    ValueError: unknown country 'Korea'; use a two-letter ISO 3166-1 code, or one of the country names the package knows: 'Bangladesh', ...
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"country: expected a str or None, got {type(value).__name__}: {value!r}")
    key = lookup_key(value)
    code = _countries()[0].get(key)
    if code is None and printed:
        code = {lookup_key(name): c for name, c in printed.items()}.get(key)
    if code is not None:
        return code
    # Each name quoted: one of them is "Korea, Republic of".
    names = ", ".join(repr(name) for name in _countries()[1])
    stripped = value.strip()
    if len(stripped) == 2 and stripped.isascii() and stripped.isalpha():
        if stripped.upper() in _iso_codes():
            return stripped.upper()
        raise ValueError(
            f"country {value!r} is not an ISO 3166-1 alpha-2 code; use one such as 'KR', or one of the country names the package knows: {names}"
        )
    raise ValueError(
        f"unknown country {value!r}; use a two-letter ISO 3166-1 code, or one of the country names the package knows: {names}"
    )


def resolve_language(value: object, printed: Mapping[str, str] | None = None) -> str:
    """Return the BCP 47 tag that *value* (a tag, or an English name) stands for, lower-cased.

    Names come from the package data (``languages.json``) and from *printed*
    (printed name -> tag). A value that is not a known name must be a
    well-formed tag: a primary subtag of 2 or 3 letters, then optional subtags.

    >>> resolve_language("Korean"), resolve_language("ko"), resolve_language("zh_Hant")
    ('ko', 'ko', 'zh-hant')
    >>> resolve_language("Klingon")
    Traceback (most recent call last):
    ...
    ValueError: unknown language 'Klingon'; use a BCP 47 tag such as 'ko', or one of the language names the package knows: English, Japanese, Korean, Thai
    """
    if not isinstance(value, str):
        raise TypeError(f"language: expected a str, got {type(value).__name__}: {value!r}")
    key = lookup_key(value)
    tag = _languages()[0].get(key)
    if tag is None and printed:
        tag = {lookup_key(name): t for name, t in printed.items()}.get(key)
    if tag is not None:
        return tag.casefold()
    subtags = value.strip().replace("_", "-").split("-")
    primary, rest = subtags[0], subtags[1:]
    if (
        2 <= len(primary) <= 3
        and primary.isascii()
        and primary.isalpha()
        and all(1 <= len(s) <= 8 and s.isascii() and s.isalnum() for s in rest)
    ):
        return "-".join(subtags).casefold()
    names = ", ".join(_languages()[1])
    raise ValueError(
        f"unknown language {value!r}; use a BCP 47 tag such as 'ko', or one of the language names the package knows: {names}"
    )


# -- the criteria -------------------------------------------------------------------


def _key_of(name: str, value: object) -> str:
    """Return the lookup key of a criterion's value: a string, or a record standing for its id."""
    if isinstance(value, str):
        return lookup_key(value)
    record_id = getattr(value, "id", None)
    if isinstance(record_id, str):
        return lookup_key(record_id)
    raise TypeError(f"{name}: expected a str, a record or None, got {type(value).__name__}: {value!r}")


def _field(attribute: str, *, optional: bool = False) -> Criterion:
    """A criterion on a text field (or a field holding an id): equal after normalization."""

    def criterion(value: object, records: Sequence[Any]) -> Predicate:
        if value is None:
            if not optional:
                return lambda record: False
            return lambda record: getattr(record, attribute) is None
        key = _key_of(attribute, value)

        def predicate(record: Any) -> bool:
            actual = getattr(record, attribute)
            return actual is not None and lookup_key(actual) == key

        return predicate

    return criterion


def _country(value: object, records: Sequence[Any]) -> Predicate:
    printed = {
        r.country_as_printed: r.country
        for r in records
        if isinstance(r, Organization) and r.country_as_printed and r.country
    }
    code = resolve_country(value, printed)
    return lambda record: record.country == code


def _language(value: object, records: Sequence[Any]) -> Predicate:
    printed = {lang.as_printed: lang.tag for r in records if isinstance(r, Contact) for lang in r.languages}
    wanted = resolve_language(value, printed)

    def predicate(record: Any) -> bool:
        # RFC 4647 basic filtering: "ko" matches "ko" and "ko-KR".
        return any(
            (tag := lang.tag.casefold()) == wanted or tag.startswith(wanted + "-")
            for lang in record.languages
        )

    return predicate


def _naming(name: str, kinds: tuple[type[Any], ...], *, many: str | None = None) -> Criterion:
    """A criterion on the field *name*, which holds the id of a record of one of *kinds*.

    If *many* is given, the criterion is on that field instead, a tuple of ids.
    The value is such a record or a key that names one (see :func:`_named`).
    ``None`` matches nothing, or for *many* the records whose tuple is empty.
    """
    attribute = many or name

    def criterion(value: object, records: Sequence[Any]) -> Predicate:
        if value is None:
            if many:
                return lambda record: not getattr(record, attribute)
            return lambda record: False
        wanted = _named(name, value, kinds, records)
        if many:
            return lambda record: any(wanted(record_id) for record_id in getattr(record, attribute))
        return lambda record: wanted(getattr(record, attribute))

    return criterion


def _named(name: str, value: object, kinds: tuple[type[Any], ...], records: Sequence[Any]) -> Predicate:
    """Return a test of ids: whether an id is that of the record *value* names.

    *value* is a record of one of *kinds*, or a str that the release of
    *records* resolves to one (:func:`icnk_letter._search.resolve`: an id,
    a name, an acronym, any key ``Release.lookup`` accepts). A collection that
    belongs to no release compares the str with the ids, after normalization.
    """
    if isinstance(value, kinds):
        record: Any = value
        record_id: str = record.id
        return lambda actual: actual == record_id
    if not isinstance(value, str):
        expected = " or ".join(f"{_article(cls.__name__)} {cls.__name__}" for cls in kinds)
        raise TypeError(
            f"{name}: expected {expected}, a str that names one, or None, "
            f"got {type(value).__name__}: {value!r:.60}"
        )
    release = owner_of(records)
    if release is None:
        key = lookup_key(value)
        return lambda actual: lookup_key(actual) == key
    if Release in kinds and value == release.id:
        return lambda actual: actual == value
    record_id = _resolve(name, value, tuple(cls for cls in kinds if cls is not Release), release)
    return lambda actual: actual == record_id


def _resolve(name: str, key: str, kinds: tuple[type[Any], ...], release: Release) -> str:
    """Return the id of the record of *kinds* that *key* names in *release*; a ValueError if none does."""
    from ._search import resolve

    try:
        record = resolve(release, key, kinds)
    except (NotFoundError, AmbiguousKeyError, ValueError) as error:
        raise ValueError(f"{name}: {error}") from None
    record_id: str = record.id
    return record_id


def _article(word: str) -> str:
    return "an" if word[0] in "AEIOU" else "a"


_person = _naming("person", (Person,))
_speaker = _naming("speaker", (Person,))
_attributed_to = _naming("attributed_to", (Person, Letter, Release))
_affiliation = _naming("affiliation", (Organization,), many="affiliations")
_named_organization = _naming("organization", (Organization,))


def _organization(value: object, records: Sequence[Any]) -> Predicate:
    """Contacts by organization: as any criterion that names a record, or by the name a contact prints."""
    try:
        return _named_organization(value, records)
    except ValueError:
        # Not a key of an organization, but perhaps the organization as a contact
        # prints it ("Open North Korea & Secretariat to the Coalition"). Only a str
        # looked up in a release gets here.
        release = cast(Release, owner_of(records))
        key = lookup_key(cast(str, value))
        printed = {c.organization for c in release.contacts if lookup_key(c.organization_as_printed) == key}
        if not printed:
            raise
        return lambda record: record.organization in printed


def _kind(value: object, records: Sequence[Any]) -> Predicate:
    if isinstance(value, ClaimKind):
        kind = value
    elif isinstance(value, str):
        text = value.strip().casefold()
        matches = [k for k in ClaimKind if text in (k.value, k.value + "s")]
        if not matches:
            valid = ", ".join(repr(k.value) for k in ClaimKind)
            raise ValueError(f"unknown claim kind {value!r}; use a ClaimKind or one of {valid}")
        kind = matches[0]
    else:
        raise TypeError(f"kind: expected a ClaimKind or a str, got {type(value).__name__}: {value!r}")
    return lambda record: record.kind is kind


def _has_quantity(value: object, records: Sequence[Any]) -> Predicate:
    if not isinstance(value, bool):
        raise TypeError(f"has_quantity: expected True or False, got {type(value).__name__}: {value!r}")
    return lambda record: (record.quantity is not None) is value


_CRITERIA: Final[dict[type[Any], dict[str, Criterion]]] = {
    Organization: {
        "id": _field("id"),
        "name": _field("name"),
        "acronym": _field("acronym", optional=True),
        "country": _country,
        "country_as_printed": _field("country_as_printed", optional=True),
        "listed_as": _field("listed_as", optional=True),
    },
    Person: {
        "id": _field("id"),
        "name": _field("name"),
        "family_name": _field("family_name"),
        "given_name": _field("given_name"),
        "description": _field("description", optional=True),
        "affiliation": _affiliation,
    },
    Contact: {
        "id": _field("id"),
        "person": _person,
        "organization": _organization,
        "organization_as_printed": _field("organization_as_printed"),
        "role": _field("role", optional=True),
        "city": _field("city"),
        "country": _country,
        "language": _language,
    },
    Claim: {
        "id": _field("id"),
        "kind": _kind,
        "text": _field("text"),
        "attributed_to": _attributed_to,
        "has_quantity": _has_quantity,
    },
    Quote: {"id": _field("id"), "speaker": _speaker, "text": _field("text")},
    Letter: {
        "id": _field("id"),
        "title": _field("title"),
        "author": _field("author"),
        "recipient": _field("recipient"),
    },
}


def _table_for(cls: type[Any]) -> dict[str, Criterion]:
    for base in cls.__mro__:
        table = _CRITERIA.get(base)
        if table is not None:
            return table
    raise TypeError(f"cannot filter {cls.__name__} objects: they are not records of a release")


def _unknown_criterion(name: str, what: str, valid: list[str]) -> str:
    message = f"unknown filter criterion {name!r} for {what}"
    close = difflib.get_close_matches(name, valid, n=1)
    if close:
        message += f"; did you mean {close[0]!r}?"
    else:
        message += "."
    return message + " Valid criteria: " + ", ".join(valid)


# -- the names the package data knows ----------------------------------------------


def _names_table(filename: str, section: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """Return (lookup key -> code, the sorted names) from a package data file."""
    table: dict[str, dict[str, Any]] = json.loads(read_text(filename))[section]
    keys: dict[str, str] = {}
    names: list[str] = []
    for code, entry in table.items():
        for name in (code, entry["name"], *entry["aliases"]):
            keys.setdefault(lookup_key(name), code)
        names.extend((entry["name"], *entry["aliases"]))
    return keys, tuple(sorted(set(names), key=str.casefold))


@functools.lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], tuple[str, ...]]:
    return _names_table("countries.json", "countries")


@functools.lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    """Return every ISO 3166-1 alpha-2 code (from ``countries.json``)."""
    codes: list[str] = json.loads(read_text("countries.json"))["iso3166_alpha2"]
    return frozenset(codes)


@functools.lru_cache(maxsize=1)
def _languages() -> tuple[dict[str, str], tuple[str, ...]]:
    return _names_table("languages.json", "languages")
