"""A figure frame written to a PNG or SVG file, without a window (the offscreen platform is enough)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from ..figure.skeleton import Pose
from .figure_paint import LIGHT, Extent, FigureColours, paint_pose

FORMATS = (".png", ".svg")


def ensure_gui() -> QGuiApplication:
    """A QGuiApplication for painting; on a machine with no display, the offscreen one."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["hipfit"])
    return app  # type: ignore[return-value]


def render_image(pose: Pose, extent: Extent, width: int, height: int, colours: FigureColours = LIGHT,
                 background: QColor | None = None) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(background or QColor("#ffffff"))
    painter = QPainter(image)
    paint_pose(painter, pose, QRectF(0, 0, width, height), extent, colours)
    painter.end()
    return image


def write_figure(pose: Pose, extent: Extent, path: Path, width: int = 640, height: int = 480) -> None:
    """Write one frame to `path` (.png or .svg). Raises ValueError for another suffix, OSError if not written."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path}: write a .png or .svg file")
    ensure_gui()
    if suffix == ".png":
        if not render_image(pose, extent, width, height).save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        return
    if not path.parent.is_dir():
        raise OSError(f"cannot write {path}: no such folder")
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle("HipFit exercise figure")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot write {path}")
    paint_pose(painter, pose, QRectF(0, 0, width, height), extent, LIGHT)
    painter.end()
    if not path.is_file():
        raise OSError(f"cannot write {path}")
