"""Mistakes a type checker catches: each line is an expected error of mypy and of pyright.

Type-checked by mypy and pyright, never run. An ignore that suppresses nothing
fails both checkers (mypy's ``warn_unused_ignores``, pyright's
``reportUnnecessaryTypeIgnoreComment``), so a mistake that stops being an error
fails the type check; ``tests/test_typing.py`` shows it for every line here.

Each mistake is one line, so that it can be taken out and its ignores kept.
"""

# Never run, so expressions without an effect and an unused import are the point.
# ruff: noqa: B018, F401

from __future__ import annotations

import icnk_letter
from icnk_letter import NoSuchThing  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownVariableType, reportUnusedImport]

release = icnk_letter.load()
member = release.members[0]

# The module has the names it exports and no others.
icnk_letter.laod()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.Organisation  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]

# Serialization: a record is a dict, a collection a list, the class asked for is what comes back.
icnk_letter.to_dict(member).upper()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.to_dict(release.members).keys()  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.to_dict(42)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
icnk_letter.to_json(object())  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icnk_letter.from_json("{}", icnk_letter.Organization).title  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.from_dict({}, icnk_letter.Contact).name  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.from_json(release)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

# Export format names are a Literal: a misspelt one is an error.
misspelt_format: icnk_letter.ExportFormat = "csv-member"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]

# Filter criteria belong to a kind of record: a misspelt one, or another kind's, is an error.
release.members.filter(contry="KR")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
release.members.filter(language="ko")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
release.contacts.filter(acronym="HRW")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
release.people.filter(affiliations="CSW")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
release.claims.filter(has_quantity="yes")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
release.quotes.filter(speaker=member)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]

# Search hits have the type of the kind asked for, by class or by name.
release.search("doi", kind="people")[0].record.acronym  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.search("hrw", kind="organization")[0].record.family_name  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
icnk_letter.search("camps", kind=icnk_letter.Claim)[0].record.name  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]
release.search("amnesty")[0].record.name  # type: ignore[union-attr]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType]

# Resolving helpers take the records they are about.
release.contacts_of(release.claims[0])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
