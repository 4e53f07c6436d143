"""The main window: picker → session → summary. Wiring only; each page draws itself."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from ..catalog import Catalog
from ..engine import Clock, Session
from ..paths import user_paths
from ..plan import compile_plan
from ..settings import Settings
from ..summary import summarize
from .driver import SessionDriver
from .help_dialog import HelpDialog
from .picker_page import PickerPage
from .session_page import SessionPage
from .summary_page import SummaryPage

Ask = Callable[[QWidget, str, str], bool]


def ask_with_dialog(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, settings: Settings | None = None, clock: Clock = time.monotonic,
                 ask: Ask = ask_with_dialog) -> None:
        super().__init__()
        self.catalog = catalog
        self.settings = settings or Settings()
        self.clock = clock
        self.ask = ask  # tests answer the questions instead of a modal dialog
        self.driver: SessionDriver | None = None
        self.setWindowTitle("HipFit")
        self.setMinimumSize(800, 600)

        self.pages = QStackedWidget()
        self.picker = PickerPage(catalog, self.settings)
        self.pages.addWidget(self.picker)
        self.setCentralWidget(self.pages)
        self._session_page: SessionPage | None = None  # built on first use: start-up shows only the picker
        self._summary_page: SummaryPage | None = None

        self.picker.start_requested.connect(self.start_routine)
        self.picker.level_changed.connect(self._level_changed)
        for key, action in (("F11", self.toggle_fullscreen), ("F1", self.show_help), ("?", self.show_help)):
            QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut).activated.connect(action)
        if catalog.problems:
            self.picker.show_notice("Some of your routine files were skipped:\n" +
                                    "\n".join(str(p) for p in catalog.problems))
        self._window_state = QSettings(str(user_paths().config / "window.ini"), QSettings.Format.IniFormat)
        self._restore_geometry()

    # --- pages --------------------------------------------------------------------------------------------

    @property
    def session_page(self) -> SessionPage:
        if self._session_page is None:
            self._session_page = SessionPage()
            self._session_page.leave_requested.connect(self.leave_session)
            self._session_page.help_button.clicked.connect(self.show_help)
            self.pages.addWidget(self._session_page)
        return self._session_page

    @property
    def summary_page(self) -> SummaryPage:
        if self._summary_page is None:
            self._summary_page = SummaryPage()
            self._summary_page.back_requested.connect(self.show_picker)
            self.pages.addWidget(self._summary_page)
        return self._summary_page

    def start_routine(self, routine_id: str) -> None:
        plan = compile_plan(self.catalog.routine(routine_id), self.catalog, self.settings)
        self.driver = SessionDriver(Session(plan, self.clock), self)
        self.driver.finished.connect(self._session_finished)
        self.session_page.attach(self.driver)
        self.pages.setCurrentWidget(self.session_page)
        self.setWindowTitle(f"HipFit — {plan.routine_name}")
        self.driver.start()

    def leave_session(self) -> None:
        if self.driver is None or self.driver.session.state == "finished":
            return
        if self.ask(self, "Leave the session?", "End this session now? What you have done so far is kept in the "
                    "summary."):
            self.driver.finish()

    def _session_finished(self, _early: bool) -> None:
        assert self.driver is not None
        self.summary_page.show_summary(summarize(self.driver.session))
        self.pages.setCurrentWidget(self.summary_page)

    def show_picker(self) -> None:
        self._drop_driver()
        self.pages.setCurrentWidget(self.picker)
        self.setWindowTitle("HipFit")

    def show_help(self) -> None:
        HelpDialog(self).open()

    def toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _level_changed(self, level: str) -> None:
        self.settings = replace(self.settings, level=level)
        self.picker.set_settings(self.settings)

    def _drop_driver(self) -> None:
        if self.driver is not None:
            self.driver.stop()
            self.driver.deleteLater()
            self.driver = None

    # --- window -------------------------------------------------------------------------------------------

    def session_in_progress(self) -> bool:
        return self.driver is not None and self.driver.session.state in ("running", "paused")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.session_in_progress() and not self.ask(
                self, "Quit HipFit?", "A session is in progress. Quit and throw it away?"):
            event.ignore()
            return
        self._drop_driver()
        self._window_state.setValue("geometry", self.saveGeometry())
        self._window_state.sync()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self._window_state.value("geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            self.restored_geometry: QByteArray | None = geometry
            return
        self.restored_geometry = None
        self.resize(1024, 700)
