"""vCard 4.0 (RFC 6350): one card per press contact.

Each card has ``FN`` (the name as printed), ``N`` in family;given order (so a
Korean name written family name first and an English one written given name
first both come out right), ``ORG``, ``ROLE`` where printed, ``TEL`` as an
RFC 3966 URI with ``TYPE=cell`` for the numbers printed "(mobile)" and
``TYPE=voice`` (RFC 6350's default type) for the others, ``EMAIL``, ``LANG``
with ``PREF`` in the printed order and ``ADR`` with the city as its locality
and the country code in the RFC 8605 ``CC`` parameter.
``UID`` is a name-based UUID of the release and contact ids, so re-importing
updates a card rather than duplicating it.

Text values are escaped (backslash, comma, semicolon, line breaks) and lines
are folded at 75 octets of UTF-8, never inside a character, and ended with
CRLF. Control characters other than line breaks cannot be written in a vCard
and are dropped.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator

from ._export import release_of, resolve, tel_uri
from ._model import Contact, Organization, Person, PhoneKind, Release
from ._records import Records

__all__ = ["card", "escape", "fold", "render", "render_contacts", "render_records"]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_COUNTRY = re.compile(r"[A-Z]{2}")
_MAX_OCTETS = 75


def escape(value: str) -> str:
    r"""Return *value* as an RFC 6350 text value: ``\``, ``,``, ``;`` and line breaks escaped.

    >>> print(escape("Smith, John; \\ Jr.\nline two"))
    Smith\, John\; \\ Jr.\nline two
    """
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def fold(line: str) -> str:
    """Return *line* folded into CRLF-ended lines of at most 75 octets of UTF-8.

    Continuation lines start with a space; a fold never splits a character.

    >>> folded = fold("NOTE:" + "€" * 30)
    >>> [len(part.encode("utf-8")) for part in folded.split("\\r\\n")]
    [74, 22, 0]
    """
    parts: list[str] = []
    current: list[str] = []
    size = 0
    limit = _MAX_OCTETS
    for char in line:
        # A lone surrogate (only possible in a release built in Python) counts as 3 octets.
        width = len(char.encode("utf-8", "surrogatepass"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [" "], 1, _MAX_OCTETS
        current.append(char)
        size += width
    parts.append("".join(current))
    return "".join(part + "\r\n" for part in parts)


def render(release: Release) -> str:
    """Return the contacts of *release* as vCard 4.0 cards."""
    return render_contacts(release, release.contacts)


def render_records(contacts: Records[Contact]) -> str:
    """Return the contacts of a collection of a release as vCard 4.0 cards."""
    return render_contacts(release_of(contacts, "vcard"), contacts)


def render_contacts(release: Release, contacts: Iterable[Contact]) -> str:
    """Return *contacts*, contacts of *release*, as vCard 4.0 cards."""
    return "".join(
        fold(line) for index, contact in enumerate(contacts) for line in _card(release, index, contact)
    )


def card(release: Release, index: int) -> str:
    """Return the vCard of the contact ``release.contacts[index]``, as :func:`render` writes it.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> card(release, 1) in render(release), card(release, 1).count("BEGIN:VCARD")
    (True, 1)
    """
    return "".join(fold(line) for line in _card(release, index, release.contacts[index]))


def _card(release: Release, index: int, contact: Contact) -> Iterator[str]:
    person = resolve(release, contact.person, Person, f"contacts[{index}].person")
    organization = resolve(release, contact.organization, Organization, f"contacts[{index}].organization")
    yield "BEGIN:VCARD"
    yield "VERSION:4.0"
    yield "KIND:individual"
    yield f"UID:urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'urn:icnk-letter:{release.id}:{contact.id}')}"
    yield f"FN:{escape(person.name)}"
    yield f"N:{escape(person.family_name)};{escape(person.given_name)};;;"
    yield f"ORG:{escape(organization.name)}"
    if contact.role is not None:
        yield f"ROLE:{escape(contact.role)}"
    for phone in contact.phones:
        uri = tel_uri(phone)
        if uri is not None:
            # "voice" is RFC 6350's default TYPE of a number; it does not claim a landline.
            kind = "cell" if phone.kind is PhoneKind.MOBILE else "voice"
            yield f"TEL;VALUE=uri;TYPE={kind}:{uri}"
    for email in contact.emails:
        yield f"EMAIL:{escape(email)}"
    for preference, language in enumerate(contact.languages[:100], start=1):
        yield f"LANG;PREF={preference}:{escape(language.tag)}"
    country = f";CC={contact.country}" if _COUNTRY.fullmatch(contact.country) else ""
    yield f"ADR;TYPE=work{country}:;;;{escape(contact.city)};;;"
    yield "END:VCARD"
