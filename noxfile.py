"""The project's checks, each in a fresh virtual environment: ``python -m nox``."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = False
nox.options.error_on_missing_interpreters = True


@nox.session
def tests(session: nox.Session) -> None:
    """Run the tests, doctests and Markdown examples against the installed package."""
    session.install(".[test]")
    session.run("python", "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    session.install("ruff>=0.6")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def types(session: nox.Session) -> None:
    """Type-check src and tests with mypy --strict."""
    session.install(".[test]", "mypy>=1.10", "nox")
    session.run("mypy", "--strict", "src", "tests", "noxfile.py")
