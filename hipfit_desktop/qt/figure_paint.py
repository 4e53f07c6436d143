"""Paints a figure `Pose` with QPainter: shared by the live view, `hipfit figure` and the contact sheet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF

from ..figure.skeleton import HEAD_RADIUS, LIMB_WIDTH, SIDES, Pose

Extent = tuple[float, float, float, float]  # left, bottom, right, top in figure centimetres
MARGIN = 0.06  # of the smaller side, kept clear around the figure
# Each limb is one polyline: half the cost of drawing its bones as separate lines (fewer caps and joins).
LIMBS = (("hip", "knee", "ankle", "toe"), ("shoulder", "elbow", "hand"))


@dataclass(frozen=True)
class FigureColours:
    figure: QColor  # the near limbs, trunk and head
    far: QColor  # the limbs on the far side of a side view
    setting: QColor  # floor, mat, box, wall
    band: QColor  # resistance band and ankle weight


def colours_from(palette: QPalette) -> FigureColours:
    """The palette's text colour for the figure, blends toward the background for what lies behind it."""
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return FigureColours(text, _blend(text, back, 0.5), _blend(text, back, 0.72),
                         palette.color(QPalette.ColorRole.Highlight))


LIGHT = FigureColours(QColor("#1a1a1a"), QColor("#8c8c8c"), QColor("#b8b8b8"), QColor("#d9480f"))


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(*(x + (y - x) * t for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3], strict=True)))


def placement(area: QRectF, extent: Extent) -> tuple[float, float, float]:
    """(scale, x0, y0) that fit `extent` into `area`, aspect kept and centred: pixel = (x0 + x s, y0 - y s)."""
    left, bottom, right, top = extent
    margin = MARGIN * min(area.width(), area.height())
    scale = min((area.width() - 2 * margin) / max(1.0, right - left),
                (area.height() - 2 * margin) / max(1.0, top - bottom))
    return scale, area.center().x() - (left + right) / 2 * scale, area.center().y() + (bottom + top) / 2 * scale


def pixel_bounds(pose: Pose, area: QRectF, extent: Extent) -> QRectF:
    """Where `pose` lands in `area`, strokes included: what a repaint must cover."""
    scale, x0, y0 = placement(area, extent)
    left, bottom, right, top = pose.bounds()
    edge = LIMB_WIDTH * scale  # the trunk's stroke is wider than a limb's, cuffs stick out a little
    return QRectF(x0 + left * scale - edge, y0 - top * scale - edge,
                  (right - left) * scale + 2 * edge, (top - bottom) * scale + 2 * edge)


def paint_pose(painter: QPainter, pose: Pose, area: QRectF, extent: Extent, colours: FigureColours) -> None:
    """Draw `pose` scaled so that `extent` fills `area` (aspect kept, centred); antialiased."""
    scale, x0, y0 = placement(area, extent)
    if scale <= 0:
        return

    def at(name_or_point: str | tuple[float, float]) -> QPointF:
        x, y = pose.points[name_or_point] if isinstance(name_or_point, str) else name_or_point
        return QPointF(x0 + x * scale, y0 - y * scale)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = LIMB_WIDTH * scale
    _paint_setting(painter, pose, at, width, colours)
    legs, arms = LIMBS
    if pose.view == "side":  # the far side's limbs behind the body, in a paler colour
        far = [s for s in SIDES if s != pose.near]
        _limbs(painter, at, far, (legs, arms), width, colours.far)
        near_limbs = [(s, (legs, arms)) for s in SIDES if s not in far]
    elif pose.view == "back":  # seen from behind on hands and knees, the arms are the far end of the body
        _limbs(painter, at, list(SIDES), (arms,), width, colours.far)
        near_limbs = [(s, (legs,)) for s in SIDES]
    else:
        near_limbs = [(s, (legs, arms)) for s in SIDES]
    upper = colours.far if pose.view == "back" else colours.figure  # shoulders and head: far, seen from behind
    pen = QPen(upper, width * 1.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    if pose.view != "side":  # seen from the front or back, hips and shoulders are lines across the body
        painter.drawLine(at("left_shoulder"), at("right_shoulder"))
    pen.setWidthF(width)
    painter.setPen(pen)
    painter.drawLine(at("neck"), at("head"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(upper)
    painter.drawEllipse(at("head"), HEAD_RADIUS * scale, HEAD_RADIUS * scale)
    pen.setColor(colours.figure)
    pen.setWidthF(width * 1.5)
    painter.setPen(pen)
    painter.drawLine(at("hip"), at("neck"))
    if pose.view != "side":
        painter.drawLine(at("left_hip"), at("right_hip"))
    for side, limbs in near_limbs:
        _limbs(painter, at, [side], limbs, width, colours.figure)
    _paint_band(painter, pose, at, width, colours)
    painter.restore()


def _limbs(painter: QPainter, at, sides: list[str], limbs: tuple[tuple[str, ...], ...],  # type: ignore[no-untyped-def]
           width: float, colour: QColor) -> None:
    painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    for side in sides:
        for limb in limbs:
            painter.drawPolyline(QPolygonF([at(f"{side}_{joint}") for joint in limb]))


def _paint_setting(painter: QPainter, pose: Pose, at, width: float, colours: FigureColours) -> None:  # type: ignore[no-untyped-def]
    for prop in pose.props:
        if prop.kind == "floor":
            painter.setPen(QPen(colours.setting, max(1.0, width * 0.4), Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawLine(at(prop.points[0]), at(prop.points[1]))
        elif prop.kind in ("mat", "box", "wall"):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.setting)
            painter.drawRect(QRectF(at(prop.points[0]), at(prop.points[1])).normalized())


def _paint_band(painter: QPainter, pose: Pose, at, width: float, colours: FigureColours) -> None:  # type: ignore[no-untyped-def]
    for prop in pose.props:
        if prop.kind in ("band", "cuff"):
            thickness = width * (0.35 if prop.kind == "band" else 0.55)
            painter.setPen(QPen(colours.band, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(at(prop.points[0]), at(prop.points[1]))
        elif prop.kind == "weight":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.band)
            painter.drawEllipse(at(prop.points[0]), width * 0.9, width * 0.9)
