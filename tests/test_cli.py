"""The ``icnk-letter`` command line (issue 5).

Three groups of tests: the installed console script, run as a subprocess, for
every command and option (output, errors, exit codes, pipes, locale); ``main()``
run in process for the details of the formatting and the error paths (fast, and
seen by coverage); and the sessions of ``docs/cli.md``, whose every command is
run and compared with the output the page shows.
"""

from __future__ import annotations

import doctest
import io
import json
import os
import re
import runpy
import shlex
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import attrs
import pytest

import icnk_letter
from icnk_letter import _cli, formats

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
README = Path(__file__).resolve().parent.parent / "README.md"
COMMANDS = ("summary", "members", "contacts", "claims", "show", "search", "text", "export", "verify")
# What a --country message lists: the countries of the members, for what --country can find.
COUNTRIES = (
    "the members' countries are BD (Bangladesh), BE (Belgium), BR (Brazil), CA (Canada), "
    "CZ (Czech Republic), ID (Indonesia), JP (Japan), KR (South Korea), TH (Thailand), "
    "US (United States) and 'none' (13 printed without a country)"
)

# The files of a data package, sorted: what `export datapackage` writes into its folder.
PACKAGE_FILES = [
    "affiliations.csv",
    "claims.csv",
    "contacts.csv",
    "datapackage.json",
    "discrepancies.csv",
    "inferences.csv",
    "letters.csv",
    "members.csv",
    "organizations.csv",
    "people.csv",
    "quotes.csv",
    "release.csv",
    "roles.csv",
    "sources.csv",
]


def find_script() -> str:
    """Return the ``icnk-letter`` console script installed beside this interpreter."""
    folder = Path(sys.executable).parent
    for name in ("icnk-letter", "icnk-letter.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    found = shutil.which("icnk-letter")
    if found is None:
        pytest.fail(f"the icnk-letter console script is not installed (not in {folder}, nor on PATH)")
    return found


@pytest.fixture(scope="session")
def script() -> str:
    return find_script()


def run(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the installed script with *args*, its stdout and stderr captured (so not a terminal)."""
    return subprocess.run([script, *args], capture_output=True, env=env, timeout=60, check=False)


def ok(result: subprocess.CompletedProcess[bytes]) -> str:
    """Return the stdout of a run that must have succeeded quietly."""
    assert (result.returncode, result.stderr) == (0, b"")
    return result.stdout.decode("utf-8")


def members_tsv(members: Sequence[icnk_letter.Organization]) -> str:
    return "".join(f"{m.country or ''}\t{m.acronym or ''}\t{m.name}\n" for m in members)


# -- the installed console script ----------------------------------------------------------


class TestInstalledScript:
    """The console script, as users and shell scripts run it."""

    def test_summary(self, script: str, release: icnk_letter.Release) -> None:
        """No command, ``summary`` and ``python -m icnk_letter`` print the same summary."""
        outputs = [
            ok(run(script)),
            ok(run(script, "summary")),
            ok(run(sys.executable, "-m", "icnk_letter")),
        ]
        assert outputs[0] == outputs[1] == outputs[2]
        lines = outputs[0].splitlines()
        assert release.title == lines[0]
        assert "Date:      2012-01-09 (printed '1.9.2012', read as month.day.year)" in lines
        assert "Members:   39 listed; the release states 43 organizations released the letter" in lines
        assert "Claims:    16 (4 violations, 8 demands, 4 statements)" in lines
        assert any(line.startswith("Source:") and release.sha256 in line for line in lines)

    def test_version(self, script: str, release: icnk_letter.Release) -> None:
        """``--version`` names the library version, the data schema version and the text's sha256."""
        expected = (
            f"icnk-letter {icnk_letter.__version__} "
            f"(data schema {icnk_letter.SCHEMA_VERSION}, text sha256 {release.sha256})\n"
        )
        assert expected == ok(run(script, "--version"))

    def test_help(self, script: str) -> None:
        """``--help`` lists every command and the exit codes."""
        out = ok(run(script, "--help"))
        assert out.startswith("usage: icnk-letter")
        assert all(f"    {command}" in out for command in COMMANDS)
        assert "Exit codes: 0 success" in out

    def test_members(self, script: str, release: icnk_letter.Release) -> None:
        """In a pipe, ``members`` prints one tab-separated line per member, without a heading."""
        assert members_tsv(release.members) == ok(run(script, "members"))

    def test_members_by_country(self, script: str, release: icnk_letter.Release) -> None:
        """``--country`` takes the names the library understands."""
        expected = members_tsv(release.members.filter(country="KR"))
        assert expected == ok(run(script, "members", "--country", "ROK"))

    def test_members_without_a_country(self, script: str, release: icnk_letter.Release) -> None:
        """``--country none`` (or ``-``) lists the members printed without a country."""
        expected = members_tsv(release.members.filter(country=None))
        assert (expected, expected) == (
            ok(run(script, "members", "--country", "none")),
            ok(run(script, "members", "--country", "-")),
        )
        assert expected.count("\n") == 13

    def test_contacts_filters(self, script: str) -> None:
        """``contacts`` takes --language, --city and --organization together."""
        out = ok(
            run(
                script,
                "contacts",
                "--language",
                "ko",
                "--city",
                "Seoul",
                "--organization",
                "Open North Korea",
            )
        )
        expected = (
            "Seoul\tHa Tae Keung\tOpen North Korea\tKorean, English\t+82-50-5470-7470\topennk@naver.com\n"
        )
        assert expected == out

    def test_claims_filters(self, script: str) -> None:
        """``claims`` takes --kind and --has-quantity."""
        out = ok(run(script, "claims", "--kind", "violation", "--has-quantity"))
        assert [line.split("\t")[0] for line in out.splitlines()] == ["violation-1", "violation-3"]
        assert "violation-1\tviolation\tOver 200,000\tOver 200,000 men," in out

    def test_json_format(self, script: str, release: icnk_letter.Release) -> None:
        """``--format json`` is the library's JSON of the records listed."""
        expected = icnk_letter.to_json(release.claims.filter(kind="demand"), indent=2) + "\n"
        assert expected == ok(run(script, "claims", "--kind", "demand", "--format", "json"))

    def test_csv_format(self, script: str, release: icnk_letter.Release) -> None:
        """``--format csv`` of a whole listing is the CSV export, byte for byte."""
        result = run(script, "contacts", "--format", "csv")
        assert (result.returncode, result.stderr) == (0, b"")
        assert icnk_letter.export(release, "csv-contacts").encode() == result.stdout

    def test_show(self, script: str) -> None:
        """``show`` finds a record by a phone number written another way, and prints it in full."""
        out = ok(run(script, "show", "tel:+81-3-5282-5162"))
        assert out.startswith("type:                    contact\nid:                      contact-tokyo\n")
        assert "person:                  kanae-doi (Kanae Doi)\n" in out
        assert "    «Tokyo, Kanae Doi, Human Rights Watch (Japanese, English): 03-5282-5162;" in out

    def test_unknown_key(self, script: str) -> None:
        """An unknown key exits with 1 and one line on stderr that names it and suggests another."""
        result = run(script, "show", "Amnesty Internacional")
        message = (
            "icnk-letter: no record matches 'Amnesty Internacional'; did you mean 'Amnesty International'?\n"
        )
        assert (1, b"", message) == (result.returncode, result.stdout, result.stderr.decode())

    def test_search(self, script: str) -> None:
        """``search`` prints ranked hits with score, kind, id, field and the value that matched."""
        out = ok(run(script, "search", "humen rihgts watch", "--kind", "organizations", "--limit", "1"))
        assert out == "0.567\torganization\thuman-rights-watch\tname\tHuman Rights Watch\n"

    def test_search_without_hits(self, script: str) -> None:
        """A search that finds nothing exits with 1 and says so on stderr."""
        result = run(script, "search", "xyzzy")
        assert (
            result.returncode,
            result.stdout,
            result.stderr,
        ) == (1, b"", b"icnk-letter: nothing matches 'xyzzy'\n")

    def test_text(self, script: str, release: icnk_letter.Release) -> None:
        """``text`` writes the verbatim release, byte for byte, without a final newline."""
        result = run(script, "text")
        assert (result.returncode, result.stderr) == (0, b"")
        assert release.text.encode("utf-8") == result.stdout

    @pytest.mark.parametrize("fmt", icnk_letter.EXPORT_FORMATS)
    def test_export(self, script: str, release: icnk_letter.Release, fmt: icnk_letter.ExportFormat) -> None:
        """``export FORMAT`` writes exactly the bytes of ``icnk_letter.export_bytes()`` (CRLF kept) to a pipe."""
        result = run(script, "export", fmt)
        assert (result.returncode, result.stderr) == (0, b"")
        assert icnk_letter.export_bytes(release, fmt) == result.stdout

    def test_export_help_lists_the_formats(self, script: str) -> None:
        """``export --help`` describes every format of the registry, one entry each."""
        out = ok(run(script, "export", "--help", env={**os.environ, "COLUMNS": "80"}))
        assert max(len(line) for line in out.splitlines()) <= 80
        out = out.replace("\n" + " " * 16, " ")  # the descriptions' wrapped lines, joined
        for fmt in formats.all_formats():
            assert f"\n  {fmt.name:<13} {fmt.description}" in out
        assert "\n  datapackage   a folder" in out

    def test_export_to_file(self, script: str, release: icnk_letter.Release, tmp_path: Path) -> None:
        """``--output`` writes the file (and only it) and prints nothing."""
        target = tmp_path / "contacts.vcf"
        assert ok(run(script, "export", "vcard", "--output", str(target))) == ""
        assert icnk_letter.export(release, "vcard").encode("utf-8") == target.read_bytes()
        assert [p.name for p in tmp_path.iterdir()] == ["contacts.vcf"]

    def test_export_into_missing_folder(self, script: str, tmp_path: Path) -> None:
        """A missing folder is one clear line on stderr, exit code 1, and nothing written."""
        target = tmp_path / "missing" / "contacts.vcf"
        result = run(script, "export", "vcard", "-o", str(target))
        message = (
            f"icnk-letter: cannot write {str(target)!r}: the folder {str(target.parent)!r} does not exist\n"
        )
        assert (1, b"", message) == (result.returncode, result.stdout, result.stderr.decode())
        assert list(tmp_path.iterdir()) == []

    def test_export_datapackage(self, script: str, tmp_path: Path) -> None:
        """``export datapackage --output DIR`` writes the data package into the folder."""
        target = tmp_path / "icnk-data"
        assert ok(run(script, "export", "datapackage", "--output", str(target))) == ""
        names = sorted(p.name for p in target.iterdir())
        assert names == PACKAGE_FILES
        assert [p.name for p in tmp_path.iterdir()] == ["icnk-data"]

    def test_verify(self, script: str) -> None:
        """``verify`` prints the report and exits with 0 for the bundled data."""
        out = ok(run(script, "verify"))
        assert out.startswith(f"{str(icnk_letter.verify()).splitlines()[0]}\n")
        assert "- member-count: " in out

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["members", "--colour"], "unrecognized arguments: --colour"),
            (["members", "--country", "Korea"], "unknown country 'Korea'"),
        ],
    )
    def test_usage_errors(self, script: str, args: list[str], message: str) -> None:
        """A bad option, command or value exits with 2 and says what was wrong on stderr, without a traceback."""
        result = run(script, *args)
        assert (result.returncode, result.stdout) == (2, b"")
        stderr = result.stderr.decode()
        assert message in stderr
        assert "Traceback" not in stderr

    @pytest.mark.parametrize("fmt", ["table", "tsv"])
    def test_members_fast_path_matches_the_records(
        self, fmt: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The member list read straight from the data is what the records say, row for row."""
        from icnk_letter._cli_render import listing, table, tsv

        assert 0 == _cli.main(["members", "--format", fmt])
        release = icnk_letter.load()
        columns, rows = listing("members", release.members, release)
        assert (table(columns, rows) if fmt == "table" else tsv(rows)) == capsys.readouterr().out

    def test_members_imports_little(self) -> None:
        """``icnk-letter members`` reads the bundled data and nothing more: no attrs, cattrs, search or exports."""
        code = (
            "import os, sys\n"
            "from icnk_letter._cli import main\n"
            "with open(os.devnull, 'w', encoding='utf-8') as sink:\n"
            "    sys.stdout = sink\n"
            "    main(['members'])\n"
            "sys.stdout = sys.__stdout__\n"
            "print(' '.join(sorted(sys.modules)))\n"
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=True)
        loaded = set(result.stdout.decode().split())
        assert "icnk_letter._data" in loaded
        unwanted = ["attrs", "icnk_letter._model", "cattrs", "csv", "difflib", "icnk_letter._search"]
        unwanted += ["icnk_letter._convert"]
        unwanted += [
            "icnk_letter._export",
            "icnk_letter._tables",
            "icnk_letter._filters",
            "icnk_letter._verify",
        ]
        assert [name for name in unwanted if name in loaded] == []

    def test_closed_pipe(self, script: str) -> None:
        """A reader that closes the pipe before anything is written ends the script quietly with 141."""
        with subprocess.Popen(
            [script, "export", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.close()  # before the script has had time to start
            stderr = process.stderr.read()
            code = process.wait(timeout=60)
        assert (code, stderr) == (141, b"")

    def test_head(self, script: str) -> None:
        """``icnk-letter members | head -n 1`` prints the first member and no traceback."""
        command = f"{shlex.quote(script)} members | head -n 1"
        result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60, check=False)
        assert (
            result.returncode,
            result.stdout,
            result.stderr,
        ) == (0, b"\t\tAdvocates International Global Council\n", b"")

    @pytest.mark.parametrize(
        "locale",
        [{"LANG": "C"}, {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}],
        ids=["LANG=C", "LC_ALL=C-no-utf8"],
    )
    def test_c_locale(self, script: str, locale: dict[str, str]) -> None:
        """Output is UTF-8 in the C locale, with PYTHONIOENCODING unset; non-ASCII arguments survive."""
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8"))
        }
        env.update(locale)
        shown = run(script, "show", "Amnesty International", env=env)
        assert (shown.returncode, shown.stderr) == (0, b"")
        assert "    «Amnesty International»\n".encode() in shown.stdout
        missing = run(script, "show", "Amnésty Internaciónal", env=env)
        expected = (
            "icnk-letter: no record matches 'Amnésty Internaciónal'; did you mean 'Amnesty International'?\n"
        )
        assert (1, expected) == (missing.returncode, missing.stderr.decode("utf-8"))


# -- main() in process -------------------------------------------------------------------------


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``main(args)`` in process; return the exit code, stdout and stderr."""
    code = _cli.main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test without ``COLUMNS``, whatever the shell that started pytest exports."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the command line believe that stdout is a terminal."""
    monkeypatch.setattr(_cli, "stdout_is_a_terminal", lambda: True)


class TestHelp:
    """Every command has a --help with an example."""

    @pytest.mark.parametrize("command", COMMANDS)
    def test_command_help(self, capsys: pytest.CaptureFixture[str], command: str) -> None:
        """``COMMAND --help`` prints the usage, a description and at least one example, and exits with 0."""
        code, out, err = call(capsys, command, "--help")
        assert (code, err) == (0, "")
        assert out.startswith(f"usage: icnk-letter {command} ")
        assert re.search(rf"^examples?:\n  icnk-letter {command}", out, re.MULTILINE)

    @pytest.mark.parametrize("command", ["", *COMMANDS])
    def test_examples_work(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path,
        command: str,
    ) -> None:
        """Every example of a --help succeeds (run without its pipe or redirection)."""
        _, out, _ = call(capsys, *([command] if command else []), "--help")
        examples = re.findall(r"^  (icnk-letter\b[^|>\n]*?)(?:  +\w.*| *[|>].*)?$", out, re.MULTILINE)
        assert examples
        monkeypatch.chdir(tmp_path)
        for example in examples:
            code, _, err = call(capsys, *shlex.split(example)[1:])
            assert (code, err) == (0, ""), example

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["frobnicate"], "invalid choice: 'frobnicate'"),
            (["export", "xml"], "invalid choice: 'xml'"),
            (["show"], "the following arguments are required: key"),
            (
                ["claims", "--kind", "violent"],
                "argument --kind: unknown kind of claim 'violent'; "
                "the kinds of claim are violation, demand and statement (singular or plural)",
            ),
            (
                ["search", "x", "--kind", "things"],
                "argument --kind: unknown kind of record 'things'; the kinds of record are organizations, "
                "members, people, contacts, claims, quotes and letters (singular or plural)",
            ),
        ],
    )
    def test_usage_errors(self, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
        """argparse's errors print the usage, then the error, and return 2."""
        code, out, err = call(capsys, *args)
        assert (code, out) == (2, "")
        assert err.startswith("usage: icnk-letter")
        assert message in err.splitlines()[-1]

    def test_argv_default(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """Without arguments, main() reads sys.argv."""
        monkeypatch.setattr(sys, "argv", ["icnk-letter", "claims", "--kind", "statement", "--format", "tsv"])
        code = _cli.main()
        out, _ = capsys.readouterr()
        assert (
            code,
            [line.split("\t")[0] for line in out.splitlines()],
        ) == (0, ["statement-1", "statement-2", "statement-3", "statement-4"])


class TestPythonDashM:
    """``python -m icnk_letter``, run in process with runpy."""

    def test_runs_the_command_line(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Run as ``__main__``, the module runs main() with sys.argv and exits with its code."""
        monkeypatch.setattr(sys, "argv", ["icnk_letter", "claims", "--kind", "statement", "--format", "tsv"])
        with pytest.raises(SystemExit) as info:
            runpy.run_module("icnk_letter", run_name="__main__")
        out, err = capsys.readouterr()
        assert (0, ["statement-1", "statement-2", "statement-3", "statement-4"], "") == (
            info.value.code,
            [line.split("\t")[0] for line in out.splitlines()],
            err,
        )

    def test_import_runs_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Imported under its own name, the module only provides main()."""
        namespace = runpy.run_module("icnk_letter.__main__", run_name="icnk_letter.__main__")
        assert (_cli.main, ("", "")) == (namespace["main"], capsys.readouterr())


class TestListings:
    """members, contacts and claims: tables on a terminal, tab-separated lines in pipes, JSON, CSV."""

    @pytest.mark.usefixtures("terminal")
    def test_table_on_a_terminal(self, capsys: pytest.CaptureFixture[str]) -> None:
        """On a terminal the listing is an aligned table under upper-case headings."""
        code, out, err = call(capsys, "members", "--country", "Canada")
        expected = (
            "COUNTRY  ACRONYM  NAME\n"
            "CA                Council for Human Rights in North Korea\n"
            "CA                Han Voice\n"
        )
        assert (0, expected, "") == (code, out, err)

    @pytest.mark.usefixtures("terminal")
    def test_tsv_forced_on_a_terminal(
        self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release
    ) -> None:
        """``--format tsv`` gives the lines of a pipe on a terminal too."""
        assert (0, members_tsv(release.members), "") == call(capsys, "members", "--format", "tsv")

    def test_table_forced_in_a_pipe(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--format table`` gives the table in a pipe too; the last column is not padded."""
        code, out, _ = call(capsys, "contacts", "--format", "table")
        lines = out.splitlines()
        assert code == 0
        assert re.fullmatch(r"CITY +NAME +ORGANIZATION +LANGUAGES +PHONES +EMAILS", lines[0])
        assert lines[2].startswith("Tokyo    Kanae Doi ")
        assert lines[2].endswith("03-5282-5162, 090-2301-4372 (mobile)  doik@hrw.org")

    def test_claims_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The claims table shows the figure as printed."""
        code, out, _ = call(capsys, "claims", "--has-quantity", "--format", "table")
        assert code == 0
        assert out.splitlines()[0] == "ID           KIND       FIGURE                  TEXT"
        assert "violation-3  violation  24.5 million people     A population of 24.5 million" in out

    @pytest.mark.parametrize(
        ("fmt", "stdout"),
        [("tsv", ""), ("table", ""), ("json", "[]\n"), ("csv", "id,kind,text,")],
    )
    def test_nothing_listed(self, capsys: pytest.CaptureFixture[str], fmt: str, stdout: str) -> None:
        """A filter that matches nothing exits with 1; JSON and CSV still print an empty document."""
        code, out, err = call(capsys, "claims", "--kind", "statement", "--has-quantity", "--format", fmt)
        assert code == 0  # both statements carry a figure
        code, out, err = call(capsys, "members", "--country", "FR", "--format", fmt)
        assert (code, err) == (1, f"icnk-letter: no members match --country FR; {COUNTRIES}\n")
        if fmt == "csv":
            assert out.startswith("id,name,acronym,")
            assert out.count("\r\n") == 1
        else:
            assert stdout == out

    def test_csv_of_filtered_rows(
        self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release
    ) -> None:
        """The CSV of a filtered listing is the export's heading and the export's lines of those records."""
        code, out, _ = call(capsys, "contacts", "--organization", "human-rights-watch", "--format", "csv")
        lines = icnk_letter.export(release, "csv-contacts").split("\r\n")
        assert code == 0
        assert "\r\n".join([lines[0], lines[2], lines[4], ""]) == out

    @pytest.mark.parametrize("country", ["none", "None", " NONE ", "-"])
    def test_members_without_a_country(
        self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release, country: str
    ) -> None:
        """``--country none`` or ``-`` is ``country=None``: the members printed without a country."""
        code, out, err = call(capsys, "members", "--country", country, "--format", "json")
        expected = icnk_letter.to_json(release.members.filter(country=None), indent=2) + "\n"
        assert (0, expected, "") == (code, out, err)

    def test_members_without_a_country_as_text(
        self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release
    ) -> None:
        """In a pipe, ``--country none`` prints their lines with an empty country field."""
        code, out, _ = call(capsys, "members", "--country", "none")
        assert (0, members_tsv(release.members.filter(country=None))) == (code, out)
        assert all(line.startswith("\t") for line in out.splitlines())

    @pytest.mark.parametrize("organization", ["CSW", "csw", "Christian Solidarity Worldwide (CSW)"])
    def test_contacts_by_any_organization_key(
        self, capsys: pytest.CaptureFixture[str], organization: str
    ) -> None:
        """``--organization`` takes any key that looks the organization up, its acronym too."""
        code, out, _ = call(capsys, "contacts", "--organization", organization)
        assert (0, ["London"]) == (code, [line.split("\t")[0] for line in out.splitlines()])

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["contacts", "--language", "Klingon"], "unknown language 'Klingon'"),
            (["members", "--country", "Korea"], "unknown country 'Korea'"),
            (["members", "--country", "XX"], "unknown country 'XX': not an ISO 3166-1 alpha-2 code"),
            (["contacts", "--organization", "Nope"], "organization: no organization matches 'Nope'"),
        ],
    )
    def test_bad_values(self, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
        """A value the library does not understand is a usage error, one line, exit code 2."""
        code, out, err = call(capsys, *args)
        assert (code, out) == (2, "")
        assert err.startswith(f"icnk-letter: {message}")
        assert err.count("\n") == 1

    def test_contacts_nothing_found(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The message repeats every filter given."""
        code, _, err = call(capsys, "contacts", "--city", "Paris", "--language", "en")
        assert (code, err) == (1, "icnk-letter: no contacts match --language en --city Paris\n")


class TestShow:
    """One record in full."""

    @pytest.mark.parametrize(
        ("key", "lines"),
        [
            ("Han Voice", ["type:               organization", "country_as_printed: Canada"]),
            (
                "Open North Korea",
                [
                    "roles:              Secretariat to the Coalition (Secretariat of"
                    " international-coalition-to-stop-crimes-against-humanity-in-north-korea)"
                ],
            ),
            ("Tae Keung Ha", ["type:         person", "affiliations: open-north-korea (Open North Korea)"]),
            (
                "kiri@csw.org.uk",
                ["languages:               en (English)", "emails:                  kiri@csw.org.uk"],
            ),
            (
                "violation-1",
                [
                    "quantity:      Over 200,000 (200000 people, lower-bound)",
                    "attributed_to: open-letter (open letter to Kim Jong-un)",
                ],
            ),
            ("statement-2", ["attributed_to: icnk-open-letter-2012-01-09 (this press release)"]),
            ("quote-1", ["speaker: ha-tae-keung (Ha Tae Keung)"]),
            ("open letter", ["recipient: kim-jong-un (Kim Jong-un)", "span:      68-94"]),
        ],
    )
    def test_fields(self, capsys: pytest.CaptureFixture[str], key: str, lines: list[str]) -> None:
        """Every kind of record shows its fields, references with their names."""
        code, out, err = call(capsys, "show", key)
        assert (code, err) == (0, "")
        assert [line for line in lines if line not in out.splitlines()] == []

    def test_every_field(self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release) -> None:
        """Each field of the record has its line, in the class's order, then the context."""
        record = release.lookup("kanae doi")
        _, out, _ = call(capsys, "show", "kanae doi")
        labels = [line.split(":")[0] for line in out.splitlines() if line and not line.startswith(" ")]
        assert ["type", *(f.name for f in attrs.fields(type(record))), "context"] == labels

    def test_mentions_and_context(
        self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release
    ) -> None:
        """Mentions show where and what; the context marks the span and cuts at 60 characters."""
        _, out, _ = call(capsys, "show", "Kim Jong-un")
        assert "mentions:     373-384 'Kim Jong-un'\n              556-567 'General Kim'\n" in out
        span = release.people[0].span
        context = out.split("context:\n", 1)[1]
        expected = (
            "..."
            + release.text[span.start - 60 : span.start]
            + "«Kim Jong-un»"
            + release.text[span.end : span.end + 60]
            + "..."
        )
        assert (
            "\n".join(("    " + line).rstrip() if line else "" for line in expected.splitlines()) + "\n"
            == context
        )

    def test_context_of_the_whole_text(self, release: icnk_letter.Release) -> None:
        """With room for the whole text, the context is not cut; its leading blank lines are dropped."""
        from icnk_letter._cli_render import show

        text = show(release.letter, release, context=len(release.text))
        span = release.letter.span
        marked = release.text[: span.start] + "«" + span.quote + "»" + release.text[span.end :]
        expected = "".join(f"    {line}\n" if line else "\n" for line in marked.strip("\n").splitlines())
        assert expected == text.split("context:\n", 1)[1]

    def test_json(self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release) -> None:
        """``--format json`` is the record's JSON."""
        expected = icnk_letter.to_json(release.lookup("fidh"), indent=2) + "\n"
        assert (0, expected, "") == call(capsys, "show", "FIDH", "--format", "json")

    def test_blank_key(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A blank key is a usage error."""
        code, _, err = call(capsys, "show", "  ")
        assert (code, err.startswith("icnk-letter: the key is blank")) == (2, True)

    def test_ambiguous_key(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """A key that names two records exits with 1 and lists them."""
        release = icnk_letter.load()

        def lookup(self: icnk_letter.Release, key: str) -> icnk_letter.Record:
            raise icnk_letter.AmbiguousKeyError(key, [release.people[2], release.people[4]])

        monkeypatch.setattr(icnk_letter.Release, "lookup", lookup)
        code, out, err = call(capsys, "show", "HRW")
        expected = "icnk-letter: 'HRW' names 2 records: 'kanae-doi' (Person) and 'phil-robertson' (Person); look one up by its id\n"
        assert (1, "", expected) == (code, out, err)


class TestRender:
    """The text building blocks, on inputs the bundled release does not have."""

    def test_wide_characters(self) -> None:
        """Wide East Asian characters take two columns, combining marks none."""
        from icnk_letter._cli_render import table

        expected = "NAME      CODE\n북한인권  KR\nCafe\u0301      FR\n"
        assert table(("name", "code"), [("북한인권", "KR"), ("Cafe\u0301", "FR")]) == expected

    def test_dangling_reference(self, release: icnk_letter.Release) -> None:
        """A reference that does not resolve is shown as such, not raised."""
        from icnk_letter._cli_render import show

        contact = attrs.evolve(release.contacts[0], person="nobody", role="Line one\nline two")
        text = show(contact, release)
        assert "person:                  nobody (not in this release)\n" in text
        assert "role:                    Line one\\nline two\n" in text


class TestSearch:
    """Ranked hits in every format."""

    @pytest.mark.usefixtures("terminal")
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        """On a terminal the hits are a table, best first."""
        code, out, _ = call(capsys, "search", "prison camps", "--kind", "claims", "--limit", "2")
        expected = (
            "SCORE  KIND   ID           FIELD  MATCHED\n"
            "0.895  claim  demand-4     text   close the prison camps\n"
            "0.821  claim  violation-1  text   Over 200,000 men, women and children held for political reasons"
            " in a system of prison and labour camps\n"
        )
        assert (0, expected) == (code, out)

    def test_members_kind(self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release) -> None:
        """``--kind members`` leaves out the coalition and the organizations only named in the text."""
        code, out, _ = call(capsys, "search", "international", "--kind", "members", "--format", "json")
        expected = [hit.record.id for hit in release.search("international", kind="members", limit=10)]
        assert (0, expected) == (code, [hit["record"]["id"] for hit in json.loads(out)])
        assert "international-committee-of-the-red-cross" not in out

    def test_default_limit(self, capsys: pytest.CaptureFixture[str]) -> None:
        """At most 10 hits unless --limit says otherwise."""
        assert call(capsys, "search", "north korea")[1].count("\n") == 10
        assert call(capsys, "search", "north korea", "--limit", "12")[1].count("\n") == 12

    def test_json(self, capsys: pytest.CaptureFixture[str], release: icnk_letter.Release) -> None:
        """``--format json`` gives each hit's kind and the library's JSON of the hit."""
        code, out, _ = call(capsys, "search", "amnesty", "--format", "json", "--limit", "1")
        hit = release.search("amnesty", limit=1)[0]
        assert (0, [{"kind": "organization", **icnk_letter.to_dict(hit)}]) == (code, json.loads(out))

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``--format csv`` writes RFC 4180 CSV with a heading, CRLF line ends and guarded cells."""
        code, out, _ = call(capsys, "search", "+44 208 329 0045", "--format", "csv", "--limit", "1")
        assert (code, out) == (
            0,
            "score,kind,id,field,matched\r\n1.000,contact,contact-london,phones,'+44 208 329 0045\r\n",
        )

    @pytest.mark.parametrize("fmt", ["json", "csv", "table"])
    def test_nothing_found(self, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
        """No hit exits with 1 in every format."""
        code, _, err = call(capsys, "search", "xyzzy", "--format", fmt)
        assert (code, err) == (1, "icnk-letter: nothing matches 'xyzzy'\n")

    def test_blank_query(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A blank query is a usage error."""
        code, _, err = call(capsys, "search", " ")
        assert (code, err) == (2, "icnk-letter: the search query is empty; pass some words to search for\n")

    @pytest.mark.parametrize("limit", ["0", "-1", "ten"])
    def test_bad_limit(self, capsys: pytest.CaptureFixture[str], limit: str) -> None:
        """--limit must be a positive whole number."""
        code, _, err = call(capsys, "search", "x", "--limit", limit)
        assert (code, f"expected a positive whole number, got {limit!r}" in err) == (2, True)


class TestExport:
    """Exports to stdout and, atomically, to files."""

    def test_stdout_bytes(
        self, capsysbinary: pytest.CaptureFixture[bytes], release: icnk_letter.Release
    ) -> None:
        """The CRLF of CSV reaches stdout untranslated."""
        assert _cli.main(["export", "csv-claims"]) == 0
        assert icnk_letter.export(release, "csv-claims").encode() == capsysbinary.readouterr().out

    def test_file_mode(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The file gets the mode of a new file (the umask's), not the private mode of a temporary file."""
        target = tmp_path / "members.csv"
        assert call(capsys, "export", "csv-members", "--output", str(target)) == (0, "", "")
        umask = os.umask(0)
        os.umask(umask)
        assert 0o666 & ~umask == target.stat().st_mode & 0o777

    def test_replaces_atomically(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An existing file is replaced whole."""
        target = tmp_path / "release.json"
        target.write_text("old")
        assert call(capsys, "export", "json", "-o", str(target))[0] == 0
        assert json.loads(target.read_text(encoding="utf-8"))["id"] == "icnk-open-letter-2012-01-09"
        assert [p.name for p in tmp_path.iterdir()] == ["release.json"]

    def test_failed_rename_leaves_nothing(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """If the rename fails, the temporary file is removed and the error is one line, exit code 1."""

        def fail(src: str, dst: str) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(os, "replace", fail)
        code, _, err = call(capsys, "export", "vcard", "-o", str(tmp_path / "c.vcf"))
        assert (1, f"icnk-letter: cannot write {str(tmp_path / 'c.vcf')!r}: Permission denied\n") == (
            code,
            err,
        )
        assert list(tmp_path.iterdir()) == []

    def test_interrupted_write_leaves_nothing(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Ctrl-C while writing removes the temporary file and exits with 130."""

        def interrupt(fd: int) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupt)
        assert call(capsys, "export", "vcard", "-o", str(tmp_path / "c.vcf")) == (130, "", "")
        assert list(tmp_path.iterdir()) == []

    def test_into_a_folder(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A path that is a folder cannot be replaced by a file."""
        code, _, err = call(capsys, "export", "vcard", "-o", str(tmp_path))
        assert (code, err.startswith(f"icnk-letter: cannot write {str(tmp_path)!r}: ")) == (1, True)

    def test_unwritable_folder(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A folder where no file can be created is one line, exit code 1."""
        from icnk_letter import _write

        def refuse(folder: str, suffix: str) -> NoReturn:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(_write, "_create_file", refuse)
        monkeypatch.setattr(_write, "_create_folder", refuse)
        for fmt in ("vcard", "datapackage"):
            code, _, err = call(capsys, "export", fmt, "-o", str(tmp_path / "x"))
            assert (1, f"icnk-letter: cannot write {str(tmp_path / 'x')!r}: Permission denied\n") == (
                code,
                err,
            )

    def test_datapackage_into_an_existing_folder(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """An existing package is replaced whole; no temporary folder is left beside it."""
        package = tmp_path / "pkg"
        package.mkdir()
        (package / "members.csv").write_text("old")
        assert call(capsys, "export", "datapackage", "-o", str(package)) == (0, "", "")
        names = sorted(p.name for p in package.iterdir())
        assert names == PACKAGE_FILES
        assert (package / "members.csv").read_text(encoding="utf-8").startswith("id,name,")
        assert ["pkg"] == [p.name for p in tmp_path.iterdir()]

    def test_datapackage_keeps_other_files(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A folder that holds files of its own is refused and left as it was, rather than emptied."""
        (tmp_path / "members.csv").write_text("old")
        (tmp_path / "notes.txt").write_text("mine")
        code, out, err = call(capsys, "export", "datapackage", "-o", str(tmp_path))
        assert (1, "", True) == (code, out, "not part of a data package ('notes.txt')" in err)
        assert ["members.csv", "notes.txt"] == sorted(p.name for p in tmp_path.iterdir())

    def test_datapackage_errors(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The data package needs --output, a folder, in a folder that exists."""
        code, _, err = call(capsys, "export", "datapackage")
        assert (code, "give it one with --output DIR" in err) == (2, True)
        (tmp_path / "file").write_text("")
        code, _, err = call(capsys, "export", "datapackage", "-o", str(tmp_path / "file"))
        assert (code, "it is a file, not a folder" in err) == (1, True)
        code, _, err = call(capsys, "export", "datapackage", "-o", str(tmp_path / "no" / "pkg"))
        assert (code, err.endswith("does not exist\n")) == (1, True)

    def test_datapackage_failure_is_one_line(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A failure while writing the package is one line, exit code 1, and nothing is left."""

        def fail(src: str, dst: str) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "rename", fail)
        code, _, err = call(capsys, "export", "datapackage", "-o", str(tmp_path / "pkg"))
        assert (1, f"icnk-letter: cannot write {str(tmp_path / 'pkg')!r}: No space left on device\n") == (
            code,
            err,
        )
        assert list(tmp_path.iterdir()) == []


class TestVerifyAndErrors:
    """verify, data errors, interrupts, closed pipes and the locale, in process."""

    def test_verify(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The report is printed as ``str(report)``."""
        assert (0, f"{icnk_letter.verify()}\n", "") == call(capsys, "verify")

    def test_unsound_data(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """A DataError exits with 1 and lists every problem on stderr."""

        def unsound(release: icnk_letter.Release | None = None) -> icnk_letter.VerificationReport:
            raise icnk_letter.DataError(["members[3].span: does not quote the text", "sha256: mismatch"])

        monkeypatch.setattr("icnk_letter._verify.verify", unsound)
        expected = (
            "icnk-letter: 2 problems in the release data:\n"
            "  members[3].span: does not quote the text\n"
            "  sha256: mismatch\n"
        )
        assert (1, "", expected) == call(capsys, "verify")

    @pytest.mark.parametrize(
        ("error", "code", "stderr"),
        [
            (KeyboardInterrupt(), 130, ""),
            (OSError(5, "Input/output error"), 1, "icnk-letter: [Errno 5] Input/output error\n"),
            (
                icnk_letter.DataError(["$: not valid JSON"]),
                1,
                "icnk-letter: 1 problem in the release data:\n  $: not valid JSON\n",
            ),
        ],
    )
    def test_failures(
        self,
        capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch,
        error: BaseException,
        code: int,
        stderr: str,
    ) -> None:
        """Ctrl-C ends quietly with 130; an OSError or a DataError is one message, exit code 1."""

        def fail() -> icnk_letter.Release:
            raise error

        monkeypatch.setattr(_cli, "_release", fail)
        assert (code, "", stderr) == call(capsys, "contacts")

    def test_broken_pipe(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A reader that went away: exit code 141, stdout pointed at the null device, nothing on stderr."""
        read, write = os.pipe()
        os.close(read)
        stdout = io.TextIOWrapper(io.FileIO(write, "w"), encoding="utf-8")
        stderr = io.StringIO()
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "stderr", stderr)
        try:
            assert _cli.main(["members"]) == 141
            stdout.write("more")
            stdout.flush()  # goes to the null device now, instead of failing again
        finally:
            stdout.close()
        assert stderr.getvalue() == ""

    def test_broken_pipe_without_a_file(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A stdout without a file descriptor is left alone."""

        class Closed(io.StringIO):
            def write(self, s: str) -> int:
                raise BrokenPipeError

        monkeypatch.setattr(sys, "stdout", Closed())
        assert _cli.main(["summary"]) == 141

    def test_utf8_whatever_the_locale(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An ASCII stdout is switched to UTF-8 before anything is written."""
        raw = io.BytesIO()
        stdout = io.TextIOWrapper(raw, encoding="ascii")
        monkeypatch.setattr(sys, "stdout", stdout)
        assert _cli.main(["show", "han voice"]) == 0
        stdout.flush()
        assert (stdout.encoding, "«Han Voice (Canada)»".encode() in raw.getvalue()) == ("utf-8", True)

    def test_bytes_without_a_buffer(
        self, monkeypatch: pytest.MonkeyPatch, release: icnk_letter.Release
    ) -> None:
        """A stdout without a binary buffer still gets the text."""
        stdout = io.StringIO()
        monkeypatch.setattr(sys, "stdout", stdout)
        assert _cli.main(["text"]) == 0
        assert release.text == stdout.getvalue()

    def test_isatty(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A closed or odd stdout is not a terminal."""
        stdout = io.StringIO()
        stdout.close()
        monkeypatch.setattr(sys, "stdout", stdout)
        assert _cli.stdout_is_a_terminal() is False

    @pytest.mark.parametrize(
        ("raw", "expected"),
        [
            ("Amnesty", "Amnesty"),
            ("Amn\udcc3\udca9sty", "Amnésty"),  # UTF-8 bytes the C locale could not decode
            ("Amn\udce9sty", "Amn\udce9sty"),  # not UTF-8 either: left alone
            ("Amnésty", "Amnésty"),  # decoded by the locale already
        ],
    )
    def test_redecoded(self, raw: str, expected: str) -> None:
        """Arguments the C locale left undecoded are decoded as UTF-8 where they are UTF-8."""
        assert expected == _cli.redecoded(raw)


# -- tables that fit the terminal, kinds in either number, countries (issue 10) --------------


def display_width(line: str) -> int:
    """Return the columns *line* takes on a terminal: wide East Asian characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in line
    )


def run_in_terminal(
    script: str, *args: str, columns: int | None = None, size: int | None = None
) -> tuple[int, str]:
    """Run the installed script with stdout and stderr on a pseudo-terminal; return its exit code and output.

    *columns* is exported as ``COLUMNS`` (otherwise it is unset), *size* is the
    terminal's own width. The terminal's CRLF line ends are returned as LF.
    """
    if sys.platform == "win32":  # pragma: no cover - no pseudo-terminals on Windows
        pytest.skip("pseudo-terminals need a POSIX system")
    import fcntl
    import select
    import struct
    import termios

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    leader, follower = os.openpty()
    if size is not None:
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, size, 0, 0))
    chunks: list[bytes] = []
    try:
        with subprocess.Popen(
            [script, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, env=env
        ) as process:
            os.close(follower)
            follower = -1
            while select.select([leader], [], [], 60)[0]:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:  # EIO: the script has ended and closed the terminal
                    break
                if not chunk:
                    break  # pragma: no cover - some systems end with EOF rather than EIO
                chunks.append(chunk)
            code = process.wait(timeout=60)
    finally:
        os.close(leader)
        if follower != -1:  # pragma: no cover - only if the script could not be started
            os.close(follower)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


LISTINGS = [
    ("members",),
    ("contacts",),
    ("claims",),
    ("search", "north korea"),
    ("search", "prison camps", "--kind", "claims"),
]


class TestTerminalWidth:
    """On a terminal no line of a table is wider than the terminal; pipes keep whole lines."""

    @pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
    def test_fits_80_columns(self, script: str, args: tuple[str, ...]) -> None:
        """Under a pseudo-terminal with COLUMNS=80, every line of the table is at most 80 columns wide."""
        code, out = run_in_terminal(script, *args, columns=80)
        lines = out.splitlines()
        assert code == 0
        assert lines[0] == lines[0].upper()  # a table, under its headings
        assert [line for line in lines if display_width(line) > 80] == []

    @pytest.mark.parametrize("args", LISTINGS, ids=" ".join)
    def test_nothing_is_lost(self, script: str, args: tuple[str, ...]) -> None:
        """A wrapped table holds every character of the full lines a pipe gets: wrapped, not cut."""
        _, out = run_in_terminal(script, *args, columns=80)
        headings = out.splitlines()[0]
        assert sorted("".join(ok(run(script, *args)).split())) == sorted(
            "".join(out.split())[len(headings.replace(" ", "")) :]
        )

    def test_wraps_the_long_values(self, script: str) -> None:
        """A claim's text wraps within its column, under the text of the claim, at 80 columns."""
        _, out = run_in_terminal(script, "claims", "--kind", "violation", columns=80)
        expected = (
            "ID           KIND       FIGURE               TEXT\n"
            "violation-1  violation  Over 200,000         Over 200,000 men, women and\n"
            "                                             children held for political reasons\n"
            "                                             in a system of prison and labour\n"
            "                                             camps\n"
        )
        assert out.startswith(expected)

    def test_the_terminals_own_width(self, script: str) -> None:
        """Without COLUMNS, the table fits the width the terminal reports."""
        code, out = run_in_terminal(script, "contacts", size=60)
        lines = out.splitlines()
        assert (code, lines[0].split()) == (
            0,
            ["CITY", "NAME", "ORGANIZATION", "LANGUAGES", "PHONES", "EMAILS"],
        )
        assert max(display_width(line) for line in lines) <= 60
        assert max(display_width(line) for line in lines) > 50  # the room is used

    def test_columns_wins(self, script: str) -> None:
        """COLUMNS overrides the terminal's own width, as in shutil.get_terminal_size."""
        _, out = run_in_terminal(script, "claims", size=200, columns=70)
        assert max(display_width(line) for line in out.splitlines()) <= 70

    def test_pipes_keep_whole_lines(self, script: str, release: icnk_letter.Release) -> None:
        """In a pipe, even with COLUMNS=80, each claim is one whole tab-separated line."""
        env = dict(os.environ, COLUMNS="80")
        out = ok(run(script, "claims", env=env))
        assert [claim.text for claim in release.claims] == [line.split("\t")[3] for line in out.splitlines()]
        assert max(len(line) for line in out.splitlines()) > 150

    def test_table_in_a_pipe(self, script: str) -> None:
        """``--format table`` in a pipe fits COLUMNS if it is set, and keeps whole lines otherwise."""
        fitted = ok(run(script, "claims", "--format", "table", env=dict(os.environ, COLUMNS="60")))
        # An explicit environment: a library that pytest loads may have put COLUMNS in the C environment.
        whole = ok(run(script, "claims", "--format", "table", env=dict(os.environ)))
        assert max(display_width(line) for line in fitted.splitlines()) == 60
        assert max(display_width(line) for line in whole.splitlines()) > 200

    def test_help_says_how(self, script: str) -> None:
        """``--help`` says that tables fit the terminal and how long values are shortened."""
        out = " ".join(ok(run(script, "--help")).split())
        assert (
            "no wider than the terminal ($COLUMNS if set): the widest columns (the last one usually) "
            "are narrowed and their values wrap onto more lines, between words; nothing is cut off."
        ) in out
        assert "In a pipe it is tab-separated lines, each record whole on one line." in out


class TestTableWidth:
    """The fitting of tables in process, on any width."""

    @pytest.mark.parametrize("width", [200, 80, 60, 40, 20, 16])
    def test_every_width(self, width: int, release: icnk_letter.Release) -> None:
        """Every listing fits any width that leaves each column one character, and keeps every character."""
        from icnk_letter._cli_render import listing, table

        for name, records in (("contacts", release.contacts), ("claims", release.claims)):
            columns, rows = listing(name, records, release)
            text = table(columns, rows, width)
            assert max(display_width(line) for line in text.splitlines()) <= width
            whole = table(columns, rows)
            assert sorted("".join(whole.split())) == sorted("".join(text.split()))

    def test_too_narrow_for_the_columns(self) -> None:
        """A width that cannot give every column one character cuts the lines, as the last resort."""
        from icnk_letter._cli_text import table

        assert "I  K\nD  I\n   N\n   D\na  b\n" == table(("id", "kind"), [("a", "b")], width=4)
        assert "I\nD\n\n\na\n" == table(("id", "kind"), [("a", "b")], width=3)
        assert "北\n한\n" == table(("北한",), [], width=3)
        assert "\n" == table(("北",), [], width=1)

    def test_long_words_and_wide_characters(self) -> None:
        """A word wider than its column is broken; wide characters count two columns."""
        from icnk_letter._cli_text import table

        expected = "ID  TEXT\na   abcde\n    fghij\n    k\n    북한\n    인권\n"
        assert expected == table(("id", "text"), [("a", "abcdefghijk 북한인권")], width=9)

    def test_room_goes_to_the_last_columns(self) -> None:
        """Room left under the common cap widens the last columns first."""
        from icnk_letter._cli_text import table

        rows = [("aaaa aaaa", "bbbb bbbb", "cccc cccc")]
        assert "A     B     C\naaaa  bbbb  cccc\naaaa  bbbb  cccc\n" == table(("a", "b", "c"), rows, width=16)
        expected = "A        B        C\naaaa     bbbb     cccc cccc\naaaa     bbbb\n"
        assert expected == table(("a", "b", "c"), rows, width=27)

    @pytest.mark.parametrize(
        ("columns", "size", "expected"),
        [("80", None, 80), ("", 120, 120), ("wide", 0, None), ("0", None, None), ("-5", 90, 90)],
    )
    def test_terminal_width(
        self, monkeypatch: pytest.MonkeyPatch, columns: str, size: int | None, expected: int | None
    ) -> None:
        """COLUMNS if it is a positive number, else the terminal's width, else no limit."""
        monkeypatch.setenv("COLUMNS", columns)

        def terminal_size(fd: int) -> os.terminal_size:
            if size is None:
                raise OSError(25, "Inappropriate ioctl for device")
            return os.terminal_size((size, 24))

        monkeypatch.setattr(os, "get_terminal_size", terminal_size)
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.FileIO(os.devnull, "w")))
        try:
            assert expected == _cli.terminal_width()
        finally:
            sys.stdout.close()

    def test_no_file_descriptor(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A stdout without a file descriptor has no width."""
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert _cli.terminal_width() is None

    @pytest.mark.usefixtures("terminal")
    @pytest.mark.parametrize("args", [("members",), ("members", "--country", "KR"), ("search", "camps")])
    def test_every_table(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
    ) -> None:
        """The member list read from the data, filtered listings and search hits all fit COLUMNS."""
        monkeypatch.setenv("COLUMNS", "30")
        code, out, _ = call(capsys, *args)
        assert (code, max(display_width(line) for line in out.splitlines())) == (0, 30)


class TestKinds:
    """Kinds are understood singular or plural, in any case, everywhere."""

    @pytest.mark.parametrize(
        ("kind", "spellings"),
        [
            ("violation", ["violations", "Violation"]),
            ("demand", ["demands", " DEMANDS "]),
            ("statement", ["statements"]),
        ],
    )
    def test_claims(self, script: str, kind: str, spellings: list[str]) -> None:
        """``claims --kind demands`` lists what ``--kind demand`` lists."""
        expected = ok(run(script, "claims", "--kind", kind))
        assert [expected] * len(spellings) == [ok(run(script, "claims", "--kind", s)) for s in spellings]

    @pytest.mark.parametrize(
        ("kind", "spellings", "query"),
        [
            ("organizations", ["organization"], "watch"),
            ("members", ["member"], "international"),
            ("people", ["person", "persons", "People"], "kim"),
            ("contacts", ["contact"], "tokyo"),
            ("claims", ["claim"], "prison camps"),
            ("quotes", ["quote"], "kim"),
            ("letters", ["letter"], "open letter"),
        ],
    )
    def test_search(self, script: str, kind: str, spellings: list[str], query: str) -> None:
        """``search --kind person`` finds what ``--kind people`` finds, and only that kind."""
        expected = ok(run(script, "search", query, "--kind", kind))
        assert expected
        assert [expected] * len(spellings) == [
            ok(run(script, "search", query, "--kind", s)) for s in spellings
        ]

    def test_unknown_kind(self, script: str) -> None:
        """An unknown kind is a usage error that names the kinds, and says they are the kinds."""
        result = run(script, "claims", "--kind", "threats")
        assert (2, b"") == (result.returncode, result.stdout)
        assert result.stderr.decode().endswith(
            "error: argument --kind: unknown kind of claim 'threats'; "
            "the kinds of claim are violation, demand and statement (singular or plural)\n"
        )

    def test_help(self, script: str) -> None:
        """Each ``--kind`` names its kinds in the help."""
        claims = " ".join(ok(run(script, "claims", "--help")).split())
        search = " ".join(ok(run(script, "search", "x", "--help")).split())
        assert "only claims of one kind: violation, demand or statement (singular or plural)" in claims
        assert (
            "only records of one kind: organizations, members, people, contacts, claims, quotes or letters "
            "(singular or plural)"
        ) in search


class TestCountries:
    """An unknown country and a country without members: clear messages, documented exit codes."""

    @pytest.mark.parametrize("country", ["Paraguay", "Korea", "XX"])
    def test_unknown_country(self, script: str, country: str) -> None:
        """A country the package does not know is a usage error (2) that lists the members' countries."""
        result = run(script, "members", "--country", country)
        expected = (
            f"icnk-letter: unknown country {country!r}: not an ISO 3166-1 alpha-2 code, "
            f"nor a country name the package knows; {COUNTRIES}\n"
        )
        assert (2, b"", expected) == (result.returncode, result.stdout, result.stderr.decode())

    @pytest.mark.parametrize(
        ("country", "shown"), [("PY", "PY"), ("py", "py (PY)"), ("United Kingdom", "United Kingdom (GB)")]
    )
    def test_country_without_members(self, script: str, country: str, shown: str) -> None:
        """A known country no member is from finds nothing (1), and lists the members' countries too."""
        result = run(script, "members", "--country", country)
        expected = f"icnk-letter: no members match --country {shown}; {COUNTRIES}\n"
        assert (1, b"", expected) == (result.returncode, result.stdout, result.stderr.decode())

    @pytest.mark.parametrize(("country", "shown"), [("FR", "FR"), ("uk", "uk (GB)")])
    def test_in_process(self, capsys: pytest.CaptureFixture[str], country: str, shown: str) -> None:
        """The code a value was read as is shown when it differs from the value given."""
        code, out, err = call(capsys, "members", "--country", country)
        assert (1, "", f"icnk-letter: no members match --country {shown}; {COUNTRIES}\n") == (code, out, err)

    def test_countries_of(self, release: icnk_letter.Release) -> None:
        """A code the package data does not name is listed alone; 'none' only if a member has no country."""
        members = [release.members.filter(country="CA")[0], attrs.evolve(release.members[0], country="FR")]
        assert "the members' countries are CA (Canada) and FR" == _cli.countries_of(members)

    def test_json_without_members(self, script: str) -> None:
        """In JSON a known country without members is an empty list, and exit code 1."""
        result = run(script, "members", "--country", "PY", "--format", "json")
        assert (1, b"[]\n") == (result.returncode, result.stdout)

    def test_help(self, script: str) -> None:
        """``members --help`` and ``--help`` give the exit codes of both cases."""
        members = " ".join(ok(run(script, "members", "--help")).split())
        main = " ".join(ok(run(script, "--help")).split())
        assert "An unknown country exits with 2, a country no member is from with 1" in members
        assert "1 nothing found (an unknown key, no match, a known country no member is from)" in main
        assert (
            "2 usage error (an unknown option, or a value not understood, such as an unknown country)" in main
        )


class TestReadme:
    """The README's commands for the three common jobs, and its list of export formats."""

    @staticmethod
    def jobs() -> list[str]:
        """Return the commands of the README's "three common jobs", without their comments."""
        text = README.read_text(encoding="utf-8")
        section = text.split("## The three common jobs", 1)[1]
        block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
        assert block is not None
        return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines()]

    def test_the_three_jobs(self, script: str, release: icnk_letter.Release, tmp_path: Path) -> None:
        """Each job's command, run as shown, writes what the library exports."""
        assert self.jobs() == [
            "icnk-letter export csv-members -o members.csv",
            "icnk-letter export vcard -o contacts.vcf",
            "icnk-letter claims --format json",
        ]
        outputs: list[str] = []
        for command in self.jobs():
            result = subprocess.run(
                [script, *shlex.split(command)[1:]],
                capture_output=True,
                cwd=tmp_path,
                timeout=60,
                check=False,
            )
            outputs.append(ok(result))
        assert ["", "", icnk_letter.to_json(release.claims, indent=2) + "\n"] == outputs
        assert icnk_letter.export(release, "csv-members").encode() == (tmp_path / "members.csv").read_bytes()
        assert icnk_letter.export(release, "vcard").encode() == (tmp_path / "contacts.vcf").read_bytes()

    def test_every_export_format(self) -> None:
        """The README lists every export format, one line each, in the library's order, then the data package."""
        text = README.read_text(encoding="utf-8")
        section = text.split("## Export formats", 1)[1].split("\n## ", 1)[0]
        listed = re.findall(r"^- `([a-z0-9-]+)`: ", section, re.MULTILINE)
        assert [*icnk_letter.EXPORT_FORMATS, "datapackage"] == listed


# -- the sessions of docs/cli.md -------------------------------------------------------------


@attrs.frozen
class Step:
    """One ``$ command`` of a console block and the output shown after it."""

    command: str
    output: str


def sessions() -> list[list[Step]]:
    """Return the console blocks of docs/cli.md, each a list of steps."""
    blocks = re.findall(
        r"^```console\n(.*?)^```$", DOCS.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL
    )
    result: list[list[Step]] = []
    for block in blocks:
        steps: list[Step] = []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                steps.append(Step(line[2:].rstrip("\n"), ""))
            else:
                steps[-1] = Step(steps[-1].command, steps[-1].output + line)
        result.append(steps)
    return result


def _shell(command: str) -> bool:
    """Whether *command* needs a shell (a pipe, a redirection, a list), or is not the script alone."""
    alone = command == "icnk-letter" or command.startswith("icnk-letter ")
    return not alone or any(c in command for c in "|;&<>$")


def run_step(
    step: Step, script: str, cwd: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    """Return what *step* prints on stdout and stderr, with CRLF line ends shown as LF.

    A plain ``icnk-letter ...`` command runs in process, as on a terminal of 80
    columns; one with a pipe or another program runs in bash, with the installed
    script first on the PATH, as in a script (``COLUMNS=80`` too, which a pipe
    ignores).
    """
    monkeypatch.setenv("COLUMNS", "80")
    if _shell(step.command):
        env = dict(os.environ, PATH=str(Path(script).parent) + os.pathsep + os.environ.get("PATH", ""))
        result = subprocess.run(
            ["bash", "-c", step.command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # interleaved, as on a terminal
            cwd=cwd,
            env=env,
            timeout=60,
            check=False,
        )
        output = result.stdout.decode("utf-8")
    else:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(_cli, "stdout_is_a_terminal", lambda: True)
        _cli.main(shlex.split(step.command)[1:])
        out, err = capsys.readouterr()
        output = out + err
    return output.replace("\r\n", "\n")


def session_id(steps: list[Step]) -> str:
    return steps[0].command.removeprefix("icnk-letter").strip() or "summary"


@pytest.mark.parametrize("steps", sessions(), ids=session_id)
def test_docs_session(
    steps: list[Step],
    script: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each command of a console session on the "Command line" page prints what the page shows."""
    checker = doctest.OutputChecker()
    for step in steps:
        actual = run_step(step, script, tmp_path, capsys, monkeypatch)
        if not checker.check_output(step.output, actual, doctest.ELLIPSIS):
            assert step.output == actual, f"$ {step.command}"


def test_docs_cover_every_command() -> None:
    """The page shows a session for every command."""
    shown = {
        shlex.split(step.command)[1] if " " in step.command else "summary"
        for steps in sessions()
        for step in steps
        if step.command.startswith("icnk-letter")
    }
    assert set(COMMANDS) - {"summary"} <= shown
