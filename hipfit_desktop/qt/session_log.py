"""The window's side of the training log: passes the driver's events to a `SessionRecorder`, asks the
resume and close questions. No logic of its own: records/ decides what is written and what is offered."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..records.coach_log import rate
from ..records.database import HistoryLog, wall_clock
from ..records.queries import week_summary
from ..records.recorder import SessionRecorder
from ..records.report import last_times_for, week_line
from ..records.resume import ResumeOffer, discard, find_resumable, log_as_finished
from ..workout.plan import Plan
from ..workout.rating import RatingTarget
from .driver import SessionDriver

# (parent, title, text, choices) -> the choice made; the last choice is what Escape or closing the box means.
Choose = Callable[[QWidget, str, str, Sequence[str]], str]

RESUME, LOG, DISCARD = "Resume", "Log as finished", "Discard"
SAVE_AND_QUIT, KEEP_GOING = "Save and quit", "Keep going"


def choose_with_dialog(parent: QWidget, title: str, text: str, choices: Sequence[str]) -> str:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    return choices[buttons.index(clicked)] if clicked in buttons else choices[-1]


class SessionLog(QObject):
    """Signals:

    problem(str)  # why logging stopped (a full or read-only disk); said once, on the UI thread
    """

    problem = Signal(str)

    def __init__(self, log: HistoryLog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log = log
        self.recorder: SessionRecorder | None = None
        log.on_problem = self.problem.emit  # called on the writer thread; the signal crosses to the UI thread
        log.start_writer()

    def week_text(self, target: int) -> str:
        return week_line(week_summary(self.log, date.today(), target))

    def last_times(self, plan: Plan) -> Mapping[str, str]:
        return last_times_for(self.log, plan, wall_clock())

    def attach(self, driver: SessionDriver, recorder: SessionRecorder | None = None) -> None:
        """Record this driver's session (a new one, or `recorder` of a resumed one)."""
        self.recorder = recorder or SessionRecorder(self.log, driver.session)
        driver.event.connect(self.recorder)

    def rate(self, target: RatingTarget, what: str, value: str) -> None:
        """A rating key during a rest: queued to the writer thread, so the timer never waits for the disk."""
        if self.recorder is not None and self.recorder.uid is not None:
            rate(self.log, self.recorder.uid, target.position, target.exercise, **{what: value})

    def offer(self) -> ResumeOffer | None:
        return find_resumable(self.log)

    def ask_resume(self, parent: QWidget, choose: Choose, offer: ResumeOffer) -> str:
        """Resume, Log as finished or Discard; an offer older than 12 hours cannot be resumed."""
        if offer.stale:
            choice = choose(parent, "Unfinished session", f"{offer.text}.\nIt stopped more than 12 hours ago: "
                            "log what was done, or discard it?", (LOG, DISCARD))
        else:
            choice = choose(parent, "Unfinished session", f"{offer.text}.", (RESUME, LOG, DISCARD))
        if choice == LOG:
            log_as_finished(self.log, offer)
        elif choice == DISCARD:
            discard(self.log, offer.session_id)
        return choice

    def ask_close(self, parent: QWidget, choose: Choose) -> bool:
        """Closing mid-session: Save and quit (keeps the checkpoint), Keep going, or Discard. True to close."""
        choice = choose(parent, "Quit HipFit?", "A session is in progress. Save it to resume at the next start, "
                        "or discard it?", (SAVE_AND_QUIT, DISCARD, KEEP_GOING))
        if choice == KEEP_GOING or self.recorder is None:
            return choice != KEEP_GOING
        if choice == SAVE_AND_QUIT:
            self.recorder.checkpoint()
        else:
            session_id = self.recorder.session_id
            if session_id is not None:
                discard(self.log, session_id)
        return True

    def close(self) -> None:
        self.log.close()  # waits for the queued writes
