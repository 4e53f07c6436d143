"""Keeping the screen awake: held only while a session runs, released on pause, finish and exit, failing soft."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from hipfit_desktop.qt.screensaver_dbus import FreedesktopScreenSaver
from hipfit_desktop.system import keepawake
from hipfit_desktop.system.keepawake import (
    KeepAwake,
    KeepAwakeUnavailable,
    MacPowerAssertion,
    Unsupported,
    WindowsExecutionState,
)


class FakeBackend:
    name = "fake"

    def __init__(self, fail_with: Exception | None = None) -> None:
        self.calls: list[tuple[str, ...]] = []
        self.fail_with = fail_with

    def acquire(self, reason: str) -> None:
        self.calls.append(("acquire", reason))
        if self.fail_with is not None:
            raise self.fail_with

    def release(self) -> None:
        self.calls.append(("release",))


def test_acquire_and_release_are_idempotent():
    backend = FakeBackend()
    keeper = KeepAwake(backend)
    assert keeper.acquire("running") and keeper.acquire("running")
    keeper.release()
    keeper.release()
    assert backend.calls == [("acquire", "running"), ("release",)] and not keeper.held


def test_a_failure_is_told_once_and_never_retried():
    told = []
    backend = FakeBackend(KeepAwakeUnavailable("The screen may dim: no desktop session to ask"))
    keeper = KeepAwake(backend, on_message=told.append)
    assert keeper.acquire() is False
    assert keeper.acquire() is False  # a resume after a pause: no second attempt, no second message
    keeper.release()
    assert told == ["The screen may dim: no desktop session to ask"] == [keeper.message]
    assert backend.calls == [("acquire", keepawake.REASON)]


def test_an_unexpected_platform_error_is_soft_too_and_its_text_goes_to_the_log_only(caplog):
    keeper = KeepAwake(FakeBackend(OSError("ctypes said no")))
    assert keeper.acquire() is False and keeper.message == "The screen may dim: keeping it awake failed"
    assert "ctypes said no" in caplog.text


@pytest.mark.parametrize(("platform", "backend"), [
    ("linux", FreedesktopScreenSaver), ("win32", WindowsExecutionState), ("darwin", MacPowerAssertion),
    ("sunos5", Unsupported),
])
def test_each_platform_gets_its_backend(platform, backend):
    assert isinstance(keepawake.default_backend(FreedesktopScreenSaver, platform), backend)


def test_an_unsupported_platform_says_so():
    keeper = KeepAwake(Unsupported("plan9"))
    keeper.acquire()
    assert keeper.message == "The screen may dim: HipFit cannot keep it awake on plan9; turn off screen blanking"


def test_windows_asks_for_display_and_system_until_cleared():
    calls = []
    backend = WindowsExecutionState(set_state=lambda flags: calls.append(flags) or 0x80000000)
    keeper = KeepAwake(backend)
    keeper.acquire()
    keeper.release()
    assert calls == [0x80000003, 0x80000000]


def test_windows_refusal_is_soft():
    keeper = KeepAwake(WindowsExecutionState(set_state=lambda flags: 0))
    assert not keeper.acquire() and "Windows refused" in keeper.message


def test_windows_backend_off_windows_is_unavailable_not_a_crash():
    if sys.platform == "win32":
        pytest.skip("this is Windows")
    keeper = KeepAwake(WindowsExecutionState())
    assert not keeper.acquire() and keeper.message == "The screen may dim: Windows gave no way to keep it awake"


class FakeCoreFoundation:
    def __init__(self) -> None:
        self.strings: dict[int, bytes] = {}
        self.released: list[int] = []

    def CFStringCreateWithCString(self, allocator, text, encoding):  # noqa: N802 - the C name
        handle = 100 + len(self.strings)
        self.strings[handle] = text
        return handle

    def CFRelease(self, handle):  # noqa: N802
        self.released.append(handle)


class FakeIOKit:
    def __init__(self, result: int = 0) -> None:
        self.result = result
        self.created: list[tuple] = []
        self.released: list[int] = []

    def IOPMAssertionCreateWithName(self, kind, level, name, out):  # noqa: N802
        self.created.append((kind, level, name))
        out._obj.value = 7
        return self.result

    def IOPMAssertionRelease(self, assertion):  # noqa: N802
        self.released.append(assertion)
        return 0


def test_macos_holds_a_display_sleep_assertion_and_frees_its_strings():
    iokit, cf = FakeIOKit(), FakeCoreFoundation()
    keeper = KeepAwake(MacPowerAssertion(iokit, cf))
    assert keeper.acquire("Session running")
    (kind, level, name), = iokit.created
    assert cf.strings[kind] == b"PreventUserIdleDisplaySleep" and cf.strings[name] == b"Session running"
    assert level == 255 and sorted(cf.released) == [kind, name]
    keeper.release()
    assert iokit.released == [7]


def test_macos_refusal_is_soft_and_logs_the_code(caplog):
    keeper = KeepAwake(MacPowerAssertion(FakeIOKit(result=-536870206), FakeCoreFoundation()))
    assert not keeper.acquire() and keeper.message == "The screen may dim: macOS refused to keep it awake"
    assert "0xe00002c2" in caplog.text


def test_without_a_session_bus_linux_fails_soft(qapp):
    keeper = KeepAwake(FreedesktopScreenSaver(bus_address="unix:path=/nonexistent/hipfit-bus"))
    assert not keeper.acquire()
    assert keeper.message == "The screen may dim: no desktop session to ask"


# --- a real D-Bus: a private bus daemon and a stand-in screensaver service --------------------------------

FAKE_SCREENSAVER = r"""
import sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection

app = QCoreApplication([])


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class ScreenSaver(QObject):
    @Slot(str, str, result="uint")
    def Inhibit(self, application, reason):
        print("Inhibit", application, reason, flush=True)
        return 42


bus = QDBusConnection.connectToBus(sys.argv[1], "screensaver")
service = ScreenSaver()
bus.registerObject("/org/freedesktop/ScreenSaver", service, QDBusConnection.RegisterOption.ExportAllSlots)
bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
"""


@pytest.fixture
def private_bus(tmp_path):
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("no dbus-daemon on this machine")
    with subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True) as process:
        yield process.stdout.readline().strip()
        process.terminate()


def name_has_owner(address: str, name: str) -> bool:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    bus = QDBusConnection.connectToBus(address, "hipfit-test-observer")
    call = QDBusMessage.createMethodCall("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                         "NameHasOwner")
    call.setArguments([name])
    answer = bool(bus.call(call).arguments()[0])
    del bus  # a named connection is shared: close it, or the next bus daemon would get this one
    QDBusConnection.disconnectFromBus("hipfit-test-observer")
    return answer


def test_linux_inhibits_through_the_screensaver_service_and_releases_by_leaving(qapp, private_bus):
    """Inhibit reaches the service with our name and reason; release drops our bus connection, which by the
    idle-inhibit spec ends the inhibition."""
    from PySide6.QtDBus import QDBusConnection

    with subprocess.Popen([sys.executable, "-c", FAKE_SCREENSAVER, private_bus], stdout=subprocess.PIPE,
                          text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as service:
        try:
            assert service.stdout.readline().strip() == "ready"
            deadline = time.monotonic() + 10
            while not name_has_owner(private_bus, "org.freedesktop.ScreenSaver"):
                assert time.monotonic() < deadline
                time.sleep(0.05)
            backend = FreedesktopScreenSaver(bus_address=private_bus)
            keeper = KeepAwake(backend)
            assert keeper.acquire("An exercise session is running"), keeper.message
            assert service.stdout.readline().strip() == "Inhibit HipFit An exercise session is running"
            assert backend.cookie == 42
            our_name = QDBusConnection(backend.connection_name).baseService()
            assert name_has_owner(private_bus, our_name)
            keeper.release()
            assert not name_has_owner(private_bus, our_name)
        finally:
            service.terminate()  # leaving the block waits for the process


def test_linux_without_a_screensaver_service_fails_soft(qapp, private_bus, caplog):
    keeper = KeepAwake(FreedesktopScreenSaver(bus_address=private_bus))
    assert not keeper.acquire()
    assert keeper.message == "The screen may dim: no screen-saver service to ask"
    assert "org.freedesktop.DBus.Error.ServiceUnknown" in caplog.text  # the detail is in the log


# --- following a session through the Qt driver ---------------------------------------------------------


@pytest.fixture
def driver(qtbot, catalog, clock):
    from PySide6.QtCore import QObject

    from hipfit_desktop.qt.driver import SessionDriver
    from hipfit_desktop.workout.engine import Session
    from hipfit_desktop.workout.plan import compile_plan

    owner = QObject()
    d = SessionDriver(Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog), clock), owner)
    d.owner = owner
    yield d
    d.stop()


@pytest.mark.gui
def test_held_while_running_released_on_pause_finish_and_deletion(qtbot, driver):
    from hipfit_desktop.qt.keepawake_qt import KeepAwakeFollower

    backend = FakeBackend()
    follower = KeepAwakeFollower(driver.owner, KeepAwake(backend))
    follower.attach(driver)
    assert not follower.held  # idle: nothing to keep awake yet
    driver.start()
    assert follower.held
    driver.toggle_pause()
    assert not follower.held
    driver.toggle_pause()
    assert follower.held
    driver.finish()
    assert not follower.held
    assert [c[0] for c in backend.calls] == ["acquire", "release", "acquire", "release"]


@pytest.mark.gui
def test_the_request_does_not_outlive_the_window(qtbot, driver):
    from hipfit_desktop.qt.keepawake_qt import KeepAwakeFollower

    backend = FakeBackend()
    follower = KeepAwakeFollower(None, KeepAwake(backend))
    follower.attach(driver)
    driver.start()
    with qtbot.waitSignal(follower.destroyed):
        follower.deleteLater()
    assert backend.calls[-1] == ("release",)


@pytest.mark.gui
def test_a_failure_reaches_the_window_once(qtbot, driver):
    from hipfit_desktop.qt.keepawake_qt import KeepAwakeFollower

    follower = KeepAwakeFollower(driver.owner, KeepAwake(FakeBackend(KeepAwakeUnavailable("no bus"))))
    messages = []
    follower.message.connect(messages.append)
    follower.attach(driver)
    driver.start()
    driver.toggle_pause()
    driver.toggle_pause()
    assert messages == ["no bus"]


@pytest.mark.gui
def test_a_new_session_can_follow_after_the_last_driver_was_deleted(qtbot, driver, catalog, clock):
    from hipfit_desktop.qt.driver import SessionDriver
    from hipfit_desktop.qt.keepawake_qt import KeepAwakeFollower
    from hipfit_desktop.workout.engine import Session
    from hipfit_desktop.workout.plan import compile_plan

    follower = KeepAwakeFollower(driver.owner, KeepAwake(FakeBackend()))
    old = SessionDriver(Session(compile_plan(catalog.routine("band-day"), catalog), clock))
    follower.attach(old)
    with qtbot.waitSignal(old.destroyed):
        old.deleteLater()
    follower.attach(driver)
    driver.start()
    assert follower.held
