"""The coach's suggestions on the picker and the summary: each in plain words, with Accept and Not yet.

`CoachPanel` draws; `CoachLink` asks records/ what to say and passes the answers back: Accept saves through
the window's own save (the path the Settings dialog takes), Not yet is remembered in the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ..exercises.model import Catalog
from ..exercises.strictyaml import DataError
from ..records.coach import Suggestion, accept
from ..records.coach_log import advice, morning_after, put_off, session_to_ask_about
from ..records.coach_rules import CoachRules, load_rules
from ..records.database import HistoryLog
from ..settings.model import Settings

MORNING_CHOICES = ("Fine", "Sore", "Painful", "Skip")  # the last: what Escape means
NOT_A_PRESCRIPTION = "Advice, not a prescription: recovering from an injury? Ask your physiotherapist."


class CoachPanel(QWidget):
    """Signals: accepted(object)  # Suggestion;  put_off(object)  # Suggestion"""

    accepted = Signal(object)
    put_off = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, accessibleName="The coach's suggestions")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)  # the words take the width; the buttons stay their own size
        self.suggestions: list[Suggestion] = []
        self.hide()

    def show_suggestions(self, found: list[Suggestion]) -> None:
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.suggestions = list(found)
        for row, suggestion in enumerate(found):
            self._grid.addWidget(QLabel(suggestion.text(), wordWrap=True), row, 0)
            if suggestion.can_accept:
                for column, (text, signal) in enumerate((("Accept", self.accepted), ("Not yet", self.put_off)), 1):
                    button = QPushButton(text, accessibleName=f"{text}: {suggestion.text()}")
                    button.clicked.connect(lambda _=False, s=suggestion, sig=signal: sig.emit(s))
                    self._grid.addWidget(button, row, column)
        if found:
            self._grid.addWidget(QLabel(NOT_A_PRESCRIPTION, wordWrap=True), len(found), 0, 1, 3)
        self.setVisible(bool(found))


class CoachLink(QObject):
    def __init__(self, log: HistoryLog, catalog: Catalog, saved: Callable[[], Settings],
                 save: Callable[[Settings], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log, self.catalog, self.saved, self.save = log, catalog, saved, save
        self.panels: list[CoachPanel] = []
        self.rules: CoachRules | None
        try:
            self.rules = load_rules()
        except DataError as problem:  # a broken install: no coach, the workouts go on
            logging.getLogger(__name__).error("the coach is off: %s", problem)
            self.rules = None

    def ask_morning(self, parent: QWidget, choose: Callable[[QWidget, str, str, Sequence[str]], str]) -> None:
        """Once, at the first start on a later day: how the hips felt the morning after the last session."""
        midnight = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        session = session_to_ask_about(self.log, midnight)
        if session is None or self.rules is None:
            return
        choice = choose(parent, "The morning after", "How did your hips feel the morning after your last "
                        "workout? The coach takes it into account; Skip if you would rather not say.",
                        MORNING_CHOICES)
        morning_after(self.log, session, None if choice == "Skip" else choice.lower())
        self.refresh()

    def add(self, panel: CoachPanel) -> None:
        self.panels.append(panel)
        panel.accepted.connect(self.accept)
        panel.put_off.connect(self.put_off)

    def refresh(self) -> None:
        if self.rules is None:
            return
        self.log.flush()  # the session just ended counts
        found = advice(self.log, self.catalog, self.saved(), self.rules)
        for panel in self.panels:
            panel.show_suggestions(found)

    def accept(self, suggestion: Suggestion) -> None:
        self.save(accept(self.saved(), suggestion))
        self.refresh()

    def put_off(self, suggestion: Suggestion) -> None:
        put_off(self.log, suggestion)
        self.refresh()
