"""Collect the examples in the Markdown docs (README.md, docs/) as tests, with Sybil."""

from __future__ import annotations

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

pytest_collect_file = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["README.md", "*.md"],
    excludes=["CHANGELOG.md"],
).pytest()
