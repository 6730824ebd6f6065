"""Writing files and folders so that no interruption and no full disk loses data.

:func:`write_file` writes one file (the CLI's ``--output``): a regular file is
replaced whole, through a temporary file beside it that is flushed to disk and
renamed over it; a device or a FIFO (``/dev/stdout``, ``>(...)``, a pipe) is
written straight to. :func:`write_folder` puts a whole folder in place (the
data package): built beside the target, then swapped in.

Temporary names are short (``.icnk-<8 hex>.tmp``), so that a target whose name
is as long as the file system allows still gets one. Their creation and the
renames run with SIGINT, SIGTERM and SIGHUP held back, so a signal handler
that raises (Ctrl-C; the CLI's SIGTERM and SIGHUP handlers) always finds a
temporary name it can clean up, and never a swap done by half.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import signal
import stat
import time
from collections.abc import Generator, Mapping
from typing import BinaryIO

__all__ = ["ReadOnlyError", "write_file", "write_folder"]

_CHUNK = 16 * 1024
# A private test hook: seconds to sleep after each chunk, so that a test can interrupt a write.
_SLOW = "ICNK_LETTER_TEST_SLOW_WRITE"
_HELD = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


class ReadOnlyError(PermissionError):
    """The file to replace is read-only (the CLI replaces it only with ``--force``)."""


def write_file(path: str, data: bytes, *, force: bool = False) -> None:
    """Write *data* to *path*: a regular file atomically, a device or a FIFO directly.

    A regular file (or a new one) is replaced by a temporary file that gets the
    existing file's mode and owner (a new file: the mode the umask gives), is
    flushed to disk, then renamed over it, so that readers see the old or the
    new content, never a mix. A symbolic link is followed: the file it names
    is replaced and the link stays. A file with other hard links is replaced
    too: *path* gets the new content, the other names keep the old one.

    Raises:
        ReadOnlyError: if the file exists and is read-only, unless *force*.
        OSError: if it cannot be written; nothing is left behind.
    """
    try:
        existing: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        _write_in_place(path, data)  # a device, a FIFO: opened and written, never replaced
        return
    if existing is not None and (fd := _standard_stream(existing)) is not None:
        _write_all(fd, data)  # /dev/stdout into a file: written like any output, appended with >>
        return
    target = os.path.realpath(path)
    if existing is not None:
        if not force and _read_only(path, existing):
            raise ReadOnlyError(errno.EACCES, "it is read-only", path)
        if not _same_file(target, existing):  # a link of /proc, such as /dev/stdout into a file
            _write_in_place(path, data)
            return
    folder = os.path.dirname(target)
    temporary: str | None = None
    file: BinaryIO | None = None
    try:
        with _signals_held():
            file, temporary = _create_file(folder, ".tmp")
        if existing is not None:
            _copy_owner_and_mode(file.fileno(), existing)
        _write_all(file.fileno(), data)
        os.fsync(file.fileno())
        file.close()
        with _signals_held():
            os.replace(temporary, target)
            temporary = None
        _sync_folder(folder)
    finally:
        if file is not None:
            file.close()
        if temporary is not None:
            _remove(temporary)


def write_folder(directory: str, files: Mapping[str, bytes]) -> None:
    """Put a folder holding exactly *files* (name to content) at *directory*, swapped in whole.

    The folder is built beside *directory* under a temporary name, each file
    flushed to disk, then renamed into place; an existing folder is first
    renamed aside and removed once the new one is in (or renamed back if that
    fails). So at any time *directory* holds the whole old folder or the whole
    new one. An existing folder keeps its mode; a link to a folder is followed.

    Only a rename can be cut short by a power failure or SIGKILL, and then
    the old folder is beside *directory* as ``.icnk-<8 hex>.old``.

    Raises:
        NotADirectoryError: if *directory* is a file.
        FileExistsError: if *directory* holds anything but files named in
            *files* (which would otherwise be lost).
        OSError: if it cannot be written; the old folder is left as it was.
    """
    target = os.path.realpath(directory)
    parent = os.path.dirname(target)
    os.makedirs(parent, exist_ok=True)
    existing = _existing_folder(directory, target, files)
    temporary: str | None = None
    backup: str | None = None
    try:
        with _signals_held():
            temporary = _create_folder(parent, ".new")
        if existing is not None:
            os.chmod(temporary, stat.S_IMODE(existing.st_mode))
        for name, content in files.items():
            with open(os.path.join(temporary, name), "xb") as file:
                _write_all(file.fileno(), content)
                os.fsync(file.fileno())
        _sync_folder(temporary)
        with _signals_held():
            if existing is None:
                os.rename(temporary, target)
            else:
                backup = _create_folder(parent, ".old")
                os.rename(target, backup)  # over the empty folder just made: no name can be taken meanwhile
                try:
                    os.rename(temporary, target)
                except BaseException:
                    os.rename(backup, target)
                    backup = None
                    raise
            temporary = None
        _sync_folder(parent)
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)


def _existing_folder(given: str, target: str, files: Mapping[str, bytes]) -> os.stat_result | None:
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        return None
    if not stat.S_ISDIR(existing.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", given)
    foreign = sorted(set(os.listdir(target)) - set(files))
    if foreign:
        shown = ", ".join(ascii(name) for name in foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise FileExistsError(
            errno.EEXIST,
            f"it holds files that are not part of a data package ({shown}); empty it or choose another folder",
            given,
        )
    return existing


def _read_only(path: str, existing: os.stat_result) -> bool:
    # The owner's write bit too: root may write anything, but a 0444 file says "keep me".
    return not existing.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)


def _same_file(path: str, existing: os.stat_result) -> bool:
    try:
        resolved = os.stat(path)
    except OSError:
        return False
    return (resolved.st_dev, resolved.st_ino) == (existing.st_dev, existing.st_ino)


def _standard_stream(existing: os.stat_result) -> int | None:
    for fd in (1, 2):
        try:
            stream = os.fstat(fd)
        except OSError:
            continue
        if (stream.st_dev, stream.st_ino) == (existing.st_dev, existing.st_ino):
            return fd
    return None


def _write_in_place(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]
        _pause()


def _pause() -> None:
    delay = os.environ.get(_SLOW)
    if delay:
        time.sleep(float(delay))


def _copy_owner_and_mode(fd: int, existing: os.stat_result) -> None:
    if hasattr(os, "fchown"):  # pragma: no branch (POSIX)
        with contextlib.suppress(OSError):  # only root may give a file away; others own it already
            os.fchown(fd, existing.st_uid, existing.st_gid)
    os.chmod(fd, stat.S_IMODE(existing.st_mode))


def _create_file(folder: str, suffix: str) -> tuple[BinaryIO, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        name = os.path.join(folder, f".icnk-{secrets.token_hex(4)}{suffix}")
        try:
            fd = os.open(name, flags, 0o666)  # the mode a new file gets, less the umask
        except FileExistsError:  # pragma: no cover (one chance in four billion)
            continue
        return os.fdopen(fd, "wb"), name


def _create_folder(parent: str, suffix: str) -> str:
    while True:
        name = os.path.join(parent, f".icnk-{secrets.token_hex(4)}{suffix}")
        try:
            os.mkdir(name, 0o777)  # less the umask
        except FileExistsError:  # pragma: no cover (one chance in four billion)
            continue
        return name


@contextlib.contextmanager
def _signals_held() -> Generator[None, None, None]:
    """Hold back SIGINT, SIGTERM and SIGHUP in this thread; they are delivered on leaving."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover (Windows)
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _sync_folder(folder: str) -> None:
    """Flush a folder's entries to disk, so that a rename survives a power failure (where it can)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover (Windows cannot open a folder)
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
