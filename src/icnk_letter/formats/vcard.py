"""The ``vcard`` format: vCard 4.0 (RFC 6350), one card per press contact."""

from __future__ import annotations

from typing import Final

from .._vcard import render
from ._format import Format

FORMAT: Final = Format(
    name="vcard",
    extension=".vcf",
    media_type="text/vcard",
    binary=False,
    kinds=("contacts",),
    render=render,
    description="vCard 4.0 (RFC 6350), one card per press contact, for address books",
)
