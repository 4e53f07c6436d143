"""The numbers of the report for a physiotherapist (`hipfit report`, and the same from the window): sessions
per week against the target, each exercise's version and volume per week, effort and pain per week, and the
left/right comparison. Plain values; `report_csv` writes the same numbers as CSV. The PDF is drawn in qt/."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..exercises.model import Catalog
from ..settings.model import Settings
from ..workout.plan import PlannedExercise, compile_plan
from .coach_rules import EFFORTS, PAINS
from .database import HistoryLog
from .queries import week_start, weekly_volume


@dataclass(frozen=True)
class WeekRow:
    start: date  # Monday
    sessions: int
    target: int
    effort: dict[str, int] = field(default_factory=dict)  # answer -> exercises rated so that week
    pain: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ExerciseWeek:
    exercise: str
    name: str
    start: date
    version: str  # the version's name, as the user reads it
    sets: int
    volume: float  # reps, or seconds of timed work


@dataclass(frozen=True)
class SideRow:
    exercise: str
    name: str
    reps_left: int
    reps_right: int
    harder_left: int  # sessions the left side was rated harder
    harder_right: int


@dataclass(frozen=True)
class ReportData:
    first: date
    last: date
    weeks: list[WeekRow]
    exercises: list[ExerciseWeek]
    sides: list[SideRow]


def _epoch(day: date) -> float:
    return datetime(day.year, day.month, day.day).timestamp()


def report_data(log: HistoryLog, catalog: Catalog, target: int, today: date, weeks: int = 6) -> ReportData:
    first = week_start(today) - timedelta(weeks=weeks - 1)
    starts = [first + timedelta(weeks=n) for n in range(weeks)]
    since, until = _epoch(first), _epoch(today + timedelta(days=1))
    sessions = Counter(week_start(datetime.fromtimestamp(at).date()) for (at,) in log.read(
        "SELECT s.started_at FROM sessions s WHERE s.started_at >= ? AND s.started_at < ? AND EXISTS "
        "(SELECT 1 FROM sets WHERE session_id = s.id AND outcome = 'done')", (since, until)))
    effort: dict[date, Counter[str]] = {s: Counter() for s in starts}
    pain: dict[date, Counter[str]] = {s: Counter() for s in starts}
    for at, said_effort, said_pain in log.read(
            "SELECT s.started_at, r.effort, r.pain FROM ratings r JOIN sessions s ON s.id = r.session_id "
            "WHERE s.started_at >= ? AND s.started_at < ?", (since, until)):
        week = week_start(datetime.fromtimestamp(at).date())
        if said_effort and week in effort:
            effort[week][said_effort] += 1
        if said_pain and week in pain:
            pain[week][said_pain] += 1
    rows = [WeekRow(s, sessions.get(s, 0), target, {e: effort[s][e] for e in EFFORTS},
                    {p: pain[s][p] for p in PAINS}) for s in starts]
    return ReportData(first, today, rows, _exercise_weeks(log, catalog, first), _sides(log, catalog, since, until))


def _name(catalog: Catalog, exercise: str) -> str:
    found = catalog.exercises.get(exercise)
    return found.name if found else exercise


def _version_name(catalog: Catalog, exercise: str, version: str) -> str:
    found = catalog.exercises.get(exercise)
    names = {p.id: p.name for p in found.progressions} if found else {}
    return names.get(version, version)


def _exercise_weeks(log: HistoryLog, catalog: Catalog, first: date) -> list[ExerciseWeek]:
    return [ExerciseWeek(exercise, _name(catalog, exercise), start, _version_name(catalog, exercise, version), sets,
                         volume)
            for exercise, weeks in weekly_volume(log, first).items() for start, sets, volume, version in weeks]


def _sides(log: HistoryLog, catalog: Catalog, since: float, until: float) -> list[SideRow]:
    rows = log.read(
        "SELECT t.exercise, sum(CASE WHEN t.side = 'left' THEN coalesce(t.reps_done, 0) ELSE 0 END), "
        "sum(CASE WHEN t.side = 'right' THEN coalesce(t.reps_done, 0) ELSE 0 END), "
        "(SELECT count(*) FROM ratings r JOIN sessions s2 ON s2.id = r.session_id WHERE r.exercise = t.exercise "
        " AND r.harder_side = 'left' AND s2.started_at >= ?1 AND s2.started_at < ?2), "
        "(SELECT count(*) FROM ratings r JOIN sessions s2 ON s2.id = r.session_id WHERE r.exercise = t.exercise "
        " AND r.harder_side = 'right' AND s2.started_at >= ?1 AND s2.started_at < ?2) "
        "FROM sets t JOIN sessions s ON s.id = t.session_id WHERE t.side != '' AND t.outcome = 'done' "
        "AND s.started_at >= ?1 AND s.started_at < ?2 GROUP BY t.exercise ORDER BY t.exercise", (since, until))
    return [SideRow(e, _name(catalog, e), int(left), int(right), int(hl), int(hr)) for e, left, right, hl, hr in rows]


CSV_HEADER = ("table", "week", "exercise", "measure", "value")


def report_csv(data: ReportData) -> str:
    """The report's numbers, one per row: `table` is weeks, exercises or sides."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for week in data.weeks:
        writer.writerow(("weeks", week.start.isoformat(), "", "sessions", week.sessions))
        writer.writerow(("weeks", week.start.isoformat(), "", "target", week.target))
        for answer, count in week.effort.items():
            writer.writerow(("weeks", week.start.isoformat(), "", f"effort {answer}", count))
        for answer, count in week.pain.items():
            writer.writerow(("weeks", week.start.isoformat(), "", f"pain {answer}", count))
    for row in data.exercises:
        week = row.start.isoformat()
        writer.writerow(("exercises", week, row.exercise, "version", row.version))
        writer.writerow(("exercises", week, row.exercise, "sets", row.sets))
        writer.writerow(("exercises", week, row.exercise, "volume", f"{row.volume:g}"))
    for side in data.sides:
        for measure in ("reps_left", "reps_right", "harder_left", "harder_right"):
            writer.writerow(("sides", "", side.exercise, measure, getattr(side, measure)))
    return out.getvalue()


def programme(catalog: Catalog, settings: Settings) -> list[PlannedExercise]:
    """The handout's exercises: the routine picked last, else the first routine, at the user's settings."""
    routine = settings.last_routine if settings.last_routine in catalog.routines else next(iter(catalog.routines))
    return list(compile_plan(catalog.routine(routine), catalog, settings).exercises)
