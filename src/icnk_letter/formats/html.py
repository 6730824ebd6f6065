"""The ``html`` format: one self-contained reading page of the release, every record marked in its text."""

from __future__ import annotations

from typing import Final

from .._html import render
from ._format import Format

FORMAT: Final = Format(
    name="html",
    extension=".html",
    media_type="text/html",
    binary=False,
    kinds=(),
    render=render,
    description="one self-contained HTML5 page: the verbatim text, every record marked and linked "
    "to tables and a chart, for reading and checking",
)
