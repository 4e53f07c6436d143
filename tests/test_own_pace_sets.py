"""One press per own-pace set: the engine, the summary, the log, the cues and resume count its reps right.

`one_press_plan` (tests/conftest.py) is Band day cut to 2 sets x 3 reps as the app plans it by default:
segment 0 is the 10 s get-ready, 1 the side step's first set on the left (one step, one press), 2 the 8 s
switch of sides, 3 the right side, 4 the 30 s rest before set 2. Own-pace reps are estimated at 3 s each.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from hipfit_desktop.exercises.strictyaml import load_text
from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.records.resume import find_resumable, resume
from hipfit_desktop.settings.model import Settings, read_settings, settings_text
from hipfit_desktop.workout.cues import CuePlanner, DefaultSound
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import SegmentEnded, SegmentStarted, SetDone
from hipfit_desktop.workout.summary import summarize

SIDE_STEP = "Banded side step"


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def to_first_set(session, clock):
    session.start()
    clock.advance(10)
    session.tick()
    return session


def test_the_whole_set_is_one_step_ended_by_one_press(one_press_plan, clock):
    session = to_first_set(Session(one_press_plan, clock), clock)
    segment = session.segment
    assert (segment.kind, segment.seconds, segment.reps, segment.rep, segment.side) == (
        "self_paced_set", None, 3, None, "left")
    assert segment.phase == "YOUR PACE" and session.remaining() is None
    clock.advance(40)
    events = session.rep_done()
    assert [type(e) for e in events] == [SegmentEnded, SetDone, SegmentStarted]
    assert events[0].outcome == "done" and events[2].segment.kind == "switch_sides"
    assert session.spent[1] == pytest.approx(40)


def test_time_does_not_run_past_an_own_pace_set(one_press_plan, clock):
    session = to_first_set(Session(one_press_plan, clock), clock)
    clock.advance(3600)
    assert session.tick() == [] and session.index == 1 and session.state == "running"


def test_the_time_left_counts_the_sets_reps_at_their_estimate(one_press_plan, clock):
    """Three reps at about 3 s each: 9 s for the set, less what has gone by, never below nothing."""
    session = to_first_set(Session(one_press_plan, clock), clock)
    ahead = sum(s.seconds if s.seconds is not None else 9 for s in one_press_plan.segments[2:])
    assert session.remaining_total() == pytest.approx(9 + ahead)
    clock.advance(4)
    assert session.remaining_total() == pytest.approx(5 + ahead)
    clock.advance(60)
    assert session.remaining_total() == pytest.approx(ahead)


def test_the_summary_counts_all_the_reps_of_a_pressed_set_and_none_of_a_skipped_one(one_press_plan, clock):
    session = to_first_set(Session(one_press_plan, clock), clock)
    session.rep_done()
    clock.advance(8)
    session.tick()
    session.skip()  # the right side, not done
    session.finish()
    tally = summarize(session).exercises[0]
    assert (tally.name, tally.sets_done, tally.sets_planned, tally.reps_done, tally.counts_reps) == (
        SIDE_STEP, 1, 4, 3, True)
    assert summarize(session).skipped == (f"{SIDE_STEP}, set 1 of 2, lead with right leg",)


def test_the_log_has_the_sets_reps_and_a_resumed_session_counts_on(log, one_press_plan, clock):
    """The first side pressed done is logged with 3 reps; after a crash in the second the session resumes
    there, and its press logs 3 more."""
    wall = lambda: datetime(2026, 11, 25, 18, 0).timestamp()  # noqa: E731
    session = Session(one_press_plan, clock)
    session.subscribe(SessionRecorder(log, session, now=wall))
    to_first_set(session, clock)
    session.rep_done()
    clock.advance(8)
    session.tick()  # the right side under way: the app is killed here
    log.flush()
    offer = find_resumable(log, now=wall)
    resumed, recorder = resume(log, offer, clock, base=one_press_plan, now=wall)
    resumed.subscribe(recorder)
    assert resumed.segment.kind == "self_paced_set" and resumed.segment.side == "right"
    resumed.resume()
    resumed.rep_done()
    log.flush()
    rows = log.read("SELECT side, reps_planned, reps_done, outcome FROM sets ORDER BY id")
    assert rows == [("left", 3, 3, "done"), ("right", 3, 3, "done")]


def test_a_skipped_own_pace_set_is_logged_with_no_reps(log, one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.subscribe(SessionRecorder(log, session))
    to_first_set(session, clock)
    session.skip()
    log.flush()
    assert log.read("SELECT reps_planned, reps_done, outcome FROM sets") == [(3, 0, "skipped")]


def test_a_hold_of_an_own_pace_set_is_logged_and_said(log, catalog, clock):
    """Glute bridge switched to own pace with its 2 s hold: the set's words and the log carry the hold."""
    from hipfit_desktop.workout.plan import compile_plan

    settings = Settings().with_exercise("glute-bridge", pace="own", sets=1, reps=4)
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock)
    planner = CuePlanner(DefaultSound(voice=True), plan=lambda: session.plan, clock=clock)
    said = []
    session.subscribe(lambda event: said.append(getattr(planner.handle(event), "speech", None)))
    session.subscribe(SessionRecorder(log, session))
    to_first_set(session, clock)
    assert said[-1] == "4 reps at your own pace, holding 2 seconds at the top of each. Press once when the set is done."
    session.rep_done()
    log.flush()
    assert log.read("SELECT reps_done, hold_seconds, outcome FROM sets") == [(4, 2, "done")]


def test_the_start_of_an_own_pace_set_is_go_and_says_the_count(one_press_plan, clock):
    session = Session(one_press_plan, clock)
    planner = CuePlanner(DefaultSound(voice=True), plan=lambda: session.plan, clock=clock)
    cues = []
    session.subscribe(lambda event: cues.append(planner.handle(event)))
    to_first_set(session, clock)
    cue = cues[-1]
    assert (cue.tone, cue.speech, cue.speech_window) == (
        "go", "3 reps at your own pace. Press once when the set is done.", None)


def test_more_reps_for_the_sets_to_come_change_an_own_pace_set(one_press_plan, clock):
    session = to_first_set(Session(one_press_plan, clock), clock)
    session.rep_done()
    assert session.upcoming_reps() == 3
    session.change_reps(5)
    right = session.plan.segments[3]
    assert (right.kind, right.reps) == ("self_paced_set", 5)
    assert right.prompt == "5 reps at your own pace; one press when the set is done"


def test_count_each_rep_is_kept_in_the_settings_file(catalog):
    text = settings_text(Settings(count_each_rep=True))
    assert "count_each_rep: true" in text
    assert read_settings(load_text(text, "settings.yaml"), "settings.yaml", catalog).settings.count_each_rep
    assert "count_each_rep" not in settings_text(Settings())


def test_a_count_each_rep_that_is_not_true_or_false_is_a_warning_and_the_default(catalog):
    parsed = read_settings(load_text("version: 1\ncount_each_rep: often\n", "settings.yaml"), "settings.yaml",
                           catalog)
    assert parsed.settings.count_each_rep is False
    assert parsed.warnings and parsed.warnings[0].startswith("settings.yaml:2: count_each_rep:")
