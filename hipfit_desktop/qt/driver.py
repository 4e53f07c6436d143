"""The one QObject that drives an engine `Session` from the Qt event loop.

It owns a single-shot PreciseTimer (Qt's default coarse timer may fire 5% late) that wakes at the next
deadline or beat, and at least every `display_interval` seconds so the countdown on screen moves smoothly.
All timing comes from the engine's deadlines; the timer is only the alarm clock.
"""

from __future__ import annotations

import math
import sys

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..workout.engine import Session
from ..workout.events import Beat, Event, ExerciseDone, Finished, SegmentStarted, SetDone

THREAD_SWITCH_SECONDS = 0.001


def tighten_thread_switching() -> None:
    """Let the UI thread take the interpreter back within 1 ms instead of Python's default 5 ms.

    With a busy worker thread (speech, history writes) the default let cues start 11 ms late at p99;
    1 ms brings that to about 2 ms (benchmarks/timing.py, docs/PERFORMANCE.md).
    """
    sys.setswitchinterval(THREAD_SWITCH_SECONDS)


class SessionDriver(QObject):
    """Signals, all carrying the engine's own event objects:

    event(object)            # every engine event, in order (cues and history subscribe here)
    segment_started(object)  # engine.SegmentStarted
    beat(object)             # engine.Beat: 3-2-1, halfway, 30 s left
    set_done(object)         # engine.SetDone
    exercise_done(object)    # engine.ExerciseDone
    finished(bool)           # True when the user ended early
    state_changed(str)       # idle, running, paused, finished
    ticked()                 # the display should redraw (about 10 times a second while running)
    """

    event = Signal(object)
    segment_started = Signal(object)
    beat = Signal(object)
    set_done = Signal(object)
    exercise_done = Signal(object)
    finished = Signal(bool)
    state_changed = Signal(str)
    ticked = Signal()

    def __init__(self, session: Session, parent: QObject | None = None, display_interval: float = 0.1) -> None:
        super().__init__(parent)
        self.session = session
        self.display_interval = display_interval
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.wake)
        self._state = session.state

    # Commands: each runs the engine command, passes on its events and re-arms the timer.
    def start(self) -> None:
        self._run(self.session.start)

    def toggle_pause(self) -> None:
        self._run(self.session.toggle_pause)

    def pause(self) -> None:
        self._run(self.session.pause)

    def resume(self) -> None:
        self._run(self.session.resume)

    def skip(self) -> None:
        self._run(self.session.skip)

    def back(self) -> None:
        self._run(self.session.back)

    def rep_done(self) -> None:
        self._run(self.session.rep_done)

    def change_reps(self, reps: int) -> None:
        self._run(lambda: self.session.change_reps(reps))

    def adjust_time(self, seconds: float) -> None:
        self._run(lambda: self.session.adjust_time(seconds))

    def jump_to_exercise(self, exercise_index: int) -> None:
        self._run(lambda: self.session.jump_to_exercise(exercise_index))

    def finish(self) -> None:
        self._run(self.session.finish)

    def stop(self) -> None:
        """Stop waking up (the window is closing); the session itself is left as it is."""
        self._timer.stop()

    def wake(self) -> None:
        """Catch up with the clock now (the timer calls this; so can a test with a fake clock)."""
        self._run(self.session.tick)

    def _run(self, command) -> None:  # type: ignore[no-untyped-def]
        for event in command():
            self._dispatch(event)
        if self.session.state != self._state:
            self._state = self.session.state
            self.state_changed.emit(self._state)
        self.ticked.emit()
        self._arm()

    def _dispatch(self, event: Event) -> None:
        self.event.emit(event)
        if isinstance(event, SegmentStarted):
            self.segment_started.emit(event)
        elif isinstance(event, Beat):
            self.beat.emit(event)
        elif isinstance(event, SetDone):
            self.set_done.emit(event)
        elif isinstance(event, ExerciseDone):
            self.exercise_done.emit(event)
        elif isinstance(event, Finished):
            self.finished.emit(event.early)

    def _arm(self) -> None:
        if self.session.state != "running":
            self._timer.stop()
            return
        delay = self.display_interval
        wake = self.session.next_wakeup()
        if wake is not None:
            delay = min(delay, wake - self.session.clock())
        # Round up: waking a millisecond early would only mean a second wake-up.
        self._timer.start(max(0, math.ceil(delay * 1000)))
