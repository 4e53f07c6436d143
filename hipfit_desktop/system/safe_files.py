"""Reading and writing the user's files without trusting what sits at their paths.

Reads take only regular files and at most `MAX_READ_BYTES`: a FIFO named `x.yaml` must not hang start-up and a
link to `/dev/zero` must not fill the memory. Writes never go through a symbolic link placed where HipFit
writes (the link could point at any file the user owns), never replace a file the user made read-only, and
make files 0600 and folders 0700: the settings and the training log are nobody else's business.

`UnsafeFile` (an OSError) says why in plain words, so callers that already report OSErrors need no new case.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path

MAX_READ_BYTES = 1_000_000  # docs/DECISIONS.md, Limits: a routine file of the largest allowed size is ~400 kB
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_KINDS = {stat.S_IFREG: "a file", stat.S_IFDIR: "a folder", stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFSOCK: "a socket", stat.S_IFLNK: "a symbolic link"}


class UnsafeFile(OSError):
    """A path HipFit will not read or write as it stands; `strerror` says why."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(errno.EPERM, why, str(path))


def _kind(mode: int) -> str:
    return _KINDS.get(stat.S_IFMT(mode), "an unusual kind of file")


def read_limited(path: Path, limit: int = MAX_READ_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. Links are followed, but only to a regular file."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)  # non-blocking: opening a FIFO must not wait for a writer
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(path, f"it is {_kind(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            raise UnsafeFile(path, f"it is larger than {_size(limit)}")
        chunks, total = [], 0
        while total <= limit:  # the size can change under us: read with the bound, not the size
            chunk = os.read(fd, min(65536, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise UnsafeFile(path, f"it is larger than {_size(limit)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit} bytes"


def check_writable_target(path: Path) -> None:
    """Raise UnsafeFile when `path` is a link, not a regular file, or read-only; nothing there is fine."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(info.st_mode):
        raise UnsafeFile(path, "it is a symbolic link, and HipFit does not write through links")
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(path, f"it is {_kind(info.st_mode)}, not a regular file")
    if not info.st_mode & stat.S_IWUSR:
        raise UnsafeFile(path, "it is read-only, and HipFit leaves it as it is")


def private_folder(folder: Path, tighten: bool = False) -> None:
    """Make `folder` (and missing parents) with mode 0700; refuse a file in its place.

    `tighten`: also take away other users' access to an existing folder (HipFit's own folders, made
    world-readable by older versions); never for a folder the user picked, such as an export's.
    """
    try:
        info = os.stat(folder)  # a folder linked elsewhere by its owner (dotfiles, another disk) is fine
    except FileNotFoundError:
        missing = [folder, *(p for p in folder.parents if not p.exists())]
        for made in reversed(missing):  # each with 0700: `mkdir(parents=True)` gives parents the umask's mode
            made.mkdir(mode=0o700, exist_ok=True)  # exist_ok: a racing start may make it first
        return
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFile(folder, f"it is {_kind(info.st_mode)}, not a folder")
    if tighten and info.st_mode & 0o077:
        with suppress(OSError):  # not ours, or a file system without modes: reading still works
            os.chmod(folder, stat.S_IMODE(info.st_mode) & 0o700)


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder (0600), write, flush, fsync, `os.replace`, fsync the folder.

    Refuses (UnsafeFile) when `path` is a link, not a regular file, or read-only.
    """
    private_folder(path.parent)
    check_writable_target(path)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # mkstemp: mode 0600
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        check_writable_target(path)  # again, just before: a link may have been put there meanwhile
        os.replace(temp, path)  # replaces a name; never writes into whatever a link points at
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(path.parent)


def write_new_file(path: Path, data: bytes) -> None:
    """Create `path` (0600) and write `data`; FileExistsError when the name is taken (a link included)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(path)
        raise


def fsync_folder(folder: Path) -> None:
    """Make a rename durable. Folders cannot be opened on Windows, and some file systems refuse: skip there."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
