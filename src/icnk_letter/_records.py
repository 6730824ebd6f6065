"""``Records``: the immutable, typed collections of a release."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

if TYPE_CHECKING:
    from ._model import Claim, ClaimKind, Contact, Letter, Organization, Person, Quote, Release
    from ._search import Hit, Index

__all__ = ["Records", "as_records", "owned_by", "owner_of"]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
D = TypeVar("D")
# The kinds of record a collection may hold, for the criteria of filter().
_O = TypeVar("_O", bound="Organization")
_P = TypeVar("_P", bound="Person")
_C = TypeVar("_C", bound="Contact")
_Cl = TypeVar("_Cl", bound="Claim")
_Q = TypeVar("_Q", bound="Quote")
_L = TypeVar("_L", bound="Letter")


class Records(tuple[T_co, ...]):
    """An immutable tuple of records, in the order the release prints them.

    It is a plain ``tuple`` in every way (indexing, slicing, equality with a
    tuple of the same items) and serializes as a JSON list. On top of that it
    can be filtered, and looked up and searched within:

    >>> import icnk_letter
    >>> members = icnk_letter.load().members
    >>> isinstance(members, tuple), len(members)
    (True, 39)
    >>> [m.name for m in members.filter(country="Canada")]
    ['Council for Human Rights in North Korea', 'Han Voice']
    >>> members.lookup("fidh").name
    'International Federation for Human Rights'
    >>> members.get("ICNK") is None  # the coalition is not one of its members
    True
    >>> [hit.record.name for hit in members.search("lawyers", limit=2)]
    ['Christian Lawyers Association for Paraguay', 'Inter-American Federation of Christian Lawyers']
    """

    # No __slots__: a tuple subclass cannot be weakly referenced, so the lazily
    # built search index of a collection is kept in its instance dictionary,
    # beside the release it belongs to (see owned_by()).

    def __repr__(self) -> str:
        return f"Records({super().__repr__()})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy the records, never the cached index.
        return (Records, (tuple(self),))

    # One overload per kind of record, so that a criterion the kind does not
    # have (a misspelt one) is an error for a type checker too; the last one is
    # for a collection of several kinds, which all have an id.
    @overload
    def filter(
        self: Records[_O],
        *,
        id: str | Organization | None = ...,
        name: str | None = ...,
        acronym: str | None = ...,
        country: str | None = ...,
        country_as_printed: str | None = ...,
        listed_as: str | None = ...,
    ) -> Records[_O]: ...

    @overload
    def filter(
        self: Records[_P],
        *,
        id: str | Person | None = ...,
        name: str | None = ...,
        family_name: str | None = ...,
        given_name: str | None = ...,
        description: str | None = ...,
        affiliation: Organization | str | None = ...,
    ) -> Records[_P]: ...

    @overload
    def filter(
        self: Records[_C],
        *,
        id: str | Contact | None = ...,
        person: Person | str | None = ...,
        organization: Organization | str | None = ...,
        organization_as_printed: str | None = ...,
        role: str | None = ...,
        city: str | None = ...,
        country: str | None = ...,
        language: str = ...,
    ) -> Records[_C]: ...

    @overload
    def filter(
        self: Records[_Cl],
        *,
        id: str | Claim | None = ...,
        kind: ClaimKind | str = ...,
        text: str | None = ...,
        attributed_to: Person | Letter | Release | str | None = ...,
        has_quantity: bool = ...,
    ) -> Records[_Cl]: ...

    @overload
    def filter(
        self: Records[_Q],
        *,
        id: str | Quote | None = ...,
        speaker: Person | str | None = ...,
        text: str | None = ...,
    ) -> Records[_Q]: ...

    @overload
    def filter(
        self: Records[_L],
        *,
        id: str | Letter | None = ...,
        title: str | None = ...,
        author: str | None = ...,
        recipient: str | None = ...,
    ) -> Records[_L]: ...

    @overload
    def filter(self, *, id: str | None = ...) -> Records[T_co]: ...

    def filter(self, **criteria: object) -> Records[Any]:
        """Return the records that meet every criterion, in printed order.

        Strings are compared after normalization (see :meth:`lookup`). Besides
        the plain fields of the records (``acronym=None``, ``city="tokyo"``):

        - ``country`` (organizations, contacts): an ISO 3166-1 alpha-2 code in
          any case, or a name or abbreviation the package data knows ("ROK",
          "South Korea", "USA"); ``None`` for organizations printed without one.
        - ``language`` (contacts): a BCP 47 tag ("ko" also matches "ko-KR") or
          an English name ("Korean").
        - ``kind`` (claims): a :class:`ClaimKind` or its value ("violation").
        - ``has_quantity`` (claims): whether the claim carries a figure.

        The criteria that name another record take that record, or any key
        :meth:`Release.lookup` accepts for it (an id, a name, an acronym, ...),
        looked up among the records of that kind in the collection's release:

        - ``organization`` (contacts): an :class:`Organization` ("CSW"), or
          the organization as the contact prints it;
        - ``person`` (contacts) and ``speaker`` (quotes): a :class:`Person`
          ("Tae Keung Ha");
        - ``attributed_to`` (claims): a :class:`Person`, the :class:`Letter`,
          or the :class:`Release` itself (its object or its id);
        - ``affiliation`` (people): an :class:`Organization`; ``None`` selects
          the people tied to none.

        In a collection that belongs to no release (one built by hand), they
        take a record or an id.

        For a type checker, the criteria are those of the collection's kind of
        record, with the types above: ``release.members.filter(contry="KR")``
        or ``release.members.filter(language="ko")`` is an error before it runs.

        Raises:
            TypeError: for an unknown criterion (the message lists the valid ones)
                or a value of the wrong type.
            ValueError: for a country, language or claim kind that is not
                understood (the message lists the names that are), or a value
                that names no record of the kind a criterion takes (the
                message suggests the closest ones).

        >>> import icnk_letter
        >>> release = icnk_letter.load()
        >>> len(release.members.filter(country="ROK")), len(release.members.filter(country=None))
        (9, 13)
        >>> [c.city for c in release.contacts.filter(language="en", organization="Human Rights Watch")]
        ['Tokyo', 'Bangkok']
        >>> [c.id for c in release.contacts.filter(organization="csw", person="Kiri Kankhwende")]
        ['contact-london']
        >>> [c.id for c in release.claims.filter(kind="violation", has_quantity=True)]
        ['violation-1', 'violation-3']
        >>> release.contacts.filter(organization="Amnesty Internacional")
        Traceback (most recent call last):
        ...
        ValueError: organization: no organization matches 'Amnesty Internacional'; did you mean 'Amnesty International'?
        """
        from ._filters import select

        selected: Records[Any] = Records(select(self, criteria))
        owner = self.__dict__.get("_release")
        if owner is not None:
            selected.__dict__["_release"] = owner  # a subset of the same release
        return selected

    def lookup(self, key: str) -> T_co:
        """Return the one record of this collection that *key* names exactly.

        Keys and errors are those of :meth:`Release.lookup`, limited to this collection.

        >>> import icnk_letter
        >>> icnk_letter.load().contacts.lookup("doik@hrw.org").id
        'contact-tokyo'
        """
        return cast("T_co", self._index().lookup(key))

    @overload
    def get(self, key: str) -> T_co | None: ...

    @overload
    def get(self, key: str, default: D) -> T_co | D: ...

    def get(self, key: str, default: object = None) -> object:
        """Return the one record of this collection that *key* names, or *default*.

        >>> import icnk_letter
        >>> icnk_letter.load().people.get("Kanae Doi").family_name
        'Doi'
        """
        return self._index().get(key, default)

    def search(self, query: str, *, limit: int | None = None) -> tuple[Hit[T_co], ...]:
        """Return the records of this collection that match *query*, best first.

        Matching and ranking are those of :meth:`Release.search`.

        >>> import icnk_letter
        >>> [h.record.id for h in icnk_letter.load().claims.search("24.5 million")]
        ['violation-3']
        """
        return cast("tuple[Hit[T_co], ...]", self._index().search(query, limit=limit))

    def _index(self) -> Index:
        index: Index | None = self.__dict__.get("_search_index")
        if index is not None:
            return index
        from ._search import Index

        built: Index = self.__dict__.setdefault("_search_index", Index(self))
        return built


def as_records(items: Iterable[T]) -> Records[T]:
    """Return *items* as :class:`Records` (the attrs converter of collection fields)."""
    return items if isinstance(items, Records) else Records(items)


def owned_by(records: Records[T], release: Release) -> Records[T]:
    """Return *records* marked as a collection of *release*: itself, or a copy if another release has it.

    Filters resolve the names of records ("CSW") through the release a
    collection belongs to. ``attrs.evolve(release, ...)`` passes the same
    collections to the new release, and they must not leave the old one.

    The reference is a strong one, so ``from_json(text).contacts.filter(...)``
    still has the release it came from; the cycle it makes is freed by the
    garbage collector like any other.
    """
    owner = records.__dict__.get("_release")
    if owner is not None and owner is not release:
        records = Records(records)
    records.__dict__["_release"] = release
    return records


def owner_of(records: object) -> Release | None:
    """Return the release that *records* is a collection of, or ``None`` if there is none."""
    owner: Release | None = getattr(records, "__dict__", {}).get("_release")
    return owner
