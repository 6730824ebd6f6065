"""The examples in the installed package's docstrings, run as tests."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import icnk_letter


def modules() -> list[str]:
    names = [icnk_letter.__name__]
    for info in pkgutil.iter_modules(icnk_letter.__path__, prefix="icnk_letter."):
        if not info.name.endswith("__main__"):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", modules())
def test_docstring_examples(name: str) -> None:
    """Every docstring example of the module produces the output it shows."""
    module: ModuleType = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS, report=True, verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
