"""The ``ris`` format: a citation of the release itself as an RIS record."""

from __future__ import annotations

from typing import Final

from .._cite import render_ris
from ._format import Format

FORMAT: Final = Format(
    name="ris",
    extension=".ris",
    media_type="application/x-research-info-systems",
    binary=False,
    kinds=(),
    render=render_ris,
    description="a citation of the release itself as an RIS record, for reference managers",
)
