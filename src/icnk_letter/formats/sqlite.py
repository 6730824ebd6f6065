"""The ``sqlite`` format: every table of the release in one SQLite database, with full-text search."""

from __future__ import annotations

from typing import Final

from .._sqlite import render
from ._format import Format

FORMAT: Final = Format(
    name="sqlite",
    extension=".db",
    media_type="application/vnd.sqlite3",
    binary=True,
    kinds=(),
    render=render,
    description="every table of the release in one SQLite database, with full-text search, for Datasette",
)
