"""Fuzzing: hostile input to from_json, from_dict, verify, export and to_json gets a documented error.

Each test runs a fixed, small number of examples by default, so that CI stays
cheap; ``nox -s fuzz`` runs many more (the ``ICNK_FUZZ_EXAMPLES`` environment
variable sets the number per test).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import icnk_letter
from icnk_letter import EXPORT_FORMATS, DataError, Release
from icnk_letter._unicode import escape_line
from tests.strategies import evolved_releases, mutated_json_bytes, mutated_release_data

EXAMPLES = int(os.environ.get("ICNK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


def assert_documented(error: DataError) -> None:
    """A DataError whose every problem is one printable line, and whose message prints."""
    assert error.problems
    for problem in error.problems:
        assert problem == escape_line(problem)
    str(error).encode("utf-8")


def load_or_refuse(call: object, *args: object) -> object:
    """Return what *call* returns, or None if it raised a DataError (checked); nothing else may escape."""
    assert callable(call)
    try:
        return call(*args)
    except DataError as error:
        assert_documented(error)
        return None


class TestMutatedData:
    """from_dict and from_json of the bundled release with values replaced, deleted or added."""

    @FUZZ
    @given(mutated_release_data())
    def test_from_dict(self, data: object) -> None:
        """A release or a DataError, nothing else."""
        result = load_or_refuse(icnk_letter.from_dict, data)
        assert result is None or isinstance(result, Release)

    @FUZZ
    @given(mutated_release_data())
    def test_from_json(self, data: object) -> None:
        """The same through JSON text (lone surrogates and huge numbers included)."""
        import json

        try:
            text = json.dumps(data)
        except ValueError:  # an integer json.dumps cannot write: from_dict covers it
            return
        result = load_or_refuse(icnk_letter.from_json, text)
        assert result is None or isinstance(result, Release)


class TestEvolvedReleases:
    """verify, export and to_json of releases built with attrs.evolve() holding any value."""

    @FUZZ
    @given(evolved_releases())
    def test_verify(self, release: Release) -> None:
        """A report or a DataError."""
        load_or_refuse(icnk_letter.verify, release)

    @FUZZ
    @given(evolved_releases(), st.sampled_from(EXPORT_FORMATS))
    def test_export(self, release: Release, fmt: str) -> None:
        """Text or a DataError."""
        result = load_or_refuse(icnk_letter.export, release, fmt)
        assert result is None or isinstance(result, str)

    @FUZZ
    @given(evolved_releases())
    def test_to_json(self, release: Release) -> None:
        """JSON text that encodes as UTF-8, or a DataError."""
        result = load_or_refuse(icnk_letter.to_json, release)
        if result is not None:
            assert isinstance(result, str)
            result.encode("utf-8")


class TestRawBytes:
    """from_json of bytes: the bundled JSON with bytes changed, and arbitrary bytes."""

    @FUZZ
    @given(mutated_json_bytes())
    def test_mutated(self, data: bytes) -> None:
        """A release or a DataError."""
        result = load_or_refuse(icnk_letter.from_json, data)
        assert result is None or isinstance(result, Release)

    @FUZZ
    @given(st.binary(max_size=200))
    def test_arbitrary(self, data: bytes) -> None:
        """Random bytes are never a release."""
        assert load_or_refuse(icnk_letter.from_json, data) is None
