"""The session engine: walks a plan against a monotonic clock. Pure Python: no Qt, no sleeping, no files.

Every timed segment ends at a deadline; the next one starts *at that deadline*, not when someone noticed,
so lateness never accumulates. The display reads `remaining()` = deadline - now. Pause keeps the remaining
time and resume sets a new deadline. After a stall, `tick()` walks through every passed deadline in order;
all but the segment the user is in now come out marked `stale`, so cues can stay silent for them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from . import rep_changes, session_edits, session_state
from .events import (
    COUNTDOWN_KINDS,
    Beat,
    Event,
    ExerciseDone,
    Finished,
    Paused,
    Resumed,
    SegmentEnded,
    SegmentStarted,
    SetDone,
    beats_for,
)
from .plan import SELF_PACED_KINDS, WORK_KINDS, Plan, Segment

Clock = Callable[[], float]

STALE_AFTER = 0.5  # seconds: a beat noticed later than this is history, not a cue
BACK_RESTARTS_AFTER = 2.0  # seconds into a block, Back restarts it instead of going to the previous one


class Session:
    """A workout in progress. States: idle → running ⇄ paused → finished.

    Every command returns the events it caused and also hands each to the subscribed listeners.
    """

    def __init__(self, plan: Plan, clock: Clock = time.monotonic) -> None:
        if not plan.segments or plan.segments[-1].kind != "done":
            raise ValueError("a plan ends with a done segment")
        self.plan = plan
        self.clock = clock
        self.state = "idle"
        self.index = 0
        self.statuses: list[str | None] = [None] * len(plan.segments)
        self.spent: list[float] = [0.0] * len(plan.segments)  # running time in each segment, latest visit
        self._carried = 0.0  # running time of earlier visits (before Back) and of segments since replanned
        self._deadline: float | None = None
        self._remaining: float | None = None  # while paused
        self._run_since = 0.0  # when the current stretch of running time in this segment began
        self._beats_done = 0
        self._listeners: list[Callable[[Event], None]] = []
        self._events: list[Event] = []

    # --- reading ---------------------------------------------------------------------------------------

    @property
    def segment(self) -> Segment:
        return self.plan.segments[self.index]

    @property
    def deadline(self) -> float | None:
        return self._deadline if self.state == "running" else None

    def remaining(self) -> float | None:
        """Seconds left in the current segment; None for a self-paced step."""
        if self.segment.seconds is None:
            return None
        if self.state == "idle":
            return float(self.segment.seconds)
        if self.state == "paused":
            return self._remaining
        if self.state == "finished" or self._deadline is None:
            return 0.0
        return max(0.0, self._deadline - self.clock())

    def segment_elapsed(self) -> float:
        """Running time spent in the current segment (the count-up of a self-paced step)."""
        extra = self.clock() - self._run_since if self.state == "running" else 0.0
        return self.spent[self.index] + extra

    def active_seconds(self) -> float:
        """Running time of the whole session so far (pauses excluded)."""
        extra = self.clock() - self._run_since if self.state == "running" else 0.0
        return self._carried + sum(self.spent) + extra

    def remaining_total(self) -> float:
        """Seconds still ahead, the current segment's remainder included; self-paced reps at their estimate."""
        if self.state == "finished":  # ended early too: nothing is ahead any more
            return 0.0
        estimate = self.plan.self_paced_estimate
        ahead = sum(s.estimate(estimate) for s in self.plan.segments[self.index + 1:])
        # A countdown's length less its running time is what `remaining()` shows (deadlines chain from starts).
        return ahead + max(0.0, self.segment.estimate(estimate) - self.segment_elapsed())

    def progress(self) -> float | None:
        """How far the countdown under way has come: 0 at its start, 1 at its deadline (still while paused);
        None for a step the user ends and after the end."""
        seconds = self.segment.seconds
        if seconds is None or self.state == "finished":  # the DONE segment (0 s) is only ever seen finished
            return None
        return max(0.0, 1.0 - (self.remaining() or 0.0) / seconds)

    def next_wakeup(self) -> float | None:
        """Clock time of the next beat or deadline, for a driver that sleeps until then."""
        if self.state != "running" or self._deadline is None:
            return None
        beats = beats_for(self.segment)
        if self._beats_done < len(beats):
            return self._deadline - beats[self._beats_done][0]
        return self._deadline

    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    # --- commands --------------------------------------------------------------------------------------

    def start(self) -> list[Event]:
        if self.state != "idle":
            return []
        now = self.clock()
        self.state = "running"
        self._enter(0, now, stale=False)
        return self._flush()

    def tick(self) -> list[Event]:
        """Catch up with the clock: fire due beats, pass every deadline that has gone by."""
        self._catch_up()
        return self._flush()

    def pause(self) -> list[Event]:
        self._catch_up()
        if self.state != "running":
            return self._flush()
        now = self.clock()
        self.spent[self.index] += now - self._run_since
        self._remaining = None if self._deadline is None else max(0.0, self._deadline - now)
        self.state = "paused"
        self._emit(Paused(self.index))
        return self._flush()

    def resume(self) -> list[Event]:
        if self.state != "paused":
            return []
        now = self.clock()
        self.state = "running"
        self._run_since = now
        self._deadline = None if self._remaining is None else now + self._remaining
        self._remaining = None
        self._emit(Resumed(self.index))
        return self._flush()

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.state == "paused" else self.pause()

    def rep_done(self) -> list[Event]:
        """The user says a self-paced rep (or, at one press per set, the whole own-pace set) is done."""
        self._catch_up()
        if self.state != "running" or self.segment.kind not in SELF_PACED_KINDS:
            return self._flush()
        now = self.clock()
        self._end(now, "done")
        self._advance(self.index + 1, now)
        return self._flush()

    def skip(self) -> list[Event]:
        """Leave the current block (a set on one side, a rest, a hold) for the next one.

        A stretch is held "up to" its time: ending it early is the hold done, with the seconds held. So is a set
        left in the last phase of its last rep (lowering, or the hold after the last press): its reps are done.
        """
        self._catch_up()
        if self.state not in ("running", "paused"):
            return self._flush()
        if self.segment.phase == "STRETCH" or self._in_last_phase_of_set():
            now = self.clock()
            self._end(now, "done", add_time=self.state == "running")  # a pause already counted its time
            self._advance(self.index + 1, now)
            return self._flush()
        target = self._block_end(self.index) + 1
        return self._move_to(target)

    def back(self) -> list[Event]:
        """Restart the current block, or go to the previous one when just started."""
        self._catch_up()
        if self.state not in ("running", "paused"):
            return self._flush()
        start = self._block_start(self.index)
        if start == self.index and self.segment_elapsed() < BACK_RESTARTS_AFTER and start > 0:
            start = self._block_start(start - 1)
        return self._move_to(start)

    def jump_to_exercise(self, exercise_index: int) -> list[Event]:
        """Go to the first segment of the routine's n-th exercise (its get-ready or rest before it)."""
        self._catch_up()
        if self.state not in ("running", "paused"):
            return self._flush()
        for i, segment in enumerate(self.plan.segments):
            if segment.exercise_index == exercise_index:
                return self._move_to(i)
        raise IndexError(f"the routine has no exercise {exercise_index}")

    def can_adjust_time(self) -> bool:
        """True on a countdown under way (get-ready, rest, switch sides, timed work), running or paused."""
        return self.state in ("running", "paused") and self.segment.kind in COUNTDOWN_KINDS

    def adjust_time(self, seconds: float) -> list[Event]:
        """Add `seconds` (take away, when negative) to the countdown under way; never below 1 s left."""
        self._catch_up()
        if self.can_adjust_time():
            session_edits.adjust_time(self, seconds)
        return self._flush()

    def can_change_reps(self) -> bool:
        """True in a set counted in reps (its last included) and wherever a set of this exercise is to come."""
        return self.state in ("idle", "running", "paused") and self.current_reps() is not None

    def current_reps(self) -> int | None:
        """The count +/- starts from: the set under way's, or between sets the next one's (None: nothing to change)."""
        return rep_changes.current_reps(self.plan, self.index)

    def lowest_reps(self) -> int:
        """The fewest reps `change_reps` gives the set under way: the rep under way stays (1 between sets)."""
        return rep_changes.lowest_reps(self.plan, self.index)

    def upcoming_reps(self) -> int | None:
        """Reps of the next set of this exercise that has not started, if any."""
        return rep_changes.upcoming_reps(self.plan, self.index)

    def change_reps(self, reps: int) -> list[Event]:
        """Give the set under way (never fewer than `lowest_reps()`) and the sets of this exercise still to come
        `reps` reps; nothing already done changes."""
        self._catch_up()
        if self.can_change_reps():
            session_edits.change_reps(self, reps)
        return self._flush()

    def finish(self) -> list[Event]:
        """End now, whatever is left."""
        self._catch_up()
        if self.state not in ("running", "paused"):
            return self._flush()
        now = self.clock()
        if self.state == "running":
            self.spent[self.index] += now - self._run_since
        # "ended", not "skipped": the summary tells a set the user skipped from one never reached.
        self._end(now, "ended", add_time=False)
        for i in range(self.index + 1, len(self.statuses)):
            self.statuses[i] = self.statuses[i] or "ended"
        self.statuses[-1] = "ended"
        self.state = "finished"
        self._deadline = None
        self._emit(Finished(early=True))
        return self._flush()

    # --- saving ----------------------------------------------------------------------------------------

    def snapshot(self, segments: bool = True) -> dict[str, Any]:
        """Everything needed to carry on later, as plain JSON-able data (see `session_state.snapshot`)."""
        return session_state.snapshot(self, segments)

    @classmethod
    def restore(cls, data: dict[str, Any], clock: Clock = time.monotonic, base: Plan | None = None) -> Session:
        """Rebuild a session from `snapshot()`; `base` supplies the preview details the snapshot leaves out."""
        return session_state.restore(cls, data, clock, base)

    # --- inside ----------------------------------------------------------------------------------------

    def _emit(self, event: Event) -> None:
        self._events.append(event)

    def _catch_up(self) -> None:
        """Pass every deadline that has gone by, queueing the events for the command's one flush.

        Every command catches up first and returns these events with its own, so a key pressed just after a
        deadline (or after a stall) never swallows the segment starts, beats or the end it passed.
        """
        if self.state != "running":
            return
        now = self.clock()
        first = len(self._events)
        while self.state == "running" and self._deadline is not None and now >= self._deadline:
            self._fire_beats(self._deadline, now)
            ended_at = self._deadline
            self._end(ended_at, "done")
            self._advance(self.index + 1, ended_at)
        if self.state == "running":
            self._fire_beats(now, now)
        starts = [i for i in range(first, len(self._events)) if isinstance(self._events[i], SegmentStarted)]
        for i in starts[:-1]:  # passed over: only the segment the user is in now deserves a cue
            self._events[i] = replace(self._events[i], stale=True)

    def _flush(self) -> list[Event]:
        events, self._events = self._events, []
        for event in events:
            for listener in self._listeners:
                listener(event)
        return events

    def _enter(self, index: int, at: float, stale: bool) -> None:
        """Make `index` the current segment, started at clock time `at`."""
        # A fresh try at a block entered at its start (Back, a jump, walking into it): an earlier visit may have
        # left statuses there. Within a block what lies ahead has none, so the per-phase hot path skips the scan.
        if index == 0 or self.plan.segments[index - 1].block != self.plan.segments[index].block:
            for i in range(index, self._block_end(index) + 1):
                self.statuses[i] = None
        self.index = index
        self._run_since = at
        self._beats_done = 0
        self._carried += self.spent[index]
        self.spent[index] = 0.0
        segment = self.segment
        self._emit(SegmentStarted(index, segment, at, stale))
        if segment.kind == "done":
            self.statuses[index] = "done"
            self.state = "finished"
            self._deadline = None
            self._emit(Finished(early=False))
            return
        seconds = segment.seconds
        if self.state == "paused":
            self._remaining = None if seconds is None else float(seconds)
            self._deadline = None
        else:
            self._deadline = None if seconds is None else at + seconds

    def _end(self, at: float, outcome: str, add_time: bool = True) -> None:
        if add_time:
            self.spent[self.index] += at - self._run_since
        self.statuses[self.index] = outcome
        self._emit(SegmentEnded(self.index, self.segment, outcome))

    def _advance(self, index: int, at: float) -> None:
        """After the current segment ended done: report finished sets and exercises, then enter `index`."""
        ended = self.plan.segments[index - 1]
        following = self.plan.segments[index]
        if ended.kind in WORK_KINDS and following.block != ended.block:
            self._emit(SetDone(ended))
            if following.exercise_index != ended.exercise_index:
                self._emit(ExerciseDone(ended.exercise or "", ended.exercise_index or 0))
        self._enter(index, at, stale=False)

    def _fire_beats(self, until: float, now: float) -> None:
        if self._deadline is None:
            return
        beats = beats_for(self.segment)
        while self._beats_done < len(beats):
            before, name = beats[self._beats_done]
            due = self._deadline - before
            if due > until:
                break
            self._beats_done += 1
            self._emit(Beat(self.index, name, due, stale=now - due > STALE_AFTER))

    def _move_to(self, target: int) -> list[Event]:
        now = self.clock()
        if self.state == "running":
            self.spent[self.index] += now - self._run_since
        self._end(now, "skipped", add_time=False)
        # Passed over: what was done on an earlier visit (before a jump back) stays done, the rest is skipped.
        # Going back changes nothing yet: a block's statuses start afresh when it is entered (`_enter`).
        for i in range(self.index + 1, target):
            self.statuses[i] = "done" if self.statuses[i] == "done" else "skipped"
        self._enter(target, now, stale=False)
        return self._flush()

    def _in_last_phase_of_set(self) -> bool:
        """The last timed phase of a set's last rep, every phase before it done."""
        start, end = self._block_start(self.index), self._block_end(self.index)
        return (self.segment.rep is not None and self.segment.kind not in SELF_PACED_KINDS and self.index == end
                and all(status == "done" for status in self.statuses[start:end]))

    def _block_start(self, index: int) -> int:
        block = self.plan.segments[index].block
        while index > 0 and self.plan.segments[index - 1].block == block:
            index -= 1
        return index

    def _block_end(self, index: int) -> int:
        block = self.plan.segments[index].block
        last = len(self.plan.segments) - 1
        while index < last and self.plan.segments[index + 1].block == block:
            index += 1
        return index
