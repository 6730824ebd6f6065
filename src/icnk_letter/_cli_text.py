"""Plain text for the command line: aligned tables, tab-separated lines and member rows.

This module needs nothing but the standard library (no attrs, no records), so
that ``icnk-letter members`` can print the member list straight from the
bundled data without building the record classes; :mod:`icnk_letter._cli_render`
builds the other rows from records and uses the same tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

__all__ = ["MEMBER_COLUMNS", "Row", "member_cells", "table", "tsv"]

Row = tuple[str, ...]

MEMBER_COLUMNS: Final[Row] = ("country", "acronym", "name")


def member_cells(country: str | None, acronym: str | None, name: str) -> Row:
    """Return the row of a member: its country code, acronym and name (the long value last).

    >>> member_cells("CA", None, "Han Voice")
    ('CA', '', 'Han Voice')
    """
    return (country or "", acronym or "", name)


def table(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return *rows* as an aligned table under upper-case headings, for a terminal.

    Columns are separated by two spaces; the last one is not padded, so a long
    value (a claim's text) wraps at the terminal's edge instead of pushing the
    other columns apart.

    >>> print(table(("name", "country"), [("Han Voice", "CA"), ("Amnesty International", "")]), end="")
    NAME                   COUNTRY
    Han Voice              CA
    Amnesty International
    """
    lines = [[_cell(column).upper() for column in columns]]
    lines += [[_cell(value) for value in row] for row in rows]
    widths = [max(_width(line[i]) for line in lines) for i in range(len(columns))]
    out: list[str] = []
    for line in lines:
        padded = [value + " " * (width - _width(value)) for value, width in zip(line, widths, strict=True)]
        out.append("  ".join(padded).rstrip() + "\n")
    return "".join(out)


def tsv(rows: Iterable[Sequence[str]]) -> str:
    """Return *rows* as tab-separated lines without a heading, for pipes and scripts.

    A tab or line break inside a value becomes a space, so that every record is
    exactly one line of exactly as many fields as there are columns.

    >>> tsv([("Han Voice", "", "CA"), ("a\\tb", "c\\nd", "")])
    'Han Voice\\t\\tCA\\na b\\tc d\\t\\n'
    """
    return "".join("\t".join(_cell(value) for value in row) + "\n" for row in rows)


def _cell(value: str) -> str:
    return value.replace("\r\n", " ").replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _width(text: str) -> int:
    """Return how many columns *text* takes on a terminal (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )
