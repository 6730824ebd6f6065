"""The mistakes in ``typing_tests/mistakes.py`` stay type errors (issue 10).

Every line of that file marks an expected error of mypy and of pyright, and
both fail on an ignore that suppresses nothing. These tests take the mistakes
out, keep their ignores, and check that each checker then fails on every one of
those lines: so a mistake that stops being caught fails the type check. They
need mypy and pyright, which the ``types`` session installs.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MISTAKES = ROOT / "typing_tests" / "mistakes.py"
MARK = "  # type: ignore["


def without_mistakes(tmp_path: Path) -> tuple[Path, list[int]]:
    """Copy the project's configuration and the mistakes, each line's code replaced by ``...``.

    Returns the copied file and the numbers of the lines whose ignores now
    suppress nothing.
    """
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    lines: list[str] = []
    marked: list[int] = []
    for number, line in enumerate(MISTAKES.read_text(encoding="utf-8").splitlines(), start=1):
        code, mark, rest = line.partition(MARK)
        if mark:
            indent = code[: len(code) - len(code.lstrip())]
            line = f"{indent}...{mark}{rest}"
            marked.append(number)
        lines.append(line)
    copy = tmp_path / "typing_tests" / "mistakes.py"
    copy.parent.mkdir()
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy, marked


def test_every_mistake_is_marked_for_both_checkers() -> None:
    """Each marked line carries a pyright ignore too, and there are mistakes to check."""
    marked = [line for line in MISTAKES.read_text(encoding="utf-8").splitlines() if MARK in line]
    assert (True, []) == (len(marked) >= 20, [line for line in marked if "# pyright: ignore[" not in line])


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (nox -s types)")
def test_mypy_fails_when_a_mistake_is_gone(tmp_path: Path) -> None:
    """Without the mistakes, mypy reports every one of their ignores as unused."""
    copy, marked = without_mistakes(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "pyproject.toml",
            "--cache-dir",
            ".mypy_cache",
            str(copy),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    unused = [
        int(m.group(1))
        for m in re.finditer(r'mistakes\.py:(\d+): error: Unused "type: ignore"', result.stdout)
    ]
    assert (1, marked) == (result.returncode, unused), result.stdout


@pytest.mark.skipif(
    importlib.util.find_spec("pyright") is None, reason="pyright is not installed (nox -s types)"
)
def test_pyright_fails_when_a_mistake_is_gone(tmp_path: Path) -> None:
    """Without the mistakes, pyright reports every one of their ignores as unnecessary."""
    copy, marked = without_mistakes(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "pyright", "--pythonpath", sys.executable, "--outputjson", str(copy)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stdout)
    unnecessary = sorted(
        {
            d["range"]["start"]["line"] + 1
            for d in report["generalDiagnostics"]
            if d.get("rule") == "reportUnnecessaryTypeIgnoreComment"
        }
    )
    assert (1, marked) == (result.returncode, unnecessary), result.stdout
