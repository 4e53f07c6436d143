"""Follows a SessionDriver: keeps the screen awake while its session runs, lets go otherwise."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..system.keepawake import REASON, KeepAwake, default_backend
from .screensaver_dbus import FreedesktopScreenSaver


class KeepAwakeFollower(QObject):
    """Acquires on the driver's "running" state and releases on every other one (paused, finished, idle),
    on `release()`, when the application quits and when this object is deleted.

    message(str)  # once, when the screen cannot be kept awake (a sentence the window can show)
    """

    message = Signal(str)

    def __init__(self, parent: QObject | None = None, keeper: KeepAwake | None = None, reason: str = REASON) -> None:
        super().__init__(parent)
        self.keeper = keeper if keeper is not None else KeepAwake(default_backend(FreedesktopScreenSaver))
        self.keeper.on_message = self.message.emit
        self.reason = reason
        self._driver: QObject | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release)
        keeper_ref = self.keeper
        self.destroyed.connect(lambda *_: keeper_ref.release())  # the request must not outlive its owner

    @property
    def held(self) -> bool:
        return self.keeper.held

    def attach(self, driver: QObject) -> None:
        """Follow this driver from its current state on (a new session: attach its driver)."""
        if self._driver is not None:
            with contextlib.suppress(RuntimeError):  # the last session's driver may be deleted already
                self._driver.state_changed.disconnect(self.follow)  # type: ignore[attr-defined]
        self._driver = driver
        driver.state_changed.connect(self.follow)  # type: ignore[attr-defined]
        self.follow(driver.session.state)  # type: ignore[attr-defined]

    def follow(self, state: str) -> None:
        if state == "running":
            self.keeper.acquire(self.reason)
        else:
            self.keeper.release()

    def release(self) -> None:
        self.keeper.release()
