"""The ``bibtex`` format: a citation of the release itself as a biblatex ``@online`` entry."""

from __future__ import annotations

from typing import Final

from .._cite import render_bibtex
from ._format import Format

FORMAT: Final = Format(
    name="bibtex",
    extension=".bib",
    media_type="application/x-bibtex",
    binary=False,
    kinds=(),
    render=render_bibtex,
    description="a citation of the release itself as a biblatex @online entry, with the text's SHA-256",
)
