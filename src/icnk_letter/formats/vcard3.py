"""The ``vcard3`` format: vCard 3.0 (RFC 2426), for the address books that refuse 4.0."""

from __future__ import annotations

from typing import Final

from .._vcard3 import render, render_records
from ._format import Format

FORMAT: Final = Format(
    name="vcard3",
    extension=".vcf",
    media_type="text/vcard",
    binary=False,
    kinds=("contacts",),
    render=render,
    render_records=render_records,
    description="vCard 3.0 (RFC 2426), one card per press contact, for Android, Outlook and older address books",
)
