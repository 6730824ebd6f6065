"""The bundled data file as plain JSON, and the schema version this library reads.

Nothing here needs attrs: the command line's listings read the rows they print
straight from this data, which keeps ``icnk-letter members`` as fast to start as
Python itself allows.
"""

from __future__ import annotations

import json
from typing import Any, Final

from ._errors import DataError
from ._resources import read_bytes

__all__ = ["SCHEMA_VERSION", "bundled_data"]

SCHEMA_VERSION: Final[str] = "1.1"
"""The version of the data file's layout that this version of the library reads."""


def bundled_data() -> dict[str, Any]:
    """Return the bundled ``release.json`` parsed (a new dict on every call).

    Raises:
        DataError: if the file is of another ``schema_version``.
    """
    data: dict[str, Any] = json.loads(read_bytes("release.json"))
    if data.get("schema_version") != SCHEMA_VERSION:
        raise DataError([f"schema_version: expected {SCHEMA_VERSION!r}, got {data.get('schema_version')!r}"])
    return data
