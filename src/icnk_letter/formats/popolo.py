"""The ``popolo`` format: Popolo JSON persons, organizations and memberships."""

from __future__ import annotations

from typing import Final

from .._popolo import render
from ._format import Format

FORMAT: Final = Format(
    name="popolo",
    extension=".json",
    media_type="application/json",
    binary=False,
    kinds=(),
    render=render,
    description="Popolo JSON (persons, organizations, memberships), for civic-tech tools",
)
