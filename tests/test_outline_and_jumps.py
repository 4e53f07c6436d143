"""The session outline (done / current / to come) and jumping from it: tallies stay honest both ways.

`one_press_plan` (tests/conftest.py): Band day at 2 sets x 3 reps; the side step, knee drive and clamshell on
each side, the side step and knee drive at own pace (one press a set), the bridge on both legs at once.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.outline import OutlineEntry, outline
from hipfit_desktop.workout.summary import summarize

NAMES = ["Banded side step", "Banded knee drive", "Clamshell", "Glute bridge"]
VERSIONS = ["Without a band", "Without a band", "No band", "Bridge"]


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def run(session, clock, until):
    while session.state == "running" and not until(session):
        if session.segment.seconds is None:
            clock.advance(2)
            session.rep_done()
        else:
            clock.advance(session.remaining())
            session.tick()
    return session


def in_exercise(index):
    return lambda s: s.segment.exercise_index == index and s.segment.counts_reps


def states(session):
    return [(e.state, e.sets_done, e.sets) for e in outline(session)]


def test_before_the_start_every_exercise_is_to_come_but_the_first(one_press_plan, clock):
    entries = outline(Session(one_press_plan, clock))
    assert entries[0] == OutlineEntry(0, NAMES[0], VERSIONS[0], 0, 2, "current")
    assert [(e.index, e.name, e.version, e.state) for e in entries[1:]] == [
        (i, NAMES[i], VERSIONS[i], "to come") for i in (1, 2, 3)]


def test_done_current_and_to_come_as_the_session_goes(one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.start()
    run(session, clock, lambda s: s.segment.exercise_index == 1 and s.segment.kind == "rest"
        and s.segment.set == 2)
    assert states(session) == [("done", 2, 2), ("current", 1, 2), ("to come", 0, 2), ("to come", 0, 2)]


def test_a_set_counts_once_it_is_done_on_both_sides(one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.start()
    run(session, clock, lambda s: s.segment.kind == "switch_sides")
    assert states(session)[0] == ("current", 0, 2)


def test_jumping_forward_then_finishing_records_the_exercises_passed_over_as_not_done(log, one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.subscribe(SessionRecorder(log, session))
    session.start()
    session.jump_to_exercise(2)
    assert states(session)[:3] == [("skipped", 0, 2), ("skipped", 0, 2), ("current", 0, 2)]
    run(session, clock, lambda s: s.state == "finished")
    summary = summarize(session)
    assert [(t.name, t.sets_done, t.reps_done) for t in summary.exercises] == [
        (NAMES[0], 0, 0), (NAMES[1], 0, 0), (NAMES[2], 4, 12), (NAMES[3], 2, 6)]
    assert len(summary.skipped) == 8 and summary.skipped[0] == "Banded side step, set 1 of 2, lead with left leg"
    log.flush()
    rows = log.read("SELECT position, outcome, reps_done FROM sets ORDER BY position, set_number, side")
    assert {(p, o, r) for p, o, r in rows if p < 2} == {(0, "skipped", 0), (1, "skipped", 0)}
    assert len([r for r in rows if r[0] < 2]) == 8
    assert [o for _, o in outline_states(session)] == ["skipped", "skipped", "done", "done"]


def outline_states(session):
    return [(e.name, e.state) for e in outline(session)]


def test_a_jump_back_then_forward_keeps_what_was_done(log, one_press_plan, clock):
    """The side step done, a look back at it from the knee drive, and on again: still 2 sets and 12 reps done,
    in the summary, the outline and the log."""
    session = Session(one_press_plan, clock)
    session.subscribe(SessionRecorder(log, session, now=lambda: datetime(2026, 11, 25).timestamp()))
    session.start()
    run(session, clock, in_exercise(1))
    session.jump_to_exercise(0)
    assert states(session)[0] == ("current", 2, 2)
    session.jump_to_exercise(1)
    assert states(session)[0] == ("done", 2, 2)
    run(session, clock, lambda s: s.state == "finished")
    summary = summarize(session)
    assert (summary.exercises[0].sets_done, summary.exercises[0].reps_done, summary.skipped) == (4, 12, ())
    log.flush()
    assert set(log.read("SELECT outcome FROM sets")) == {("done",)}
    assert log.read("SELECT count(*), sum(reps_done) FROM sets WHERE position = 0") == [(4, 12)]


def test_a_set_redone_after_a_jump_back_counts_once_and_the_rest_keeps_its_first_visit(one_press_plan, clock):
    """The side step done; back to it, the left side of set 1 done again, then on: 4 sets, 12 reps, not more;
    the right side, passed over this time, keeps the set it was on the first visit."""
    session = Session(one_press_plan, clock)
    session.start()
    run(session, clock, in_exercise(1))
    session.jump_to_exercise(0)
    run(session, clock, lambda s: s.segment.kind == "switch_sides")
    session.jump_to_exercise(1)
    tally = summarize(session).exercises[0]
    assert (tally.sets_done, tally.sets_planned, tally.reps_done) == (4, 4, 12)
    assert states(session)[0] == ("done", 2, 2)
    # The knee drive's first side, left by the jump back before its press, stays skipped until it is done.
    assert summarize(session).skipped == ("Banded knee drive, set 1 of 2, left knee",)


def test_back_within_a_set_still_starts_it_afresh(small_plan, clock):
    """A set restarted with Back counts only the reps of the new try."""
    session = Session(small_plan, clock)
    session.start()
    session.skip()
    session.rep_done()
    session.rep_done()
    clock.advance(3)
    session.back()
    assert session.statuses[1:4] == [None, None, None]
    session.rep_done()
    session.skip()
    session.finish()
    assert summarize(session).exercises[0].reps_done == 1


def test_an_exercise_left_half_way_is_partly_done(one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.start()
    run(session, clock, lambda s: s.segment.kind == "rest" and s.segment.set == 2)
    session.jump_to_exercise(1)
    assert states(session)[:2] == [("partly done", 1, 2), ("current", 0, 2)]


def test_after_an_early_end_nothing_is_current_and_what_was_never_reached_is_to_come(one_press_plan, clock):
    """The outline is for a session under way; after an early end the summary's "not finished" says the rest."""
    session = Session(one_press_plan, clock)
    session.start()
    session.finish()
    assert [e.state for e in outline(session)] == ["to come"] * 4


def test_a_set_skipped_on_its_first_side_is_not_done_though_its_second_side_is(one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.start()
    session.skip()  # out of get-ready
    session.skip()  # the left side of set 1, skipped
    run(session, clock, lambda s: s.segment.kind == "rest")  # the right side done
    assert states(session)[0] == ("current", 0, 2)


def test_a_session_restored_without_its_plan_details_has_no_versions(one_press_plan, clock):
    """A resumed session whose routine is gone still lists its exercises, without the version names."""
    session = Session(one_press_plan, clock)
    session.start()
    restored = Session.restore(session.snapshot(), clock)
    assert [(e.name, e.version) for e in outline(restored)] == [(name, None) for name in NAMES]
    with_base = Session.restore(session.snapshot(), clock, base=one_press_plan)
    assert [e.version for e in outline(with_base)] == VERSIONS
