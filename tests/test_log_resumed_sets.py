"""What the log holds when a session is resumed: the set under way counted once, a reps change and "Save and
quit" carried over a crash, and a session another window discarded meanwhile; real SQLite."""

from __future__ import annotations

from datetime import datetime

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.records.resume import discard, find_resumable, resume
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan


class Wall:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 18, 0).timestamp()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall():
    return Wall()


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def started(log, plan, clock, wall):
    session = Session(plan, clock)
    session.subscribe(SessionRecorder(log, session, now=wall))
    session.start()
    return session


def run(session, clock, wall, until=lambda s: False):
    while session.state == "running" and not until(session):
        seconds = 1.5 if session.segment.kind == "self_paced" else session.remaining()
        clock.advance(seconds)
        wall.now += seconds
        if session.segment.kind == "self_paced":
            session.rep_done()
        else:
            session.tick()


def after_a_crash(log, clock, wall, base):
    """What the next start does: a second log on the file, its offer taken, the session resumed and running."""
    again = HistoryLog(log.path)
    offer = find_resumable(again, now=wall)
    assert offer is not None and not offer.stale
    session, recorder = resume(again, offer, clock, base=base, now=wall)
    session.subscribe(recorder)
    session.resume()
    return again, session, recorder


def test_a_set_resumed_after_its_first_rep_counts_every_rep_once(log, catalog, clock, wall):
    """No get-ready, so the side step's first set opens the plan, a press per rep; a crash after its first rep,
    resumed: the set is one row, done, with all 3 reps (the one before the crash too)."""
    settings = Settings(get_ready_seconds=0, count_each_rep=True).with_exercise("banded-side-step", sets=2, reps=3)
    plan = compile_plan(catalog.routine("band-day"), catalog, settings)
    session = started(log, plan, clock, wall)
    run(session, clock, wall, until=lambda s: s.segment.rep == 2)
    again, session, _ = after_a_crash(log, clock, wall, plan)
    run(session, clock, wall, until=lambda s: s.segment.kind == "switch_sides")
    assert again.read("SELECT side, set_number, reps_planned, reps_done, outcome FROM sets") == [
        ("left", 1, 3, 3, "done")]
    assert again.problem is None
    again.close()


def test_a_reps_change_survives_a_crash(log, small_plan, clock, wall):
    """Side step set 2 changed to 5 reps during the rest, then a crash: the session resumes with 5 reps and
    logs them."""
    session = started(log, small_plan, clock, wall)
    run(session, clock, wall, until=lambda s: s.segment.kind == "rest")
    session.change_reps(5)
    again, resumed, _ = after_a_crash(log, clock, wall, small_plan)
    assert resumed.plan.segments == session.plan.segments
    run(resumed, clock, wall)
    assert again.read("SELECT side, reps_planned, reps_done, outcome FROM sets WHERE exercise = 'banded-side-step' "
                      "AND set_number = 2") == [("left", 5, 5, "done"), ("right", 5, 5, "done")]
    assert again.read("SELECT outcome FROM sessions") == [("finished",)] and again.problem is None
    again.close()


def test_save_and_quit_keeps_the_time_left_in_a_stretch(log, catalog, clock, wall):
    """Quitting 100 s into the 3-minute couch stretch with "Save and quit": it resumes with 80 s to go."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session = Session(plan, clock)
    recorder = SessionRecorder(log, session, now=wall)
    session.subscribe(recorder)
    session.start()
    session.jump_to_exercise(2)
    run(session, clock, wall, until=lambda s: s.segment.kind == "timed")
    clock.advance(100)
    recorder.checkpoint()
    again, resumed, _ = after_a_crash(log, clock, wall, plan)
    assert resumed.segment.exercise == "couch-stretch" and resumed.remaining() == 80
    again.close()


def test_resuming_a_session_another_window_has_discarded_logs_the_rest_as_a_new_one(log, small_plan, clock, wall):
    """Left open, then a whole session done in another window, which also discards the left one; this window
    resumes it anyway: the rest is still logged, as a session of its own, and "Discard" on quitting (it asks
    the recorder for its session) would remove that one, not a session that is gone."""
    session = started(log, small_plan, clock, wall)
    run(session, clock, wall, until=lambda s: s.index == 11)  # the last rep of the side step's set 2, left
    offer = find_resumable(log, now=wall)
    run(started(log, small_plan, clock, wall), clock, wall)  # the other window: a whole session
    assert discard(log, offer.session_id)
    resumed, recorder = resume(log, offer, clock, base=small_plan, now=wall)
    resumed.subscribe(recorder)
    resumed.resume()
    run(resumed, clock, wall)
    (other, _), (session_id, outcome) = log.read("SELECT id, outcome FROM sessions ORDER BY id")
    assert recorder.session_id == session_id != offer.session_id and outcome == "finished"
    assert log.read("SELECT side, set_number, reps_done, outcome FROM sets WHERE session_id = ? ORDER BY id LIMIT 2",
                    (session_id,)) == [("left", 2, 3, "done"), ("right", 2, 3, "done")]
