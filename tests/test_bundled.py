"""The fast builder of the bundled release agrees with the strict cattrs converter."""

from __future__ import annotations

import json
import sys

import icnk_letter
from icnk_letter._bundled import build_release
from icnk_letter._convert import converter

if sys.version_info >= (3, 12):
    from importlib.resources import files
else:
    from importlib_resources import files

DATA = files("icnk_letter").joinpath("data", "release.json").read_text(encoding="utf-8")
TEXT = files("icnk_letter").joinpath("data", "release.txt").read_bytes().decode("utf-8")


def test_same_release_as_cattrs() -> None:
    """Plain constructors build exactly the release the converter structures."""
    data = json.loads(DATA)
    fast = build_release(data, TEXT)
    strict = converter.structure({**data, "text": TEXT}, icnk_letter.Release)
    assert strict == fast
    assert fast == icnk_letter.load()


def test_bundled_data_passes_verify() -> None:
    """The trusted data that the fast path skips checking for is sound."""
    icnk_letter.verify(build_release(json.loads(DATA), TEXT))
