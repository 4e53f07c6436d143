"""The history page: the sessions of the last weeks with their sets, and per exercise a small chart of volume
per week with the version done. Drawing only: the log's queries and words come from records/."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..exercises.model import Catalog
from ..records.database import HistoryLog
from ..records.queries import recent_sessions, week_summary, weekly_volume
from ..records.report import format_history
from .backup_buttons import BackupButtons, Pick, file_dialog
from .type_scale import TypeScale, apply_roles, follow_scale, mark, space

LIST_WEEKS = 12
CHART_WEEKS = 26


class VolumeChart(QWidget):
    """Bars of one exercise's weekly volume (reps, or seconds of timed work) over CHART_WEEKS weeks; the version
    is written where it changes."""

    def __init__(self, title: str, weeks: list[tuple[date, int, float, str]], first: date,
                 names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.weeks, self.first, self.names = title, weeks, first, names
        self.setAccessibleName(f"{title}: volume per week")
        last = weeks[-1] if weeks else None
        self.setToolTip(f"{title}: {len(weeks)} weeks with sets; last version {names.get(last[3], last[3])}"
                        if last else title)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(120, self.fontMetrics().height() * 6)  # title, two rows of versions, three for the bars

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(palette.windowText().color())
        line = float(painter.fontMetrics().height())  # rows follow the page's type scale
        painter.drawText(4, painter.fontMetrics().ascent() + 2, self.title)
        top, bottom = line + 6, self.height() - 4.0
        width = (self.width() - 8) / CHART_WEEKS
        highest = max((volume for _, _, volume, _ in self.weeks), default=1.0) or 1.0
        version, changes = None, 0
        for week, _sets, volume, step in self.weeks:
            slot = (week - self.first).days // 7
            if not 0 <= slot < CHART_WEEKS:
                continue
            x = 4 + slot * width
            height = (bottom - top - 2 * line) * volume / highest  # two rows of version names above the bars
            painter.fillRect(QRectF(x + 1, bottom - height, max(1.0, width - 2), height), QColor(70, 130, 180))
            if step != version:
                painter.setPen(palette.windowText().color())
                row = top + line * (changes % 2)  # alternate rows: changes in nearby weeks do not overprint
                label = "▸ " + self.names.get(step, step)
                # near the right edge the label ends at the edge instead of being cut off
                left = max(0.0, min(x, self.width() - 4 - painter.fontMetrics().horizontalAdvance(label)))
                painter.drawText(QRectF(left, row, self.width() - left, line), Qt.AlignmentFlag.AlignLeft, label)
                version, changes = step, changes + 1
        painter.end()


class HistoryPage(QWidget):
    """Signals:

    back_requested()  # the user wants the picker again
    """

    back_requested = Signal()

    def __init__(self, catalog: Catalog, pick: Pick = file_dialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.backup = BackupButtons(pick)
        self.week = QLabel(accessibleName="This week")
        self.sessions = QTextBrowser(accessibleName="Sessions")
        self.charts = QWidget()
        self.charts_layout = QVBoxLayout(self.charts)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.charts)
        back = QPushButton("Back to routines", accessibleName="Back to routines")
        back.clicked.connect(self.back_requested)
        splitter = QSplitter()
        splitter.addWidget(self.sessions)
        splitter.addWidget(scroll)
        splitter.setSizes([560, 440])
        top = QHBoxLayout()
        top.addWidget(mark(QLabel("History"), "title"))
        top.addWidget(self.week, 1)
        top.addWidget(back)
        layout = self._layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.backup)
        follow_scale(self, self._apply_scale)

    def _apply_scale(self, scale: TypeScale) -> None:
        apply_roles(self, scale)
        space(self._layout, scale)

    def show_history(self, log: HistoryLog, target: int, today: date | None = None) -> None:
        today = today or date.today()
        self.backup.log = log
        week = week_summary(log, today, target)
        sessions = recent_sessions(log, LIST_WEEKS, today, with_sets=True)
        names = {e.id: e.name for e in self.catalog.exercises.values()}
        text = format_history(sessions, week, LIST_WEEKS, names)
        self.week.setText(escape(text.splitlines()[0]))
        # pre-wrap: long lines wrap in a narrow window instead of scrolling sideways
        self.sessions.setHtml(f"<pre style='white-space: pre-wrap'>{escape(text.split(chr(10), 2)[-1])}</pre>")
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        first = week.start - timedelta(weeks=CHART_WEEKS - 1)
        volumes = weekly_volume(log, first)
        for exercise in self.catalog.exercises.values():
            if exercise.id in volumes:
                versions = {step.id: step.name for step in exercise.progressions}
                self.charts_layout.addWidget(VolumeChart(exercise.name, volumes[exercise.id], first, versions))
        if not volumes:
            self.charts_layout.addWidget(QLabel("No sets in the last six months yet."))
        self.charts_layout.addStretch(1)
