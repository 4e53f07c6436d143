"""Start the window: QApplication, catalogue, main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..exercises.catalog import load_catalog
from ..exercises.strictyaml import DataError
from ..system import single_instance
from ..system.logfile import start_log
from ..system.paths import user_paths
from .driver import tighten_thread_switching
from .single_instance import RaiseServer, ask_to_raise, server_name


def create_application(argv: list[str] | None = None) -> QApplication:
    tighten_thread_switching()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("HipFit")
    app.setOrganizationName("hipfit")
    app.setDesktopFileName("hipfit")
    return app


def create_main_window():  # type: ignore[no-untyped-def]
    """The window as `hipfit` opens it, or None after telling the user why it cannot open."""
    try:
        catalog = load_catalog(user_paths().routines)
    except DataError as problem:  # only a damaged install gets here: the shipped data is tested
        QMessageBox.critical(None, "HipFit cannot start", f"The exercise data is damaged:\n{problem}")
        return None
    from ..records.database import HistoryLog
    from ..settings.store import SettingsStore
    from .keepawake_qt import KeepAwakeFollower
    from .main_window import MainWindow
    from .sound import CuePlayer

    store = SettingsStore()
    loaded = store.load(catalog)
    return MainWindow(catalog, loaded.settings, store=store, notices=loaded.messages(),
                      cues=CuePlayer(settings=loaded.settings), keep_awake=KeepAwakeFollower(), log=HistoryLog())


def run_app(argv: list[str] | None = None) -> int:
    start_log()  # the technical detail behind the window's messages
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
    window.show()
    return app.exec()


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
