"""The ``csv-members`` format: the member list as a CSV table."""

from __future__ import annotations

from typing import Final

from .._tables import render_members
from ._format import Format

FORMAT: Final = Format(
    name="csv-members",
    extension=".csv",
    media_type="text/csv",
    binary=False,
    kinds=("organizations",),
    render=render_members,
    description="the member list as a CSV table, one row per member",
)
