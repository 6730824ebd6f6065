"""Benchmarks of icnk_letter, each beside a baseline measured in the same run.

Run from the repository root (with the package installed, or from the source tree)::

    python benchmarks/run.py

Every figure is the median over several repeats of the time of one call. A
benchmark is a measurement, not a test: nothing here fails on a figure. Each
group of measurements is one function returning rows, and :func:`main` prints
them as tables; add a group by writing a function and calling it from ``main``.
"""

from __future__ import annotations

import functools
import platform
import statistics
import sys
import time
import timeit
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

try:
    import icnk_letter
except ImportError:  # run from a source checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import icnk_letter

# The fixed query sets: what users type, from exact ids to typos.
LOOKUP_KEYS = [
    "amnesty-international",
    "Human Rights Watch",
    "fidh",
    "Liberty in North Korea - LiNK (USA)",
    "YOUNG DEFECTORS\u2019 ALLIANCE FOR NORTH-KOREAN HUMAN RIGHTS",
    "Tae Keung Ha",
    "doik@hrw.org",
    "tel:+81-3-5282-5162",
    "03-5282-5162",
    "close the prison camps",
]
SEARCH_QUERIES = [
    "amnesty",
    "human rights",
    "Human Rights Watch",
    "humen rihgts watch",
    "Amnesty Internacional",
    "north korea",
    "prison camps",
    "labour",
    "24.5 million",
    "kanae",
]

# A row of a table: label, our median (seconds per call), the baseline's median.
Row = tuple[str, float, float]


def median_time(func: Callable[[], object], *, repeat: int = 7, budget: float = 0.02) -> float:
    """Return the median time of one call of *func*, in seconds.

    The number of calls per repeat is chosen so that a repeat takes about
    *budget* seconds; the median of *repeat* repeats resists outliers.
    """
    timer = timeit.Timer(func)
    elapsed = timer.timeit(1)
    number = max(1, int(budget / max(elapsed, 1e-9)))
    return statistics.median(timer.repeat(repeat=repeat, number=number)) / number


def bench_lookup(release: icnk_letter.Release) -> list[Row]:
    """``Release.lookup`` against a plain ``dict`` lookup of the same key, already normalized."""
    release.lookup(LOOKUP_KEYS[0])  # build the index outside the measurement
    plain: dict[str, Any] = {key: release.lookup(key) for key in LOOKUP_KEYS}
    rows: list[Row] = []
    for key in LOOKUP_KEYS:
        ours = median_time(functools.partial(release.lookup, key))
        baseline = median_time(functools.partial(plain.__getitem__, key))
        rows.append((key, ours, baseline))
    return rows


def bench_search(release: icnk_letter.Release) -> list[Row]:
    """``Release.search`` against a linear scan with ``str.casefold`` over every name and text."""
    release.search(SEARCH_QUERIES[0])  # build the index outside the measurement
    names = _names(release)

    def scan(query: str) -> list[Any]:
        folded = query.casefold()
        return [record for name, record in names if folded in name.casefold()]

    rows: list[Row] = []
    for query in SEARCH_QUERIES:
        ours = median_time(functools.partial(release.search, query))
        baseline = median_time(functools.partial(scan, query))
        rows.append((query, ours, baseline))
    return rows


def bench_index_build(release: icnk_letter.Release) -> list[Row]:
    """The one-off cost of building the release's index, against loading nothing more (a no-op)."""
    from icnk_letter._search import Index

    records = [release.letter, *release.organizations, *release.people, *release.contacts]
    records += [*release.quotes, *release.claims]
    ours = median_time(lambda: Index(records), repeat=5, budget=0.2)
    baseline = median_time(lambda: list(records), repeat=5)
    return [("Index of the whole release", ours, baseline)]


def print_table(title: str, rows: Iterable[Row], baseline_name: str) -> None:
    """Print *rows* with their ratio to the baseline, and the medians of the group."""
    rows = list(rows)
    width = max(len(label) for label, _, _ in rows) + 2
    print(f"\n{title}")
    print(f"{'query':<{width}}{'median':>12}{baseline_name:>16}{'ratio':>10}")
    for label, ours, baseline in rows:
        print(f"{label:<{width}}{_format(ours):>12}{_format(baseline):>16}{ours / baseline:>9.1f}x")
    if len(rows) > 1:
        ours_median = statistics.median(r[1] for r in rows)
        base_median = statistics.median(r[2] for r in rows)
        label = "median of the set"
        print(
            f"{label:<{width}}{_format(ours_median):>12}{_format(base_median):>16}{ours_median / base_median:>9.1f}x"
        )


def main() -> int:
    """Run every group and print its table."""
    started = time.perf_counter()
    print(
        f"icnk_letter {icnk_letter.__version__} on Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"{platform.processor() or platform.machine()}; medians of 7 repeats, per call")
    release = icnk_letter.load()
    print_table("lookup(key) vs a dict lookup", bench_lookup(release), "dict")
    print_table("search(query) vs a casefold scan of all names", bench_search(release), "casefold scan")
    print_table("first use: building the index", bench_index_build(release), "list()")
    print(f"\n(ran in {time.perf_counter() - started:.1f} s)")
    return 0


def _names(release: icnk_letter.Release) -> list[tuple[str, Any]]:
    """Every name, acronym and text of the release with its record: what a naive scan looks at."""
    names: list[tuple[str, Any]] = []
    for org in release.organizations:
        names += [(text, org) for text in (org.name, org.acronym, org.listed_as) if text]
    names += [(person.name, person) for person in release.people]
    names += [(contact.city, contact) for contact in release.contacts]
    names += [(quote.text, quote) for quote in release.quotes]
    names += [(claim.text, claim) for claim in release.claims]
    return names


def _format(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} us"
    return f"{seconds * 1e9:.0f} ns"


if __name__ == "__main__":
    sys.exit(main())
