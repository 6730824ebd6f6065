"""The exceptions: each subclasses the builtin a caller would catch."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from ._unicode import escape_line

if TYPE_CHECKING:
    from ._model import Record

__all__ = ["MAX_PROBLEMS", "MAX_PROBLEM_LENGTH", "AmbiguousKeyError", "DataError", "NotFoundError"]

MAX_PROBLEMS: Final = 100
"""How many problems a :class:`DataError` lists; the message counts the rest ("and 5 more")."""
MAX_PROBLEM_LENGTH: Final = 500
"""How many characters of one problem a :class:`DataError` keeps; a longer one ends in "..."."""


class DataError(ValueError):
    """Data that is not a sound release: every problem found, not just the first.

    ``problems`` holds one line per problem, each starting with the path of
    the value concerned (``members[3].country: ...``). Each is one printable
    line: line breaks, control characters, lone surrogates and characters that
    Unicode 13.0 does not assign are escaped as ``ascii()`` escapes them, and a
    line longer than 500 characters is cut. At most the first 100 problems are
    kept; the message counts the others ("... and 5 more").

    >>> err = DataError(["members[3].country: expected a 2-letter code, got 'Korea'"])
    >>> print(err)
    1 problem in the release data:
      members[3].country: expected a 2-letter code, got 'Korea'
    >>> isinstance(err, ValueError)
    True
    >>> print(DataError(["key\\n  forged: no", *(f"line {i}: bad" for i in range(101))]))
    ... # doctest: +ELLIPSIS
    102 problems in the release data:
      key\\n  forged: no
      line 0: bad
    ...
      line 98: bad
      ... and 2 more
    """

    problems: tuple[str, ...]

    def __init__(self, problems: Iterable[str]) -> None:
        kept: list[str] = []
        count = 0
        for problem in problems:
            count += 1
            if count <= MAX_PROBLEMS:
                kept.append(_one_line(str(problem)))
        self.problems = tuple(kept)
        head = f"{count} problem{'' if count == 1 else 's'} in the release data:"
        more = (f"... and {count - len(kept)} more",) if count > len(kept) else ()
        super().__init__("\n  ".join((head, *self.problems, *more)))


def _one_line(problem: str) -> str:
    line = escape_line(problem[: MAX_PROBLEM_LENGTH * 10])
    return line if len(line) <= MAX_PROBLEM_LENGTH else line[: MAX_PROBLEM_LENGTH - 3] + "..."


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
