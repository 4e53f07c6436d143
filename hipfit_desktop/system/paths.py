"""Where the user's files live. HIPFIT_HOME moves all of them into one folder (tests, portable installs)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "hipfit"


@dataclass(frozen=True)
class UserPaths:
    config: Path  # settings.yaml, routines/
    data: Path  # history database
    cache: Path  # generated sounds
    state: Path  # hipfit.log: the technical detail behind a message in the window
    runtime: Path  # the one-instance lock and the socket a second start knocks on

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.yaml"

    @property
    def routines(self) -> Path:
        return self.config / "routines"

    @property
    def log_file(self) -> Path:
        return self.state / "hipfit.log"


def user_paths() -> UserPaths:
    home = os.environ.get("HIPFIT_HOME")
    if home:
        root = Path(home).expanduser()
        return UserPaths(root / "config", root / "data", root / "cache", root / "state", root / "run")
    config = Path(platformdirs.user_config_dir(APP, appauthor=False))
    # Without XDG_RUNTIME_DIR platformdirs falls back to /tmp/runtime-UID, a name any user can take first:
    # the config folder is ours.
    runtime = config if sys.platform.startswith("linux") and not os.environ.get("XDG_RUNTIME_DIR") else \
        Path(platformdirs.user_runtime_dir(APP, appauthor=False))
    return UserPaths(
        config,
        Path(platformdirs.user_data_dir(APP, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP, appauthor=False)),
        Path(platformdirs.user_state_dir(APP, appauthor=False)),
        runtime,
    )
