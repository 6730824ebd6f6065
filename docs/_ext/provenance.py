"""Sphinx extension: refuse to build with provenance notes that differ from the records.

``data-notes.md`` includes ``_generated/provenance.md``; this checks, when the
build starts, that the file is exactly what ``icnk_letter._notes.render``
makes of the bundled release, so the published notes cannot drift from the data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

import icnk_letter
from icnk_letter._notes import render


def check_notes(app: Sphinx) -> None:
    """Raise ExtensionError unless the committed notes are the ones the records render."""
    path = Path(app.srcdir) / "_generated" / "provenance.md"
    expected = render(icnk_letter.load())
    actual = path.read_text(encoding="utf-8") if path.exists() else None
    if actual != expected:
        raise ExtensionError(
            f"{path} is not what the records render: regenerate it with"
            " ICNK_LETTER_UPDATE_GOLDEN=1 pytest tests/test_notes.py"
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the check."""
    app.connect("builder-inited", check_notes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
