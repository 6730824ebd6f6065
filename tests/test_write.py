"""No write loses data: ``--output``, the data package, interruptions, full disks and closed streams (issue 11)."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import shlex
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest

import icnk_letter
from icnk_letter import _cli, _write

from .test_cli import PACKAGE_FILES, call, find_script

posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX file types and signals")
PACKAGE = PACKAGE_FILES


@pytest.fixture(scope="module")
def script() -> str:
    return find_script()


def leftovers(folder: Path) -> list[str]:
    """Return the temporary files and folders of the writers in *folder*."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".icnk-"))


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def vcard(release: icnk_letter.Release) -> bytes:
    return icnk_letter.export(release, "vcard").encode("utf-8")


def old_package(folder: Path) -> dict[str, bytes]:
    """Fill *folder* with a stand-in for an older package, and return its files."""
    folder.mkdir(exist_ok=True)
    files = {name: f"old {name}\n".encode() * 100 for name in PACKAGE}
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return files


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


class TestOutputFile:
    """Finding 10: ``--output`` replaces a regular file whole and writes straight to anything else."""

    @posix_only
    def test_fifo(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """A FIFO is written to, and stays a FIFO."""
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        code = call(capsys, "export", "vcard", "-o", str(fifo))
        reader.join(timeout=60)
        assert ((0, "", ""), [vcard(release)], True) == (code, received, stat.S_ISFIFO(fifo.lstat().st_mode))

    @posix_only
    def test_character_device(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The null device is written to, not replaced by a file."""
        assert (0, "", "") == call(capsys, "export", "json", "-o", os.devnull)
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)

    @pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
    def test_full_device(self, capsys: pytest.CaptureFixture[str]) -> None:
        """/dev/full, a disk that is always full, is one error line and exit code 1."""
        assert (1, "", "icnk-letter: cannot write '/dev/full': No space left on device\n") == call(
            capsys, "export", "json", "-o", "/dev/full"
        )

    @posix_only
    def test_dev_stdout(self, capfd: pytest.CaptureFixture[str], release: icnk_letter.Release) -> None:
        """``--output /dev/stdout`` writes to stdout."""
        assert 0 == _cli.main(["export", "vcard", "-o", "/dev/stdout"])
        assert vcard(release).decode() == capfd.readouterr().out

    @posix_only
    @pytest.mark.parametrize("redirect", [">", ">>"])
    def test_dev_stdout_into_a_file(
        self, script: str, tmp_path: Path, release: icnk_letter.Release, redirect: str
    ) -> None:
        """``-o /dev/stdout`` into a file writes like any output: ``>>`` appends, ``/dev/stdout`` stays as it was."""
        before = stat.S_IFMT(os.lstat("/dev/stdout").st_mode)
        log = tmp_path / "log"
        log.write_bytes(b"before\n")
        command = f"{shlex.quote(script)} export vcard -o /dev/stdout {redirect} {shlex.quote(str(log))}"
        result = subprocess.run(["bash", "-c", command], capture_output=True, timeout=60, check=False)
        kept = b"before\n" if redirect == ">>" else b""
        assert (0, b"", kept + vcard(release)) == (result.returncode, result.stderr, log.read_bytes())
        assert before == stat.S_IFMT(os.lstat("/dev/stdout").st_mode)  # a link or a device, still

    @posix_only
    def test_dev_stdout_into_a_pipe(self, script: str, release: icnk_letter.Release) -> None:
        """``-o /dev/stdout`` into a pipe writes into the pipe."""
        result = subprocess.run(
            [script, "export", "vcard", "-o", "/dev/stdout"], capture_output=True, timeout=60, check=False
        )
        assert (0, vcard(release), b"") == (result.returncode, result.stdout, result.stderr)

    @pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="no /proc here")
    def test_link_of_proc_to_a_deleted_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A /proc link to an open file (here a deleted one) is written in place, not renamed over."""
        path = tmp_path / "open"
        with path.open("w+b") as file:
            path.unlink()
            assert (0, "", "") == call(capsys, "export", "json", "-o", f"/proc/self/fd/{file.fileno()}")
            assert file.read(1) == b"{"
        assert [] == list(tmp_path.iterdir())

    def test_standard_stream_closed(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A closed fd 1 or 2 is simply not the target."""
        real_fstat = os.fstat

        def fstat(fd: int) -> os.stat_result:
            if fd in (1, 2):
                raise OSError(errno.EBADF, "Bad file descriptor")
            return real_fstat(fd)

        monkeypatch.setattr(os, "fstat", fstat)
        path = tmp_path / "f"
        path.write_bytes(b"")
        assert _write._standard_stream(path.stat()) is None  # pyright: ignore[reportPrivateUsage]

    @posix_only
    def test_symlink(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """A symbolic link is written through: the file it names is replaced, the link stays."""
        (tmp_path / "data").mkdir()
        target = tmp_path / "data" / "contacts.vcf"
        target.write_bytes(b"old")
        link = tmp_path / "link.vcf"
        link.symlink_to(target)
        dangling = tmp_path / "dangling.vcf"
        dangling.symlink_to(tmp_path / "data" / "new.vcf")
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(link))
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(dangling))
        assert (True, True, vcard(release), vcard(release)) == (
            link.is_symlink(),
            dangling.is_symlink(),
            target.read_bytes(),
            (tmp_path / "data" / "new.vcf").read_bytes(),
        )
        assert [] == leftovers(tmp_path) + leftovers(tmp_path / "data")

    @posix_only
    def test_hard_link(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """A file with another hard link is replaced atomically: the other name keeps the old content."""
        path = tmp_path / "contacts.vcf"
        path.write_bytes(b"old")
        other = tmp_path / "other.vcf"
        os.link(path, other)
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(path))
        assert (vcard(release), b"old") == (path.read_bytes(), other.read_bytes())

    @posix_only
    def test_private_file_stays_private(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A 0600 file keeps its mode: phone numbers do not become world-readable."""
        path = tmp_path / "contacts.vcf"
        path.write_bytes(b"old")
        path.chmod(0o600)
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(path))
        assert 0o600 == stat.S_IMODE(path.stat().st_mode)

    def test_new_file_gets_the_umask_mode(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A new file gets the mode the umask gives, not the 0600 of a temporary file."""
        path = tmp_path / "members.csv"
        assert (0, "", "") == call(capsys, "export", "csv-members", "-o", str(path))
        assert 0o666 & ~umask() == stat.S_IMODE(path.stat().st_mode)

    @posix_only
    def test_read_only_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """A 0444 file is refused (even for root) unless --force is given; forced, it stays read-only."""
        path = tmp_path / "contacts.vcf"
        path.write_bytes(b"old")
        path.chmod(0o444)
        expected = f"icnk-letter: cannot write {str(path)!r}: it is read-only; --force replaces it\n"
        assert ((1, "", expected), b"old") == (
            call(capsys, "export", "vcard", "-o", str(path)),
            path.read_bytes(),
        )
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(path), "--force")
        assert (vcard(release), 0o444) == (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))
        assert [] == leftovers(tmp_path)

    def test_longest_name(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A name as long as the file system allows still gets a temporary file beside it."""
        try:
            limit = os.pathconf(tmp_path, "PC_NAME_MAX")
        except (AttributeError, OSError, ValueError):  # pragma: no cover (no pathconf)
            limit = 255
        path = tmp_path / ("n" * (min(limit, 255) - 1))
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(path))
        assert [path.name] == [p.name for p in tmp_path.iterdir()]

    def test_full_disk_injected(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """A disk that fills up after the first chunk leaves the old file whole and no temporary file."""
        path = tmp_path / "release.json"
        path.write_bytes(b"old")
        fill_up(monkeypatch)
        assert (1, "", f"icnk-letter: cannot write {str(path)!r}: No space left on device\n") == call(
            capsys, "export", "json", "-o", str(path)
        )
        assert ([], b"old") == (leftovers(tmp_path), path.read_bytes())


def fill_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every write after the first fail with ENOSPC, as a disk that has just filled up."""
    real_write = os.write
    calls: list[int] = []

    def write(fd: int, data: bytes | memoryview) -> int:
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 kB tmpfs, where the machine lets us mount one (as root on Linux)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True, check=False)


class TestFullDisk:
    """Finding 11: a real full disk (a small tmpfs) keeps the old file or package whole."""

    def test_output_file(self, capsys: pytest.CaptureFixture[str], small_disk: Path) -> None:
        """The JSON export does not fit beside a 40 kB file: the old file stays, no temporary file is left."""
        path = small_disk / "release.json"
        path.write_bytes(b"x" * 40_000)
        code, out, err = call(capsys, "export", "json", "-o", str(path))
        assert (1, "", "No space left on device") == (code, out, err.rsplit(": ", 1)[-1].strip())
        assert ([], b"x" * 40_000) == (leftovers(small_disk), path.read_bytes())

    def test_datapackage(self, small_disk: Path, release: icnk_letter.Release) -> None:
        """A package that cannot be built beside the old one leaves the old one whole."""
        package = small_disk / "pkg"
        old = old_package(package)
        # The old package's 14 files take 14 of the disk's 16 pages: one more leaves no room for a new one.
        (small_disk / "filler").write_bytes(b"x" * 4_000)
        with pytest.raises(OSError, match="No space left on device"):
            icnk_letter.write_datapackage(release, package)
        assert (old, []) == (contents(package), leftovers(small_disk))


class TestDataPackage:
    """Finding 11: ``write_datapackage()`` swaps a whole package in; interruptions and full disks lose nothing."""

    def test_new_folder(self, tmp_path: Path, release: icnk_letter.Release) -> None:
        """A missing folder (and its parents) is created, with the mode the umask gives."""
        path = icnk_letter.write_datapackage(release, tmp_path / "a" / "pkg")
        assert (tmp_path / "a" / "pkg" / "datapackage.json", PACKAGE) == (path, sorted(contents(path.parent)))
        assert 0o777 & ~umask() == stat.S_IMODE(path.parent.stat().st_mode)

    @posix_only
    def test_replaces_an_old_package_whole(self, tmp_path: Path, release: icnk_letter.Release) -> None:
        """An older package, with a file fewer, is replaced whole; the folder keeps its mode; nothing is left."""
        package = tmp_path / "pkg"
        old_package(package)
        (package / "claims.csv").unlink()
        package.chmod(0o750)
        icnk_letter.write_datapackage(release, str(package))
        expected = {"members.csv": icnk_letter.export(release, "csv-members").encode()}
        assert expected["members.csv"] == contents(package)["members.csv"]
        assert (PACKAGE, 0o750, ["pkg"]) == (
            sorted(contents(package)),
            stat.S_IMODE(package.stat().st_mode),
            [p.name for p in tmp_path.iterdir()],
        )

    @posix_only
    def test_link_to_a_folder(self, tmp_path: Path, release: icnk_letter.Release) -> None:
        """A link to a folder is followed: the folder is replaced and the link stays."""
        old_package(tmp_path / "real")
        (tmp_path / "link").symlink_to(tmp_path / "real")
        icnk_letter.write_datapackage(release, tmp_path / "link")
        assert (True, b"id,name,") == (
            (tmp_path / "link").is_symlink(),
            (tmp_path / "real" / "members.csv").read_bytes()[:8],
        )

    def test_refuses_other_files(self, tmp_path: Path, release: icnk_letter.Release) -> None:
        """A folder holding files of its own is refused, naming a few of them, and left untouched."""
        for name in ("a.txt", "b.txt", "c.txt", "d.txt", "members.csv"):
            (tmp_path / name).write_text(name)
        with pytest.raises(FileExistsError, match=r"\('a.txt', 'b.txt', 'c.txt', \.\.\.\); empty it"):
            icnk_letter.write_datapackage(release, tmp_path)
        assert ["a.txt", "b.txt", "c.txt", "d.txt", "members.csv"] == sorted(contents(tmp_path))

    def test_refuses_a_file(self, tmp_path: Path, release: icnk_letter.Release) -> None:
        """A file is not a folder."""
        (tmp_path / "pkg").write_text("mine")
        with pytest.raises(NotADirectoryError, match="it is a file, not a folder"):
            icnk_letter.write_datapackage(release, tmp_path / "pkg")

    def test_full_disk_injected(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """A disk that fills up while the package is built leaves the old package whole and nothing else."""
        old = old_package(tmp_path / "pkg")
        fill_up(monkeypatch)
        with pytest.raises(OSError, match="No space left on device"):
            icnk_letter.write_datapackage(release, tmp_path / "pkg")
        assert (old, ["pkg"]) == (contents(tmp_path / "pkg"), [p.name for p in tmp_path.iterdir()])

    def test_failed_swap_restores_the_old_package(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """If the new package cannot be renamed into place, the old one is renamed back."""
        old = old_package(tmp_path / "pkg")
        real_rename = os.rename

        def rename(src: str, dst: str) -> None:
            if src.endswith(".new"):
                raise OSError(errno.EIO, "Input/output error")
            real_rename(src, dst)

        monkeypatch.setattr(os, "rename", rename)
        with pytest.raises(OSError, match="Input/output error"):
            icnk_letter.write_datapackage(release, tmp_path / "pkg")
        assert (old, ["pkg"]) == (contents(tmp_path / "pkg"), [p.name for p in tmp_path.iterdir()])

    def test_interrupted_build(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, release: icnk_letter.Release
    ) -> None:
        """Ctrl-C while the package is built removes the temporary folder; the old package stays."""
        old = old_package(tmp_path / "pkg")

        def interrupt(fd: int) -> NoReturn:
            raise KeyboardInterrupt

        monkeypatch.setattr(os, "fsync", interrupt)
        with pytest.raises(KeyboardInterrupt):
            icnk_letter.write_datapackage(release, tmp_path / "pkg")
        assert (old, ["pkg"]) == (contents(tmp_path / "pkg"), [p.name for p in tmp_path.iterdir()])


def default_signals() -> None:
    """Give SIGTERM, SIGHUP and SIGINT their default action (in a child, before it runs the command)."""
    for number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(number, signal.SIG_DFL)


@posix_only
class TestInterrupted:
    """Finding 11: a writer killed while a test hook makes it slow leaves the old data and no temporary file."""

    def start(self, script: str, folder: Path, *args: str) -> subprocess.Popen[bytes]:
        env = {**os.environ, "ICNK_LETTER_TEST_SLOW_WRITE": "0.5"}
        return subprocess.Popen(
            [script, *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=folder,
            # A signal this process ignores (under nohup, in a background job), its
            # child would ignore too, and keep ignoring: the writer starts with none.
            preexec_fn=default_signals,
        )

    def stop(self, process: subprocess.Popen[bytes], folder: Path, number: int) -> tuple[int, bytes]:
        """Wait until the writer has started its temporary file, then send it signal *number*."""
        deadline = time.monotonic() + 60
        while not leftovers(folder) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.01)
        assert leftovers(folder) != []
        process.send_signal(number)
        _, err = process.communicate(timeout=60)
        return process.returncode, err

    @pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
    def test_output_file(self, script: str, tmp_path: Path, name: str) -> None:
        """SIGTERM, SIGHUP or Ctrl-C during ``--output`` exits with 128 + N and removes the temporary file."""
        number: int = getattr(signal, name)
        (tmp_path / "release.json").write_bytes(b"old")
        process = self.start(script, tmp_path, "export", "json", "-o", "release.json")
        assert (128 + number, b"") == self.stop(process, tmp_path, number)
        assert (["release.json"], b"old") == (
            [p.name for p in tmp_path.iterdir()],
            (tmp_path / "release.json").read_bytes(),
        )

    @pytest.mark.parametrize("name", ["SIGTERM", "SIGINT"])
    def test_datapackage(self, script: str, tmp_path: Path, name: str) -> None:
        """An interrupted ``export datapackage`` leaves the whole old package and no temporary folder."""
        number: int = getattr(signal, name)
        old = old_package(tmp_path / "pkg")
        process = self.start(script, tmp_path, "export", "datapackage", "-o", "pkg")
        assert (128 + number, b"") == self.stop(process, tmp_path, number)
        assert (old, ["pkg"]) == (contents(tmp_path / "pkg"), [p.name for p in tmp_path.iterdir()])


class TestSignalsInProcess:
    """SIGTERM and SIGHUP unwind main() like Ctrl-C, in the main thread only."""

    @posix_only
    def test_sigterm(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """SIGTERM while a command runs returns 143, and the previous handler is back afterwards."""

        def terminated() -> icnk_letter.Release:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler raises before this ends
            raise AssertionError("not stopped")  # pragma: no cover

        before = signal.getsignal(signal.SIGTERM)
        monkeypatch.setattr(_cli, "_release", terminated)
        assert (143, "", "") == call(capsys, "summary")
        assert before == signal.getsignal(signal.SIGTERM)

    @pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP here")
    def test_ignored_signal_stays_ignored(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Under ``nohup`` (SIGHUP ignored) a hangup does not stop the command."""

        def hung_up() -> icnk_letter.Release:
            os.kill(os.getpid(), signal.SIGHUP)
            return icnk_letter.load()

        previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
        try:
            monkeypatch.setattr(_cli, "_release", hung_up)
            assert 0 == call(capsys, "summary")[0]
            assert signal.SIG_IGN == signal.getsignal(signal.SIGHUP)
        finally:
            signal.signal(signal.SIGHUP, previous)

    def test_other_thread(self, release: icnk_letter.Release) -> None:
        """Outside the main thread, main() runs without signal handlers."""
        codes: list[int] = []
        with contextlib.redirect_stdout(io.StringIO()):
            thread = threading.Thread(target=lambda: codes.append(_cli.main(["verify"])))
            thread.start()
            thread.join(timeout=60)
        assert [0] == codes

    def test_pause_hook(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """The private test hook only sleeps; the file is written as usual."""
        monkeypatch.setenv("ICNK_LETTER_TEST_SLOW_WRITE", "0")
        assert (0, "", "") == call(capsys, "export", "vcard", "-o", str(tmp_path / "c.vcf"))


class TestClosedStreams:
    """Finding 12: a closed or full stdout or stderr gives the proper exit code and no traceback."""

    @posix_only
    @pytest.mark.parametrize(
        ("command", "code", "stderr"),
        [
            ("members >&-", 1, "icnk-letter: cannot write to stdout: it is closed\n"),
            ("summary >&-", 1, "icnk-letter: cannot write to stdout: it is closed\n"),
            ("text >&-", 1, "icnk-letter: cannot write to stdout: it is closed\n"),
            ("--help >&-", 1, "icnk-letter: cannot write to stdout: it is closed\n"),
            ("export vcard -o /dev/null >&-", 0, ""),
            ("members --country Atlantis >&-", 2, "icnk-letter: unknown country 'Atlantis'"),
            ("members 2>&-", 0, ""),
            ("members --bogus 2>&-", 2, ""),
            ("show nobody-at-all 2>&-", 1, ""),
            ("members >&- 2>&-", 1, ""),
            ("--help > /dev/full", 1, "icnk-letter: cannot write to stdout: No space left on device\n"),
            ("members > /dev/full", 1, "icnk-letter: cannot write to stdout: No space left on device\n"),
            ("members --bogus 2> /dev/full", 2, ""),
        ],
    )
    def test_script(self, script: str, command: str, code: int, stderr: str) -> None:
        """The installed script, its streams closed by the shell: the exit code, and the start of stderr."""
        if "/dev/full" in command and not os.path.exists("/dev/full"):
            pytest.skip("no /dev/full here")
        shell = f"{shlex.quote(script)} {command}"
        result = subprocess.run(["bash", "-c", shell], capture_output=True, timeout=60, check=False)
        err = result.stderr.decode()
        assert (code, stderr, False) == (result.returncode, err[: len(stderr)], "Traceback" in err)

    def test_closed_stdout(self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        """In process: stdout None (closed at start-up) is an error line and 1; it is None again afterwards."""
        monkeypatch.setattr(sys, "stdout", None)
        code = _cli.main(["members"])
        assert (1, None) == (code, sys.stdout)
        assert "icnk-letter: cannot write to stdout: it is closed\n" == capsys.readouterr().err

    def test_closed_stderr(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """In process: stderr None drops the messages; the exit code still tells."""
        monkeypatch.setattr(sys, "stderr", None)
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert (2, 1, None) == (_cli.main(["members", "--bogus"]), _cli.main(["show", "nobody"]), sys.stderr)

    def test_full_stdout(
        self, monkeypatch: pytest.MonkeyPatch, full_stream: Callable[[], io.TextIOWrapper]
    ) -> None:
        """A stdout that fails when flushed: exit code 1, or the command's own if it had failed already."""
        stderr = io.StringIO()
        monkeypatch.setattr(sys, "stderr", stderr)
        for args, code in ((["members"], 1), (["contacts", "--city", "Atlantis", "--format", "json"], 1)):
            monkeypatch.setattr(sys, "stdout", full_stream())
            assert code == _cli.main(args)
        assert stderr.getvalue().count("cannot write to stdout: No space left on device") == 2

    def test_full_stderr(
        self, monkeypatch: pytest.MonkeyPatch, full_stream: Callable[[], io.TextIOWrapper]
    ) -> None:
        """A stderr that cannot be written: the exit code alone tells."""
        monkeypatch.setattr(sys, "stderr", full_stream())
        assert 1 == _cli.main(["show", "nobody-at-all"])

    def test_help_into_a_full_stdout(
        self, monkeypatch: pytest.MonkeyPatch, full_stream: Callable[[], io.TextIOWrapper]
    ) -> None:
        """``--help`` that cannot be written exits with 1, not 0."""
        monkeypatch.setattr(sys, "stderr", io.StringIO())
        monkeypatch.setattr(sys, "stdout", full_stream())
        assert 1 == _cli.main(["--help"])

    def test_interrupted_at_start_up(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Ctrl-C before the command line is even read gives 130, not a traceback."""

        def interrupt() -> NoReturn:
            raise KeyboardInterrupt

        monkeypatch.setattr(_cli, "_use_utf8", interrupt)
        assert 130 == _cli.main(["members"])


class Full(io.RawIOBase):
    """A file on a full disk: every write fails with ENOSPC, until the disk is :meth:`emptied`."""

    def __init__(self) -> None:
        super().__init__()
        self.full = True

    def writable(self) -> bool:
        return True

    def write(self, b: object) -> int:
        if self.full:
            raise OSError(errno.ENOSPC, "No space left on device")
        return len(memoryview(b))  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

    def emptied(self) -> None:
        """Let what is still buffered go, so that closing the stream (or collecting it) cannot fail."""
        self.full = False


@pytest.fixture
def full_stream() -> Iterator[Callable[[], io.TextIOWrapper]]:
    """Make text streams on a full disk; close them after the test, so none fails when collected."""
    made: list[tuple[Full, io.TextIOWrapper]] = []

    def make() -> io.TextIOWrapper:
        raw = Full()
        stream = io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8")
        made.append((raw, stream))
        return stream

    yield make
    for raw, stream in made:
        raw.emptied()
        stream.close()
