"""Loading scales linearly: from_json of crafted releases of 0.5, 1, 2 and 4 MB.

No absolute time is asserted, only how the time grows with the size. The sizes
are timed in turn, round after round, and each size's figure is its fastest
round, so that a busy spell of a shared machine slows every size alike rather
than one; eight times the input may take up to three times eight times as
long (a quadratic cost would take 64 times).
"""

from __future__ import annotations

import contextlib
import time

import pytest

import icnk_letter
from tests.crafted import crafted_json

SIZES = (500_000, 1_000_000, 2_000_000, 4_000_000)
SLACK = 3
ROUNDS = 5


def timed(text: str) -> float:
    """Return how long from_json(text) takes, whether it returns or raises a DataError."""
    started = time.perf_counter()
    with contextlib.suppress(icnk_letter.DataError):
        icnk_letter.from_json(text)
    return time.perf_counter() - started


def fastest_rounds(texts: list[str]) -> list[float]:
    """Return the fastest of ROUNDS timings of each text, the texts timed in turn in each round."""
    best = [float("inf")] * len(texts)
    for _ in range(ROUNDS):
        for i, text in enumerate(texts):
            best[i] = min(best[i], timed(text))
    return best


@pytest.mark.parametrize("sound", [True, False], ids=["sound", "many-problems"])
def test_from_json_is_linear(sound: bool) -> None:
    """Eight times the input takes less than 8 x 3 times as long."""
    texts = [crafted_json(size, sound=sound) for size in SIZES]
    timings = fastest_rounds(texts)
    assert timings[-1] / timings[0] < (SIZES[-1] / SIZES[0]) * SLACK, timings


def test_largest_input_is_refused_by_size() -> None:
    """Just over MAX_JSON_SIZE is refused before it is parsed."""
    with pytest.raises(icnk_letter.DataError, match="more than the limit"):
        icnk_letter.from_json(" " * (icnk_letter.MAX_JSON_SIZE + 1))
