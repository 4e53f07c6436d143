"""The first page: every routine with its length and equipment, and a preview of what it will ask."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..exercises.model import LEVELS, Catalog
from ..settings.model import Settings
from ..workout.describe import first_start_routine, routine_summary
from ..workout.plan import Plan, compile_plan
from ..workout.preview import routine_preview
from .figure_view import shared_book, start_and_end
from .lazy_labels import LazyLabels
from .preview_cards import PreviewPane
from .type_scale import TypeScale, apply_roles, follow_scale, mark, space

LIST_EMS = 24  # the routine list's width in body sizes: a name and its length on two unbroken lines
LIST_SHARE = 0.34  # but never more than this share of the page: the cards need the room


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
        self.preview = PreviewPane()
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
        left_layout = self._left_layout = QVBoxLayout(left)
        heading = mark(QLabel("Pick a routine"), "title")
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
        splitter = self._splitter = QSplitter()
        self._divider_moved = False
        self._preview_pending = True
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_divider_moved", True))
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 600])
        layout = self._layout = QVBoxLayout(self)
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
        self._scaler = follow_scale(self, self._apply_scale)
        self.refresh_preview()

    def _apply_scale(self, scale: TypeScale) -> None:
        apply_roles(self, scale)
        space(self._layout, scale)
        space(self._left_layout, scale, margin="")
        self.routines.setSpacing(scale.gap("tight"))
        self.preview.apply_scale(scale)
        self._fit_splitter()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_splitter()

    def _fit_splitter(self) -> None:
        """The list's width from the type scale, until the user drags the divider."""
        scale = getattr(self, "_scaler", None) and self._scaler.scale
        if scale is None or self._divider_moved:
            return
        width = self._splitter.width()
        listed = min(scale.body_px * LIST_EMS, round(width * LIST_SHARE))
        self._splitter.setSizes([listed, max(1, width - listed)])

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
        # a routine file removed since last time: as on a first start
        wanted = next((r for r in (chosen, self.settings.last_routine) if r in ids), None) or self._first_start()
        self.routines.setCurrentRow(ids.index(wanted) if wanted in ids else 0)

    def _first_start(self) -> str | None:
        """Chosen among the built-in routines only: compiling thousands of user routines must not delay it."""
        shipped = [r for r in self.catalog.routines.values() if r.source == "data/routines.yaml"]
        return first_start_routine(compile_plan(r, self.catalog, self.settings) for r in shipped)

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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._preview_pending:
            self.refresh_preview()

    def _show_preview(self, row: int) -> None:
        """Build the cards for `row`; while the page is hidden, once when it shows (start-up built them twice:
        once for the picker, again when the window added the training log's lines)."""
        scaler = getattr(self, "_scaler", None)
        self._preview_pending = not self.isVisible()
        if row < 0 or scaler is None or scaler.scale is None or self._preview_pending:
            return
        routine = list(self.catalog.routines.values())[row]
        plan = compile_plan(routine, self.catalog, self.settings)
        last_times = self.last_times(plan) if self.last_times is not None else None
        self.preview.show_preview(routine_preview(plan, self.catalog, routine.description, last_times),
                                  scaler.scale)
        book = shared_book(self.catalog.exercises)
        if book is not None:
            for index, (card, item) in enumerate(zip(self.preview.cards, plan.exercises, strict=True)):
                side = next((s.side for s in plan.segments if s.exercise_index == index and s.side), None)
                card.set_figure(start_and_end(book, item.exercise.id, item.progression.id, side))
