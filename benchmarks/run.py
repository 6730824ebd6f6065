"""Benchmarks of icnk_letter, each beside a baseline measured in the same run.

Run from the repository root (with the package installed, or from the source tree)::

    python benchmarks/run.py            # every figure (about a minute)
    python benchmarks/run.py --quick    # fewer repeats: checks that it works

The process figures need the package installed (for the ``icnk-letter``
command) and pycountry (``pip install '.[bench]'``) for the comparison.

Every figure is the median over several repeats of the time of one call. A
benchmark is a measurement, not a test: nothing here fails on a figure. Each
group of measurements is one function returning rows, and :func:`main` prints
them as tables; add a group by writing a function and calling it from ``main``.
"""

from __future__ import annotations

import functools
import json
import os
import platform
import shutil
import statistics
import subprocess
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # for tests.crafted
from tests.crafted import crafted_json

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


# Whole processes: (label, argv after the interpreter or the command itself).
BARE_IMPORT = ("python -c 'import icnk_letter'", ["-c", "import icnk_letter"])
IMPORT_FLOOR = ("python -c 'import attrs'", ["-c", "import attrs"])
LOAD = (
    "python -c 'import icnk_letter; icnk_letter.load()'",
    ["-c", "import icnk_letter; icnk_letter.load()"],
)
RESOURCES = "importlib.resources" if sys.version_info >= (3, 12) else "importlib_resources"
LOAD_FLOOR = (
    f"python -c 'import attrs, cattrs, json, {RESOURCES}'",
    ["-c", f"import attrs, cattrs, json, {RESOURCES}"],
)
PYCOUNTRY = (
    "python -c 'import pycountry; pycountry.countries.lookup(\"KR\")'",
    ["-c", "import pycountry; pycountry.countries.lookup('KR')"],
)


# Peak memory is read from wait4()'s rusage. On Linux a child's ru_maxrss is at
# least its parent's size when it forked (the high-water mark survives exec), so
# the processes are started by this small helper interpreter, not by the
# benchmark process itself, whose imports would inflate every figure.
_RUNNER = """
import json, os, sys, time
for line in sys.stdin:
    argv = json.loads(line)
    devnull = os.open(os.devnull, os.O_WRONLY)
    started = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    os.close(devnull)
    print(json.dumps([elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""


class ProcessRunner:
    """Runs whole processes from a small helper interpreter and reports their wall time and peak RSS."""

    def __init__(self) -> None:
        self._helper = subprocess.Popen(
            [sys.executable, "-S", "-c", _RUNNER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def run(self, argv: list[str]) -> tuple[float, int]:
        """Run *argv* to completion; return its wall time in seconds and its peak RSS in KiB."""
        assert self._helper.stdin is not None
        assert self._helper.stdout is not None
        self._helper.stdin.write(json.dumps(argv) + "\n")
        self._helper.stdin.flush()
        elapsed, rss, code = json.loads(self._helper.stdout.readline())
        if code != 0:
            raise RuntimeError(f"{argv} failed with exit code {code}")
        # ru_maxrss is in KiB on Linux (bytes on macOS).
        return elapsed, rss // 1024 if sys.platform == "darwin" else rss

    def close(self) -> None:
        assert self._helper.stdin is not None
        self._helper.stdin.close()
        self._helper.wait()


def bench_processes(runs: int) -> list[tuple[str, float, int]]:
    """Median wall time and peak memory of whole processes, run alternately *runs* times each."""
    cli = shutil.which("icnk-letter") or str(Path(sys.executable).with_name("icnk-letter"))
    cases: list[tuple[str, list[str]]] = [
        (label, [sys.executable, *argv]) for label, argv in (IMPORT_FLOOR, BARE_IMPORT, LOAD_FLOOR, LOAD)
    ]
    cases.append(("icnk-letter members", [cli, "members"]))
    if _has_pycountry():
        cases.append((PYCOUNTRY[0], [sys.executable, *PYCOUNTRY[1]]))
    runner = ProcessRunner()
    for _, argv in cases:  # warm the file system cache and the .pyc files
        runner.run(argv)
    times: dict[str, list[float]] = {label: [] for label, _ in cases}
    peaks: dict[str, list[int]] = {label: [] for label, _ in cases}
    for _ in range(runs):  # alternate, so that drift affects every case alike
        for label, argv in cases:
            elapsed, rss = runner.run(argv)
            times[label].append(elapsed)
            peaks[label].append(rss)
    runner.close()
    return [
        (label, statistics.median(times[label]), int(statistics.median(peaks[label]))) for label, _ in cases
    ]


def print_processes(results: list[tuple[str, float, int]], runs: int) -> None:
    """Print each process against its floor and against pycountry's import and lookup."""
    by_label = {label: (seconds, rss) for label, seconds, rss in results}
    floors = {
        BARE_IMPORT[0]: IMPORT_FLOOR[0],
        LOAD[0]: LOAD_FLOOR[0],
        "icnk-letter members": LOAD_FLOOR[0],
    }
    pycountry = by_label.get(PYCOUNTRY[0])
    width = max(len(label) for label in by_label) + 2
    print(f"\nwhole processes: median of {runs} alternating runs (wall time, peak RSS)")
    header = f"{'process':<{width}}{'wall':>10}{'peak RSS':>11}{'vs floor':>10}{'vs pycountry':>14}"
    print(header)
    for label, (seconds, rss) in by_label.items():
        floor = floors.get(label)
        ratio = (
            f"{seconds / by_label[floor][0]:.2f}x" if floor else "floor" if label in floors.values() else ""
        )
        versus = f"{seconds / pycountry[0]:.2f}x" if pycountry and label != PYCOUNTRY[0] else ""
        print(f"{label:<{width}}{seconds * 1e3:>7.1f} ms{rss / 1024:>7.1f} MiB{ratio:>10}{versus:>14}")
    members = by_label["icnk-letter members"][0] / by_label[IMPORT_FLOOR[0]][0]
    print(f"icnk-letter members is {members:.2f}x {IMPORT_FLOOR[0]} (the comparison of the CLI issue)")
    if pycountry is None:
        print("(pycountry is not installed: pip install '.[bench]' for that comparison)")


def bench_first_load(runs: int) -> list[Row]:
    """The first ``load()`` in a fresh process, against ``json.loads`` of the data file in the same process.

    Importing attrs and the record classes is measured apart: it is the cost of
    the classes, which any use of the library pays, not of loading.
    """
    code = (
        "import time, json, icnk_letter\n"
        "from icnk_letter._resources import read_bytes\n"
        "data = read_bytes('release.json')\n"
        "t0 = time.perf_counter(); json.loads(data); t1 = time.perf_counter()\n"
        "icnk_letter.Release; t2 = time.perf_counter()\n"
        "icnk_letter.load(); t3 = time.perf_counter()\n"
        "print(t1 - t0, t2 - t1, t3 - t2)"
    )
    parse: list[float] = []
    classes: list[float] = []
    first: list[float] = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        json_seconds, class_seconds, load_seconds = map(float, output.stdout.split())
        parse.append(json_seconds)
        classes.append(class_seconds)
        first.append(load_seconds)
    json_median = statistics.median(parse)
    return [
        ("first load() in a fresh process", statistics.median(first), json_median),
        ("importing attrs and the record classes", statistics.median(classes), json_median),
    ]


def bench_cached_load(release: icnk_letter.Release) -> list[Row]:
    """A later ``load()`` (the cached object) against ``json.loads`` of the data file."""
    from icnk_letter._resources import read_bytes

    data = read_bytes("release.json")
    assert icnk_letter.load() is release
    return [("cached load()", median_time(icnk_letter.load), median_time(lambda: json.loads(data)))]


def bench_exports(runs: int) -> list[Row]:
    """Every export against ``json.dumps`` of the release as a dict.

    Three figures per format: the first call in a fresh process (with its one-off
    set-up: imports, and for JSON the converter's generated code), a call on a
    release the export has not seen (no cached result: the real work), and a
    repeated call (exports are cached per release, which is immutable).
    """
    code = (
        "import sys, time, icnk_letter, icnk_letter._export\n"
        "release = icnk_letter.load()\n"
        "t0 = time.perf_counter(); icnk_letter.export(release, sys.argv[1]); print(time.perf_counter() - t0)"
    )
    import attrs

    release = icnk_letter.load()
    baseline = median_time(functools.partial(json.dumps, icnk_letter.to_dict(release)))
    rows: list[Row] = []
    for fmt in icnk_letter.EXPORT_FORMATS:
        argv = [sys.executable, "-c", code, fmt]
        firsts = [
            float(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)
            for _ in range(runs)
        ]
        rows.append((f"export {fmt}, first call in a process", statistics.median(firsts), baseline))
        fresh = median_time(lambda fmt=fmt: icnk_letter.export(attrs.evolve(release), fmt))  # type: ignore[misc]
        rows.append((f"export {fmt}, new release object", fresh, baseline))
        icnk_letter.export(release, fmt)
        cached = median_time(functools.partial(icnk_letter.export, release, fmt))
        rows.append((f"export {fmt}, repeated call", cached, baseline))
    return rows


SCALE_SIZES = (500_000, 1_000_000, 2_000_000, 4_000_000)


def bench_scaling(repeat: int) -> list[Row]:
    """from_json of crafted sound releases of growing size, the fastest of *repeat* runs each."""
    rows: list[Row] = []
    for size in SCALE_SIZES:
        text = crafted_json(size)
        ours = min(timeit.repeat(functools.partial(icnk_letter.from_json, text), number=1, repeat=repeat))
        baseline = min(timeit.repeat(functools.partial(json.loads, text), number=1, repeat=repeat))
        rows.append((f"from_json, {size / 1e6:g} MB release", ours, baseline))
    return rows


def print_scaling(rows: list[Row]) -> None:
    """Print the loading table and how the time grows with the size (8x the input: 8 is linear)."""
    print_table(
        "loading grows linearly: from_json of crafted releases, fastest run", rows, "json.loads", median=False
    )
    growth = rows[-1][1] / rows[0][1]
    size_ratio = SCALE_SIZES[-1] / SCALE_SIZES[0]
    print(
        f"from_json at {SCALE_SIZES[-1] / 1e6:g} MB takes {growth:.1f}x its time at {SCALE_SIZES[0] / 1e6:g} MB "
        f"({size_ratio:g}x the input; {size_ratio:g} is linear)"
    )


def _has_pycountry() -> bool:
    import importlib.util

    return importlib.util.find_spec("pycountry") is not None


def print_table(title: str, rows: Iterable[Row], baseline_name: str, *, median: bool = True) -> None:
    """Print *rows* with their ratio to the baseline, and the medians of the group."""
    rows = list(rows)
    width = max(len(label) for label, _, _ in rows) + 2
    print(f"\n{title}")
    print(f"{'query':<{width}}{'median':>12}{baseline_name:>16}{'ratio':>10}")
    for label, ours, baseline in rows:
        print(f"{label:<{width}}{_format(ours):>12}{_format(baseline):>16}{ours / baseline:>9.1f}x")
    if median and len(rows) > 1:
        ours_median = statistics.median(r[1] for r in rows)
        base_median = statistics.median(r[2] for r in rows)
        label = "median of the set"
        print(
            f"{label:<{width}}{_format(ours_median):>12}{_format(base_median):>16}{ours_median / base_median:>9.1f}x"
        )


def main(argv: list[str] | None = None) -> int:
    """Run every group and print its table."""
    args = sys.argv[1:] if argv is None else argv
    quick = "--quick" in args
    runs = 3 if quick else 15
    started = time.perf_counter()
    print(
        f"icnk_letter {icnk_letter.__version__} on Python {platform.python_version()}, {platform.platform()}"
    )
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores; in-process figures are medians of 7 repeats, per call"
    )
    print_processes(bench_processes(runs), runs)
    release = icnk_letter.load()
    print_table(
        "loading vs json.loads of the data file",
        [*bench_first_load(runs), *bench_cached_load(release)],
        "json.loads",
        median=False,
    )
    print_table("lookup(key) vs a dict lookup", bench_lookup(release), "dict")
    print_table("search(query) vs a casefold scan of all names", bench_search(release), "casefold scan")
    print_table("first use: building the index", bench_index_build(release), "list()")
    print_table(
        "exports of the whole release vs json.dumps(to_dict(release))",
        bench_exports(runs),
        "json.dumps",
        median=False,
    )
    print_scaling(bench_scaling(2 if quick else 5))
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
