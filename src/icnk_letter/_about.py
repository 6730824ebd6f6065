"""What the exports say about themselves: the package version and the licence."""

from __future__ import annotations

from typing import Final

__all__ = ["LICENSE", "LICENSE_TEXT", "package_version"]

LICENSE: Final = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License",
}
"""The licence of the package, its data files and the records curated in them, as a Data Package licence."""

LICENSE_TEXT: Final = (
    "The records are MIT licensed (https://opensource.org/licenses/MIT), like the icnk-letter package "
    "they ship in. The text of the release is reproduced verbatim as a historical record and belongs "
    "to its authors."
)
"""The licence, and the rights in the text, in one sentence for the exports that carry free text."""


def package_version() -> str:
    """Return the version of icnk-letter, :data:`icnk_letter.__version__` ("unknown" without metadata).

    >>> import icnk_letter
    >>> package_version() == icnk_letter.__version__
    True
    """
    import icnk_letter

    return icnk_letter.__version__
