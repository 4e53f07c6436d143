"""Start the window: QApplication, catalogue, main window."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..exercises.catalog import load_catalog
from ..exercises.strictyaml import DataError
from ..system import single_instance
from ..system.desktop import APP_ID
from ..system.logfile import log, start_log
from ..system.paths import user_paths
from .driver import tighten_thread_switching
from .single_instance import RaiseServer, ask_to_raise, server_name

NO_DISPLAY = ("hipfit: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
              "run it in a desktop session, or try `hipfit --help` for the commands that need none")


def create_application(argv: list[str] | None = None) -> QApplication:
    tighten_thread_switching()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("HipFit")
    app.setOrganizationName("hipfit")
    app.setDesktopFileName(APP_ID)  # Wayland matches the window to the menu entry (and its icon) by this
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The installed theme icon if there is one, else the PNGs shipped in the package."""
    from importlib import resources

    icon = QIcon.fromTheme(APP_ID)
    if icon.isNull():
        icons = resources.files("hipfit_desktop.resources").joinpath("icons", "hicolor")
        for size in (48, 64, 128, 256):
            icon.addFile(str(icons.joinpath(f"{size}x{size}", "apps", f"{APP_ID}.png")))
    return icon


def create_main_window():  # type: ignore[no-untyped-def]
    """The window as `hipfit` opens it, or None after telling the user why it cannot open."""
    try:
        catalog = load_catalog(user_paths().routines)
    except DataError as problem:  # only a damaged install gets here: the shipped data is tested
        QMessageBox.critical(None, "HipFit cannot start", f"The exercise data is damaged:\n{problem}")
        return None
    from ..records.database import HistoryLog
    from ..settings.store import SettingsStore
    from .main_window import MainWindow

    store = SettingsStore()
    loaded = store.load(catalog)
    return MainWindow(catalog, loaded.settings, store=store, notices=loaded.messages(), log=HistoryLog())


def start_helpers(window) -> None:  # type: ignore[no-untyped-def]
    """Sound (QtMultimedia's load is the slow part) and keep-awake, once the window is on screen."""
    from .keepawake_qt import KeepAwakeFollower
    from .sound import CuePlayer

    window.use_helpers(CuePlayer(settings=window.saved), KeepAwakeFollower())


def has_display(argv: list[str], environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """False only where Qt would abort: Linux, no X11 or Wayland display, and no platform chosen."""
    if not sys.platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return True
    if any(word.lstrip("-").startswith("platform") for word in argv):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def quiet_qt(verbose: bool) -> None:
    """Qt's messages (and QtMultimedia's PipeWire/FFmpeg chatter) go to the log; the terminal sees them only
    with --verbose, or when Qt is about to abort."""
    levels = {QtMsgType.QtDebugMsg: 10, QtMsgType.QtInfoMsg: 20, QtMsgType.QtWarningMsg: 30,
              QtMsgType.QtCriticalMsg: 40, QtMsgType.QtFatalMsg: 50}

    def handler(kind: QtMsgType, context, message: str) -> None:  # type: ignore[no-untyped-def]
        log.log(levels.get(kind, 30), "qt %s: %s", context.category or "default", message)
        if verbose or kind == QtMsgType.QtFatalMsg:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)
    if not verbose:
        os.environ.setdefault("QT_FFMPEG_DEBUG", "0")


def run_app(argv: list[str] | None = None, verbose: bool = False) -> int:
    argv = list(sys.argv[:1] if argv is None else argv)
    if not has_display(argv):
        print(NO_DISPLAY, file=sys.stderr)
        return 1
    start_log()  # the technical detail behind the window's messages
    quiet_qt(verbose)
    app = create_application(argv)
    runtime = user_paths().runtime
    lock = single_instance.acquire(runtime)
    if lock is None:  # another HipFit is open: bring its window forward instead of opening a second
        if ask_to_raise(server_name(runtime)):
            print("hipfit: HipFit is already open; its window was brought to the front.", file=sys.stderr)
            return 0
        QMessageBox.information(None, "HipFit is already open",
                                "HipFit is already open, but its window did not answer. Look for it on your "
                                "screen, or close it and start HipFit again.")
        return 1
    window = create_main_window()
    if window is None:
        return 1
    server = RaiseServer(server_name(runtime), window)
    server.raise_requested.connect(lambda: bring_to_front(window))
    from .quit_signals import quit_on_signals

    quit_on_signals(app, window)
    window.show()
    QTimer.singleShot(0, lambda: start_helpers(window))  # after the first paint
    return app.exec()


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
