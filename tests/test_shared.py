"""Nothing shared can be changed, and the version needs no metadata (issue 11, findings 14 and 15)."""

from __future__ import annotations

import copy
import datetime
import gc
import importlib.metadata
import inspect
import pickle
import pydoc
import threading
import weakref
from typing import NoReturn

import attrs
import pytest

import icnk_letter
from icnk_letter import Records, Release, _cli
from icnk_letter._records import _INDEXES, owner_of  # pyright: ignore[reportPrivateUsage]


class TestRecordsCannotBeChanged:
    """Finding 14: a collection has no ``__dict__``; its release cannot be swapped out."""

    def test_no_instance_dictionary(self, release: Release) -> None:
        """Setting an attribute on a shared collection fails; filters still resolve names afterwards."""
        with pytest.raises(AttributeError):
            setattr(release.contacts, "_release", None)  # noqa: B010 (what a user could type)
        assert (False, ["contact-london"]) == (
            hasattr(release.contacts, "__dict__"),
            [c.id for c in icnk_letter.load().contacts.filter(organization="CSW")],
        )

    def test_type_cannot_be_changed(self, release: Release) -> None:
        """The type that holds a collection's release refuses new values too."""
        with pytest.raises(AttributeError, match="read-only"):
            setattr(type(release.contacts), "_release", None)  # noqa: B010
        with pytest.raises(AttributeError, match="read-only"):
            delattr(type(release.contacts), "_release")
        assert owner_of(release.contacts) is release

    def test_slots(self) -> None:
        """Records declares empty __slots__, like the record classes."""
        assert () == vars(Records)["__slots__"]

    def test_a_plain_tuple_everywhere(self, release: Release) -> None:
        """A release's collection is still Records, equal to a tuple, and pickles as plain Records."""
        members = release.members
        assert (True, True, "Records(", Records) == (
            isinstance(members, Records),
            members == tuple(members),
            repr(members)[:8],
            type(pickle.loads(pickle.dumps(members))),
        )

    def test_released_with_its_release(self, release: Release) -> None:
        """A release made in passing and its collections are freed: nothing keeps them alive."""
        copied = attrs.evolve(release, title="A copy")
        copied.members.search("amnesty")
        copied.contacts.filter(organization="CSW").search("london")
        gone = weakref.ref(copied)
        key = id(copied.members)
        del copied
        gc.collect()
        assert (None, False) == (gone(), key in _INDEXES)

    def test_filtered_collections_are_freed(self, release: Release) -> None:
        """Filtering and searching many times leaves no index behind for the dropped results."""
        before = len(_INDEXES)
        for _ in range(200):
            release.members.filter(country="ROK").search("radio")
        gc.collect()
        assert before == len(_INDEXES)

    def test_index_built_once_across_threads(self, release: Release) -> None:
        """Threads searching one fresh collection all get the same index."""
        members = release.members.filter()
        barrier = threading.Barrier(8)
        found: list[object] = []

        def search() -> None:
            barrier.wait()
            members.search("amnesty")
            found.append(_INDEXES[id(members)])

        threads = [threading.Thread(target=search) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert 1 == len({id(index) for index in found})

    def test_owner_of_anything_else(self, release: Release) -> None:
        """A plain tuple, or Records built by hand, belong to no release."""
        assert (None, None) == (owner_of(tuple(release.members)), owner_of(Records(release.members)))

    def test_copies_resolve_in_themselves(self, release: Release) -> None:
        """A deep copy of a release resolves names through its own collections."""
        copied = copy.deepcopy(release)
        assert (copied, ["contact-london"]) == (
            owner_of(copied.contacts),
            [c.id for c in copied.contacts.filter(organization="CSW")],
        )


class TestPublicConverter:
    """Finding 14: exports and serialization do not go through the public converter."""

    def test_hooks_change_nothing_of_ours(self) -> None:
        """A user's date hook on ``icnk_letter.converter`` changes neither exports nor to_dict, cached or not."""
        release = icnk_letter.load()
        before = {fmt: icnk_letter.export(release, fmt) for fmt in ("json", "jsonld", "popolo")}
        fresh = attrs.evolve(release, title=release.title)
        icnk_letter.converter.register_unstructure_hook(datetime.date, lambda d: "poisoned")
        try:
            assert "poisoned" == icnk_letter.converter.unstructure(release.date)
            after = {fmt: icnk_letter.export(fresh, fmt) for fmt in before}
            assert (before, "2012-01-09", True) == (
                after,
                icnk_letter.to_dict(fresh)["date"],
                '"2012-01-09"' in icnk_letter.to_json(fresh),
            )
        finally:
            icnk_letter.converter.register_unstructure_hook(datetime.date, datetime.date.isoformat)

    def test_a_converter_like_ours(self, release: Release) -> None:
        """The public converter is configured like the private one: it round-trips a release."""
        data = icnk_letter.converter.unstructure(release)
        assert (data, release) == (
            icnk_letter.to_dict(release),
            icnk_letter.converter.structure(data, Release),
        )


class TestVersionWithoutMetadata:
    """Finding 15: without installed metadata (a vendored copy, a zip), the version is "unknown"."""

    @pytest.fixture
    def no_metadata(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def missing(name: str) -> NoReturn:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", missing)

    @pytest.mark.usefixtures("no_metadata")
    def test_version(self) -> None:
        """``__version__`` falls back; help() and inspect.getmembers() work."""
        assert "unknown" == icnk_letter.__version__
        assert "unknown" in pydoc.render_doc(icnk_letter)
        assert ("__version__", "unknown") in inspect.getmembers(icnk_letter)

    @pytest.mark.usefixtures("no_metadata")
    def test_cli_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``icnk-letter --version`` prints "unknown" and exits with 0."""
        assert 0 == _cli.main(["--version"])
        assert capsys.readouterr().out.startswith("icnk-letter unknown (data schema ")

    def test_installed_version(self) -> None:
        """With metadata, it is the installed distribution's version."""
        assert importlib.metadata.version("icnk-letter") == icnk_letter.__version__
