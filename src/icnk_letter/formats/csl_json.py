"""The ``csl-json`` format: a citation of the release itself as CSL-JSON, for Zotero, Pandoc and citeproc."""

from __future__ import annotations

from typing import Final

from .._cite import render_csl_json
from ._format import Format

FORMAT: Final = Format(
    name="csl-json",
    extension=".json",
    media_type="application/vnd.citationstyles.csl+json",
    binary=False,
    kinds=(),
    render=render_csl_json,
    description="a citation of the release itself as CSL-JSON, for Zotero, Pandoc and citeproc",
)
