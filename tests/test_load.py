"""``load()``: built once, shared, and usable from a zip."""

from __future__ import annotations

import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import attrs
import pytest

import icnk_letter
import icnk_letter._load


class TestLoad:
    def test_headline_values(self, release: icnk_letter.Release) -> None:
        """The values of the issue's example."""
        assert (release.date.isoformat(), len(release.members), len(release.contacts)) == (
            "2012-01-09",
            39,
            4,
        )

    def test_same_object(self) -> None:
        """Later calls return the very same object."""
        assert icnk_letter.load() is icnk_letter.load()

    def test_threads_share_one_object(self) -> None:
        """Many threads at once all get the same release."""
        results: list[icnk_letter.Release] = []
        barrier = threading.Barrier(8)

        def worker() -> None:
            barrier.wait()
            results.append(icnk_letter.load())

        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(results) == 8
        assert all(r is results[0] for r in results)

    def test_immutable(self, release: icnk_letter.Release) -> None:
        """Records cannot be changed, and collections are tuples."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            release.members[0].name = "x"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
        assert isinstance(release.members, tuple)
        assert isinstance(release.contacts[0].phones, tuple)

    def test_version_from_metadata(self) -> None:
        """``__version__`` is the installed distribution's version."""
        from importlib.metadata import version

        assert version("icnk-letter") == icnk_letter.__version__

    def test_unknown_attribute(self) -> None:
        """Unknown module attributes raise AttributeError naming them."""
        name = "no_such_name"
        with pytest.raises(AttributeError, match=name):
            getattr(icnk_letter, name)

    def test_dir_lists_the_lazy_names(self) -> None:
        """``dir()`` lists every public name, the lazily imported ones and ``__version__`` included, sorted."""
        names = dir(icnk_letter)
        assert sorted(names) == names
        assert [] == sorted({*icnk_letter.__all__, "__version__"} - set(names))

    def test_a_thread_that_waited_uses_the_release_built_meanwhile(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A thread that found no release, then waited for the lock while another built one, returns that one."""
        built = icnk_letter.load()
        lock = threading.Lock()
        waiting = threading.Event()

        class WatchedLock:
            """The loader's lock, telling the test when a thread starts to wait for it."""

            def __enter__(self) -> None:
                waiting.set()
                lock.acquire()

            def __exit__(self, *exc_info: object) -> None:
                lock.release()

        def build_again() -> icnk_letter.Release:
            raise AssertionError("the release was built a second time")

        monkeypatch.setattr(icnk_letter._load, "_release", None)
        monkeypatch.setattr(icnk_letter._load, "_lock", WatchedLock())
        monkeypatch.setattr(icnk_letter._load, "build_bundled", build_again)
        results: list[icnk_letter.Release] = []
        thread = threading.Thread(target=lambda: results.append(icnk_letter._load.load()))
        with lock:  # as if another thread were building the release
            thread.start()
            assert waiting.wait(timeout=30)
            monkeypatch.setattr(icnk_letter._load, "_release", built)
        thread.join(timeout=30)
        assert [built] == results
        assert results[0] is built


def test_load_from_zip(tmp_path: Path) -> None:
    """The package works when imported from a zip file (zipimport)."""
    package = Path(icnk_letter.__file__).parent
    archive = tmp_path / "icnk_letter.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("icnk_letter") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import icnk_letter as m; "
        "assert '.zip' in m.__file__, m.__file__; r = m.load(); m.verify(r); "
        "print(r.date, len(r.members), len(r.contacts))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=False
    )
    assert (result.stdout, result.stderr) == ("2012-01-09 39 4\n", "")
