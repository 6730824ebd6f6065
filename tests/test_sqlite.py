"""The ``sqlite`` export, read back by the ``sqlite3`` module and served by Datasette over HTTP."""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

import icnk_letter
from icnk_letter import ExportFormat, Release
from icnk_letter._sqlite import render
from icnk_letter._tables import ALL_TABLES, TABLES

# Datasette starts in about a second; a generous bound, so a slow machine does not fail the test.
STARTUP_SECONDS = 60


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled release's SQLite export, written to ``icnk.db``."""
    path = tmp_path_factory.mktemp("sqlite") / "icnk.db"
    path.write_bytes(render(icnk_letter.load()))
    return path


@pytest.fixture
def connection(database: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the export."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def rows(connection: sqlite3.Connection, sql: str, *parameters: object) -> list[tuple[Any, ...]]:
    """Return every row of *sql*."""
    return connection.execute(sql, parameters).fetchall()


class TestFile:
    def test_export_bytes_and_the_command_line(self, database: Path, tmp_path: Path) -> None:
        """export_bytes() gives the database, and ``icnk-letter export sqlite -o`` writes the same bytes."""
        assert database.read_bytes() == icnk_letter.export_bytes(icnk_letter.load(), "sqlite")
        folder = Path(sys.executable).parent
        script = next(
            folder / name for name in ("icnk-letter", "icnk-letter.exe") if (folder / name).is_file()
        )
        target = tmp_path / "icnk.db"
        result = subprocess.run(
            [str(script), "export", "sqlite", "-o", str(target)], capture_output=True, check=False
        )
        assert (0, b"", b"") == (result.returncode, result.stdout, result.stderr)
        assert database.read_bytes() == target.read_bytes()

    def test_is_a_sqlite_database(self, database: Path) -> None:
        """The bytes are a SQLite 3 file whose integrity check passes."""
        assert database.read_bytes()[:16] == b"SQLite format 3\x00"
        connection = sqlite3.connect(database)
        try:
            assert [("ok",)] == rows(connection, "PRAGMA integrity_check")
        finally:
            connection.close()

    def test_same_bytes_run_to_run(self, database: Path, release: Release) -> None:
        """The same release, and an equal but distinct one, give the same bytes, in another process too."""
        again = icnk_letter.from_json(icnk_letter.to_json(release))
        assert database.read_bytes() == render(release) == render(again)
        code = (
            "import hashlib, icnk_letter; from icnk_letter._sqlite import render; "
            "print(hashlib.sha256(render(icnk_letter.load())).hexdigest())"
        )
        other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert hashlib.sha256(database.read_bytes()).hexdigest() == other.stdout.strip()

    def test_no_write_ahead_log(self, connection: sqlite3.Connection) -> None:
        """The file stands alone: rollback journal, fixed page size, compacted."""
        assert [("delete",)] == rows(connection, "PRAGMA journal_mode")
        assert [(4096,)] == rows(connection, "PRAGMA page_size")
        assert [(0,)] == rows(connection, "PRAGMA freelist_count")


class TestTables:
    def test_tables(self, connection: sqlite3.Connection) -> None:
        """A table per kind of record, the release, and the full-text table."""
        names = {name for (name,) in rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")}
        expected = {table.name for table in ALL_TABLES} | {"release", "search"}
        assert expected == {name for name in names if not name.startswith("search_")}

    @pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
    def test_csv_tables_have_the_csv_columns_and_values(
        self, connection: sqlite3.Connection, release: Release, table: Any
    ) -> None:
        """The tables of the CSV exports have their column names, and the same values, row for row."""
        header, *csv_rows = csv.reader(
            io.StringIO(icnk_letter.export(release, cast("ExportFormat", f"csv-{table.name}")), newline="")
        )
        cursor = connection.execute(f'SELECT * FROM "{table.name}"')
        assert header == [column[0] for column in cursor.description]
        as_text = [["" if v is None else str(v) for v in row] for row in cursor.fetchall()]
        booleans = [i for i, column in enumerate(table.columns) if column.type == "boolean"]
        for row in as_text:
            for index in booleans:
                row[index] = {"1": "true", "0": "false", "": ""}[row[index]]
        assert csv_rows == as_text

    def test_primary_and_foreign_keys(self, connection: sqlite3.Connection) -> None:
        """Every table has a primary key; the references are declared and all resolve."""
        for table in ALL_TABLES:
            info = rows(connection, f'PRAGMA table_info("{table.name}")')
            assert list(table.primary_key) == [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
        keys = {
            (table.name, row[3], row[2])
            for table in ALL_TABLES
            for row in rows(connection, f'PRAGMA foreign_key_list("{table.name}")')
        }
        assert {
            ("members", "id", "organizations"),
            ("contacts", "person", "people"),
            ("contacts", "organization", "members"),
            ("affiliations", "person", "people"),
            ("affiliations", "organization", "organizations"),
            ("quotes", "speaker", "people"),
            ("letters", "author", "organizations"),
            ("letters", "recipient", "people"),
            ("roles", "organization", "organizations"),
            ("roles", "of", "organizations"),
        } == keys
        assert [] == rows(connection, "PRAGMA foreign_key_check")

    def test_joins(self, connection: sqlite3.Connection) -> None:
        """The keys join: who is quoted, and who is the press contact of Human Rights Watch."""
        assert [("Ha Tae Keung", "quote-1")] == rows(
            connection, "SELECT people.name, quotes.id FROM quotes JOIN people ON people.id = quotes.speaker"
        )
        assert [("Kanae Doi", "Tokyo"), ("Phil Robertson", "Bangkok")] == rows(
            connection,
            "SELECT people.name, city FROM contacts JOIN people ON people.id = contacts.person "
            "JOIN organizations ON organizations.id = contacts.organization "
            "WHERE organizations.name = 'Human Rights Watch' ORDER BY city DESC",
        )

    def test_organizations(self, connection: sqlite3.Connection, release: Release) -> None:
        """Every organization once, with its kind: the coalition, 39 members, the others."""
        kinds = dict(rows(connection, "SELECT kind, count(*) FROM organizations GROUP BY kind"))
        assert {"coalition": 1, "member": 39, "other": len(release.other_organizations)} == kinds

    def test_release(self, connection: sqlite3.Connection, release: Release) -> None:
        """The release's metadata and its verbatim text, whose sha256 matches."""
        cursor = connection.execute("SELECT * FROM release")
        (row,) = cursor.fetchall()
        data = dict(zip((column[0] for column in cursor.description), row, strict=True))
        assert (release.title, "2012-01-09", release.schema_version, icnk_letter.__version__) == (
            data["title"],
            data["date"],
            data["schema_version"],
            data["package_version"],
        )
        assert release.text == data["text"]
        assert hashlib.sha256(data["text"].encode("utf-8")).hexdigest() == data["sha256"] == release.sha256
        assert "MIT" in data["license"]
        assert "belongs to its authors" in data["license"]

    def test_full_text_search(self, connection: sqlite3.Connection) -> None:
        """The FTS5 table finds names, claims and quotations."""
        found = rows(
            connection, "SELECT kind, id FROM search WHERE search MATCH ? ORDER BY rank", "prison camps"
        )
        assert ("violation", "violation-1") in found
        assert ("demand", "demand-4") in found
        assert [
            ("organization", "international-federation-for-human-rights"),
            ("statement", "statement-1"),
        ] == rows(connection, "SELECT kind, id FROM search WHERE search MATCH ? ORDER BY id", "FIDH")
        assert [("person", "kanae-doi")] == rows(
            connection, "SELECT kind, id FROM search WHERE search MATCH 'kanae'"
        )

    def test_hostile_text_is_stored_as_is(self, release: Release, tmp_path: Path) -> None:
        """Quotes, formula starts and non-ASCII text are stored unchanged, with no CSV guard."""
        name = '=HYPERLINK("x"); DROP TABLE members; -- 김 "quoted"'
        members = [attrs.evolve(release.members[0], name=name), *release.members[1:]]
        path = tmp_path / "hostile.db"
        path.write_bytes(render(attrs.evolve(release, members=members)))
        connection = sqlite3.connect(path)
        try:
            assert [(name,)] == rows(
                connection, "SELECT name FROM members WHERE id = ?", release.members[0].id
            )
        finally:
            connection.close()

    def test_dangling_reference(self, release: Release) -> None:
        """A reference that does not resolve is a DataError naming the table, row and column."""
        quotes = [attrs.evolve(release.quotes[0], speaker="nobody")]
        with pytest.raises(
            icnk_letter.DataError, match=r"quotes\[0\]\.speaker: 'nobody' is not the id of a row of people"
        ):
            render(attrs.evolve(release, quotes=quotes))


# --- Datasette ------------------------------------------------------------------------------------


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def get_json(url: str) -> Any:
    """Return the JSON at *url*."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


@contextlib.contextmanager
def datasette(database: Path) -> Generator[str, None, None]:
    """Serve *database* with ``datasette serve`` on a free local port; yield its base URL; always stop it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        str(database),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                output = server.stdout.read().decode("utf-8", "replace") if server.stdout else ""
                pytest.fail(f"datasette exited with {server.returncode}:\n{output}")
            try:
                get_json(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"datasette did not answer on {base} within {STARTUP_SECONDS} s")
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover (datasette stops on SIGTERM)
            server.kill()
            server.wait()
        if server.stdout:
            server.stdout.close()


def test_datasette_over_http(database: Path, release: Release) -> None:
    """Datasette serves the file unchanged: filters on a table, full-text search, foreign keys."""
    before = database.read_bytes()
    with datasette(database) as base:
        korea = get_json(f"{base}/icnk/members.json?country=KR&_shape=array")
        assert 9 == len(korea)
        assert {"KR"} == {row["country"] for row in korea}
        assert [m.id for m in release.members if m.country == "KR"] == [row["id"] for row in korea]
        found = get_json(f"{base}/icnk/search.json?_search=prison+camps&_shape=array")
        assert "violation-1" in [row["id"] for row in found]
        claims = get_json(f"{base}/icnk/claims.json?kind=violation&_shape=array")
        assert ["violation-1", "violation-2", "violation-3", "violation-4"] == [row["id"] for row in claims]
        quote = get_json(f"{base}/icnk/quotes.json?_shape=array&_labels=on")
        assert {"value": "ha-tae-keung", "label": "Ha Tae Keung"} == quote[0]["speaker"]
        release_row = get_json(f"{base}/icnk/release.json?_shape=array")
        assert release.sha256 == release_row[0]["sha256"]
    assert before == database.read_bytes()
