"""The exercise figure as a widget: a still picture, or following a session in step with its timer."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ..exercises.model import Exercise
from ..exercises.strictyaml import DataError
from ..figure.book import FigureBook, load_figures
from ..figure.motion import extent, pose_at
from ..figure.session import is_moving, moment_of, pose_of
from ..figure.skeleton import Pose
from ..system.logfile import log
from .driver import SessionDriver
from .figure_paint import Extent, colours_from, paint_pose, pixel_bounds

_last_book: tuple[Mapping[str, Exercise], FigureBook | None] | None = None


def shared_book(exercises: Mapping[str, Exercise]) -> FigureBook | None:
    """The shipped figures for this catalogue, read once for every page that draws them (the last catalogue's
    kept). A damaged figures file costs the pictures, not the workout: None, and the reason in the log."""
    global _last_book
    if _last_book is None or _last_book[0] is not exercises:
        try:
            book: FigureBook | None = load_figures(exercises)
        except DataError as error:
            log.warning("figures left out: %s", error)
            book = None
        _last_book = (exercises, book)
    return _last_book[1]


def start_and_end(book: FigureBook, exercise: str, version: str, side: str | None) -> QWidget:
    """Two still figures side by side: where the movement starts and where it ends (the picker's cards)."""
    pair = QWidget(accessibleName="Start and end of the movement")
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    for progress, name, words in ((0.0, "start", "Start of the movement"), (1.0, "end", "End of the movement")):
        view = FigureView(book)
        view.setObjectName(name)
        view.setMinimumSize(40, 30)  # a card's spot is small on a small screen
        view.setAccessibleName(words)
        view.show_pose(exercise, version, side, progress)
        row.addWidget(view)
    return pair


FRAME_MS = 40  # 25 frames a second while the figure moves: smooth for a 1-2 s lift, within the CPU budget
# A frame due this close before a deadline or beat is left out, so painting never delays the timer that starts
# the next segment or sounds its cue; the next frame comes just after it (benchmarks/timing.py --figure).
DEADLINE_CLEARANCE = 0.04


class FigureView(QWidget):
    """Paints one exercise figure, scaled to the widget, in the palette's colours.

    `show_pose(exercise, version, side, progress)`: a still picture (the picker's preview, get-ready).
    `follow(driver)`: the figure of the session's current moment, read from the engine's deadlines on every
    driver tick; it repaints about 30 times a second while the figure moves (UP, DOWN, a looping timed
    movement) and not at all while holding, resting, paused or idle. `stop()` lets the session go.
    """

    def __init__(self, book: FigureBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._driver: SessionDriver | None = None
        self._pose: Pose | None = None
        self._extent: Extent | None = None
        self._extent_key: tuple[object, ...] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)
        self.setAccessibleName("Exercise figure")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 360)

    @property
    def pose(self) -> Pose | None:
        return self._pose

    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    def show_pose(self, exercise: str, version: str | None = None, side: str | None = None,
                  progress: float = 0.0) -> None:
        """A still picture; raises KeyError for an exercise or version without a figure."""
        self.stop()
        figure, props = self._book.get(exercise, version)
        self._show(pose_at(figure, props, progress, side), (figure, props, side))

    def follow(self, driver: SessionDriver) -> None:
        self.stop()
        self._driver = driver
        driver.ticked.connect(self._on_tick)
        driver.state_changed.connect(self._on_tick)
        self.sync()

    def stop(self) -> None:
        self._timer.stop()
        if self._driver is not None:
            self._driver.ticked.disconnect(self._on_tick)
            self._driver.state_changed.disconnect(self._on_tick)
            self._driver = None

    def sync(self) -> None:
        """Catch up with the session: the pose its deadline puts the figure in, and whether to keep moving."""
        self._follow_session(frame=True)

    def _on_frame(self) -> None:
        if self._driver is not None:
            session = self._driver.session
            wake = session.next_wakeup()
            if wake is not None and wake - session.clock() < DEADLINE_CLEARANCE:
                return
        self.sync()

    def _on_tick(self) -> None:
        # While the figure moves, the frame timer draws it; a driver tick (10 Hz) only checks it still moves, so
        # frames stay at 30 a second instead of 40.
        self._follow_session(frame=not self._timer.isActive())

    def _follow_session(self, frame: bool) -> None:
        if self._driver is None:
            return
        moment = moment_of(self._driver.session)
        if moment is None:
            self._timer.stop()
            self._show(None, None)
            return
        if is_moving(self._book, moment):
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
            frame = True
        if frame:
            figure, props = self._book.get(moment.exercise, moment.version)
            self._show(pose_of(self._book, moment), (figure, props, moment.side))

    def _show(self, pose: Pose | None, key: tuple[object, ...] | None) -> None:
        if key is not None and key != self._extent_key:
            figure, props, side = key
            self._extent = extent(figure, props, side)  # type: ignore[arg-type]
            self._extent_key = key
            self.update()
        if pose == self._pose:
            return
        # Repaint only where the figure was and where it is now: most of a big window stays as it is.
        dirty = [pixel_bounds(p, QRectF(self.rect()), self._extent) for p in (self._pose, pose)
                 if p is not None and self._extent is not None]
        self._pose = pose
        if len(dirty) == 2:
            self.update(dirty[0].united(dirty[1]).toAlignedRect())
        else:
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self._pose is None or self._extent is None:
            return
        painter = QPainter(self)
        paint_pose(painter, self._pose, QRectF(self.rect()), self._extent, colours_from(self.palette()))
        painter.end()
