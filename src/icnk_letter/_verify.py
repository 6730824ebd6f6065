"""Checking a release against its own text, without outside knowledge."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Final, cast

import attrs

from . import _rules
from ._errors import DataError
from ._model import (
    ClaimKind,
    Contact,
    Discrepancy,
    Organization,
    Person,
    PhoneKind,
    Precision,
    Quantity,
    Record,
    Release,
    Span,
)
from ._provenance import provenance_checks
from ._resources import read_text
from ._rules import COUNTRY_CODE, E164, LANGUAGE_TAG, span_is_sound
from ._rules import label as _label
from ._typecheck import type_problems

__all__ = ["VerificationReport", "verify"]

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_MEMBERS_HEADING = "Members and supporters of the Coalition are as follows:"
_CONTACTS_HEADING = "For further information please contact:"
_MOBILE: Final = " (mobile)"
# A printed figure: an optional qualifier that makes it a lower bound or a
# rounded figure, a number
# (digits with thousands commas, a decimal, or a number word, as in
# "forty-two"), an optional scale word, then the end or a space and the unit.
# Digits are bounded: no figure of a press release has more, and int() refuses
# thousands of digits with a ValueError that must not escape verify().
_FIGURE: Final = re.compile(
    r"(?:(?P<qualifier>over|more than|at least) +|(?P<approximately>about|around|approximately|some|an estimated) +)?"
    r"(?P<number>[0-9]{1,3}(?:,[0-9]{3}){1,8}|[0-9]{1,27}(?:\.[0-9]{1,9})?|[a-z]+(?:-[a-z]+)?)"
    r"(?: +(?P<scale>million|billion))?"
    r"(?= |$)",
    # ASCII: with Unicode case folding, "m\u0131llion" (a dotless i) would be a scale word.
    re.IGNORECASE | re.ASCII,
)
_SCALES: Final = {"million": 10**6, "billion": 10**9}
_TENS: Final = range(20, 100, 10)
_UNITS: Final = range(1, 10)
_ORGANIZATIONS: Final = "organizations"


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

    Every record must first meet the rules it has on its own (the ones strict
    loading applies to any class: spans whose positions and quote agree, E.164
    numbers, quantities not negative, BCP 47 tags, lowercase slug ids, names and
    texts that are not blank). Then, against the text: every span must quote
    it exactly; ids must be unique and every reference must resolve; each line
    of the member list and each contact paragraph must be covered by exactly one
    record; every phone number must agree with what was printed, and be
    ``PhoneKind.MOBILE`` exactly when " (mobile)" is printed right after it;
    every language tag must be the one the package's ``languages.json`` gives
    the printed name; every :class:`Quantity` must have the value and
    precision of its printed figure; the sha256 must match. The report lists
    the checks by name.

    Against what the text prints, too: each contact's person must be printed
    in its paragraph and its organization's name or acronym in its
    ``organization_as_printed``; every country must be an ISO 3166-1 alpha-2
    code, and a contact's numbers must start with the E.164 calling code of its
    country (``calling_codes.json``); the letter's title must be its span's
    quote; a person's name is written family name first when its first word is
    one of the family names of ``names.json`` ("Ha Tae Keung"), given name
    first otherwise ("Kanae Doi"), and ``family_name`` and ``given_name`` must
    sit in those places; a description must follow the first place that names
    the person, after a comma; every quantity's unit must be one of
    ``units.json``; and ids must be unique across all kinds, the
    discrepancies' included.

    Every value must first be of its field's type (a release built with
    ``attrs.evolve()`` can hold anything), integers within a signed 64 bits
    and strings without lone surrogates; otherwise only those problems are
    reported.

    A figure (``Quantity.as_printed``) is read as: an optional "Over", "More
    than" or "At least" (then ``precision`` must be ``LOWER_BOUND``), or
    "about", "around", "approximately", "some" or "an estimated" (then
    ``ROUNDED``); a number, which is digits with optional thousands commas ("200,000"), a
    decimal followed by "million" or "billion" ("24.5 million"), or an English
    number word from the package's ``number_words.json`` ("three",
    "forty-two"); an optional "million" or "billion" after digits or a word;
    then the end, or a space and any words (the unit, "other organizations").
    A number with "million" or "billion" is ``ROUNDED`` too (unless it is a
    lower bound); any other figure is ``EXACT``. Case does not matter. A figure that cannot be read this way is a failure.

    ``stated_organization_count`` must be the sum of the ``quantity.value`` of
    the claims of kind ``STATEMENT`` whose ``quantity.unit`` is
    "organizations" (0 if there are none): in the bundled release, "three"
    largest organizations and "40 other organizations", 3 + 40 = 43. Its
    difference from the number of members listed is a known discrepancy,
    reported rather than raised once the ``member-count`` discrepancy documents it.

    Then provenance: every ``Source`` has a well-formed http(s) URL and short,
    non-blank facts; every ``Inference`` names a real record, field, value and
    source; every value the release does not print has an inference (the
    "Data notes" page lists which values those are); every organization role
    is printed and names a real organization.

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
    return _verify(release, typed=False)


def _verify(release: Release, *, typed: bool) -> VerificationReport:
    """Run :func:`verify`; *typed* says that strict loading has already checked every value's type."""
    # A release built with attrs.evolve() may hold anything: the checks below need the types.
    wrong = [] if typed else type_problems(release)  # before anything reads a value
    if wrong:
        raise DataError(wrong)
    # The rules of single records, checked once; the checks below that look at
    # the text skip the values these already refused, so nothing is reported twice.
    broken: defaultdict[str, list[str]] = defaultdict(list)
    for rule, problem in _rules.record_problems(release):
        broken[rule].append(problem)
    checks: list[tuple[str, list[str]]] = [
        ("sha256 matches the text", list(_check_sha256(release))),
        ("every span quotes the text", [*broken[_rules.SPAN], *_check_spans(release)]),
        ("ids are lowercase slugs", broken[_rules.ID]),
        ("ids are unique", [*_check_unique_ids(release), *_check_unique_discrepancy_ids(release)]),
        ("names and texts are not blank", broken[_rules.BLANK]),
        ("references resolve", list(_check_references(release))),
        ("values agree with their spans", list(_check_values(release))),
        ("member list lines are covered once", list(_check_member_lines(release))),
        ("contact paragraphs are covered once", list(_check_contact_paragraphs(release))),
        (
            "contacts name the person and organization their paragraph prints",
            list(_check_contact_parties(release)),
        ),
        ("countries are ISO 3166-1 codes that agree with the phone numbers", list(_check_countries(release))),
        ("the letter's title quotes its span", list(_check_letter_title(release))),
        ("family and given names sit in their printed places", list(_check_name_order(release))),
        ("units are known", list(_check_units(release))),
        ("phone numbers are well formed", [*broken[_rules.PHONE], *_check_phones(release)]),
        ("phone kinds agree with the text", list(_check_phone_kinds(release))),
        (
            "language tags agree with the printed names",
            [*broken[_rules.LANGUAGE], *_check_languages(release)],
        ),
        (
            "quantities agree with their printed figures",
            [*broken[_rules.QUANTITY], *_check_quantities(release)],
        ),
        ("collections are in printed order", list(_check_order(release))),
        ("member count difference is documented", list(_check_member_count(release))),
        ("stated organization count is the sum of the statements", list(_check_stated_count(release))),
        *provenance_checks(release),
    ]
    problems = [problem for _, found in checks for problem in found]
    if problems:
        raise DataError(problems)
    return VerificationReport(checks=tuple(name for name, _ in checks), discrepancies=release.discrepancies)


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
        if not span_is_sound(span):
            continue  # a rule of the span itself: reported as such
        if span.end > len(text):
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
        if claim.text.strip() and claim.text != claim.span.quote:
            yield f"{label}.text: is not its span's quote"
        if claim.quantity is not None and claim.quantity.as_printed not in claim.span.quote:
            yield f"{label}.quantity.as_printed: {claim.quantity.as_printed!r} is not in the claim"
    for i, quote in enumerate(release.quotes):
        if quote.text.strip() and quote.text != quote.span.quote:
            yield f"quotes[{i}] ({quote.id}).text: is not its span's quote"
    for i, person in enumerate(release.people):
        label = f"people[{i}] ({person.id})"
        if person.name.strip():  # a blank one is reported by the rules of records
            if person.name != person.span.quote:
                yield f"{label}.name: {person.name!r} is not its span's quote {person.span.quote!r}"
            if {person.family_name, person.given_name} != set(_split_name(person)):
                yield f"{label}: family and given names do not make up {person.name!r}"
        if person.description is not None and not _describes(release.text, person, person.description):
            yield (
                f"{label}.description: {person.description!r:.80} is not printed after its name"
                " (after the first place that names them and a comma)"
            )
    for i, contact in enumerate(release.contacts):
        yield from _check_contact(f"contacts[{i}] ({contact.id})", contact.span.quote, contact)


def _describes(text: str, person: Person, description: str) -> bool:
    """Return whether *description* follows the first place that names *person* and a comma.

    Markdown emphasis may close in between ("Kim Jong-un**, the heir-apparent...").
    Checked where it must be printed, not searched for in the whole text, which
    would cost the text's length for every person.
    """
    for place in sorted((person.span, *person.mentions), key=lambda span: span.start):
        position = place.end
        while position < place.end + 2 and text[position : position + 1] in ("*", "_"):
            position += 1
        if text.startswith(", ", position):
            return text.startswith(description, position + 2)
    return False


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
    if org.country is not None and not COUNTRY_CODE.fullmatch(org.country):
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
    if not COUNTRY_CODE.fullmatch(contact.country):
        yield f"{label}.country: expected a 2-letter code, got {contact.country!r}"
    for j, language in enumerate(contact.languages):
        if language.as_printed not in paragraph:
            yield f"{label}.languages[{j}].as_printed: {language.as_printed!r} is not in its paragraph"
    for j, email in enumerate(contact.emails):
        if not _EMAIL.fullmatch(email) or email not in paragraph:
            yield f"{label}.emails[{j}]: {email!r} is not an address printed in its paragraph"
    for j, phone in enumerate(contact.phones):
        if not span_is_sound(phone.span):
            continue  # a rule of the span itself: reported as such
        if not contact.span.start <= phone.span.start <= phone.span.end <= contact.span.end:
            yield f"{label}.phones[{j}].span: is outside its paragraph"


def _check_phones(release: Release) -> Iterator[str]:
    for i, contact in enumerate(release.contacts):
        for j, phone in enumerate(contact.phones):
            path = f"contacts[{i}] ({contact.id}).phones[{j}]"
            if not E164.fullmatch(phone.e164):
                continue  # a rule of the phone itself, as is its international form
            if phone.as_printed != phone.span.quote:
                yield f"{path}.as_printed: {phone.as_printed!r} is not its span's quote"
            printed = "".join(c for c in phone.as_printed if c in "0123456789")  # ASCII, on every Python
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
    spans = Counter((m.span.start, m.span.end) for m in release.members)  # a count per line: linear
    lines: set[tuple[int, int]] = set()
    for start, line in _lines_after(release.text, _MEMBERS_HEADING):
        key = (start, start + len(line))
        lines.add(key)
        count = spans[key]
        if count != 1:
            yield f"members: the listed line {line!r:.80} is covered by {count} records"
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
    spans = Counter((c.span.start, c.span.end) for c in release.contacts)
    offset = begin + len(_CONTACTS_HEADING)
    for line in text[offset:end].split("\n"):
        if line.strip():
            count = spans[offset, offset + len(line)]
            if count != 1:
                yield f"contacts: the paragraph {line!r:.80} is covered by {count} records"
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


def _check_phone_kinds(release: Release) -> Iterator[str]:
    text = release.text
    for i, contact in enumerate(release.contacts):
        for j, phone in enumerate(contact.phones):
            span = phone.span
            if not span_is_sound(span) or text[span.start : span.end] != span.quote:
                continue  # the span check reports it; the text after it means nothing
            printed = text.startswith(_MOBILE, span.end)
            if printed != (phone.kind is PhoneKind.MOBILE):
                path = f"contacts[{i}] ({contact.id}).phones[{j}].kind"
                where = f"right after {span.quote!r} at [{span.start}:{span.end}]"
                if printed:
                    yield f"{path}: {phone.kind.value!r}, but {_MOBILE.strip()!r} is printed {where}"
                else:
                    yield f"{path}: 'mobile', but {_MOBILE.strip()!r} is not printed {where}"


@functools.cache
def _language_tags() -> dict[str, str]:
    """Return printed language name -> BCP 47 tag, from the package's ``languages.json``."""
    table: dict[str, dict[str, object]] = json.loads(read_text("languages.json"))["languages"]
    tags: dict[str, str] = {}
    for tag, entry in table.items():
        for name in (entry["name"], *cast("list[str]", entry["aliases"])):
            tags[cast("str", name)] = tag
    return tags


def _check_languages(release: Release) -> Iterator[str]:
    tags = _language_tags()
    for i, contact in enumerate(release.contacts):
        for j, language in enumerate(contact.languages):
            path = f"contacts[{i}] ({contact.id}).languages[{j}]"
            expected = tags.get(language.as_printed)
            if expected is None:
                known = ", ".join(sorted(tags))
                yield (
                    f"{path}.as_printed: {language.as_printed!r} is not a language of the package data"
                    f" (languages.json knows {known})"
                )
            elif LANGUAGE_TAG.fullmatch(language.tag) and language.tag != expected:
                yield f"{path}.tag: {language.tag!r} is not the tag of {language.as_printed!r}, {expected!r}"


@functools.cache
def _number_words() -> dict[str, int]:
    """Return English number word -> value, from the package's ``number_words.json``."""
    words: dict[str, int] = json.loads(read_text("number_words.json"))["number_words"]
    return words


def _read_number(number: str, scale: str | None) -> int | None:
    """Return the value of a printed *number* times its *scale* word, or None if it is not one."""
    factor = 1 if scale is None else _SCALES[scale.lower()]  # the pattern is ASCII: always a key
    if number[0].isdigit():
        whole, _, fraction = number.replace(",", "").partition(".")
        if fraction and scale is None:
            return None  # a decimal is a whole number only with its scale word
        digits = int(whole + fraction) * factor
        value, rest = divmod(digits, 10 ** len(fraction))
        return None if rest else value
    words = _number_words()
    first, _, second = number.lower().partition("-")
    value = words.get(first)
    if second:
        # A compound is a tens word and a units word: "forty-two".
        units = words.get(second)
        if value is None or units is None or value not in _TENS or units not in _UNITS:
            return None
        value += units
    return None if value is None else value * factor


def read_figure(as_printed: str) -> tuple[int, Precision] | None:
    """Return the value and precision of a printed figure, or None if it cannot be read.

    The grammar is the one :func:`verify` documents.

    >>> read_figure("Over 200,000"), read_figure("24.5 million people"), read_figure("three")
    ((200000, <Precision.LOWER_BOUND: 'lower-bound'>), (24500000, <Precision.ROUNDED: 'rounded'>), (3, <Precision.EXACT: 'exact'>))
    >>> read_figure("an estimated 200,000")[1].value, read_figure("at least forty-two"), read_figure("many")
    ('rounded', (42, <Precision.LOWER_BOUND: 'lower-bound'>), None)
    """
    match = _FIGURE.match(as_printed)
    if match is None:
        return None
    value = _read_number(match["number"], match["scale"])
    if value is None:
        return None
    if match["qualifier"] is not None:
        return value, Precision.LOWER_BOUND
    if match["approximately"] is not None or match["scale"] is not None:
        return value, Precision.ROUNDED
    return value, Precision.EXACT


def _check_quantities(release: Release) -> Iterator[str]:
    for i, claim in enumerate(release.claims):
        if claim.quantity is not None:
            yield from _check_quantity(f"claims[{i}] ({claim.id}).quantity", claim.quantity)


def _check_quantity(path: str, quantity: Quantity) -> Iterator[str]:
    figure = read_figure(quantity.as_printed)
    if figure is None:
        yield (
            f"{path}.as_printed: {quantity.as_printed!r} is not a figure verify() can read:"
            " digits (thousands commas allowed), a decimal with 'million' or 'billion', or a number word,"
            " after an optional 'Over', 'More than', 'At least', 'about', 'around', 'approximately',"
            " 'some' or 'an estimated'"
        )
        return
    value, precision = figure
    if quantity.value >= 0 and quantity.value != value:  # a negative one breaks a rule of its own
        yield f"{path}.value: {quantity.value} is not {value}, the figure printed {quantity.as_printed!r}"
    if quantity.precision is not precision:
        yield (
            f"{path}.precision: {quantity.precision.value!r} but the figure printed"
            f" {quantity.as_printed!r} is {precision.value!r}"
        )


def _check_stated_count(release: Release) -> Iterator[str]:
    counted = [
        (claim.id, claim.quantity.value)
        for claim in release.claims
        if claim.kind is ClaimKind.STATEMENT
        and claim.quantity is not None
        and claim.quantity.unit == _ORGANIZATIONS
    ]
    total = sum(value for _, value in counted)
    if release.stated_organization_count != total:
        terms = " + ".join(f"{value} ({claim_id})" for claim_id, value in counted) or "none"
        yield (
            f"stated_organization_count: {release.stated_organization_count} is not the sum of the"
            f" statements that count {_ORGANIZATIONS}, {total}: {terms}"
        )


# -- the checks that compare records with what their text prints --------------


def _check_unique_discrepancy_ids(release: Release) -> Iterator[str]:
    seen = {release.id, *(record.id for _, record in _records(release))}
    for i, discrepancy in enumerate(release.discrepancies):
        if discrepancy.id in seen:
            yield f"discrepancies[{i}] ({discrepancy.id}).id: {discrepancy.id!r} is also the id of another record"
        seen.add(discrepancy.id)


def _check_contact_parties(release: Release) -> Iterator[str]:
    people = {p.id: p for p in release.people}
    organizations = {o.id: o for o in release.organizations}
    for i, contact in enumerate(release.contacts):
        label = f"contacts[{i}] ({contact.id})"
        person = people.get(contact.person)
        if person is not None and person.name.strip() and person.name not in contact.span.quote:
            yield f"{label}.person: {person.name!r:.80} ({contact.person}) is not printed in its paragraph"
        org = organizations.get(contact.organization)
        if org is not None and org.name.strip():
            printed = contact.organization_as_printed
            if org.name not in printed and (org.acronym is None or org.acronym not in printed):
                yield (
                    f"{label}.organization: {org.name!r:.80} ({contact.organization}) is not the organization"
                    f" printed, {printed!r:.80}"
                )


@functools.cache
def _iso_codes() -> frozenset[str]:
    codes: list[str] = json.loads(read_text("countries.json"))["iso3166_alpha2"]
    return frozenset(codes)


@functools.cache
def _calling_codes() -> dict[str, str]:
    """Return ISO 3166-1 code -> E.164 country calling code, from ``calling_codes.json``."""
    table: dict[str, str] = json.loads(read_text("calling_codes.json"))["calling_codes"]
    return table


def _check_countries(release: Release) -> Iterator[str]:
    codes = _iso_codes()
    calling = _calling_codes()
    for name in ("members", "other_organizations"):
        for i, org in enumerate(getattr(release, name)):
            if org.country is not None and COUNTRY_CODE.fullmatch(org.country) and org.country not in codes:
                yield f"{_label(f'{name}[{i}]', org)}.country: {org.country!r} is not an ISO 3166-1 alpha-2 code"
    for i, contact in enumerate(release.contacts):
        label = f"contacts[{i}] ({contact.id})"
        if not COUNTRY_CODE.fullmatch(contact.country):
            continue  # reported by the check of the contact
        if contact.country not in codes:
            yield f"{label}.country: {contact.country!r} is not an ISO 3166-1 alpha-2 code"
            continue
        prefix = "+" + calling[contact.country]
        for j, phone in enumerate(contact.phones):
            if E164.fullmatch(phone.e164) and not phone.e164.startswith(prefix):
                yield (
                    f"{label}.phones[{j}].e164: {phone.e164} does not start with {prefix},"
                    f" the country code of {contact.country}"
                )


def _check_letter_title(release: Release) -> Iterator[str]:
    letter = release.letter
    if letter.title != letter.span.quote:
        yield f"letter ({letter.id}).title: {letter.title!r:.80} is not its span's quote {letter.span.quote!r:.80}"


@functools.cache
def _family_names_first() -> frozenset[str]:
    names: list[str] = json.loads(read_text("names.json"))["family_name_first"]
    return frozenset(names)


def _check_name_order(release: Release) -> Iterator[str]:
    first = _family_names_first()
    for i, person in enumerate(release.people):
        name = person.name
        if not name.strip() or name != person.span.quote:
            continue  # reported by the checks of the name
        family_first = name.split(" ", 1)[0] in first
        expected = (
            f"{person.family_name} {person.given_name}"
            if family_first
            else f"{person.given_name} {person.family_name}"
        )
        if expected != name:
            order = "family name first" if family_first else "given name first"
            yield (
                f"people[{i}] ({person.id}): {name!r:.80} is written {order}, so family_name"
                f" {person.family_name!r:.40} and given_name {person.given_name!r:.40} are not in their printed places"
            )


@functools.cache
def _units() -> frozenset[str]:
    units: list[str] = json.loads(read_text("units.json"))["units"]
    return frozenset(units)


def _check_units(release: Release) -> Iterator[str]:
    known = _units()
    for i, claim in enumerate(release.claims):
        if claim.quantity is not None and claim.quantity.unit not in known:
            yield (
                f"claims[{i}] ({claim.id}).quantity.unit: {claim.quantity.unit!r:.60} is not a unit of the"
                f" package data (units.json knows {', '.join(sorted(known))})"
            )
