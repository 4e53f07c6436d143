"""The rep's tempo as one wide bar: a zone per phase (UP, HOLD, DOWN) sized by its seconds, the phase under way
framed, and a marker sweeping through the whole rep, so the beat can be followed from across the room."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

GAP = 6  # pixels between zones


class TempoBar(QWidget):
    """`set_rep(zones, current, fraction)`: zones are (word, seconds, band colour, text colour)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zones: tuple[tuple[str, float, QColor, QColor], ...] = ()
        self.current = 0
        self.fraction = 0.0
        self.setAccessibleName("Tempo of this rep")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(500, 60)

    def set_rep(self, zones: tuple[tuple[str, float, QColor, QColor], ...], current: int, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if (zones, current, round(fraction, 3)) == (self.zones, self.current, round(self.fraction, 3)):
            return
        self.zones, self.current, self.fraction = zones, current, fraction
        if zones:
            self.setAccessibleDescription(f"{zones[current][0]}, {round(fraction * 100)} percent")
        self.update()

    def marker_at(self) -> float:
        """Where the marker is, as a fraction of the whole rep."""
        total = sum(seconds for _, seconds, _, _ in self.zones)
        if not total:
            return 0.0
        before = sum(seconds for _, seconds, _, _ in self.zones[: self.current])
        return (before + self.zones[self.current][1] * self.fraction) / total

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        total = sum(seconds for _, seconds, _, _ in self.zones)
        if not total:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        margin = max(6.0, self.height() * 0.14)  # room for the marker's tips above and below
        area = QRectF(self.rect()).adjusted(2, margin, -2, -margin)
        usable = area.width() - GAP * (len(self.zones) - 1)
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(10, int(area.height() * 0.6)))
        painter.setFont(font)
        zones = []
        x = area.left()
        for i, (word, seconds, band, text) in enumerate(self.zones):
            zone = QRectF(x, area.top(), usable * seconds / total, area.height())
            painter.setPen(QPen(ink, 4) if i == self.current else Qt.PenStyle.NoPen)
            painter.setBrush(band)
            painter.drawRoundedRect(zone, 8, 8)
            zones.append((zone, word, text))
            x = zone.right() + GAP
        # The marker: a bar in the page's text colour, edged in the page colour so it shows on any band.
        at = area.left() + area.width() * self.marker_at()
        half = max(3.0, self.height() * 0.05)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Window), 2))
        painter.setBrush(ink)
        painter.drawRect(QRectF(at - half, area.top() - margin * 0.4, 2 * half, area.height() + margin * 0.8))
        tip = margin * 0.9
        painter.drawPolygon(QPolygonF([QPointF(at - tip, 0), QPointF(at + tip, 0), QPointF(at, tip)]))
        # The words last, over the marker: a phase's name must never lose a letter to it.
        for zone, word, text in zones:
            painter.setPen(text)
            painter.drawText(zone, Qt.AlignmentFlag.AlignCenter, word)
        painter.end()
