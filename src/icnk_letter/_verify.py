"""Checking a release against its own text, without outside knowledge."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from typing import cast

import attrs

from ._errors import DataError
from ._model import Contact, Discrepancy, Organization, Person, Record, Release, Span
from ._resources import read_text

__all__ = ["VerificationReport", "verify"]

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
# BCP 47 language tag: a primary language subtag and optional script/region.
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MEMBERS_HEADING = "Members and supporters of the Coalition are as follows:"
_CONTACTS_HEADING = "For further information please contact:"


@attrs.frozen
class VerificationReport:
    """What :func:`verify` found: the checks it ran and the source's known discrepancies.

    A report is only returned for a sound release; failures raise :class:`DataError`.
    """

    checks: tuple[str, ...]
    discrepancies: tuple[Discrepancy, ...]

    def __str__(self) -> str:
        lines = [f"{len(self.checks)} checks passed."]
        if self.discrepancies:
            lines.append(f"{len(self.discrepancies)} known discrepancies of the source, kept as printed:")
            lines.extend(f"- {d.id}: {d.description}" for d in self.discrepancies)
        return "\n".join(lines)


def verify(release: Release | None = None) -> VerificationReport:
    """Check *release* (default: the bundled one) against its own text.

    Every span must quote the text exactly; ids must be unique and every
    reference must resolve; each line of the member list and each contact
    paragraph must be covered by exactly one record; every E.164 number must be
    well formed and agree with what was printed; the sha256 must match.

    Returns:
        A :class:`VerificationReport` listing the known discrepancies of the source.

    Raises:
        DataError: listing every failure found, not just the first.

    >>> import icnk_letter
    >>> report = icnk_letter.verify()
    >>> [d.id for d in report.discrepancies][:2]
    ['member-count', 'members-and-supporters']
    """
    if release is None:
        from ._load import load

        release = load()
    elif not isinstance(release, Release):
        raise TypeError(f"verify() takes a Release, got {type(release).__name__}: {release!r:.60}")
    checks: list[tuple[str, list[str]]] = [
        ("sha256 matches the text", list(_check_sha256(release))),
        ("every span quotes the text", list(_check_spans(release))),
        ("ids are unique", list(_check_unique_ids(release))),
        ("references resolve", list(_check_references(release))),
        ("values agree with their spans", list(_check_values(release))),
        ("member list lines are covered once", list(_check_member_lines(release))),
        ("contact paragraphs are covered once", list(_check_contact_paragraphs(release))),
        ("phone numbers are well formed", list(_check_phones(release))),
        ("collections are in printed order", list(_check_order(release))),
        ("member count difference is documented", list(_check_member_count(release))),
    ]
    problems = [problem for _, found in checks for problem in found]
    if problems:
        raise DataError(problems)
    return VerificationReport(checks=tuple(name for name, _ in checks), discrepancies=release.discrepancies)


def _label(path: str, record: object) -> str:
    record_id = getattr(record, "id", None)
    # The release itself is the root: its fields' paths start with their names.
    return f"{path} ({record_id})" if path and isinstance(record_id, str) else path


def _walk_spans(obj: object, path: str) -> Iterator[tuple[str, Span]]:
    if isinstance(obj, Span):
        yield path, obj
    elif isinstance(obj, tuple):
        items: tuple[object, ...] = cast("tuple[object, ...]", obj)
        for index, item in enumerate(items):
            yield from _walk_spans(item, f"{path}[{index}]")
    elif attrs.has(type(obj)):
        label = _label(path, obj)
        for field in attrs.fields(cast("type[attrs.AttrsInstance]", type(obj))):
            if field.name == "text":
                continue
            child = f"{label}.{field.name}" if label else field.name
            yield from _walk_spans(getattr(obj, field.name), child)


def _check_sha256(release: Release) -> Iterator[str]:
    digest = hashlib.sha256(release.text.encode("utf-8")).hexdigest()
    if digest != release.sha256:
        yield f"sha256: the text hashes to {digest}, not {release.sha256}"


def _check_spans(release: Release) -> Iterator[str]:
    text = release.text
    for path, span in _walk_spans(release, ""):
        if not 0 <= span.start <= span.end <= len(text):
            yield f"{path}: [{span.start}:{span.end}] is outside the text (length {len(text)})"
        elif text[span.start : span.end] != span.quote:
            actual = text[span.start : span.end]
            yield f"{path}: quotes {span.quote!r} but the text at [{span.start}:{span.end}] is {actual!r}"


def _records(release: Release) -> Iterator[tuple[str, Record]]:
    yield "letter", release.letter
    yield "coalition", release.coalition
    for name in ("members", "other_organizations", "people", "contacts", "quotes", "claims"):
        for index, record in enumerate(getattr(release, name)):
            yield f"{name}[{index}]", record


def _check_unique_ids(release: Release) -> Iterator[str]:
    seen: dict[str, str] = {release.id: "id"}
    for path, record in _records(release):
        record_id = record.id
        if record_id in seen:
            yield f"{_label(path, record)}.id: {record_id!r} is also the id of {seen[record_id]}"
        else:
            seen[record_id] = path


def _check_references(release: Release) -> Iterator[str]:
    organizations = {o.id for o in release.organizations}
    people = {p.id for p in release.people}
    authors = {release.id, release.letter.id} | people

    def check(path: str, value: str, allowed: set[str], what: str) -> Iterator[str]:
        if value not in allowed:
            yield f"{path}: {value!r} is not the id of {what}"

    yield from check("letter.author", release.letter.author, organizations, "an organization")
    yield from check("letter.recipient", release.letter.recipient, people, "a person")
    for i, person in enumerate(release.people):
        for j, org in enumerate(person.affiliations):
            yield from check(
                f"people[{i}] ({person.id}).affiliations[{j}]", org, organizations, "an organization"
            )
    for i, contact in enumerate(release.contacts):
        label = f"contacts[{i}] ({contact.id})"
        yield from check(f"{label}.person", contact.person, people, "a person")
        yield from check(f"{label}.organization", contact.organization, organizations, "an organization")
    for i, quote in enumerate(release.quotes):
        yield from check(f"quotes[{i}] ({quote.id}).speaker", quote.speaker, people, "a person")
    for i, claim in enumerate(release.claims):
        yield from check(
            f"claims[{i}] ({claim.id}).attributed_to",
            claim.attributed_to,
            authors,
            "the release, the letter or a person",
        )


def _country_names() -> dict[str, str]:
    table = json.loads(read_text("countries.json"))["countries"]
    names: dict[str, str] = {}
    for code, country in table.items():
        for name in (country["name"], *country["aliases"]):
            names[name] = code
    return names


def _check_values(release: Release) -> Iterator[str]:
    if release.title != release.title_span.quote:
        yield f"title: {release.title!r} is not its span's quote {release.title_span.quote!r}"
    if release.dateline != release.dateline_span.quote:
        yield f"dateline: {release.dateline!r} is not its span's quote {release.dateline_span.quote!r}"
    if release.date_as_printed != release.date_span.quote:
        yield f"date_as_printed: {release.date_as_printed!r} is not its span's quote"
    month, _, rest = release.date_as_printed.partition(".")
    day, _, year = rest.partition(".")
    if (month, day, year) != (str(release.date.month), str(release.date.day), str(release.date.year)):
        yield f"date: {release.date.isoformat()} is not {release.date_as_printed!r} read as month.day.year"
    countries = _country_names()
    yield from _check_organization("coalition", release.coalition, countries)
    for name in ("members", "other_organizations"):
        for i, org in enumerate(getattr(release, name)):
            yield from _check_organization(_label(f"{name}[{i}]", org), org, countries)
    for i, claim in enumerate(release.claims):
        label = f"claims[{i}] ({claim.id})"
        if claim.text != claim.span.quote:
            yield f"{label}.text: is not its span's quote"
        if claim.quantity is not None and claim.quantity.as_printed not in claim.span.quote:
            yield f"{label}.quantity.as_printed: {claim.quantity.as_printed!r} is not in the claim"
    for i, quote in enumerate(release.quotes):
        if quote.text != quote.span.quote:
            yield f"quotes[{i}] ({quote.id}).text: is not its span's quote"
    for i, person in enumerate(release.people):
        label = f"people[{i}] ({person.id})"
        if person.name != person.span.quote:
            yield f"{label}.name: {person.name!r} is not its span's quote {person.span.quote!r}"
        if {person.family_name, person.given_name} != set(_split_name(person)):
            yield f"{label}: family and given names do not make up {person.name!r}"
        if person.description is not None and person.description not in release.text:
            yield f"{label}.description: {person.description!r} is not in the text"
    for i, contact in enumerate(release.contacts):
        yield from _check_contact(f"contacts[{i}] ({contact.id})", contact.span.quote, contact)


def _split_name(person: Person) -> tuple[str, ...]:
    name: str = person.name
    family: str = person.family_name
    if name.startswith(family + " "):
        return family, name[len(family) + 1 :]
    if name.endswith(" " + family):
        return name[: -len(family) - 1], family
    return ()


def _check_organization(path: str, org: Organization, countries: dict[str, str]) -> Iterator[str]:
    places = [org.span.quote, *(m.quote for m in org.mentions)]
    if org.listed_as is not None and org.listed_as != org.span.quote:
        yield f"{path}.listed_as: {org.listed_as!r} is not its span's quote {org.span.quote!r}"
    if not any(org.name in place for place in places):
        yield f"{path}.name: {org.name!r} is printed neither in its span nor in a mention"
    if org.acronym is not None and not any(org.acronym in place for place in places):
        yield f"{path}.acronym: {org.acronym!r} is printed neither in its span nor in a mention"
    if org.country is not None and not _COUNTRY_CODE.fullmatch(org.country):
        yield f"{path}.country: expected a 2-letter code, got {org.country!r}"
    if org.country_as_printed is not None:
        if org.listed_as is None or f"({org.country_as_printed})" not in org.listed_as:
            yield f"{path}.country_as_printed: {org.country_as_printed!r} is not printed on its line"
        if countries.get(org.country_as_printed) != org.country:
            yield f"{path}.country: {org.country!r} is not the code of {org.country_as_printed!r}"
    elif org.country is not None:
        yield f"{path}.country: {org.country!r} has no printed country to come from"


def _check_contact(label: str, paragraph: str, contact: Contact) -> Iterator[str]:
    for field in ("city", "organization_as_printed"):
        value: str = getattr(contact, field)
        if value not in paragraph:
            yield f"{label}.{field}: {value!r} is not in its paragraph"
    if contact.role is not None and contact.role not in contact.organization_as_printed:
        yield f"{label}.role: {contact.role!r} is not printed with the organization"
    if not _COUNTRY_CODE.fullmatch(contact.country):
        yield f"{label}.country: expected a 2-letter code, got {contact.country!r}"
    for j, language in enumerate(contact.languages):
        if not _LANGUAGE_TAG.fullmatch(language.tag):
            yield f"{label}.languages[{j}].tag: {language.tag!r} is not a BCP 47 language tag"
        if language.as_printed not in paragraph:
            yield f"{label}.languages[{j}].as_printed: {language.as_printed!r} is not in its paragraph"
    for j, email in enumerate(contact.emails):
        if not _EMAIL.fullmatch(email) or email not in paragraph:
            yield f"{label}.emails[{j}]: {email!r} is not an address printed in its paragraph"
    for j, phone in enumerate(contact.phones):
        if not contact.span.start <= phone.span.start <= phone.span.end <= contact.span.end:
            yield f"{label}.phones[{j}].span: is outside its paragraph"


def _check_phones(release: Release) -> Iterator[str]:
    for i, contact in enumerate(release.contacts):
        for j, phone in enumerate(contact.phones):
            path = f"contacts[{i}] ({contact.id}).phones[{j}]"
            if not _E164.fullmatch(phone.e164):
                yield f"{path}.e164: {phone.e164!r} is not an E.164 number"
                continue
            if phone.as_printed != phone.span.quote:
                yield f"{path}.as_printed: {phone.as_printed!r} is not its span's quote"
            if "+" + "".join(c for c in phone.international if c.isdigit()) != phone.e164:
                yield f"{path}.international: {phone.international!r} is not {phone.e164}"
            printed = "".join(c for c in phone.as_printed if c.isdigit())
            national = printed.removeprefix("0") if not phone.as_printed.startswith("+") else None
            if national is None and "+" + printed != phone.e164:
                yield f"{path}.e164: {phone.e164} does not match the printed {phone.as_printed!r}"
            if national is not None and not phone.e164.endswith(national):
                yield f"{path}.e164: {phone.e164} does not end with the national number {national}"


def _lines_after(text: str, heading: str) -> Iterator[tuple[int, str]]:
    # The caller has checked that the text has the heading.
    offset = text.index(heading) + len(heading)
    for line in text[offset:].split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


def _check_member_lines(release: Release) -> Iterator[str]:
    if _MEMBERS_HEADING not in release.text:
        yield f"text: the heading {_MEMBERS_HEADING!r} is missing"
        return
    spans = [(m.span.start, m.span.end) for m in release.members]
    lines: set[tuple[int, int]] = set()
    for start, line in _lines_after(release.text, _MEMBERS_HEADING):
        key = (start, start + len(line))
        lines.add(key)
        count = spans.count(key)
        if count != 1:
            yield f"members: the listed line {line!r} is covered by {count} records"
    for i, member in enumerate(release.members):
        if (member.span.start, member.span.end) not in lines:
            yield f"members[{i}] ({member.id}).span: is not a line of the member list"


def _check_contact_paragraphs(release: Release) -> Iterator[str]:
    text = release.text
    begin = text.find(_CONTACTS_HEADING)
    end = text.find(_MEMBERS_HEADING)
    if begin < 0 or end < begin:
        yield f"text: the heading {_CONTACTS_HEADING!r} is missing or misplaced"
        return
    spans = [(c.span.start, c.span.end) for c in release.contacts]
    offset = begin + len(_CONTACTS_HEADING)
    for line in text[offset:end].split("\n"):
        if line.strip():
            count = spans.count((offset, offset + len(line)))
            if count != 1:
                yield f"contacts: the paragraph {line!r} is covered by {count} records"
        offset += len(line) + 1
    for i, contact in enumerate(release.contacts):
        if not begin < contact.span.start < end:
            yield f"contacts[{i}] ({contact.id}).span: is not a paragraph under {_CONTACTS_HEADING!r}"


def _check_order(release: Release) -> Iterator[str]:
    for name in ("members", "people", "contacts", "quotes", "claims"):
        starts = [record.span.start for record in getattr(release, name)]
        if starts != sorted(starts):
            yield f"{name}: the records are not in the order the release prints them"


def _check_member_count(release: Release) -> Iterator[str]:
    documented = any(d.id == "member-count" for d in release.discrepancies)
    if release.stated_organization_count != len(release.members) and not documented:
        yield (
            f"stated_organization_count: the release states {release.stated_organization_count}"
            f" but lists {len(release.members)}, and no 'member-count' discrepancy documents it"
        )
