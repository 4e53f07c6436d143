"""The app's log: where the technical detail goes (a D-Bus error name, an OS error) while the window says the
same thing in words. Standard `logging` under the "hipfit" logger, written to `user_paths().log_file`."""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .paths import user_paths
from .safe_files import check_writable_target, private_folder

LOGGER = "hipfit"
MAX_BYTES = 256 * 1024  # one old file kept beside it: the log never grows past half a megabyte
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(LOGGER)


def start_log(path: Path | None = None) -> Path | None:
    """Send the "hipfit" logger to `path` (default: the user's state folder). Returns the file, or None when it
    cannot be written (a read-only home): the app runs on and the detail is only lost."""
    path = path or user_paths().log_file
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path.absolute():
            return path  # already started (a second window in the same process)
    try:
        private_folder(path.parent, tighten=True)
        check_writable_target(path)  # a link planted at hipfit.log must not be appended to
        handler = _PrivateFileHandler(path, maxBytes=MAX_BYTES, backupCount=1, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


class _PrivateFileHandler(RotatingFileHandler):
    """Opens the log 0600 and never through a link, also after each rotation (docs/DECISIONS.md, Limits)."""

    def _open(self):  # type: ignore[no-untyped-def]
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
        return open(os.open(self.baseFilename, flags, 0o600), "a", encoding=self.encoding, errors=self.errors)


def stop_log() -> None:
    """Close the file (tests; the app leaves it to exit)."""
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
