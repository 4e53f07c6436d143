"""The picker's preview: the routine's header, then one card per exercise with a spot for its figure, its
version, its counts (each number's source; the app's own marked ◆) and its key points, the numbered steps
folded away behind a button. The words come from `workout/preview.py`; this module only lays them out."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from ..workout.card import AdviceLine
from ..workout.preview import CountLine, PreviewCard, RoutinePreview
from .type_scale import TypeScale, apply_roles, mark, space

APP_MARK = "◆"  # beside every number the app chose where the article gives none
LINE_EMS = 36  # a card's text column at most this many body sizes wide: about 70 characters a line
CORNER = 8  # px: the card's and the figure spot's rounding


def _label(text: str, role: str = "body", rich: bool = False, name: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True, accessibleName=name or text[:80])
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return mark(label, role)


def count_html(line: CountLine) -> str:
    """One number and who chose it; the app's choices stand out with their mark."""
    if line.app_chosen:
        return f"{escape(line.text)} <i>{APP_MARK}&nbsp;{escape(line.source)}</i>"
    return f"{escape(line.text)} <span style='opacity: 0.7'>({escape(line.source)})</span>"


def advice_text(advice: AdviceLine) -> str:
    return f"⚠ {advice.text}" + ("" if advice.from_article else f" {APP_MARK} the app's advice, not the article's")


class Fold(QToolButton):
    """A button that shows or hides `body`: "All 5 steps ▸" folded, "Fewer details ▾" unfolded."""

    def __init__(self, closed: str, body: QWidget, name: str) -> None:
        super().__init__(checkable=True, accessibleName=name)
        mark(self, "body")  # a tool button takes the desktop's small font otherwise
        self.closed, self.body = closed, body
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(True)
        self.toggled.connect(self._show)
        self._show(False)

    def _show(self, open_: bool) -> None:
        self.body.setVisible(open_)
        self.setText("Fewer details ▾" if open_ else f"{self.closed} ▸")


class ExerciseCardView(QFrame):
    """One exercise. `figure_slot` is where its figure goes (`set_figure`); until then it shows the number."""

    def __init__(self, card: PreviewCard, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="card")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.card = card
        self.setAccessibleName(f"{card.number}. {card.name}")
        self.figure_slot = QFrame(objectName="figure_slot", accessibleName=f"Figure of {card.name}")
        slot_layout = QVBoxLayout(self.figure_slot)
        self.number = mark(QLabel(str(card.number), alignment=Qt.AlignmentFlag.AlignCenter), "display")
        slot_layout.addWidget(self.number)

        self.title = _label(f"{card.name}", "heading", name=f"{card.number}. {card.name}")
        self.version = _label(f"{card.version} · {card.version_note} · needs {card.needs}", "caption")
        self.counts = _label(card.counts, "heading", name="Counts")
        self.counts.setProperty("scale_bold", False)  # as big as the name, but the name leads
        self.sources = _label(" · ".join(count_html(line) for line in card.count_lines), "caption", rich=True,
                              name="Where the numbers come from")
        column = QVBoxLayout()
        for widget in (self.title, self.version, self.counts, self.sources):
            column.addWidget(widget)
        if card.last_time:
            column.addWidget(_label(card.last_time, "caption"))
        self.key_points = _label("\n".join(f"• {point}" for point in card.key_points), name="Key points")
        column.addWidget(self.key_points)
        if card.advice:  # one label, not one each: every wrapped label costs a text layout per resize
            column.addWidget(_label("\n".join(advice_text(a) for a in card.advice), "caption", name="Safety"))
        if card.corrections:  # where the app corrects the article it says so where it is read, not in the fold
            column.addWidget(_label("\n".join(card.corrections), "caption",
                                    name="Where the app differs from the article"))
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(_label(" ".join(filter(None, (card.summary, card.works))), name="What it is for"))
        details.addWidget(_label("\n".join(f"{n}. {step}" for n, step in enumerate(card.steps, start=1)),
                                 name="Steps"))
        more = [f"• {tip}" for tip in card.more_tips] + list(card.notes)
        if more:
            details.addWidget(_label("\n".join(more), "caption", name="More tips and notes"))
        self.fold = Fold(f"All {len(card.steps)} steps", self.details, f"Show all steps of {card.name}")
        column.addWidget(self.fold, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.details)
        self._column = column
        row = self._row = QHBoxLayout(self)
        row.addWidget(self.figure_slot, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """A rounded card on the palette's base colour, the figure spot a shade apart. Painted, not a style
        sheet: a sheet on the preview made every label in it slower to lay out (a third of the build time)."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.setPen(palette.mid().color())
        painter.setBrush(palette.base())
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), CORNER, CORNER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.alternateBase())
        painter.drawRoundedRect(QRectF(self.figure_slot.geometry()), CORNER, CORNER)
        painter.end()
        super().paintEvent(event)

    def set_figure(self, figure: QWidget) -> None:
        """Put the exercise's figure in its spot, in place of the number; the spot widens to two squares for a
        start and an end pose side by side."""
        self.number.hide()
        self.figure_slot.layout().addWidget(figure)
        self._squares = 2
        self.figure_slot.setFixedSize(self._side * self._squares, self._side)

    _squares = 1
    _side = 0

    def apply_scale(self, scale: TypeScale) -> None:
        self._side = scale.body_px * 6
        self.figure_slot.setFixedSize(self._side * self._squares, self._side)
        space(self._row, scale, margin="section", spacing="section")
        self._column.setSpacing(scale.gap("tight"))


class PreviewPane(QScrollArea):
    """The routine's header and its exercise cards, in a column narrow enough to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, widgetResizable=True, accessibleName="Routine preview")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards: list[ExerciseCardView] = []
        self._content: QWidget | None = None

    def show_preview(self, preview: RoutinePreview, scale: TypeScale) -> None:
        content = QWidget(objectName="preview_content")
        layout = QVBoxLayout(content)
        layout.addWidget(_label(preview.name, "title"))
        if preview.description:
            layout.addWidget(_label(preview.description))
        layout.addWidget(_label(preview.summary, "heading", name="Length, exercises and equipment"))
        layout.addWidget(_label("Before you start", "heading"))
        layout.addWidget(_label("\n".join(advice_text(a) for a in preview.before), name="Before you start"))
        weeks = _label("\n".join(f"• {a.text}" for a in preview.weeks), name="Over the weeks")
        layout.addWidget(Fold("Over the weeks", weeks, "Show how to fit it into a week"), 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(weeks)
        layout.addWidget(_label(f"{APP_MARK} a number the app chose: the article does not give one.", "caption",
                                name="What the mark means"))
        self.cards = [ExerciseCardView(card) for card in preview.cards]
        for card in self.cards:
            layout.addWidget(card)
        layout.addStretch(1)
        self._content, self._layout = content, layout
        self.apply_scale(scale)  # before it is shown: one layout pass, not one per change
        self.setWidget(content)  # deletes the previous content

    def apply_scale(self, scale: TypeScale) -> None:
        if self._content is None:
            return
        apply_roles(self._content, scale)
        space(self._layout, scale, margin="gap", spacing="gap")
        self._content.setMaximumWidth(scale.body_px * LINE_EMS + scale.body_px * 8)  # text column + figure
        for card in self.cards:
            card.apply_scale(scale)

    def toPlainText(self) -> str:  # noqa: N802 - the name QTextBrowser had, for the tests that read the preview
        if self._content is None:
            return ""
        return "\n".join(label.text() for label in self._content.findChildren(QLabel))
