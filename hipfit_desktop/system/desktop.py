"""The menu entry: `hipfit install-desktop` copies the .desktop file, the icons and the AppStream metainfo
into the user's XDG data folder, so a pip install (no Makefile) gets a menu entry too;
`hipfit uninstall-desktop` removes exactly those files."""

from __future__ import annotations

import os
import shlex
import sys
from importlib import resources
from pathlib import Path

APP_ID = "io.github.hipfit.HipFit"  # QApplication's desktop file name, the .desktop, icon and metainfo names


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share as the XDG spec says when it is unset or not absolute."""
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if os.path.isabs(env) else Path.home() / ".local" / "share"


def _shipped() -> list[tuple[str, str]]:
    """(path inside the package's resources, path under the data home) for every file the entry needs."""
    pairs = [(f"desktop/{APP_ID}.desktop", f"applications/{APP_ID}.desktop"),
             (f"desktop/{APP_ID}.metainfo.xml", f"metainfo/{APP_ID}.metainfo.xml")]
    icons = resources.files("hipfit_desktop.resources").joinpath("icons")
    for size in icons.joinpath("hicolor").iterdir():
        for icon in size.joinpath("apps").iterdir():
            pairs.append((f"icons/hicolor/{size.name}/apps/{icon.name}", f"icons/hicolor/{size.name}/apps/{icon.name}"))
    return sorted(pairs)


def launch_command() -> str:
    """The Exec line: this interpreter running the app, so a venv install starts from the menu without
    being on PATH."""
    return f"{shlex.quote(sys.executable)} -m hipfit_desktop"


def install_desktop(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Copy the entry's files under `home` (default: the XDG data home); returns what was written."""
    home = home or data_home()
    shipped = resources.files("hipfit_desktop.resources")
    written = []
    for source, target in _shipped():
        data = shipped.joinpath(source).read_bytes()
        if target.endswith(".desktop"):
            data = _with_exec(data.decode("utf-8"), command or launch_command()).encode("utf-8")
        path = home / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def uninstall_desktop(home: Path | None = None) -> list[Path]:
    """Remove the files `install_desktop` writes (nothing else); returns what was removed."""
    home = home or data_home()
    removed = []
    for _source, target in _shipped():
        path = home / target
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def _with_exec(text: str, command: str) -> str:
    return "".join(f"Exec={command}\n" if line.startswith("Exec=") else line for line in text.splitlines(True))
