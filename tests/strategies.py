"""Hypothesis strategies for every public class, in one place.

Two kinds of release are generated:

- :func:`releases` builds arbitrary releases, well-typed (and valid against the
  JSON Schema) but not consistent with their own text: they round-trip through
  the ``converter`` and the JSON, not through :func:`icnk_letter.from_json`,
  which rightly refuses them after :func:`icnk_letter.verify`.
- :func:`consistent_releases` varies the bundled release only in ways that keep
  it sound (ids renamed with every reference, phone kinds, figures, claim kinds,
  descriptions), so it must round-trip through ``from_json`` itself.
"""

from __future__ import annotations

import datetime
from typing import TypeVar

import attrs
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import (
    Claim,
    ClaimKind,
    Contact,
    Discrepancy,
    Language,
    Letter,
    Organization,
    Person,
    Phone,
    PhoneKind,
    Quantity,
    Quote,
    Records,
    Release,
    Span,
    VerificationReport,
)

T = TypeVar("T")

# Any text, including the characters that break formats: quotes, separators,
# line breaks, non-ASCII. (Hypothesis leaves out lone surrogates, which JSON
# text in UTF-8 cannot carry.)
texts = st.text(max_size=30)
ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,24}", fullmatch=True)
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


spans = st.builds(Span, start=st.integers(0, 10**6), end=st.integers(0, 10**6), quote=texts)
phone_kinds = st.sampled_from(PhoneKind)
claim_kinds = st.sampled_from(ClaimKind)
phones = st.builds(
    Phone, as_printed=texts, e164=e164_numbers, international=texts, kind=phone_kinds, span=spans
)
languages = st.builds(Language, tag=language_tags, as_printed=texts)
organizations = st.builds(
    Organization,
    id=ids,
    name=texts,
    acronym=st.none() | texts,
    country=st.none() | countries,
    country_as_printed=st.none() | texts,
    listed_as=st.none() | texts,
    span=spans,
    mentions=tuples_of(spans),
)
people = st.builds(
    Person,
    id=ids,
    name=texts,
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
quantities = st.builds(
    Quantity, value=st.integers(-(10**18), 10**18), unit=texts, exact=st.booleans(), as_printed=texts
)
claims = st.builds(
    Claim,
    id=ids,
    kind=claim_kinds,
    text=texts,
    quantity=st.none() | quantities,
    attributed_to=ids,
    span=spans,
)
quotes = st.builds(Quote, id=ids, speaker=ids, text=texts, span=spans)
letters = st.builds(Letter, id=ids, title=texts, author=ids, recipient=ids, span=spans)
discrepancies = st.builds(Discrepancy, id=ids, description=texts, spans=tuples_of(spans))


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
    VerificationReport: verification_reports,
    PhoneKind: phone_kinds,
    ClaimKind: claim_kinds,
}


def _rename(release: Release, names: dict[str, str]) -> Release:
    """Return *release* with its record ids renamed by *names*, and every reference with them."""

    def new(old: str) -> str:
        return names.get(old, old)

    def org(o: Organization) -> Organization:
        return attrs.evolve(o, id=new(o.id))

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
        new = draw(st.lists(ids, min_size=len(old), max_size=len(old), unique=True))
        release = _rename(release, dict(zip(old, new, strict=True)))
    contacts = [
        attrs.evolve(
            contact,
            phones=tuple(attrs.evolve(p, kind=draw(phone_kinds)) for p in contact.phones),
            languages=tuple(attrs.evolve(lang, tag=draw(language_tags)) for lang in contact.languages),
            role=draw(st.sampled_from([None, contact.role or None, contact.organization_as_printed])),
        )
        for contact in release.contacts
    ]
    claims = [
        attrs.evolve(
            claim,
            kind=draw(claim_kinds),
            quantity=None
            if claim.quantity is None
            else attrs.evolve(
                claim.quantity,
                value=draw(st.integers(0, 10**12)),
                unit=draw(texts),
                exact=draw(st.booleans()),
            ),
        )
        for claim in release.claims
    ]
    people = [
        attrs.evolve(p, description=draw(st.sampled_from([None, p.description]))) for p in release.people
    ]
    return attrs.evolve(
        release,
        contacts=contacts,
        claims=claims,
        people=people,
        letter=attrs.evolve(release.letter, title=draw(texts)),
        discrepancies=tuple(attrs.evolve(d, description=draw(texts)) for d in release.discrepancies),
    )
