"""Reading the training log: sessions in a period, the week against the target, the last time per exercise,
volume per week for the charts. Every function takes the `HistoryLog` and returns plain values; a log that
cannot be read gives empty answers (its `notice` says why)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .database import HistoryLog

SET_COLUMNS = ("position", "exercise", "version", "side", "set_number", "sets_planned", "reps_planned", "reps_done",
               "hold_seconds", "seconds_planned", "seconds_done", "outcome", "at")


@dataclass(frozen=True)
class SetRecord:
    position: int
    exercise: str
    version: str
    side: str  # 'left', 'right' or '' (both at once)
    set_number: int
    sets_planned: int
    reps_planned: int | None
    reps_done: int | None
    hold_seconds: int | None
    seconds_planned: int | None
    seconds_done: float | None
    outcome: str  # 'done', 'ended early', 'skipped'
    at: float


@dataclass(frozen=True)
class SessionRecord:
    id: int
    uid: str
    routine: str
    routine_name: str
    level: str
    started_at: float
    ended_at: float | None
    outcome: str | None  # 'finished', 'ended early', or None: in progress or not resumed yet
    active_seconds: float | None
    sets_done: int
    reps_done: int
    sets: tuple[SetRecord, ...] = ()


@dataclass(frozen=True)
class WeekSummary:
    start: date  # Monday
    workouts: int  # sessions this week with at least one set done
    target: int


@dataclass(frozen=True)
class LastTime:
    exercise: str
    version: str
    sets: int  # sets done (a one-sided set counts once, whichever side)
    reps: int | None  # the most reps done in one of them; None for timed work
    seconds: float | None  # the longest timed set
    at: float  # wall clock of the last set


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _epoch(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()  # local midnight


def sessions_between(log: HistoryLog, start: float, end: float, with_sets: bool = False) -> list[SessionRecord]:
    """Sessions started in [start, end) (Unix seconds), oldest first, with their totals (and sets if asked)."""
    rows = log.read(
        "SELECT s.id, s.uid, s.routine, s.routine_name, s.level, s.started_at, s.ended_at, s.outcome, "
        "s.active_seconds, (SELECT count(*) FROM sets WHERE session_id = s.id AND outcome = 'done'), "
        "(SELECT coalesce(sum(reps_done), 0) FROM sets WHERE session_id = s.id AND outcome = 'done') "
        "FROM sessions s WHERE s.started_at >= ? AND s.started_at < ? ORDER BY s.started_at, s.id", (start, end))
    sessions = [SessionRecord(*row) for row in rows]
    if not with_sets or not sessions:
        return sessions
    by_session: dict[int, list[SetRecord]] = {}
    for row in log.read(
            f"SELECT session_id, {', '.join(SET_COLUMNS)} FROM sets WHERE session_id IN "
            "(SELECT id FROM sessions WHERE started_at >= ? AND started_at < ?) "
            "ORDER BY session_id, at, position, set_number", (start, end)):
        by_session.setdefault(row[0], []).append(SetRecord(*row[1:]))
    return [SessionRecord(*[getattr(s, f) for f in SessionRecord.__dataclass_fields__ if f != "sets"],
                          sets=tuple(by_session.get(s.id, ()))) for s in sessions]


def recent_sessions(log: HistoryLog, weeks: int, today: date, with_sets: bool = False) -> list[SessionRecord]:
    """Sessions of the last `weeks` calendar weeks, this one included."""
    start = week_start(today) - timedelta(weeks=weeks - 1)
    return sessions_between(log, _epoch(start), _epoch(today + timedelta(days=1)), with_sets)


def week_summary(log: HistoryLog, today: date, target: int) -> WeekSummary:
    start = week_start(today)
    rows = log.read(
        "SELECT count(*) FROM sessions s WHERE s.started_at >= ? AND s.started_at < ? AND EXISTS "
        "(SELECT 1 FROM sets WHERE session_id = s.id AND outcome = 'done')",
        (_epoch(start), _epoch(start + timedelta(days=7))))
    return WeekSummary(start, rows[0][0] if rows else 0, target)


def last_time(log: HistoryLog, exercise: str, before: float | None = None) -> LastTime | None:
    """The most recent session with a set of `exercise` done: how many sets, how many reps, which version."""
    rows = log.read("SELECT session_id FROM sets WHERE exercise = ? AND outcome = 'done' AND at < ? "
                    "ORDER BY at DESC LIMIT 1", (exercise, before if before is not None else 1e12))
    if not rows:
        return None
    found = log.read("SELECT version, count(DISTINCT set_number), max(reps_done), max(seconds_done), max(at) "
                     "FROM sets WHERE session_id = ? AND +exercise = ? AND outcome = 'done' "  # +: by session
                     "GROUP BY version ORDER BY max(at) DESC LIMIT 1", (rows[0][0], exercise))
    if not found:
        return None
    version, sets, reps, seconds, at = found[0]
    return LastTime(exercise, version, sets, reps, seconds, at)


def weekly_volume(log: HistoryLog, since: date | None = None) -> dict[str, list[tuple[date, int, float, str]]]:
    """Per exercise, per week (Monday) with sets done: (week, sets, reps or seconds, the week's last version).

    Read from the `weekly` table the log's triggers keep up to date (schema.py): a few thousand rows for ten
    years, where summing the sets themselves took half a second."""
    first = (week_start(since) - _WEEK_ZERO).days // 7 if since else None  # None: every week, 1970 included
    rows = log.read("SELECT exercise, week, sets, volume, version FROM weekly WHERE (?1 IS NULL OR week >= ?1) "
                    "AND sets > 0 ORDER BY exercise, week", (first,))
    result: dict[str, list[tuple[date, int, float, str]]] = {}
    for exercise, week, sets, volume, version in rows:
        result.setdefault(exercise, []).append((_WEEK_ZERO + timedelta(weeks=week), sets, volume, version))
    return result


_WEEK_ZERO = date(2001, 1, 1)  # a Monday: week 0 in schema.WEEK


def as_json(session: SessionRecord) -> dict[str, Any]:
    data: dict[str, Any] = {f: getattr(session, f) for f in SessionRecord.__dataclass_fields__ if f != "sets"}
    data["sets"] = [{f: getattr(s, f) for f in SET_COLUMNS} for s in session.sets]
    return data
