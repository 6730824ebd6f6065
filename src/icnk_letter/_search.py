"""Lookup and ranked search over records, through indexes built once per collection.

:class:`Index` holds, for one release or one :class:`~icnk_letter.Records`
collection, every lookup key of every record and an inverted index of the words
of its searchable fields. It is built on first use and cached with its owner,
so a lookup is one normalization and a dictionary lookup, and a search touches
only the records that share a word (or a prefix, or a near miss) with the query.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, Generic, Literal, TypeVar, overload

import attrs

from ._cache import cache_for
from ._errors import AmbiguousKeyError, NotFoundError
from ._model import Claim, Contact, Letter, Organization, Person, Quote, Record, Release
from ._normalize import (
    edit_distance,
    email_key,
    fuzzy_budget,
    lookup_key,
    normalize,
    phone_key,
    without_article,
    words,
)

__all__ = [
    "MAX_FUZZY_WORD_LENGTH",
    "MAX_QUERY_LENGTH",
    "Hit",
    "Index",
    "index_of",
    "lookup",
    "resolve",
    "resolve_kind",
    "search",
]

MAX_QUERY_LENGTH: Final = 1000
"""The longest search query or lookup key, in characters; a longer one raises ValueError.

Checked before any normalization (NFKC can make a character 18 characters long).
"""
MAX_FUZZY_WORD_LENGTH: Final = 24
"""The longest word of a record that a query can match with typos.

A longer word is indexed for exact and prefix matching only: the typos of a
word take memory that grows with the square of its length.
"""

R_co = TypeVar("R_co", covariant=True)
R = TypeVar("R", Letter, Organization, Person, Contact, Quote, Claim)

# The score bands of the ranking, best first; within a band, a hit gains up to
# _SPREAD for how much of the matched field the query covers.
EXACT: Final = 1.0
IN_NAME: Final = 0.8
IN_OTHER_FIELDS: Final = 0.6
FUZZY: Final = 0.4
PARTIAL: Final = 0.2
_SPREAD = 0.19

# How a query word matched a word of a record.
_EXACT_WORD, _PREFIX, _NEAR = 3, 2, 1

# Field roles: a name (or acronym, or title) is compared whole as well, with typos;
# a text (a claim, a quote) ranks like a name; everything else is another field.
_NAME, _TEXT, _OTHER = "name", "text", "other"


@attrs.frozen
class Hit(Generic[R_co]):
    """One result of a search: the record, how well it matched, and where.

    ``score`` is between 0 and 1 and falls in bands, best first: 1.0 for an
    exact match of a whole name, acronym or other lookup key; from 0.8 when
    every query word is in one name (or a claim's or quote's text); from 0.6
    when they are spread over other fields; from 0.4 for a match with typos;
    from 0.2 when only some of the words match. ``field`` names the record's
    attribute that matched (``"name"``, ``"acronym"``, ``"phones"``, ...) and
    ``matched`` is its value as printed.

    >>> import icnk_letter
    >>> hit = icnk_letter.search("amnesty")[0]
    >>> hit.record.id, hit.score, hit.field, hit.matched
    ('amnesty-international', 0.895, 'name', 'Amnesty International')
    """

    record: R_co
    score: float
    field: str
    matched: str


# A searchable field: attribute name, value as printed, role, normalized words.
_Field = tuple[str, str, str, tuple[str, ...]]
# Which records a search or lookup is limited to (None: all of them).
_Accept = Callable[[Any], bool]


class Index:
    """The lookup keys and search index of a sequence of records, in their given order."""

    __slots__ = ("_deletes", "_fields", "_ids", "_keys", "_names", "_postings", "_rank", "_vocab", "records")

    records: tuple[Any, ...]

    def __init__(self, records: Iterable[Any]) -> None:
        self.records = tuple(records)
        # Ties break by printed order: position in the text, then in the collection.
        order = sorted(range(len(self.records)), key=lambda i: (_start(self.records[i]), i))
        self._rank = [0] * len(self.records)
        for rank, i in enumerate(order):
            self._rank[i] = rank
        self._ids: dict[str, int] = {}
        self._keys: dict[str, list[tuple[int, str, str]]] = {}
        self._fields: list[tuple[_Field, ...]] = []
        self._postings: dict[str, list[tuple[int, int]]] = {}
        self._names: dict[int, list[tuple[int, int, str, frozenset[str]]]] = {}
        for i, record in enumerate(self.records):
            self._ids.setdefault(record.id, i)
            for key, field, value in _lookup_keys(record):
                entries = self._keys.setdefault(key, [])
                if all(j != i for j, _, _ in entries):
                    entries.append((i, field, value))
            fields = tuple((name, value, role, words(value)) for name, value, role in _search_fields(record))
            self._fields.append(fields)
            seen: set[str] = set()
            for f, (_, _, role, field_words) in enumerate(fields):
                # A name or text is indexed whole; another field only for the words
                # it adds (a member's list line repeats its name), so fewer postings.
                for word in dict.fromkeys(field_words):
                    if role != _OTHER or word not in seen:
                        self._postings.setdefault(word, []).append((i, f))
                seen.update(field_words)
                if role == _NAME and field_words:
                    compact = "".join(field_words)
                    self._names.setdefault(len(compact), []).append((i, f, compact, frozenset(compact)))
        self._vocab = sorted(self._postings)
        # Near misses are found SymSpell-style: a word and every vocabulary word
        # within its edit budget share a string reached by deleting as many characters.
        self._deletes: dict[str, list[str]] = {}
        for word in self._vocab:
            if 2 <= len(word) <= MAX_FUZZY_WORD_LENGTH and not _has_digit(word):
                for variant in _deletions(word, 2 if len(word) >= 6 else 1):
                    self._deletes.setdefault(variant, []).append(word)

    # -- lookup ---------------------------------------------------------------

    def matches(self, key: object, kinds: tuple[type[Any], ...] | None = None) -> tuple[Any, ...]:
        """Return the records (of one of *kinds*, if given) that *key* names exactly, in printed order."""
        if not isinstance(key, str):
            raise TypeError(f"a lookup key must be a str, got {type(key).__name__}: {key!r:.60}")
        _check_length(key, "lookup key")
        if not key.strip():
            raise ValueError(
                "the lookup key is blank; pass an id, a name, an acronym, an email or a phone number"
            )
        i = self._ids.get(key)
        if i is not None and (kinds is None or isinstance(self.records[i], kinds)):
            return (self.records[i],)
        for candidate in _candidate_keys(key, normalize(key)):
            entries = self._keys.get(candidate, ())
            if kinds is not None:
                entries = [entry for entry in entries if isinstance(self.records[entry[0]], kinds)]
            if len(entries) == 1:
                return (self.records[entries[0][0]],)
            if entries:
                found = sorted((i for i, _, _ in entries), key=self._rank.__getitem__)
                return tuple(self.records[i] for i in found)
        return ()

    def lookup(self, key: object, kinds: tuple[type[Any], ...] | None = None) -> Any:
        """Return the one record (of one of *kinds*, if given) that *key* names; raise if none or several do."""
        found = self.matches(key, kinds)
        if len(found) == 1:
            return found[0]
        text = str(key)  # matches() made sure it is a str
        if found:
            raise AmbiguousKeyError(text, found)
        if kinds is None:
            raise NotFoundError(text, self.suggestions(text))
        what = " or ".join(cls.__name__.lower() for cls in kinds)
        raise NotFoundError(text, self.suggestions(text, kinds=kinds), what=what)

    def get(self, key: object, default: Any = None) -> Any:
        """Return the one record that *key* names, *default* if none does; raise if several do."""
        found = self.matches(key)
        if len(found) > 1:
            raise AmbiguousKeyError(str(key), found)
        return found[0] if found else default

    def suggestions(
        self, key: str, count: int = 3, *, kinds: tuple[type[Any], ...] | None = None
    ) -> tuple[str, ...]:
        """Return up to *count* keys of the records (of *kinds*) closest to *key*, for an error message."""
        hits = self._search(key, None if kinds is None else lambda record: isinstance(record, kinds), None)
        if not hits or hits[0].score < FUZZY:
            return ()
        # Suggest records of the kind the best hit is, close to it in score.
        first = hits[0]
        close = [h for h in hits if type(h.record) is type(first.record) and h.score >= first.score - 0.1]
        return tuple(dict.fromkeys(_label(hit.record) for hit in close))[:count]

    # -- search ---------------------------------------------------------------

    def search(
        self,
        query: object,
        *,
        kind: object = None,
        limit: object = None,
    ) -> tuple[Hit[Any], ...]:
        """Return the records that match *query*, best first (see :meth:`Release.search`)."""
        accept = resolve_kind(kind)
        if not isinstance(query, str):
            raise TypeError(f"a search query must be a str, got {type(query).__name__}: {query!r:.60}")
        _check_length(query, "search query")
        if not query.strip():
            raise ValueError("the search query is empty; pass some words to search for")
        return self._search(query, accept, _checked_limit(limit))

    def _search(self, query: str, accept: _Accept | None, count: int | None) -> tuple[Hit[Any], ...]:
        best: dict[int, tuple[float, str, str]] = {}
        normalized = normalize(query)
        for candidate in _candidate_keys(query, normalized):
            for i, field, value in self._keys.get(candidate, ()):
                _offer(best, i, EXACT, field, value)
        query_words = tuple(dict.fromkeys(normalized.split()))
        if query_words:
            self._match_words(query_words, best)
            self._match_names("".join(query_words), best)
        found = [i for i in best if accept is None or accept(self.records[i])]
        found.sort(key=lambda i: (-best[i][0], self._rank[i]))
        if count is not None:
            found = found[:count]
        return tuple(Hit(self.records[i], *best[i]) for i in found)

    def _expand(self, word: str) -> Iterator[tuple[str, int, float]]:
        """Yield the vocabulary words that *word* matches: exactly, as a prefix, or with typos."""
        matched = False
        if word in self._postings:
            matched = True
            yield word, _EXACT_WORD, 1.0
        j = bisect.bisect_right(self._vocab, word)
        while j < len(self._vocab) and self._vocab[j].startswith(word):
            matched = True
            yield self._vocab[j], _PREFIX, len(word) / len(self._vocab[j])
            j += 1
        # Typos are a fallback for a word that matches nothing as typed; numbers never are.
        budget = fuzzy_budget(len(word))
        if matched or budget == 0 or _has_digit(word) or len(word) > MAX_FUZZY_WORD_LENGTH + budget:
            return
        near: set[str] = set()
        for variant in _deletions(word, budget):
            near.update(self._deletes.get(variant, ()))
        for candidate in sorted(near):
            distance = edit_distance(word, candidate, budget)
            if distance <= budget:
                yield candidate, _NEAR, 1.0 - distance / max(len(word), len(candidate))

    def _match_words(self, query_words: tuple[str, ...], best: dict[int, tuple[float, str, str]]) -> None:
        n = len(query_words)
        # record -> field -> for each query word, its best (strength, credit) in that field
        found: dict[int, dict[int, list[tuple[int, float] | None]]] = {}
        for w, word in enumerate(query_words):
            for vocab_word, strength, credit in self._expand(word):
                for i, f in self._postings[vocab_word]:
                    slots = found.setdefault(i, {}).setdefault(f, [None] * n)
                    current = slots[w]
                    if current is None or (strength, credit) > current:
                        slots[w] = (strength, credit)
        for i, by_field in found.items():
            scored = self._score(self._fields[i], by_field, query_words)
            if scored is not None:
                score, f = scored
                _offer(best, i, score, *self._fields[i][f][:2])

    @staticmethod
    def _score(
        fields: tuple[_Field, ...],
        by_field: dict[int, list[tuple[int, float] | None]],
        query_words: tuple[str, ...],
    ) -> tuple[float, int] | None:
        """Return the score of one record and the field to report, or None if it does not match."""
        n = len(query_words)
        in_name: tuple[float, int] | None = None
        near_name: tuple[float, int] | None = None
        for f, slots in by_field.items():
            field = fields[f]
            present = [s for s in slots if s is not None]
            if field[2] == _OTHER or len(present) < n:
                continue  # another field, or a query word that is not in this one
            credit, weakest = 0.0, _EXACT_WORD
            for strength, word_credit in present:
                credit += word_credit
                weakest = min(weakest, strength)
            coverage = credit / max(len(field[3]), n)
            if weakest >= _PREFIX:
                if in_name is None or coverage > in_name[0]:
                    in_name = (coverage, f)
            elif near_name is None or coverage > near_name[0]:
                near_name = (coverage, f)
        if in_name is not None:
            return IN_NAME + _SPREAD * in_name[0], in_name[1]
        # Otherwise, each query word's best match in any field.
        best: list[tuple[int, float] | None] = [None] * n
        best_field = [0] * n
        for f, slots in by_field.items():
            for w in range(n):
                s = slots[w]
                if s is not None:
                    seen = best[w]
                    if seen is None or s > seen:
                        best[w] = s
                        best_field[w] = f
        matched = [w for w in range(n) if best[w] is not None]
        used = [best_field[w] for w in matched]
        # Report the field that matched most words (the first of them on a tie).
        shown = min(used, key=lambda f: (-used.count(f), f))
        credit = sum(s[1] for s in best if s is not None)
        if len(matched) == n:
            coverage = credit / max(n, sum(len(fields[f][3]) for f in set(used)))
            if min(s[0] for s in best if s is not None) >= _PREFIX:
                return IN_OTHER_FIELDS + _SPREAD * coverage, shown
            if near_name is None:
                # Typos in a name (below) outrank typos spread over other fields.
                return FUZZY + _SPREAD * coverage / 2, shown
        if near_name is not None:
            return FUZZY + _SPREAD * near_name[0], near_name[1]
        if n >= 2 and 2 * len(matched) >= n and any(len(query_words[w]) >= 3 for w in matched):
            return PARTIAL + _SPREAD * credit / n, shown
        return None

    def _match_names(self, compact: str, best: dict[int, tuple[float, str, str]]) -> None:
        """Compare the query, spaces removed, with every name: typos across word boundaries."""
        budget = fuzzy_budget(len(compact))
        if budget == 0:
            return
        letters = frozenset(compact)
        for length in range(len(compact) - budget, len(compact) + budget + 1):
            for i, f, name, name_letters in self._names.get(length, ()):
                if best.get(i, (0.0,))[0] >= FUZZY + _SPREAD:
                    continue  # already better than any match with typos can be
                if len(letters ^ name_letters) > 2 * budget:
                    continue  # each edit adds or removes at most two distinct letters
                distance = edit_distance(compact, name, budget)
                if distance <= budget:
                    field, value = self._fields[i][f][:2]
                    _offer(best, i, FUZZY + _SPREAD * (1 - distance / (budget + 1)), field, value)


def _check_length(text: str, what: str) -> None:
    if len(text) > MAX_QUERY_LENGTH:
        raise ValueError(
            f"the {what} is {len(text)} characters long; the limit is {MAX_QUERY_LENGTH} characters"
        )


def _checked_limit(limit: object) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit must be an int or None, got {type(limit).__name__}: {limit!r:.60}")
    if limit < 0:
        raise ValueError(f"limit must not be negative, got {limit}")
    return limit


def _offer(best: dict[int, tuple[float, str, str]], i: int, score: float, field: str, value: str) -> None:
    score = round(score, 3)
    current = best.get(i)
    if current is None or score > current[0]:
        best[i] = (score, field, value)


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _deletions(word: str, depth: int) -> set[str]:
    """Return *word* and every string made by deleting up to *depth* of its characters."""
    result = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:k] + w[k + 1 :] for w in frontier for k in range(len(w))}
        result |= frontier
    return result


def _start(record: Any) -> int:
    span = getattr(record, "span", None)
    return span.start if span is not None else 0


def _candidate_keys(text: str, normalized: str) -> list[str]:
    """Return the index keys to try for *text*: as a phone number, an email address, a name.

    *normalized* is ``normalize(text)``, computed once by the caller.
    """
    keys: list[str] = []
    phone = phone_key(text)
    if phone is not None:
        keys.append("tel:" + phone)
        if not phone.startswith("+"):
            keys.append("tel:+" + phone)
    if "@" in text:
        email = email_key(text)
        if email is not None:
            keys.append("mailto:" + email)
    key = without_article(normalized)
    if key:
        keys.append(key)
    return keys


def _lookup_keys(record: Any) -> Iterator[tuple[str, str, str]]:
    """Yield (key, field, value) for every way *record* can be looked up exactly, its id last."""
    if isinstance(record, Organization):
        yield lookup_key(record.name), "name", record.name
        if record.acronym is not None:
            yield lookup_key(record.acronym), "acronym", record.acronym
            yield "".join(words(record.acronym)), "acronym", record.acronym
        if record.listed_as is not None:
            yield lookup_key(record.listed_as), "listed_as", record.listed_as
        yield from _printed_forms(record)
    elif isinstance(record, Person):
        yield lookup_key(record.name), "name", record.name
        yield lookup_key(f"{record.given_name} {record.family_name}"), "name", record.name
        yield lookup_key(f"{record.family_name} {record.given_name}"), "name", record.name
        yield from _printed_forms(record)
    elif isinstance(record, Contact):
        for email in record.emails:
            yield "mailto:" + (email_key(email) or email.casefold()), "emails", email
        for phone in record.phones:
            yield "tel:" + phone.e164, "phones", phone.as_printed
            country_code = phone.international.split(" ", 1)[0]
            if phone.e164.startswith(country_code):
                # The national form, with the trunk prefix 0 ("03-5282-5162").
                yield "tel:0" + phone.e164[len(country_code) :], "phones", phone.as_printed
            printed = phone_key(phone.as_printed)
            if printed is not None:
                yield "tel:" + printed, "phones", phone.as_printed
    elif isinstance(record, (Claim, Quote)):
        yield lookup_key(record.text), "text", record.text
    elif isinstance(record, Letter):
        yield lookup_key(record.title), "title", record.title
    yield lookup_key(record.id), "id", record.id


def _printed_forms(record: Organization | Person) -> Iterator[tuple[str, str, str]]:
    """Yield the keys of the words that name *record* in the text: its span, then its mentions.

    They are how the release prints the name ("International Committee of the
    Red Cross (ICRC)", "the Coalition", "General Kim").
    """
    yield lookup_key(record.span.quote), "span", record.span.quote
    for mention in record.mentions:
        yield lookup_key(mention.quote), "mentions", mention.quote


def _search_fields(record: Any) -> Iterator[tuple[str, str, str]]:
    """Yield (field, value, role) for every searchable value of *record*, names first."""
    if isinstance(record, Organization):
        yield "name", record.name, _NAME
        if record.acronym is not None:
            yield "acronym", record.acronym, _NAME
        if record.listed_as is not None:
            yield "listed_as", record.listed_as, _OTHER
        if record.country_as_printed is not None:
            yield "country_as_printed", record.country_as_printed, _OTHER
    elif isinstance(record, Person):
        yield "name", record.name, _NAME
        if record.description is not None:
            yield "description", record.description, _OTHER
    elif isinstance(record, Contact):
        yield "city", record.city, _OTHER
        yield "person", record.person, _OTHER
        yield "organization_as_printed", record.organization_as_printed, _OTHER
        if record.role is not None:
            yield "role", record.role, _OTHER
        for language in record.languages:
            yield "languages", language.as_printed, _OTHER
        for phone in record.phones:
            yield "phones", phone.as_printed, _OTHER
        for email in record.emails:
            yield "emails", email, _OTHER
    elif isinstance(record, Claim):
        yield "text", record.text, _TEXT
        if record.quantity is not None:
            yield "quantity", record.quantity.as_printed, _OTHER
        yield "kind", record.kind.value, _OTHER
    elif isinstance(record, Quote):
        yield "text", record.text, _TEXT
        yield "speaker", record.speaker, _OTHER
    elif isinstance(record, Letter):
        yield "title", record.title, _NAME
    yield "id", record.id, _OTHER


def _label(record: Any) -> str:
    """Return the key that names *record* best in a suggestion: its name, or its id."""
    if isinstance(record, (Organization, Person)):
        return record.name
    return str(record.id)


# -- the release's index and the module-level functions ---------------------------


def _is_member(record: Any) -> bool:
    """Whether *record* is one of the release's members (an organization on its member list)."""
    return isinstance(record, Organization) and record.is_listed


_KIND_CLASSES: Final = (Organization, Person, Contact, Claim, Quote, Letter)
# The names of the kinds, as listed in an error, then the other spellings understood.
_KIND_NAMES: Final = ("organizations", "members", "people", "contacts", "claims", "quotes", "letters")
_KINDS: Final[dict[str, _Accept]] = {
    "organizations": lambda record: isinstance(record, Organization),
    "members": _is_member,
    "people": lambda record: isinstance(record, Person),
    "contacts": lambda record: isinstance(record, Contact),
    "claims": lambda record: isinstance(record, Claim),
    "quotes": lambda record: isinstance(record, Quote),
    "letters": lambda record: isinstance(record, Letter),
}
_KIND_ALIASES: Final = {
    "organization": "organizations",
    "member": "members",
    "person": "people",
    "persons": "people",
    "contact": "contacts",
    "claim": "claims",
    "quote": "quotes",
    "letter": "letters",
}


def resolve_kind(kind: object) -> _Accept | None:
    """Return which records *kind* (a record class, a kind's name or None) narrows a search to.

    ``"members"`` is the organizations of the member list: the members of the
    release, without the coalition or the organizations only named in the text.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> is_member = resolve_kind("members")
    >>> is_member(release.members[0]), is_member(release.coalition)
    (True, False)
    """
    if kind is None:
        return None
    if isinstance(kind, type) and kind in _KIND_CLASSES:
        cls: type[Any] = kind
        return lambda record: isinstance(record, cls)
    if isinstance(kind, str):
        name = kind.strip().casefold()
        accept = _KINDS.get(_KIND_ALIASES.get(name, name))
        if accept is not None:
            return accept
        valid = ", ".join(repr(name) for name in _KIND_NAMES)
        raise ValueError(f"unknown kind {kind!r:.60}; use a record class or one of {valid}")
    names = ", ".join(cls.__name__ for cls in _KIND_CLASSES)
    raise TypeError(f"kind must be None, a record class ({names}) or its name, got {kind!r:.60}")


def resolve(release: Release, key: str, kinds: tuple[type[Any], ...]) -> Any:
    """Return the one record of *release*, of one of *kinds*, that *key* names exactly.

    An id is found without building the search index; any other key (a name,
    an acronym, any key :meth:`Release.lookup` accepts) goes through the index,
    limited to those kinds.

    Raises:
        NotFoundError: if no record of those kinds matches ("no organization matches ...").
        AmbiguousKeyError: if the key names several of them.
        ValueError: if *key* is blank.

    >>> import icnk_letter
    >>> resolve(icnk_letter.load(), "csw", (Organization,)).name
    'Christian Solidarity Worldwide'
    """
    try:
        record = release.by_id(key)
    except NotFoundError:
        pass
    else:
        if isinstance(record, kinds):
            return record
    return index_of(release).lookup(key, kinds)


def index_of(release: Release) -> Index:
    """Return the index of every record of *release*, built on first use."""
    cache = cache_for(release)
    index: Index | None = cache.get("index")
    if index is None:
        records: tuple[Record, ...] = (
            release.letter,
            *release.organizations,
            *release.people,
            *release.contacts,
            *release.quotes,
            *release.claims,
        )
        built: Index = cache.setdefault("index", Index(records))
        return built
    return index


def lookup(key: str) -> Record:
    """Return the one record of the bundled release that *key* names exactly.

    The same as ``icnk_letter.load().lookup(key)``; see :meth:`Release.lookup`.

    >>> import icnk_letter
    >>> icnk_letter.lookup("csw").name
    'Christian Solidarity Worldwide'
    >>> icnk_letter.lookup("tel:+44-20-8329-0045").id
    'contact-london'
    """
    from ._load import load

    return load().lookup(key)


@overload
def search(query: str, *, kind: type[R], limit: int | None = None) -> tuple[Hit[R], ...]: ...


@overload
def search(
    query: str,
    *,
    kind: Literal["organizations", "organization", "members", "member"],
    limit: int | None = None,
) -> tuple[Hit[Organization], ...]: ...


@overload
def search(
    query: str, *, kind: Literal["people", "person", "persons"], limit: int | None = None
) -> tuple[Hit[Person], ...]: ...


@overload
def search(
    query: str, *, kind: Literal["contacts", "contact"], limit: int | None = None
) -> tuple[Hit[Contact], ...]: ...


@overload
def search(
    query: str, *, kind: Literal["claims", "claim"], limit: int | None = None
) -> tuple[Hit[Claim], ...]: ...


@overload
def search(
    query: str, *, kind: Literal["quotes", "quote"], limit: int | None = None
) -> tuple[Hit[Quote], ...]: ...


@overload
def search(
    query: str, *, kind: Literal["letters", "letter"], limit: int | None = None
) -> tuple[Hit[Letter], ...]: ...


@overload
def search(query: str, *, kind: str | None = None, limit: int | None = None) -> tuple[Hit[Record], ...]: ...


def search(
    query: str, *, kind: type[Any] | str | None = None, limit: int | None = None
) -> tuple[Hit[Any], ...]:
    """Return the records of the bundled release that match *query*, best first.

    The same as ``icnk_letter.load().search(...)``; see :meth:`Release.search`.

    >>> import icnk_letter
    >>> [(hit.record.id, hit.field) for hit in icnk_letter.search("humen rihgts watch", limit=2)]
    [('human-rights-watch', 'name'), ('contact-tokyo', 'organization_as_printed')]
    """
    from ._load import load

    return load().search(query, kind=kind, limit=limit)
