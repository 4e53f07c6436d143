"""The session's outline (key O): every exercise, done / now / to come, and a jump to any of them.

Arrow keys move, Enter (or a double click) jumps, Esc closes; the session goes on underneath.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..workout.engine import Session
from ..workout.outline import OutlineEntry, outline

STATE_MARKS = {"done": "✓", "current": "▶", "to come": "○", "skipped": "–", "partly done": "◐"}


def entry_text(entry: OutlineEntry) -> str:
    mark = STATE_MARKS.get(entry.state, "·")
    version = f" ({entry.version})" if entry.version and entry.version != entry.name else ""
    state = "now" if entry.state == "current" else entry.state
    sets = "set" if entry.sets == 1 else "sets"
    return f"{mark}  {entry.name}{version}  —  {entry.sets_done} of {entry.sets} {sets}  ·  {state}"


class OutlineDialog(QDialog):
    """Signals: jump_requested(int)  # the routine position of the exercise to go to"""

    jump_requested = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Outline of the session")
        self.entries = outline(session)
        self.list = QListWidget(accessibleName="Exercises of the session")
        self.list.setWordWrap(True)  # a long name and version wrap rather than scroll out of sight
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = QFont(self.list.font())
        font.setPixelSize(max(14, round((parent.height() if parent else 600) / 30)))
        self.list.setFont(font)
        current = 0
        for row, entry in enumerate(self.entries):
            item = QListWidgetItem(entry_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.index)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, entry_text(entry))
            if entry.state == "current":
                current = row
                bold = QFont(font)
                bold.setBold(True)
                item.setFont(bold)
            self.list.addItem(item)
        self.list.setCurrentRow(current)
        self.list.itemActivated.connect(self._jump)  # Enter, or a double click
        hint = QLabel("↑ ↓ choose · Enter jumps there · Esc closes", accessibleName="How to use the outline")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        jump = buttons.addButton("Jump there", QDialogButtonBox.ButtonRole.AcceptRole)
        jump.setAccessibleName("Jump to the chosen exercise")
        jump.clicked.connect(lambda: self._jump(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        if parent is not None:
            self.resize(round(parent.width() * 0.7), round(parent.height() * 0.8))
        self.list.setFocus()

    def _jump(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.jump_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        self.accept()
