"""The ``json`` format: the lossless JSON of :func:`icnk_letter.to_json`, one record per line."""

from __future__ import annotations

from typing import Final

from .._export import render_json
from ._format import Format

FORMAT: Final = Format(
    name="json",
    extension=".json",
    media_type="application/json",
    binary=False,
    kinds=("organizations", "people", "contacts", "quotes", "claims"),
    render=render_json,
    description="the lossless JSON of the release, the same data as to_json(), one record per line",
)
