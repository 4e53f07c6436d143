"""The main window: picker → session → summary. Wiring only; each page draws itself."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QStackedWidget

from ..exercises.model import Catalog
from ..records.database import HistoryLog
from ..records.recorder import SessionRecorder
from ..records.resume import ResumeOffer, resume
from ..settings.model import Settings
from ..settings.store import SettingsStore
from ..system.logfile import log
from ..system.paths import user_paths
from ..workout.describe import WEEKLY_ADVICE, advice_html
from ..workout.engine import Clock, Session
from ..workout.events import RepsChanged
from ..workout.plan import compile_plan
from ..workout.summary import summarize
from .coach_panel import CoachLink
from .counts_dialog import CountsDialog, apply_counts
from .driver import SessionDriver
from .help_dialog import HelpDialog
from .history_page import HistoryPage
from .level_dialog import LevelDialog
from .picker_page import PickerPage
from .questions import Ask, ask_with_dialog
from .rating_keys import finished_exercise
from .report_pdf import write_report_files
from .session_log import RESUME, Choose, SessionLog, choose_with_dialog
from .session_page import SessionPage
from .settings_dialog import SettingsDialog
from .summary_page import SummaryPage
from .window_size import MINIMUM, restore_or_fit
from .window_state import load_geometry, save_geometry

if TYPE_CHECKING:  # built after the first paint (app.start_helpers): QtMultimedia is slow to load
    from .keepawake_qt import KeepAwakeFollower
    from .sound import CuePlayer

class MainWindow(QMainWindow):
    """`saved` is what the settings file holds; `settings` is that plus any counts changed for this session only.

    Without a `store` (tests, previews) nothing is saved and the first-run level question is not asked;
    without a `log` nothing is recorded and no resume is offered.
    """

    def __init__(self, catalog: Catalog, settings: Settings | None = None, clock: Clock = time.monotonic,
                 ask: Ask = ask_with_dialog, store: SettingsStore | None = None,
                 notices: Sequence[str] = (), cues: CuePlayer | None = None,
                 keep_awake: KeepAwakeFollower | None = None, log: HistoryLog | None = None,
                 choose: Choose = choose_with_dialog) -> None:
        super().__init__()
        self.catalog = catalog
        self.saved = settings or Settings()
        self.settings = self.saved
        self._session_counts: dict[str, dict[str, int]] = {}  # "Change counts…" for the next session only
        self.store = store
        self.clock = clock
        self.ask = ask  # tests answer the questions instead of a modal dialog
        self.choose = choose  # the same, for questions with more than two answers
        self.session_log = SessionLog(log, self) if log is not None else None
        self.driver: SessionDriver | None = None
        self.dialog: QDialog | None = None  # the settings, counts or level dialog while one is open
        self._rep_changes: dict[str, int] = {}  # exercise id -> reps chosen with +/- during the session
        self.setWindowTitle("HipFit")
        self.setMinimumSize(*MINIMUM)
        self.sound_status = QLabel(accessibleName="Sound status")
        self.statusBar().addPermanentWidget(self.sound_status)
        self.cues: CuePlayer | None = None  # None: silent (tests, previews); the app passes a CuePlayer
        self.keep_awake: KeepAwakeFollower | None = None
        self.use_helpers(cues, keep_awake)

        self.pages = QStackedWidget()
        self.picker = PickerPage(catalog, self.settings)
        self.pages.addWidget(self.picker)
        self.setCentralWidget(self.pages)
        self._session_page: SessionPage | None = None  # built on first use: start-up shows only the picker
        self._summary_page: SummaryPage | None = None
        self._history_page: HistoryPage | None = None

        self.picker.start_requested.connect(self.start_routine)
        self.picker.level_changed.connect(self._level_changed)
        self.picker.counts_requested.connect(self.change_counts)
        self.picker.settings_requested.connect(self.open_settings)
        for key, action in (("F11", self.toggle_fullscreen), ("F1", self.show_help), ("?", self.show_help),
                            ("Ctrl+,", self.open_settings), ("M", self.toggle_mute), ("Ctrl+Q", self.close)):
            QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut).activated.connect(action)
        lines = list(notices)
        if catalog.problems:
            lines += ["Some of your routine files were skipped:"] + [str(p) for p in catalog.problems]
        self.picker.show_notice("\n".join(lines))
        if store is not None and not self.saved.level_chosen:
            QTimer.singleShot(0, self.ask_level)
        if self.session_log is not None:
            self.session_log.problem.connect(self._log_problem)
            self.picker.last_times = self.session_log.last_times
            self.picker.history_button.setVisible(True)
            self.picker.history_requested.connect(self.show_history)
            self.coach = CoachLink(log, catalog, lambda: self.saved, self._save, self)  # issue 14: the coach
            self.coach.add(self.picker.coach)
            self.coach.refresh()
            self._show_week()
            if log is not None and log.notice:
                lines.append(log.notice)
                self.picker.show_notice("\n".join(lines))
            QTimer.singleShot(0, self.offer_resume)
            QTimer.singleShot(0, lambda: self.coach.ask_morning(self, self.choose))
        self.restored_geometry = restore_or_fit(self, load_geometry(user_paths().config))

    # --- pages --------------------------------------------------------------------------------------------

    @property
    def session_page(self) -> SessionPage:
        if self._session_page is None:
            self._session_page = SessionPage(self.catalog)
            if self.session_log is not None:
                self._session_page.rating.rated.connect(self.session_log.rate)
            self._session_page.leave_requested.connect(self.leave_session)
            self._session_page.help_button.clicked.connect(self.show_help)
            self.pages.addWidget(self._session_page)
        return self._session_page

    @property
    def summary_page(self) -> SummaryPage:
        if self._summary_page is None:
            self._summary_page = SummaryPage()
            self._summary_page.back_requested.connect(self.show_picker)
            self._summary_page.remember_requested.connect(self.remember_rep_changes)
            if self.session_log is not None:
                self._summary_page.rating.rated.connect(self.session_log.rate)  # the last exercise: no rest
                self.coach.add(self._summary_page.coach)
            self.pages.addWidget(self._summary_page)
        return self._summary_page

    def show_history(self) -> None:
        if self.session_log is None:
            return
        if self._history_page is None:
            self._history_page = HistoryPage(self.catalog)
            self._history_page.back_requested.connect(self.show_picker)
            self._history_page.backup.imported.connect(self.show_history)
            self._history_page.backup.make_report = lambda log, out: write_report_files(log, self.catalog, self.saved,
                                                                                        out)
            self.pages.addWidget(self._history_page)
        self.session_log.log.flush()
        self._history_page.show_history(self.session_log.log, self.saved.weekly_target)
        self.pages.setCurrentWidget(self._history_page)

    def start_routine(self, routine_id: str) -> None:
        plan = compile_plan(self.catalog.routine(routine_id), self.catalog, self.settings)
        if self.saved.last_routine != routine_id:
            self._save(replace(self.saved, last_routine=routine_id))
        self._run(Session(plan, self.clock))

    def offer_resume(self) -> None:
        """At start: a session left by a crash or a close is offered (Resume / Log as finished / Discard)."""
        if self.session_log is None or self.driver is not None:
            return
        offer = self.session_log.offer()
        if offer is not None and self.session_log.ask_resume(self, self.choose, offer) == RESUME:
            self.resume_session(offer)

    def resume_session(self, offer: ResumeOffer) -> None:
        """The session as it was at its checkpoint, paused: Space carries on."""
        assert self.session_log is not None
        base = None
        if offer.routine in self.catalog.routines:
            base = compile_plan(self.catalog.routine(offer.routine), self.catalog, self.settings)
        session, recorder = resume(self.session_log.log, offer, self.clock, base=base)
        self._run(session, recorder)

    def _run(self, session: Session, recorder: SessionRecorder | None = None) -> None:
        plan = session.plan
        self._rep_changes = {}
        self.driver = SessionDriver(session, self)
        if self.cues is not None:  # first listener: nothing slow may run between a deadline and its tone
            self.cues.attach(self.driver)
        if self.keep_awake is not None:
            self.keep_awake.attach(self.driver)
        self.driver.finished.connect(self._session_finished)
        self.driver.event.connect(self._note_rep_change)
        if self.session_log is not None:
            self.session_log.attach(self.driver, recorder)
        self.session_page.attach(self.driver)
        self.pages.setCurrentWidget(self.session_page)
        self.setWindowTitle(f"HipFit — {plan.routine_name}")
        self.driver.start()  # a resumed session is paused already: nothing happens until Space

    def leave_session(self) -> None:
        if self.driver is None or self.driver.session.state == "finished":
            return
        if self.ask(self, "Leave the session?", "End this session now? What you have done so far is kept in the "
                    "summary."):
            self.driver.finish()

    def _note_rep_change(self, event: object) -> None:
        if not isinstance(event, RepsChanged) or self.driver is None:
            return
        planned = {p.exercise.id: p.reps for p in self.driver.session.plan.exercises}
        if planned.get(event.exercise) == event.reps:  # + then -: back to the session's own count
            self._rep_changes.pop(event.exercise, None)
        else:
            self._rep_changes[event.exercise] = event.reps

    def _session_finished(self, _early: bool) -> None:
        assert self.driver is not None
        self.summary_page.show_summary(summarize(self.driver.session), advice_html(self.catalog, WEEKLY_ADVICE))
        changes = {self.catalog.exercises[e].name: reps for e, reps in self._rep_changes.items()}
        self.summary_page.offer_to_remember(changes)
        self.summary_page.rating.ask(finished_exercise(self.driver.session))
        if self.session_log is not None:
            self.coach.refresh()
        self.pages.setCurrentWidget(self.summary_page)
        self.summary_page.back_button.setFocus()

    def remember_rep_changes(self) -> None:
        """The user said yes on the summary: the reps chosen with + and - become the saved counts."""
        saved = self.saved
        for exercise_id, reps in self._rep_changes.items():
            saved = saved.with_exercise(exercise_id, reps=reps)
        self._rep_changes = {}
        self._save(saved)

    def show_picker(self) -> None:
        self._drop_driver()
        self._session_counts = {}  # counts changed for one session are spent
        self._adopt(self.saved)
        self._show_week()
        self.pages.setCurrentWidget(self.picker)
        self.picker.routines.setFocus()  # arrow keys move in the list, not in the preview
        self.setWindowTitle("HipFit")

    # --- settings -----------------------------------------------------------------------------------------

    def _adopt(self, saved: Settings) -> None:
        """`saved` becomes the user's settings; this session's counts stay on top of them."""
        self.saved = saved
        self.settings = apply_counts(saved, self._session_counts)
        self.picker.set_settings(self.settings)

    def _save(self, saved: Settings) -> None:
        """Adopt `saved` as the user's settings and write them; if the disk refuses, say so and carry on."""
        self._adopt(saved)
        if self.store is None:
            return
        result = self.store.save(saved)
        if not result.ok and result.message != self._last_save_problem:
            self._last_save_problem = result.message
            self.picker.show_notice(result.message or "")
            self.statusBar().showMessage(result.message or "", 15000)

    _last_save_problem: str | None = None  # said once, not on every change

    def ask_level(self) -> None:
        dialog = LevelDialog(self.saved.level, self)
        dialog.accepted.connect(lambda: self._level_changed(dialog.level()))
        self._open(dialog)

    def open_settings(self) -> None:
        if self.session_in_progress():
            return  # the session's plan is compiled; change settings between sessions
        dialog = SettingsDialog(self.catalog, self.saved, self)
        dialog.accepted.connect(lambda: self._settings_accepted(dialog.settings()))
        self._open(dialog)

    def _settings_accepted(self, saved: Settings) -> None:
        self._save(saved)
        self._show_week()
        if self.cues is not None:
            self.cues.apply_settings(saved)
        self._show_sound_status()

    def toggle_mute(self) -> None:
        if self.cues is not None:
            self.cues.toggle_mute()

    def use_helpers(self, cues: CuePlayer | None, keep_awake: KeepAwakeFollower | None) -> None:
        """Sound and keep-awake; the app hands them over after the first paint (issue 15: a fast start)."""
        if cues is not None:
            self.cues = cues
            cues.setParent(self)
            cues.apply_settings(self.saved)
            cues.status_changed.connect(lambda _text: self._show_sound_status())
            cues.muted_changed.connect(lambda _muted: self._show_sound_status())
        if keep_awake is not None:
            self.keep_awake = keep_awake
            keep_awake.setParent(self)
            keep_awake.message.connect(lambda text: self.statusBar().showMessage(text, 20000))
        self._show_sound_status()

    def _show_sound_status(self) -> None:
        if self.cues is None:
            text = ""
        elif self.cues.muted:
            text = " · ".join(filter(None, ("Muted (M)", self.cues.status_message)))
        elif self.cues.status_message:
            text = self.cues.status_message
        elif not self.saved.sound:
            text = "Sound off (Settings)"
        else:
            text = "Voice on" if self.saved.voice else "Tones on"
        self.sound_status.setText(text)

    def change_counts(self, routine_id: str) -> None:
        if not routine_id:
            return
        plan = compile_plan(self.catalog.routine(routine_id), self.catalog, self.settings)
        dialog = CountsDialog(plan, self)
        dialog.accepted.connect(lambda: self._counts_accepted(dialog))
        self._open(dialog)

    def _counts_accepted(self, dialog: CountsDialog) -> None:
        changes = dialog.changes()
        if dialog.remember.isChecked():
            self._save(apply_counts(self.saved, changes))
        else:
            for exercise_id, counts in changes.items():
                self._session_counts.setdefault(exercise_id, {}).update(counts)
            self._adopt(self.saved)

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dispose(dialog))
        dialog.open()

    def _dispose(self, dialog: QDialog) -> None:
        """One dialog per opening, deleted once answered. Its widgets are silenced first: a combo box being
        torn down still emits, and a Python slot touching an already deleted sibling would crash."""
        if self.dialog is dialog:
            self.dialog = None
        for child in dialog.findChildren(QObject):
            child.blockSignals(True)
        dialog.blockSignals(True)
        dialog.deleteLater()

    def show_help(self) -> None:
        help_dialog = HelpDialog(self)
        help_dialog.finished.connect(lambda _result: self._dispose(help_dialog))
        help_dialog.open()

    def toggle_fullscreen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _level_changed(self, level: str) -> None:
        self._save(replace(self.saved, level=level, level_chosen=True))

    def _drop_driver(self) -> None:
        if self._session_page is not None:
            self._session_page.detach()
        if self.cues is not None:
            self.cues.detach()
        if self.keep_awake is not None:
            self.keep_awake.release()
        if self.driver is not None:
            self.driver.stop()
            self.driver.deleteLater()
            self.driver = None

    # --- window -------------------------------------------------------------------------------------------

    def session_in_progress(self) -> bool:
        return self.driver is not None and self.driver.session.state in ("running", "paused")

    def _show_week(self) -> None:
        if self.session_log is not None:
            self.session_log.log.flush()  # the session just ended counts
            self.picker.show_week(self.session_log.week_text(self.saved.weekly_target))
            self.picker.refresh_preview()  # its "last time" lines

    def _log_problem(self, message: str) -> None:
        log.warning("training log: %s", message)
        self.picker.show_notice(message)
        self.statusBar().showMessage(message, 20000)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.session_in_progress():
            if self.session_log is not None:
                closing = self.session_log.ask_close(self, self.choose)
            else:
                closing = self.ask(self, "Quit HipFit?", "A session is in progress. Quit and throw it away?")
            if not closing:
                event.ignore()
                return
        self._drop_driver()
        if self.session_log is not None:
            self.session_log.close()
        if self.cues is not None:
            self.cues.shutdown()
        save_geometry(user_paths().config, self.saveGeometry())
        event.accept()
