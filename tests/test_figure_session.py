"""The figure follows the engine under a fake clock: where the timer is, the figure is, through pause, skip,
back and a stall; it moves only on UP, DOWN and a looping timed movement."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.model import Routine, RoutineItem
from hipfit_desktop.figure.book import load_figures
from hipfit_desktop.figure.motion import loop_pose, pose_at
from hipfit_desktop.figure.session import is_moving, moment_of, pose_for_session
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan


@pytest.fixture
def book(catalog):  # per test: mutation testing maps each test to the code it runs
    return load_figures(catalog.exercises)


def routine(*items: RoutineItem) -> Routine:
    return Routine("test", "Test", "", items, None, "test", 1)


@pytest.fixture
def clamshells(catalog, clock):
    """Get ready 10 s, then clamshell with a band: 2 sets x 2 reps of up 1 s, hold 2 s, down 2 s per side."""
    settings = Settings().with_exercise("clamshell", progression="banded")
    plan = compile_plan(routine(RoutineItem("clamshell", sets=2, reps=2)), catalog, settings)
    session = Session(plan, clock)
    session.start()
    return session


def go_to(session, clock, kind, rep=1):
    """Let the clock run (ticking like the driver) until a segment of `kind` and `rep` starts."""
    for _ in range(1000):
        if session.segment.kind == kind and session.segment.rep in (rep, None):
            return
        clock.advance(session.remaining() or 0.0)
        session.tick()
    raise AssertionError(f"never reached {kind}")


def assert_same(pose, expected):
    """The same picture, up to float rounding in the clock arithmetic."""
    assert pose.points.keys() == expected.points.keys()
    for name, point in expected.points.items():
        assert pose.points[name] == pytest.approx(point), name


def figure_pose(book, progress, side="left"):
    figure, props = book.get("clamshell", "banded")
    return pose_at(figure, props, progress, side)


def test_get_ready_shows_the_coming_exercise_s_start_pose_on_its_first_side_still(clamshells, book):
    moment = moment_of(clamshells)
    assert (moment.exercise, moment.version, moment.side, moment.progress) == ("clamshell", "banded", "left", 0.0)
    assert pose_for_session(clamshells, book) == figure_pose(book, 0.0)
    assert not is_moving(book, moment)


def test_up_runs_start_to_end_hold_stays_at_the_end_and_down_runs_back(clamshells, clock, book):
    go_to(clamshells, clock, "up")
    clock.advance(0.25)
    assert moment_of(clamshells).progress == pytest.approx(0.25)
    assert pose_for_session(clamshells, book) == figure_pose(book, 0.25)
    assert is_moving(book, moment_of(clamshells))
    clock.advance(0.75)
    clamshells.tick()
    assert clamshells.segment.kind == "hold"
    clock.advance(1.5)
    assert moment_of(clamshells).progress == 1.0 and not is_moving(book, moment_of(clamshells))
    assert moment_of(clamshells).elapsed is None  # only timed work has a loop clock
    clock.advance(0.5)
    clamshells.tick()
    clock.advance(0.5)  # a quarter of the 2 s down
    assert clamshells.segment.kind == "down" and moment_of(clamshells).progress == pytest.approx(0.75)
    assert is_moving(book, moment_of(clamshells))


def test_progress_is_the_share_of_the_segment_s_time_gone_by_its_deadline(clamshells, clock):
    go_to(clamshells, clock, "down")
    for step in (0.3, 0.7, 0.9):
        clock.advance(step / 2)
        remaining = clamshells.remaining()
        assert moment_of(clamshells).progress == pytest.approx(remaining / 2)  # down: from the end back
    clock.advance(5.0)  # past the deadline, not yet noticed: the figure stops at the start, never beyond
    assert moment_of(clamshells).progress == 0.0


def test_a_pause_freezes_the_figure_where_it_is_and_resume_carries_on_from_there(clamshells, clock, book):
    go_to(clamshells, clock, "up")
    clock.advance(0.4)
    clamshells.pause()
    frozen = pose_for_session(clamshells, book)
    clock.advance(3600)
    assert moment_of(clamshells).progress == pytest.approx(0.4) and pose_for_session(clamshells, book) == frozen
    assert not is_moving(book, moment_of(clamshells))
    clamshells.resume()
    assert is_moving(book, moment_of(clamshells))
    clock.advance(0.2)
    assert moment_of(clamshells).progress == pytest.approx(0.6)


def test_skip_shows_the_next_block_s_start_pose_on_its_side(clamshells, clock, book):
    go_to(clamshells, clock, "down", rep=2)
    clock.advance(1.0)
    clamshells.skip()
    moment = moment_of(clamshells)
    assert clamshells.segment.kind == "switch_sides"
    assert (moment.side, moment.progress, moment.running) == ("right", 0.0, True)
    assert pose_for_session(clamshells, book) == figure_pose(book, 0.0, "right")
    assert not is_moving(book, moment)


def test_back_restarts_the_set_from_the_start_pose(clamshells, clock):
    go_to(clamshells, clock, "down", rep=2)
    clock.advance(1.0)
    clamshells.back()
    assert (clamshells.segment.kind, clamshells.segment.rep) == ("up", 1)
    assert moment_of(clamshells).progress == 0.0
    clock.advance(0.5)
    assert moment_of(clamshells).progress == pytest.approx(0.5)


def test_after_a_stall_the_figure_is_where_the_engine_catches_up_to(clamshells, clock, book):
    go_to(clamshells, clock, "up")
    clock.advance(1.0 + 2.0 + 1.5)  # the loop slept through the up and the hold, 1.5 s into the down
    clamshells.tick()
    assert clamshells.segment.kind == "down" and moment_of(clamshells).progress == pytest.approx(0.25)
    assert pose_for_session(clamshells, book) == figure_pose(book, 0.25)


def test_own_pace_shows_the_end_pose_still_because_the_user_sets_the_tempo(catalog, clock, book):
    plan = compile_plan(routine(RoutineItem("squat", sets=1, reps=2)), catalog)
    session = Session(plan, clock)
    session.start()
    assert moment_of(session).side is None  # a two-sided exercise's get-ready names no side
    go_to(session, clock, "self_paced_set")  # at own pace, a whole set ends with one press
    clock.advance(2.5)
    moment = moment_of(session)
    assert (moment.progress, moment.side) == (1.0, None) and not is_moving(book, moment)
    assert pose_for_session(session, book) == pose_at(*book.get("squat", "squat"), 1.0)


def test_a_timed_movement_loops_on_the_engine_s_seconds_and_a_stretch_holds_still(catalog, clock, book):
    plan = compile_plan(routine(RoutineItem("hip-hinge-rotation", sets=1, seconds=30),
                                RoutineItem("couch-stretch", seconds=60)), catalog)
    session = Session(plan, clock)
    session.start()
    assert (moment_of(session).side, moment_of(session).elapsed) == ("left", None)  # get ready: the first side
    go_to(session, clock, "timed")
    clock.advance(6.5)
    moment = moment_of(session)
    assert moment.elapsed == pytest.approx(6.5) and moment.progress == 1.0 and is_moving(book, moment)
    assert pose_for_session(session, book) == loop_pose(*book.get("hip-hinge-rotation"), 6.5, "left")
    session.skip()  # the switch to the right foot, then the right side's 30 s
    go_to(session, clock, "timed")
    clock.advance(1.5)
    assert_same(pose_for_session(session, book), loop_pose(*book.get("hip-hinge-rotation"), 1.5, "right"))
    session.pause()
    assert not is_moving(book, moment_of(session))
    session.resume()
    while session.segment.exercise != "couch-stretch" or session.segment.kind != "timed":
        session.skip()
    clock.advance(20)
    moment = moment_of(session)
    assert not is_moving(book, moment)
    assert pose_for_session(session, book) == pose_at(*book.get("couch-stretch", "position-1"), 1.0, "left")


def test_nothing_is_drawn_once_the_session_is_over(clamshells, book):
    clamshells.finish()
    assert moment_of(clamshells) is None and pose_for_session(clamshells, book) is None
    assert not is_moving(book, None)


def test_a_session_restored_without_its_preview_draws_the_exercise_s_first_version(clamshells, clock, book):
    go_to(clamshells, clock, "up")
    restored = Session.restore(clamshells.snapshot(), clock)
    assert moment_of(restored).version is None
    assert pose_for_session(restored, book) == pose_at(*book.get("clamshell", "no-band"), 0.0, "left")


COUCH_FIGURES = """\
schema: 1
figures:
  - exercise: couch-stretch
    versions:
      position-1:
    view: side
    anchor: hip
    wall: true
    start: a
    end: b
    keyframes:
      - {name: a, trunk: 0, head: 0, left_hip: 0, left_knee: 0, left_ankle: 90, right_hip: 0, right_knee: 0,
         right_ankle: 90, left_shoulder: 0, left_elbow: 0, right_shoulder: 0, right_elbow: 0}
      - {name: b, trunk: 30}
  - exercise: couch-stretch
    versions:
      position-2:
      position-3:
    view: side
    anchor: hip
    wall: true
    start: a
    end: b
    loop: {keyframes: [a, b], seconds: 4}
    keyframes:
      - {name: a, trunk: 0, head: 0, left_hip: 0, left_knee: 0, left_ankle: 90, right_hip: 0, right_knee: 0,
         right_ankle: 90, left_shoulder: 0, left_elbow: 0, right_shoulder: 0, right_elbow: 0}
      - {name: b, trunk: 30}
"""


@pytest.mark.parametrize(("version", "moving"), [("position-1", False), ("position-2", True)])
def test_whether_a_timed_figure_moves_depends_on_the_version_the_plan_chose(catalog, clock, version, moving):
    from hipfit_desktop.figure.book import parse_figures

    book = parse_figures(COUCH_FIGURES, "figures.yaml", {"couch-stretch": catalog.exercises["couch-stretch"]})
    settings = Settings().with_exercise("couch-stretch", progression=version)
    session = Session(compile_plan(routine(RoutineItem("couch-stretch", seconds=60)), catalog, settings), clock)
    session.start()
    go_to(session, clock, "timed")
    clock.advance(1.0)
    moment = moment_of(session)
    assert is_moving(book, moment) is moving
    figure, props = book.get("couch-stretch", version)
    expected = loop_pose(figure, props, 1.0, "left") if moving else pose_at(figure, props, 1.0, "left")
    assert_same(pose_for_session(session, book), expected)

