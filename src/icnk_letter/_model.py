"""The record classes: frozen, slotted attrs classes whose sequences are tuples.

Every record carries a :class:`Span` that points back into :attr:`Release.text`,
so each value can be checked against the words of the release.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

import attrs

from ._cache import cache_for
from ._errors import NotFoundError
from ._records import Records, as_records, owned_by, owner_type

if TYPE_CHECKING:
    from ._search import Hit, Index

__all__ = [
    "Claim",
    "ClaimKind",
    "Contact",
    "Discrepancy",
    "Inference",
    "Language",
    "Letter",
    "Organization",
    "OrganizationRole",
    "Person",
    "Phone",
    "PhoneKind",
    "Precision",
    "Quantity",
    "Quote",
    "Record",
    "Release",
    "Source",
    "Span",
]


@attrs.frozen
class Span:
    """A stretch of :attr:`Release.text` and the exact words it covers.

    ``start`` and ``end`` are Python ``str`` indices (code points, end
    exclusive), like the W3C Web Annotation ``TextPositionSelector``;
    ``quote`` is the covered text, like its ``TextQuoteSelector``. For every
    span of a sound release, ``release.text[span.start:span.end] == span.quote``.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> span = release.contacts[0].span
    >>> release.text[span.start:span.end] == span.quote
    True
    """

    start: int
    """The index in the text of the first character covered."""
    end: int
    """The index in the text just after the last character covered."""
    quote: str
    """The words covered, verbatim (``end - start`` characters)."""

    def __len__(self) -> int:
        return self.end - self.start


class PhoneKind(str, enum.Enum):
    """What the release says a telephone number is.

    Only ``MOBILE`` is ever printed ("(mobile)"); every other number is
    ``UNSPECIFIED`` rather than guessed to be a landline.
    """

    MOBILE = "mobile"
    UNSPECIFIED = "unspecified"


class ClaimKind(str, enum.Enum):
    """What kind of claim a :class:`Claim` is."""

    VIOLATION = "violation"
    """A human rights violation cited in the open letter."""
    DEMAND = "demand"
    """Something Kim Jong-un is urged or called on to do."""
    STATEMENT = "statement"
    """A checkable statement of fact made by the release itself."""


class Precision(str, enum.Enum):
    """How precise a printed figure is, as its words say.

    ``verify()`` derives it from ``Quantity.as_printed``: "Over", "More
    than" or "At least" make a ``LOWER_BOUND``; "about", "around",
    "approximately", "some" or "an estimated", or a number given in millions
    or billions ("24.5 million"), make it ``ROUNDED``; any other figure is
    ``EXACT`` ("three", "40 other organizations").
    """

    EXACT = "exact"
    """A count as printed, such as "three" or "40 other organizations"."""
    LOWER_BOUND = "lower-bound"
    """A floor, such as "Over 200,000"."""
    ROUNDED = "rounded"
    """An estimate rounded to the digits printed, such as "24.5 million people"."""


# The converters of the enum fields: a member passes through at once (load()
# builds every record through them); its value as a str becomes the member.
def _phone_kind(value: PhoneKind | str) -> PhoneKind:
    if isinstance(value, PhoneKind):
        return value
    try:
        return PhoneKind(value)
    except ValueError:
        raise _unknown_kind("Phone.kind", PhoneKind, value) from None


def _claim_kind(value: ClaimKind | str) -> ClaimKind:
    if isinstance(value, ClaimKind):
        return value
    try:
        return ClaimKind(value)
    except ValueError:
        raise _unknown_kind("Claim.kind", ClaimKind, value) from None


def _precision(value: Precision | str) -> Precision:
    if isinstance(value, Precision):
        return value
    try:
        return Precision(value)
    except ValueError:
        raise _unknown_kind("Quantity.precision", Precision, value) from None


def _unknown_kind(field: str, cls: type[enum.Enum], value: object) -> ValueError:
    known = ", ".join(repr(member.value) for member in cls)
    return ValueError(f"{field}: expected a {cls.__name__} or one of {known}, got {value!r:.60}")


@attrs.frozen
class Phone:
    """A telephone number as printed, beside its normalized forms.

    ``e164`` is the E.164 form (``+`` and digits only); ``international`` is
    the same number grouped as the national numbering plan groups it (ITU-T
    E.123), from which :attr:`uri` builds an RFC 3966 ``tel:`` URI.

    >>> import icnk_letter
    >>> phone = icnk_letter.load().contacts[2].phones[0]
    >>> phone.as_printed, phone.e164, phone.uri
    ('+44 208 329 0045', '+442083290045', 'tel:+44-20-8329-0045')
    """

    as_printed: str
    """The number as the release prints it ("03-5282-5162")."""
    e164: str
    """The number in E.164 form, ``+`` and digits only ("+81352825162")."""
    kind: PhoneKind = attrs.field(converter=_phone_kind)
    """Whether the release says it is a mobile number (a :class:`PhoneKind`, or its value)."""
    international: str
    """The number grouped for international use, ITU-T E.123 ("+81 3 5282 5162")."""
    span: Span
    """Where the number is printed."""

    @property
    def uri(self) -> str:
        """The RFC 3966 ``tel:`` URI, with hyphens as visual separators."""
        return "tel:" + self.international.replace(" ", "-")


@attrs.frozen
class Language:
    """A language a contact speaks: the BCP 47 ``tag`` and the word printed.

    >>> import icnk_letter
    >>> icnk_letter.load().contacts[1].languages[0]
    Language(tag='ja', as_printed='Japanese')
    """

    tag: str
    """The BCP 47 language tag ("ko")."""
    as_printed: str
    """The language as the release names it ("Korean")."""


@attrs.frozen
class OrganizationRole:
    """A role the release gives an organization in another one, as printed.

    ``title`` is the role ("Secretariat"), ``of`` the id of the organization it
    serves, ``as_printed`` the words printed and ``span`` where.

    >>> import icnk_letter
    >>> role = icnk_letter.load().lookup("Open North Korea").roles[0]
    >>> role.title, role.of, role.as_printed
    ('Secretariat', 'international-coalition-to-stop-crimes-against-humanity-in-north-korea', 'Secretariat to the Coalition')
    """

    title: str
    """The role ("Secretariat")."""
    of: str
    """The id of the organization it serves (the coalition)."""
    as_printed: str
    """The words printed ("Secretariat to the Coalition")."""
    span: Span
    """Where they are printed."""


@attrs.frozen
class Organization:
    """An organization the release names: the coalition, a member or another.

    ``listed_as`` is the line of the member list verbatim, or ``None`` for an
    organization that is named in the body but not listed. ``country`` is an
    ISO 3166-1 alpha-2 code derived only from that line (``country_as_printed``).
    ``span`` is the member-list line for members and the first mention otherwise;
    ``mentions`` are the other places where the release names it; ``roles``
    the roles the release gives it in another organization (Open North Korea
    is the coalition's secretariat).
    """

    id: str
    """A stable lowercase slug ("human-rights-watch")."""
    name: str
    """The full name, as the release spells it."""
    acronym: str | None
    """The acronym the release uses ("HRW"), or ``None``."""
    country: str | None
    """The ISO 3166-1 alpha-2 code of ``country_as_printed`` ("KR"), or ``None``."""
    country_as_printed: str | None
    """The country as the member list prints it ("ROK"), or ``None``."""
    listed_as: str | None
    """The member-list line verbatim, or ``None`` for an organization that is not listed."""
    span: Span
    """The member-list line for members, the first mention otherwise."""
    mentions: tuple[Span, ...] = ()
    """The other places where the release names it."""
    roles: tuple[OrganizationRole, ...] = ()
    """The roles the release gives it in another organization (Open North Korea is the coalition's secretariat)."""

    @property
    def is_listed(self) -> bool:
        """Whether the organization is on the release's member list."""
        return self.listed_as is not None


@attrs.frozen
class Person:
    """A person the release names, with their name split as it is written.

    ``description`` is what the release says about them, verbatim.
    """

    id: str
    """A stable lowercase slug ("kanae-doi")."""
    name: str
    """The name in the order the release first writes it."""
    family_name: str
    """The family name ("Doi")."""
    given_name: str
    """The given name ("Kanae")."""
    span: Span
    """The first mention."""
    description: str | None
    """What the release says about the person, verbatim, or ``None``."""
    affiliations: tuple[str, ...] = ()
    """The ids of the organizations the release ties the person to."""
    mentions: tuple[Span, ...] = ()
    """The other places where the release names the person."""


@attrs.frozen
class Contact:
    """A press contact: one city paragraph under "For further information".

    ``person`` and ``organization`` are ids; :meth:`Release.person_of` and
    :meth:`Release.organization_of` resolve them. ``role`` is a role of the
    person printed with the organization (none of the bundled contacts has
    one: "Open North Korea & Secretariat to the Coalition" gives the
    organization its role, see ``Organization.roles``). ``country`` is the
    ISO 3166-1 code of ``city``, which is how numbers printed without a country
    code were given one (an :class:`Inference`).
    """

    id: str
    """A stable lowercase slug ("contact-tokyo")."""
    person: str
    """The id of the :class:`Person` to call."""
    organization: str
    """The id of the :class:`Organization` the person speaks for."""
    organization_as_printed: str
    """The organization as the paragraph prints it."""
    role: str | None
    """The person's role as printed ("Secretariat to the Coalition"), or ``None``."""
    city: str
    """The city of the paragraph ("Tokyo")."""
    country: str
    """The ISO 3166-1 alpha-2 code of the city's country ("JP")."""
    languages: tuple[Language, ...]
    """The languages the contact speaks, in printed order."""
    phones: tuple[Phone, ...]
    """The telephone numbers, in printed order."""
    emails: tuple[str, ...]
    """The email addresses, in printed order."""
    span: Span
    """The whole city paragraph."""


@attrs.frozen
class Quantity:
    """A figure in a claim: ``value`` of ``unit``, with its :class:`Precision`.

    >>> import icnk_letter
    >>> icnk_letter.load().by_id("violation-1").quantity
    Quantity(value=200000, unit='people', precision=<Precision.LOWER_BOUND: 'lower-bound'>, as_printed='Over 200,000')
    >>> icnk_letter.load().by_id("violation-3").quantity.precision.value
    'rounded'
    """

    value: int
    """The figure as a number (200000)."""
    unit: str
    """What is counted ("people")."""
    precision: Precision = attrs.field(converter=_precision)
    """How precise the figure is, as its printed words say (exact, a lower bound or rounded)."""
    as_printed: str
    """The figure as printed ("Over 200,000")."""

    @property
    def exact(self) -> bool:
        """Whether the figure is an exact count ("three"), that is ``precision is Precision.EXACT``."""
        return self.precision is Precision.EXACT

    @property
    def is_lower_bound(self) -> bool:
        """Whether the figure is a floor ("Over 200,000"), that is ``precision is Precision.LOWER_BOUND``."""
        return self.precision is Precision.LOWER_BOUND


@attrs.frozen
class Claim:
    """A violation cited, a demand made or a statement of fact.

    ``text`` is the claim in the release's own words (the span's quote).
    ``attributed_to`` is the id of who makes it: the open letter
    (:attr:`Release.letter`), a person, or the release itself (:attr:`Release.id`).
    """

    id: str
    """A stable lowercase slug ("violation-1")."""
    kind: ClaimKind = attrs.field(converter=_claim_kind)
    """A violation, a demand or a statement (a :class:`ClaimKind`, or its value)."""
    text: str
    """The claim in the release's own words."""
    quantity: Quantity | None
    """The figure the claim carries, or ``None``."""
    attributed_to: str
    """The id of who makes the claim (the letter, a person, or the release)."""
    span: Span
    """Where the claim is printed."""


@attrs.frozen
class Quote:
    """Words the release quotes, and who said them (a :class:`Person` id)."""

    id: str
    """A stable lowercase slug ("quote-1")."""
    speaker: str
    """The id of the :class:`Person` quoted."""
    text: str
    """The words quoted, verbatim."""
    span: Span
    """Where the quotation is printed."""


@attrs.frozen
class Letter:
    """The open letter the release announces (it is not itself reproduced)."""

    id: str
    """A stable lowercase slug."""
    title: str
    """The letter as the release names it ("open letter to Kim Jong-un")."""
    author: str
    """The id of the :class:`Organization` that delivers it (the coalition)."""
    recipient: str
    """The id of the :class:`Person` it is addressed to."""
    span: Span
    """Where the release names the letter."""


@attrs.frozen
class Discrepancy:
    """A known contradiction or quirk of the source, kept rather than fixed."""

    id: str
    """A stable lowercase slug."""
    description: str
    """What the contradiction or quirk is."""
    spans: tuple[Span, ...]
    """The places in the text concerned."""


@attrs.frozen
class Source:
    """An outside publication of the release, or a report on it, checked by the maintainers.

    ``facts`` are what it says that bears on this data (its date, its counts,
    its wording where it differs), each short and in the maintainers' own
    words, quoting a few words at most. ``published`` is ``None`` where no
    date of publication could be confirmed; ``accessed`` is when a copy of
    the page was read.

    >>> import icnk_letter
    >>> source = icnk_letter.load().source("afp-icnk")
    >>> source.published
    datetime.date(2012, 1, 11)
    """

    id: str
    """A stable lowercase slug ("fidh")."""
    publisher: str
    """Who published it ("Agenzia Fides")."""
    title: str
    """Its title, as published."""
    url: str
    """The http(s) URL of the copy that was read."""
    published: datetime.date | None
    """The date of publication, or ``None`` where it could not be confirmed."""
    accessed: datetime.date | None
    """When the maintainers read a copy of the page, or ``None``."""
    facts: tuple[str, ...]
    """What it says that bears on the data, short and in the maintainers' words."""


@attrs.frozen
class Inference:
    """A value of the data that the release does not print, and what it rests on.

    ``record`` is the id of a record (or of the release itself), ``field`` the
    path of the value inside it (``"phones[0].e164"``), ``value`` that value
    as text (a date in ISO 8601, an enum its value, a tuple its items joined
    by ", ", a language its tag). The basis is ``rule``, the reasoning stated
    in words, with the ``spans`` of the text and the ``sources`` (ids of
    :class:`Source` records) it rests on.

    >>> import icnk_letter
    >>> inference = icnk_letter.load().inferences_of("contact-tokyo")[2]
    >>> inference.field, inference.value
    ('phones[0].e164', '+81352825162')
    """

    id: str
    """A stable lowercase slug ("contact-tokyo-phones-0-e164")."""
    record: str
    """The id of the record concerned, or of the release itself."""
    field: str
    """The path of the value in that record ("phones[0].e164")."""
    value: str
    """The value, as text."""
    rule: str
    """The reasoning, stated in words."""
    spans: tuple[Span, ...] = ()
    """The words of the text it rests on."""
    sources: tuple[str, ...] = ()
    """The ids of the :class:`Source` records it rests on."""


def _wrong_type(method: str, expected: str, got: object) -> TypeError:
    return TypeError(f"Release.{method}() takes {expected}, got {type(got).__name__}: {got!r:.60}")


# Collection fields accept any iterable of their records and store Records.
# One named converter per record type keeps the constructors precisely typed.
def _organization_records(items: Iterable[Organization]) -> Records[Organization]:
    return as_records(items)


def _person_records(items: Iterable[Person]) -> Records[Person]:
    return as_records(items)


def _contact_records(items: Iterable[Contact]) -> Records[Contact]:
    return as_records(items)


def _quote_records(items: Iterable[Quote]) -> Records[Quote]:
    return as_records(items)


def _claim_records(items: Iterable[Claim]) -> Records[Claim]:
    return as_records(items)


@attrs.frozen
class Release:
    """The press release of 8-9 January 2012: its text and every record in it.

    Attributes:
        id: The release's own id, the author of its statements.
        title: The headline, without the dateline.
        dateline: The dateline, "NORTH KOREA".
        date: The date, read from ``date_as_printed`` as month.day.year.
        date_as_printed: The date as printed, "1.9.2012".
        text: The release verbatim, byte for byte as shipped.
        sha256: The SHA-256 of ``text`` encoded as UTF-8.
        schema_version: The version of the data file's layout.
        title_span: Where the headline is printed.
        dateline_span: Where the dateline is printed.
        date_span: Where the date is printed.
        stated_organization_count: How many organizations the release says
            released the letter (3 named + "40 other organizations").
        letter: The open letter the release announces.
        coalition: The ICNK itself.
        members: The organizations of the member list, in printed order.
        other_organizations: Organizations named but neither the coalition
            nor listed (the ICRC).
        people: Every person named, in order of first mention.
        contacts: The press contacts, one per city paragraph.
        quotes: The quotations.
        claims: The violations, demands and statements, in printed order.
        discrepancies: The known contradictions and quirks of the source.
        sources: The outside publications of the release and reports on it.
        inferences: Every value the release does not print, with its basis.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> release.date, release.date_as_printed
    (datetime.date(2012, 1, 9), '1.9.2012')
    >>> release.coalition.acronym
    'ICNK'
    """

    id: str
    title: str
    dateline: str
    date: datetime.date
    date_as_printed: str
    text: str
    sha256: str
    schema_version: str
    title_span: Span
    dateline_span: Span
    date_span: Span
    stated_organization_count: int
    letter: Letter
    coalition: Organization
    members: Records[Organization] = attrs.field(converter=_organization_records)
    other_organizations: Records[Organization] = attrs.field(converter=_organization_records)
    people: Records[Person] = attrs.field(converter=_person_records)
    contacts: Records[Contact] = attrs.field(converter=_contact_records)
    quotes: Records[Quote] = attrs.field(converter=_quote_records)
    claims: Records[Claim] = attrs.field(converter=_claim_records)
    discrepancies: tuple[Discrepancy, ...]
    sources: tuple[Source, ...] = ()
    inferences: tuple[Inference, ...] = ()

    def __attrs_post_init__(self) -> None:
        # Each collection knows its release, so that its filters can resolve
        # names ("CSW") through the release's lookup.
        owner = owner_type(self)
        for name in _COLLECTIONS:
            records: Records[Any] = getattr(self, name)
            object.__setattr__(self, name, owned_by(records, owner))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy through __init__, so that the collections of the copy belong to it.
        return (Release, tuple(getattr(self, field.name) for field in attrs.fields(Release)))

    @property
    def organizations(self) -> tuple[Organization, ...]:
        """Return every organization named, the coalition first, then the members and the others."""
        return (self.coalition, *self.members, *self.other_organizations)

    def by_id(self, record_id: str) -> Record:
        """Return the record whose ``id`` is *record_id*, exactly as written.

        Raises:
            NotFoundError: if no record has that id.
            TypeError: if *record_id* is not a str.

        >>> import icnk_letter
        >>> icnk_letter.load().by_id("kanae-doi").name
        'Kanae Doi'
        """
        if not isinstance(record_id, str):
            raise _wrong_type("by_id", "a str", record_id)
        index: dict[str, Record] | None = cache_for(self).get("by_id")
        if index is None:
            index = {}
            records: tuple[Record, ...] = (
                self.letter,
                *self.organizations,
                *self.people,
                *self.contacts,
                *self.quotes,
                *self.claims,
            )
            for record in records:
                index.setdefault(record.id, record)
            cache_for(self)["by_id"] = index
        try:
            return index[record_id]
        except KeyError:
            raise NotFoundError(record_id) from None

    def lookup(self, key: str) -> Record:
        """Return the one record that *key* names exactly.

        *key* may be a record's id, name, acronym, ``listed_as`` line, a
        person's name in either order, a claim's or quote's text, an email
        address, or a phone number written any common way (as printed, E.164,
        with spaces or dashes, national with its leading 0, a ``tel:`` URI).
        Keys are compared after normalization: case, Unicode form, accents,
        apostrophes, "&"/"and", hyphens, punctuation and spacing do not matter
        (see "Finding things" in the docs for the rules).

        The words the text prints for an organization or a person count too:
        its span ("International Committee of the Red Cross (ICRC)") and its
        mentions ("the Coalition", "General Kim").

        Raises:
            NotFoundError: if no record matches; the message suggests close ones.
            AmbiguousKeyError: if the key names several records.
            ValueError: if *key* is empty or blank, or longer than 1,000 characters.
            TypeError: if *key* is not a str.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> release.lookup("comjan").name
        'Investigation Commission on Missing Japanese Probably Related to North Korea'
        >>> release.lookup("YOUNG DEFECTORS\\u2019 ALLIANCE FOR NORTH-KOREAN HUMAN RIGHTS").id
        'young-defectors-alliance-for-north-korean-human-rights'
        >>> release.lookup("+81 3-5282-5162").city
        'Tokyo'
        >>> release.lookup("Amnesty Internacional")
        Traceback (most recent call last):
        ...
        icnk_letter.NotFoundError: no record matches 'Amnesty Internacional'; did you mean 'Amnesty International'?
        """
        record: Record = self._index().lookup(key)
        return record

    @overload
    def get(self, key: str) -> Record | None: ...

    @overload
    def get(self, key: str, default: _D) -> Record | _D: ...

    def get(self, key: str, default: object = None) -> object:
        """Return the one record that *key* names, or *default* if none does.

        Keys are matched as by :meth:`lookup`. A key that names several records
        still raises :class:`AmbiguousKeyError`, and a blank key ``ValueError``.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> release.get("kiri@csw.org.uk").city
        'London'
        >>> release.get("Amnesty Internacional") is None
        True
        """
        return self._index().get(key, default)

    @overload
    def search(self, query: str, *, kind: type[_R], limit: int | None = None) -> tuple[Hit[_R], ...]: ...

    @overload
    def search(
        self,
        query: str,
        *,
        kind: Literal["organizations", "organization", "members", "member"],
        limit: int | None = None,
    ) -> tuple[Hit[Organization], ...]: ...

    @overload
    def search(
        self, query: str, *, kind: Literal["people", "person", "persons"], limit: int | None = None
    ) -> tuple[Hit[Person], ...]: ...

    @overload
    def search(
        self, query: str, *, kind: Literal["contacts", "contact"], limit: int | None = None
    ) -> tuple[Hit[Contact], ...]: ...

    @overload
    def search(
        self, query: str, *, kind: Literal["claims", "claim"], limit: int | None = None
    ) -> tuple[Hit[Claim], ...]: ...

    @overload
    def search(
        self, query: str, *, kind: Literal["quotes", "quote"], limit: int | None = None
    ) -> tuple[Hit[Quote], ...]: ...

    @overload
    def search(
        self, query: str, *, kind: Literal["letters", "letter"], limit: int | None = None
    ) -> tuple[Hit[Letter], ...]: ...

    @overload
    def search(
        self, query: str, *, kind: str | None = None, limit: int | None = None
    ) -> tuple[Hit[Record], ...]: ...

    def search(
        self, query: str, *, kind: type[Any] | str | None = None, limit: int | None = None
    ) -> tuple[Hit[Any], ...]:
        """Return the records that match *query*, best first, as :class:`Hit` objects.

        Query words match in any order, each exactly or as the start of a word
        of the record, after the normalization of :meth:`lookup`. A word that
        matches nothing as typed may match with one typo (words of 3 to 7
        characters) or two (longer words). Hits rank, best first: an exact match
        of a whole name, acronym or other lookup key; every word in one name (or
        a claim's or quote's text); every word in the other fields; matches with
        typos; then records that match at least half of several words. Ties
        break in printed order, so a query always gives the same tuple.

        Args:
            query: any non-blank text.
            kind: narrow the search to one kind of record: a record class such
                as :class:`Organization`, or ``"organizations"``, ``"people"``,
                ``"contacts"``, ``"claims"``, ``"quotes"`` or ``"letters"``
                (singular or plural, in any case); ``"members"`` is the
                organizations of the member list only (neither the coalition
                nor the ICRC). The hits are typed by the kind: ``kind="people"``
                gives ``Hit[Person]``.
            limit: return at most this many hits.

        Raises:
            ValueError: if *query* is empty or blank or longer than 1,000
                characters, or *kind* is unknown.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> [(h.record.id, h.field) for h in release.search("north korea freedom", limit=2)]
        [('north-korea-freedom-coalition', 'name'), ('quote-1', 'text')]
        >>> [h.record.id for h in release.search("labor camps", kind="claims")]
        ['violation-1', 'demand-4', 'statement-4']
        >>> hits = release.search("Simon Wiesenthal Centre", kind=icnk_letter.Organization)
        >>> [(h.record.name, h.score) for h in hits]
        [('The Simon Wiesenthal Center', 1.0)]
        """
        return self._index().search(query, kind=kind, limit=limit)

    def source(self, source_id: str) -> Source:
        """Return the :class:`Source` whose id is *source_id*.

        Raises:
            NotFoundError: if no source has that id.
        """
        if not isinstance(source_id, str):
            raise _wrong_type("source", "a str", source_id)
        for source in self.sources:
            if source.id == source_id:
                return source
        raise NotFoundError(f"{source_id} (as a Source)")

    def inferences_of(self, record: Record | Release | str) -> tuple[Inference, ...]:
        """Return the inferences about a record (or the release), by record or id, in data order.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> [(i.field, i.value) for i in release.inferences_of(release)][:1]
        [('date', '2012-01-09')]
        """
        if not isinstance(record, str):
            if not isinstance(record, (Release, *_RECORD_CLASSES)):
                raise _wrong_type("inferences_of", "a record, the Release or an id", record)
            record = record.id
        return tuple(i for i in self.inferences if i.record == record)

    def _index(self) -> Index:
        """Return the lookup and search index of the release, built on first use."""
        index: Index | None = cache_for(self).get("index")
        if index is None:
            from ._search import index_of  # the search code is imported on first use

            index = index_of(self)
        return index

    def _typed(self, record_id: str, cls: type[_R]) -> _R:
        record = self.by_id(record_id)
        if not isinstance(record, cls):
            article = "an" if cls.__name__[0] in "AEIOU" else "a"
            raise NotFoundError(f"{record_id} (as {article} {cls.__name__})")
        return record

    def person_of(self, record: Contact | Quote) -> Person:
        """Return the person of a contact, or the speaker of a quote.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> release.person_of(release.quotes[0]).name
        'Ha Tae Keung'
        """
        if isinstance(record, Contact):
            return self._typed(record.person, Person)
        if isinstance(record, Quote):
            return self._typed(record.speaker, Person)
        raise _wrong_type("person_of", "a Contact or a Quote", record)

    def organization_of(self, contact: Contact) -> Organization:
        """Return the organization a contact speaks for.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> release.organization_of(release.contacts[2]).acronym
        'CSW'
        """
        if not isinstance(contact, Contact):
            raise _wrong_type("organization_of", "a Contact", contact)
        return self._typed(contact.organization, Organization)

    def contacts_of(self, organization: Organization | Person | str) -> tuple[Contact, ...]:
        """Return the press contacts of an organization or a person, in printed order.

        *organization* is an :class:`Organization` or a :class:`Person`, or a
        str that names one as :meth:`lookup` would: its id, name, acronym or
        any other key.

        Raises:
            NotFoundError: if the str names no organization and no person; the
                message suggests the closest ones.
            AmbiguousKeyError: if it names several.
            ValueError: if it is blank.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> [c.city for c in release.contacts_of("human-rights-watch")], [c.city for c in release.contacts_of("CSW")]
        (['Tokyo', 'Bangkok'], ['London'])
        >>> doi = release.people.lookup("Kanae Doi")
        >>> [(c.city, c.phones[0].as_printed) for c in release.contacts_of(doi)]
        [('Tokyo', '03-5282-5162')]
        >>> release.contacts_of("Amnesty Internacional")
        Traceback (most recent call last):
        ...
        icnk_letter.NotFoundError: no organization or person matches 'Amnesty Internacional'; did you mean 'Amnesty International'?
        """
        if not isinstance(organization, (str, Organization, Person)):
            raise _wrong_type("contacts_of", "an Organization, a Person or an id", organization)
        found: Organization | Person = (
            self._resolve(organization, (Organization, Person))
            if isinstance(organization, str)
            else organization
        )
        if isinstance(found, Person):
            return tuple(c for c in self.contacts if c.person == found.id)
        return tuple(c for c in self.contacts if c.organization == found.id)

    def affiliations_of(self, person: Person) -> tuple[Organization, ...]:
        """Return the organizations the release ties a person to.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> [o.name for o in release.affiliations_of(release.people[1])][0]
        'Open North Korea'
        """
        if not isinstance(person, Person):
            raise _wrong_type("affiliations_of", "a Person", person)
        return tuple(self._typed(org_id, Organization) for org_id in person.affiliations)

    def claims_by(self, author: Person | Letter | Release | str) -> tuple[Claim, ...]:
        """Return the claims attributed to a person, the letter or the release itself.

        *author* is a :class:`Person`, the :class:`Letter`, the release, the
        release's id, or a str that names a person or the letter as
        :meth:`lookup` would ("Ha Tae Keung", "open letter to Kim Jong-un").

        Raises:
            NotFoundError: if the str names no person and not the letter; the
                message suggests the closest ones.
            AmbiguousKeyError: if it names several.
            ValueError: if it is blank.

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> [c.text for c in release.claims_by("ha-tae-keung")][:2]
        ['look to his legacy', 'respecting the basic human rights of the North Korean people']
        >>> len(release.claims_by("Tae Keung Ha")), len(release.claims_by(release.id))
        (5, 4)
        """
        if not isinstance(author, (str, Person, Letter, Release)):
            raise _wrong_type("claims_by", "a Person, the Letter, the Release or an id", author)
        if isinstance(author, str) and author != self.id:
            author = self._resolve(author, (Person, Letter))
        author_id = author if isinstance(author, str) else author.id
        return tuple(c for c in self.claims if c.attributed_to == author_id)

    def _resolve(self, key: str, kinds: tuple[type[Any], ...]) -> Any:
        """Return the one record of one of *kinds* that *key* names, as :meth:`lookup` finds it."""
        from ._search import resolve

        return resolve(self, key, kinds)


Record = Letter | Organization | Person | Contact | Quote | Claim
"""Any record that has an ``id`` and a :class:`Span`."""

_RECORD_CLASSES = (Letter, Organization, Person, Contact, Quote, Claim)
_R = TypeVar("_R", Letter, Organization, Person, Contact, Quote, Claim)
_D = TypeVar("_D")
# The fields of a release that hold Records.
_COLLECTIONS = ("members", "other_organizations", "people", "contacts", "quotes", "claims")
