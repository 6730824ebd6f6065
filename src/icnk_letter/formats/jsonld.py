"""The ``jsonld`` format: a linked-data graph in schema.org terms, with an inline context."""

from __future__ import annotations

from typing import Final

from .._jsonld import render
from ._format import Format

FORMAT: Final = Format(
    name="jsonld",
    extension=".jsonld",
    media_type="application/ld+json",
    binary=False,
    kinds=(),
    render=render,
    description="a linked-data graph in schema.org terms, with an inline context, for RDF tools",
)
