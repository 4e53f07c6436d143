"""Saving a `Session` and rebuilding it: plain JSON-able data for the log's resume checkpoints.

Kept apart from the engine so `engine.py` holds only how a session moves; `Session.snapshot` and
`Session.restore` are the entry points.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .plan import Plan, Segment

if TYPE_CHECKING:
    from .engine import Clock, Session

SNAPSHOT_VERSION = 1


def snapshot(session: Session, segments: bool) -> dict[str, Any]:
    """Everything needed to carry on later; without `segments` (the log keeps the plan once per session: the
    segments are most of the size and of the 30 ms it takes)."""
    index = session.index
    data = {
        "version": SNAPSHOT_VERSION,
        "routine": session.plan.routine_id,
        "routine_name": session.plan.routine_name,
        "level": session.plan.level,
        "self_paced_estimate": session.plan.self_paced_estimate,
        "state": session.state,
        "index": index,
        "remaining": session.remaining(),
        "segment_elapsed": session.segment_elapsed(),
        "statuses": list(session.statuses),
        "spent": [*session.spent[:index], session.segment_elapsed(), *session.spent[index + 1:]],
        "beats_done": session._beats_done,
        "carried": session._carried,
    }
    if segments:
        data["segments"] = [s.to_dict() for s in session.plan.segments]
    return data


def restore(cls: type[Session], data: dict[str, Any], clock: Clock, base: Plan | None) -> Session:
    """A session of class `cls` rebuilt from `snapshot()`; `base` supplies the preview details it leaves out."""
    if data.get("version") != SNAPSHOT_VERSION:
        raise ValueError(f"unknown snapshot version {data.get('version')!r}")
    segments = tuple(Segment.from_dict(s) for s in data["segments"])
    plan = Plan(data["routine"], data["routine_name"], data["level"], segments,
                base.exercises if base else (), data["self_paced_estimate"])
    session = cls(plan, clock)
    session.state = data["state"]
    session.index = data["index"]
    session.statuses = list(data["statuses"])
    session.spent = list(data["spent"])
    session._beats_done = data["beats_done"]
    session._carried = data["carried"]
    now = clock()
    session._run_since = now
    session.spent[session.index] = data["segment_elapsed"]
    remaining = data["remaining"]
    if session.state == "paused":
        session._remaining = remaining
    elif session.state == "running":
        session._deadline = None if remaining is None else now + remaining
    return session
