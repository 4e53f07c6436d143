"""One type scale and one spacing system for every page.

Why: each page used to pick its own pixel sizes (40 px here, 24 px there, the system's 10 pt elsewhere), so
text that read well on a 1366×768 laptop was cramped at 1024×600 and tiny on a 4K screen, and no two pages
looked related. Here every size is a named step of one scale, and the scale follows the height the page has:
the body size is a fixed share of that height (never below the desktop's own font), and every other size and
every gap is a ratio of the body size. A page asks for `scale.px("title")` or `scale.gap("section")`, never a
number of its own, and re-applies them when `follow_scale` says its height moved to another step.

Steps (ratios of the body size): caption 0.85 (sources, hints), body 1 (lists, text), heading 1.25 (a card's
or a section's name), title 1.6 (a page's name), display 2.4 (a result read from across the room). `hero` is
not on the ratio ladder: it is a share of the height itself, for the one number a runner reads from the floor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QApplication, QLayout, QWidget

# The page height that makes one body pixel: 600 px high -> about 14 px text, 768 -> 17 px, 2160 (4K) -> 49 px.
HEIGHT_PER_BODY_PX = 44
FALLBACK_BODY_PX = 13  # when there is no application font to measure (never below the desktop's own size)
RATIOS: dict[str, float] = {"caption": 0.85, "body": 1.0, "heading": 1.25, "title": 1.6, "display": 2.4}
BOLD_ROLES = ("heading", "title", "display")
HERO_SHARE = 0.28  # the hero number's pixel size as a share of the page height
# gaps as multiples of half the body size: between lines, between controls, between sections, page margins
GAPS: dict[str, float] = {"tight": 0.5, "gap": 1.0, "section": 2.0, "page": 2.0}

QWidgetT = TypeVar("QWidgetT", bound=QWidget)


@dataclass(frozen=True)
class TypeScale:
    """Every font size and gap of a page of `height` pixels; `body_px` anchors the rest."""

    body_px: int
    height: int

    def px(self, role: str) -> int:
        """A named size in pixels: "caption", "body", "heading", "title", "display" or "hero"."""
        if role == "hero":
            return max(round(self.height * HERO_SHARE), self.px("display"))
        return max(1, round(self.body_px * RATIOS[role]))

    def gap(self, role: str) -> int:
        """A named space in pixels: "tight", "gap", "section" or "page"."""
        return max(2, round(self.body_px / 2 * GAPS[role]))

    def font(self, role: str, base: QFont | None = None, bold: bool = False) -> QFont:
        font = QFont(base) if base is not None else QFont()
        font.setPixelSize(self.px(role))
        if bold:
            font.setBold(True)
        return font

    def css(self, role: str) -> str:
        """The size as a style-sheet or rich-text declaration, for text in a QTextBrowser."""
        return f"font-size: {self.px(role)}px"


def desktop_body_px() -> int:
    """The application font's size in pixels: the scale never goes below what the desktop chose."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return FALLBACK_BODY_PX
    return QFontInfo(app.font()).pixelSize() or FALLBACK_BODY_PX


def scale_for_height(height: int, floor_px: int | None = None) -> TypeScale:
    """The scale for a page `height` pixels high; `floor_px` (default: the desktop's font) is the smallest body."""
    floor = desktop_body_px() if floor_px is None else floor_px
    return TypeScale(body_px=max(floor, round(height / HEIGHT_PER_BODY_PX)), height=height)


def set_role(widget: QWidget, role: str, scale: TypeScale, bold: bool = False) -> None:
    """Give one widget a named size of the scale (its children inherit it)."""
    widget.setFont(scale.font(role, widget.font(), bold))


def mark(widget: QWidgetT, role: str) -> QWidgetT:
    """Tag a widget with a named size; `apply_roles` then sizes it with the rest of its page."""
    widget.setProperty("scale_role", role)
    return widget


def apply_roles(page: QWidget, scale: TypeScale) -> None:
    """The page's font becomes body; every child marked with a `scale_role` property gets its own size (bold
    from heading up, unless its `scale_bold` property says otherwise)."""
    page.setFont(scale.font("body", page.font()))
    for child in page.findChildren(QWidget):
        role = child.property("scale_role")
        if isinstance(role, str) and role in RATIOS:
            bold = child.property("scale_bold")
            set_role(child, role, scale, bold=role in BOLD_ROLES if bold is None else bool(bold))


def space(layout: QLayout, scale: TypeScale, margin: str = "page", spacing: str = "gap") -> None:
    """A layout's margins and spacing from the scale's named gaps."""
    edge = scale.gap(margin) if margin else 0
    layout.setContentsMargins(edge, edge, edge, edge)
    layout.setSpacing(scale.gap(spacing))


class ScaleFollower(QObject):
    """Watches a widget's height and calls `apply(scale)` when the body size changes (not on every pixel)."""

    def __init__(self, widget: QWidget, apply: Callable[[TypeScale], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.apply = apply
        self.scale: TypeScale | None = None
        widget.installEventFilter(self)
        self.update(force=True)

    def update(self, force: bool = False) -> None:
        scale = scale_for_height(max(self.widget.height(), 1))
        if force or self.scale is None or scale.body_px != self.scale.body_px:
            self.scale = scale
            self.apply(scale)
        else:
            self.scale = scale  # same steps; the hero size may still follow the height

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() == QEvent.Type.Resize:
            self.update()
        return False


def follow_scale(widget: QWidget, apply: Callable[[TypeScale], None]) -> ScaleFollower:
    """Call `apply` with the scale for `widget`'s height now and whenever its body size changes."""
    return ScaleFollower(widget, apply)
