"""The ``cite`` command: a citation of the release, in the format a reference manager reads.

Kept apart from :mod:`icnk_letter._cli` so that the command is one entry in its
list; like every command it imports what it needs only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import IO, Final

__all__ = ["CITE_FORMATS", "cite", "cite_options"]

CITE_FORMATS: Final = ("text", "bibtex", "csl-json", "ris")
"""The formats of ``icnk-letter cite --format``; ``text`` is the default."""


def cite_options(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``cite`` to *parser*."""
    parser.add_argument(
        "--format",
        choices=CITE_FORMATS,
        default="text",
        help="text (the default: one line to paste), bibtex (a biblatex @online entry), "
        "csl-json (Zotero, Pandoc) or ris",
    )


def cite(args: argparse.Namespace) -> int:
    """Print the citation of the bundled release in ``args.format``; return the exit code 0."""
    from ._load import load

    release = load()
    fmt: str = args.format
    if fmt == "text":
        from ._cite import render_text

        text = render_text(release)
    else:
        from ._export import export

        text = export(release, fmt)
    # As bytes where stdout has them, so that the CRLF line ends of RIS reach a file unchanged.
    sys.stdout.flush()
    buffer: IO[bytes] | None = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()
    return 0
