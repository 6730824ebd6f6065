"""Popolo JSON: persons, organizations, memberships with contact details, and areas.

The document has the four lists of a Popolo 1.0.1 export. Organizations are
the coalition (``classification: coalition``), the members and the others
named, with acronyms as ``other_names`` and a member's country as its
``area_id``. Areas are those countries (``classification: country``,
``identifier`` the ISO 3166-1 code), in order of first use. Memberships are
of three kinds, in this order: each press contact as the membership of its
person in its organization, with the ``role`` printed and the phones and
emails as ``contact_details`` (``cell`` for numbers printed "(mobile)",
``voice`` for the others, values in RFC 3966 form without ``tel:`` as Popolo
asks); each other affiliation of a person; and each member organization's
membership of the coalition. Popolo 1.0.1 gives a member that is not a
person as ``member`` (an object, here ``{"@type": "Organization", "id": ...}``)
instead of ``person_id``, so those memberships have no ``person_id``.
"""

from __future__ import annotations

import json
from typing import Any

from ._export import dump_json, resolve, tel_uri
from ._model import Contact, Organization, Person, PhoneKind, Release
from ._resources import read_text

__all__ = ["area_id", "document", "render"]

Item = dict[str, Any]


def render(release: Release) -> str:
    """Return *release* as a Popolo JSON document."""
    return dump_json(document(release))


def document(release: Release) -> dict[str, list[Item]]:
    """Return the Popolo ``persons``, ``organizations`` and ``memberships`` of *release*."""
    organizations = [_organization(release.coalition, "coalition")]
    organizations.extend(_organization(org, None) for org in (*release.members, *release.other_organizations))
    memberships: list[Item] = []
    covered: set[tuple[str, str]] = set()
    for index, contact in enumerate(release.contacts):
        resolve(release, contact.person, Person, f"contacts[{index}].person")
        resolve(release, contact.organization, Organization, f"contacts[{index}].organization")
        memberships.append(_contact_membership(contact))
        covered.add((contact.person, contact.organization))
    for index, person in enumerate(release.people):
        for position, org_id in enumerate(person.affiliations):
            resolve(release, org_id, Organization, f"people[{index}].affiliations[{position}]")
            if (person.id, org_id) not in covered:
                covered.add((person.id, org_id))
                memberships.append(
                    {"id": f"{person.id}--{org_id}", "person_id": person.id, "organization_id": org_id}
                )
    for member in release.members:
        memberships.append(
            {
                "id": f"{member.id}--{release.coalition.id}",
                "member": {"@type": "Organization", "id": member.id},
                "organization_id": release.coalition.id,
            }
        )
    return {
        "persons": [_person(person) for person in release.people],
        "organizations": organizations,
        "memberships": memberships,
        "areas": _areas(release),
    }


def area_id(country: str) -> str:
    """Return the Popolo area id of the ISO 3166-1 code *country*.

    >>> area_id("KR")
    'country-kr'
    """
    return "country-" + country.lower()


def _areas(release: Release) -> list[Item]:
    names: dict[str, dict[str, Any]] = json.loads(read_text("countries.json"))["countries"]
    areas: dict[str, Item] = {}
    for organization in release.organizations:
        code = organization.country
        if code is not None and code not in areas:
            name = names[code]["name"] if code in names else organization.country_as_printed
            areas[code] = {"id": area_id(code), "name": name, "identifier": code, "classification": "country"}
    return list(areas.values())


def _person(person: Person) -> Item:
    item: Item = {
        "id": person.id,
        "name": person.name,
        "family_name": person.family_name,
        "given_name": person.given_name,
        "sort_name": f"{person.family_name}, {person.given_name}",
    }
    if person.description is not None:
        item["summary"] = person.description
    return item


def _organization(organization: Organization, classification: str | None) -> Item:
    item: Item = {"id": organization.id, "name": organization.name}
    if organization.acronym is not None:
        item["other_names"] = [{"name": organization.acronym, "note": "acronym"}]
    if classification is not None:
        item["classification"] = classification
    if organization.country is not None:
        item["area_id"] = area_id(organization.country)
    return item


def _contact_membership(contact: Contact) -> Item:
    details: list[Item] = []
    for phone in contact.phones:
        uri = tel_uri(phone)
        if uri is not None:
            details.append(
                {
                    "type": "cell" if phone.kind is PhoneKind.MOBILE else "voice",
                    "label": phone.as_printed,
                    "value": uri.removeprefix("tel:"),
                    "note": contact.city,
                }
            )
    details.extend({"type": "email", "value": email, "note": contact.city} for email in contact.emails)
    item: Item = {"id": contact.id, "person_id": contact.person, "organization_id": contact.organization}
    if contact.role is not None:
        item["role"] = contact.role
    item["contact_details"] = details
    return item
