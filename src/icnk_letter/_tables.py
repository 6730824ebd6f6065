"""The tables of the release and their Frictionless Table Schemas.

The three tables of the CSV exports (members, contacts, claims) and the
others of the data package and the SQLite database (organizations, people,
affiliations, quotes, letters, discrepancies). One list of columns per table
gives the CSV header, the Table Schema fields and the SQLite columns, so they
cannot drift apart; one list of foreign keys per table gives the Table
Schema's ``foreignKeys``, the SQLite ``REFERENCES`` and :func:`check_references`.

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
from typing import Any, Final, cast

import attrs

from ._about import LICENSE_TEXT, package_version
from ._errors import DataError
from ._export import release_of, resolve, tel_uri
from ._model import Claim, Contact, Organization, Person, PhoneKind, Release
from ._records import Records, owner_of

__all__ = [
    "ALL_TABLES",
    "TABLES",
    "Column",
    "ForeignKey",
    "Table",
    "check_references",
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
    verbatim: bool = False
    """Never guarded against formulas: for the release's text, which offsets and the sha256 need as it is."""

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
class ForeignKey:
    """A column whose values are ids of another table (the ``id`` column of *table*)."""

    column: str
    table: str

    def descriptor(self) -> dict[str, Any]:
        """Return the Table Schema foreign key descriptor."""
        return {"fields": [self.column], "reference": {"resource": self.table, "fields": ["id"]}}


@attrs.frozen
class Table:
    """A table of the release: its file, columns, keys and rows."""

    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    records: Callable[[Release], Iterable[Any]]
    foreign_keys: tuple[ForeignKey, ...] = ()
    primary_key: tuple[str, ...] = ("id",)
    needs_release: bool = False
    """Whether a column looks up other records of the release (the contacts' people, say)."""

    @property
    def path(self) -> str:
        """The file name of the table in a data package."""
        return f"{self.name}.csv"

    def schema(self) -> dict[str, Any]:
        """Return the Table Schema of the table."""
        schema: dict[str, Any] = {
            "fields": [column.descriptor() for column in self.columns],
            "missingValues": [""],
            "primaryKey": list(self.primary_key),
        }
        if self.foreign_keys:
            schema["foreignKeys"] = [key.descriptor() for key in self.foreign_keys]
        return schema

    def rows(self, release: Release, records: Iterable[Any] | None = None) -> Iterator[list[Cell]]:
        """Yield the header, then one row per record (of *records*, or else all the release's)."""
        yield [column.name for column in self.columns]
        for record in self.records(release) if records is None else records:
            yield [column.value(record, release) for column in self.columns]

    def render_records(self, records: Records[Any]) -> str:
        """Return the table of the records of *records* only, a collection of this table's kind."""
        release = owner_of(records)
        if release is None:
            # Only a table that needs the release reads it; the others can do without.
            release = release_of(records, f"csv-{self.name}") if self.needs_release else cast("Release", None)
        return self.render(release, records)

    def render(self, release: Release, records: Iterable[Any] | None = None) -> str:
        """Return the table as CSV text (of *records*, or else of all the release's records)."""
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
        verbatim = [column.verbatim for column in self.columns]
        writer.writerows(
            [_cell(value, keep) for value, keep in zip(row, verbatim, strict=True)]
            for row in self.rows(release, records)
        )
        return out.getvalue()


def _cell(value: Cell, verbatim: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    # NUL cannot be written by the csv module of every supported Python (3.10 refuses it).
    value = value.replace("\0", "")
    return value if verbatim else guard(value)


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
            f"Where {what} starts in the release's text, as a code-point offset (a Python str index).",
            _span_start,
            required=True,
            minimum=0,
        ),
        Column(
            "span_end",
            "integer",
            f"Where {what} ends in the release's text (exclusive), as a code-point offset.",
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
    foreign_keys=(ForeignKey("id", "organizations"),),
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
    needs_release=True,
    foreign_keys=(ForeignKey("person", "people"), ForeignKey("organization", "members")),
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
            "The id of who makes the claim: the release (release.id), the open letter (letters.id) "
            "or a person (people.id).",
            _attr("attributed_to"),
            required=True,
        ),
        *_span_columns("the claim"),
    ),
    records=lambda release: release.claims,
)


def _organization_kind(organization: Organization, release: Release) -> Cell:
    if organization.id == release.coalition.id:
        return "coalition"
    return "member" if any(member.id == organization.id for member in release.members) else "other"


def _spans(discrepancy: Any, _: Release) -> Cell:
    return " ".join(f"{span.start}-{span.end}" for span in discrepancy.spans)


def _affiliations(release: Release) -> Iterator[tuple[str, str]]:
    for person in release.people:
        for organization in person.affiliations:
            yield (person.id, organization)


_ID = Column("id", "string", "A stable slug for the record.", _attr("id"), required=True, unique=True)

ORGANIZATIONS: Final = Table(
    name="organizations",
    title="Organizations",
    description="Every organization named: the coalition, the members in printed order, then the others.",
    columns=(
        _ID,
        Column(
            "kind",
            "string",
            "coalition, member (listed as a member) or other (named in the text only).",
            _organization_kind,
            required=True,
            enum=("coalition", "member", "other"),
        ),
        Column("name", "string", "The full name.", _attr("name"), required=True),
        Column("acronym", "string", "The short form, where the release gives one.", _attr("acronym")),
        Column(
            "country",
            "string",
            "ISO 3166-1 alpha-2 code of the country printed with it, if any.",
            _attr("country"),
            pattern=_COUNTRY,
        ),
        Column("country_as_printed", "string", "The country as printed.", _attr("country_as_printed")),
        Column("listed_as", "string", "The line of the member list, verbatim.", _attr("listed_as")),
        *_span_columns("the name"),
    ),
    records=lambda release: release.organizations,
)

PEOPLE: Final = Table(
    name="people",
    title="People",
    description="Every person named, in order of first mention.",
    columns=(
        _ID,
        Column("name", "string", "The name as printed.", _attr("name"), required=True),
        Column("family_name", "string", "The family name.", _attr("family_name"), required=True),
        Column("given_name", "string", "The given name.", _attr("given_name"), required=True),
        Column("description", "string", "How the release describes the person.", _attr("description")),
        *_span_columns("the name"),
    ),
    records=lambda release: release.people,
)

AFFILIATIONS: Final = Table(
    name="affiliations",
    title="Affiliations",
    description="The organizations the release ties each person to, one row per person and organization.",
    columns=(
        Column("person", "string", "The id of the person.", lambda a, _: a[0], required=True),
        Column("organization", "string", "The id of the organization.", lambda a, _: a[1], required=True),
    ),
    records=lambda release: _affiliations(release),
    foreign_keys=(ForeignKey("person", "people"), ForeignKey("organization", "organizations")),
    primary_key=("person", "organization"),
)

QUOTES: Final = Table(
    name="quotes",
    title="Quotations",
    description="The quotations, in printed order.",
    columns=(
        _ID,
        Column("speaker", "string", "The id of the person quoted.", _attr("speaker"), required=True),
        Column("text", "string", "The words quoted.", _attr("text"), required=True),
        *_span_columns("the quotation"),
    ),
    records=lambda release: release.quotes,
    foreign_keys=(ForeignKey("speaker", "people"),),
)

LETTERS: Final = Table(
    name="letters",
    title="Letters",
    description="The open letter that the release announces.",
    columns=(
        _ID,
        Column("title", "string", "How the release names the letter.", _attr("title"), required=True),
        Column(
            "author", "string", "The id of the organization that wrote it.", _attr("author"), required=True
        ),
        Column(
            "recipient",
            "string",
            "The id of the person it is addressed to.",
            _attr("recipient"),
            required=True,
        ),
        *_span_columns("the letter's name"),
    ),
    records=lambda release: (release.letter,),
    foreign_keys=(ForeignKey("author", "organizations"), ForeignKey("recipient", "people")),
)

DISCREPANCIES: Final = Table(
    name="discrepancies",
    title="Discrepancies",
    description="The known contradictions and quirks of the source, kept rather than fixed.",
    columns=(
        _ID,
        Column(
            "description",
            "string",
            "What does not agree, and what the data keeps.",
            _attr("description"),
            required=True,
        ),
        Column(
            "spans",
            "string",
            "Where it is printed: code-point ranges start-end into the release's text, separated by spaces.",
            _spans,
            required=True,
            pattern=r"[0-9]+-[0-9]+( [0-9]+-[0-9]+)*",
        ),
    ),
    records=lambda release: release.discrepancies,
)

RELEASE: Final = Table(
    name="release",
    title="The release",
    description="One row: the release's metadata and its verbatim text.",
    columns=(
        Column(
            "id",
            "string",
            "The release's id, the author of its own statements (claims.attributed_to).",
            _attr("id"),
            required=True,
            unique=True,
        ),
        Column("title", "string", "The headline, without the dateline.", _attr("title"), required=True),
        Column("dateline", "string", "The dateline.", _attr("dateline"), required=True),
        Column("date", "date", "The date of the release.", lambda r, _: r.date.isoformat(), required=True),
        Column("date_as_printed", "string", "The date as printed.", _attr("date_as_printed"), required=True),
        Column(
            "sha256",
            "string",
            "The SHA-256 of text, encoded as UTF-8.",
            _attr("sha256"),
            required=True,
            pattern="[0-9a-f]{64}",
        ),
        Column(
            "schema_version",
            "string",
            "The version of the data file's layout.",
            _attr("schema_version"),
            required=True,
        ),
        Column(
            "package_version",
            "string",
            "The version of icnk-letter that wrote the table.",
            lambda _, __: package_version(),
            required=True,
        ),
        Column(
            "license",
            "string",
            "The licence of the data, and the rights in the text.",
            lambda _, __: LICENSE_TEXT,
            required=True,
        ),
        Column(
            "stated_organization_count",
            "integer",
            "How many organizations the release says released the letter.",
            _attr("stated_organization_count"),
            required=True,
            minimum=0,
        ),
        Column(
            "text",
            "string",
            "The release verbatim: the span_start and span_end of every table are code-point offsets into "
            "it. The one cell never guarded against spreadsheet formulas, so that it stays verbatim.",
            _attr("text"),
            required=True,
            verbatim=True,
        ),
    ),
    records=lambda release: (release,),
)


def _roles(release: Release) -> Iterator[tuple[Organization, Any]]:
    for organization in release.organizations:
        for role in organization.roles:
            yield (organization, role)


def _role_span(index: int) -> Callable[[Any, Release], Cell]:
    def value(pair: tuple[Organization, Any], _: Release) -> Cell:
        span = pair[1].span
        result: int = span.start if index == 0 else span.end
        return result

    return value


def _date(name: str) -> Callable[[Any, Release], Cell]:
    def value(record: Any, _: Release) -> Cell:
        day = getattr(record, name)
        return None if day is None else str(day.isoformat())

    return value


ROLES: Final = Table(
    name="roles",
    title="Roles",
    description="The roles the release gives an organization in another one, as printed.",
    columns=(
        Column("organization", "string", "The id of the organization.", lambda p, _: p[0].id, required=True),
        Column("title", "string", "The role (Secretariat).", lambda p, _: p[1].title, required=True),
        Column("of", "string", "The id of the organization it serves.", lambda p, _: p[1].of, required=True),
        Column("as_printed", "string", "The words printed.", lambda p, _: p[1].as_printed, required=True),
        Column(
            "span_start",
            "integer",
            "Where the words start in the release's text, as a code-point offset.",
            _role_span(0),
            required=True,
            minimum=0,
        ),
        Column(
            "span_end",
            "integer",
            "Where the words end in the release's text (exclusive), as a code-point offset.",
            _role_span(1),
            required=True,
            minimum=0,
        ),
    ),
    records=lambda release: _roles(release),
    foreign_keys=(ForeignKey("organization", "organizations"), ForeignKey("of", "organizations")),
    primary_key=("organization", "title", "of"),
)

SOURCES: Final = Table(
    name="sources",
    title="Sources",
    description="The outside publications of the release and reports on it that the maintainers checked.",
    columns=(
        _ID,
        Column("publisher", "string", "Who published it.", _attr("publisher"), required=True),
        Column("title", "string", "Its title, as published.", _attr("title"), required=True),
        Column("url", "string", "The URL of the copy that was read.", _attr("url"), required=True),
        Column(
            "published", "date", "The date of publication, where it could be confirmed.", _date("published")
        ),
        Column("accessed", "date", "When the maintainers read a copy of the page.", _date("accessed")),
        Column(
            "facts",
            "string",
            "What it says that bears on the data, in the maintainers' words, one fact per line.",
            lambda source, _: "\n".join(source.facts),
            required=True,
        ),
    ),
    records=lambda release: release.sources,
)

INFERENCES: Final = Table(
    name="inferences",
    title="Inferences",
    description="Every value of the data that the release does not print, and what it rests on.",
    columns=(
        _ID,
        Column(
            "record",
            "string",
            "The id of the record concerned (a row of any table), or of the release.",
            _attr("record"),
            required=True,
        ),
        Column(
            "field",
            "string",
            "The path of the value in that record (phones[0].e164).",
            _attr("field"),
            required=True,
        ),
        Column("value", "string", "The value, as text.", _attr("value"), required=True),
        Column("rule", "string", "The reasoning, stated in words.", _attr("rule"), required=True),
        Column(
            "spans",
            "string",
            "The words of the text it rests on: code-point ranges start-end, separated by spaces.",
            lambda inference, r: _spans(inference, r) or None,
            pattern=r"[0-9]+-[0-9]+( [0-9]+-[0-9]+)*",
        ),
        Column(
            "sources",
            "string",
            "The ids of the sources (sources.id) it rests on, separated by spaces.",
            lambda inference, _: _joined(inference.sources),
        ),
    ),
    records=lambda release: release.inferences,
)

TABLES: Final = (MEMBERS, CONTACTS, CLAIMS)
"""The tables of the ``csv-`` export formats."""

ALL_TABLES: Final = (
    MEMBERS,
    CONTACTS,
    CLAIMS,
    ORGANIZATIONS,
    PEOPLE,
    AFFILIATIONS,
    QUOTES,
    LETTERS,
    DISCREPANCIES,
    ROLES,
    SOURCES,
    INFERENCES,
    RELEASE,
)
"""Every table, in the order of the data package's resources and of the SQLite database."""


def check_references(release: Release) -> None:
    """Raise :class:`DataError` naming every value of a foreign key that is not an id of its table.

    A release that passes :func:`verify` never has one.
    """
    ids = {
        table.name: {record.id for record in table.records(release)}
        for table in ALL_TABLES
        if table.primary_key == ("id",)
    }
    problems: list[str] = []
    for table in ALL_TABLES:
        positions = {column.name: index for index, column in enumerate(table.columns)}
        for key in table.foreign_keys:
            known = ids[key.table]
            for number, record in enumerate(table.records(release)):
                value = table.columns[positions[key.column]].value(record, release)
                if value not in known:
                    problems.append(
                        f"{table.name}[{number}].{key.column}: {value!r} is not the id of a row of {key.table}"
                    )
    sources = ids["sources"]
    for number, inference in enumerate(release.inferences):
        problems.extend(
            f"inferences[{number}].sources: {source!r} is not the id of a row of sources"
            for source in inference.sources
            if source not in sources
        )
    # One column refers to any of three tables, which a foreign key cannot say.
    authors = ids["release"] | ids["letters"] | ids["people"]
    for number, claim in enumerate(release.claims):
        if claim.attributed_to not in authors:
            problems.append(
                f"claims[{number}].attributed_to: {claim.attributed_to!r} is not the id of a row of "
                "release, letters or people"
            )
    if problems:
        raise DataError(problems)


def table_named(name: str) -> Table:
    """Return the table *name* (``"members"``), the one the format ``csv-{name}`` writes.

    >>> table_named("claims").path
    'claims.csv'
    """
    return next(table for table in ALL_TABLES if table.name == name)


def render_members(release: Release) -> str:
    """Return the members table as CSV."""
    return MEMBERS.render(release)


def render_contacts(release: Release) -> str:
    """Return the contacts table as CSV."""
    return CONTACTS.render(release)


def render_claims(release: Release) -> str:
    """Return the claims table as CSV."""
    return CLAIMS.render(release)
