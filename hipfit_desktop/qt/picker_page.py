"""The first page: every routine with its length and equipment, and a preview of what it will ask."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..exercises.model import LEVELS, Catalog
from ..settings.model import Settings
from ..workout.describe import preview_html, routine_summary
from ..workout.plan import Plan, compile_plan
from .lazy_labels import LazyLabels


class PickerPage(QWidget):
    """Signals: start_requested(str)  # routine id; level_changed(str)  # beginner/intermediate/advanced;
    counts_requested(str)  # routine id; settings_requested(); history_requested()"""

    start_requested = Signal(str)
    level_changed = Signal(str)
    counts_requested = Signal(str)  # routine id: change this session's counts
    settings_requested = Signal()
    history_requested = Signal()

    def __init__(self, catalog: Catalog, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.settings = settings
        self.routines = QListWidget(accessibleName="Routines")
        self.routines.setWordWrap(True)
        self.routines.setSpacing(6)
        self.preview = QTextBrowser(accessibleName="Routine preview")
        self.preview.setOpenLinks(False)
        self.level = QComboBox(accessibleName="Level")
        self.level.addItems([level.capitalize() for level in LEVELS])
        self.level.setCurrentIndex(LEVELS.index(settings.level))
        self.start_button = QPushButton("Start  (Enter)", accessibleName="Start the routine")
        self.start_button.setDefault(True)
        self.counts_button = QPushButton("Change counts…", accessibleName="Change this session's counts")
        self.settings_button = QPushButton("Settings…  (Ctrl+,)", accessibleName="Settings")
        self.notice = QLabel(wordWrap=True, accessibleName="Notice")
        self.notice.setVisible(False)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("<h2>Pick a routine</h2>")
        left_layout.addWidget(heading)
        self.week = QLabel(accessibleName="This week")  # "This week (from Mon 23 Nov): 1 of 3 workouts"
        self.week.setVisible(False)
        left_layout.addWidget(self.week)
        left_layout.addWidget(self.routines, 1)
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel("Level:"))
        level_row.addWidget(self.level, 1)
        left_layout.addLayout(level_row)
        more_row = QHBoxLayout()
        more_row.addWidget(self.counts_button)
        more_row.addWidget(self.settings_button)
        self.history_button = QPushButton("History…", accessibleName="History")
        self.history_button.setVisible(False)  # shown when there is a training log
        more_row.addWidget(self.history_button)
        left_layout.addLayout(more_row)
        left_layout.addWidget(self.start_button)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)

        self.routines.currentRowChanged.connect(self._show_preview)
        # Double-click, not "activated": on single-click desktops activation is a plain click, which must only select.
        self.routines.itemDoubleClicked.connect(lambda _item: self.start())
        self.start_button.clicked.connect(self.start)
        self.counts_button.clicked.connect(lambda: self.counts_requested.emit(self.selected_routine() or ""))
        self.settings_button.clicked.connect(self.settings_requested)
        self.history_button.clicked.connect(self.history_requested)
        self.level.currentIndexChanged.connect(self._level_picked)
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut).activated.connect(self.start)
        self._labels = LazyLabels(self.routines, self._label)
        self._fill()

    def _label(self, routine_id: str) -> str:
        routine = self.catalog.routines[routine_id]
        return f"{routine.name}\n{routine_summary(compile_plan(routine, self.catalog, self.settings))}"

    def _fill(self) -> None:
        chosen = self.selected_routine()
        self.routines.clear()
        for routine in self.catalog.routines.values():
            item = QListWidgetItem(routine.name)  # the length is added by `self._labels`, a batch at a time
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            item.setToolTip(routine.description)
            self.routines.addItem(item)
        self._labels.restart()
        ids = list(self.catalog.routines)
        wanted = chosen or self.settings.last_routine
        self.routines.setCurrentRow(ids.index(wanted) if wanted in ids else 0)


    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.level.blockSignals(True)  # showing the level is not choosing it
        self.level.setCurrentIndex(LEVELS.index(settings.level))
        self.level.blockSignals(False)
        self._fill()

    def selected_routine(self) -> str | None:
        item = self.routines.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    # The window sets this when there is a training log: plan -> exercise id -> "last time: ..." line.
    last_times: Callable[[Plan], Mapping[str, str]] | None = None

    def show_week(self, text: str) -> None:
        self.week.setText(text)
        self.week.setVisible(bool(text))

    def refresh_preview(self) -> None:
        self._show_preview(self.routines.currentRow())

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def start(self) -> None:
        routine_id = self.selected_routine()
        if routine_id:
            self.start_requested.emit(routine_id)

    def _level_picked(self, index: int) -> None:
        self.level_changed.emit(LEVELS[index])

    def _show_preview(self, row: int) -> None:
        if row < 0:
            return
        routine = list(self.catalog.routines.values())[row]
        plan = compile_plan(routine, self.catalog, self.settings)
        last_times = self.last_times(plan) if self.last_times is not None else None
        self.preview.setHtml(preview_html(plan, self.catalog, routine.description, last_times))
