"""More or less time on the countdown under way (+15 s / -15 s), and how far a countdown has come.

Fake clock throughout: the deadline moves, nothing counts per tick. `small_plan` (tests/conftest.py): segment
0 is the 10 s get-ready; after the first side's set comes an 8 s switch of sides; a 30 s rest before set 2.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.cues import CuePlanner, DefaultSound
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Beat, SegmentStarted, TimeAdjusted
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.summary import summarize


def go_to(session, clock, kind):
    """Run (pressing for own-pace steps) until a segment of `kind` is under way ("own pace": any step the user
    ends with a press)."""
    while not (session.segment.kind == kind or kind == "own pace" and session.segment.seconds is None):
        if session.segment.seconds is None:
            clock.advance(2)
            session.rep_done()
        else:
            clock.advance(session.remaining())
            session.tick()


def test_fifteen_more_seconds_of_get_ready_move_the_deadline(small_plan, clock):
    """+15 s with 6 s left: 21 s left, and the first set starts 21 s later, not 6."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(4)
    events = session.adjust_time(15)
    assert events == [TimeAdjusted(0, 15.0, session.segment)]
    assert session.remaining() == pytest.approx(21)
    assert session.deadline == pytest.approx(clock.now + 21)
    clock.advance(20.9)
    assert not [e for e in session.tick() if isinstance(e, SegmentStarted)]
    clock.advance(0.1)
    assert session.tick()[-1] == SegmentStarted(1, session.segment, clock.now, False)


def test_a_rest_can_be_shortened_but_never_below_one_second(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    go_to(session, clock, "rest")
    clock.advance(10)  # 20 s of the 30 s rest left
    session.adjust_time(-15)
    assert session.remaining() == pytest.approx(5)
    events = session.adjust_time(-15)
    assert session.remaining() == pytest.approx(1) and events[0].seconds == pytest.approx(-4)
    assert session.adjust_time(-15) == []  # already at the floor: nothing changes, nothing to cue
    assert session.remaining() == pytest.approx(1)


def test_time_added_to_a_rest_counts_as_rest_not_work(small_plan, clock):
    """A rest made 45 s long is 45 s of the rest segment; the set after it is not charged for it."""
    session = Session(small_plan, clock)
    session.start()
    go_to(session, clock, "rest")
    rest = session.index
    session.adjust_time(15)
    clock.advance(45)
    session.tick()
    assert session.index == rest + 1 and session.spent[rest] == pytest.approx(45)
    assert session.segment_elapsed() == pytest.approx(0)
    assert session.plan.segments[rest].seconds == 45


def test_paused_the_stored_remaining_time_changes(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(4)
    session.pause()
    session.adjust_time(15)
    clock.advance(600)
    assert session.remaining() == pytest.approx(21)
    session.resume()
    assert session.deadline == pytest.approx(clock.now + 21)


def test_time_changes_only_on_a_countdown(small_plan, clock):
    """Not before the start, not on an own-pace step (no deadline), not after the end."""
    session = Session(small_plan, clock)
    assert not session.can_adjust_time() and session.adjust_time(15) == []
    session.start()
    assert session.can_adjust_time()
    go_to(session, clock, "own pace")
    assert not session.can_adjust_time() and session.adjust_time(15) == []
    assert session.remaining() is None
    session.finish()
    assert not session.can_adjust_time() and session.adjust_time(15) == []


def test_timed_work_can_be_lengthened(catalog, clock):
    settings = Settings().with_exercise("glute-bridge", sets=1, reps=1)
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock)
    session.start()
    go_to(session, clock, "timed")
    assert session.can_adjust_time()
    session.adjust_time(15)
    assert session.remaining() == pytest.approx(45) and session.segment.seconds == 45


def test_the_countdown_beats_follow_the_new_end(small_plan, clock):
    """+15 s after "3" has sounded: 3, 2, 1 sound again before the new end, none at the old one."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(7)
    assert [e.name for e in session.tick() if isinstance(e, Beat)] == ["3"]
    session.adjust_time(15)
    assert session.next_wakeup() == pytest.approx(clock.now + 18 - 3)
    beats = []
    for _ in range(200):
        clock.advance(0.1)
        beats += [(e.name, round(e.scheduled - 1000, 1)) for e in session.tick() if isinstance(e, Beat)]
    assert beats == [("3", 22.0), ("2", 23.0), ("1", 24.0)]


def test_the_3_2_1_cue_sounds_at_the_new_end_not_the_old(small_plan, clock):
    session = Session(small_plan, clock)
    planner = CuePlanner(DefaultSound(), plan=lambda: session.plan, clock=clock)
    heard = []
    session.subscribe(lambda event: heard.append((round(clock.now - 1000, 1), planner.handle(event))))
    session.start()
    clock.advance(5)
    session.tick()
    session.adjust_time(15)
    for _ in range(210):
        clock.advance(0.1)
        session.tick()
    counts = [at for at, cue in heard if cue is not None and cue.tone == "count"]
    assert counts == [22.0, 23.0, 24.0]


def test_a_shortened_countdown_does_not_replay_the_beats_it_jumped_over(small_plan, clock):
    """-15 s on a rest with 20 s left: 5 s left; 3, 2, 1 still to come, each once."""
    session = Session(small_plan, clock)
    session.start()
    go_to(session, clock, "rest")
    clock.advance(10)
    session.adjust_time(-15)
    clock.advance(1.5)  # 3.5 s left
    assert [e for e in session.tick() if isinstance(e, Beat)] == []
    clock.advance(3.5)
    assert [e.name for e in session.tick() if isinstance(e, Beat)] == ["3", "2", "1"]


def test_an_adjusted_rest_survives_a_crash(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(4)
    session.adjust_time(15)
    restored = Session.restore(session.snapshot(), clock)
    assert restored.remaining() == pytest.approx(21) and restored.segment.seconds == 25
    assert restored.progress() == pytest.approx(4 / 25)


# --- progress ------------------------------------------------------------------------------------------------

def test_progress_runs_from_0_at_the_start_to_1_at_the_deadline(small_plan, clock):
    session = Session(small_plan, clock)
    assert session.progress() == 0.0  # not started: the whole countdown is ahead
    session.start()
    assert session.progress() == 0.0
    clock.advance(2.5)
    assert session.progress() == pytest.approx(0.25)
    clock.advance(7.5)
    assert session.progress() == 1.0  # at the deadline, before the tick that passes it


def test_progress_stands_still_while_paused(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(5)
    session.pause()
    clock.advance(100)
    assert session.progress() == pytest.approx(0.5)


def test_progress_is_none_where_the_user_sets_the_pace_and_after_the_end(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    go_to(session, clock, "own pace")
    assert session.progress() is None
    session.finish()
    assert session.progress() is None


def test_progress_after_more_time_is_the_share_of_the_new_length(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    clock.advance(5)
    session.adjust_time(15)  # 25 s in all, 5 s of them gone
    assert session.progress() == pytest.approx(0.2)


def test_the_summary_counts_a_lengthened_stretch_as_held(catalog, clock):
    settings = Settings().with_exercise("glute-bridge", sets=1, reps=1)
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock)
    session.start()
    go_to(session, clock, "timed")
    session.adjust_time(15)
    clock.advance(45)
    session.tick()
    hinge = [t for t in summarize(session).exercises if not t.counts_reps][0]
    assert hinge.seconds_done == pytest.approx(45)


def test_taking_time_from_a_countdown_just_begun_leaves_one_second_of_one(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.adjust_time(-15)
    assert session.remaining() == 1 and session.segment.seconds == 1 and session.progress() == 0.0


def test_a_time_change_replaces_only_the_segment_under_way(small_plan, clock):
    session = Session(small_plan, clock)
    session.start()
    session.adjust_time(15)
    assert session.plan.segments[1:] == small_plan.segments[1:]
    assert len(session.statuses) == len(session.plan.segments)


def test_beats_passed_by_a_shortened_countdown_are_not_played_and_the_rest_are(small_plan, clock):
    """At 2.5 s left ("3" has sounded), 1 s less: the "2" is jumped over; the "1" still sounds, once."""
    session = Session(small_plan, clock)
    session.start()
    clock.advance(7.5)
    session.tick()
    session.adjust_time(-1)
    beats = []
    for _ in range(20):
        clock.advance(0.1)
        beats += [e.name for e in session.tick() if isinstance(e, Beat)]
    assert beats == ["1"]
