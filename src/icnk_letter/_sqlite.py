"""The SQLite database: every table of the release, a full-text index, and the release itself.

Built with the standard library's :mod:`sqlite3`, for Datasette, the
``sqlite3`` shell and any SQL tool. The tables are those of the data package
(:data:`~icnk_letter._tables.ALL_TABLES`, with the same column names as the
CSV exports where a CSV export has the table), each with its primary key and
foreign keys; among them ``release``, one row with the release's metadata
(title, dateline, date, sha256, schema and package version, licence) and its
verbatim text. Beside them, ``search`` is an FTS5 full-text table over the
names of the organizations and people, the claims' text and the quotations,
with the ``kind`` and ``id`` of the record each row comes from.

Text cells hold the values as they are, with no formula guard: a database is
not a spreadsheet. Booleans are integers (1 and 0), as SQLite stores them.

The file is deterministic: it is built in memory with a fixed page size and
no timestamp anywhere, then written compacted by ``VACUUM INTO`` into a
temporary file (rollback journal, no write-ahead log), so the same release
gives the same bytes on every run with the same SQLite library. (The file's header records the SQLite version that
wrote it, so two versions of SQLite write different bytes.)
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final

from ._model import Release
from ._tables import ALL_TABLES, Cell, Table, check_references

__all__ = ["render"]

_TYPES: Final = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER", "date": "TEXT"}


def render(release: Release) -> bytes:
    """Return *release* as the bytes of a SQLite database file.

    Raises:
        DataError: if a reference of the release does not resolve.

    >>> import icnk_letter
    >>> data = render(icnk_letter.load())
    >>> data[:16]
    b'SQLite format 3\\x00'
    """
    check_references(release)
    # Built in memory, then written out compacted by VACUUM INTO: one write of the final pages.
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _build(connection, release)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "release.db")
            connection.execute("VACUUM INTO ?", (str(path),))
            return path.read_bytes()
    finally:
        connection.close()


def _build(connection: sqlite3.Connection, release: Release) -> None:
    connection.execute("PRAGMA page_size = 4096")
    # A temporary file read back at once: no need to wait for the disk.
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("BEGIN")
    for table in ALL_TABLES:
        connection.execute(_create(table))
    # Referenced tables first, so that every row's keys exist when it is written.
    for table in sorted(ALL_TABLES, key=_depth):
        placeholders = ", ".join("?" for _ in table.columns)
        connection.executemany(
            f"INSERT INTO {_quote(table.name)} VALUES ({placeholders})", list(_rows(table, release))
        )
    _write_search(connection, release)
    connection.execute("COMMIT")


def _depth(table: Table) -> int:
    tables = {t.name: t for t in ALL_TABLES}
    depth = 0
    pending = [(table, 0)]
    while pending:
        current, level = pending.pop()
        depth = max(depth, level)
        pending.extend(
            (tables[key.table], level + 1) for key in current.foreign_keys if key.table != current.name
        )
    return depth


def _rows(table: Table, release: Release) -> Iterator[list[Cell]]:
    rows = table.rows(release)
    next(rows)  # the header
    return rows


def _create(table: Table) -> str:
    lines: list[str] = []
    for column in table.columns:
        line = f"{_quote(column.name)} {_TYPES[column.type]}"
        if column.required:
            line += " NOT NULL"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(map(_quote, table.primary_key))})")
    lines.extend(
        f"FOREIGN KEY ({_quote(key.column)}) REFERENCES {_quote(key.table)} (id)"
        for key in table.foreign_keys
    )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {_quote(table.name)} (\n  {body}\n)"


def _write_search(connection: sqlite3.Connection, release: Release) -> None:
    connection.execute("CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, text)")
    rows: list[tuple[str, str, str]] = []
    for organization in release.organizations:
        name = organization.name
        if organization.acronym is not None:
            name += f" ({organization.acronym})"
        rows.append(("organization", organization.id, name))
    rows.extend(("person", person.id, person.name) for person in release.people)
    rows.extend(("quote", quote.id, quote.text) for quote in release.quotes)
    rows.extend((claim.kind.value, claim.id, claim.text) for claim in release.claims)
    connection.executemany("INSERT INTO search VALUES (?, ?, ?)", rows)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
