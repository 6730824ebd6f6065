"""The registry of export formats (``icnk_letter.formats``): one module per format, listed once.

Every name of the registry has a module of the same name that declares it,
``ExportFormat`` is the list of names, and the docs' table of formats is the
registry's, word for word.
"""

from __future__ import annotations

import importlib
import pkgutil
import typing
from pathlib import Path
from typing import Any

import pytest

import icnk_letter
from icnk_letter import Release, formats
from icnk_letter.formats._format import KINDS, Format

DOCS = Path(__file__).resolve().parents[1] / "docs" / "formats.md"


def docs_table() -> str:
    """The Markdown table of formats that docs/formats.md must hold, built from the registry."""
    rows = [
        "| Format | File | Media type | Output | What it holds |",
        "| --- | --- | --- | --- | --- |",
    ]
    for fmt in formats.all_formats():
        output = "bytes" if fmt.binary else "text"
        rows.append(
            f"| `{fmt.name}` | `{fmt.extension}` | `{fmt.media_type}` | {output} | {fmt.description} |"
        )
    return "\n".join(rows) + "\n"


class TestRegistry:
    def test_names(self) -> None:
        """EXPORT_FORMATS lists the registry's names, in the docs' order."""
        assert (
            "json",
            "jsonld",
            "vcard",
            "popolo",
            "csv-members",
            "csv-contacts",
            "csv-claims",
        ) == icnk_letter.EXPORT_FORMATS[:7]

    def test_literal_is_the_names(self) -> None:
        """The public ExportFormat alias is a Literal of exactly the registry's names."""
        assert typing.get_origin(icnk_letter.ExportFormat) is typing.Literal
        assert formats.EXPORT_FORMATS == typing.get_args(icnk_letter.ExportFormat)
        assert formats.EXPORT_FORMATS is icnk_letter.EXPORT_FORMATS

    def test_every_module_is_registered(self) -> None:
        """Each module of the package (but the private ones) is the module of a registered name."""
        package = Path(formats.__file__).parent
        modules = sorted(m.name for m in pkgutil.iter_modules([str(package)]) if not m.name.startswith("_"))
        assert sorted(name.replace("-", "_") for name in formats.EXPORT_FORMATS) == modules

    @pytest.mark.parametrize("name", formats.EXPORT_FORMATS)
    def test_module_declares_its_format(self, name: str) -> None:
        """A format's module defines FORMAT, a Format of its own name with a file and a media type."""
        module = importlib.import_module(formats.module_name(name))
        fmt: Any = module.FORMAT
        assert isinstance(fmt, Format)
        assert (name, fmt) == (fmt.name, formats.get(name))
        assert fmt.extension.startswith(".")
        assert fmt.media_type.count("/") == 1
        assert fmt.description
        assert set(fmt.kinds) <= set(KINDS)
        assert len(set(fmt.kinds)) == len(fmt.kinds)

    @pytest.mark.parametrize("name", formats.EXPORT_FORMATS)
    def test_render_gives_text_or_bytes(self, release: Release, name: str) -> None:
        """A text format renders a str, a binary one bytes, as the format declares."""
        fmt = formats.get(name)
        assert (bytes if fmt.binary else str) is type(fmt.render(release))

    @pytest.mark.parametrize("name", ["xml", "JSON", "", "csv", "csv_members"])
    def test_unknown(self, name: str) -> None:
        """An unknown name is a ValueError listing the formats, and imports nothing."""
        with pytest.raises(ValueError, match=r"^unknown export format .*; the formats are 'json', 'jsonld'"):
            formats.get(name)

    def test_docs_table(self) -> None:
        """docs/formats.md holds the registry's table of formats, word for word."""
        table = docs_table()
        assert table in DOCS.read_text(encoding="utf-8"), f"docs/formats.md should hold:\n{table}"
