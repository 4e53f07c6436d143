"""Keep-awake on Linux and the BSDs: the freedesktop screensaver service, reached through Qt's D-Bus."""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping

from ..system.keepawake import MAY_DIM, KeepAwakeUnavailable

DBUS_TIMEOUT_MS = 1000  # a screensaver service that does not answer within this is treated as absent


def session_bus_known(environ: Mapping[str, str] = os.environ) -> bool:
    """A session bus we can reach without libdbus starting one: its address, or systemd's per-user socket."""
    runtime = environ.get("XDG_RUNTIME_DIR")
    return bool(environ.get("DBUS_SESSION_BUS_ADDRESS")) or bool(runtime and os.path.exists(f"{runtime}/bus"))


class FreedesktopScreenSaver:
    """org.freedesktop.ScreenSaver Inhibit on the session bus (KDE, GNOME, Xfce, LXQt, ...).

    Release closes our private bus connection instead of calling UnInhibit: the idle-inhibit spec ends an
    inhibition when its connection goes, and PySide6 cannot marshal the uint32 cookie UnInhibit wants
    (a Python int goes out as int32 and strict services reject the call).
    """

    name = "org.freedesktop.ScreenSaver"
    SERVICE = "org.freedesktop.ScreenSaver"
    PATH = "/org/freedesktop/ScreenSaver"
    _numbers = itertools.count(1)

    def __init__(self, bus_address: str | None = None, timeout_ms: int = DBUS_TIMEOUT_MS) -> None:
        self.bus_address = bus_address  # None: the session bus; tests pass a private bus
        self.timeout_ms = timeout_ms
        self.connection_name: str | None = None
        self.cookie: int | None = None

    def acquire(self, reason: str) -> None:
        try:  # on first use, so start-up does not load QtDBus
            from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
        except ImportError as problem:
            raise KeepAwakeUnavailable(f"{MAY_DIM}: this installation cannot talk to the desktop",
                                       f"PySide6.QtDBus: {problem!r}") from problem
        if self.bus_address is None and not session_bus_known():
            # Asking Qt anyway would make libdbus autolaunch a dbus-daemon (dbus-launch) that outlives us.
            raise KeepAwakeUnavailable(f"{MAY_DIM}: no desktop session to ask",
                                       "no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS unset, no $XDG_RUNTIME_DIR/bus")
        name = f"hipfit-keepawake-{next(self._numbers)}"
        if self.bus_address is None:
            bus = QDBusConnection.connectToBus(QDBusConnection.BusType.SessionBus, name)
        else:
            bus = QDBusConnection.connectToBus(self.bus_address, name)
        if not bus.isConnected():
            detail = f"no D-Bus session bus: {bus.lastError().message()}"
            del bus
            QDBusConnection.disconnectFromBus(name)
            raise KeepAwakeUnavailable(f"{MAY_DIM}: no desktop session to ask", detail)
        call = QDBusMessage.createMethodCall(self.SERVICE, self.PATH, self.SERVICE, "Inhibit")
        call.setArguments(["HipFit", reason])
        reply = bus.call(call, QDBus.CallMode.Block, self.timeout_ms)
        if reply.type() != QDBusMessage.MessageType.ReplyMessage:
            detail = f"{reply.errorName()}: {reply.errorMessage()}"
            del bus
            QDBusConnection.disconnectFromBus(name)
            raise KeepAwakeUnavailable(
                f"{MAY_DIM}: no screen-saver service to ask", f"{self.SERVICE}.Inhibit: {detail}")
        self.connection_name = name
        arguments = reply.arguments()
        self.cookie = int(arguments[0]) if arguments else None

    def release(self) -> None:
        from PySide6.QtDBus import QDBusConnection

        if self.connection_name is not None:
            QDBusConnection.disconnectFromBus(self.connection_name)
        self.connection_name = None
        self.cookie = None
