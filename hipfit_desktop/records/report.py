"""The history as text, for `hipfit history`: the week against the target, then each session and its sets."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..workout.plan import Plan
from .database import HistoryLog
from .queries import LastTime, SessionRecord, SetRecord, WeekSummary, last_time

DEFAULT_WEEKLY_TARGET = 3  # the article: three to four workouts a week


def week_line(week: WeekSummary) -> str:
    plural = "" if week.target == 1 else "s"
    return f"This week (from {week.start:%a %d %b}): {week.workouts} of {week.target} workout{plural}"


def format_history(sessions: list[SessionRecord], week: WeekSummary, weeks: int,
                   names: Mapping[str, str] | None = None) -> str:
    """`names`: exercise id -> name (the catalogue's); an id it lacks is shown as it is."""
    names = names or {}
    lines = [week_line(week), ""]
    if not sessions:
        lines.append(f"No sessions in the last {weeks} week{'s' if weeks != 1 else ''}.")
        return "\n".join(lines)
    for session in reversed(sessions):  # newest first
        started = datetime.fromtimestamp(session.started_at)
        state = session.outcome or "not finished (resume offered in the window)"
        minutes = f", {round(session.active_seconds / 60)} min" if session.active_seconds else ""
        lines.append(f"{started:%a %d %b %Y %H:%M}  {session.routine_name} ({session.level}): {state}, "
                     f"{session.sets_done} sets, {session.reps_done} reps{minutes}")
        for exercise, sets in _by_exercise(session.sets).items():
            lines.append(f"    {names.get(exercise, exercise)} ({sets[0].version}): {_sets_text(sets)}")
    return "\n".join(lines)


def _by_exercise(sets: tuple[SetRecord, ...]) -> dict[str, list[SetRecord]]:
    grouped: dict[str, list[SetRecord]] = {}
    for one in sorted(sets, key=lambda s: (s.position, s.set_number, s.side)):
        grouped.setdefault(one.exercise, []).append(one)
    return grouped


def _sets_text(sets: list[SetRecord]) -> str:
    """"3 × 15 left, 3 × 15 right" for what was done; skipped and ended sets counted after."""
    parts = []
    for side in dict.fromkeys(s.side for s in sets):
        done = [s for s in sets if s.side == side and s.outcome == "done"]
        if not done:
            continue
        amount = (f"{max(s.reps_done or 0 for s in done)}" if done[0].reps_done is not None
                  else f"{round(max(s.seconds_done or 0 for s in done))} s")
        parts.append(f"{len(done)} × {amount}" + (f" {side}" if side else ""))
    missed = [s.outcome for s in sets if s.outcome != "done"]
    for outcome in ("skipped", "ended early"):
        if missed.count(outcome):
            parts.append(f"{missed.count(outcome)} {outcome}")
    return ", ".join(parts)


def last_time_text(last: LastTime, version_name: str, now: float) -> str:
    """"last time: 3 × 15, band above the knees, 2 days ago" (a timed exercise: "2 × 2:30")."""
    if last.reps is not None:
        amount = f"{last.sets} × {last.reps}"
    else:
        minutes, seconds = divmod(round(last.seconds or 0), 60)
        amount = f"{last.sets} × {minutes}:{seconds:02d}"
    days = (datetime.fromtimestamp(now).date() - datetime.fromtimestamp(last.at).date()).days
    when = "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"
    return f"last time: {amount}, {version_name.lower()}, {when}"


def last_times_for(log: HistoryLog, plan: Plan, now: float) -> dict[str, str]:
    """Exercise id -> its "last time" line, for the exercises of `plan` that are in the log."""
    lines = {}
    for item in plan.exercises:
        last = last_time(log, item.exercise.id)
        if last is None:
            continue
        names = {step.id: step.name for step in item.exercise.progressions}
        lines[item.exercise.id] = last_time_text(last, names.get(last.version, last.version), now)
    return lines
