from __future__ import annotations

import pytest

import icnk_letter


@pytest.fixture(scope="session")
def release() -> icnk_letter.Release:
    """The bundled release, built once for the whole session."""
    return icnk_letter.load()
