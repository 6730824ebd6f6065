"""An Excel workbook (``.xlsx``): a sheet per table, written with XlsxWriter (``icnk-letter[xlsx]``).

The sheets are members, contacts and claims (the CSV tables, with the same
columns), people, organizations (the coalition, the members and the others
named), sources (the outside publications of the release) and the release's
own facts. Each has a bold header row that stays in
view (frozen), an autofilter and column widths that fit the values.

Cells keep their types: ids, codes and phone numbers are text, figures and
offsets numbers, ``quantity_exact`` a boolean, dates (the release's, the
sources') real dates.
Every text cell is written as a string, never as a formula: ``=1+1`` is shown
as ``=1+1``, with no apostrophe, and nothing is ever calculated. Line breaks
are line feeds; the other control characters, which XML cannot hold, are
dropped. The bytes are the same from run to run: the workbook's creation time
is the release's date.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

from ._model import Organization, Release
from ._tables import Cell, Column, Table, table_named

__all__ = ["INSTALL", "ORGANIZATIONS", "PEOPLE", "SHEETS", "SOURCES", "TABLES", "render"]

INSTALL: Final = "pip install 'icnk-letter[xlsx]' (in a clone: pip install '.[xlsx]')"
# Excel's limits: a cell holds at most 32,767 characters; a column is at most 255 wide.
_MAX_CELL: Final = 32_767
_MIN_WIDTH: Final = 6
# XML 1.0 cannot hold these control characters; XlsxWriter would write them as _xHHHH_ escapes,
# which not every reader undoes. They have no use in a cell, so they are dropped.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MAX_WIDTH: Final = 60


def _attr(name: str) -> Callable[[Any, Release], Cell]:
    def value(record: Any, _: Release) -> Cell:
        result: Cell = getattr(record, name)
        return result

    return value


def _span(end: bool) -> Callable[[Any, Release], Cell]:
    def value(record: Any, _: Release) -> Cell:
        return int(record.span.end if end else record.span.start)

    return value


def _role(organization: Organization, release: Release) -> Cell:
    if organization is release.coalition:
        return "coalition"
    return "member" if organization.is_listed else "other"


def _organizations(release: Release) -> Iterable[Organization]:
    return (release.coalition, *release.members, *release.other_organizations)


_SPAN: Final = (
    Column("span_start", "integer", "Where it starts in the text.", _span(False)),
    Column("span_end", "integer", "Where it ends in the text (exclusive).", _span(True)),
)

PEOPLE: Final = Table(
    name="people",
    title="People",
    description="Every person the release names.",
    columns=(
        Column("id", "string", "A stable slug.", _attr("id")),
        Column("name", "string", "The name as printed.", _attr("name")),
        Column("family_name", "string", "The family name.", _attr("family_name")),
        Column("given_name", "string", "The given name.", _attr("given_name")),
        Column("description", "string", "What the release says the person is.", _attr("description")),
        Column(
            "affiliations",
            "string",
            "The ids of their organizations, separated by spaces.",
            lambda p, _: " ".join(p.affiliations) or None,
        ),
        *_SPAN,
    ),
    records=lambda release: release.people,
)

ORGANIZATIONS: Final = Table(
    name="organizations",
    title="Organizations",
    description="The coalition, its members and the other organizations named.",
    columns=(
        Column("id", "string", "A stable slug.", _attr("id")),
        Column("role", "string", "coalition, member (on the member list) or other.", _role),
        Column("name", "string", "The full name.", _attr("name")),
        Column("acronym", "string", "The short form, if any.", _attr("acronym")),
        Column("country", "string", "ISO 3166-1 alpha-2 code, for members.", _attr("country")),
        Column("country_as_printed", "string", "The country as printed.", _attr("country_as_printed")),
        Column("listed_as", "string", "The line of the member list.", _attr("listed_as")),
        *_SPAN,
    ),
    records=_organizations,
)

SOURCES: Final = Table(
    name="sources",
    title="Sources",
    description="The outside publications of the release and reports on it.",
    columns=(
        Column("id", "string", "A stable slug.", _attr("id")),
        Column("publisher", "string", "Who published it.", _attr("publisher")),
        Column("title", "string", "Its title, as published.", _attr("title")),
        Column("url", "string", "The URL of the copy that was read.", _attr("url")),
        # Dates, which the workbook writes as dates (no CSV table has one).
        Column("published", "date", "The date of publication, if confirmed.", _attr("published")),
        Column("accessed", "date", "When a copy was read.", _attr("accessed")),
        Column(
            "facts",
            "string",
            "What it says that bears on the data, one a line.",
            lambda s, _: "\n".join(s.facts),
        ),
    ),
    records=lambda release: release.sources,
)

TABLES: Final = (
    table_named("members"),
    table_named("contacts"),
    table_named("claims"),
    PEOPLE,
    ORGANIZATIONS,
    SOURCES,
)
"""The tables of the workbook's sheets, in order; a last sheet holds the release's own facts."""

SHEETS: Final = (*(table.name for table in TABLES), "release")
"""The sheets of the workbook, in order."""


def render(release: Release) -> bytes:
    """Return *release* as an ``.xlsx`` workbook.

    Raises:
        ModuleNotFoundError: if XlsxWriter is not installed; the message says
            what to install.
    """
    try:
        import xlsxwriter  # type: ignore[import-untyped, unused-ignore]  # pyright: ignore[reportMissingTypeStubs]
    except ImportError:
        raise ModuleNotFoundError(
            f"the xlsx export needs XlsxWriter, which is not installed: {INSTALL}", name="xlsxwriter"
        ) from None

    out = io.BytesIO()
    workbook: Any = xlsxwriter.Workbook(
        out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    # A fixed creation time, so that the same release gives the same bytes.
    created = datetime.datetime.combine(release.date, datetime.time(), datetime.timezone.utc)
    workbook.set_properties({"title": release.title, "created": created})
    styles = _Styles(workbook)
    for table in TABLES:
        header, *rows = table.rows(release)
        _sheet(workbook, styles, table.name, [str(name) for name in header], rows)
    facts: list[list[Cell | datetime.date]] = [
        ["id", release.id],
        ["title", release.title],
        ["dateline", release.dateline],
        ["date", release.date],
        ["date_as_printed", release.date_as_printed],
        ["stated_organization_count", release.stated_organization_count],
        ["sha256", release.sha256],
        ["schema_version", release.schema_version],
    ]
    _sheet(workbook, styles, "release", ["field", "value"], facts)
    workbook.close()
    return out.getvalue()


class _Styles:
    def __init__(self, workbook: Any) -> None:
        self.header: Any = workbook.add_format({"bold": True})
        self.date: Any = workbook.add_format({"num_format": "yyyy-mm-dd"})


def _sheet(
    workbook: Any,
    styles: _Styles,
    name: str,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell | datetime.date]],
) -> None:
    sheet: Any = workbook.add_worksheet(name)
    widths = [len(title) for title in header]
    for col, title in enumerate(header):
        sheet.write_string(0, col, title, styles.header)
    for row_number, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            widths[col] = max(
                widths[col], _write(sheet, styles, row_number, col, value, f"{name}!{header[col]}")
            )
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(header) - 1)
    for col, width in enumerate(widths):
        # Room for the autofilter's button beside the header.
        sheet.set_column(col, col, min(_MAX_WIDTH, max(_MIN_WIDTH, width + 3)))


def _write(sheet: Any, styles: _Styles, row: int, col: int, value: Cell | datetime.date, where: str) -> int:
    """Write *value* in its own type (never a formula); return its width in characters."""
    if value is None:
        return 0
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
        return 5
    if isinstance(value, int):
        sheet.write_number(row, col, value)
        return len(str(value))
    if isinstance(value, datetime.date):
        sheet.write_datetime(row, col, value, styles.date)
        return 10
    # A line break in a cell is a line feed; CR would be written as an escape.
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if len(value) > _MAX_CELL:
        raise ValueError(
            f"{where}: a text of {len(value)} characters does not fit in a cell (at most {_MAX_CELL})"
        )
    sheet.write_string(row, col, value)
    return max(map(len, value.splitlines() or [""]))
