"""What the command line prints: the summary, rows of the listings, tables and one record in full.

Everything here turns records into text and writes nothing; :mod:`icnk_letter._cli`
decides where the text goes. The rows are built straight from the records, so
that ``icnk-letter members`` needs neither cattrs nor the export code.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Final, cast

import attrs

from ._cli_text import MEMBER_COLUMNS, Row, member_cells, table, tsv
from ._errors import NotFoundError
from ._model import (
    Claim,
    ClaimKind,
    Contact,
    Language,
    Organization,
    OrganizationRole,
    Phone,
    Quantity,
    Record,
    Release,
    Span,
)

__all__ = [
    "CLAIM_COLUMNS",
    "CONTACT_COLUMNS",
    "CONTEXT",
    "HIT_COLUMNS",
    "MEMBER_COLUMNS",
    "claim_row",
    "contact_row",
    "hit_row",
    "kind_of",
    "listing",
    "member_row",
    "show",
    "summary",
    "table",
    "tsv",
]

CONTACT_COLUMNS: Final[Row] = ("city", "name", "organization", "languages", "phones", "emails")
CLAIM_COLUMNS: Final[Row] = ("id", "kind", "figure", "text")
HIT_COLUMNS: Final[Row] = ("score", "kind", "id", "field", "matched")

CONTEXT: Final = 60
"""How many characters of the text ``show`` prints on each side of a record's span."""

# The fields of records that hold the id of another record: ``show`` adds its name.
_REFERENCES: Final = frozenset({"person", "organization", "attributed_to", "speaker", "author", "recipient"})


def summary(release: Release) -> str:
    """Return the overview that ``icnk-letter`` prints with no command."""
    counts = [(kind.value, sum(claim.kind is kind for claim in release.claims)) for kind in ClaimKind]
    by_kind = ", ".join(f"{count} {kind}{'' if count == 1 else 's'}" for kind, count in counts if count)
    coalition = release.coalition
    acronym = f" ({coalition.acronym})" if coalition.acronym else ""
    lines = [
        release.title,
        f"Dateline:  {release.dateline}",
        f"Date:      {release.date.isoformat()} (printed {release.date_as_printed!r}, read as month.day.year)",
        f"Coalition: {coalition.name}{acronym}",
        f"Members:   {len(release.members)} listed; the release states "
        f"{release.stated_organization_count} organizations released the letter",
        f"Contacts:  {len(release.contacts)} press contacts, in "
        + ", ".join(contact.city for contact in release.contacts),
        f"Claims:    {len(release.claims)} ({by_kind})",
        f"Source:    the ICNK press release, verbatim ({len(release.text)} characters), "
        f"sha256 {release.sha256}",
        "Checked:   every record points back to its words; run 'icnk-letter verify'",
        "More:      'icnk-letter --help' lists the commands",
    ]
    return "\n".join(lines) + "\n"


# -- rows of the listings -------------------------------------------------------------


def listing(name: str, records: Sequence[Any], release: Release) -> tuple[Row, list[Row]]:
    """Return the columns and rows of a listing: ``"members"``, ``"contacts"`` or ``"claims"``."""
    if name == "members":
        return MEMBER_COLUMNS, [member_row(member) for member in records]
    if name == "contacts":
        return CONTACT_COLUMNS, [contact_row(contact, release) for contact in records]
    return CLAIM_COLUMNS, [claim_row(claim) for claim in records]


def member_row(member: Organization) -> Row:
    """Return the row of a member: its country code, acronym and name (the long value last)."""
    return member_cells(member.country, member.acronym, member.name)


def contact_row(contact: Contact, release: Release) -> Row:
    """Return the row of a press contact: city, person, organization, languages, phones, emails."""
    return (
        contact.city,
        release.person_of(contact).name,
        release.organization_of(contact).name,
        ", ".join(language.as_printed for language in contact.languages),
        ", ".join(_phone_as_printed(phone) for phone in contact.phones),
        ", ".join(contact.emails),
    )


def claim_row(claim: Claim) -> Row:
    """Return the row of a claim: its id, kind, figure as printed and text."""
    figure = claim.quantity.as_printed if claim.quantity is not None else ""
    return (claim.id, claim.kind.value, figure, claim.text)


def hit_row(record: Record, score: float, field: str, matched: str) -> Row:
    """Return the row of a search hit: score, kind of record, id, field and the value that matched."""
    return (f"{score:.3f}", kind_of(record), record.id, field, matched)


def kind_of(record: Record) -> str:
    """Return the kind of *record* as the command line names it (``"organization"``, ``"claim"``, ...)."""
    return type(record).__name__.lower()


def _phone_as_printed(phone: Phone) -> str:
    return f"{phone.as_printed} ({phone.kind.value})" if phone.kind.value == "mobile" else phone.as_printed


# -- one record in full ---------------------------------------------------------------


def show(record: Record, release: Release, *, context: int = CONTEXT) -> str:
    """Return every field of *record*, one per line, then the text around its span.

    Spans are written ``start-end`` (code-point offsets into the text, end
    exclusive); a field that holds another record's id is followed by that
    record's name. The span is marked with « and » in the text around it.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> print(show(release.lookup("Han Voice"), release, context=20), end="")
    type:               organization
    id:                 han-voice
    name:               Han Voice
    acronym:            -
    country:            CA
    country_as_printed: Canada
    listed_as:          Han Voice (Canada)
    span:               3922-3940
    mentions:           -
    roles:              -
    context:
        ...h Korea Radio (ROK)
        «Han Voice (Canada)»
        HH Katakomb (ROK)
        H...
    """
    fields: list[tuple[str, list[str]]] = [("type", [kind_of(record)])]
    for field in attrs.fields(type(record)):
        value: object = getattr(record, field.name)
        fields.append((field.name, _values(field.name, value, release)))
    width = max(len(name) for name, _ in fields) + 2
    lines: list[str] = []
    for name, values in fields:
        label = f"{name}:".ljust(width)
        lines.append(label + (values[0] if values else "-"))
        lines.extend(" " * width + value for value in values[1:])
    lines.append("context:")
    lines.extend("    " + line if line else "" for line in _context(record.span, release.text, context))
    return "".join(line.rstrip() + "\n" for line in lines)


def _values(name: str, value: object, release: Release) -> list[str]:
    """Return the lines that show the value of field *name* (none for an empty sequence)."""
    if isinstance(value, tuple):
        items = cast("tuple[object, ...]", value)
        if items and all(isinstance(item, Language) for item in items):
            return [", ".join(_one(item, release) for item in items)]
        if name == "emails":
            return [", ".join(str(item) for item in items)]
        if all(isinstance(item, Span) for item in items):
            # Other places the release names the record: where, and the words used there.
            return [
                f"{_one(item, release)} {_escaped(item.quote)!r}" for item in items if isinstance(item, Span)
            ]
        return [_one(item, release, reference=name == "affiliations") for item in items]
    return [_one(value, release, reference=name in _REFERENCES)]


def _one(value: object, release: Release, *, reference: bool = False) -> str:
    """Return one value on one line."""
    if value is None:
        return "-"
    if isinstance(value, Span):
        return f"{value.start}-{value.end}"
    if isinstance(value, Language):
        return f"{value.tag} ({value.as_printed})"
    if isinstance(value, Phone):
        return f"{value.as_printed} ({value.kind.value}): {value.e164}, {value.uri}"
    if isinstance(value, OrganizationRole):
        return f"{_escaped(value.as_printed)} ({value.title} of {value.of})"
    if isinstance(value, Quantity):
        return f"{value.as_printed} ({value.value} {value.unit}, {value.precision.value})"
    if isinstance(value, enum.Enum):
        return str(value.value)
    text = _escaped(str(value))
    if reference:
        return f"{text} ({_name_of(text, release)})"
    return text


def _name_of(record_id: str, release: Release) -> str:
    """Return what a reference points to: a record's name or title, or the release itself."""
    if record_id == release.id:
        return "this press release"
    try:
        record = release.by_id(record_id)
    except NotFoundError:
        return "not in this release"
    name: object = getattr(record, "name", None) or getattr(record, "title", None) or record.id
    return str(name)


def _escaped(text: str) -> str:
    """Return *text* on one line: line breaks and tabs written as ``\\n``, ``\\r`` and ``\\t``."""
    return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")


def _context(span: Span, text: str, size: int) -> list[str]:
    """Return the lines of *text* around *span*, with the span marked and cut ends shown as "..."."""
    start, end = max(0, span.start), min(len(text), span.end)
    before_start, after_end = max(0, start - size), min(len(text), end + size)
    before = ("..." if before_start > 0 else "") + text[before_start:start]
    after = text[end:after_end] + ("..." if after_end < len(text) else "")
    return f"{before}«{text[start:end]}»{after}".strip("\n").splitlines()
