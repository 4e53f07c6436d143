"""The hero of the session screen per phase: rep count during sets, the countdown elsewhere, side and word."""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.describe import countdown_text
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.hero import Hero, hero
from hipfit_desktop.workout.plan import compile_plan


def run_to(session, clock, found):
    session.start()
    for _ in range(1000):
        if found(session.segment):
            return session
        if session.segment.seconds is None:
            session.rep_done()
        else:
            clock.advance(session.remaining())
            session.tick()
    raise AssertionError("never got there")


@pytest.fixture
def mobility(catalog):
    """Glute bridge 2 x 15 guided (up 1, hold 2, down 2), hip hinge 30 s a side, couch stretch."""
    return compile_plan(catalog.routine("couch-stretch-mobility"), catalog, Settings().with_exercise(
        "glute-bridge", sets=2))


def test_get_ready_shows_its_seconds(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(2.5)
    assert hero(session) == Hero(kind="get_ready", number="8", caption="seconds left", phase_word="GET READY",
                                 side="LEFT", progress=0.25, seconds_left=7.5)


def test_a_guided_rep_shows_the_count_with_the_rep_under_way_and_its_tempo(mobility, clock):
    session = run_to(Session(mobility, clock), clock, lambda s: s.kind == "up" and s.rep == 8)
    shown = hero(session)
    assert (shown.number, shown.caption, shown.rep, shown.reps) == ("8 / 15", "reps", 8, 15)
    assert (shown.tempo, shown.phase_word, shown.progress, shown.side) == ("up", "UP", 0.0, None)
    assert shown.seconds_left is None
    clock.advance(1)
    session.tick()
    shown = hero(session)
    assert (shown.number, shown.tempo, shown.phase_word) == ("8 / 15", "hold", "HOLD")
    clock.advance(1)
    assert hero(session).progress == pytest.approx(0.5)
    clock.advance(1)
    session.tick()
    assert (hero(session).tempo, hero(session).phase_word) == ("down", "DOWN")


def test_an_own_pace_set_shows_its_whole_count_at_your_pace(one_press_plan, clock):
    session = run_to(Session(one_press_plan, clock), clock, lambda s: s.kind == "self_paced_set")
    assert hero(session) == Hero(kind="self_paced_set", number="3", caption="reps, your pace",
                                 phase_word="YOUR PACE", side="LEFT", reps=3)


def test_counting_each_rep_shows_the_rep_under_way(small_plan, clock):
    session = run_to(Session(small_plan, clock), clock, lambda s: s.kind == "self_paced")
    session.rep_done()
    shown = hero(session)
    assert (shown.number, shown.caption, shown.tempo, shown.side, shown.progress) == (
        "2 / 3", "reps, your pace", None, "LEFT", None)


def test_rest_and_switch_sides_show_their_countdown_and_the_side_that_comes(small_plan, clock):
    session = run_to(Session(small_plan, clock), clock, lambda s: s.kind == "switch_sides")
    clock.advance(0.2)
    assert hero(session) == Hero(kind="switch_sides", number="8", caption="seconds left",
                                 phase_word="SWITCH SIDES", side="RIGHT", progress=pytest.approx(0.025),
                                 seconds_left=pytest.approx(7.8))
    run_to(session, clock, lambda s: s.kind == "rest")
    shown = hero(session)
    assert (shown.number, shown.phase_word, shown.side) == ("30", "REST", "LEFT")


def test_timed_work_shows_minutes_and_seconds_from_a_minute(mobility, clock):
    session = run_to(Session(mobility, clock), clock, lambda s: s.exercise == "couch-stretch" and s.kind == "timed")
    shown = hero(session)
    assert (shown.number, shown.caption, shown.phase_word, shown.side) == ("3:00", "left", "STRETCH", "LEFT")
    clock.advance(121)
    shown = hero(session)
    assert (shown.number, shown.caption, shown.seconds_left) == ("59", "seconds left", pytest.approx(59))


def test_paused_the_hero_stands_still_and_says_so(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(3)
    session.pause()
    clock.advance(50)
    shown = hero(session)
    assert (shown.number, shown.paused, shown.progress) == ("7", True, pytest.approx(0.3))


def test_at_the_end_there_is_no_number_and_no_side(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.finish()
    assert hero(session) == Hero(kind="get_ready", number="", caption="", phase_word="DONE", side=None)
    session = run_to(Session(small_plan, clock), clock, lambda s: s.kind == "done")
    assert hero(session) == Hero(kind="done", number="", caption="", phase_word="DONE", side=None)


@pytest.mark.parametrize(("seconds", "text"), [(0, "0"), (0.01, "1"), (9.99, "10"), (59.5, "1:00"), (60, "1:00"),
                                               (61, "1:01"), (3600, "1:00:00")])
def test_a_countdown_rounds_up_so_it_reaches_0_at_the_deadline(seconds, text):
    assert countdown_text(seconds) == text


def test_before_a_two_sided_exercise_there_is_no_side(mobility, clock):
    session = Session(mobility, clock)
    session.start()
    assert hero(session).side is None  # the glute bridge is done on both legs at once


def test_the_rest_before_a_one_sided_exercise_shows_the_side_it_starts_on(small_plan, clock):
    """Between the side step and the knee drive the badge already says LEFT, the knee drive's first side."""
    session = Session(small_plan, clock)
    session.start()
    session.jump_to_exercise(1)
    assert (session.segment.kind, session.segment.side) == ("rest", None)
    assert hero(session).side == "LEFT"


def test_the_last_step_before_the_end_has_its_hero(small_plan, clock):
    session = run_to(Session(small_plan, clock), clock, lambda s: s.exercise == "glute-bridge" and s.set == 2
                     and s.rep == 3 and s.kind == "down")
    assert session.plan.segments[session.index + 1].kind == "done"
    assert (hero(session).number, hero(session).side) == ("3 / 3", None)
