"""The CSV tables (members, contacts, claims) and their Frictionless Table Schemas.

One list of columns per table gives both the CSV header and the Table Schema
fields, so the two cannot drift apart.

CSV is RFC 4180 as Python's ``csv`` module writes it: UTF-8, a header row,
CRLF line endings, fields quoted only when they hold a comma, a quote or a
line break. Every text cell is guarded against spreadsheet formula injection
(OWASP "CSV Injection"): one that begins with ``=``, ``+``, ``-``, ``@``, a
tab, a carriage return, a line feed, a NUL or their full-width forms, also
after any spaces, line breaks, controls or invisible format characters a
spreadsheet may trim (NBSP, BOM, ZWSP, U+3000...), gets a leading ``'``. Phone columns hold
RFC 3966 ``tel:`` URIs, which stay machine-readable and can never start a
formula, unlike a printed ``+44 208 ...``; ``phones`` holds every number of a
contact and ``mobiles`` repeats those printed "(mobile)". NUL characters,
which no CSV reader expects and Python 3.10's ``csv`` cannot write, are
dropped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from ._export import resolve, tel_uri
from ._model import Claim, Contact, Organization, Person, PhoneKind, Release

__all__ = [
    "TABLES",
    "Column",
    "Table",
    "guard",
    "render_claims",
    "render_contacts",
    "render_members",
    "table_named",
]

_FORMULA_STARTS: Final = frozenset("=+-@\t\r\n\0\uff1d\uff0b\uff0d\uff20")
# What a spreadsheet may trim before it reads a formula: the characters of the
# Unicode categories Zs, Zl, Zp (spaces and separators, NBSP, U+3000), Cc
# (controls, VT, FF, U+0085) and Cf (format characters: the BOM, zero-width
# spaces and joiners, direction marks, tags), as of Unicode 15. Spelled out,
# so that the guard does not change with the Unicode database of the running Python.
_TRIMMED_RANGES: Final = (
    (0x0000, 0x0020), (0x007F, 0x00A0), (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C),
    (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891), (0x08E2, 0x08E2), (0x1680, 0x1680),
    (0x180E, 0x180E), (0x2000, 0x200F), (0x2028, 0x202F), (0x205F, 0x2064), (0x2066, 0x206F),
    (0x3000, 0x3000), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip
_TRIMMED: Final = frozenset(chr(c) for first, last in _TRIMMED_RANGES for c in range(first, last + 1))

_TAG_LIST = r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*( [A-Za-z0-9]+(-[A-Za-z0-9]+)*)*"
_TEL = r"tel:\+[0-9]+(-[0-9]+)*"
_TEL_LIST = rf"{_TEL}( {_TEL})*"
_EMAIL_LIST = r"[^@\s]+@[^@\s]+( [^@\s]+@[^@\s]+)*"
_COUNTRY = r"[A-Z]{2}"

Cell = str | int | bool | None


def guard(cell: str) -> str:
    """Return *cell* with a leading ``'`` if a spreadsheet could run it as a formula.

    That is a cell whose first character that is not a space, a line break,
    a control or an invisible format character (as a spreadsheet may trim
    them) is ``=``, ``+``, ``-``, ``@`` or their full-width forms, or that
    starts with a tab, a carriage return, a line feed or a NUL, as OWASP's
    "CSV Injection" advice has it.

    >>> guard("=HYPERLINK(\\"http://example.com\\")"), guard("-5"), guard("Amnesty International")
    ('\\'=HYPERLINK("http://example.com")', "'-5", 'Amnesty International')
    >>> guard(" =1+1"), guard("\\u00a0@SUM(A1)"), guard("\\ufeff+1"), guard(" plain")
    ("' =1+1", "'\\xa0@SUM(A1)", "'\\ufeff+1", ' plain')
    """
    for character in cell:
        if character in _FORMULA_STARTS:
            return "'" + cell
        if character not in _TRIMMED:
            return cell
    return cell


@attrs.frozen
class Column:
    """A column: its CSV header, its Table Schema type and constraints, and where its value comes from."""

    name: str
    type: str
    description: str
    value: Callable[[Any, Release], Cell]
    required: bool = False
    unique: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    minimum: int | None = None

    def descriptor(self) -> dict[str, Any]:
        """Return the Table Schema field descriptor of the column."""
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.pattern is not None:
            constraints["pattern"] = self.pattern
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if constraints:
            field["constraints"] = constraints
        return field


@attrs.frozen
class Table:
    """A CSV table of the release: its file, columns, keys and rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    records: Callable[[Release], Iterable[Any]]
    foreign_keys: tuple[dict[str, Any], ...] = ()

    @property
    def path(self) -> str:
        """The file name of the table in a data package."""
        return f"{self.name}.csv"

    def schema(self) -> dict[str, Any]:
        """Return the Table Schema of the table."""
        schema: dict[str, Any] = {
            "fields": [column.descriptor() for column in self.columns],
            "missingValues": [""],
            "primaryKey": ["id"],
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [dict(key) for key in self.foreign_keys]
        return schema

    def rows(self, release: Release) -> Iterator[list[Cell]]:
        """Yield the header, then one row per record."""
        yield [column.name for column in self.columns]
        for record in self.records(release):
            yield [column.value(record, release) for column in self.columns]

    def render(self, release: Release) -> str:
        """Return the table as CSV text."""
        out = io.StringIO(newline="")
        writer = csv.writer(
            out,
            delimiter=",",
            quotechar='"',
            doublequote=True,
            lineterminator="\r\n",
            quoting=csv.QUOTE_MINIMAL,
            strict=True,
        )
        writer.writerows([_cell(value) for value in row] for row in self.rows(release))
        return out.getvalue()


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # NUL cannot be written by the csv module of every supported Python (3.10 refuses it).
    return guard(value.replace("\0", ""))


def _joined(values: Iterable[str | None]) -> str | None:
    text = " ".join(value for value in values if value)
    return text or None


def _span_start(record: Any, _: Release) -> Cell:
    return int(record.span.start)


def _span_end(record: Any, _: Release) -> Cell:
    return int(record.span.end)


def _attr(name: str) -> Callable[[Any, Release], Cell]:
    def value(record: Any, _: Release) -> Cell:
        result: Cell = getattr(record, name)
        return result

    return value


def _contact_index(release: Release, contact: Contact) -> int:
    return next(i for i, c in enumerate(release.contacts) if c is contact)


def _person(contact: Contact, release: Release) -> Person:
    return resolve(release, contact.person, Person, f"contacts[{_contact_index(release, contact)}].person")


def _organization(contact: Contact, release: Release) -> Organization:
    index = _contact_index(release, contact)
    return resolve(release, contact.organization, Organization, f"contacts[{index}].organization")


def _phones(*, mobile_only: bool) -> Callable[[Contact, Release], Cell]:
    def value(contact: Contact, _: Release) -> Cell:
        return _joined(tel_uri(p) for p in contact.phones if not mobile_only or p.kind is PhoneKind.MOBILE)

    return value


def _quantity(name: str) -> Callable[[Claim, Release], Cell]:
    def value(claim: Claim, _: Release) -> Cell:
        result: Cell = None if claim.quantity is None else getattr(claim.quantity, name)
        return result

    return value


def _span_columns(what: str) -> tuple[Column, Column]:
    return (
        Column(
            "span_start",
            "integer",
            f"Where {what} starts in release.txt, as a code-point offset (a Python str index).",
            _span_start,
            required=True,
            minimum=0,
        ),
        Column(
            "span_end",
            "integer",
            f"Where {what} ends in release.txt (exclusive), as a code-point offset.",
            _span_end,
            required=True,
            minimum=0,
        ),
    )


MEMBERS: Final = Table(
    name="members",
    title="Members",
    description="The organizations of the release's member list, one row per printed line, in printed order.",
    columns=(
        Column(
            "id", "string", "A stable slug for the organization.", _attr("id"), required=True, unique=True
        ),
        Column("name", "string", "The full name.", _attr("name"), required=True),
        Column("acronym", "string", "The short form, where the release gives one.", _attr("acronym")),
        Column(
            "country",
            "string",
            "ISO 3166-1 alpha-2 code of the country printed on the line.",
            _attr("country"),
            pattern=_COUNTRY,
        ),
        Column("country_as_printed", "string", "The country as printed.", _attr("country_as_printed")),
        Column("listed_as", "string", "The line of the member list, verbatim.", _attr("listed_as")),
        *_span_columns("the line"),
    ),
    records=lambda release: release.members,
)

CONTACTS: Final = Table(
    name="contacts",
    title="Press contacts",
    description="One row per contact paragraph under 'For further information please contact:'.",
    columns=(
        Column("id", "string", "A stable slug for the contact.", _attr("id"), required=True, unique=True),
        Column("person", "string", "The id of the person.", _attr("person"), required=True),
        Column("name", "string", "The person's name as printed.", lambda c, r: _person(c, r).name),
        Column("family_name", "string", "The family name.", lambda c, r: _person(c, r).family_name),
        Column("given_name", "string", "The given name.", lambda c, r: _person(c, r).given_name),
        Column(
            "organization",
            "string",
            "The id of the organization, a member (members.id).",
            _attr("organization"),
            required=True,
        ),
        Column(
            "organization_name",
            "string",
            "The organization's full name.",
            lambda c, r: _organization(c, r).name,
        ),
        Column(
            "organization_as_printed",
            "string",
            "The organization as printed in the paragraph.",
            _attr("organization_as_printed"),
        ),
        Column("role", "string", "The role printed with the organization, if any.", _attr("role")),
        Column("city", "string", "The city the paragraph is for.", _attr("city"), required=True),
        Column(
            "country",
            "string",
            "ISO 3166-1 alpha-2 code of the city's country.",
            _attr("country"),
            pattern=_COUNTRY,
        ),
        Column(
            "languages",
            "string",
            "BCP 47 language tags, in the printed order, separated by spaces.",
            lambda c, _: _joined(language.tag for language in c.languages),
            pattern=_TAG_LIST,
        ),
        Column(
            "phones",
            "string",
            "RFC 3966 tel: URIs of every number of the contact, mobiles included, in the printed "
            "order, separated by spaces.",
            _phones(mobile_only=False),
            pattern=_TEL_LIST,
        ),
        Column(
            "mobiles",
            "string",
            "RFC 3966 tel: URIs of the numbers printed '(mobile)', separated by spaces: the subset "
            "of phones that is mobile.",
            _phones(mobile_only=True),
            pattern=_TEL_LIST,
        ),
        Column(
            "emails",
            "string",
            "Email addresses, separated by spaces.",
            lambda c, _: _joined(c.emails),
            pattern=_EMAIL_LIST,
        ),
        *_span_columns("the paragraph"),
    ),
    records=lambda release: release.contacts,
    foreign_keys=({"fields": ["organization"], "reference": {"resource": "members", "fields": ["id"]}},),
)

CLAIMS: Final = Table(
    name="claims",
    title="Claims",
    description="The violations cited, the demands made and the statements of fact, in printed order.",
    columns=(
        Column("id", "string", "A stable slug for the claim.", _attr("id"), required=True, unique=True),
        Column(
            "kind",
            "string",
            "violation, demand or statement.",
            lambda c, _: c.kind.value,
            required=True,
            enum=("violation", "demand", "statement"),
        ),
        Column("text", "string", "The claim in the release's own words.", _attr("text"), required=True),
        Column("quantity_value", "integer", "The figure of the claim, if any.", _quantity("value")),
        Column("quantity_unit", "string", "What the figure counts.", _quantity("unit")),
        Column(
            "quantity_exact",
            "boolean",
            "true for an exact count, false for a lower bound or a rounded figure.",
            _quantity("exact"),
        ),
        Column(
            "quantity_precision",
            "string",
            "exact, lower-bound ('Over 200,000') or rounded ('24.5 million').",
            lambda c, _: None if c.quantity is None else c.quantity.precision.value,
            enum=("exact", "lower-bound", "rounded"),
        ),
        Column("quantity_as_printed", "string", "The figure as printed.", _quantity("as_printed")),
        Column(
            "attributed_to",
            "string",
            "The id of who makes the claim: the release, the open letter or a person.",
            _attr("attributed_to"),
            required=True,
        ),
        *_span_columns("the claim"),
    ),
    records=lambda release: release.claims,
)

TABLES: Final = (MEMBERS, CONTACTS, CLAIMS)
"""The tables; the data package holds those of the registry's ``csv-`` formats, in its order."""


def table_named(name: str) -> Table:
    """Return the table *name* (``"members"``), the one the format ``csv-{name}`` writes.

    >>> table_named("claims").path
    'claims.csv'
    """
    return next(table for table in TABLES if table.name == name)


def render_members(release: Release) -> str:
    """Return the members table as CSV."""
    return MEMBERS.render(release)


def render_contacts(release: Release) -> str:
    """Return the contacts table as CSV."""
    return CONTACTS.render(release)


def render_claims(release: Release) -> str:
    """Return the claims table as CSV."""
    return CLAIMS.render(release)
