"""The public API as a user writes it: type-checked by mypy and pyright, never run.

Each ``assert_type`` pins a type that users rely on; a change that breaks one
is a breaking change of the API.
"""

from __future__ import annotations

import datetime
from typing import Any

from typing_extensions import assert_type

import icnk_letter
from icnk_letter import (
    Claim,
    Contact,
    Organization,
    Person,
    Phone,
    Quote,
    Records,
    Release,
    Span,
    VerificationReport,
)

release = icnk_letter.load()
assert_type(release, Release)
assert_type(release.date, datetime.date)
assert_type(release.members, Records[Organization])
assert_type(release.members[0], Organization)
assert_type(release.contacts[0].phones, tuple[Phone, ...])
assert_type(release.people, Records[Person])
assert_type(release.claims, Records[Claim])
assert_type(release.quotes, Records[Quote])
assert_type(release.coalition.span, Span)
assert_type(release.organization_of(release.contacts[0]), Organization)
assert_type(release.contacts_of("human-rights-watch"), tuple[Contact, ...])
assert_type(release.contacts_of(release.people[2]), tuple[Contact, ...])
assert_type(icnk_letter.verify(release), VerificationReport)
assert_type(icnk_letter.SCHEMA_VERSION, str)

members: tuple[Organization, ...] = release.members  # Records are tuples.

# Finding things: lookups and filters keep the type of the collection they run on.
assert_type(release.lookup("FIDH"), icnk_letter.Record)
assert_type(release.get("FIDH"), icnk_letter.Record | None)
assert_type(release.get("FIDH", "none"), icnk_letter.Record | str)
assert_type(icnk_letter.lookup("FIDH"), icnk_letter.Record)
assert_type(release.members.lookup("FIDH"), Organization)
assert_type(release.contacts.get("doik@hrw.org"), Contact | None)
assert_type(release.members.filter(country="KR"), Records[Organization])
assert_type(release.claims.filter(has_quantity=True).filter(kind="violation"), Records[Claim])
assert_type(release.search("amnesty"), tuple[icnk_letter.Hit[icnk_letter.Record], ...])
assert_type(release.search("amnesty", kind=Organization), tuple[icnk_letter.Hit[Organization], ...])
assert_type(icnk_letter.search("camps", kind=Claim), tuple[icnk_letter.Hit[Claim], ...])
assert_type(release.people.search("doi"), tuple[icnk_letter.Hit[Person], ...])
assert_type(release.search("amnesty")[0].score, float)
# A kind's name, singular or plural, types the hits as its class does.
assert_type(release.search("amnesty", kind="organizations"), tuple[icnk_letter.Hit[Organization], ...])
assert_type(icnk_letter.search("lawyers", kind="member")[0].record.name, str)
assert_type(icnk_letter.search("doi", kind="person"), tuple[icnk_letter.Hit[Person], ...])
assert_type(release.search("tokyo", kind="contacts"), tuple[icnk_letter.Hit[Contact], ...])
assert_type(release.search("camps", kind="claim"), tuple[icnk_letter.Hit[Claim], ...])
assert_type(release.search("legacy", kind="quotes"), tuple[icnk_letter.Hit[Quote], ...])
assert_type(release.search("open letter", kind="letter"), tuple[icnk_letter.Hit[icnk_letter.Letter], ...])


def search_as_told(kind: str) -> None:
    """A kind only known at run time gives hits of any record."""
    assert_type(release.search("doi", kind=kind), tuple[icnk_letter.Hit[icnk_letter.Record], ...])


# Filter criteria are those of the collection's kind of record, each with its own type.
assert_type(release.people.filter(affiliation=None, family_name="Doi"), Records[Person])
assert_type(release.contacts.filter(language="ko", organization=release.members[1]), Records[Contact])
assert_type(release.quotes.filter(speaker=release.people[1]), Records[Quote])
assert_type(release.claims.filter(kind=icnk_letter.ClaimKind.DEMAND, attributed_to=release), Records[Claim])
assert_type(release.members.filter(id=release.members[0], acronym=None), Records[Organization])

# Serialization: from_json gives a Release by default and the class asked for otherwise.
assert_type(icnk_letter.to_json(release), str)
assert_type(icnk_letter.from_json(icnk_letter.to_json(release)), Release)
assert_type(icnk_letter.from_json(b'{"start": 0, "end": 0, "quote": ""}', Span), Span)
assert_type(icnk_letter.from_json(icnk_letter.to_json(release.contacts[0]), Contact), Contact)
assert_type(icnk_letter.from_dict(icnk_letter.to_dict(release.members[0]), Organization), Organization)
assert_type(icnk_letter.from_json(bytearray(b"{}"), Span), Span)
# to_dict gives a dict for a record, a list for a collection, the value for an enum.
assert_type(icnk_letter.to_dict(release), dict[str, Any])
assert_type(icnk_letter.to_dict(release.coalition.span), dict[str, Any])
assert_type(icnk_letter.to_dict(release.search("amnesty")[0]), dict[str, Any])
assert_type(icnk_letter.to_dict(release.members), list[dict[str, Any]])
assert_type(icnk_letter.to_dict(release.contacts[0].phones), list[dict[str, Any]])
assert_type(icnk_letter.to_dict(icnk_letter.PhoneKind.MOBILE), str)
assert_type(icnk_letter.from_json("[]", Records[Organization]), Records[Organization])
assert_type(icnk_letter.export(release, "vcard"), str)
assert_type(icnk_letter.export(release, "html"), str)
assert_type(icnk_letter.export(release, "annotations"), str)
assert_type(icnk_letter.EXPORT_FORMATS, tuple[icnk_letter.ExportFormat, ...])
chosen_format: icnk_letter.ExportFormat = "csv-members"
assert_type(icnk_letter.export(release, chosen_format), str)
assert_type(icnk_letter.export(release.members.filter(country="KR"), "csv-members"), str)
assert_type(icnk_letter.export_bytes(release, "xlsx"), bytes)
for each_format in icnk_letter.EXPORT_FORMATS:
    assert_type(icnk_letter.export_bytes(release, each_format), bytes)
assert_type(icnk_letter.MAX_JSON_SIZE, int)

# Versions: the library's and the data's, for citing exactly what was used.
assert_type(icnk_letter.__version__, str)
assert_type(release.sha256, str)

# Provenance (issue 13): outside sources, inferences, figures' precision, organizations' roles.
assert_type(release.sources, tuple[icnk_letter.Source, ...])
assert_type(release.source("fidh").published, datetime.date | None)
assert_type(release.inferences, tuple[icnk_letter.Inference, ...])
assert_type(release.inferences_of("contact-tokyo"), tuple[icnk_letter.Inference, ...])
assert_type(release.inferences_of(release)[0].sources, tuple[str, ...])
assert_type(release.members[0].roles, tuple[icnk_letter.OrganizationRole, ...])
quantity = release.claims[0].quantity
if quantity is not None:
    assert_type(quantity.precision, icnk_letter.Precision)
    assert_type(quantity.exact, bool)
