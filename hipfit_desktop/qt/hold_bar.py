"""A wide bar showing how much of the current interval has passed, with labelled marks (halfway, 30 s left).

No unlabelled zone for the final seconds: the 3-2-1 tones and the countdown itself say the end is near.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class HoldBar(QWidget):
    """`set_progress(fraction, marks)`: marks are fractions of the interval (e.g. 0.5 for halfway)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._marks: tuple[float, ...] = ()
        self._captions: tuple[str, ...] = ()
        self._colour = QColor("#0072b2")
        self._text_colour = QColor("#ffffff")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(22)
        self.setAccessibleName("Interval progress")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(400, 28)

    def set_progress(self, fraction: float, marks: tuple[float, ...] = (), colour: QColor | None = None,
                     captions: tuple[str, ...] = (), text_colour: QColor | None = None) -> None:
        """`captions` name the marks; `text_colour` is the one readable on `colour` (the phase band's pair)."""
        self._fraction = min(1.0, max(0.0, fraction))
        self._marks = marks
        self._captions = captions
        if colour is not None:
            self._colour = colour
        if text_colour is not None:
            self._text_colour = text_colour
        self.setAccessibleDescription(f"{round(self._fraction * 100)} percent done")
        self.update()

    def caption_places(self, area: QRectF, metrics: QFontMetrics) -> list[tuple[float, str, QRectF | None]]:
        """Each mark's x and where its caption goes: after the mark, or before it where the bar's end or the next
        caption is in the way; a caption with room on neither side is left out (its mark stays)."""
        placed: list[tuple[float, str, QRectF | None]] = []
        limit = area.right()  # the next caption's left edge, walking from the last mark back
        for mark, caption in sorted(zip(self._marks, self._captions, strict=False), reverse=True):
            x = area.left() + area.width() * mark
            width = metrics.horizontalAdvance(caption) + 2
            text_area: QRectF | None = QRectF(x + 6, area.top(), width, area.height())
            if text_area.right() > limit:
                text_area.moveRight(x - 6)
                if text_area.left() < area.left() or any(
                        t is not None and t.intersects(text_area) for _, _, t in placed):
                    text_area = None
            if text_area is not None:
                limit = min(limit, text_area.left() - 6)
            placed.append((x, caption, text_area))
        return placed

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        palette = self.palette()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(area, 6, 6)
        filled = QRectF(area.left(), area.top(), area.width() * self._fraction, area.height())
        painter.setBrush(self._colour)
        painter.drawRoundedRect(filled, 6, 6)
        font = painter.font()
        font.setPixelSize(max(9, int(area.height() * 0.55)))
        painter.setFont(font)
        track = QRectF(filled.right(), area.top(), area.right() - filled.right(), area.height())
        for x, caption, text_area in self.caption_places(area, painter.fontMetrics()):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.WindowText), 3))
            painter.drawLine(int(x), int(area.top()) - 1, int(x), int(area.bottom()) + 1)
            if text_area is None:
                continue
            # The caption may straddle the fill's edge: the band's text colour over the fill, the page's over the track.
            for clip, colour in ((filled, self._text_colour), (track, palette.color(QPalette.ColorRole.WindowText))):
                painter.save()
                painter.setClipRect(clip)
                painter.setPen(colour)
                painter.drawText(text_area, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, caption)
                painter.restore()
        painter.end()
