"""What importing and loading cost users: which modules they pull in (issue 7).

Each check runs in a fresh interpreter, so modules imported by other tests do
not hide a regression.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("cattrs", "json", "csv", "hashlib", "importlib_resources", "importlib.resources", "attrs", "attr")
OURS_ON_DEMAND = ("icnk_letter._model", "icnk_letter._search", "icnk_letter._convert", "icnk_letter._export")
FORMAT_MODULES = (
    "icnk_letter.formats._format",
    "icnk_letter.formats.json",
    "icnk_letter.formats.csv_members",
    "icnk_letter.formats.html",
    "icnk_letter.formats.annotations",
    "icnk_letter._html",
    "icnk_letter._markup",
    "icnk_letter._chart",
    "icnk_letter._annotations",
    "icnk_letter._marks",
)


def modules_after(code: str) -> set[str]:
    """The names in sys.modules after running *code* in a fresh interpreter."""
    # The module list is taken before the reporting code imports json.
    script = f"{code}\nimport sys\nnames = sorted(sys.modules)\nimport json\nprint(json.dumps(names))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    names: list[str] = json.loads(result.stdout.splitlines()[-1])
    return set(names)


def test_bare_import_is_light() -> None:
    """``import icnk_letter`` imports none of the heavy modules, nor our own on-demand ones."""
    loaded = modules_after("import icnk_letter")
    assert [] == sorted(name for name in (*HEAVY, *OURS_ON_DEMAND, *FORMAT_MODULES) if name in loaded)


def test_format_names_import_no_format() -> None:
    """Listing the export formats imports the registry only: no format module, no attrs."""
    loaded = modules_after("import icnk_letter; icnk_letter.EXPORT_FORMATS; icnk_letter.ExportFormat")
    assert "icnk_letter.formats" in loaded
    assert [] == sorted(name for name in (*HEAVY, *OURS_ON_DEMAND, *FORMAT_MODULES) if name in loaded)


def test_export_imports_its_format_only() -> None:
    """Exporting a format imports its own module and the formats it renders through, not the others."""
    loaded = modules_after("import icnk_letter; icnk_letter.export(icnk_letter.load(), 'csv-members')")
    ours = sorted(name for name in loaded if name.startswith("icnk_letter.formats."))
    assert ["icnk_letter.formats._format", "icnk_letter.formats.csv_members"] == ours


@pytest.mark.parametrize("name", ["Release", "Organization", "Records", "Span"])
def test_record_classes_need_only_attrs(name: str) -> None:
    """The record classes import at most attrs: not cattrs, json or the search code."""
    loaded = modules_after(f"import icnk_letter; icnk_letter.{name}")
    unwanted = ("cattrs", "json", "csv", "icnk_letter._search", "icnk_letter._convert")
    assert [] == sorted(n for n in unwanted if n in loaded)


def test_load_skips_cattrs_search_and_exports() -> None:
    """``load()`` builds the release without cattrs, the search index or the exports."""
    loaded = modules_after("import icnk_letter; icnk_letter.load()")
    unwanted = ("cattrs", "csv", "icnk_letter._search", "icnk_letter._convert", "icnk_letter._export")
    assert [] == sorted(name for name in unwanted if name in loaded)
