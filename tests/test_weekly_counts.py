"""The log's tables: weeks start on Monday in local time, the weekly counts follow every set, rows stay valid."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime

import pytest

from hipfit_desktop.records import schema
from hipfit_desktop.records.database import HistoryLog

# Days from Monday 2001-01-01 to Monday 2026-11-23: 25 years with 6 leap days, then 326 days: 9457 = 1351 weeks.
WEEK_OF_23_NOV_2026 = 1351


@pytest.fixture
def far_east(monkeypatch):
    """Local time 12 hours ahead of UTC, so a Monday just after midnight is still Sunday in UTC."""
    monkeypatch.setenv("TZ", "XXX-12")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "history.sqlite3")
    assert opened.write(lambda db: db.execute(
        "INSERT INTO sessions (id, uid, routine, routine_name, level, started_at) VALUES (1, 'u', 'r', 'R', 'b', 0)"))
    yield opened
    opened.close()


def at(*when):
    return datetime(*when).timestamp()


def add_set(log, set_number, when, reps=None, seconds=None, outcome="done", version="v1", exercise="clamshell"):
    assert log.write(lambda db: db.execute(
        "INSERT INTO sets (session_id, position, exercise, version, set_number, sets_planned, reps_done, "
        "seconds_done, outcome, at) VALUES (1, 0, ?, ?, ?, 3, ?, ?, ?, ?)",
        (exercise, version, set_number, reps, seconds, outcome, when)))


def weekly(log):
    return log.read("SELECT exercise, week, sets, volume, version, last_at FROM weekly ORDER BY exercise, week")


def test_weeks_start_on_monday_in_local_time(log, far_east):
    """Sunday 23:30 belongs to the week before; Monday 00:30 starts week 1351, Sunday 23:00 still in it."""
    add_set(log, 1, at(2026, 11, 22, 23, 30), reps=5)
    add_set(log, 2, at(2026, 11, 23, 0, 30), reps=10)
    add_set(log, 3, at(2026, 11, 29, 23, 0), seconds=30.5, version="v2")
    assert weekly(log) == [
        ("clamshell", WEEK_OF_23_NOV_2026 - 1, 1, 5.0, "v1", at(2026, 11, 22, 23, 30)),
        ("clamshell", WEEK_OF_23_NOV_2026, 2, 40.5, "v2", at(2026, 11, 29, 23, 0)),
    ]


def test_the_weeks_version_is_its_latest_sets_even_when_logged_out_of_order(log, far_east):
    """A set stamped earlier (an import) does not change the week's version or last time; one at the same time does."""
    add_set(log, 1, at(2026, 11, 24, 10), reps=8, version="v2")
    add_set(log, 2, at(2026, 11, 23, 10), reps=6, version="v1")
    assert weekly(log) == [("clamshell", WEEK_OF_23_NOV_2026, 2, 14.0, "v2", at(2026, 11, 24, 10))]
    add_set(log, 3, at(2026, 11, 24, 10), reps=1, version="v3")
    assert weekly(log) == [("clamshell", WEEK_OF_23_NOV_2026, 3, 15.0, "v3", at(2026, 11, 24, 10))]


def test_only_done_sets_count_and_changes_follow_them(log, far_east):
    """Skipped sets are not counted; a set redone, skipped after all, or deleted moves the counts with it."""
    monday = at(2026, 11, 23, 9)
    add_set(log, 1, monday, reps=4, outcome="skipped")
    assert weekly(log) == []
    log.write(lambda db: db.execute("UPDATE sets SET outcome = 'done', reps_done = 12 WHERE set_number = 1"))
    assert weekly(log) == [("clamshell", WEEK_OF_23_NOV_2026, 1, 12.0, "v1", monday)]
    add_set(log, 2, monday, reps=10)
    log.write(lambda db: db.execute("UPDATE sets SET reps_done = 9 WHERE set_number = 2"))
    assert weekly(log)[0][2:4] == (2, 21.0)
    log.write(lambda db: db.execute("UPDATE sets SET outcome = 'skipped' WHERE set_number = 1"))
    assert weekly(log)[0][2:4] == (1, 9.0)
    log.write(lambda db: db.execute("DELETE FROM sets WHERE set_number = 2"))
    assert weekly(log)[0][2:4] == (0, 0.0)
    log.write(lambda db: db.execute("DELETE FROM sets WHERE set_number = 1"))  # skipped: nothing to take away
    assert weekly(log)[0][2:4] == (0, 0.0)


def test_timed_sets_count_their_seconds_and_each_exercise_its_own_week(log, far_east):
    """Seconds held add to the volume as reps do, and leave it when the set is redone or discarded."""
    monday = at(2026, 11, 23, 9)
    add_set(log, 1, monday, seconds=20.0, exercise="couch-stretch")
    add_set(log, 2, monday, reps=3)
    add_set(log, 3, monday, reps=None, seconds=None)
    assert weekly(log) == [
        ("clamshell", WEEK_OF_23_NOV_2026, 2, 3.0, "v1", monday),
        ("couch-stretch", WEEK_OF_23_NOV_2026, 1, 20.0, "v1", monday),
    ]
    log.write(lambda db: db.execute("UPDATE sets SET seconds_done = 25.0 WHERE exercise = 'couch-stretch'"))
    assert weekly(log)[1][2:4] == (1, 25.0)  # held again after Back: the new seconds replace the old
    log.write(lambda db: db.execute("DELETE FROM sets WHERE exercise = 'couch-stretch'"))
    assert weekly(log)[1][2:4] == (0, 0.0) and weekly(log)[0][2:4] == (2, 3.0)


def test_a_set_row_is_one_per_set_and_side_and_says_both_sides_as_empty(log):
    """The same set and side twice is refused; a two-sided set's side is ''."""
    add_set(log, 1, 100.0, reps=3)
    assert log.read("SELECT side FROM sets") == [("",)]
    db = sqlite3.connect(log.path)
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO sets (session_id, position, exercise, version, set_number, sets_planned, outcome, at) "
                   "VALUES (1, 0, 'clamshell', 'v1', 1, 3, 'done', 1)")
    db.execute("INSERT INTO sets (session_id, position, exercise, version, side, set_number, sets_planned, outcome, "
               "at) VALUES (1, 0, 'clamshell', 'v1', 'left', 1, 3, 'done', 1)")
    db.close()


@pytest.mark.parametrize("statement", [
    "INSERT INTO sets (session_id, position, exercise, version, set_number, sets_planned, outcome, at) "
    "VALUES (1, 0, 'clamshell', 'v1', 1, 3, 'half done', 1)",
    "UPDATE sessions SET outcome = 'paused'",
    "INSERT INTO sessions (uid, routine, routine_name, level, started_at) VALUES ('u', 'r', 'R', 'b', 0)",
    "INSERT INTO sets (session_id, position, exercise, version, set_number, sets_planned, outcome, at) "
    "VALUES (2, 0, 'clamshell', 'v1', 1, 3, 'done', 1)",
])
def test_rows_that_would_not_make_sense_are_refused(log, statement):
    """An unknown outcome, a second session with the same uid, a set of no session: the log refuses them."""
    with pytest.raises(sqlite3.IntegrityError):
        log._db.execute(statement)


def test_the_allowed_outcomes_are_kept(log):
    """Finished and ended early sessions; done, ended early and skipped sets."""
    for outcome in ("finished", "ended early"):
        log.write(lambda db, o=outcome: db.execute("UPDATE sessions SET outcome = ?", (o,)))
        assert log.read("SELECT outcome FROM sessions") == [(outcome,)]
    for number, outcome in enumerate(("done", "ended early", "skipped"), 1):
        add_set(log, number, 100.0, reps=1, outcome=outcome)
    assert log.read("SELECT outcome FROM sets ORDER BY set_number") == [("done",), ("ended early",), ("skipped",)]


def test_deleting_a_session_takes_its_sets_plan_and_checkpoint_along(log):
    """Nothing of a deleted session is left behind."""
    add_set(log, 1, 100.0, reps=3)
    log.write(lambda db: db.execute("INSERT INTO plans VALUES (1, '[]', '{}')"))
    log.write(lambda db: db.execute("INSERT INTO checkpoints VALUES (1, '{}', 1.0, 1)"))
    log.write(lambda db: db.execute("DELETE FROM sessions"))
    for table in ("sets", "plans", "checkpoints"):
        assert log.read(f"SELECT count(*) FROM {table}") == [(0,)], table


def test_the_schema_has_one_version():
    """Version 1, then 2 (the coach's ratings)."""
    assert schema.SCHEMA_VERSION == len(schema.MIGRATIONS) == 2
