"""Each row the training log keeps, field by field, as the history, export and the coach will read it."""

from __future__ import annotations

from datetime import datetime

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.exchange import export_csv
from hipfit_desktop.records.queries import sessions_between
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.settings.model import Settings
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


def band_day(catalog, **side_step):
    """Band day with the side step's sets and reps as given, the others cut to 2 x 3."""
    settings = Settings()
    for exercise in ("banded-knee-drive", "clamshell", "glute-bridge"):
        settings = settings.with_exercise(exercise, sets=2, reps=3)
    return compile_plan(catalog.routine("band-day"), catalog, settings.with_exercise("banded-side-step", **side_step))


def test_the_hold_logged_is_the_one_the_user_set(log, small_plan, catalog, clock):
    """A clamshell hold set to 3 s (lowering still takes 2 s) is logged as a 3 s hold."""
    settings = Settings()
    for exercise in ("banded-side-step", "banded-knee-drive", "glute-bridge"):
        settings = settings.with_exercise(exercise, sets=1, reps=1)
    plan = compile_plan(catalog.routine("band-day"), catalog, settings.with_exercise("clamshell", hold_seconds=3))
    session, wall = recorded(log, plan, clock)
    run(session, clock, wall)
    assert set(log.read("SELECT hold_seconds FROM sets WHERE exercise = 'clamshell'")) == {(3,)}


def test_sets_of_two_and_four_reps_are_logged_whole(log, catalog, clock):
    """A side step of 2 reps a set, then a clamshell of 4 guided reps: every set done, with all its reps."""
    settings = Settings().with_exercise("banded-side-step", sets=1, reps=2)
    settings = settings.with_exercise("banded-knee-drive", sets=1, reps=1).with_exercise("clamshell", sets=1, reps=4)
    plan = compile_plan(catalog.routine("band-day"), catalog, settings.with_exercise("glute-bridge", sets=1, reps=1))
    session, wall = recorded(log, plan, clock)
    run(session, clock, wall)
    rows = log.read("SELECT exercise, side, reps_done, outcome FROM sets WHERE exercise IN ('banded-side-step', "
                    "'clamshell') ORDER BY id")
    assert rows == [("banded-side-step", "left", 2, "done"), ("banded-side-step", "right", 2, "done"),
                    ("clamshell", "left", 4, "done"), ("clamshell", "right", 4, "done")]


def test_jumping_on_while_switching_sides_logs_the_other_side_skipped_and_keeps_the_first(log, catalog, clock):
    """One rep a side: after the left rep, jumping to the knee drive from the switch leaves left done, right
    skipped, each logged once."""
    session, wall = recorded(log, band_day(catalog, sets=1, reps=1), clock)
    run(session, clock, wall, until=lambda s: s.segment.kind == "switch_sides")
    session.jump_to_exercise(1)
    assert log.read("SELECT side, reps_done, outcome FROM sets ORDER BY id") == [("left", 1, "done"),
                                                                               ("right", 0, "skipped")]


def test_a_movement_jumped_over_logs_no_seconds(log, catalog, clock):
    """From the rest before the hip hinge straight to the couch stretch: both sides skipped, 0 s moved."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session, wall = recorded(log, plan, clock)
    session.jump_to_exercise(1)
    session.jump_to_exercise(2)
    rows = log.read("SELECT side, seconds_planned, seconds_done, outcome FROM sets WHERE exercise = "
                    "'hip-hinge-rotation' ORDER BY id")
    assert rows == [("left", 30, 0.0, "skipped"), ("right", 30, 0.0, "skipped")]


def test_going_back_to_a_movement_and_jumping_over_it_keeps_it_done_with_its_seconds(log, catalog, clock):
    """The hip hinge done (30 s a side), then, a minute later, the outline back to it and on past it: it stays
    done, 30 s a side, at the time it was done."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session, wall = recorded(log, plan, clock)
    session.jump_to_exercise(1)
    run(session, clock, wall, until=lambda s: s.segment.exercise == "couch-stretch")
    hinge = "SELECT side, seconds_done, outcome, at FROM sets WHERE exercise = 'hip-hinge-rotation'"
    done = log.read(hinge)
    assert [row[:3] for row in done] == [("left", 30.0, "done"), ("right", 30.0, "done")]
    wall.now += 60
    session.jump_to_exercise(1)
    session.jump_to_exercise(2)
    assert log.read(hinge) == done


def test_a_set_skipped_before_a_jump_keeps_its_row(log, small_plan, clock):
    """The side step's first set skipped after one rep, then, a minute later, a jump on from the switch: that set
    still reads skipped with its 1 rep, at the time it was skipped; the sets jumped over are skipped with none."""
    session, wall = recorded(log, small_plan, clock)
    run(session, clock, wall, until=lambda s: s.segment.rep == 2)
    session.skip()
    first = "SELECT side, set_number, reps_done, outcome, at FROM sets ORDER BY id LIMIT 1"
    skipped = log.read(first)
    assert [row[:4] for row in skipped] == [("left", 1, 1, "skipped")]
    wall.now += 60
    session.jump_to_exercise(1)
    assert log.read(first) == skipped
    assert log.read("SELECT side, set_number, reps_done, outcome FROM sets ORDER BY id") == [
        ("left", 1, 1, "skipped"), ("right", 1, 0, "skipped"), ("left", 2, 0, "skipped"), ("right", 2, 0, "skipped")]


class TickingWallClock(WallClock):
    """Like the real wall clock, a little later at every reading."""

    def __call__(self) -> float:
        self.now += 0.001
        return self.now


def test_sets_left_by_one_jump_are_listed_in_the_routines_order(log, small_plan, clock):
    """Jumping on from the first rep: the set under way comes first in the history and the export, then the sets
    passed over, all stamped with the moment of the jump."""
    session = Session(small_plan, clock)
    wall = TickingWallClock(datetime(2026, 11, 25, 18, 0).timestamp())
    session.subscribe(SessionRecorder(log, session, now=wall))
    session.start()
    run(session, clock, wall, until=lambda s: s.segment.kind == "self_paced")
    session.jump_to_exercise(1)
    lines = [line.split(",") for line in export_csv(log).splitlines()[1:]]
    assert [(line[6], line[7], line[-2]) for line in lines] == [
        ("left", "1", "skipped"), ("right", "1", "skipped"), ("left", "2", "skipped"), ("right", "2", "skipped")]
    assert len(set(log.read("SELECT at FROM sets"))) == 1
    (history,) = sessions_between(log, 0, wall.now + 1, with_sets=True)
    assert [(s.side, s.set_number) for s in history.sets] == [("left", 1), ("right", 1), ("left", 2), ("right", 2)]
