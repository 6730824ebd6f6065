"""The ``vcard`` format: vCard 4.0 (RFC 6350), one card per press contact."""

from __future__ import annotations

from typing import Final

from .._vcard import render, render_records
from ._format import Format

FORMAT: Final = Format(
    name="vcard",
    extension=".vcf",
    media_type="text/vcard",
    binary=False,
    kinds=("contacts",),
    render=render,
    render_records=render_records,
    description="vCard 4.0 (RFC 6350), one card per press contact, for address books",
)
