"""The ``csv-claims`` format: the violations, demands and statements as a CSV table."""

from __future__ import annotations

from typing import Final

from .._tables import render_claims
from ._format import Format

FORMAT: Final = Format(
    name="csv-claims",
    extension=".csv",
    media_type="text/csv",
    binary=False,
    kinds=("claims",),
    render=render_claims,
    description="the violations, demands and statements as a CSV table, one row per claim",
)
