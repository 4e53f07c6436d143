"""The window's size and place, kept in `window-geometry` in the config folder (base64 of Qt's bytes).

Not QSettings: its `window.ini` was written through any symbolic link found at its path and left readable by
everyone. This file goes through `safe_files` like every other write: never through a link, 0600, atomic.
"""

from __future__ import annotations

import binascii
from pathlib import Path

from PySide6.QtCore import QByteArray

from ..system.safe_files import read_limited, write_atomic

FILE_NAME = "window-geometry"
_LIMIT = 4096  # Qt's geometry is under 100 bytes; anything larger is not ours


def load_geometry(folder: Path) -> QByteArray | None:
    """The saved geometry, or None when there is none or it is not readable as one."""
    try:
        return QByteArray(binascii.a2b_base64(read_limited(folder / FILE_NAME, _LIMIT).strip(), strict_mode=True))
    except (OSError, binascii.Error):
        return None


def save_geometry(folder: Path, geometry: QByteArray) -> str | None:
    """Write it; the reason when it could not be written (the window is closing: nobody to tell but stderr)."""
    try:
        write_atomic(folder / FILE_NAME, binascii.b2a_base64(geometry.data()))
    except OSError as exc:
        return f"HipFit could not remember the window's size in {folder / FILE_NAME} ({exc.strerror or exc})"
    return None
