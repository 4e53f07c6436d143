"""+/- on the set under way: it changes too (never below the rep under way), and so do the sets to come.

`mobility` is couch-stretch mobility with the glute bridge at 2 sets x 3 reps (guided: up 1 s, hold 2 s,
down 2 s); `one_press_plan` (tests/conftest.py) has own-pace side steps, 2 sets x 3 reps a side.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.summary import summarize


@pytest.fixture
def mobility(catalog):
    settings = Settings().with_exercise("glute-bridge", sets=2, reps=3)
    return compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings)


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def run(session, clock, until):
    while session.state == "running" and not until(session.segment):
        if session.segment.seconds is None:
            clock.advance(2)
            session.rep_done()
        else:
            clock.advance(session.remaining())
            session.tick()
    return session


def bridge_reps(session, set_number):
    return {s.reps for s in session.plan.segments if s.exercise == "glute-bridge" and s.set == set_number and s.rep}


def test_more_reps_in_the_set_under_way(mobility, clock):
    """In rep 2 of 3, + makes it rep 2 of 4: the set runs a fourth rep, the deadline of this phase stays."""
    session = Session(mobility, clock)
    session.start()
    run(session, clock, lambda s: s.rep == 2 and s.kind == "hold")
    deadline, index = session.deadline, session.index
    assert session.can_change_reps() and session.current_reps() == 3 and session.lowest_reps() == 2
    session.change_reps(4)
    assert (session.index, session.deadline) == (index, deadline)
    assert (session.segment.rep, session.segment.reps) == (2, 4)
    assert bridge_reps(session, 1) == bridge_reps(session, 2) == {4}
    run(session, clock, lambda s: s.kind == "done")
    assert summarize(session).exercises[0].reps_done == 8


def test_fewer_reps_never_drop_the_rep_under_way(mobility, clock):
    """In rep 2 of 3, asking for 1: this set ends after rep 2, the next set has 1 rep."""
    session = Session(mobility, clock)
    session.start()
    run(session, clock, lambda s: s.rep == 2)
    session.change_reps(1)
    assert bridge_reps(session, 1) == {2} and bridge_reps(session, 2) == {1}
    assert session.current_reps() == 2 and session.lowest_reps() == 2
    assert session.change_reps(1) == []  # asked again: nothing changes, nothing to report
    run(session, clock, lambda s: s.kind == "done")
    assert summarize(session).exercises[0].reps_done == 2 + 1
    assert len(session.statuses) == len(session.spent) == len(session.plan.segments)


def test_reps_of_an_own_pace_set_under_way_change_and_its_press_counts_them(log, one_press_plan, clock):
    session = Session(one_press_plan, clock)
    session.subscribe(SessionRecorder(log, session))
    session.start()
    run(session, clock, lambda s: s.kind == "self_paced_set")
    assert session.can_change_reps() and session.lowest_reps() == 1
    session.change_reps(5)
    assert session.segment.reps == 5 and session.segment.prompt.startswith("5 reps")
    session.rep_done()
    log.flush()
    assert log.read("SELECT side, reps_planned, reps_done, outcome FROM sets") == [("left", 5, 5, "done")]
    assert summarize(session).exercises[0].reps_done == 5


def test_the_log_counts_a_guided_set_changed_while_under_way(log, mobility, clock):
    """The set row written when the set ends has the new count, every rep of it done."""
    session = Session(mobility, clock)
    session.subscribe(SessionRecorder(log, session))
    session.start()
    run(session, clock, lambda s: s.rep == 2 and s.kind == "down")
    session.change_reps(5)
    run(session, clock, lambda s: s.kind == "rest")
    log.flush()
    assert log.read("SELECT set_number, reps_planned, reps_done, outcome FROM sets") == [(1, 5, 5, "done")]


def test_between_sets_plus_and_minus_start_from_the_next_set(mobility, clock):
    session = Session(mobility, clock)
    session.start()
    run(session, clock, lambda s: s.kind == "rest" and s.exercise == "glute-bridge" and s.set == 2)
    assert session.current_reps() == 3 and session.lowest_reps() == 1
    session.change_reps(1)
    assert bridge_reps(session, 1) == {3} and bridge_reps(session, 2) == {1}


def test_timed_work_has_no_reps_to_change(mobility, clock):
    session = Session(mobility, clock)
    session.start()
    run(session, clock, lambda s: s.kind == "timed")
    assert not session.can_change_reps() and session.current_reps() is None
    assert session.change_reps(5) == []


def test_a_change_in_set_2_leaves_set_1_as_it_was_done(mobility, clock):
    session = Session(mobility, clock)
    session.start()
    run(session, clock, lambda s: s.set == 2 and s.rep == 2)
    before = session.plan.segments[: session.index + 1]
    session.change_reps(5)
    assert bridge_reps(session, 1) == {3} and bridge_reps(session, 2) == {5}
    assert [(s.kind, s.rep, s.set) for s in session.plan.segments[: session.index + 1]] == [
        (s.kind, s.rep, s.set) for s in before]


def test_a_change_in_a_set_that_opens_the_plan_keeps_it_whole(catalog, clock):
    """No get-ready (0 s): the first set starts the plan; + in its rep 2 still gives every rep all its phases."""
    settings = Settings(get_ready_seconds=0).with_exercise("glute-bridge", sets=2, reps=3)
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock)
    session.start()
    assert session.segment.kind == "up"
    run(session, clock, lambda s: s.rep == 2 and s.kind == "hold")
    session.change_reps(4)
    first_set = [(s.kind, s.rep) for s in session.plan.segments if s.exercise == "glute-bridge" and s.set == 1]
    assert first_set == [(kind, rep) for rep in (1, 2, 3, 4) for kind in ("up", "hold", "down")]


def test_an_own_pace_set_with_a_hold_keeps_it_in_its_words_after_a_change(catalog, clock):
    settings = Settings().with_exercise("glute-bridge", sets=2, reps=3, pace="own")
    session = Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock)
    session.start()
    session.change_reps(6)
    assert session.plan.segments[1].prompt == (
        "6 reps at your own pace, holding 2 s at the top of each; one press when the set is done")


def test_after_a_jump_back_a_change_starts_the_sets_ahead_afresh(mobility, clock):
    """Set 1 done, back to the get-ready, 4 reps: the replanned sets ahead keep no status of the old ones."""
    session = Session(mobility, clock)
    session.start()
    run(session, clock, lambda s: s.kind == "rest" and s.set == 2)
    session.jump_to_exercise(0)
    assert "done" in session.statuses[1:]
    session.change_reps(4)
    assert set(session.statuses[1:]) == {None}
