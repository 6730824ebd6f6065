"""Loading scales linearly: from_json of crafted releases of 0.5, 1, 2 and 4 MB.

No absolute time is asserted, only how the time grows with the size: each
size's figure is the fastest of a few runs, so that a busy machine cannot
make a small input look slow, and the ratios allow three times linear.
"""

from __future__ import annotations

import contextlib
import itertools
import time

import pytest

import icnk_letter
from tests.crafted import crafted_json

SIZES = (500_000, 1_000_000, 2_000_000, 4_000_000)
SLACK = 3


def fastest(text: str, repeats: int = 3) -> float:
    """Return the shortest of *repeats* timings of from_json(text), whatever it returns or raises."""
    timings: list[float] = []
    for _ in range(repeats):
        started = time.perf_counter()
        with contextlib.suppress(icnk_letter.DataError):
            icnk_letter.from_json(text)
        timings.append(time.perf_counter() - started)
    return min(timings)


@pytest.mark.parametrize("sound", [True, False], ids=["sound", "many-problems"])
def test_from_json_is_linear(sound: bool) -> None:
    """Eight times the input takes less than 8 x 3 times as long, and each doubling less than 2 x 3."""
    timings = [fastest(crafted_json(size, sound=sound)) for size in SIZES]
    ratios = [later / earlier for earlier, later in itertools.pairwise(timings)]
    assert timings[-1] / timings[0] < 8 * SLACK, timings
    assert all(ratio < 2 * SLACK for ratio in ratios), timings


def test_largest_input_is_refused_by_size() -> None:
    """Just over MAX_JSON_SIZE is refused before it is parsed."""
    with pytest.raises(icnk_letter.DataError, match="more than the limit"):
        icnk_letter.from_json(" " * (icnk_letter.MAX_JSON_SIZE + 1))
