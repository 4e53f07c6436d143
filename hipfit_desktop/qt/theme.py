"""Colours per phase: each readable from across a room, in light and dark palettes alike.

The phase band is a solid colour with its own text colour, so it does not depend on the system palette;
everything else on the page uses the palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

# phase word -> (background, text). Contrast of each pair is at least 4.5:1 (tests/test_ui_pages.py checks).
PHASE_COLOURS: dict[str, tuple[str, str]] = {
    "GET READY": ("#f2b705", "#1a1a1a"),
    "UP": ("#1f6fd1", "#ffffff"),
    "HOLD": ("#7b2cbf", "#ffffff"),
    "DOWN": ("#0f7d74", "#ffffff"),
    "YOUR PACE": ("#1f6fd1", "#ffffff"),
    "GO": ("#c43c1a", "#ffffff"),
    "STRETCH": ("#5a3fc0", "#ffffff"),
    "REST": ("#2e7d32", "#ffffff"),
    "SWITCH SIDES": ("#e06c00", "#1a1a1a"),
    "DONE": ("#2e7d32", "#ffffff"),
    "PAUSED": ("#616161", "#ffffff"),
}


def phase_colours(phase: str) -> tuple[QColor, QColor]:
    background, text = PHASE_COLOURS.get(phase, ("#616161", "#ffffff"))
    return QColor(background), QColor(text)


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
