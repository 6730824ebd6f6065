"""Where each record is written: every record's main span and mentions, with its kind.

The reading page (``html``) and the W3C annotations (``annotations``) both
mark these spans, in the same order: the letter, the coalition, the members,
the other organizations, the people, the contacts, the quotes and the claims,
each record's main span first and then its mentions in printed order.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

import attrs

from ._errors import NotFoundError
from ._model import Claim, Contact, Letter, Organization, Person, Quote, Record, Release, Span

__all__ = ["KINDS", "Mark", "kind_of", "label_of", "marks"]

KINDS: Final = ("letter", "organization", "person", "contact", "quote", "claim")
"""The kinds of record, as the exports name them."""

_KIND_OF: Final[dict[type[object], str]] = {
    Letter: "letter",
    Organization: "organization",
    Person: "person",
    Contact: "contact",
    Quote: "quote",
    Claim: "claim",
}


@attrs.frozen
class Mark:
    """One span of one record: its main span (``mention`` is 0) or its n-th mention (1, 2, ...)."""

    record: Record
    kind: str
    mention: int
    span: Span


def kind_of(record: Record) -> str:
    """Return the kind of *record*: ``"organization"``, ``"claim"``, ...

    >>> import icnk_letter
    >>> kind_of(icnk_letter.load().claims[0])
    'claim'
    """
    return _KIND_OF[type(record)]


def records(release: Release) -> tuple[Record, ...]:
    """Return every record of *release* in the order of the exports."""
    return (
        release.letter,
        release.coalition,
        *release.members,
        *release.other_organizations,
        *release.people,
        *release.contacts,
        *release.quotes,
        *release.claims,
    )


def marks(release: Release) -> Iterator[Mark]:
    """Yield a :class:`Mark` for every record's main span and for each of its mentions.

    >>> import icnk_letter
    >>> amnesty = [m for m in marks(icnk_letter.load()) if m.record.id == "amnesty-international"]
    >>> [(m.mention, m.span.quote) for m in amnesty]
    [(0, 'Amnesty International'), (1, 'Amnesty International')]
    """
    for record in records(release):
        kind = kind_of(record)
        yield Mark(record, kind, 0, record.span)
        if isinstance(record, (Organization, Person)):
            for number, span in enumerate(record.mentions, start=1):
                yield Mark(record, kind, number, span)


def label_of(release: Release, record: Record) -> str:
    """Return what names *record* to a reader: a name, a title, a text, or a contact's person and city.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> label_of(release, release.contacts[1]), label_of(release, release.letter)
    ('Kanae Doi, Tokyo', 'open letter to Kim Jong-un')
    """
    if isinstance(record, (Organization, Person)):
        return record.name
    if isinstance(record, Letter):
        return record.title
    if isinstance(record, Contact):
        person = _name_of(release, record.person)
        return f"{person}, {record.city}"
    return record.text


def _name_of(release: Release, record_id: str) -> str:
    """Return the name of the person or organization *record_id*, or the id if it names neither."""
    try:
        record = release.by_id(record_id)
    except NotFoundError:
        return record_id
    return record.name if isinstance(record, (Organization, Person)) else record_id
