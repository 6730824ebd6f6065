"""Find the real programs that some tests drive (a browser, LibreOffice), or skip or fail.

A newcomer's machine may lack them: their tests are then skipped with a one-line
reason. CI sets ``ICNK_REQUIRE_PROGRAMS=1`` after installing them, and there a
missing program fails the test instead, so that CI never skips silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

__all__ = ["REQUIRE_PROGRAMS", "require_program"]

REQUIRE_PROGRAMS = os.environ.get("ICNK_REQUIRE_PROGRAMS", "") not in ("", "0")


def require_program(*names: str, purpose: str) -> str:
    """Return the path of the first of *names* on PATH, or skip (fail under CI) saying *purpose*."""
    for name in names:
        path = shutil.which(name)
        if path is not None:
            return path
    message = f"{' or '.join(names)} not found on PATH, needed to {purpose}"
    if REQUIRE_PROGRAMS:
        pytest.fail(f"{message} (ICNK_REQUIRE_PROGRAMS is set)", pytrace=False)
    pytest.skip(message)
