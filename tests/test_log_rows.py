"""Each row the training log keeps, field by field, as the history, export and the coach will read it."""

from __future__ import annotations

from datetime import datetime

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan


class WallClock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def run(session, clock, wall, until=lambda s: False, rep_seconds=1.5):
    while session.state == "running" and not until(session):
        seconds = rep_seconds if session.segment.seconds is None else session.remaining()
        clock.advance(seconds)
        wall.now += seconds
        if session.segment.seconds is None:
            session.rep_done()
        else:
            session.tick()


def recorded(log, plan, clock):
    wall = WallClock(datetime(2026, 11, 25, 18, 0).timestamp())
    session = Session(plan, clock)
    session.subscribe(SessionRecorder(log, session, now=wall))
    session.start()
    return session, wall


def test_a_guided_set_row_has_its_version_counts_and_hold(log, small_plan, clock):
    """Clamshell (left, set 1): version no-band, 2 sets planned, 3 of 3 reps with a 2 s hold, done."""
    session, wall = recorded(log, small_plan, clock)
    run(session, clock, wall)
    rows = log.read("SELECT position, exercise, version, side, set_number, sets_planned, reps_planned, reps_done, "
                    "hold_seconds, seconds_planned, seconds_done, outcome FROM sets WHERE exercise = 'clamshell' "
                    "ORDER BY id")
    assert rows[0] == (2, "clamshell", "no-band", "left", 1, 2, 3, 3, 2, None, None, "done")
    assert [r[3:5] for r in rows] == [("left", 1), ("right", 1), ("left", 2), ("right", 2)]
    bridge = log.read("SELECT side, hold_seconds FROM sets WHERE exercise = 'glute-bridge'")
    assert bridge == [("", 2), ("", 2)]  # both sides at once: no side


def test_the_session_row_keeps_the_time_exercised(log, small_plan, clock):
    session, wall = recorded(log, small_plan, clock)
    run(session, clock, wall)
    (active, outcome), = log.read("SELECT active_seconds, outcome FROM sessions")
    assert outcome == "finished" and active == pytest.approx(session.active_seconds())
    assert active > 100


def test_timed_work_keeps_the_seconds_to_the_millisecond_and_no_reps(log, catalog, clock):
    """A couch stretch ended after 95.1234 s is logged done with 95.123 s held; reps mean nothing there."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session, wall = recorded(log, plan, clock)
    session.jump_to_exercise(2)
    session.skip()
    clock.advance(95.1234)
    session.skip()
    rows = log.read("SELECT side, reps_planned, reps_done, seconds_planned, seconds_done, outcome FROM sets "
                    "WHERE exercise = 'couch-stretch'")
    assert rows == [("left", None, None, 180, 95.123, "done")]


def test_a_skipped_movement_keeps_the_seconds_moved(log, catalog, clock):
    """The hip hinge skipped after 10 s is 'skipped', with the 10 s that were moved."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session, wall = recorded(log, plan, clock)
    session.jump_to_exercise(1)
    session.skip()
    clock.advance(10)
    session.skip()
    rows = log.read("SELECT side, seconds_done, outcome FROM sets WHERE exercise = 'hip-hinge-rotation'")
    assert rows == [("left", 10.0, "skipped")]


def test_jumping_ahead_logs_each_passed_set_once_with_its_own_number(log, small_plan, clock):
    session, wall = recorded(log, small_plan, clock)
    session.jump_to_exercise(1)
    rows = log.read("SELECT exercise, side, set_number, sets_planned, outcome FROM sets ORDER BY id")
    assert rows == [("banded-side-step", side, n, 2, "skipped") for n in (1, 2) for side in ("left", "right")]
