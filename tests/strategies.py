"""Hypothesis strategies for every public class, in one place.

Two kinds of release are generated:

- :func:`releases` builds arbitrary releases, well-typed (and valid against the
  JSON Schema) but not consistent with their own text: they round-trip through
  the ``converter`` and the JSON, not through :func:`icnk_letter.from_json`,
  which rightly refuses them after :func:`icnk_letter.verify`.
- :func:`consistent_releases` varies the bundled release only in ways that keep
  it sound (ids renamed with every reference, claim kinds and the units of
  figures with the stated organization count, and its inference, that follow
  from them, roles, descriptions), so it must round-trip through ``from_json`` itself.

Every record they build meets the rules a record has on its own (slug ids,
spans whose quote is as long as they are, E.164 numbers, quantities not
negative, names and texts that are not blank), which strict loading applies
to any class.
"""

from __future__ import annotations

import contextlib
import datetime
from typing import Any, TypeVar, cast

import attrs
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import (
    Claim,
    ClaimKind,
    Contact,
    Discrepancy,
    Inference,
    Language,
    Letter,
    Organization,
    OrganizationRole,
    Person,
    Phone,
    PhoneKind,
    Precision,
    Quantity,
    Quote,
    Records,
    Release,
    Source,
    Span,
    VerificationReport,
)

T = TypeVar("T")

# Any text, including the characters that break formats: quotes, separators,
# line breaks, non-ASCII. (Hypothesis leaves out lone surrogates, which JSON
# text in UTF-8 cannot carry.)
texts = st.text(max_size=30)
# Names and texts of records: anything that is not empty or blank.
names = st.text(min_size=1, max_size=30).filter(str.strip)
ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
countries = st.from_regex(r"[A-Z]{2}", fullmatch=True)
language_tags = st.from_regex(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?", fullmatch=True)
e164_numbers = st.from_regex(r"\+[1-9][0-9]{1,14}", fullmatch=True)
sha256s = st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
dates = st.dates(min_value=datetime.date(1000, 1, 1))


def tuples_of(items: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples of *items*, as the records hold their sequences."""
    return st.lists(items, max_size=max_size).map(tuple)


def records_of(items: st.SearchStrategy[T], max_size: int = 3) -> st.SearchStrategy[Records[T]]:
    """:class:`Records` of *items*."""
    return st.lists(items, max_size=max_size).map(Records)


def _span(start: int, quote: str) -> Span:
    """A span of *quote* from *start*: as long as its quote, as every span is."""
    return Span(start, start + len(quote), quote)


spans = st.builds(_span, st.integers(0, 10**6), texts)
phone_kinds = st.sampled_from(PhoneKind)
claim_kinds = st.sampled_from(ClaimKind)


@st.composite
def international_forms(draw: st.DrawFn, e164: str) -> str:
    """The digits of an E.164 number grouped by spaces, as an international form writes them."""
    digits = e164[1:]
    cuts = sorted(draw(st.sets(st.integers(1, len(digits) - 1), max_size=4)))
    groups = [digits[i:j] for i, j in zip([0, *cuts], [*cuts, len(digits)], strict=True)]
    return "+" + " ".join(groups)


phones = e164_numbers.flatmap(
    lambda e164: st.builds(
        Phone,
        as_printed=texts,
        e164=st.just(e164),
        international=international_forms(e164),
        kind=phone_kinds,
        span=spans,
    )
)
languages = st.builds(Language, tag=language_tags, as_printed=texts)
organization_roles = st.builds(OrganizationRole, title=names, of=ids, as_printed=texts, span=spans)
organizations = st.builds(
    Organization,
    id=ids,
    name=names,
    acronym=st.none() | texts,
    country=st.none() | countries,
    country_as_printed=st.none() | texts,
    listed_as=st.none() | texts,
    span=spans,
    mentions=tuples_of(spans),
    roles=tuples_of(organization_roles, max_size=2),
)
people = st.builds(
    Person,
    id=ids,
    name=names,
    family_name=texts,
    given_name=texts,
    description=st.none() | texts,
    span=spans,
    affiliations=tuples_of(ids),
    mentions=tuples_of(spans),
)
contacts = st.builds(
    Contact,
    id=ids,
    person=ids,
    organization=ids,
    organization_as_printed=texts,
    role=st.none() | texts,
    city=texts,
    country=countries,
    languages=tuples_of(languages),
    phones=tuples_of(phones),
    emails=tuples_of(texts),
    span=spans,
)
precisions = st.sampled_from(Precision)
quantities = st.builds(
    Quantity, value=st.integers(0, 10**18), unit=texts, precision=precisions, as_printed=texts
)
claims = st.builds(
    Claim,
    id=ids,
    kind=claim_kinds,
    text=names,
    quantity=st.none() | quantities,
    attributed_to=ids,
    span=spans,
)
quotes = st.builds(Quote, id=ids, speaker=ids, text=names, span=spans)
letters = st.builds(Letter, id=ids, title=texts, author=ids, recipient=ids, span=spans)
discrepancies = st.builds(Discrepancy, id=ids, description=texts, spans=tuples_of(spans))


def _url(host: str, path: str) -> str:
    return f"https://{host}.example/{path}"


urls = st.builds(_url, ids, ids)
sources = st.builds(
    Source,
    id=ids,
    publisher=names,
    title=names,
    url=urls,
    published=st.none() | dates,
    accessed=st.none() | dates,
    facts=st.lists(names, min_size=1, max_size=3).map(tuple),
)
field_paths = st.from_regex(r"[a-z_]{1,8}(\[[0-9]\])?(\.[a-z_]{1,8}){0,2}", fullmatch=True)
inferences = st.builds(
    Inference,
    id=ids,
    record=ids,
    field=field_paths,
    value=texts,
    rule=names,
    spans=tuples_of(spans),
    sources=tuples_of(ids),
)


def releases() -> st.SearchStrategy[Release]:
    """Arbitrary, well-typed releases (not consistent with their text)."""
    return st.builds(
        Release,
        id=ids,
        title=texts,
        dateline=texts,
        date=dates,
        date_as_printed=texts,
        text=st.text(max_size=200),
        sha256=sha256s,
        schema_version=st.just(icnk_letter.SCHEMA_VERSION),
        title_span=spans,
        dateline_span=spans,
        date_span=spans,
        stated_organization_count=st.integers(0, 1000),
        letter=letters,
        coalition=organizations,
        members=st.lists(organizations, max_size=3),
        other_organizations=st.lists(organizations, max_size=2),
        people=st.lists(people, max_size=2),
        contacts=st.lists(contacts, max_size=2),
        quotes=st.lists(quotes, max_size=2),
        claims=st.lists(claims, max_size=3),
        discrepancies=tuples_of(discrepancies, max_size=2),
        sources=tuples_of(sources, max_size=2),
        inferences=tuples_of(inferences, max_size=2),
    )


verification_reports = st.builds(
    VerificationReport, checks=tuples_of(texts), discrepancies=tuples_of(discrepancies, max_size=2)
)

# Every public class with a strategy for it; tests iterate over this.
PUBLIC_CLASSES: dict[type, st.SearchStrategy[object]] = {
    Span: spans,
    Phone: phones,
    Language: languages,
    Organization: organizations,
    Person: people,
    Contact: contacts,
    Quantity: quantities,
    Claim: claims,
    Quote: quotes,
    Letter: letters,
    Discrepancy: discrepancies,
    OrganizationRole: organization_roles,
    Source: sources,
    Inference: inferences,
    VerificationReport: verification_reports,
    PhoneKind: phone_kinds,
    ClaimKind: claim_kinds,
    Precision: precisions,
}


def _rename(release: Release, names: dict[str, str]) -> Release:
    """Return *release* with its record ids renamed by *names*, and every reference with them."""

    def new(old: str) -> str:
        return names.get(old, old)

    def org(o: Organization) -> Organization:
        return attrs.evolve(o, id=new(o.id), roles=tuple(attrs.evolve(r, of=new(r.of)) for r in o.roles))

    return attrs.evolve(
        release,
        id=new(release.id),
        letter=attrs.evolve(
            release.letter,
            id=new(release.letter.id),
            author=new(release.letter.author),
            recipient=new(release.letter.recipient),
        ),
        coalition=org(release.coalition),
        members=[org(o) for o in release.members],
        other_organizations=[org(o) for o in release.other_organizations],
        people=[
            attrs.evolve(p, id=new(p.id), affiliations=tuple(new(a) for a in p.affiliations))
            for p in release.people
        ],
        contacts=[
            attrs.evolve(c, id=new(c.id), person=new(c.person), organization=new(c.organization))
            for c in release.contacts
        ],
        quotes=[attrs.evolve(q, id=new(q.id), speaker=new(q.speaker)) for q in release.quotes],
        claims=[attrs.evolve(c, id=new(c.id), attributed_to=new(c.attributed_to)) for c in release.claims],
        inferences=tuple(attrs.evolve(i, record=new(i.record)) for i in release.inferences),
    )


def _record_ids(release: Release) -> list[str]:
    return [
        release.id,
        release.letter.id,
        *(o.id for o in release.organizations),
        *(p.id for p in release.people),
        *(c.id for c in release.contacts),
        *(q.id for q in release.quotes),
        *(c.id for c in release.claims),
    ]


@st.composite
def consistent_releases(draw: st.DrawFn) -> Release:
    """The bundled release, varied only in ways that keep it sound under :func:`icnk_letter.verify`."""
    release = icnk_letter.load()
    old = _record_ids(release)
    if draw(st.booleans()):
        # Ids are unique across all kinds: the discrepancies' ids too.
        taken = {d.id for d in release.discrepancies}
        new = draw(
            st.lists(ids.filter(lambda i: i not in taken), min_size=len(old), max_size=len(old), unique=True)
        )
        release = _rename(release, dict(zip(old, new, strict=True)))
    contacts = [
        attrs.evolve(
            contact,
            role=draw(st.sampled_from([None, contact.role or None, contact.organization_as_printed])),
        )
        for contact in release.contacts
    ]
    # A phone's kind, a figure's value and exactness, and a language's tag follow
    # from the text; a claim's kind and a figure's unit (one the package knows) do not.
    claims = [
        attrs.evolve(
            claim,
            kind=draw(claim_kinds),
            quantity=None
            if claim.quantity is None
            else attrs.evolve(
                claim.quantity, unit=draw(st.sampled_from(["organizations", "people", "prisoners"]))
            ),
        )
        for claim in release.claims
    ]
    stated = sum(
        claim.quantity.value
        for claim in claims
        if claim.kind is ClaimKind.STATEMENT
        and claim.quantity is not None
        and claim.quantity.unit == "organizations"
    )
    people = [
        attrs.evolve(p, description=draw(st.sampled_from([None, p.description]))) for p in release.people
    ]
    return attrs.evolve(
        release,
        contacts=contacts,
        claims=claims,
        stated_organization_count=stated,
        people=people,
        # The stated count is not printed: its inference follows the sum.
        inferences=tuple(
            attrs.evolve(i, value=str(stated)) if i.field == "stated_organization_count" else i
            for i in release.inferences
        ),
        discrepancies=tuple(attrs.evolve(d, description=draw(texts)) for d in release.discrepancies),
    )


# -- hostile input, for the fuzzing suite (tests/test_fuzz.py) --------------------------

# Values chosen to break things: integers past every limit, a dotless i in a
# scale word, lone surrogates, line breaks, characters newer than Unicode 13.0.
hostile_strings = st.sampled_from(
    [
        "",
        " ",
        "3 m\u0131llion",
        "\u212a",
        "\ud800",
        "a\udfffb",
        "\n  members[0].name: forged",
        "\U00011f50",
        "\ufdfa" * 50,
        "ZZ",
        "+44 20 8329 0045",
        "=1+1",
        "x" * 2000,
    ]
)
# Huge integers are built by a function: Hypothesis cannot repr() one of over 4,300 digits.
hostile_ints = st.sampled_from([-1, 0, 2**63, -(2**63)]) | st.sampled_from([4299, 5000]).map(
    lambda digits: 10**digits
)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | hostile_ints
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | hostile_strings
)
json_values: st.SearchStrategy[object] = st.recursive(
    json_scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
# What attrs.evolve() lets a caller put in a field: any value at all.
python_values: st.SearchStrategy[object] = (
    json_values
    | st.tuples(json_values)
    | st.just(Span(0, 1, "x"))
    | st.builds(lambda: Span(-1, 10**5000, "\ud800"))
    | st.sampled_from(list(PhoneKind) + list(ClaimKind))
    | dates
    | st.just(object())
)


def _children(value: object) -> list[tuple[object, object]]:
    """Return (key, child) for the items of a JSON object or array, or an attrs record or tuple."""
    if isinstance(value, dict):
        return list(cast("dict[object, object]", value).items())
    if isinstance(value, (list, tuple, Records)):
        return list(enumerate(cast("list[object]", list(cast("Any", value)))))
    if attrs.has(type(value)):
        return [(f.name, getattr(value, f.name)) for f in attrs.fields(cast("Any", type(value)))]
    return []


@st.composite
def _path(draw: st.DrawFn, root: object) -> list[object]:
    """A path of keys from *root* down to some value inside it."""
    path: list[object] = []
    value = root
    while True:
        children = _children(value)
        if not children or (path and draw(st.integers(0, 3)) == 0):
            return path
        key, value = draw(st.sampled_from(children))
        path.append(key)


def _json_set(root: Any, path: list[object], value: object) -> None:
    target = root
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@st.composite
def mutated_release_data(draw: st.DrawFn) -> object:
    """The bundled release as plain data, with one to three values replaced, deleted or added."""
    data: Any = icnk_letter.to_dict(icnk_letter.load())
    for _ in range(draw(st.integers(1, 3))):
        path = draw(_path(data))
        if not path:
            return draw(json_values)
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=8) | hostile_strings)] = draw(json_values)
        else:
            _json_set(data, path, draw(json_values))
    return cast(object, data)


def _evolved(value: object, path: list[object], new: object) -> object:
    """Return *value* with the value at *path* replaced by *new*, rebuilt with attrs.evolve()."""
    if not path:
        return new
    key, rest = path[0], path[1:]
    if attrs.has(type(value)):
        return attrs.evolve(cast("Any", value), **{str(key): _evolved(getattr(value, str(key)), rest, new)})
    if isinstance(value, dict):  # a value an earlier change put in a field
        mapping = dict(cast("dict[object, object]", value))
        mapping[key] = _evolved(mapping[key], rest, new)
        return mapping
    items = list(cast("Any", value))
    assert isinstance(key, int)
    items[key] = _evolved(items[key], rest, new)
    return tuple(items)


@st.composite
def evolved_releases(draw: st.DrawFn) -> Release:
    """The bundled release with one attribute anywhere in it set to any value, through attrs.evolve()."""
    release: object = icnk_letter.load()
    for _ in range(draw(st.integers(1, 2))):
        path = draw(_path(release))
        if not path:
            continue
        # A field's converter may refuse the value: then there is no release to check.
        with contextlib.suppress(TypeError, ValueError):
            release = _evolved(release, path, draw(python_values))
    assert isinstance(release, Release)
    return release


@st.composite
def mutated_json_bytes(draw: st.DrawFn) -> bytes:
    """The bundled release as JSON bytes with a few bytes changed, inserted or removed."""
    data = bytearray(icnk_letter.to_json(icnk_letter.load()).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["set", "insert", "delete"]))
        if action == "set":
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            del data[at : at + draw(st.integers(1, 8))]
    return bytes(data)


# Text that breaks naive HTML writers: markup, quotes, entities, the end tags
# of the elements whose content is not parsed as HTML, and line breaks.
_HOSTILE_PIECES = (
    *("<script>", "</script>", "</textarea>", "</style>", "<b>", "<!--", "-->", "]]>"),
    *('"', "'", "&", "&amp;", "&#0;", "javascript:alert(1)"),
    *("\r", "\r\n", "\n", "\0", "\x85", " ", "x", "\u00e9", "\U0001f600"),
)
hostile_texts = st.lists(st.sampled_from(_HOSTILE_PIECES) | st.text(max_size=3), min_size=1, max_size=6).map(
    "".join
)
hostile_names = hostile_texts.filter(str.strip)


@st.composite
def releases_with_hostile_names(draw: st.DrawFn) -> Release:
    """The bundled release with hostile names, titles and texts, attrs.evolve()d; spans and ids unchanged.

    Optional values stay present or absent as they were, so that the pages of
    these releases have the same elements as the bundled one.
    """
    release = icnk_letter.load()

    def maybe(value: str | None) -> str | None:
        return None if value is None else draw(hostile_texts)

    def org(o: Organization) -> Organization:
        return attrs.evolve(
            o,
            name=draw(hostile_names),
            acronym=maybe(o.acronym),
            country_as_printed=maybe(o.country_as_printed),
        )

    return attrs.evolve(
        release,
        title=draw(hostile_texts),
        dateline=draw(hostile_texts),
        date_as_printed=draw(hostile_texts),
        letter=attrs.evolve(release.letter, title=draw(hostile_names)),
        coalition=org(release.coalition),
        members=[org(o) for o in release.members],
        other_organizations=[org(o) for o in release.other_organizations],
        people=[
            attrs.evolve(
                p,
                name=draw(hostile_names),
                family_name=draw(hostile_texts),
                given_name=draw(hostile_texts),
                description=maybe(p.description),
            )
            for p in release.people
        ],
        contacts=[
            attrs.evolve(
                c,
                city=draw(hostile_names),
                role=maybe(c.role),
                emails=tuple(draw(hostile_names) for _ in c.emails),
                phones=tuple(attrs.evolve(p, as_printed=draw(hostile_names)) for p in c.phones),
                languages=tuple(attrs.evolve(lang, as_printed=draw(hostile_names)) for lang in c.languages),
            )
            for c in release.contacts
        ],
        quotes=[attrs.evolve(q, text=draw(hostile_names)) for q in release.quotes],
        claims=[
            attrs.evolve(
                c,
                text=draw(hostile_names),
                quantity=None
                if c.quantity is None
                else attrs.evolve(c.quantity, unit=draw(hostile_texts), as_printed=draw(hostile_texts)),
            )
            for c in release.claims
        ],
        discrepancies=tuple(attrs.evolve(d, description=draw(hostile_texts)) for d in release.discrepancies),
    )
