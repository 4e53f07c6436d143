"""The session's controls at their edges: what the user sees after each key, at the moments where it matters.

Counts in the band-day plan of the `small_plan` fixture (2 sets x 3 reps): segment 0 is the 10 s get-ready,
1-3 the first set's own-pace reps (leading with the left leg), 4 the 8 s switch of sides, 5-7 the right
side, 8 the 30 s rest before set 2. Own-pace reps are estimated at 3 s each (data/exercises.yaml).
"""

from __future__ import annotations

import dataclasses

import pytest

from hipfit_desktop.workout.cues import CuePlanner
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Finished, Paused, Resumed, SegmentEnded, SegmentStarted
from hipfit_desktop.workout.summary import summarize


def started(events):
    return [e for e in events if isinstance(e, SegmentStarted)]


def ended(events):
    return [e for e in events if isinstance(e, SegmentEnded)]


def run_to_the_end(session, clock, rep_seconds=2.0):
    events = []
    while session.state == "running":
        if session.segment.kind == "self_paced":
            clock.advance(rep_seconds)
            events += session.rep_done()
        else:
            clock.advance(session.remaining())
            events += session.tick()
    return events


# --- a plan the engine can run --------------------------------------------------------------------------

def test_a_plan_that_does_not_end_on_done_is_refused(small_plan):
    """Without its DONE segment a session could never finish: the engine refuses such a plan up front."""
    with pytest.raises(ValueError, match="ends with a done segment"):
        Session(dataclasses.replace(small_plan, segments=small_plan.segments[:-1]))
    with pytest.raises(ValueError, match="ends with a done segment"):
        Session(dataclasses.replace(small_plan, segments=()))


def test_start_twice_does_not_restart_the_session(small_plan, clock):
    """A second Start (a double press) leaves the session where it is, clock and all."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(4)
    assert session.start() == []
    assert session.index == 0 and session.remaining() == pytest.approx(6)


def test_finish_before_start_does_nothing(small_plan, clock):
    """Leaving before starting is not an abandoned workout: no events, nothing marked ended."""
    session = Session(small_plan, clock)
    assert session.finish() == []
    assert session.state == "idle" and set(session.statuses) == {None}
    session.start()
    session.finish()
    assert session.finish() == []  # and leaving twice reports it once


def test_resume_reports_where_the_user_picks_up(small_plan, clock):
    """Pause and resume each tell the listeners (cues, log) which segment they happened in."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    assert session.pause() == [Paused(1)]
    assert session.resume() == [Resumed(1)]
    assert session.resume() == []  # not paused: nothing to resume


# --- what is left --------------------------------------------------------------------------------------

def test_time_left_counts_down_with_the_clock_and_stops_while_paused(small_plan, clock):
    """The 'time left' line drops second by second while running and holds still while paused."""
    session = Session(small_plan, clock)
    total = session.remaining_total()
    own_pace_reps = sum(1 for s in small_plan.segments if s.seconds is None)
    timed = sum(s.seconds or 0 for s in small_plan.segments)
    assert total == pytest.approx(timed + 3 * own_pace_reps)  # before Start: the whole plan
    session.start()
    clock.advance(4)
    assert session.remaining_total() == pytest.approx(total - 4)
    session.pause()
    clock.advance(600)
    assert session.remaining_total() == pytest.approx(total - 4)


def test_time_left_in_an_own_pace_rep_uses_the_estimate_until_it_runs_out(small_plan, clock):
    """A rep at your own pace counts as 3 s: after 1 s, 2 s of it are left; after 10 s, none (never below)."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(10)
    session.tick()  # now in the first own-pace rep
    after_this_rep = session.remaining_total() - 3
    clock.advance(1)
    assert session.remaining_total() == pytest.approx(after_this_rep + 2)
    clock.advance(9)
    assert session.remaining_total() == pytest.approx(after_this_rep)


def test_time_left_is_zero_once_finished(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    run_to_the_end(session, clock)
    assert session.remaining_total() == 0


def test_the_driver_wakes_for_each_countdown_beat_then_the_deadline(small_plan, clock):
    """During the 10 s get-ready the next wake-up is at 3, 2, 1 s before its end, then the end itself."""
    session = Session(small_plan, clock)
    assert session.next_wakeup() is None  # not started
    start = clock.now
    session.start()
    assert session.next_wakeup() == pytest.approx(start + 7)
    clock.advance(7)
    session.tick()
    assert session.next_wakeup() == pytest.approx(start + 8)
    clock.advance(2)
    session.tick()
    assert session.next_wakeup() == pytest.approx(start + 10)
    session.pause()
    assert session.next_wakeup() is None  # paused: nothing to wake for
    session.resume()
    clock.advance(1)
    session.tick()
    assert session.segment.kind == "self_paced" and session.next_wakeup() is None  # the user ends it


# --- a key pressed just after a deadline ----------------------------------------------------------------

def test_a_rep_press_just_after_the_get_ready_ends_reports_the_get_ready_done(small_plan, clock):
    """The get-ready's end is never lost to a key pressed before the timer noticed it."""
    session = Session(small_plan, clock)
    start = clock.now
    session.start()
    clock.advance(10.2)
    events = session.rep_done()
    assert [(e.index, e.outcome) for e in ended(events)][0] == (0, "done")
    assert started(events)[0].scheduled == pytest.approx(start + 10)


def test_leaving_just_after_a_deadline_counts_that_segment_as_done(small_plan, clock):
    """Esc pressed 0.2 s after the get-ready ended: the get-ready was done, the first rep was the one left."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(10.2)
    events = session.finish()
    assert session.statuses[0] == "done" and session.statuses[1] == "ended"
    assert events[-1] == Finished(early=True)


# --- skip, back and jump never silence the next cue -----------------------------------------------------

@pytest.mark.parametrize("command", ["start", "skip", "back", "jump"])
def test_the_segment_a_key_leads_to_is_cued(small_plan, clock, command):
    """After Start, Skip, Back or a jump the user hears the segment they arrive in."""
    session = Session(small_plan, clock)
    planner = CuePlanner(plan=small_plan, clock=clock)
    events = session.start()
    if command != "start":
        clock.advance(5)
        session.tick()
        events = {"skip": session.skip, "back": session.back,
                  "jump": lambda: session.jump_to_exercise(2)}[command]()
    arrival = started(events)[-1]
    assert not arrival.stale
    cues = [planner.handle(e) for e in events]
    if arrival.segment.kind == "get_ready":  # the user has just pressed a key: words, no tone
        assert cues[-1] is None or cues[-1].tone is None
    else:
        assert any(c is not None and c.tone for c in cues)


# --- back: restart this block, or go to the one before ---------------------------------------------------

def test_back_within_two_seconds_goes_to_the_previous_block(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.skip()  # the first own-pace set
    session.skip()  # the switch of sides
    clock.advance(1.9)
    session.back()
    assert session.index == 1  # the first set again


def test_back_after_two_seconds_restarts_the_current_block(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    session.skip()  # the switch of sides, 8 s
    clock.advance(2.0)
    session.back()
    assert session.index == 4 and session.remaining() == 8


def test_back_at_the_very_start_stays_on_the_get_ready(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(0.5)
    session.back()
    assert session.index == 0 and session.remaining() == 10


# --- changing reps keeps the session whole -------------------------------------------------------------

def test_a_reps_change_in_the_last_exercise_still_ends_on_done(small_plan, clock):
    """More reps in the final exercise: the session still runs to DONE and every set is counted."""
    session = Session(small_plan, clock)
    session.start()
    session.jump_to_exercise(3)  # the glute bridge, last of band day
    session.change_reps(4)
    assert session.plan.segments[-1].kind == "done"
    events = run_to_the_end(session, clock)
    assert events[-1] == Finished(early=False)
    summary = summarize(session)
    bridge = summary.exercises[-1]
    assert (bridge.sets_done, bridge.sets_planned, bridge.reps_done) == (2, 2, 8)


def test_a_reps_change_counts_every_rep_done_in_the_summary(small_plan, clock):
    """Side steps changed from 3 to 5 reps after the first side of set 1: 3 + 5 + 5 + 5 reps are reported."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(10)
    session.tick()
    for _ in range(3):
        clock.advance(2)
        session.rep_done()
    session.change_reps(5)
    run_to_the_end(session, clock)
    side_steps = summarize(session).exercises[0]
    assert (side_steps.sets_done, side_steps.reps_done) == (4, 3 + 5 + 5 + 5)
    assert set(session.statuses) == {"done"}


def test_one_rep_per_set_is_allowed(small_plan, clock):
    """One rep, the lowest count there is, gives sets of a single rep."""
    session = Session(small_plan, clock)
    session.start()
    session.change_reps(1)
    first_side_step_sets = [s for s in session.plan.segments if s.exercise == "banded-side-step" and s.rep]
    assert [(s.rep, s.reps) for s in first_side_step_sets] == [(1, 1)] * 4


# --- the countdown's last moments ----------------------------------------------------------------------

def test_the_countdown_shows_the_last_half_second_and_keeps_it_through_a_pause(small_plan, clock):
    """Half a second before the get-ready ends the display says 0.5 s, and a pause right then keeps 0.5 s."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(9.5)
    assert session.remaining() == pytest.approx(0.5)
    session.pause()
    clock.advance(30)
    assert session.remaining() == pytest.approx(0.5)


def test_a_finished_session_shows_nothing_left(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    run_to_the_end(session, clock)
    assert session.remaining() == 0 and session.remaining_total() == 0


def test_leaving_early_leaves_no_time_ahead(small_plan, clock):
    """After Esc in the first set, the 'time left' is 0, not the whole session still planned."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    session.finish()
    assert session.remaining_total() == 0


# --- keys that mean nothing at that moment ---------------------------------------------------------------

def test_rep_done_outside_an_own_pace_rep_changes_nothing(small_plan, clock):
    """Space as 'rep done' during the get-ready countdown neither ends it nor skips it."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(2)
    assert session.rep_done() == []
    assert session.index == 0 and session.remaining() == pytest.approx(8)


def test_rep_done_while_paused_changes_nothing(small_plan, clock):
    """A rep cannot be counted while the session is paused: the user resumes first."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    session.pause()
    assert session.rep_done() == []
    assert session.index == 1 and session.statuses[1] is None


@pytest.mark.parametrize("command", ["skip", "back", "jump", "finish"])
def test_moving_while_paused_works_and_stays_paused(small_plan, clock, command):
    """Skip, Back, a jump and Leave all work from the pause screen; only Leave ends the pause."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    session.skip()  # the switch of sides
    clock.advance(3)
    session.pause()
    {"skip": session.skip, "back": session.back, "jump": lambda: session.jump_to_exercise(2),
     "finish": session.finish}[command]()
    expected = {"skip": (5, "paused"), "back": (4, "paused"), "jump": (32, "paused"), "finish": (4, "finished")}
    assert (session.index, session.state) == expected[command]


def test_jumping_to_an_exercise_the_routine_does_not_have_names_it(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    with pytest.raises(IndexError, match="no exercise 99"):
        session.jump_to_exercise(99)


# --- back and skip keep the record straight ---------------------------------------------------------------

def test_back_right_after_the_get_ready_returns_to_it(small_plan, clock):
    """The first set starts at the second segment: Back within 2 s goes to the get-ready before it."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(10)
    session.tick()
    clock.advance(1)
    session.back()
    assert session.index == 0 and session.segment.kind == "get_ready"


def test_back_in_the_middle_of_a_later_set_restarts_that_set(small_plan, clock):
    """Back during rep 2 of set 2 restarts set 2, not the whole exercise."""
    session = Session(small_plan, clock)
    session.start()
    for _ in range(5):
        session.skip()  # set 1 left, switch, set 1 right, rest, then set 2 left, rep 1 (segment 9)
    session.rep_done()
    clock.advance(3)
    session.back()
    assert session.index == 9 and (session.segment.set, session.segment.rep) == (2, 1)


def test_going_back_keeps_the_sets_already_done(small_plan, clock):
    """Restarting a set never forgets the sets finished before it."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    for _ in range(3):
        session.rep_done()  # the first set, left, done
    clock.advance(8)
    session.tick()  # the switch of sides passes
    clock.advance(3)
    session.back()  # restart the right side
    assert session.statuses[1:4] == ["done"] * 3
    session.finish()
    assert summarize(session).sets_done == 1


def test_leaving_late_keeps_the_first_sets_done(small_plan, clock):
    """Leaving in the middle of the session counts the sets already done as done, the rest as ended."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    for _ in range(3):
        session.rep_done()
    for _ in range(3):
        session.skip()
    session.finish()
    assert session.statuses[1:4] == ["done"] * 3 and session.statuses[-1] == "ended"
    assert summarize(session).sets_done == 1


def test_jumping_past_a_timed_set_reports_it_skipped(catalog, clock):
    """Jumping from the get-ready to the couch stretch lists the bridge's and the hinge's sets as skipped."""
    from hipfit_desktop.workout.plan import compile_plan

    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    session = Session(plan, clock)
    session.start()
    session.jump_to_exercise(1)  # the rest before the hip hinge
    session.jump_to_exercise(2)  # the rest before the couch stretch
    session.finish()
    assert summarize(session).skipped == (
        "Glute bridge, set 1 of 1",
        "Standing hip hinge with rotation, set 1 of 1, left foot lifted",
        "Standing hip hinge with rotation, set 1 of 1, right foot lifted")


# --- changing reps: when it is offered, what it reports ---------------------------------------------------

def test_reps_can_be_changed_before_start_and_while_paused(small_plan, clock):
    session = Session(small_plan, clock)
    assert session.can_change_reps()
    session.start()
    session.pause()
    assert session.can_change_reps()


def test_reps_can_be_changed_in_an_exercises_last_set(small_plan, clock):
    """In the bridge's last set, the set under way is the one + and - change; the session still ends on DONE."""
    session = Session(small_plan, clock)
    session.start()
    last_set = next(i for i, s in enumerate(small_plan.segments) if s.exercise == "glute-bridge" and s.set == 2
                    and s.rep == 1)
    session.jump_to_exercise(3)
    while session.index < last_set:
        session.skip()
    assert session.index == last_set and session.can_change_reps() and session.upcoming_reps() is None
    assert [(e.exercise, e.reps) for e in session.change_reps(4)] == [("glute-bridge", 4)]
    assert session.current_reps() == 4
    run_to_the_end(session, clock)
    assert summarize(session).exercises[-1].reps_done == 4 and session.statuses[-1] == "done"


def test_reps_cannot_be_changed_once_the_session_is_over(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.jump_to_exercise(3)
    run_to_the_end(session, clock)
    assert not session.can_change_reps() and session.change_reps(9) == []


def test_a_reps_change_names_the_exercise_and_the_new_count(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    assert [(e.exercise, e.reps) for e in session.change_reps(5)] == [("banded-side-step", 5)]


def test_a_reps_change_to_the_same_count_reports_nothing(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    assert session.change_reps(3) == []


def test_a_snapshot_after_a_reps_change_has_one_entry_per_segment(small_plan, clock):
    """What is saved to resume later stays consistent after the plan grew."""
    session = Session(small_plan, clock)
    session.start()
    session.change_reps(6)
    saved = session.snapshot()
    assert len(saved["statuses"]) == len(saved["spent"]) == len(saved["segments"]) == len(session.plan.segments)


# --- saving and restoring --------------------------------------------------------------------------------

def test_a_snapshot_from_an_unknown_version_is_refused_with_its_version(small_plan, clock):
    saved = Session(small_plan, clock).snapshot()
    with pytest.raises(ValueError, match="unknown snapshot version 99"):
        Session.restore({**saved, "version": 99}, clock)


def test_a_restored_session_keeps_the_routines_exercises_for_the_preview(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    restored = Session.restore(session.snapshot(), clock, base=small_plan)
    assert restored.plan.exercises == small_plan.exercises
    assert Session.restore(session.snapshot(), clock).plan.exercises == ()
