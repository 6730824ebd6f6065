"""Provenance checks: outside sources, inferences, and which values need one.

:func:`verify` runs :func:`provenance_checks` after its checks against the
text. A value of the data is *printed* when it is words of the text (a span's
quote, a name, a phone number as printed) or a reading of them that
:func:`verify` checks mechanically (a figure's value and precision, a
printed number's E.164 digits, a language's tag). The values that are
*not printed*, and so need an :class:`Inference`, are exactly those
:func:`required_inferences` lists:

- the release's ``date`` (the reading of "1.9.2012") and its
  ``stated_organization_count`` (3 + 40, a sum the release never prints);
- the ``country`` of every organization that has one (a code read from a
  parenthesis through ``countries.json``);
- the ``country`` of every contact (the country of the city printed);
- the ``languages`` of every contact with more than one (their printed order,
  read as an order of preference);
- the ``e164`` of every phone printed without a country code (Tokyo's +81);
- the ``international`` form of every phone whose digit groups differ from
  the printed ones (London's "208 329" regrouped "20 8329");
- the ``family_name`` of every person whose name is written family name
  first (a Korean name).

Other inferences may be recorded too (Seoul's 050 number read as a
non-geographic one); every inference must name a real record and field, and
give the value that field holds.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterator, Sequence
from typing import Final, cast
from urllib.parse import urlsplit

import attrs

from ._errors import NotFoundError
from ._model import Contact, Inference, Language, Organization, Person, Phone, Release

__all__ = [
    "MAX_FACT_LENGTH",
    "MAX_QUOTED_WORDS",
    "field_value",
    "provenance_checks",
    "required_inferences",
    "value_text",
]

MAX_FACT_LENGTH: Final = 200
"""The longest a :attr:`Source.facts` item may be, in characters."""
MAX_QUOTED_WORDS: Final = 6
"""The most words a fact may quote from its source in one quotation."""

_FIELD_PATH: Final = re.compile(r"[a-z_][a-z0-9_]*(\[[0-9]+\])?(\.[a-z_][a-z0-9_]*(\[[0-9]+\])?)*")
_STEP: Final = re.compile(r"([a-z_][a-z0-9_]*)(?:\[([0-9]+)\])?")
_QUOTED: Final = re.compile(r"\"([^\"]*)\"|\u201c([^\u201d]*)\u201d")
_DIGIT_GROUPS: Final = re.compile(r"[0-9]+")


def provenance_checks(release: Release) -> list[tuple[str, list[str]]]:
    """Return the named provenance checks of *release* and the problems each found."""
    return [
        ("sources are well formed", list(_check_sources(release))),
        ("inferences name a real record, field, value and source", list(_check_inferences(release))),
        ("every value not printed has an inference", list(_check_required(release))),
        ("organization roles are printed and name an organization", list(_check_roles(release))),
    ]


def value_text(value: object) -> str | None:
    """Return *value* as an :attr:`Inference.value` gives it, or None for a value it cannot give.

    >>> import datetime
    >>> value_text(datetime.date(2012, 1, 9)), value_text(43), value_text(("ko", "en"))
    ('2012-01-09', '43', 'ko, en')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, (str, int)):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Language):
        return value.tag
    if isinstance(value, tuple):
        items = [value_text(item) for item in cast("tuple[object, ...]", value)]
        return None if None in items else ", ".join(cast("list[str]", items))
    return None


def field_value(release: Release, record_id: str, field: str) -> object:
    """Return the value at *field* (a path such as ``"phones[0].e164"``) of the record *record_id*.

    *record_id* is the id of a record or of the release itself.

    Raises:
        LookupError: naming what does not exist (a :class:`NotFoundError` for the record).

    >>> import icnk_letter
    >>> field_value(icnk_letter.load(), "contact-tokyo", "phones[1].e164")
    '+819023014372'
    """
    target: object = release if record_id == release.id else release.by_id(record_id)
    if not _FIELD_PATH.fullmatch(field):
        raise LookupError(f"{field!r} is not a field path (names and [index] joined by '.')")
    for name, index in _STEP.findall(field):
        if not attrs.has(type(target)):
            raise LookupError(f"a {type(target).__name__} has no fields ({name!r} cannot be read from it)")
        names = {f.name for f in attrs.fields(type(cast("attrs.AttrsInstance", target)))}
        if name not in names:
            raise LookupError(f"{type(target).__name__} has no field {name!r}")
        target = getattr(target, name)
        if index:
            items = cast("Sequence[object]", target)
            if isinstance(target, str) or not isinstance(target, Sequence) or int(index) >= len(items):
                raise LookupError(f"{name}[{index}] is out of range")
            target = items[int(index)]
    return target


def required_inferences(release: Release) -> tuple[tuple[str, str], ...]:
    """Return ``(record id, field)`` for every value of *release* that the text does not print.

    >>> import icnk_letter
    >>> required_inferences(icnk_letter.load())[:3]
    (('icnk-open-letter-2012-01-09', 'date'), ('icnk-open-letter-2012-01-09', 'stated_organization_count'), ('burma-partnership', 'country'))
    """
    required: list[tuple[str, str]] = [(release.id, "date"), (release.id, "stated_organization_count")]
    required.extend((org.id, "country") for org in release.organizations if org.country is not None)
    for contact in release.contacts:
        required.extend(_contact_inferences(contact))
    required.extend((person.id, "family_name") for person in release.people if _family_first(person))
    return tuple(required)


def _contact_inferences(contact: Contact) -> Iterator[tuple[str, str]]:
    yield contact.id, "country"
    if len(contact.languages) > 1:
        yield contact.id, "languages"
    for j, phone in enumerate(contact.phones):
        if not phone.as_printed.startswith("+"):
            yield contact.id, f"phones[{j}].e164"
        if _regrouped(phone):
            yield contact.id, f"phones[{j}].international"


def _regrouped(phone: Phone) -> bool:
    """Return whether *phone*'s international form groups the digits unlike the printed number."""
    printed = _DIGIT_GROUPS.findall(phone.as_printed)
    grouped = _DIGIT_GROUPS.findall(phone.international)[1:]  # without the country code
    if phone.as_printed.startswith("+"):
        printed = printed[1:]
    elif printed:
        printed[0] = printed[0].removeprefix("0")  # the national trunk prefix
    return printed != grouped


def _family_first(person: Person) -> bool:
    return person.name.startswith(person.family_name + " ")


def _check_sources(release: Release) -> Iterator[str]:
    seen: set[str] = set()
    for i, source in enumerate(release.sources):
        label = f"sources[{i}] ({source.id})"
        if source.id in seen:
            yield f"{label}.id: {source.id!r} is the id of another source too"
        seen.add(source.id)
        for name in ("publisher", "title"):
            if not getattr(source, name).strip():
                yield f"{label}.{name}: is empty or blank"
        yield from _check_url(f"{label}.url", source.url)
        if source.published and source.accessed and source.accessed < source.published:
            yield f"{label}.accessed: {source.accessed} is before its publication, {source.published}"
        if not source.facts:
            yield f"{label}.facts: a source must state at least one fact that bears on the data"
        for j, fact in enumerate(source.facts):
            yield from _check_fact(f"{label}.facts[{j}]", fact)


def _check_url(path: str, url: str) -> Iterator[str]:
    try:
        parts = urlsplit(url) if url.isascii() and not any(c.isspace() for c in url) else None
        host = parts.hostname if parts is not None else None
    except ValueError:  # urlsplit refuses a malformed IPv6 host
        parts = host = None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        yield f"{path}: {url!r:.80} is not a well-formed http(s) URL (ASCII, no spaces, with a host)"


def _check_fact(path: str, fact: str) -> Iterator[str]:
    if not fact.strip():
        yield f"{path}: is empty or blank"
    if len(fact) > MAX_FACT_LENGTH:
        yield f"{path}: is {len(fact)} characters long, more than {MAX_FACT_LENGTH}: state it shortly"
    for match in _QUOTED.finditer(fact):
        words = len((match[1] or match[2] or "").split())
        if words > MAX_QUOTED_WORDS:
            yield (
                f"{path}: quotes {words} words of its source, more than {MAX_QUOTED_WORDS}:"
                " say it in your own words"
            )


def _check_inferences(release: Release) -> Iterator[str]:
    sources = {source.id for source in release.sources}
    seen: set[str] = set()
    for i, inference in enumerate(release.inferences):
        label = f"inferences[{i}] ({inference.id})"
        if inference.id in seen:
            yield f"{label}.id: {inference.id!r} is the id of another inference too"
        seen.add(inference.id)
        if not inference.rule.strip():
            yield f"{label}.rule: is empty or blank; state the reasoning"
        for j, source_id in enumerate(inference.sources):
            if source_id not in sources:
                yield f"{label}.sources[{j}]: {source_id!r} is not the id of a source"
        yield from _check_value(label, release, inference)


def _check_value(label: str, release: Release, inference: Inference) -> Iterator[str]:
    try:
        value = field_value(release, inference.record, inference.field)
    except NotFoundError:
        yield f"{label}.record: {inference.record!r} is not the id of a record or of the release"
        return
    except LookupError as exc:
        yield f"{label}.field: {inference.field!r} is not a field of {inference.record!r}: {exc}"
        return
    actual = value_text(value)
    if actual != inference.value:
        yield f"{label}.value: {inference.value!r}, but {inference.record}.{inference.field} is {actual!r}"


def _check_required(release: Release) -> Iterator[str]:
    recorded = {(i.record, i.field) for i in release.inferences}
    for record_id, field in required_inferences(release):
        if (record_id, field) not in recorded:
            yield f"inferences: {record_id}.{field} is not printed in the text, and no inference records its basis"


def _check_roles(release: Release) -> Iterator[str]:
    organizations = {o.id for o in release.organizations}
    for org in release.organizations:
        for j, role in enumerate(org.roles):
            label = f"{_path(release, org)}.roles[{j}]"
            if role.of not in organizations:
                yield f"{label}.of: {role.of!r} is not the id of an organization"
            if role.as_printed != role.span.quote:
                yield f"{label}.as_printed: {role.as_printed!r} is not its span's quote"
            if not role.title.strip() or role.title not in role.as_printed:
                yield f"{label}.title: {role.title!r} is not printed in {role.as_printed!r}"


def _path(release: Release, org: Organization) -> str:
    if org is release.coalition:
        return "coalition"
    for name in ("members", "other_organizations"):
        records: Sequence[Organization] = getattr(release, name)
        for i, candidate in enumerate(records):
            if candidate is org:
                return f"{name}[{i}] ({org.id})"
    return org.id  # pragma: no cover - every organization is in one of the collections
