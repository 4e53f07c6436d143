"""The end of a session: time taken, sets and reps done, what was skipped, and the way back."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from ..workout.describe import clock_text
from ..workout.summary import ExerciseTally, Summary, headline
from .coach_panel import CoachPanel
from .rating_keys import RatingKeys
from .type_scale import TypeScale, apply_roles, follow_scale, mark, space

COLUMN_EMS = 64  # the page's column at most this many body sizes wide
TILES = ("time", "sets", "reps")


class SummaryPage(QWidget):
    """Signals: back_requested()  # the user wants the routine picker again
    remember_requested()  # keep the reps changed with +/- during the session for next time"""

    back_requested = Signal()
    remember_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: dict[str, QLabel] = {}
        self.title = mark(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, accessibleName="Result"), "display")
        self.routine = mark(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True, accessibleName="Routine"),
                            "heading")
        self.routine.setProperty("scale_bold", False)  # the title leads
        # the three numbers read from the mat: time, sets, reps (value in display size, its word under it)
        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for key in TILES:
            value = mark(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "display")
            word = mark(QLabel(alignment=Qt.AlignmentFlag.AlignCenter), "body")
            tile = QVBoxLayout()
            tile.addWidget(value)
            tile.addWidget(word)
            tiles.addLayout(tile, 1)
            self.tiles[key] = value
            self._words[key] = word
        self.details = QTextBrowser(accessibleName="Session details")
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the text wraps
        self.back_button = QPushButton("Back to routines  (Enter or Esc)", accessibleName="Back to routines")
        self.back_button.clicked.connect(self.back_requested)
        self.remember_button = QPushButton(accessibleName="Remember the rep changes for next time")
        self.remember_button.clicked.connect(self._remember)
        self.remember_button.setVisible(False)
        # one centred column: a wide screen does not stretch the table into a form
        self.column = QWidget()
        column = self._column = QVBoxLayout(self.column)
        column.addWidget(self.title)
        column.addWidget(self.routine)
        column.addLayout(tiles)
        column.addWidget(self.details, 1)
        column.addWidget(self.remember_button)
        # the last exercise has no rest after it: its keys (digits, L/R; no clash with Enter/Esc) are taken here
        self.rating = mark(RatingKeys(self), "heading")
        self.rating.setProperty("scale_bold", False)
        column.addWidget(self.rating)
        self.coach = CoachPanel()
        column.addWidget(self.coach)
        column.addWidget(self.back_button)
        layout = self._layout = QHBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.column, 100)  # as wide as it may be; the stretches centre it
        layout.addStretch(1)
        # Esc too: a presenter has Esc but no Enter. Not Page Down: the press that ends the last set could
        # carry on past the summary before it is read.
        for key in ("Return", "Enter", "Esc"):
            QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut).activated.connect(
                self.back_requested)
        follow_scale(self, self._apply_scale)

    def _apply_scale(self, scale: TypeScale) -> None:
        apply_roles(self, scale)
        space(self._layout, scale)
        space(self._column, scale, margin="", spacing="gap")
        self.column.setMaximumWidth(scale.body_px * COLUMN_EMS)
        self.details.document().setDocumentMargin(scale.gap("section"))

    def show_summary(self, summary: Summary, advice_html: str = "") -> None:
        """`advice_html`: how to fit sessions into a week, shown under the tally."""
        self.title.setText(headline(summary))
        self.routine.setText(escape(summary.routine_name))
        shown = {"time": (clock_text(summary.active_seconds), "of exercise"),
                 "sets": (f"{summary.sets_done} / {summary.sets_planned}", "sets done"),
                 "reps": (str(summary.reps_done), "reps done")}
        for key, (value, word) in shown.items():
            self.tiles[key].setText(value)
            self.tiles[key].setAccessibleName(f"{value} {word}")
            self._words[key].setText(word)
        rows = "".join(
            f"<tr><td width='1'>{_mark(t)}</td><td>{escape(t.name)}</td>"
            f"<td align='right'>{t.sets_done} / {t.sets_planned}</td><td align='right'>{_done_text(t)}</td></tr>"
            for t in summary.exercises)
        html = [f"<table width='100%' cellpadding='6'><tr><th></th><th align='left'>Exercise</th>"
                f"<th align='right'>Sets</th><th align='right'>Reps or time</th></tr>{rows}</table>"]
        if summary.skipped:
            html.append("<h3>Skipped</h3><ul>" + "".join(f"<li>{escape(s)}</li>" for s in summary.skipped) + "</ul>")
        if summary.not_finished:
            html.append("<h3>Not finished</h3><p>" + escape(", ".join(summary.not_finished)) + "</p>")
        if not summary.skipped and not summary.not_finished:
            html.append("<p>Nothing skipped.</p>")
        if advice_html:
            html.append(f"<h3>Over the weeks</h3>{advice_html}")
        self.details.setHtml("\n".join(html))

    def offer_to_remember(self, changes: dict[str, int]) -> None:
        """`changes`: exercise name -> reps the user set with + and - during the session."""
        listed = ", ".join(f"{name}: {reps} reps" for name, reps in changes.items())
        self.remember_button.setText(f"Remember for next time ({listed})")
        self.remember_button.setEnabled(True)
        self.remember_button.setVisible(bool(changes))

    def _remember(self) -> None:
        self.remember_requested.emit()
        self.remember_button.setText("Remembered for next time")
        self.remember_button.setEnabled(False)


def _mark(tally: ExerciseTally) -> str:
    """✓ every set done, ◐ some, – none: the table reads at a glance."""
    if tally.sets_done == tally.sets_planned:
        return "✓"
    return "◐" if tally.sets_done else "–"


def _done_text(tally: ExerciseTally) -> str:
    """Reps for counted work; the time actually held or moved for timed work (a stretch may end early)."""
    return str(tally.reps_done) if tally.counts_reps else clock_text(tally.seconds_done)
