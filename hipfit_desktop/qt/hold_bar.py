"""A wide bar showing how much of the current interval has passed, with marks at halfway and near the end."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class HoldBar(QWidget):
    """`set_progress(fraction, marks)`: marks are fractions of the interval (e.g. 0.5 for halfway)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._marks: tuple[float, ...] = ()
        self._captions: tuple[str, ...] = ()
        self._final_from: float | None = None
        self._colour = QColor("#1f6fd1")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(22)
        self.setAccessibleName("Interval progress")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 28)

    def set_progress(self, fraction: float, marks: tuple[float, ...] = (), final_from: float | None = None,
                     colour: QColor | None = None, captions: tuple[str, ...] = ()) -> None:
        """`final_from`: where the final seconds begin, drawn as a shaded zone; `captions` name the marks."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._marks = marks
        self._captions = captions
        self._final_from = final_from
        if colour is not None:
            self._colour = colour
        self.setAccessibleDescription(f"{round(self._fraction * 100)} percent done")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        palette = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(area, 6, 6)
        if self._final_from is not None:
            zone = QRectF(area.left() + area.width() * self._final_from, area.top(),
                          area.width() * (1 - self._final_from), area.height())
            painter.setBrush(palette.color(QPalette.ColorRole.Mid))
            painter.drawRoundedRect(zone, 6, 6)
        filled = QRectF(area.left(), area.top(), area.width() * self._fraction, area.height())
        painter.setBrush(self._colour)
        painter.drawRoundedRect(filled, 6, 6)
        font = painter.font()
        font.setPixelSize(max(9, int(area.height() * 0.55)))
        painter.setFont(font)
        track = QRectF(filled.right(), area.top(), area.right() - filled.right(), area.height())
        for mark, caption in zip(self._marks, self._captions, strict=False):
            x = area.left() + area.width() * mark
            painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 3))
            painter.drawLine(int(x), int(area.top()) - 1, int(x), int(area.bottom()) + 1)
            # The caption may straddle the fill's edge: white over the fill, the text colour over the track.
            text_area = QRectF(x + 6, area.top(), area.width() / 4, area.height())
            for clip, colour in ((filled, QColor("#ffffff")), (track, palette.color(QPalette.ColorRole.WindowText))):
                painter.save()
                painter.setClipRect(clip)
                painter.setPen(colour)
                painter.drawText(text_area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, caption)
                painter.restore()
        painter.end()
