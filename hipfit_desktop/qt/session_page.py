"""The page the user follows from the mat: phase, countdown, what to do now and next, and the controls.

Everything shown is read from the engine on each driver tick; the page keeps no clock of its own.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..exercises.model import Catalog
from ..settings.model import BOUNDS
from ..workout.card import build_card, card_setup_html
from ..workout.describe import clock_text
from ..workout.engine import Session
from ..workout.events import beats_for
from ..workout.plan import SELF_PACED_KINDS, Segment
from .driver import SessionDriver
from .hold_bar import HoldBar
from .theme import phase_colours

SHORTCUTS = (  # (keys, action, what the help overlay says)
    (("Space",), "space", "Pause or resume; on a your-pace step: rep done"),
    (("Right", "N"), "skip", "Skip to the next set, rest or hold; on a stretch, end the hold (it counts)"),
    (("Left", "P"), "back", "Back: restart this set, or the previous one"),
    # Not "Shift+=" as well: on most layouts that is the same key press as "+", and two shortcuts for one
    # press make Qt fire neither.
    (("+", "="), "more", "One more rep in the sets still to come"),
    (("-",), "fewer", "One rep fewer in the sets still to come"),
    (("Esc",), "leave", "Leave the session (asks first)"),
)


MARK_CAPTIONS = {"halfway": "halfway", "30s-left": "30 s left"}


def countdown_text(seconds: float) -> str:
    """Whole seconds left, rounded up so the display reaches 0 exactly at the deadline."""
    whole = math.ceil(seconds - 1e-9)
    return clock_text(whole) if whole >= 60 else str(whole)


class SessionPage(QWidget):
    """Signals: leave_requested()  # Esc or the Leave button; the window asks before ending."""

    leave_requested = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.driver: SessionDriver | None = None
        self._shown_for: tuple[int, str, int] | None = None  # what the words on the page were drawn for
        self.phase = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, accessibleName="Phase")
        self.phase.setAutoFillBackground(True)
        self.exercise = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, accessibleName="Exercise", wordWrap=True)
        self.detail = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, accessibleName="Side, set and rep")
        self.countdown = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, accessibleName="Time left in this step")
        self.countdown.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.hold_bar = HoldBar()
        self.instruction = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True,
                                  accessibleName="What to do now")
        self.upcoming = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, accessibleName="What comes next")
        self.progress = QProgressBar(textVisible=False, accessibleName="Session progress")
        self.progress.setRange(0, 1000)
        self.time_left = QLabel(accessibleName="Session time left")
        self.reps_note = QLabel(accessibleName="Reps in the sets to come")

        self.back_button = self._button("◀ Back", "Back", "back")
        self.pause_button = self._button("Pause", "Pause or resume", "toggle_pause")
        self.rep_done_button = self._button("Rep done", "Rep done", "rep_done")
        self.skip_button = self._button("Skip ▶", "Skip", "skip")
        self.fewer_button = self._button("− rep", "One rep fewer", "fewer")
        self.more_button = self._button("+ rep", "One more rep", "more")
        self.leave_button = self._button("Leave", "Leave the session", "leave")
        self.help_button = QPushButton("Keys (F1)", accessibleName="Keyboard shortcuts")
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        controls = QHBoxLayout()
        for button in (self.back_button, self.pause_button, self.rep_done_button, self.skip_button):
            controls.addWidget(button)
        controls.addStretch()
        for button in (self.fewer_button, self.more_button, self.leave_button, self.help_button):
            controls.addWidget(button)
        footer = QGridLayout()
        footer.addWidget(self.progress, 0, 0, 1, 2)
        footer.addWidget(self.reps_note, 1, 0)
        footer.addWidget(self.time_left, 1, 1, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(self.phase)
        layout.addWidget(self.exercise)
        layout.addWidget(self.detail)
        layout.addWidget(self.countdown, 1)
        layout.addWidget(self.hold_bar)
        layout.addWidget(self.instruction)
        layout.addWidget(self.upcoming)
        layout.addLayout(footer)
        layout.addLayout(controls)

        for keys, action, _ in SHORTCUTS:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(getattr(self, action))
        self._scale_fonts()

    def _button(self, text: str, name: str, action: str) -> QPushButton:
        button = QPushButton(text, accessibleName=name)
        # No keyboard focus: Space must always mean pause/rep done, never "press the focused button".
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(getattr(self, action))
        return button

    # --- driving ------------------------------------------------------------------------------------------

    def attach(self, driver: SessionDriver) -> None:
        self.driver = driver
        self._shown_for = None
        driver.ticked.connect(self.refresh)
        self.refresh()

    @property
    def session(self) -> Session:
        assert self.driver is not None
        return self.driver.session

    def space(self) -> None:
        if self.driver is None:
            return
        self.driver.wake()  # decide on the step the user is in now, not the one the timer last saw
        if self.session.state == "running" and self.session.segment.kind in SELF_PACED_KINDS:
            self.driver.rep_done()
        else:
            self.driver.toggle_pause()

    def toggle_pause(self) -> None:
        if self.driver:
            self.driver.toggle_pause()

    def rep_done(self) -> None:
        if self.driver:
            self.driver.rep_done()

    def skip(self) -> None:
        if self.driver:
            self.driver.skip()

    def back(self) -> None:
        if self.driver:
            self.driver.back()

    def more(self) -> None:
        self._change_reps(+1)

    def fewer(self) -> None:
        self._change_reps(-1)

    def leave(self) -> None:
        self.leave_requested.emit()

    def _change_reps(self, step: int) -> None:
        if self.driver is None:
            return
        if not self.session.can_change_reps():
            self.reps_note.setText("No sets of this exercise left to change")
            return
        reps = self.session.current_reps()
        assert reps is not None  # can_change_reps: a set under way or still ahead
        low, high = BOUNDS["reps"]
        self._shown_for = None
        self.driver.change_reps(max(low, min(high, reps + step)))

    # --- showing ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Runs ten times a second: only the countdown, the bars and the clock change between segments."""
        if self.driver is None:
            return
        session = self.session
        segment = session.segment
        paused = session.state == "paused"
        phase = "PAUSED" if paused else segment.phase
        background, text = phase_colours(phase)
        key = (session.index, session.state, id(session.plan))
        if key != self._shown_for:  # a new segment, pause/resume or changed reps: redo the words
            self._shown_for = key
            self.phase.setText(phase)
            self.phase.setStyleSheet(f"background:{background.name()}; color:{text.name()}; border-radius:8px;")
            self.exercise.setText(segment.exercise_name or session.plan.routine_name)
            self.detail.setText(detail_text(segment))
            self.instruction.setText("Paused. Press Space or Resume to carry on." if paused else segment.prompt)
            self.upcoming.setText(how_html(session, self.catalog) or next_text(session))
            stretch = segment.phase == "STRETCH"
            self.skip_button.setText("End hold ▶" if stretch else "Skip ▶")
            self.skip_button.setAccessibleName("End the hold" if stretch else "Skip")
            if stretch and not paused:  # "up to" the time: ending early counts as done
                self.instruction.setText(f"{segment.prompt}. Had enough? → ends the hold, and it counts.")
            upcoming_reps = session.upcoming_reps()
            self.reps_note.setText(f"Sets to come: {upcoming_reps} reps" if upcoming_reps else "")
            self.pause_button.setText("Resume" if paused else "Pause")
            self.rep_done_button.setVisible(segment.kind in SELF_PACED_KINDS)
            can_change = session.can_change_reps()
            self.fewer_button.setEnabled(can_change)
            self.more_button.setEnabled(can_change)
            running = session.state in ("running", "paused")
            for button in (self.back_button, self.skip_button, self.pause_button):
                button.setEnabled(running)
        remaining = session.remaining()
        shown = clock_text(session.segment_elapsed()) if remaining is None else countdown_text(remaining)
        if shown != self.countdown.text():
            self.countdown.setText(shown)
        self._show_hold_bar(segment, remaining, background)
        left = session.remaining_total()
        total = session.active_seconds() + left
        self.progress.setValue(round(1000 * session.active_seconds() / total) if total else 1000)
        left_text = f"About {clock_text(left)} left"
        if left_text != self.time_left.text():
            self.time_left.setText(left_text)

    def _show_hold_bar(self, segment: Segment, remaining: float | None, colour) -> None:  # type: ignore[no-untyped-def]
        seconds = segment.seconds
        if remaining is None or not seconds:
            self.hold_bar.set_progress(0.0, colour=colour)
            return
        named = [(1 - before / seconds, MARK_CAPTIONS[name]) for before, name in beats_for(segment)
                 if name in MARK_CAPTIONS]
        # The 3-2-1 zone only means something on a long bar; on a 10 s rest it would cover a third of it.
        final = 1 - 3 / seconds if seconds >= 20 else None
        self.hold_bar.set_progress(1 - remaining / seconds, tuple(m for m, _ in named), final, colour,
                                   tuple(c for _, c in named))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._scale_fonts()

    def _scale_fonts(self) -> None:
        """Sizes follow the window so the countdown stays readable from across the room at any size."""
        scale = max(0.6, min(self.width() / 800, self.height() / 560))
        for label, size, bold in ((self.phase, 44, True), (self.exercise, 30, True), (self.detail, 22, False),
                                  (self.countdown, 150, True), (self.instruction, 22, False),
                                  (self.upcoming, 16, False)):
            font = QFont(label.font())
            font.setPixelSize(max(10, round(size * scale)))
            font.setBold(bold)
            label.setFont(font)
        self.hold_bar.setFixedHeight(max(16, round(24 * scale)))


def detail_text(segment: Segment) -> str:
    parts = []
    if segment.side_text:
        parts.append(segment.side_text[0].upper() + segment.side_text[1:])
    if segment.set is not None and segment.kind != "rest" and (segment.sets or 0) > 1:
        parts.append(f"Set {segment.set} of {segment.sets}")
    if segment.rep is not None:
        parts.append(f"Rep {segment.rep} of {segment.reps}")
    return "  ·  ".join(parts)


def how_html(session: Session, catalog: Catalog) -> str:
    """Before an exercise (get ready, the rest before it): its version, steps and safety notes, to set up."""
    segment = session.segment
    if segment.kind not in ("get_ready", "rest") or segment.set is not None or segment.exercise_index is None:
        return ""
    if segment.exercise_index >= len(session.plan.exercises):
        return ""  # a plan restored without its preview details
    return card_setup_html(build_card(session.plan.exercises[segment.exercise_index], catalog))


def next_text(session: Session) -> str:
    """What follows the current block: the next set, rest, side or exercise (pauses already say it)."""
    if session.segment.kind in ("rest", "switch_sides", "get_ready"):
        return ""
    segments = session.plan.segments
    block = session.segment.block
    for segment in segments[session.index + 1:]:
        if segment.block == block:
            continue
        if segment.kind == "done":
            return "Next: done!"
        if segment.kind in ("rest", "switch_sides", "get_ready"):
            return f"Next: {segment.phase.lower()} {segment.seconds} s"
        what = segment.exercise_name or ""
        if segment.side_text:
            what += f", {segment.side_text}"
        if segment.set is not None:
            what += f", set {segment.set} of {segment.sets}"
        return f"Next: {what}"
    return ""
