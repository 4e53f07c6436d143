"""The window's size: small enough for a 1024×600 netbook, large enough to use the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QWidget

MINIMUM = (760, 520)  # under 1000×560 with room to spare: a 1024×600 screen keeps its panel and title bar
PREFERRED = (1280, 800)  # on a bigger screen the window opens at this and grows with F11 (fullscreen)
SCREEN_SHARE = 0.9  # of the screen's free area, on a screen smaller than PREFERRED


def default_size(available_width: int, available_height: int) -> tuple[int, int]:
    """The first-start size for a screen whose free area (without panels) is this big."""
    width = min(PREFERRED[0], round(available_width * SCREEN_SHARE))
    height = min(PREFERRED[1], round(available_height * SCREEN_SHARE))
    return max(width, MINIMUM[0]), max(height, MINIMUM[1])


def fit_to_screen(window: QWidget) -> None:
    """Resize and centre the window on the free area of its screen."""
    screen = window.screen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)
    width, height = default_size(area.width(), area.height())
    window.resize(width, height)
    window.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)


def restore_or_fit(window: QWidget, geometry: QByteArray | None) -> QByteArray | None:
    """The geometry saved at the last close (`window_state.load_geometry`) if it still applies, else a size chosen
    for this screen. Returns the geometry restored (None when the window was fitted)."""
    if geometry is not None and window.restoreGeometry(geometry):
        return geometry
    fit_to_screen(window)
    return None
