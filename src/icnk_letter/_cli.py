"""The ``icnk-letter`` command line (``python -m icnk_letter``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def _summary() -> str:
    from ._load import load

    release = load()
    return "\n".join(
        [
            release.title,
            f"Dateline: {release.dateline}",
            f"Date:     {release.date.isoformat()} (printed {release.date_as_printed!r}, read as month.day.year)",
            f"Members:  {len(release.members)} listed; the release states "
            f"{release.stated_organization_count} organizations released the letter",
            f"Contacts: {len(release.contacts)}",
            f"Claims:   {len(release.claims)}",
            f"Source:   the ICNK press release, verbatim, sha256 {release.sha256}",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``) and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args not in ([], ["summary"]):
        print(f"icnk-letter: unknown command: {' '.join(args)}", file=sys.stderr)
        return 2
    sys.stdout.write(_summary() + "\n")
    return 0
