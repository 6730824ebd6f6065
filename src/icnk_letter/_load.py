"""Building the bundled release from the package data, once.

``load()`` is on every user's start-up path, so it imports neither cattrs nor
the search or export code: :mod:`icnk_letter._bundled` builds the records with
their plain constructors.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any, Final

from ._bundled import build_release
from ._errors import DataError
from ._resources import read_bytes

if TYPE_CHECKING:
    from ._model import Release

__all__ = ["SCHEMA_VERSION", "build_bundled", "bundled_data", "load"]

SCHEMA_VERSION: Final[str] = "1.0"
"""The version of the data file's layout that this version of the library reads."""

_lock = threading.Lock()
_release: Release | None = None


def load() -> Release:
    """Return the bundled release, built on the first call and shared afterwards.

    The object is immutable, so every caller (and every thread) gets the same one.

    >>> import icnk_letter
    >>> release = icnk_letter.load()
    >>> release.date
    datetime.date(2012, 1, 9)
    >>> len(release.members), len(release.contacts)
    (39, 4)
    >>> icnk_letter.load() is release
    True
    """
    release = _release
    if release is None:
        release = _load_once()
    return release


def _load_once() -> Release:
    global _release
    with _lock:
        if _release is None:
            _release = build_bundled()
        return _release


def build_bundled() -> Release:
    """Build the release from the package data (``load()`` caches the result)."""
    data = bundled_data()
    # The bundled data is trusted: the test suite structures it with the
    # strict converter and verifies it against the text (sha256 included), so
    # only the cheap layout check stays on every user's start-up path.
    if data.get("schema_version") != SCHEMA_VERSION:
        raise DataError([f"schema_version: expected {SCHEMA_VERSION!r}, got {data.get('schema_version')!r}"])
    return build_release(data, read_bytes("release.txt").decode("utf-8"))


def bundled_data() -> dict[str, Any]:
    """Return the bundled ``release.json`` parsed (a new dict on every call)."""
    data: dict[str, Any] = json.loads(read_bytes("release.json"))
    return data
