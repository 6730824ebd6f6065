"""The ``csv-contacts`` format: the press contacts as a CSV table."""

from __future__ import annotations

from typing import Final

from .._tables import render_contacts
from ._format import Format

FORMAT: Final = Format(
    name="csv-contacts",
    extension=".csv",
    media_type="text/csv",
    binary=False,
    kinds=("contacts",),
    render=render_contacts,
    description="the press contacts as a CSV table, one row per contact",
)
