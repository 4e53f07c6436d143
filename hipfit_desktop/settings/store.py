"""`settings.yaml`: read with line-numbered warnings, upgraded, written atomically, never lost.

Pure Python (no Qt). Make one `SettingsStore` and pass it to whoever needs it:

    store = SettingsStore()                  # user_paths().settings_file
    loaded = store.load(catalog)             # LoadResult(settings, warnings, notice)
    result = store.save(settings)            # SaveResult(ok, message)

`load` never raises for anything in the file: a bad field falls back to its default with a warning
(`settings.yaml:7: exercises.clamshell.reps: 500 is out of range (1 to 100) (using the default)`); a file that
is not settings at all is moved aside and the notice says where; a file from a newer HipFit is read but never
written; an older one is upgraded after a backup copy. `save` never raises for the disk either: it says why
it could not save, and the caller keeps the settings in memory. What the file holds and how a field is
read or written is in `settings.py` (`read_settings`, `settings_text`); this module does the disk.
"""

from __future__ import annotations

import errno
import itertools
import os
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..exercises.strictyaml import DataError, Node
from ..system.paths import user_paths
from ..system.safe_files import check_writable_target, fsync_folder, read_limited, write_atomic, write_new_file
from .migrations import CURRENT_VERSION, migrate
from .model import Kept, Settings, read_settings, read_version, settings_text, still_kept

if TYPE_CHECKING:
    from ..exercises.model import Catalog

_STALE_TEMP_SECONDS = 60  # a temp file this old is left over from a save that was killed


@dataclass(frozen=True)
class LoadResult:
    settings: Settings
    warnings: list[str] = field(default_factory=list)  # one line each: `settings.yaml:LINE: field: problem`
    notice: str | None = None  # something the user should be told once (file moved aside, upgraded, newer)

    def messages(self) -> list[str]:
        return ([self.notice] if self.notice else []) + self.warnings


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    message: str | None = None  # why not, naming the file; None when saved


# --- the store -------------------------------------------------------------------------------------------

class SettingsStore:
    """One `settings.yaml`. Not a singleton: the app makes one and passes it in.

    `read_only` says why `save()` refuses (a newer HipFit's file, one that could not be read or moved
    aside, or backed up before an upgrade); None when saving is allowed.
    """

    def __init__(self, path: Path | None = None, now: Callable[[], datetime] = datetime.now) -> None:
        self.path = path if path is not None else user_paths().settings_file
        self._now = now
        self._kept: list[Kept] = []
        self.read_only: str | None = None

    def load(self, catalog: Catalog) -> LoadResult:
        """The saved settings, or the defaults; never raises for anything in the file."""
        self._kept, self.read_only = [], None
        self._remove_stale_temp_files()
        name = self.path.name
        try:
            data = read_limited(self.path)
        except FileNotFoundError:
            return LoadResult(Settings())
        except OSError as exc:
            self.read_only = f"HipFit did not save your settings: {self.path} could not be read ({_why(exc)})."
            return LoadResult(Settings(), notice=f"Your settings file {self.path} could not be read ({_why(exc)}). "
                                                 "The defaults are used; changes are kept until you close HipFit.")
        try:
            root, version = read_version(_decode(data, name), name)
        except DataError as problem:
            return self._set_aside(problem)
        if version > CURRENT_VERSION:
            parsed = read_settings(root, name, catalog, report_unknown=False)
            self.read_only = (f"HipFit did not save your settings: {self.path} is from a newer version of HipFit, "
                              "and this one does not write over it. Changes are kept until you close HipFit.")
            return LoadResult(parsed.settings, parsed.warnings, notice=(
                f"Your settings file {self.path} was written by a newer HipFit (settings version {version}; this "
                f"one reads up to {CURRENT_VERSION}). The settings this version understands are used; the file is "
                "not changed, and changes are kept until you close HipFit."))
        if version < CURRENT_VERSION:
            return self._upgrade(root, version, data, catalog)
        parsed = read_settings(root, name, catalog)
        self._kept = parsed.kept
        try:
            check_writable_target(self.path)
        except OSError as exc:  # a link or a read-only file: the user's choice, used and left as it is
            self.read_only = f"HipFit does not save your settings: {self.path} is not changed because {_why(exc)}."
            return LoadResult(parsed.settings, parsed.warnings, notice=(
                f"Your settings file {self.path} is used as it is, but HipFit will not change it: {_why(exc)}. "
                "Changes you make are kept until you close HipFit."))
        return LoadResult(parsed.settings, parsed.warnings)

    def save(self, settings: Settings) -> SaveResult:
        """Write `settings` atomically (old file or new file, never half of one); says why when it cannot."""
        if self.read_only:
            return SaveResult(False, self.read_only)
        newer = self._newer_version_on_disk()
        if newer is not None:  # another, newer HipFit wrote it meanwhile
            self.read_only = (f"HipFit did not save your settings: {self.path} was written by a newer version of "
                              f"HipFit (settings version {newer}). Changes are kept until you close HipFit.")
            return SaveResult(False, self.read_only)
        self._kept = still_kept(settings, self._kept)
        try:
            write_atomic(self.path, settings_text(settings, self._kept).encode("utf-8"))
        except OSError as exc:
            return SaveResult(False, f"HipFit could not save your settings to {self.path} ({_why(exc)}). "
                                     "Changes are kept until you close HipFit.")
        return SaveResult(True)

    def _set_aside(self, problem: DataError) -> LoadResult:
        try:
            aside = move_aside(self.path, f"corrupt-{self._now():%Y%m%d-%H%M%S}")
        except OSError as exc:
            self.read_only = (f"HipFit did not save your settings: {self.path} is damaged and could not be moved "
                              f"aside ({_why(exc)}), so it is left for you to look at.")
            return LoadResult(Settings(), notice=(
                f"Your settings file could not be used ({problem}), and it could not be moved aside ({_why(exc)}). "
                "The defaults are used; changes are kept until you close HipFit."))
        return LoadResult(Settings(), notice=(
            f"Your settings file could not be used ({problem}). It was kept as {aside} and the defaults are used."))

    def _upgrade(self, root: Node, version: int, data: bytes, catalog: Catalog) -> LoadResult:
        try:
            upgraded = migrate(root, version)
        except Exception as exc:  # a bug in a step must cost neither the file nor the app
            self.read_only = (f"HipFit did not save your settings: {self.path} could not be upgraded from version "
                              f"{version}, so it is left as it is.")
            return LoadResult(Settings(), notice=(
                f"Your settings file {self.path} (version {version}) could not be upgraded ({exc!r}). The defaults "
                "are used and the file is left as it is; changes are kept until you close HipFit."))
        try:
            backup = write_new(self.path, f"v{version}-backup", data)
        except OSError as exc:
            self.read_only = (f"HipFit did not save your settings: {self.path} is from an older version and could "
                              f"not be backed up before the upgrade ({_why(exc)}).")
            parsed = read_settings(upgraded, self.path.name, catalog)
            self._kept = parsed.kept
            return LoadResult(parsed.settings, parsed.warnings, notice=(
                f"Your settings file {self.path} is from an older HipFit. It was upgraded for this session only: "
                f"a backup could not be written ({_why(exc)}), so the file is left as it is."))
        # The warnings name the backup: its lines are the lines the user wrote.
        parsed = read_settings(upgraded, backup.name, catalog)
        self._kept = parsed.kept
        saved = self.save(parsed.settings)
        notice = (f"Your settings were upgraded from version {version} to {CURRENT_VERSION}; "
                  f"the old file is kept as {backup}.")
        return LoadResult(parsed.settings, parsed.warnings, notice if saved.ok else f"{notice} {saved.message}")

    def _newer_version_on_disk(self) -> int | None:
        try:
            _, version = read_version(_decode(self.path.read_bytes(), self.path.name), self.path.name)
        except (OSError, DataError):
            return None
        return version if version > CURRENT_VERSION else None

    def _remove_stale_temp_files(self) -> None:
        cutoff = time.time() - _STALE_TEMP_SECONDS
        with suppress(OSError):
            for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                with suppress(OSError):
                    if leftover.stat().st_mtime < cutoff:
                        leftover.unlink()


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(file, line, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


__all__ = ["LoadResult", "SaveResult", "SettingsStore", "move_aside", "write_atomic", "write_new"]


# --- files -----------------------------------------------------------------------------------------------

def _names(path: Path, suffix: str) -> Iterator[Path]:
    yield path.with_name(f"{path.name}.{suffix}")
    for number in itertools.count(2):
        yield path.with_name(f"{path.name}.{suffix}-{number}")


def move_aside(path: Path, suffix: str) -> Path:
    """Rename `path` to `path.suffix` (or `path.suffix-2`, ...), never over an existing file."""
    for target in _names(path, suffix):
        try:
            os.link(path, target)  # fails if the name is taken, unlike a rename
        except FileExistsError:
            continue
        except OSError as exc:
            if target.exists():
                continue
            if exc.errno not in (errno.EPERM, errno.ENOSYS, errno.EOPNOTSUPP):  # else: no hard links here
                raise
            os.rename(path, target)
        else:
            os.unlink(path)
        fsync_folder(path.parent)
        return target
    raise AssertionError("unreachable")  # pragma: no cover


def write_new(path: Path, suffix: str, data: bytes) -> Path:
    """Write `data` to a new file next to `path` (mode 0600), named like `move_aside` names them."""
    for target in _names(path, suffix):
        try:
            write_new_file(target, data)
        except FileExistsError:
            continue
        fsync_folder(path.parent)
        return target
    raise AssertionError("unreachable")  # pragma: no cover
