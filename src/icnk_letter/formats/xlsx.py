"""The ``xlsx`` format: an Excel workbook, a sheet per table, written with XlsxWriter."""

from __future__ import annotations

from typing import Final

from .._xlsx import render
from ._format import Format

FORMAT: Final = Format(
    name="xlsx",
    extension=".xlsx",
    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    binary=True,
    kinds=(),
    render=render,
    description="an Excel workbook, a sheet per table with typed cells, for spreadsheets (needs icnk-letter[xlsx])",
)
