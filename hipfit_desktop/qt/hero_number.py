"""The biggest thing on the session page: the rep count during a set, the countdown otherwise.

A label that draws its text as large as its box allows, so it grows with the window up to 4K and is never
clipped on a 1024×600 screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

FILL = 0.92  # of the box the text may take, so the widest number keeps a margin


class HeroNumber(QWidget):
    """`setText(text)`: only a change repaints, so ten refreshes a second cost nothing when nothing moves."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._colour: QColor | None = None
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 60)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - the QLabel name, so it reads like one
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def set_colour(self, colour: QColor | None) -> None:
        """None: the palette's text colour."""
        if colour != self._colour:
            self._colour = colour
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 240)

    def text_font(self) -> QFont:
        """The font the text is drawn in: the largest that fits the box (tests read its size)."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        width = max(1.0, metrics.horizontalAdvance(self._text or "0"))
        height = max(1.0, metrics.height())
        size = 100 * min(self.width() * FILL / width, self.height() * FILL / height)
        font.setPixelSize(max(8, int(size)))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.text_font())
        painter.setPen(self._colour or self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
