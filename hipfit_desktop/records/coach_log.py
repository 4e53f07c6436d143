"""The coach and the training log: ratings, the morning-after answer and "Not yet" in, outcomes out.

Every function takes the `HistoryLog`; writes go through `log.write` (never raising into a workout), and a
log that cannot be read gives empty answers.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence

from ..exercises.model import Catalog
from ..settings.model import Settings
from ..workout.plan import plan_exercise
from .coach import Outcome, Suggestion, suggestions, waiting
from .coach_rules import EFFORTS, MORNINGS, PAINS, SIDES, CoachRules
from .database import HistoryLog

RECENT_SESSIONS = 12  # sessions read for the rules: more than any rule looks back


def rate(log: HistoryLog, uid: str, position: int, exercise: str, *, effort: str | None = None,
         pain: str | None = None, harder_side: str | None = None) -> bool:
    """Record one answer (or more) for the session `uid`; answers given before for the same exercise are kept.
    By uid, like the recorder: queued behind the session's own row, it never waits to learn the id."""
    for value, allowed in ((effort, EFFORTS), (pain, PAINS), (harder_side, SIDES)):
        if value is not None and value not in allowed:
            raise ValueError(f"expected one of {', '.join(allowed)}, got {value!r}")

    def change(db: sqlite3.Connection) -> None:
        db.execute("INSERT INTO ratings (session_id, position, exercise, effort, pain, harder_side) "
                   "SELECT id, ?, ?, ?, ?, ? FROM sessions WHERE uid = ? "
                   "ON CONFLICT (session_id, position) DO UPDATE SET "
                   "effort = coalesce(excluded.effort, effort), pain = coalesce(excluded.pain, pain), "
                   "harder_side = coalesce(excluded.harder_side, harder_side)",
                   (position, exercise, effort, pain, harder_side, uid))
    return log.write(change)


def session_to_ask_about(log: HistoryLog, today_began: float) -> int | None:
    """The last session, if it ended before today began (local midnight, Unix seconds) and nobody was asked
    about its morning after yet: asked once, at the next start on a later day."""
    rows = log.read("SELECT id, ended_at FROM sessions WHERE ended_at IS NOT NULL ORDER BY started_at DESC LIMIT 1")
    if not rows or rows[0][1] >= today_began:
        return None
    if log.read("SELECT 1 FROM mornings WHERE session_id = ?", (rows[0][0],)):
        return None
    return int(rows[0][0])


def morning_after(log: HistoryLog, session_id: int, feeling: str | None) -> bool:
    """`feeling` None: the question was skipped, and is not asked again."""
    if feeling is not None and feeling not in MORNINGS:
        raise ValueError(f"expected one of {', '.join(MORNINGS)}, got {feeling!r}")
    return log.write(lambda db: db.execute("INSERT OR REPLACE INTO mornings VALUES (?, ?)", (session_id, feeling)))


def sessions_logged(log: HistoryLog) -> int:
    rows = log.read("SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL")
    return int(rows[0][0]) if rows else 0


def put_off(log: HistoryLog, suggestion: Suggestion) -> bool:
    """"Not yet": the suggestion waits until enough more sessions are logged."""
    count = sessions_logged(log)
    return log.write(lambda db: db.execute("INSERT OR REPLACE INTO put_off VALUES (?, ?)", (suggestion.key, count)))


def put_off_keys(log: HistoryLog) -> dict[str, int]:
    return {key: count for key, count in log.read("SELECT suggestion, sessions_logged FROM put_off")}


def outcomes(log: HistoryLog, sessions: int = RECENT_SESSIONS) -> dict[str, list[Outcome]]:
    """Each exercise's outcome in the last `sessions` ended sessions, oldest first."""
    rows = log.read(
        "SELECT s.id, t.exercise, t.version, t.side, t.outcome, t.reps_planned, t.reps_done, t.seconds_planned, "
        "t.seconds_done, r.effort, r.pain, r.harder_side, m.feeling "
        "FROM (SELECT id, started_at FROM sessions WHERE ended_at IS NOT NULL ORDER BY started_at DESC LIMIT ?) s "
        "JOIN sets t ON t.session_id = s.id "
        "LEFT JOIN ratings r ON r.session_id = s.id AND r.position = t.position "
        "LEFT JOIN mornings m ON m.session_id = s.id "
        "ORDER BY s.started_at, t.position, t.set_number, t.side", (sessions,))
    grouped: dict[tuple[int, str], list[tuple]] = defaultdict(list)
    for row in rows:
        grouped[(row[0], row[1])].append(row)
    found: dict[str, list[Outcome]] = defaultdict(list)
    for (_, exercise), sets in grouped.items():
        found[exercise].append(_outcome(sets))
    return dict(found)


def _full(row: tuple) -> bool:
    """A set done at its planned count (half a second's grace for timed work: the timer rounds)."""
    outcome, reps_planned, reps_done, seconds_planned, seconds_done = row[4:9]
    return (outcome == "done" and (reps_done or 0) >= (reps_planned or 0)
            and (seconds_done or 0) + 0.5 >= (seconds_planned or 0))


def _outcome(sets: Sequence[tuple]) -> Outcome:
    by_side = {"left": 0, "right": 0}
    for row in sets:
        if row[3] in by_side and row[4] == "done":
            by_side[row[3]] += row[6] or 0
    last = sets[-1]
    return Outcome(version=last[2], full_count=all(_full(row) for row in sets), effort=last[9], pain=last[10],
                   harder_side=last[11], reps_left=by_side["left"], reps_right=by_side["right"],
                   morning_after=last[12])


def advice(log: HistoryLog, catalog: Catalog, settings: Settings, rules: CoachRules) -> list[Suggestion]:
    """What the coach says now about the exercises in the log, less what the user put off."""
    history = outcomes(log)
    items = [plan_exercise(catalog.exercises[e], catalog, settings) for e in history if e in catalog.exercises]
    found = suggestions(items, history, settings, rules)
    return waiting(found, put_off_keys(log), sessions_logged(log), rules)
