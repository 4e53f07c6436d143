"""Pause is one key that works wherever the user is; skipping a set whose reps are done records it done.

`small_plan` counts each own-pace rep (a press per rep); `one_press_plan` has one press per own-pace set;
`mobility` has a guided glute bridge (up 1 s, hold 2 s, down 2 s), 2 sets x 2, and timed work.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Paused, Resumed
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.summary import summarize


@pytest.fixture
def mobility(catalog):
    settings = Settings().with_exercise("glute-bridge", sets=2, reps=2)
    return compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings)


@pytest.fixture
def own_pace_hold(catalog):
    """The glute bridge at own pace, a press per rep, each press followed by its timed 2 s hold."""
    settings = Settings(count_each_rep=True).with_exercise("glute-bridge", sets=2, reps=2, pace="own")
    return compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings)


def run(session, clock, until):
    session.start()
    while session.state == "running" and not until(session.segment):
        if session.segment.seconds is None:
            clock.advance(2)
            session.rep_done()
        else:
            clock.advance(session.remaining())
            session.tick()
    return session


@pytest.mark.parametrize(("plan_name", "kind"), [
    ("mobility", "get_ready"), ("mobility", "up"), ("mobility", "hold"), ("mobility", "down"),
    ("mobility", "rest"), ("mobility", "timed"), ("mobility", "switch_sides"), ("small_plan", "self_paced"),
    ("one_press_plan", "self_paced_set"), ("own_pace_hold", "hold")])
def test_pause_and_resume_work_in_every_kind_of_step(request, clock, plan_name, kind):
    """The same key pauses and resumes; the time under way stands still in between."""
    session = run(Session(request.getfixturevalue(plan_name), clock), clock, lambda s: s.kind == kind)
    clock.advance(0.5)
    left, elapsed, index = session.remaining(), session.segment_elapsed(), session.index
    assert session.toggle_pause() == [Paused(index)] and session.state == "paused"
    clock.advance(300)
    assert (session.remaining(), session.segment_elapsed(), session.index) == (left, elapsed, index)
    assert session.toggle_pause() == [Resumed(index)] and session.state == "running"
    assert session.remaining() == left


def test_pause_works_right_after_the_last_press_of_a_set(small_plan, clock):
    """The third rep pressed: the set is done and the switch of sides under way; the key pauses it."""
    session = run(Session(small_plan, clock), clock, lambda s: s.kind == "self_paced" and s.rep == 3)
    session.rep_done()
    assert session.segment.kind == "switch_sides"
    session.toggle_pause()
    assert session.state == "paused" and session.remaining() == 8


def test_pause_just_after_a_deadline_the_timer_has_not_seen_pauses_the_next_step(mobility, clock):
    session = run(Session(mobility, clock), clock, lambda s: s.kind == "down" and s.rep == 2)
    clock.advance(session.remaining() + 0.2)  # the set ended 0.2 s ago; no tick yet
    events = session.toggle_pause()
    assert session.segment.kind == "rest" and session.state == "paused"
    assert isinstance(events[-1], Paused) and session.remaining() == pytest.approx(29.8)


def test_pause_before_the_start_and_after_the_end_does_nothing(small_plan, clock):
    session = Session(small_plan, clock)
    assert session.toggle_pause() == [] and session.state == "idle"
    session.start()
    session.finish()
    assert session.toggle_pause() == [] and session.state == "finished"


def test_skipping_the_lowering_of_the_last_rep_records_the_set_done(mobility, clock):
    """All reps done but the last lowering: Skip is "this set is finished", not a part-skipped set."""
    session = run(Session(mobility, clock), clock, lambda s: s.kind == "down" and s.rep == 2)
    clock.advance(0.5)
    session.skip()
    assert session.segment.kind == "rest" and session.statuses[session.index - 1] == "done"
    session.finish()
    summary = summarize(session)
    assert summary.skipped == () and summary.exercises[0].sets_done == 1 and summary.exercises[0].reps_done == 2


def test_skipping_the_hold_after_the_last_press_records_the_set_done(own_pace_hold, clock):
    """Own pace, a press per rep: after the last press the 2 s hold runs; Skip there keeps the set done."""
    session = run(Session(own_pace_hold, clock), clock, lambda s: s.kind == "hold" and s.rep == 2)
    session.skip()
    session.finish()
    assert summarize(session).skipped == () and summarize(session).exercises[0].reps_done == 2


def test_skipping_while_paused_in_the_last_phase_also_records_the_set_done(mobility, clock):
    session = run(Session(mobility, clock), clock, lambda s: s.kind == "down" and s.rep == 2)
    session.pause()
    session.skip()
    assert session.statuses[session.index - 1] == "done" and session.state == "paused"
    assert session.segment.kind == "rest" and session.remaining() == 30


@pytest.mark.parametrize("kind", ["up", "hold"])
def test_skipping_earlier_in_the_last_rep_is_still_a_part_skipped_set(mobility, clock, kind):
    session = run(Session(mobility, clock), clock, lambda s: s.kind == kind and s.rep == 2)
    session.skip()
    session.finish()
    summary = summarize(session)
    assert summary.skipped == ("Glute bridge, set 1 of 2 (part)",) and summary.exercises[0].reps_done == 1


def test_skipping_the_last_phase_of_a_set_missing_an_earlier_phase_is_not_done(mobility, clock):
    """Only a set whose every earlier phase was lived through counts as done."""
    session = run(Session(mobility, clock), clock, lambda s: s.kind == "down" and s.rep == 2)
    session.statuses[session.index - 1] = "skipped"  # as if the hold before had not been lived through
    session.skip()
    assert session.statuses[session.index - 1] == "skipped"


def test_skipping_the_last_own_pace_rep_before_its_press_is_not_done(small_plan, clock):
    session = run(Session(small_plan, clock), clock, lambda s: s.kind == "self_paced" and s.rep == 3)
    session.skip()
    session.finish()
    assert summarize(session).skipped == ("Banded side step, set 1 of 2, lead with left leg (part)",)
