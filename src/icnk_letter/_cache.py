"""Per-release caches (indexes built once per release, freed with it)."""

from __future__ import annotations

import weakref
from typing import Any

__all__ = ["cache_for"]

_caches: dict[int, dict[str, Any]] = {}


def cache_for(owner: object) -> dict[str, Any]:
    """Return the cache dictionary of *owner*, created on first use.

    Releases are frozen, so derived indexes live here, keyed by the object's
    identity and dropped when it is garbage collected.
    """
    key = id(owner)
    cache = _caches.get(key)
    if cache is None:
        cache = _caches.setdefault(key, {})
        weakref.finalize(owner, _caches.pop, key, None)
    return cache
