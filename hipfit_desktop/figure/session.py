"""Which pose a running session shows: read from the engine's segment and deadline, never from a clock here.

UP goes from the start pose to the end pose as the segment's time runs out, HOLD stays at the end, DOWN
goes back. A self-paced step shows the end pose still: the user sets the pace, so a figure moving on a
guessed tempo would pull them off it, and the end pose is the one thing they need to see, where to go.
Rests, get-ready and switch-sides show the start pose of the exercise coming next.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..workout.engine import Session
from ..workout.plan import WORK_KINDS
from .book import FigureBook
from .motion import loop_pose, pose_at
from .skeleton import Pose

MOVING_KINDS = ("up", "down")


@dataclass(frozen=True)
class Moment:
    """What the figure shows now. `progress` runs from the start pose (0) to the end pose (1); a timed
    segment also carries `elapsed`, the engine's running seconds into it, which a looping figure follows."""

    exercise: str
    version: str | None  # None where the plan does not say (a session restored without its preview)
    side: str | None
    kind: str
    progress: float
    elapsed: float | None
    running: bool


def moment_of(session: Session) -> Moment | None:
    """The figure's moment in the session; None when there is nothing to draw (the session is over)."""
    segment = session.segment
    if session.state == "finished" or segment.exercise is None:
        return None
    kind = segment.kind
    gone = session.progress()  # 0 at the segment's start, 1 at its deadline; None where the user ends it
    elapsed = None
    if kind == "up" and gone is not None:
        progress = gone
    elif kind == "down" and gone is not None:
        progress = 1.0 - gone
    elif kind in WORK_KINDS:  # hold, own pace (a rep or a whole set), timed: the end pose
        progress = 1.0
        if kind == "timed" and gone is not None:
            elapsed = gone * (segment.seconds or 0)
    else:  # get ready, rest, switch sides: the start pose of what comes next
        progress = 0.0
    return Moment(segment.exercise, _version(session), _side(session), kind, progress, elapsed,
                  session.state == "running")


def pose_for_session(session: Session, book: FigureBook) -> Pose | None:
    moment = moment_of(session)
    return None if moment is None else pose_of(book, moment)


def pose_of(book: FigureBook, moment: Moment) -> Pose:
    figure, props = book.get(moment.exercise, moment.version)
    if moment.elapsed is not None and figure.loop is not None:
        return loop_pose(figure, props, moment.elapsed, moment.side)
    return pose_at(figure, props, moment.progress, moment.side)


def is_moving(book: FigureBook, moment: Moment | None) -> bool:
    """Whether the figure changes from one frame to the next: an UP or DOWN, or a looping timed movement,
    while the session runs. Holding, resting, paused, idle: a still picture, nothing to repaint."""
    if moment is None or not moment.running:
        return False
    if moment.kind == "timed":
        return book.get(moment.exercise, moment.version)[0].loop is not None
    return moment.kind in MOVING_KINDS


def _version(session: Session) -> str | None:
    index = session.segment.exercise_index
    exercises = session.plan.exercises
    if index is None or index >= len(exercises) or exercises[index].exercise.id != session.segment.exercise:
        return None
    return exercises[index].progression.id


def _side(session: Session) -> str | None:
    """The segment's side, or for the get-ready or rest before an exercise, the side its first set starts on
    (the segment after it: that exercise's first work)."""
    segment = session.segment
    if segment.side is not None:
        return segment.side
    return session.plan.segments[session.index + 1].side  # a get-ready or rest is never last: DONE is
