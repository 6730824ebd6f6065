"""JSON-LD with schema.org terms, with an inline ``@context`` (nothing to fetch).

The context is ``{"@vocab": "https://schema.org/"}``: every key and type is a
schema.org term, which the tests check against the schema.org vocabulary. The
graph holds the release as a ``NewsArticle``, the open letter as a
``Message``, the coalition and its members as ``NGO`` (other organizations
named as ``Organization``), the people as ``Person`` with a ``ContactPoint``
and a ``workLocation`` per press contact, the quotation as a ``Quotation``,
the violations and statements as ``Claim`` and the demands as ``AskAction``
(a demand asks something of someone; it is not a claim of fact). Nodes are
blank nodes named after the record ids (``_:open-north-korea``), which are
also given as ``identifier``. ``datePublished`` is typed ``schema:Date``, as
schema.org's own context types it. The release does not name who issued it,
so the ``NewsArticle`` has no ``author`` or ``publisher`` and its own
statements no ``author``.
"""

from __future__ import annotations

import re
from typing import Any, Final

from ._export import dump_json, resolve, tel_uri
from ._model import Claim, ClaimKind, Contact, Letter, Organization, Person, Quantity, Release

__all__ = ["CONTEXT", "node_id", "render"]

CONTEXT: Final = {"@vocab": "https://schema.org/"}

Node = dict[str, Any]

_PLAIN_ID: Final = re.compile(r"[A-Za-z0-9-]*")


def node_id(record_id: str) -> str:
    """Return the blank node name of a record id (``_:`` and the id, other characters hex-escaped).

    >>> node_id("open-north-korea"), node_id("a b")
    ('_:open-north-korea', '_:a_20_b')
    """
    if _PLAIN_ID.fullmatch(record_id):  # every bundled id: no escaping needed
        return "_:" + record_id
    chars = (c if c.isascii() and (c.isalnum() or c == "-") else f"_{ord(c):x}_" for c in record_id)
    return "_:" + "".join(chars)


def _ref(record_id: str) -> Node:
    return {"@id": node_id(record_id)}


def render(release: Release) -> str:
    """Return *release* as a JSON-LD document."""
    return dump_json({"@context": dict(CONTEXT), "@graph": graph(release)})


def graph(release: Release) -> list[Node]:
    """Return the nodes of the JSON-LD graph of *release*."""
    letter_author = resolve(release, release.letter.author, Organization, "letter.author")
    resolve(release, release.letter.recipient, Person, "letter.recipient")
    for index, contact in enumerate(release.contacts):
        resolve(release, contact.person, Person, f"contacts[{index}].person")
        resolve(release, contact.organization, Organization, f"contacts[{index}].organization")
    nodes: list[Node] = [
        {
            "@id": node_id(release.id),
            "@type": "NewsArticle",
            "identifier": release.id,
            "genre": "press release",
            "headline": release.title,
            "dateline": release.dateline,
            "datePublished": {"@value": release.date.isoformat(), "@type": "Date"},
            "about": _ref(release.letter.id),
            "articleBody": release.text,
        },
        _letter(release.letter),
        {
            **_organization(release.coalition, "NGO"),
            "member": [_ref(member.id) for member in release.members],
        },
    ]
    for member in release.members:
        nodes.append({**_organization(member, "NGO"), "memberOf": _ref(release.coalition.id)})
    nodes.extend(_organization(other, "Organization") for other in release.other_organizations)
    nodes.extend(_person(release, person) for person in release.people)
    for index, quote in enumerate(release.quotes):
        resolve(release, quote.speaker, Person, f"quotes[{index}].speaker")
        nodes.append(
            {
                "@id": node_id(quote.id),
                "@type": "Quotation",
                "identifier": quote.id,
                "text": quote.text,
                "spokenByCharacter": _ref(quote.speaker),
                "isPartOf": _ref(release.id),
            }
        )
    for index, claim in enumerate(release.claims):
        nodes.append(_claim(release, index, claim, letter_author))
    return nodes


def _letter(letter: Letter) -> Node:
    return {
        "@id": node_id(letter.id),
        "@type": "Message",
        "identifier": letter.id,
        "name": letter.title,
        "author": _ref(letter.author),
        "recipient": _ref(letter.recipient),
    }


def _organization(organization: Organization, kind: str) -> Node:
    node: Node = {
        "@id": node_id(organization.id),
        "@type": kind,
        "identifier": organization.id,
        "name": organization.name,
    }
    if organization.acronym is not None:
        node["alternateName"] = organization.acronym
    if organization.country is not None:
        node["address"] = {"@type": "PostalAddress", "addressCountry": organization.country}
    return node


def _person(release: Release, person: Person) -> Node:
    node: Node = {
        "@id": node_id(person.id),
        "@type": "Person",
        "identifier": person.id,
        "name": person.name,
        "familyName": person.family_name,
        "givenName": person.given_name,
    }
    if person.description is not None:
        node["description"] = person.description
    if person.affiliations:
        node["affiliation"] = [_ref(org) for org in person.affiliations]
    contacts = [contact for contact in release.contacts if contact.person == person.id]
    if contacts:
        employers = list(dict.fromkeys(contact.organization for contact in contacts))
        node["worksFor"] = [_ref(org) for org in employers]
        node["contactPoint"] = [_contact_point(contact) for contact in contacts]
        node["workLocation"] = [_place(contact) for contact in contacts]
    return node


def _contact_point(contact: Contact) -> Node:
    point: Node = {"@type": "ContactPoint", "identifier": contact.id, "contactType": "press"}
    telephones = [uri.removeprefix("tel:") for uri in map(tel_uri, contact.phones) if uri is not None]
    if telephones:
        point["telephone"] = telephones
    if contact.emails:
        point["email"] = list(contact.emails)
    if contact.languages:
        point["availableLanguage"] = [language.tag for language in contact.languages]
    return point


def _place(contact: Contact) -> Node:
    return {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": contact.city,
            "addressCountry": contact.country,
        },
    }


def _claim(release: Release, index: int, claim: Claim, letter_author: Organization) -> Node:
    path = f"claims[{index}].attributed_to"
    by_release = claim.attributed_to == release.id
    by_letter = claim.attributed_to == release.letter.id
    if not by_release and not by_letter:
        resolve(release, claim.attributed_to, Person, path)
    author = letter_author.id if by_letter else None if by_release else claim.attributed_to
    if claim.kind is ClaimKind.DEMAND:
        node: Node = {"@id": node_id(claim.id), "@type": "AskAction", "identifier": claim.id}
        node["description"] = claim.text
        if author is not None:
            node["agent"] = _ref(author)
        node["recipient"] = _ref(release.letter.recipient)
    else:
        node = {"@id": node_id(claim.id), "@type": "Claim", "identifier": claim.id, "text": claim.text}
        node["keywords"] = claim.kind.value
        node["appearance"] = _ref(release.id)
        if by_letter:
            node["firstAppearance"] = _ref(release.letter.id)
        if author is not None:
            node["author"] = _ref(author)
    if claim.quantity is not None:
        node["object" if claim.kind is ClaimKind.DEMAND else "mentions"] = _quantity(claim.quantity)
    return node


def _quantity(quantity: Quantity) -> Node:
    value: Node = {"@type": "QuantitativeValue", "name": quantity.as_printed}
    value["minValue" if quantity.is_lower_bound else "value"] = quantity.value
    value["unitText"] = quantity.unit
    return value
