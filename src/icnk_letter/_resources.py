"""Access to the package data, through ``importlib.resources`` so zips work."""

from __future__ import annotations

import sys

# Each Python takes one branch: neither is counted, so that 100% coverage holds
# on any single Python (CI also combines the runs of 3.10 to 3.13).
if sys.version_info >= (3, 12):  # pragma: no cover
    from importlib.resources import files
else:  # pragma: no cover - Python 3.10 and 3.11: the backport
    from importlib_resources import files

__all__ = ["read_bytes", "read_text"]

_PACKAGE = "icnk_letter"


def read_text(name: str) -> str:
    """Return the package data file *name*, decoded as UTF-8 with no newline translation."""
    return read_bytes(name).decode("utf-8")


def read_bytes(name: str) -> bytes:
    """Return the package data file *name* byte for byte."""
    return files(_PACKAGE).joinpath("data", name).read_bytes()
