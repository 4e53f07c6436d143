"""Writes a session into the training log as it happens, fed by the engine's events.

    recorder = SessionRecorder(log, session)   # records.resume.resume() makes one for a resumed session
    session.subscribe(recorder)                # the window passes the driver's `event` signal instead

The session row is written with the first segment start; one row per set and side as the set is left (done,
skipped, or ended early), in the same transaction as the checkpoint of the segment that follows, so a
checkpoint never runs ahead of the sets it has passed. A checkpoint (the engine's snapshot without the plan,
which is written once per session and again when reps or a countdown's length change) is saved at every
segment start and pause. Nothing here raises into the workout: a failing disk turns logging off
(HistoryLog.problem) and the workout goes on.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..workout.engine import Session
from ..workout.events import Event, Finished, Paused, RepsChanged, SegmentEnded, SegmentStarted, TimeAdjusted
from ..workout.plan import WORK_KINDS, Plan, Segment
from .database import HistoryLog, wall_clock


@dataclass
class _OpenSet:
    block: int
    indices: list[int]  # the segments of the set, in order
    outcomes: dict[int, str] = field(default_factory=dict)  # segment index -> outcome from SegmentEnded


def plan_json(plan: Plan) -> str:
    # vars() rather than Segment.to_dict(): five times faster for the full session's 1 500 segments.
    return json.dumps([vars(s) for s in plan.segments], separators=(",", ":"))


def versions_of(plan: Plan) -> dict[int, str]:
    return {i: p.progression.id for i, p in enumerate(plan.exercises)}


class SessionRecorder:
    """Listener for one session's events. The session is known by its `uid` from the first segment start;
    rows refer to it through the uid, so no write ever waits for another (`session_id` does, once)."""

    def __init__(self, log: HistoryLog, session: Session, now: Callable[[], float] = wall_clock,
                 versions: dict[int, str] | None = None, session_id: int | None = None) -> None:
        self.log = log
        self.session = session
        self.now = now
        self.versions = versions if versions is not None else versions_of(session.plan)
        self._session_id: int | None = None
        self.uid: str | None = None
        if session_id is not None:
            found = log.read("SELECT uid FROM sessions WHERE id = ?", (session_id,))
            if found:  # else another window discarded it meanwhile: from here on it is logged as a new session
                self.uid, self._session_id = found[0][0], session_id
        self._open: _OpenSet | None = None
        self._last_index = session.index
        self._ended = False
        if session_id is not None:  # resumed: the set under way keeps what was done of it before
            self._open_set(session.index)
            if self._open is not None:
                self._open.outcomes = {i: s for i in self._open.indices if (s := session.statuses[i]) is not None}

    def __call__(self, event: Event) -> None:
        try:
            self._on(event)
        except Exception as exc:  # noqa: BLE001 - a bug here must cost the log, never the workout
            self.log._turn_off(exc)

    def checkpoint(self) -> None:
        """Save where the session is now (the window's "Save and quit")."""
        self._write([], checkpoint=True)

    # --- events -------------------------------------------------------------------------------------------

    def _on(self, event: Event) -> None:
        if self._ended:
            return
        if isinstance(event, SegmentEnded):
            if self._open is not None and event.index in self._open.indices:
                self._open.outcomes[event.index] = event.outcome
        elif isinstance(event, SegmentStarted):
            self._started(event)
        elif isinstance(event, Finished):
            self._finished(early=event.early)
        elif isinstance(event, Paused):
            self._write([], checkpoint=True)
        elif isinstance(event, RepsChanged):  # the plan changed: a resume needs the new one
            if self._open is not None:  # the set under way may have grown or shrunk
                outcomes = self._open.outcomes
                self._open_set(self.session.index)
                self._open.outcomes = {i: o for i, o in outcomes.items() if i in self._open.indices}
            self._write([], checkpoint=True, plan=True)
        elif isinstance(event, TimeAdjusted):  # so is a countdown's new length
            self._write([], checkpoint=True, plan=True)

    def _started(self, event: SegmentStarted) -> None:
        rows: list[dict[str, Any]] = []
        segments = self.session.plan.segments
        index = event.index
        at = self.now()  # every set left by this one step (a jump leaves several) was left at the same moment
        if index > self._last_index + 1:  # jumped ahead: sets passed over without being entered are skipped
            rows += self._skipped_between(self._last_index + 1, index, at)
        if self._open is not None and segments[index].block != self._open.block:
            rows.insert(0, self._set_row(self._open, at))  # the set under way comes before those passed over
            self._open = None
        elif self._open is not None and index <= self._last_index:  # Back restarted this set
            self._open.outcomes = {}
        self._last_index = index
        if self._open is None:
            self._open_set(index)
        first = self.uid is None
        if first:
            self._write_session_row()
        if event.segment.kind != "done":
            self._write(rows, checkpoint=True, plan=first)
        elif rows:
            self._write(rows)

    def _finished(self, early: bool) -> None:
        at = self.now()
        rows = [self._set_row(self._open, at)] if self._open is not None else []
        self._open = None
        self._ended = True
        if self.uid is None:
            return
        active = self.session.active_seconds()
        end = {"uid": self.uid, "ended_at": at, "outcome": "ended early" if early else "finished",
               "active": active}

        def change(db: sqlite3.Connection) -> None:
            _insert_sets(db, rows)
            db.execute("UPDATE sessions SET ended_at = :ended_at, outcome = :outcome, active_seconds = :active "
                       "WHERE uid = :uid", end)
            db.execute(f"DELETE FROM checkpoints WHERE session_id = {_BY_UID}", end)
            db.execute(f"DELETE FROM plans WHERE session_id = {_BY_UID}", end)

        self.log.write(change)

    # --- sets ---------------------------------------------------------------------------------------------

    def _open_set(self, index: int) -> None:
        segments = self.session.plan.segments
        if segments[index].kind not in WORK_KINDS:
            return
        block = segments[index].block
        start = index
        while start > 0 and segments[start - 1].block == block:
            start -= 1
        end = index
        while end + 1 < len(segments) and segments[end + 1].block == block:
            end += 1
        self._open = _OpenSet(block, list(range(start, end + 1)))

    def _skipped_between(self, start: int, stop: int, at: float) -> list[dict[str, Any]]:
        """Rows for the sets a jump passed over, as the engine marked them: a set done before a jump back keeps
        its row (it is in the log already); the others are skipped, with the reps an earlier visit did."""
        segments, statuses = self.session.plan.segments, self.session.statuses
        blocks: dict[int, list[int]] = {}
        for i in range(start, stop):
            if segments[i].kind in WORK_KINDS and (self._open is None or segments[i].block != self._open.block):
                blocks.setdefault(segments[i].block, []).append(i)
        passed = [_OpenSet(block, indices, {i: s for i in indices if (s := statuses[i]) is not None})
                  for block, indices in blocks.items()]
        return [self._set_row(one, at) for one in passed if set(one.outcomes.values()) != {"done"}]

    def _set_row(self, done: _OpenSet, at: float) -> dict[str, Any]:
        segments = self.session.plan.segments
        first: Segment = segments[done.indices[0]]
        outcomes = [done.outcomes.get(i) for i in done.indices]
        if all(o == "done" for o in outcomes):
            outcome = "done"
        elif "ended" in outcomes:
            outcome = "ended early"
        else:
            outcome = "skipped"
        reps: dict[int, bool] = {}
        hold = timed = None
        seconds_done = None
        for i in done.indices:
            segment = segments[i]
            if segment.rep is not None:
                reps[segment.rep] = reps.get(segment.rep, True) and done.outcomes.get(i) == "done"
            if segment.kind == "hold":
                hold = segment.seconds
            if segment.kind == "self_paced_set":  # one press for the whole set: all its reps or none
                reps = {rep: done.outcomes.get(i) == "done" for rep in range(1, (segment.reps or 0) + 1)}
                hold = segment.hold
            if segment.kind == "timed":
                timed = segment.seconds
                seconds_done = round(self.session.spent[i], 3)  # 0 for a hold never reached
        position = first.exercise_index or 0
        return {
            "uid": self.uid, "position": position, "exercise": first.exercise or "",
            "version": self.versions.get(position, ""), "side": first.side or "", "set_number": first.set or 0,
            "sets_planned": first.sets or 0, "reps_planned": first.reps, "hold_seconds": hold,
            "reps_done": sum(reps.values()) if first.counts_reps else None,
            "seconds_planned": timed, "seconds_done": seconds_done, "outcome": outcome, "at": at,
        }

    # --- writing ------------------------------------------------------------------------------------------

    @property
    def session_id(self) -> int | None:
        """The session's row id in the log (waits for the queued writes the first time); None if not written."""
        if self._session_id is None and self.uid is not None:
            self.log.flush()
            found = self.log.read("SELECT id FROM sessions WHERE uid = ?", (self.uid,))
            self._session_id = found[0][0] if found else None
        return self._session_id

    def _write_session_row(self) -> None:
        """Queue the session's row; its plan and first checkpoint follow in the same transaction (`_write`),
        so a session in the log always has a checkpoint until it ends."""
        plan = self.session.plan
        self.uid = uuid.uuid4().hex
        self._pending_row = {"uid": self.uid, "routine": plan.routine_id, "routine_name": plan.routine_name,
                             "level": plan.level, "started_at": self.now()}

    def _write(self, rows: list[dict[str, Any]], checkpoint: bool = False, plan: bool = False) -> None:
        """Set rows, then the checkpoint and plan, in one transaction. The snapshot is taken now; turning it
        and the plan into JSON (half a millisecond, and 20 ms for a plan) happens on the log's writer thread."""
        if self.uid is None:
            return
        for row in rows:
            row["uid"] = self.uid
        state = self.session.snapshot(segments=False) if checkpoint else None
        segments = self.session.plan if plan else None
        values = {"uid": self.uid, "at": self.now(), "pid": os.getpid(), "versions": json.dumps(self.versions)}
        session_row, self._pending_row = self._pending_row, None

        def change(db: sqlite3.Connection) -> None:
            if session_row is not None:
                db.execute("INSERT INTO sessions (uid, routine, routine_name, level, started_at) "
                           "VALUES (:uid, :routine, :routine_name, :level, :started_at)", session_row)
            _insert_sets(db, rows)
            if segments is not None:
                db.execute(f"INSERT OR REPLACE INTO plans (session_id, segments, versions) "
                           f"VALUES ({_BY_UID}, :plan, :versions)", {**values, "plan": plan_json(segments)})
            if state is not None:
                db.execute(f"INSERT OR REPLACE INTO checkpoints (session_id, state, saved_at, pid) "
                           f"VALUES ({_BY_UID}, :state, :at, :pid)",
                           {**values, "state": json.dumps(state, separators=(",", ":"))})

        self.log.write(change)

    _pending_row: dict[str, Any] | None = None


_BY_UID = "(SELECT id FROM sessions WHERE uid = :uid)"


def _insert_sets(db: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        db.executemany(
            "INSERT INTO sets (session_id, position, exercise, version, side, set_number, sets_planned, "
            "reps_planned, reps_done, hold_seconds, seconds_planned, seconds_done, outcome, at) VALUES "
            f"({_BY_UID}, :position, :exercise, :version, :side, :set_number, :sets_planned, :reps_planned, "
            ":reps_done, :hold_seconds, :seconds_planned, :seconds_done, :outcome, :at) "
            "ON CONFLICT (session_id, position, set_number, side) DO UPDATE SET reps_planned = excluded.reps_planned, "
            "reps_done = excluded.reps_done, hold_seconds = excluded.hold_seconds, "
            "seconds_planned = excluded.seconds_planned, seconds_done = excluded.seconds_done, "
            "outcome = excluded.outcome, at = excluded.at", rows)
