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


def table(columns: Sequence[str], rows: Iterable[Sequence[str]], width: int | None = None) -> str:
    """Return *rows* as an aligned table under upper-case headings, for a terminal.

    Columns are separated by two spaces and the last one is not padded. With a
    *width* (the terminal's), no line is wider: the widest columns are narrowed
    until the table fits, the last (the long value) first in line, and their
    values wrap onto more lines, between words where a word fits.

    >>> print(table(("name", "country"), [("Han Voice", "CA"), ("Amnesty International", "")]), end="")
    NAME                   COUNTRY
    Han Voice              CA
    Amnesty International
    >>> print(table(("id", "text"), [("demand-4", "close the prison camps")], width=22), end="")
    ID        TEXT
    demand-4  close the
              prison camps
    """
    lines = [[_cell(column).upper() for column in columns]]
    lines += [[_cell(value) for value in row] for row in rows]
    natural = [max(_width(line[i]) for line in lines) for i in range(len(columns))]
    widths = natural if width is None else _fitted(natural, lines, width)
    out: list[str] = []
    for line in lines:
        cells = [_wrap(value, w) for value, w in zip(line, widths, strict=True)]
        for k in range(max(len(cell) for cell in cells)):
            parts = [cell[k] if k < len(cell) else "" for cell in cells]
            text = "  ".join(
                part + " " * (w - _width(part)) for part, w in zip(parts, widths, strict=True)
            ).rstrip()
            out.append((text if width is None else _cut(text, width).rstrip()) + "\n")
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


def _fitted(natural: Sequence[int], lines: Sequence[Sequence[str]], width: int) -> list[int]:
    """Return the widths of columns whose *natural* widths may be too wide for a table of *width*.

    Each column keeps its natural width up to a common cap, the largest with
    which the table fits; room left under the cap goes to the last columns
    first. A column is narrowed below its longest word only when the table
    cannot fit otherwise, and below its heading only as the last resort.
    """
    budget = width - 2 * (len(natural) - 1)
    if sum(natural) <= budget:
        return list(natural)
    columns = range(len(natural))
    # The narrowest each column may be: as wide as its longest word, else its heading, else a character.
    for narrowest in (
        [max(_longest_word(line[i]) for line in lines) for i in columns],
        [_width(heading) for heading in lines[0]],
        [max(_char_width(line[i]) for line in lines) for i in columns],
    ):
        floor = [min(n, f) for n, f in zip(natural, narrowest, strict=True)]
        if sum(floor) <= budget:
            break
    cap = max(natural)
    widths = list(natural)
    while cap > 0:
        widths = [max(f, min(n, cap)) for f, n in zip(floor, natural, strict=True)]
        if sum(widths) <= budget:
            break
        cap -= 1
    room = budget - sum(widths)
    for i in reversed(range(len(widths))):
        extra = max(0, min(room, natural[i] - widths[i]))
        widths[i] += extra
        room -= extra
    return widths


def _wrap(text: str, width: int) -> list[str]:
    """Return *text* as lines of at most *width* columns, broken between words where a word fits."""
    if _width(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and _width(line) + 1 + _width(word) <= width:
            line = f"{line} {word}"
            continue
        if line:
            lines.append(line)
        while _width(word) > width:  # a word wider than the column is broken where it must be
            head, word = _split(word, width)
            lines.append(head)
        line = word
    lines.append(line)
    return lines


def _split(word: str, width: int) -> tuple[str, str]:
    """Return the longest head of *word* at most *width* columns wide (at least one character), and the rest.

    >>> _split("북한인권", 5), _split("북한", 1), _split("abc", 5)
    (('북한', '인권'), ('북', '한'), ('abc', ''))
    """
    used = 0
    for i, ch in enumerate(word):
        used += _width(ch)
        if used > width:
            return word[: max(i, 1)], word[max(i, 1) :]
    return word, ""


def _cut(text: str, width: int) -> str:
    """Return *text* cut to *width* columns: the last resort when even one character per column is too wide."""
    if _width(text) <= width:
        return text
    head, _ = _split(text, width)
    return head if _width(head) <= width else ""


def _longest_word(text: str) -> int:
    return max((_width(word) for word in text.split()), default=0)


def _char_width(text: str) -> int:
    return max((_width(ch) for ch in text), default=0) or 1
