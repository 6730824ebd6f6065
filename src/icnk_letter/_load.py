"""Building the bundled release from the package data, once.

``load()`` is on every user's start-up path, so it imports neither cattrs nor
the search or export code: :mod:`icnk_letter._bundled` builds the records with
their plain constructors.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ._bundled import build_release
from ._data import bundled_data
from ._resources import read_bytes

if TYPE_CHECKING:
    from ._model import Release

__all__ = ["build_bundled", "load"]

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
    """Build the release from the package data (``load()`` caches the result).

    The bundled data is trusted: the test suite structures it with the strict
    converter and verifies it against the text (sha256 included), so only the
    cheap layout check of :func:`bundled_data` stays on every user's start-up path.
    """
    return build_release(bundled_data(), read_bytes("release.txt").decode("utf-8"))
