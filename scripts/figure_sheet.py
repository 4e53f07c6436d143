"""Render the start and end pose of every exercise version into one contact sheet (docs/figures.png).

Usage: python scripts/figure_sheet.py [--out docs/figures.png] [--side left|right]
Check it by eye against each version's steps after changing data/figures.yaml.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.figure.book import load_figures
from hipfit_desktop.figure.motion import extent, pose_at
from hipfit_desktop.qt.figure_paint import LIGHT, paint_pose
from hipfit_desktop.qt.figure_render import ensure_gui

CELL_W, CELL_H, LABEL_H, PER_ROW = 200, 170, 40, 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/figures.png"))
    parser.add_argument("--side", choices=("left", "right"), default="left")
    args = parser.parse_args()
    ensure_gui()
    catalog = load_catalog()
    book = load_figures(catalog.exercises)
    versions = [(e, p) for e in catalog.exercises.values() for p in e.progressions]
    rows = (len(versions) + PER_ROW - 1) // PER_ROW
    image = QImage(PER_ROW * 2 * CELL_W, rows * (CELL_H + LABEL_H), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(13)
    painter.setFont(font)
    for i, (exercise, version) in enumerate(versions):
        x, y = (i % PER_ROW) * 2 * CELL_W, (i // PER_ROW) * (CELL_H + LABEL_H)
        figure, props = book.get(exercise.id, version.id)
        side = args.side if exercise.one_sided_in(version) else None
        reach = extent(figure, props, side)
        for j, progress in enumerate((0.0, 1.0)):
            cell = QRectF(x + j * CELL_W, y + LABEL_H, CELL_W, CELL_H)
            paint_pose(painter, pose_at(figure, props, progress, side), cell, reach, LIGHT)
        painter.setPen(QColor("#1a1a1a"))
        label = f"{exercise.name}\n{version.name}: start, end"
        painter.drawText(QRectF(x + 6, y + 2, 2 * CELL_W - 12, LABEL_H), Qt.AlignmentFlag.AlignLeft, label)
        painter.setPen(QColor("#dddddd"))
        painter.drawRect(QRectF(x, y, 2 * CELL_W, CELL_H + LABEL_H))
    painter.end()
    if not image.save(str(args.out)):
        print(f"figure_sheet: cannot write {args.out}", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {len(versions)} versions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
