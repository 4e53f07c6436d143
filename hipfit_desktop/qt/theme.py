"""Colours per phase: each phase its own colour, told apart with any kind of colour vision, in light and dark.

The hues are the Okabe–Ito palette (made to stay distinct for the common colour-vision deficiencies); where
eleven phases need more than its eight colours, the extra ones differ in lightness, which every eye sees.
GO is green, never red. Every band carries its own text colour, chosen for at least 4.5:1 contrast (WCAG AA),
so the band never depends on the system palette; `tests/test_session_look.py` checks every pair.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# phase word -> (background, text) on a light page
PHASE_COLOURS: dict[str, tuple[str, str]] = {
    "GET READY": ("#f0e442", "#000000"),  # Okabe–Ito yellow
    "UP": ("#56b4e9", "#000000"),  # sky blue
    "HOLD": ("#e69f00", "#000000"),  # orange
    "DOWN": ("#0072b2", "#ffffff"),  # blue
    "YOUR PACE": ("#cc79a7", "#000000"),  # reddish purple
    "GO": ("#009e73", "#000000"),  # bluish green: go, never red
    "STRETCH": ("#d7c4f0", "#000000"),  # pale lavender: a long calm hold, lighter than any other hue
    "REST": ("#37474f", "#ffffff"),  # slate: nothing to do
    "SWITCH SIDES": ("#d55e00", "#000000"),  # vermillion
    "DONE": ("#000000", "#f0e442"),  # black with the yellow
    "PAUSED": ("#bdbdbd", "#000000"),  # light grey: the clock stands still
}

# On a dark page the bright bands glare; these keep each hue and lightness order, a little deeper.
DARK_PHASE_COLOURS: dict[str, tuple[str, str]] = {
    "GET READY": ("#d8cc2c", "#000000"),
    "UP": ("#3f9fd6", "#000000"),
    "HOLD": ("#d08e00", "#000000"),
    "DOWN": ("#005f94", "#ffffff"),
    "YOUR PACE": ("#b8689a", "#000000"),
    "GO": ("#00a87a", "#000000"),
    "STRETCH": ("#c2aee6", "#000000"),
    "REST": ("#455a64", "#ffffff"),
    "SWITCH SIDES": ("#c45500", "#000000"),
    "DONE": ("#f0e442", "#000000"),  # inverted: a black band would vanish into a dark page
    "PAUSED": ("#9e9e9e", "#000000"),
}

UNKNOWN = ("#5f5f5f", "#ffffff")

# The side badge: the word is the signal, so both are black on white or white on black, never colour alone.
SIDE_COLOURS: dict[str, tuple[str, str]] = {"LEFT": ("#000000", "#ffffff"), "RIGHT": ("#ffffff", "#000000")}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def phase_colours(phase: str, dark: bool = False) -> tuple[QColor, QColor]:
    """(band, text) for a phase word, for a light page or a dark one."""
    table = DARK_PHASE_COLOURS if dark else PHASE_COLOURS
    background, text = table.get(phase, UNKNOWN)
    return QColor(background), QColor(text)


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours."""
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
