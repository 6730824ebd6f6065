"""``Records``: the immutable, typed collections of a release."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final, TypeVar, cast, overload

if TYPE_CHECKING:
    from ._model import Claim, ClaimKind, Contact, Letter, Organization, Person, Quote, Release
    from ._search import Hit, Index

__all__ = ["Records", "as_records", "owned_by", "owner_of", "owner_type"]

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

# The lazily built search index of each collection, by id(): a tuple subclass
# can have neither instance attributes nor weak references. Records.__del__
# drops the entry, before the id can be reused; an Index holds its records as
# a plain tuple, so that it never keeps its collection alive.
_INDEXES: Final[dict[int, Index]] = {}


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

    # Nothing can be set on a collection: it is shared by every caller of load().
    # The release a collection belongs to is held by its type (see owner_type()),
    # its search index in _INDEXES.
    __slots__ = ()

    def __del__(self) -> None:
        # Before the id can be given to another object: its index goes too.
        _INDEXES.pop(id(self), None)

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

        # type(self): a subset of a release's collection belongs to the same release.
        selected: Records[Any] = type(self)(select(self, criteria))
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
        index = _INDEXES.get(id(self))
        if index is not None:
            return index
        from ._search import Index

        # setdefault: of two threads building at once, both get the index stored first.
        return _INDEXES.setdefault(id(self), Index(self))


def as_records(items: Iterable[T]) -> Records[T]:
    """Return *items* as :class:`Records` (the attrs converter of collection fields)."""
    return items if isinstance(items, Records) else Records(items)


class _Owned(type):
    """The type of the collections of one release: it holds the release, and cannot be changed."""

    _release: Release

    def __setattr__(cls, name: str, value: object) -> None:
        raise AttributeError(f"cannot set {name!r}: the collections of a release are read-only")

    def __delattr__(cls, name: str) -> None:
        raise AttributeError(f"cannot delete {name!r}: the collections of a release are read-only")


def owner_type(release: Release) -> type[Records[Any]]:
    """Return a new subclass of :class:`Records` for the collections of *release*, holding it.

    Filters resolve the names of records ("CSW") through the release a
    collection belongs to, so a collection keeps its release alive:
    ``attrs.evolve(release, title="x").contacts.filter(organization="CSW")``
    works. Held by the type (which every instance references, and the garbage
    collector sees), the reference makes a cycle with the release's fields that
    is freed like any other; a module-level table would keep every release alive.
    """
    namespace = {"__slots__": (), "__module__": Records.__module__, "__qualname__": "Records"}
    cls = _Owned("Records", (Records,), namespace)
    type.__setattr__(cls, "_release", release)
    return cast("type[Records[Any]]", cls)


def owned_by(records: Records[T], owner: type[Records[Any]]) -> Records[T]:
    """Return a copy of *records* as a collection of the release of *owner* (see :func:`owner_type`).

    A copy: ``attrs.evolve(release, ...)`` passes the same collections to the
    new release, and they must not leave the old one.
    """
    return cast("Records[T]", owner(records))


def owner_of(records: object) -> Release | None:
    """Return the release that *records* is a collection of, or ``None`` if there is none."""
    if not isinstance(records, Records):
        return None
    cls: type[object] = type(cast("object", records))
    owner: Release | None = vars(cls).get("_release")
    return owner
