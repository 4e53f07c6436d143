"""Render the app icon's PNG sizes from its SVG (run after changing the SVG):
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/icons.py"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons" / "hicolor"
SIZES = (48, 64, 128, 256, 512)


def main() -> None:
    app = QGuiApplication(sys.argv)  # noqa: F841 - QImage painting needs one
    for svg in (ICONS / "scalable" / "apps").glob("*.svg"):
        renderer = QSvgRenderer(str(svg))
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            renderer.render(painter)
            painter.end()
            out = ICONS / f"{size}x{size}" / "apps" / f"{svg.stem}.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            image.save(str(out))
            print(out)


if __name__ == "__main__":
    main()
