"""Changing a session while it runs: more or less time on a countdown, more or fewer reps.

Kept apart from the engine so `engine.py` holds how a session moves; `Session.adjust_time` and
`Session.change_reps` are the entry points and call these after catching up with the clock.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import rep_changes
from .events import RepsChanged, TimeAdjusted, beats_for

if TYPE_CHECKING:
    from .engine import Session

MIN_LEFT = 1.0  # seconds: taking time away never leaves less than this (or than was left already)


def adjust_time(session: Session, seconds: float) -> None:
    """Move the current countdown's deadline by `seconds` (paused: its stored remaining time).

    The segment's length in the plan changes by the same amount, so the progress bar, the beats (halfway,
    3-2-1) and a resumed session all follow the new end; the time stays the segment's own (rest stays rest).
    """
    left = session.remaining()
    assert left is not None
    new_left = max(left + seconds, min(left, MIN_LEFT))
    if new_left == left:
        return
    if session.state == "paused":
        session._remaining = new_left
    else:
        session._deadline = session.clock() + new_left
    segment = session.segment
    assert segment.seconds is not None
    changed = replace(segment, seconds=max(1, round(segment.seconds + new_left - left)))
    segments = session.plan.segments
    session.plan = replace(session.plan, segments=(*segments[:session.index], changed, *segments[session.index + 1:]))
    # Beats already behind the new end are passed; those ahead of it (3-2-1 after time was added) sound again.
    session._beats_done = sum(1 for before, _ in beats_for(changed) if before >= new_left)
    session._emit(TimeAdjusted(session.index, new_left - left, changed))


def change_reps(session: Session, reps: int) -> None:
    """Replan this exercise's sets with `reps` reps (see `rep_changes.change_reps`); the plan may grow or shrink
    after the current segment, so the statuses and times of the segments after it start afresh."""
    old = session.plan.segments
    session.plan = rep_changes.change_reps(session.plan, session.index, reps)
    length, after = len(session.plan.segments), session.index + 1
    session.statuses = session.statuses[:after] + [None] * (length - after)
    session._carried += sum(session.spent[after:])
    session.spent = session.spent[:after] + [0.0] * (length - after)
    if session.plan.segments != old:
        session._emit(RepsChanged(session.segment.exercise or "", reps))
