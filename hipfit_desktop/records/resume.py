"""Sessions left open by a crash, a kill or a close: find them, describe them, resume, log or discard them.

    offer = find_resumable(log)            # the newest checkpoint not held by a running HipFit, or None
    offer.text                             # "Resume Band day: Clamshell, set 2, left — 14 min left"
    session, recorder = resume(log, offer, clock, base=compiled_plan)   # paused where it stopped
    log_as_finished(log, offer) / discard(log, offer)

A checkpoint older than STALE_AFTER_SECONDS is offered only to log what was done (`offer.stale`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..workout.engine import Clock, Session
from ..workout.plan import Plan
from .database import HistoryLog, wall_clock
from .recorder import SessionRecorder

STALE_AFTER_SECONDS = 12 * 3600


@dataclass(frozen=True)
class ResumeOffer:
    session_id: int
    routine: str
    routine_name: str
    saved_at: float  # wall clock of the checkpoint
    snapshot: dict[str, Any]  # Session.snapshot(), segments included
    versions: dict[int, str]
    stale: bool  # older than 12 hours: only "log what was done" or discard
    text: str  # "Resume Band day: Clamshell, set 2, left — 14 min left"


def find_resumable(log: HistoryLog, now: Callable[[], float] = wall_clock,
                   alive: Callable[[int], bool] | None = None) -> ResumeOffer | None:
    """The newest checkpoint whose writer is gone (a crash, a kill, a close); None when there is none.

    A checkpoint held by a live process (another open window) is not offered; nor is one that cannot be read
    back, which is left in the log rather than deleted."""
    alive = alive or _process_alive
    rows = log.read("SELECT c.session_id, s.routine, s.routine_name, c.saved_at, p.segments, p.versions, c.state, "
                    "c.pid FROM checkpoints c JOIN sessions s ON s.id = c.session_id "
                    "JOIN plans p ON p.session_id = c.session_id ORDER BY c.saved_at DESC")
    for session_id, routine, routine_name, saved_at, plan, versions, state, pid in rows:
        if pid != os.getpid() and alive(pid):
            continue
        try:
            snapshot = {**json.loads(state), "segments": json.loads(plan)}
            restored = Session.restore(snapshot, lambda: 0.0)
            offered = {int(k): str(v) for k, v in json.loads(versions).items()}
        except (ValueError, TypeError, KeyError, IndexError):
            continue
        stale = now() - saved_at > STALE_AFTER_SECONDS
        return ResumeOffer(session_id, routine, routine_name, saved_at, snapshot, offered, stale,
                           describe(restored, stale))
    return None


def describe(session: Session, stale: bool = False) -> str:
    segment = session.segment
    where = [segment.exercise_name or ""]
    if segment.set is not None:
        where.append(f"set {segment.set}")
    if segment.side:
        where.append(segment.side)
    what = ", ".join(w for w in where if w)
    minutes = max(1, round(session.remaining_total() / 60))
    if stale:
        return f"Log what was done of {session.plan.routine_name}: stopped at {what}"
    return f"Resume {session.plan.routine_name}: {what} — {minutes} min left"


def resume(log: HistoryLog, offer: ResumeOffer, clock: Clock, base: Plan | None = None,
           now: Callable[[], float] = wall_clock) -> tuple[Session, SessionRecorder]:
    """The session as it was at its checkpoint, paused (the user presses Space to go on), with its recorder.

    `base` (the routine compiled again) supplies the preview details; the segments, counts and statuses
    are the checkpoint's own."""
    snapshot = dict(offer.snapshot)
    if snapshot["state"] == "running":
        snapshot["state"] = "paused"
    session = Session.restore(snapshot, clock, base=base)
    recorder = SessionRecorder(log, session, now=now, versions=offer.versions, session_id=offer.session_id)
    log.write(lambda db: db.execute("UPDATE checkpoints SET pid = ? WHERE session_id = ?",
                                    (os.getpid(), offer.session_id)))
    return session, recorder


def log_as_finished(log: HistoryLog, offer: ResumeOffer) -> bool:
    """Keep what was done as an ended session (its sets are already in the log) and drop the checkpoint."""
    state = offer.snapshot
    active = float(state.get("carried", 0.0)) + sum(float(s) for s in state.get("spent", ()))

    def change(db: sqlite3.Connection) -> None:
        db.execute("UPDATE sessions SET ended_at = ?, outcome = 'ended early', active_seconds = ? WHERE id = ?",
                   (offer.saved_at, active, offer.session_id))
        db.execute("DELETE FROM checkpoints WHERE session_id = ?", (offer.session_id,))
        db.execute("DELETE FROM plans WHERE session_id = ?", (offer.session_id,))

    return log.write(change)


def discard(log: HistoryLog, session_id: int) -> bool:
    """Forget the session: its row, its sets and its checkpoint."""
    def change(db: sqlite3.Connection) -> None:
        db.execute("DELETE FROM sets WHERE session_id = ?", (session_id,))
        db.execute("DELETE FROM checkpoints WHERE session_id = ?", (session_id,))
        db.execute("DELETE FROM plans WHERE session_id = ?", (session_id,))
        db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    return log.write(change)


def _process_alive(pid: int) -> bool:
    if os.name != "posix":
        return False  # no cheap check elsewhere: offer it, and the second window says so
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
