"""One Unicode version for every Python: characters Unicode 13.0 does not assign.

Python 3.10 ships the Unicode 13.0 database, later Pythons newer ones, in which
more characters are letters, digits or printable. So that normalization,
validation and error messages give the same result on every supported Python,
a character that Unicode 13.0 leaves unassigned is treated alike everywhere:

- normalization (lookup, search, filters) reads it as a separator, like any
  character that is neither a letter nor a digit;
- validation never counts it as a digit (digits are ASCII ``0``-``9`` anyway);
- an error message escapes it, like a character that is not printable.

The package data file ``unicode.json`` lists those code points, generated once
from Python 3.10's :mod:`unicodedata`.

>>> mask_unassigned("amnesty\\U00011f50 international")
'amnesty  international'
>>> is_assigned("\\U00011f50"), is_assigned("a")
(False, True)
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Final

__all__ = ["UNICODE_VERSION", "escape_line", "is_assigned", "mask_unassigned"]

UNICODE_VERSION: Final = "13.0.0"


@functools.cache
def _table() -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the first and last code points of the unassigned ranges, sorted."""
    import json  # neither is on the path of a bare import (errors.py imports this module)

    from ._resources import read_text

    ranges: list[list[int]] = json.loads(read_text("unicode.json"))["unassigned"]
    return tuple(first for first, _ in ranges), tuple(last for _, last in ranges)


_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


@functools.cache
def _bmp_pattern() -> re.Pattern[str]:
    # Only the Basic Multilingual Plane: re matches such a class with a bitmap, in
    # constant time per character; the astral planes are looked up with bisect.
    firsts, lasts = _table()
    parts = [
        f"{re.escape(chr(a))}-{re.escape(chr(min(b, 0xFFFF)))}"
        for a, b in zip(firsts, lasts, strict=True)
        if a <= 0xFFFF
    ]
    return re.compile("[" + "".join(parts) + "]")


def is_assigned(char: str) -> bool:
    """Return whether Unicode 13.0 assigns the character *char* (surrogates count as assigned)."""
    firsts, lasts = _table()
    code = ord(char)
    i = bisect.bisect_right(firsts, code) - 1
    return i < 0 or code > lasts[i]


def mask_unassigned(text: str, replacement: str = " ") -> str:
    """Return *text* with each character that Unicode 13.0 does not assign replaced by *replacement*."""
    if text.isascii():
        return text
    text = _bmp_pattern().sub(replacement, text)
    if _ASTRAL.search(text):
        text = _ASTRAL.sub(lambda m: m[0] if is_assigned(m[0]) else replacement, text)
    return text


def escape_line(text: str) -> str:
    """Return *text* as one printable line: other characters become escapes as in ``ascii()``.

    Line breaks, control and format characters, lone surrogates and the
    characters Unicode 13.0 does not assign are escaped; printable text stays.

    >>> print(escape_line("a\\nb \\ud800 caf\\u00e9"))
    a\\nb \\ud800 café
    """
    if text.isascii() and text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char.isprintable() and is_assigned(char):
            out.append(char)
        else:
            out.append(ascii(char)[1:-1])
    return "".join(out)
