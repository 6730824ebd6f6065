"""The ``xlsx`` export, read back by openpyxl and by LibreOffice Calc (headless, to CSV).

LibreOffice is a real program: on a machine without it the test that needs
it is skipped with a one-line reason, and under CI (``ICNK_REQUIRE_PROGRAMS=1``)
its absence is a failure (see ``tests/programs.py``).
"""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils import get_column_letter

import icnk_letter
from icnk_letter import Release, _cli
from icnk_letter._tables import Cell
from icnk_letter._xlsx import SHEETS, TABLES

from .programs import require_program

EXAMPLES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Text that a spreadsheet would take for something else: formulas (with a space or a full-width
# sign first too), numbers, dates, booleans, escapes of the file format, line breaks, non-ASCII.
TRICKY = (
    "=1+1",
    " =1+1",
    "+44 20 8329 0045",
    "-1",
    "@SUM(A1:A2)",
    "\uff1d1+1",
    "0123",
    "1e5",
    "TRUE",
    "2012-01-09",
    "3/4",
    "_x0041_",
    "'quoted",
    "line one\nline two",
    "  spaces  ",
    "Amnistía Internacional 국제앰네스티 \U0001f600",
)
HOSTILE = st.text(
    st.sampled_from(list("=+-@ \t\n'\"\\,;_x0A9aé€김\U0001f600"))
    | st.characters(codec="utf-8", exclude_categories=["Cs"]),
    min_size=1,
    max_size=60,
)


def workbook(data: bytes) -> Any:
    """The workbook *data*, read by openpyxl."""
    return openpyxl.load_workbook(io.BytesIO(data))


def values(sheet: Any) -> list[list[Any]]:
    """Every row of *sheet* as openpyxl reads its values."""
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def expected_rows(release: Release) -> dict[str, list[list[Cell | datetime.date]]]:
    """What each sheet must hold: the header, then the raw values of its table (no formula guard)."""
    sheets: dict[str, list[list[Cell | datetime.date]]] = {
        table.name: [list(row) for row in table.rows(release)] for table in TABLES
    }
    sheets["release"] = [
        ["field", "value"],
        ["id", release.id],
        ["title", release.title],
        ["dateline", release.dateline],
        ["date", release.date],
        ["date_as_printed", release.date_as_printed],
        ["stated_organization_count", release.stated_organization_count],
        ["sha256", release.sha256],
        ["schema_version", release.schema_version],
    ]
    return sheets


def as_openpyxl(value: Cell | datetime.date) -> Any:
    """What openpyxl gives for a value: dates as midnight datetimes, text as a cell holds it."""
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    if isinstance(value, str):
        return clean(value)
    return value


def clean(text: str) -> str:
    """What a cell holds of *text*: line breaks as LF, control characters XML cannot hold dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in text if c in "\t\n" or ord(c) >= 32)


def as_csv(value: Cell | datetime.date) -> str:
    """What LibreOffice's CSV gives for a value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return clean(str(value))


def with_text(release: Release, texts: Sequence[str]) -> Release:
    """*release* with *texts* as the names and other text of a member, a person, a contact and a claim."""
    name, family, given_name, city, claim_text, *_ = [*texts, *["x"] * 5]
    member = attrs.evolve(release.members[32], name=name, acronym=family, listed_as=claim_text)
    person = attrs.evolve(
        release.people[1], name=name, family_name=family, given_name=given_name, description=city
    )
    contact = attrs.evolve(release.contacts[0], city=city, role=given_name)
    claim = attrs.evolve(release.claims[0], text=claim_text)
    return attrs.evolve(
        release,
        people=[release.people[0], person, *release.people[2:]],
        members=[*release.members[:32], member, *release.members[33:]],
        contacts=[contact, *release.contacts[1:]],
        claims=[claim, *release.claims[1:]],
    )


class TestOpenpyxl:
    def test_sheets(self, release: Release) -> None:
        """One sheet per table, in order, each read back value for value."""
        book = workbook(icnk_letter.export_bytes(release, "xlsx"))
        assert list(SHEETS) == book.sheetnames
        for name, rows in expected_rows(release).items():
            assert [[as_openpyxl(v) for v in row] for row in rows] == values(book[name]), name

    def test_types(self, release: Release) -> None:
        """Ids and phone numbers are text, figures and offsets numbers, the date a real date."""
        book = workbook(icnk_letter.export_bytes(release, "xlsx"))
        tokyo = book["contacts"][3]
        assert ("s", "s", "n") == (tokyo[0].data_type, tokyo[12].data_type, tokyo[15].data_type)
        assert ("contact-tokyo", "tel:+81-3-5282-5162 tel:+81-90-2301-4372", 3065) == (
            tokyo[0].value,
            tokyo[12].value,
            tokyo[15].value,
        )
        statement = book["claims"][2]
        assert (3, True) == (statement[3].value, statement[5].value)
        assert ("n", "b") == (statement[3].data_type, statement[5].data_type)
        date = book["release"]["B5"]
        assert (datetime.datetime(2012, 1, 9), "yyyy-mm-dd") == (date.value, date.number_format)
        assert date.is_date
        fidh = book["sources"][2]
        assert ("fidh", datetime.datetime(2012, 1, 8), True) == (
            fidh[0].value,
            fidh[4].value,
            fidh[4].is_date,
        )
        assert release.sources[0].facts == tuple(fidh[6].value.split("\n"))

    def test_layout(self, release: Release) -> None:
        """A bold, frozen header row, an autofilter over the table and widths that fit."""
        book = workbook(icnk_letter.export_bytes(release, "xlsx"))
        for sheet in book:
            rows, columns = sheet.max_row, sheet.max_column
            assert all(cell.font.bold for cell in sheet[1]), sheet.title
            assert not any(cell.font.bold for cell in sheet[2]), sheet.title
            assert "A2" == sheet.freeze_panes
            assert f"A1:{get_column_letter(columns)}{rows}" == sheet.auto_filter.ref
            widths = [sheet.column_dimensions[get_column_letter(c)].width for c in range(1, columns + 1)]
            assert all(6 <= width <= 61 for width in widths), (sheet.title, widths)
        members = book["members"]
        # XlsxWriter adds 0.71 of padding to the width asked for: the longest value or the header,
        # 3 more for the filter button, at most 60.
        assert (60.71, 10.71, 13.71) == tuple(
            round(members.column_dimensions[column].width, 2) for column in ("A", "D", "G")
        )

    def test_no_formula_ever(self, release: Release) -> None:
        """A hostile text is a plain string cell: no formula, no quote prefix, nothing calculated."""
        hostile = with_text(release, TRICKY[:5])
        data = icnk_letter.export_bytes(hostile, "xlsx")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = b"".join(archive.read(name) for name in archive.namelist())
        assert b"<f>" not in xml
        assert b"<f " not in xml
        assert b"quotePrefix" not in xml
        member = workbook(data)["members"][34]
        assert ("=1+1", "s", False) == (member[1].value, member[1].data_type, member[1].quotePrefix)
        assert " =1+1" == member[2].value

    @EXAMPLES
    @given(st.lists(HOSTILE | st.sampled_from(TRICKY), min_size=5, max_size=5))
    def test_hostile(self, texts: list[str]) -> None:
        """Any text comes back from openpyxl exactly as it was."""
        release = with_text(icnk_letter.load(), texts)
        book = workbook(icnk_letter.export_bytes(release, "xlsx"))
        for name, rows in expected_rows(release).items():
            assert [[as_openpyxl(v) for v in row] for row in rows] == values(book[name]), name

    def test_same_bytes(self, release: Release) -> None:
        """The same release gives the same bytes, whenever it runs: the creation time is fixed."""
        again = icnk_letter.from_json(icnk_letter.to_json(release))
        data = icnk_letter.export_bytes(release, "xlsx")
        assert data == icnk_letter.export_bytes(again, "xlsx")
        assert datetime.datetime(2012, 1, 9) == workbook(data).properties.created
        script = "import sys, icnk_letter; sys.stdout.buffer.write(icnk_letter.export_bytes(icnk_letter.load(), 'xlsx'))"
        assert data == subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout

    def test_text_too_long_for_a_cell(self, release: Release) -> None:
        """A text longer than a cell can hold is a ValueError naming the sheet and the column."""
        long = attrs.evolve(
            release, claims=[attrs.evolve(release.claims[0], text="a" * 32_768), *release.claims[1:]]
        )
        with pytest.raises(
            ValueError, match=r"^claims!text: a text of 32768 characters does not fit in a cell"
        ):
            icnk_letter.export_bytes(long, "xlsx")

    def test_export_refuses(self, release: Release) -> None:
        """export() is for text: it names export_bytes."""
        with pytest.raises(ValueError, match=r"^'xlsx' is a binary format: use export_bytes\(obj, 'xlsx'\)"):
            icnk_letter.export(release, "xlsx")

    def test_without_xlsxwriter(self, release: Release, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without XlsxWriter, the error says what to install."""
        monkeypatch.setitem(sys.modules, "xlsxwriter", None)
        fresh = icnk_letter.from_json(icnk_letter.to_json(release))  # nothing cached
        with pytest.raises(
            ModuleNotFoundError,
            match=r"^the xlsx export needs XlsxWriter, .*: pip install 'icnk-letter\[xlsx\]' \(in a clone: pip install '\.\[xlsx\]'\)$",
        ):
            icnk_letter.export_bytes(fresh, "xlsx")


class TestCli:
    def test_to_a_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path, release: Release) -> None:
        """``export xlsx -o FILE`` writes the workbook's bytes."""
        target = tmp_path / "icnk.xlsx"
        assert 0 == _cli.main(["export", "xlsx", "-o", str(target)])
        assert ("", "") == capsys.readouterr()
        assert icnk_letter.export_bytes(release, "xlsx") == target.read_bytes()

    def test_not_to_a_terminal(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A binary format is not written to a terminal: one line says how to write it."""
        monkeypatch.setattr(_cli, "stdout_is_a_terminal", lambda: True)
        assert 2 == _cli.main(["export", "xlsx"])
        message = "icnk-letter: xlsx is a binary format, not for a terminal: give a file with --output icnk.xlsx, or pipe it\n"
        assert ("", message) == capsys.readouterr()

    def test_without_xlsxwriter(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Without XlsxWriter, the command says what to install, exit code 1, and writes nothing."""
        monkeypatch.setitem(sys.modules, "xlsxwriter", None)
        monkeypatch.setattr(
            _cli, "_release", lambda: icnk_letter.from_json(icnk_letter.to_json(icnk_letter.load()))
        )
        assert 1 == _cli.main(["export", "xlsx", "-o", str(tmp_path / "x.xlsx")])
        assert (
            "",
            "icnk-letter: the xlsx export needs XlsxWriter, which is not installed: pip install 'icnk-letter[xlsx]' (in a clone: pip install '.[xlsx]')\n",
        ) == capsys.readouterr()
        assert [] == list(tmp_path.iterdir())


def libreoffice_csv(data: bytes, tmp_path: Path) -> dict[str, list[list[str]]]:
    """Convert the workbook *data* to CSV with LibreOffice Calc, headless; return each sheet's rows."""
    soffice = require_program(
        "soffice", "libreoffice", purpose="check that LibreOffice Calc reads the xlsx export"
    )
    source = tmp_path / "icnk.xlsx"
    source.write_bytes(data)
    # UTF-8 (76), a header, raw values rather than as shown, every sheet to its own file (-1).
    filter_options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            filter_options,
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert 0 == result.returncode, result.stderr.decode(errors="replace")
    sheets: dict[str, list[list[str]]] = {}
    for name in SHEETS:
        text = (tmp_path / f"icnk-{name}.csv").read_text(encoding="utf-8")
        sheets[name] = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    return sheets


def test_libreoffice(release: Release, tmp_path: Path) -> None:
    """LibreOffice converts every sheet to CSV with every value intact, hostile texts included."""
    hostile = with_text(
        release, [" =1+1", "=1+1", "+44 20 8329 0045", "0123", "line one\nline two  é김\U0001f600"]
    )
    sheets = libreoffice_csv(icnk_letter.export_bytes(hostile, "xlsx"), tmp_path)
    expected = {
        name: [[as_csv(v) for v in row] for row in rows] for name, rows in expected_rows(hostile).items()
    }
    assert expected == sheets
    assert [" =1+1", "=1+1"] == sheets["members"][33][1:3]  # the 33rd member, after the header
