"""With no session bus (a console, ssh, a bare X server), keep-awake says so without asking libdbus, which
would otherwise autolaunch a dbus-daemon through dbus-launch that outlives the app."""

from __future__ import annotations

from PySide6.QtDBus import QDBusConnection

from hipfit_desktop.qt.screensaver_dbus import FreedesktopScreenSaver, session_bus_known
from hipfit_desktop.system.keepawake import KeepAwake


def test_no_bus_address_and_no_user_socket_means_no_bus_is_tried(qapp, monkeypatch, tmp_path):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    tried = []
    monkeypatch.setattr(QDBusConnection, "connectToBus", lambda *args: tried.append(args))
    keeper = KeepAwake(FreedesktopScreenSaver())
    assert not keeper.acquire()
    assert keeper.message == "The screen may dim: no desktop session to ask" and tried == []


def test_a_bus_address_or_the_user_socket_counts_as_a_session_bus(tmp_path):
    assert session_bus_known({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"})
    assert not session_bus_known({"XDG_RUNTIME_DIR": str(tmp_path)})
    (tmp_path / "bus").touch()
    assert session_bus_known({"XDG_RUNTIME_DIR": str(tmp_path)})
