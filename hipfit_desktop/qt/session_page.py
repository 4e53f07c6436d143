"""The page the user follows from the mat: the phase on its coloured band, the side, and one hero number — the
rep count during a set, the countdown otherwise — beside a large area kept for the moving figure.

Everything shown is read from the engine on each driver tick; the page keeps no clock of its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..exercises.model import Catalog
from ..settings.model import BOUNDS
from ..workout.describe import clock_text
from ..workout.engine import Session
from ..workout.events import beats_for
from ..workout.hero import hero
from .driver import SessionDriver
from .figure_view import FigureView, shared_book
from .hero_number import HeroNumber
from .hold_bar import HoldBar
from .outline_dialog import OutlineDialog
from .rating_keys import RatingKeys
from .session_text import (
    OWN_PACE,
    cues_html,
    detail_text,
    done_text,
    instruction_text,
    next_text,
    tempo_span,
)
from .side_badge import SideBadge
from .tempo_bar import TempoBar
from .theme import is_dark, phase_colours
from .type_scale import TypeScale, follow_scale, space

TIME_STEP = 15  # seconds added or taken by one press of +15 s / −15 s
SHORTCUTS = (  # (keys, action, what the help overlay says); a presenter's keys come first
    (("Space", "B"), "toggle_pause", "Pause or resume, and nothing else"),
    (("PgDown", "Right", "N"), "next_step",
     "Next: done on a your-pace set; on a stretch, end the hold (it counts); otherwise skip to what comes next"),
    (("PgUp", "Left", "P"), "back", "Back: restart this set, or go to the previous one"),
    # Not "Shift+=" as well: on most layouts that is the same key press as "+", and two shortcuts for one
    # press make Qt fire neither.
    (("+", "="), "more", "One rep more in the set under way and the sets to come"),
    (("-",), "fewer", "One rep fewer in the set under way and the sets to come"),
    (("Up", "]"), "more_time", f"{TIME_STEP} s more on a rest, a switch of sides, a get-ready or timed work"),
    (("Down", "["), "less_time", f"{TIME_STEP} s less on a rest, a switch of sides, a get-ready or timed work"),
    (("O",), "show_outline", "The outline: what is done, now and to come; jump to any exercise"),
    (("Esc",), "leave", "Leave the session (asks first)"),
)
MARK_CAPTIONS = {"halfway": "halfway", "30s-left": "30 s left"}


class SessionPage(QWidget):
    """Signals: leave_requested()  # Esc or the Leave button; the window asks before ending."""

    leave_requested = Signal()

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.driver: SessionDriver | None = None
        self.outline: OutlineDialog | None = None  # the last one opened (key O)
        self._shown_for: tuple[int, str, int] | None = None  # what the words on the page were drawn for
        self._band = phase_colours("")
        centre = Qt.AlignmentFlag.AlignCenter
        self.phase = QLabel(alignment=centre, accessibleName="Phase")
        self.phase.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.side = SideBadge()
        self.exercise = QLabel(alignment=centre, accessibleName="Exercise", wordWrap=True)
        self.detail = QLabel(alignment=centre, accessibleName="Set and side", wordWrap=True)
        self.hero_caption = QLabel(alignment=centre, accessibleName="What the big number counts")
        self.hero = HeroNumber("Reps or time left")
        self.hold_bar = HoldBar()
        self.tempo = TempoBar()
        self.bars = QStackedWidget()
        self.bars.addWidget(self.hold_bar)
        self.bars.addWidget(self.tempo)
        self.bars.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.done_button = self._button("Done", "Done with this set", "next_step")
        self.done_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.cues = QLabel(alignment=centre, wordWrap=True, accessibleName="Form cues")
        self.cues.setTextFormat(Qt.TextFormat.RichText)
        # Under the figure, during a get-ready or a rest: the coming exercise's version and numbered steps.
        self.steps = QLabel(wordWrap=True, accessibleName="How to do the coming exercise")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The moving figure; the area stays, empty, if the figures file could not be read.
        self.figure_area = QWidget(accessibleName="Figure")
        self.figure_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        figure_layout = QVBoxLayout(self.figure_area)
        figure_layout.setContentsMargins(0, 0, 0, 0)
        book = shared_book(catalog.exercises)
        self.figure = FigureView(book) if book is not None else None
        if self.figure is not None:
            figure_layout.addWidget(self.figure)
        self.instruction = QLabel(alignment=centre, wordWrap=True, accessibleName="What to do now")
        self.upcoming = QLabel(alignment=centre, wordWrap=True, accessibleName="What comes next")
        self.progress = QProgressBar(textVisible=False, accessibleName="Session progress")
        self.progress.setRange(0, 1000)
        self.time_left = QLabel(accessibleName="Session time left")
        self.reps_note = QLabel(accessibleName="Reps of this set and those to come")

        self.back_button = self._button("◀ Back", "Back", "back")
        self.pause_button = self._button("Pause", "Pause or resume", "toggle_pause")
        self.skip_button = self._button("Skip ▶", "Skip", "skip")
        self.fewer_button = self._button("− rep", "One rep fewer", "fewer")
        self.more_button = self._button("+ rep", "One more rep", "more")
        self.less_time_button = self._button(f"−{TIME_STEP} s", f"{TIME_STEP} seconds less", "less_time")
        self.more_time_button = self._button(f"+{TIME_STEP} s", f"{TIME_STEP} seconds more", "more_time")
        self.outline_button = self._button("Outline (O)", "Outline of the session", "show_outline")
        self.leave_button = self._button("Leave", "Leave the session", "leave")
        self.help_button = QPushButton("Keys (F1)", accessibleName="Keyboard shortcuts")
        self.help_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QHBoxLayout()
        top.addWidget(self.phase, 1)
        top.addWidget(self.side)
        hero_column = QVBoxLayout()
        hero_column.addWidget(self.hero_caption)
        hero_column.addWidget(self.hero, 5)
        hero_column.addWidget(self.bars)
        hero_column.addWidget(self.done_button)
        hero_column.addWidget(self.cues, 2)
        figure_column = QVBoxLayout()
        figure_column.addWidget(self.figure_area, 1)
        figure_column.addWidget(self.steps)
        self.rating = RatingKeys(self)  # effort and pain after an exercise: digits and L/R, during the rest
        figure_column.addWidget(self.rating)
        middle = QHBoxLayout()
        middle.addLayout(figure_column, 4)
        middle.addLayout(hero_column, 5)
        controls = QHBoxLayout()
        for button in (self.back_button, self.pause_button, self.skip_button):
            controls.addWidget(button)
        controls.addStretch()
        for button in (self.fewer_button, self.more_button, self.less_time_button, self.more_time_button):
            controls.addWidget(button)
        controls.addStretch()
        for button in (self.outline_button, self.leave_button, self.help_button):
            controls.addWidget(button)
        footer = QGridLayout()
        footer.addWidget(self.progress, 0, 0, 1, 2)
        footer.addWidget(self.reps_note, 1, 0)
        footer.addWidget(self.time_left, 1, 1, Qt.AlignmentFlag.AlignRight)

        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addWidget(self.exercise)
        self._layout.addWidget(self.detail)
        self._layout.addLayout(middle, 1)
        self._layout.addWidget(self.instruction)
        self._layout.addWidget(self.upcoming)
        self._layout.addLayout(footer)
        self._layout.addLayout(controls)

        for keys, action, _ in SHORTCUTS:
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(getattr(self, action))
        self.scale = follow_scale(self, self._apply_scale)

    def _button(self, text: str, name: str, action: str) -> QPushButton:
        button = QPushButton(text, accessibleName=name)
        # No keyboard focus: Space must always mean pause, never "press the focused button".
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(getattr(self, action))
        return button

    # --- driving ------------------------------------------------------------------------------------------

    def attach(self, driver: SessionDriver) -> None:
        self.driver = driver
        self._shown_for = None
        driver.ticked.connect(self.refresh)
        self.rating.attach(driver)
        if self.figure is not None:
            self.figure.follow(driver)
        self.refresh()

    def detach(self) -> None:
        """The session is over: the figure lets go of its driver and stops moving."""
        if self.figure is not None:
            self.figure.stop()

    @property
    def session(self) -> Session:
        assert self.driver is not None
        return self.driver.session

    def toggle_pause(self) -> None:
        if self.driver:
            self.driver.toggle_pause()

    def next_step(self) -> None:
        """Page Down: done with an own-pace step, or on to what comes next."""
        if self.driver is None:
            return
        self.driver.wake()  # decide on the step the user is in now, not the one the timer last saw
        if self.session.state == "running" and self.session.segment.kind in OWN_PACE:
            self.driver.rep_done()
        else:
            self.driver.skip()

    def skip(self) -> None:
        """The Skip button: leave the whole set, rest or hold, even at your own pace (Page Down says done)."""
        if self.driver:
            self.driver.skip()

    def back(self) -> None:
        if self.driver:
            self.driver.back()

    def more(self) -> None:
        self._change_reps(+1)

    def fewer(self) -> None:
        self._change_reps(-1)

    def more_time(self) -> None:
        self._adjust_time(TIME_STEP)

    def less_time(self) -> None:
        self._adjust_time(-TIME_STEP)

    def leave(self) -> None:
        self.leave_requested.emit()

    def show_outline(self) -> None:
        """The session's exercises, done / now / to come; Enter on one jumps there."""
        if self.driver is None or self.session.state not in ("running", "paused"):
            return
        self.outline = OutlineDialog(self.session, self)
        self.outline.jump_requested.connect(self.driver.jump_to_exercise)
        self.outline.finished.connect(self.outline.deleteLater)
        self.outline.open()

    def _change_reps(self, step: int) -> None:
        if self.driver is None:
            return
        self.driver.wake()
        if not self.session.can_change_reps():
            self.reps_note.setText("No set of this exercise left to change")
            return
        reps = self.session.current_reps()
        assert reps is not None  # can_change_reps: a set under way or still ahead
        low, high = BOUNDS["reps"]
        self._shown_for = None
        self.driver.change_reps(max(low, min(high, reps + step)))

    def _adjust_time(self, seconds: int) -> None:
        if self.driver is None:
            return
        self.driver.wake()
        if self.session.can_adjust_time():
            self.driver.adjust_time(seconds)

    # --- showing ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Runs ten times a second: only the hero number, the bars and the clock change between segments."""
        if self.driver is None:
            return
        session = self.session
        key = (session.index, session.state, id(session.plan))
        if key != self._shown_for:  # a new segment, pause/resume or changed reps: redo the words
            self._shown_for = key
            self._show_words(session)
        self.hero.setText(hero(session).number)
        self._show_bars(session)
        left = session.remaining_total()
        total = session.active_seconds() + left
        self.progress.setValue(round(1000 * session.active_seconds() / total) if total else 1000)
        left_text = f"About {clock_text(left)} left"
        if left_text != self.time_left.text():
            self.time_left.setText(left_text)

    def _show_words(self, session: Session) -> None:
        segment = session.segment
        paused = session.state == "paused"
        phase = "PAUSED" if paused else segment.phase
        self._band = phase_colours(segment.phase, is_dark(self.palette()))
        background, text = phase_colours(phase, is_dark(self.palette()))
        self.phase.setText(phase)
        self.phase.setStyleSheet(f"background:{background.name()}; color:{text.name()}; border-radius:10px;")
        big = hero(session)
        self.side.show_side(big.side)
        self.exercise.setText(segment.exercise_name or session.plan.routine_name)
        self.detail.setText(detail_text(segment))
        # "1:23 left" under a LEFT badge would read as a side: a clock's caption says "time left".
        self.hero_caption.setText(("time left" if big.caption == "left" else big.caption).upper())
        self.instruction.setText(instruction_text(session))
        self.instruction.setVisible(bool(self.instruction.text()))
        self.upcoming.setText(next_text(session))
        cues, large = cues_html(session, self.catalog)
        self.cues.setText(cues if large else "")
        self.cues.setVisible(large)
        self.steps.setText("" if large else cues)
        self.steps.setVisible(not large and bool(cues))
        own_pace = segment.kind in OWN_PACE and not paused
        self.done_button.setVisible(own_pace)
        if own_pace:
            self.done_button.setText(done_text(segment))
        stretch = segment.phase == "STRETCH"
        self.skip_button.setText("End hold ▶" if stretch else "Skip ▶")
        self.skip_button.setAccessibleName("End the hold" if stretch else "Skip")
        self.pause_button.setText("Resume" if paused else "Pause")
        reps = session.current_reps()
        self.reps_note.setText(f"This exercise: {reps} reps a set (+ / −)" if reps else "")
        can_change = session.can_change_reps()
        self.fewer_button.setEnabled(can_change)
        self.more_button.setEnabled(can_change)
        can_adjust = session.can_adjust_time()
        self.less_time_button.setEnabled(can_adjust)
        self.more_time_button.setEnabled(can_adjust)
        running = session.state in ("running", "paused")
        for button in (self.back_button, self.skip_button, self.pause_button, self.outline_button):
            button.setEnabled(running)

    def _show_bars(self, session: Session) -> None:
        """The tempo bar through a guided rep; the interval bar on anything timed; nothing on own pace."""
        background, text = self._band
        span = tempo_span(session)
        if span is not None:
            first, last = span
            segments = session.plan.segments[first:last + 1]
            zones = tuple((s.phase, float(s.seconds or 0), *phase_colours(s.phase, is_dark(self.palette())))
                          for s in segments)
            self.tempo.set_rep(zones, session.index - first, session.progress() or 0.0)
            self.bars.setCurrentWidget(self.tempo)
            self.bars.setVisible(True)
            return
        segment = session.segment
        seconds = segment.seconds
        self.bars.setCurrentWidget(self.hold_bar)
        self.bars.setVisible(bool(seconds) and segment.kind != "done")
        if not seconds:
            return
        named = [(1 - before / seconds, MARK_CAPTIONS[name]) for before, name in beats_for(segment)
                 if name in MARK_CAPTIONS]
        self.hold_bar.set_progress(session.progress() or 0.0, tuple(m for m, _ in named), background,
                                   tuple(c for _, c in named), text)

    def _apply_scale(self, scale: TypeScale) -> None:
        """Sizes follow the page's height, from one type scale; the hero number fills the box it is given."""
        space(self._layout, scale, margin="gap", spacing="tight")
        big = round(scale.px("hero") * 0.3)  # the phase word and the side: the second thing read from the floor
        phase_font = scale.font("display", self.phase.font(), bold=True)
        phase_font.setPixelSize(big)
        self.phase.setFont(phase_font)
        self.side.scale(big)
        self.exercise.setFont(scale.font("title", self.exercise.font(), bold=True))
        self.detail.setFont(scale.font("heading", self.detail.font()))
        self.hero_caption.setFont(scale.font("heading", self.hero_caption.font(), bold=True))
        self.instruction.setFont(scale.font("heading", self.instruction.font()))
        self.upcoming.setFont(scale.font("body", self.upcoming.font()))
        self.done_button.setFont(scale.font("title", self.done_button.font(), bold=True))
        self.done_button.setMinimumHeight(round(scale.px("title") * 1.8))
        self.bars.setFixedHeight(round(scale.px("display") * 1.7))
        self.cues.setFont(scale.font("title", self.cues.font()))
        self.steps.setFont(scale.font("body", self.steps.font()))
        self.rating.setFont(scale.font("heading", self.rating.font()))  # read from the mat, like the instruction

