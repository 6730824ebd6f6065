"""The public API as a user writes it: type-checked by mypy and pyright, never run.

Each ``assert_type`` pins a type that users rely on; a change that breaks one
is a breaking change of the API.
"""

from __future__ import annotations

import datetime

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
assert_type(icnk_letter.verify(release), VerificationReport)
assert_type(icnk_letter.SCHEMA_VERSION, str)

members: tuple[Organization, ...] = release.members  # Records are tuples.
