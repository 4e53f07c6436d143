"""The couch stretch is held *up to* three minutes: ending it early is the hold done, with the time held."""

from __future__ import annotations

import pytest

from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import SetDone
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.summary import summarize


@pytest.fixture
def session(catalog, clock):
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog), clock)
    session.start()
    session.jump_to_exercise(2)  # the rest before the couch stretch
    session.skip()
    assert session.segment.phase == "STRETCH" and session.segment.side == "left"
    return session


def test_ending_the_stretch_early_counts_it_done_with_the_seconds_held(session, clock):
    clock.advance(100)
    events = session.skip()
    assert session.statuses[session.index - 1] == "done"
    assert any(isinstance(e, SetDone) for e in events)
    assert session.segment.kind == "switch_sides"
    couch = summarize(session).exercises[-1]
    assert couch.seconds_done == pytest.approx(100)


def test_a_pause_before_ending_the_stretch_does_not_count_as_held(session, clock):
    clock.advance(40)
    session.pause()
    clock.advance(500)
    session.skip()
    assert session.state == "paused" and session.segment.kind == "switch_sides"
    assert summarize(session).exercises[-1].seconds_done == pytest.approx(40)


def test_both_legs_held_in_full_add_up_to_six_minutes(session, clock):
    while session.state == "running":
        clock.advance(session.remaining())
        session.tick()
    couch = summarize(session).exercises[-1]
    assert (couch.sets_done, couch.sets_planned, couch.seconds_done) == (2, 2, pytest.approx(360))


def test_skipping_a_timed_movement_is_still_a_skip(catalog, clock):
    """The hip hinge's 30 s are a movement to do, not a hold to end early: skipping it is reported skipped."""
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog), clock)
    session.start()
    session.jump_to_exercise(1)
    session.skip()  # the rest, into the hinge's first 30 s
    clock.advance(10)
    session.skip()
    session.finish()
    assert "Standing hip hinge with rotation, set 1 of 1, left foot lifted" in summarize(session).skipped
