"""vCard 3.0 (RFC 2426): one card per press contact, for the address books that refuse 4.0.

Android's contacts importer, Outlook and several CardDAV clients read 3.0 but
not 4.0, and some keep or mangle 4.0's ``tel:`` URIs. So each card has:
``N`` (family;given, whatever the printed order) and ``FN`` (the name as
printed), ``ORG``, ``TITLE`` (the person's description, if any) and ``ROLE``
(the role printed with the contact, if any), ``TEL;TYPE=CELL`` for the
numbers printed "(mobile)" and ``TEL;TYPE=VOICE`` for the others, written as
text in international form (``+81 90 2301 4372``, no ``tel:``),
``EMAIL;TYPE=INTERNET``, ``ADR`` (a work address by default) with the city as its locality, the
``UID`` of the vCard 4.0 card (the same contact), and a ``NOTE`` naming the
release the card comes from, with its date. Text is escaped and lines are
folded at 75 octets of UTF-8 and end with CRLF, as in the 4.0 export; the
other Unicode line breaks (NEL, U+2028, U+2029) are written as ``\n`` too.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator
from typing import Final

from ._dates import long_date
from ._export import release_of, resolve
from ._model import Contact, Organization, Person, Phone, PhoneKind, Release
from ._records import Records
from ._vcard import escape as _escape
from ._vcard import fold

__all__ = ["escape", "note", "phone_text", "render", "render_contacts", "render_records"]

# Unicode's other line breaks, which readers that split lines the way str.splitlines() does would
# take for the end of a line: written as the line breaks they are.
_LINE_BREAKS: Final = str.maketrans({"\x85": "\n", "\u2028": "\n", "\u2029": "\n"})

_DIGITS: Final = re.compile(r"[0-9]+")


def escape(value: str) -> str:
    r"""Return *value* as an RFC 2426 text value: as in vCard 4.0, with NEL, U+2028 and U+2029 as ``\n``.

    >>> print(escape("one\u2028two; three"))
    one\ntwo\; three
    """
    # CR LF is one break, but CR NEL is two: settle CR before NEL becomes LF.
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _escape(value.translate(_LINE_BREAKS))


def phone_text(phone: Phone) -> str | None:
    """Return *phone* in international form, its digit groups after a ``+``, or ``None`` without digits.

    >>> import icnk_letter
    >>> phone_text(icnk_letter.load().contacts[1].phones[1])
    '+81 90 2301 4372'
    """
    groups = _DIGITS.findall(phone.international)
    return "+" + " ".join(groups) if groups else None


def note(release: Release, contact: Contact) -> str:
    """Return the ``NOTE`` of *contact*'s card: where it comes from, with the release's date.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> print(note(release, release.contacts[1]))
    Press contact in Tokyo (Japanese, English) from the press release of 9 January 2012 (2012-01-09), "World's major human rights groups deliver open letter to Kim Jong-un urging a new era".
    """
    date = release.date
    languages = ", ".join(language.as_printed for language in contact.languages)
    spoken = f" ({languages})" if languages else ""
    return (
        f"Press contact in {contact.city}{spoken} from the press release of "
        f'{long_date(date)} ({date.isoformat()}), "{release.title}".'
    )


def render(release: Release) -> str:
    """Return the contacts of *release* as vCard 3.0 cards."""
    return render_contacts(release, release.contacts)


def render_records(contacts: Records[Contact]) -> str:
    """Return the contacts of a collection of a release as vCard 3.0 cards."""
    return render_contacts(release_of(contacts, "vcard3"), contacts)


def render_contacts(release: Release, contacts: Iterable[Contact]) -> str:
    """Return *contacts*, contacts of *release*, as vCard 3.0 cards."""
    return "".join(
        fold(line) for index, contact in enumerate(contacts) for line in _card(release, index, contact)
    )


def _card(release: Release, index: int, contact: Contact) -> Iterator[str]:
    person = resolve(release, contact.person, Person, f"contacts[{index}].person")
    organization = resolve(release, contact.organization, Organization, f"contacts[{index}].organization")
    yield "BEGIN:VCARD"
    yield "VERSION:3.0"
    yield f"N:{escape(person.family_name)};{escape(person.given_name)};;;"
    yield f"FN:{escape(person.name)}"
    yield f"ORG:{escape(organization.name)}"
    if person.description is not None:
        yield f"TITLE:{escape(person.description)}"
    if contact.role is not None:
        yield f"ROLE:{escape(contact.role)}"
    for phone in contact.phones:
        text = phone_text(phone)
        if text is not None:
            yield f"TEL;TYPE={'CELL' if phone.kind is PhoneKind.MOBILE else 'VOICE'}:{text}"
    for email in contact.emails:
        yield f"EMAIL;TYPE=INTERNET:{escape(email)}"
    # No TYPE: a 3.0 address is "intl,postal,parcel,work" by default.
    yield f"ADR:;;;{escape(contact.city)};;;"
    yield f"NOTE:{escape(note(release, contact))}"
    # The UID of the contact's vCard 4.0 card: both are cards of the same contact.
    yield f"UID:urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'urn:icnk-letter:{release.id}:{contact.id}')}"
    yield "END:VCARD"
