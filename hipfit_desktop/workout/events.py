"""What the session engine tells the rest of the app: one frozen value per thing that happened.

The window, the cue planner and the training log all read the same events, so they cannot disagree about
what the user did.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Segment

COUNTDOWN_KINDS = frozenset({"get_ready", "rest", "switch_sides", "timed"})


@dataclass(frozen=True)
class SegmentStarted:
    index: int
    segment: Segment
    scheduled: float  # clock time it was due to start
    stale: bool  # passed over during a stall: the user never saw it


@dataclass(frozen=True)
class SegmentEnded:
    index: int
    segment: Segment
    outcome: str  # "done", "skipped" (the user moved on) or "ended" (the session was finished early)


@dataclass(frozen=True)
class Beat:
    """A moment inside a segment worth a cue: 3, 2, 1 before its end, halfway, 30 seconds left."""

    index: int
    name: str  # "3", "2", "1", "halfway", "30s-left"
    scheduled: float
    stale: bool


@dataclass(frozen=True)
class SetDone:
    segment: Segment  # the last segment of the set; carries exercise, side and set number


@dataclass(frozen=True)
class ExerciseDone:
    exercise: str
    exercise_index: int


@dataclass(frozen=True)
class Paused:
    index: int


@dataclass(frozen=True)
class Resumed:
    index: int


@dataclass(frozen=True)
class RepsChanged:
    exercise: str
    reps: int


@dataclass(frozen=True)
class TimeAdjusted:
    """The countdown under way was made longer or shorter (+15 s / -15 s): its deadline moved."""

    index: int
    seconds: float  # added; negative when taken away
    segment: Segment  # the segment with its new length


@dataclass(frozen=True)
class Finished:
    early: bool


Event = (SegmentStarted | SegmentEnded | Beat | SetDone | ExerciseDone | Paused | Resumed | RepsChanged | TimeAdjusted
         | Finished)


def beats_for(segment: Segment) -> list[tuple[float, str]]:
    """(seconds before the deadline, name) of the beats in a segment, soonest first."""
    seconds = segment.seconds
    if not seconds or segment.kind not in COUNTDOWN_KINDS:
        return []
    beats: list[tuple[float, str]] = []
    if segment.kind == "timed" and seconds >= 60:
        beats.append((seconds / 2, "halfway"))
        if seconds >= 90:
            beats.append((30.0, "30s-left"))
    beats += [(float(n), str(n)) for n in (3, 2, 1) if seconds > n]
    return sorted(beats, reverse=True)
