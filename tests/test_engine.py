"""The session engine under a fake clock: deadlines, pause, skip, back, stalls, reps, saving."""

from __future__ import annotations

import json

import pytest

from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Beat, ExerciseDone, Finished, Paused, RepsChanged, SegmentStarted, SetDone
from hipfit_desktop.workout.plan import compile_plan


def started(events):
    return [e for e in events if isinstance(e, SegmentStarted)]


def test_start_shows_the_get_ready_countdown(small_plan, clock):
    session = Session(small_plan, clock)
    events = session.start()
    assert [e.segment.kind for e in started(events)] == ["get_ready"]
    assert session.remaining() == 10
    clock.advance(4.25)
    assert session.remaining() == pytest.approx(5.75)


def test_each_segment_starts_at_the_previous_deadline_so_lateness_never_adds_up(catalog, clock):
    """A late tick does not push the following deadlines back: the session stays on schedule."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session = Session(plan, clock)
    start = clock.now
    session.start()
    due = start
    for segment in plan.segments[:20]:
        due += segment.seconds
        clock.now = due + 0.3  # every tick noticed 300 ms late
        events = started(session.tick())
        assert events[0].scheduled == pytest.approx(due)
    assert session.remaining() == pytest.approx(plan.segments[20].seconds - 0.3)


def test_pausing_for_an_hour_keeps_the_remaining_seconds(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(3.5)
    session.pause()
    clock.advance(3600)
    assert session.tick() == [] and session.remaining() == pytest.approx(6.5)
    session.resume()
    assert session.remaining() == pytest.approx(6.5)
    clock.advance(6.5)
    assert started(session.tick())[0].segment.kind != "get_ready"
    assert session.active_seconds() == pytest.approx(10)


def test_countdown_beats_fire_three_two_one_before_a_rest_ends(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    beats = []
    for _ in range(100):
        clock.advance(0.1)
        beats += [(e.name, round(clock.now - 1000, 1)) for e in session.tick() if isinstance(e, Beat)]
    assert beats == [("3", 7.0), ("2", 8.0), ("1", 9.0)]


def test_long_stretch_has_halfway_and_thirty_seconds_left_beats(catalog, clock):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session = Session(plan, clock)
    session.start()
    session.jump_to_exercise(2)
    while session.segment.kind != "timed":
        clock.advance(session.remaining())
        session.tick()
    assert session.segment.seconds == 180
    names = []
    for _ in range(1800):
        clock.advance(0.1)
        names += [(e.name, round(180 - session.remaining(), 0)) for e in session.tick() if isinstance(e, Beat)]
        if session.segment.kind != "timed":
            break
    assert [n for n, _ in names] == ["halfway", "30s-left", "3", "2", "1"]
    assert names[0][1] == 90 and names[1][1] == 150


def test_after_a_stall_every_deadline_passes_in_order_and_only_now_is_fresh(catalog, clock):
    """Waking from a 25 s stall walks through all missed segments but only the current one is cued."""
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog), clock)
    session.start()
    clock.advance(25)
    events = session.tick()
    starts = started(events)
    assert [e.index for e in starts] == list(range(1, starts[-1].index + 1))
    assert all(e.stale for e in starts[:-1]) and not starts[-1].stale
    assert all(e.stale for e in events if isinstance(e, Beat))
    assert starts[-1].index > 3 and session.segment_elapsed() < session.segment.seconds
    assert session.active_seconds() == pytest.approx(25)


def test_a_stall_stops_at_a_self_paced_rep(small_plan, clock):
    """Time cannot run past a step that waits for the user."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(10_000)
    session.tick()
    assert session.segment.kind == "self_paced" and session.state == "running"


def test_self_paced_rep_counts_up_and_waits_for_the_user(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(10)
    session.tick()
    assert session.segment.kind == "self_paced" and session.remaining() is None
    clock.advance(42)
    assert session.tick() == [] and session.segment_elapsed() == pytest.approx(42)
    events = session.rep_done()
    assert started(events)[0].segment.rep == 2


def test_skip_leaves_the_whole_set_and_back_restarts_it(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.skip()  # out of get ready
    first_set = session.segment
    assert first_set.kind == "self_paced" and first_set.rep == 1
    session.rep_done()
    session.skip()  # the rest of the set on the first side
    assert session.segment.kind == "switch_sides"
    assert session.statuses[1] == "done" and session.statuses[2] == "skipped"
    session.back()  # just arrived: to the start of the previous block
    assert session.segment == first_set and session.statuses[2] is None
    clock.advance(5)
    session.rep_done()
    clock.advance(3)
    session.back()  # more than 2 s in: restart this set
    assert session.segment.rep == 1


def test_skip_while_paused_stays_paused_with_the_full_next_interval(catalog, clock):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session = Session(plan, clock)
    session.start()
    session.pause()
    session.skip()
    assert session.state == "paused" and session.remaining() == plan.segments[1].seconds


def test_jump_to_an_exercise(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.jump_to_exercise(2)
    assert session.segment.kind == "rest" and session.segment.exercise == "clamshell"
    with pytest.raises(IndexError):
        session.jump_to_exercise(99)


def test_changing_reps_mid_exercise_changes_the_set_under_way_and_those_to_come(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    assert session.can_change_reps() and session.current_reps() == 3 and session.upcoming_reps() == 3
    events = session.change_reps(5)
    assert [type(e) for e in events] == [RepsChanged]
    reps = [s.reps for s in session.plan.segments if s.exercise == "banded-side-step" and s.rep]
    assert set(reps) == {5} and len(reps) == 5 * 4


def test_finish_early_marks_the_rest_skipped(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(3)
    events = session.finish()
    assert events[-1] == Finished(early=True) and session.state == "finished"
    assert set(session.statuses) == {"ended"}
    assert session.active_seconds() == pytest.approx(3)


def test_a_whole_routine_runs_to_the_end(small_plan, clock):
    """Every set is reported done once, every exercise once, and the session finishes on its own."""
    session = Session(small_plan, clock)
    events = session.start()
    while session.state == "running":
        if session.segment.kind == "self_paced":
            clock.advance(2)
            events += session.rep_done()
        else:
            clock.advance(session.remaining())
            events += session.tick()
    sets = [e for e in events if isinstance(e, SetDone)]
    assert len(sets) == 3 * 2 * 2 + 2  # three one-sided exercises: 2 sets x 2 sides; the bridge: 2 sets
    assert [e.exercise for e in events if isinstance(e, ExerciseDone)] == [
        "banded-side-step", "banded-knee-drive", "clamshell", "glute-bridge"]
    assert events[-1] == Finished(early=False)
    assert set(session.statuses) == {"done"}


def test_snapshot_restores_where_the_user_was(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(12.5)
    session.tick()
    session.pause()
    saved = json.loads(json.dumps(session.snapshot()))
    restored = Session.restore(saved, clock, base=small_plan)
    assert restored.snapshot() == saved
    assert restored.segment == session.segment and restored.remaining() == session.remaining()
    restored.resume()
    assert restored.state == "running"


def test_a_command_just_after_a_deadline_carries_what_the_clock_passed(catalog, clock):
    """A key pressed before the timer noticed the end still reports the segments passed and the finish."""
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog), clock)
    session.start()
    clock.advance(10.01)
    events = session.pause()
    assert [e.segment.kind for e in started(events)] == ["up"] and isinstance(events[-1], Paused)
    session.resume()
    clock.advance(10_000)
    events = session.skip()
    assert isinstance(events[-1], Finished) and session.state == "finished"
    assert all(e.stale for e in started(events)[:-1]) and not started(events)[-1].stale


def test_a_snapshot_for_the_log_leaves_the_segments_out(small_plan, clock):
    """The log keeps the plan once per session; its checkpoints carry only where the session is."""
    session = Session(small_plan, clock)
    session.start()
    assert "segments" not in session.snapshot(segments=False)
    assert len(session.snapshot()["segments"]) == len(small_plan.segments)


def test_back_while_paused_restarts_the_set_and_stays_paused(small_plan, clock):
    """Paused mid-set to fix the band, the user presses Back: the set starts again, still paused."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()  # the get-ready: the first set begins
    first = session.segment
    session.rep_done()
    clock.advance(5)
    session.pause()
    session.back()
    assert session.segment == first and session.state == "paused"


def test_the_end_of_each_exercise_names_it_and_its_place_in_the_routine(small_plan, clock):
    """The coach rates the exercise just finished by its place: each end must carry the right one."""
    session = Session(small_plan, clock)
    done: list[ExerciseDone] = []
    session.subscribe(lambda event: done.append(event) if isinstance(event, ExerciseDone) else None)
    session.start()
    while session.state == "running":
        clock.advance(session.remaining() or 1)
        if session.segment.kind.startswith("self_paced"):
            session.rep_done()
        session.tick()
    assert [(e.exercise, e.exercise_index) for e in done] == [
        (item.exercise.id, index) for index, item in enumerate(small_plan.exercises)]
