"""One HipFit window per user: whoever holds the lock file is the running instance.

Two windows each saving settings meant the last save won with stale values (window A's new level undone by
window B). Now a second start finds the lock taken and asks the first window to come to the front instead
(`qt/single_instance.py` carries that message). `flock` locks belong to the open file, so the kernel drops
the lock when the process ends, however it ends: a crash never leaves a stale lock behind.

Where `flock` does not exist (Windows) or the lock file cannot be opened, the start goes ahead: a second
window is a smaller harm than a HipFit that will not open.
"""

from __future__ import annotations

import os
from pathlib import Path

from .safe_files import private_folder

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK_NAME = "hipfit.lock"


class InstanceLock:
    """Held from `acquire()` until `release()` or the end of the process. `held` is False where locking was
    not possible (the start went ahead unguarded)."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the file drops the lock
            self._fd = None


def acquire(folder: Path) -> InstanceLock | None:
    """The lock in `folder`, or None when another HipFit holds it."""
    if fcntl is None:  # pragma: no cover - Windows
        return InstanceLock(None)
    try:
        private_folder(folder, tighten=True)
        # Where fcntl exists, so does O_NOFOLLOW; Python makes the descriptor non-inheritable itself.
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    except OSError:
        return InstanceLock(None)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        # Taken: another HipFit runs. Any other error (a file system without locks): go ahead unguarded.
        return None if isinstance(exc, BlockingIOError) else InstanceLock(None)
    return InstanceLock(fd)
