"""The line under the figure during the rest after an exercise: how it went, one key each, never waited for.
The summary page has one too, for the session's last exercise: no rest follows it.

Signals: rated(object, str, str)  # RatingTarget, what was rated (effort, pain, harder_side), the answer
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QWidget

from ..workout.engine import Session
from ..workout.plan import WORK_KINDS
from ..workout.rating import KEYS_HINT, RATING_KEYS, SIDE_HINT, RatingTarget, answer, rating_target
from .driver import SessionDriver

WORDS = {"effort": "effort", "pain": "pain", "harder_side": "harder"}


class RatingKeys(QLabel):
    rated = Signal(object, str, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True,
                         accessibleName="How did that exercise go")
        self.driver: SessionDriver | None = None
        self.target: RatingTarget | None = None
        self.answers: dict[str, str] = {}
        for key in RATING_KEYS:
            shortcut = QShortcut(QKeySequence(key), parent, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda key=key: self.press(key))
        self.hide()

    def attach(self, driver: SessionDriver) -> None:
        self.driver = driver
        driver.segment_started.connect(self._follow)
        self._follow()

    def _follow(self, _event: object = None) -> None:
        assert self.driver is not None
        session = self.driver.session
        self.ask(rating_target(session.plan, session.index))

    def ask(self, target: RatingTarget | None) -> None:
        """Take keys for `target` from now on (None: hide and take none); a new target forgets the answers."""
        if target != self.target:
            self.target, self.answers = target, {}
        self._show()

    def press(self, key: str) -> None:
        """Record the answer at once and go on; a key outside a rest after an exercise does nothing."""
        found = answer(self.target, key) if self.target is not None else None
        if found is None:
            return
        what, value = found
        self.answers[what] = value
        self.rated.emit(self.target, what, value)
        self._show()

    def _show(self) -> None:
        if self.target is None:
            self.hide()
            return
        given = ", ".join(f"{WORDS[what]} {value}" for what, value in self.answers.items())
        hint = KEYS_HINT + (SIDE_HINT if self.target.one_sided else "")
        self.setText(f"How was {self.target.name}? {given + ' ✓' if given else '(optional)'}\n{hint}")
        self.show()


def finished_exercise(session: Session) -> RatingTarget | None:
    """What the summary asks about: the exercise the session ended just after (at DONE, or left during the
    rest after it), if any of its work was done; None when it ended mid-exercise or that exercise was skipped."""
    target = rating_target(session.plan, session.index)
    if target is None:
        return None
    done = any(status == "done" and segment.exercise_index == target.position and segment.kind in WORK_KINDS
               for segment, status in zip(session.plan.segments, session.statuses, strict=True))
    return target if done else None
