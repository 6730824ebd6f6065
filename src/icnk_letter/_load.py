"""Building the bundled release from the package data, once."""

from __future__ import annotations

import hashlib
import json
import threading
from typing import Any, Final, cast

from ._convert import structure
from ._errors import DataError
from ._model import Release
from ._resources import read_bytes, read_text

__all__ = ["SCHEMA_VERSION", "load"]

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
            _release = _build()
        return _release


def _build() -> Release:
    return build(read_bytes("release.txt"), read_text("release.json"))


def build(raw_text: bytes, data_json: str) -> Release:
    """Build a release from the verbatim text and the JSON data that describes it.

    Raises:
        DataError: if the JSON is malformed, of another schema version, made
            for another text, or not of the documented shape.
    """
    try:
        data = json.loads(data_json)
    except ValueError as exc:
        raise DataError([f"$: not valid JSON ({exc})"]) from None
    if not isinstance(data, dict):
        raise DataError(["$: expected a JSON object"])
    data = cast("dict[str, Any]", data)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise DataError([f"schema_version: expected {SCHEMA_VERSION!r}, got {version!r}"])
    digest = hashlib.sha256(raw_text).hexdigest()
    if data.get("sha256") != digest:
        raise DataError([f"sha256: the data describes {data.get('sha256')!r}, but the text is {digest!r}"])
    try:
        data["text"] = raw_text.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([f"text: not UTF-8 ({exc})"]) from None
    return structure(data, Release)
