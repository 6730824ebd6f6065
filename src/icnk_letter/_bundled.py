"""Building the bundled release quickly: plain constructors instead of cattrs.

The bundled data is trusted (the test suite structures it with the strict
cattrs converter and runs :func:`icnk_letter.verify` on it), so ``load()`` can
skip cattrs and its start-up cost: this module only calls the record
constructors. ``tests/test_bundled.py`` checks that it builds exactly what the
converter builds.
"""

from __future__ import annotations

import datetime
from typing import Any

from ._model import (
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
    Release,
    Source,
    Span,
)

__all__ = ["build_release"]

Data = dict[str, Any]


def _span(d: Data) -> Span:
    return Span(d["start"], d["end"], d["quote"])


def _spans(items: list[Data]) -> tuple[Span, ...]:
    return tuple(_span(d) for d in items)


def _organization(d: Data) -> Organization:
    return Organization(
        id=d["id"],
        name=d["name"],
        acronym=d["acronym"],
        country=d["country"],
        country_as_printed=d["country_as_printed"],
        listed_as=d["listed_as"],
        span=_span(d["span"]),
        mentions=_spans(d["mentions"]),
        roles=tuple(
            OrganizationRole(title=x["title"], of=x["of"], as_printed=x["as_printed"], span=_span(x["span"]))
            for x in d["roles"]
        ),
    )


def _person(d: Data) -> Person:
    return Person(
        id=d["id"],
        name=d["name"],
        family_name=d["family_name"],
        given_name=d["given_name"],
        description=d["description"],
        span=_span(d["span"]),
        affiliations=tuple(d["affiliations"]),
        mentions=_spans(d["mentions"]),
    )


def _phone(d: Data) -> Phone:
    return Phone(
        as_printed=d["as_printed"],
        e164=d["e164"],
        international=d["international"],
        kind=PhoneKind(d["kind"]),
        span=_span(d["span"]),
    )


def _contact(d: Data) -> Contact:
    return Contact(
        id=d["id"],
        person=d["person"],
        organization=d["organization"],
        organization_as_printed=d["organization_as_printed"],
        role=d["role"],
        city=d["city"],
        country=d["country"],
        languages=tuple(Language(tag=x["tag"], as_printed=x["as_printed"]) for x in d["languages"]),
        phones=tuple(_phone(x) for x in d["phones"]),
        emails=tuple(d["emails"]),
        span=_span(d["span"]),
    )


def _quantity(d: Data | None) -> Quantity | None:
    if d is None:
        return None
    return Quantity(
        value=d["value"], unit=d["unit"], precision=Precision(d["precision"]), as_printed=d["as_printed"]
    )


def _claim(d: Data) -> Claim:
    return Claim(
        id=d["id"],
        kind=ClaimKind(d["kind"]),
        text=d["text"],
        quantity=_quantity(d["quantity"]),
        attributed_to=d["attributed_to"],
        span=_span(d["span"]),
    )


def _quote(d: Data) -> Quote:
    return Quote(id=d["id"], speaker=d["speaker"], text=d["text"], span=_span(d["span"]))


def _letter(d: Data) -> Letter:
    return Letter(
        id=d["id"], title=d["title"], author=d["author"], recipient=d["recipient"], span=_span(d["span"])
    )


def _discrepancy(d: Data) -> Discrepancy:
    return Discrepancy(id=d["id"], description=d["description"], spans=_spans(d["spans"]))


def _date(value: str | None) -> datetime.date | None:
    return None if value is None else datetime.date.fromisoformat(value)


def _source(d: Data) -> Source:
    return Source(
        id=d["id"],
        publisher=d["publisher"],
        title=d["title"],
        url=d["url"],
        published=_date(d["published"]),
        accessed=_date(d["accessed"]),
        facts=tuple(d["facts"]),
    )


def _inference(d: Data) -> Inference:
    return Inference(
        id=d["id"],
        record=d["record"],
        field=d["field"],
        value=d["value"],
        rule=d["rule"],
        spans=_spans(d["spans"]),
        sources=tuple(d["sources"]),
    )


def build_release(d: Data, text: str) -> Release:
    """Build the release described by the bundled data *d*, whose verbatim text is *text*."""
    return Release(
        id=d["id"],
        title=d["title"],
        dateline=d["dateline"],
        date=datetime.date.fromisoformat(d["date"]),
        date_as_printed=d["date_as_printed"],
        text=text,
        sha256=d["sha256"],
        schema_version=d["schema_version"],
        title_span=_span(d["title_span"]),
        dateline_span=_span(d["dateline_span"]),
        date_span=_span(d["date_span"]),
        stated_organization_count=d["stated_organization_count"],
        letter=_letter(d["letter"]),
        coalition=_organization(d["coalition"]),
        members=[_organization(x) for x in d["members"]],
        other_organizations=[_organization(x) for x in d["other_organizations"]],
        people=[_person(x) for x in d["people"]],
        contacts=[_contact(x) for x in d["contacts"]],
        quotes=[_quote(x) for x in d["quotes"]],
        claims=[_claim(x) for x in d["claims"]],
        discrepancies=tuple(_discrepancy(x) for x in d["discrepancies"]),
        sources=tuple(_source(x) for x in d["sources"]),
        inferences=tuple(_inference(x) for x in d["inferences"]),
    )
