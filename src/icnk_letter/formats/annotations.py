"""The ``annotations`` format: W3C Web Annotations (JSON-LD) of where every record is written."""

from __future__ import annotations

from typing import Final

from .._annotations import render
from ._format import Format

FORMAT: Final = Format(
    name="annotations",
    extension=".jsonld",
    # The W3C model's profile is http://www.w3.org/ns/anno.jsonld (a media type parameter).
    media_type="application/ld+json",
    binary=False,
    kinds=(),
    render=render,
    description="W3C Web Annotations (JSON-LD), one per span of every record, anchored in the text "
    "by quote and position, for annotation tools",
)
