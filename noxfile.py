"""The project's checks, each in a fresh virtual environment: ``python -m nox``.

The test sessions install the wheel built by the ``build`` session, never the
source tree, so a file missing from the wheel fails them.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import nox

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - nox itself runs on the newest Python here
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

nox.needs_version = ">=2024.4.15"  # default=False sessions
nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False

ROOT = Path(__file__).parent
DIST = ROOT / "dist"
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


# Tests that need the type checkers run in the types session, not with the others.
_NOT_HERE = ("--ignore=tests/test_typing.py",)


def _wheel() -> str:
    wheels = sorted(DIST.glob("icnk_letter-*.whl"))
    if len(wheels) != 1:
        raise RuntimeError(f"expected one wheel in {DIST}, found {[w.name for w in wheels]}")
    return str(wheels[0])


def _lowest_requirements() -> list[str]:
    """The runtime dependencies pinned to the lowest versions pyproject.toml allows."""
    pins = []
    for requirement in PYPROJECT["project"]["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([^,;\s]+)(\s*;.*)?", requirement)
        if match is None:
            raise RuntimeError(f"cannot pin {requirement!r}: expected 'name>=version[; marker]'")
        name, lowest, marker = match.groups()
        pins.append(f"{name}=={lowest}{marker or ''}")
    return pins


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check their contents."""
    shutil.rmtree(DIST, ignore_errors=True)
    session.install("build>=1.2", "twine>=5", "check-wheel-contents>=0.6")
    session.run("python", "-m", "build", "--outdir", str(DIST), str(ROOT))
    session.run("twine", "check", "--strict", *map(str, sorted(DIST.iterdir())))
    session.run("check-wheel-contents", str(DIST))
    session.run("python", str(ROOT / "tests" / "check_dist.py"), str(DIST))


@nox.session(python=PYTHONS, requires=["build"])
def tests(session: nox.Session) -> None:
    """Run the tests, doctests and Markdown examples against the installed wheel, under coverage."""
    session.install(f"{_wheel()}[test]", "coverage[toml]>=7.4")
    session.run(
        "coverage",
        "run",
        "-m",
        "pytest",
        *_NOT_HERE,
        *session.posargs,
        env={"COVERAGE_FILE": str(_coverage_file(session))},
    )


@nox.session(requires=[f"tests-{python}" for python in PYTHONS])
def coverage(session: nox.Session) -> None:
    """Combine the coverage of every Python's test run and report it (branches included)."""
    session.install("coverage[toml]>=7.4")
    # Only the Pythons that ran have a data file (a missing one is skipped, or fails
    # under CI); combining removes the files, so a later run starts clean.
    data = sorted(str(path) for path in (ROOT / ".nox").glob(".coverage.*"))
    if not data:
        session.error("no coverage data: no tests session ran")
    env = {"COVERAGE_FILE": str(ROOT / ".nox" / ".coverage")}
    session.run("coverage", "combine", *data, env=env)
    session.run("coverage", "report", env=env)


def _coverage_file(session: nox.Session) -> Path:
    return ROOT / ".nox" / f".coverage.{session.python}"


@nox.session(python=PYTHONS[0], requires=["build"])
def lowest(session: nox.Session) -> None:
    """Run the tests with the lowest versions of attrs and cattrs that pyproject.toml allows."""
    session.install(f"{_wheel()}[test]")
    session.install(*_lowest_requirements())
    session.run("python", "-m", "pip", "list", "--format=freeze", silent=False)
    session.run("python", "-m", "pytest", *_NOT_HERE, *session.posargs)


@nox.session(requires=["build"], default=False)
def fuzz(session: nox.Session) -> None:
    """Run the fuzzing suite with many more examples than the test runs: not part of a plain ``nox``.

    ``ICNK_FUZZ_EXAMPLES`` sets the examples per test (default 2,000; the test runs use 25).
    """
    session.install(f"{_wheel()}[test]")
    examples = os.environ.get("ICNK_FUZZ_EXAMPLES", "2000")
    session.run(
        "python",
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "tests/test_fuzz.py",
        *session.posargs,
        env={"ICNK_FUZZ_EXAMPLES": examples},
    )


@nox.session
def readme(session: nox.Session) -> None:
    """Run the README's first command in a fresh environment: it must install and print the summary."""
    readme_text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```sh\n(.+?)\n```", readme_text)
    if match is None:
        session.error("README.md has no ```sh block")
    command = match.group(1)
    output = session.run("bash", "-c", command, external=True, silent=True)
    print(output)
    expected = ("World's major human rights groups", "Members:", "39 listed")
    if not isinstance(output, str) or not all(text in output for text in expected):
        session.error(f"{command!r} did not print the summary")


@nox.session(requires=["build"])
def bench(session: nox.Session) -> None:
    """Run the benchmark script once, quickly: it must work; its figures never fail anything."""
    session.install(f"{_wheel()}[bench]")
    session.run("python", "benchmarks/run.py", *(session.posargs or ["--quick"]))


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    session.install("ruff==0.17.6")  # pinned: a new rule must not fail an unchanged tree
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def citation(session: nox.Session) -> None:
    """Validate CITATION.cff with cffconvert, in an environment of its own (it needs jsonschema<4)."""
    session.install("cffconvert>=2.0")
    session.run("cffconvert", "--validate", "--infile", str(ROOT / "CITATION.cff"))


@nox.session(requires=["build"])
def types(session: nox.Session) -> None:
    """Type-check src, tests and typing_tests with mypy --strict and pyright strict."""
    # The checkers analyse for Python 3.10 (pyproject.toml) whatever Python runs
    # nox, so they follow the 3.10 import branches: install those backports too.
    session.install(
        f"{_wheel()}[test]",
        "mypy==2.4.1",
        "pyright==1.1.414",
        "typing-extensions>=4.6",
        "nox",
        "importlib-resources>=5.10",
        "tomli>=2",
        "exceptiongroup>=1.1",  # cattrs' errors derive from it on 3.10
    )
    session.run("mypy", "--strict", "src", "tests", "typing_tests", "benchmarks", "noxfile.py")
    session.run("pyright")
    # The mistakes in typing_tests/mistakes.py must stay errors of both checkers.
    session.run("python", "-m", "pytest", "-p", "no:cacheprovider", "tests/test_typing.py")


@nox.session(requires=["build"])
def docs(session: nox.Session) -> None:
    """Build the documentation with warnings as errors and nitpicky references."""
    session.install(f"{_wheel()}[docs]")
    session.run(
        "sphinx-build",
        "-n",
        "-W",
        "--keep-going",
        "-b",
        "html",
        "docs",
        str(ROOT / "docs" / "_build" / "html"),
    )


def _test_requirement(name: str) -> str:
    """The requirement on *name* in the test extra of pyproject.toml, as written there."""
    for requirement in PYPROJECT["project"]["optional-dependencies"]["test"]:
        if re.match(rf"{re.escape(name)}\b", requirement, re.IGNORECASE):
            return str(requirement)
    raise RuntimeError(f"the test extra has no requirement on {name}")


@nox.session(default=False, requires=["build"])
def screenshot(session: nox.Session) -> None:
    """Remake docs/_static/release-page.png: the html page at desktop width, in the system's Chromium.

    It uses the browser harness of the tests (tests/browser.py) and needs
    Debian's chromium; run it when the page changes, and commit the image.
    """
    session.install(_wheel(), _test_requirement("playwright"))
    session.run(
        "python", str(ROOT / "tests" / "browser.py"), str(ROOT / "docs" / "_static" / "release-page.png")
    )
