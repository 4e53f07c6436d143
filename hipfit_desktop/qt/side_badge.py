"""LEFT or RIGHT in letters large enough to read from the mat, with an arrow pointing the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .theme import SIDE_COLOURS

ARROWS = {"LEFT": "◀ LEFT", "RIGHT": "RIGHT ▶"}


class SideBadge(QLabel):
    """`show_side("LEFT" | "RIGHT" | None)`: hidden for two-sided work."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, alignment=Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName("Side")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.side: str | None = None
        self.hide()

    def show_side(self, side: str | None) -> None:
        if side == self.side:
            return
        self.side = side
        if side not in SIDE_COLOURS:
            self.hide()
            return
        background, text = SIDE_COLOURS[side]
        self.setText(ARROWS[side])
        self.setAccessibleDescription(f"{side.lower()} side")
        # A border in the page's text colour keeps RIGHT (white) a badge on a light page, LEFT (black) on a dark one.
        # The page's palette: this label's own follows its last style sheet (LEFT's white text).
        border = (self.parentWidget() or self).palette().color(QPalette.ColorRole.WindowText).name()
        self.setStyleSheet(f"background:{background}; color:{text}; border:4px solid {border}; "
                           "border-radius:10px; padding:0 16px;")
        self.show()

    def scale(self, pixel_size: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setBold(True)
        self.setFont(font)
