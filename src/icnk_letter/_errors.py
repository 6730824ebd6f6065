"""The exceptions: each subclasses the builtin a caller would catch."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._model import Record

__all__ = ["AmbiguousKeyError", "DataError", "NotFoundError"]


class DataError(ValueError):
    """Data that is not a sound release: every problem found, not just the first.

    ``problems`` holds one line per problem, each starting with the path of
    the value concerned (``members[3].country: ...``).

    >>> err = DataError(["members[3].country: expected a 2-letter code, got 'Korea'"])
    >>> print(err)
    1 problem in the release data:
      members[3].country: expected a 2-letter code, got 'Korea'
    >>> isinstance(err, ValueError)
    True
    """

    problems: tuple[str, ...]

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'' if count == 1 else 's'} in the release data:"
        super().__init__("\n  ".join((head, *self.problems)))


class NotFoundError(LookupError):
    """No record matches a key; the message names the key and close matches.

    *what* names the kind of record that was looked for, when a lookup was
    limited to some kinds (``release.contacts_of("Nope")`` looks for an organization or a person).

    >>> err = NotFoundError("Amnesty Internacional", ["Amnesty International"])
    >>> print(err)
    no record matches 'Amnesty Internacional'; did you mean 'Amnesty International'?
    >>> print(NotFoundError("Nope", what="organization"))
    no organization matches 'Nope'
    >>> isinstance(err, LookupError)
    True
    """

    key: str
    suggestions: tuple[str, ...]

    def __init__(self, key: str, suggestions: Iterable[str] = (), *, what: str = "record") -> None:
        self.key = key
        self.suggestions = tuple(suggestions)
        message = f"no {what} matches {key!r}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:
        # LookupError's str() would repr() the message of a KeyError-like error.
        return str(self.args[0])


class AmbiguousKeyError(LookupError):
    """A key names more than one record; the message lists them all.

    A lookup never picks one of several records silently: look the one you mean
    up by its ``id``. ``records`` holds the records the key names, in printed
    order. It is a :class:`LookupError` but not a :class:`NotFoundError`, so
    ``get()`` raises it too rather than pretend that nothing matched.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> err = AmbiguousKeyError("HRW", [release.people[2], release.people[4]])
    >>> print(err)
    'HRW' names 2 records: 'kanae-doi' (Person) and 'phil-robertson' (Person); look one up by its id
    >>> isinstance(err, LookupError), isinstance(err, NotFoundError)
    (True, False)
    """

    key: str
    records: tuple[Record, ...]

    def __init__(self, key: str, records: Iterable[Record]) -> None:
        self.key = key
        self.records = tuple(records)
        names = [f"{r.id!r} ({type(r).__name__})" for r in self.records]
        listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
        super().__init__(f"{key!r} names {len(self.records)} records: {listed}; look one up by its id")

    def __str__(self) -> str:
        return str(self.args[0])


# Tracebacks name the exceptions where users import them from.
for _cls in (AmbiguousKeyError, DataError, NotFoundError):
    _cls.__module__ = "icnk_letter"
del _cls
