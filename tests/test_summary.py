"""The end-of-session tally: real sessions on a fake clock, and what the summary page would say about them."""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.summary import ExerciseTally, summarize

BRIDGE = "Glute bridge"
HINGE = "Standing hip hinge with rotation"
COUCH = "Couch stretch"


def short_session(catalog, clock, **bridge) -> Session:
    """Couch-stretch mobility cut down; 353 s in all:

    get ready 10 s; glute bridge 2 sets x 2 reps (up 1, hold 2, down 2: 5 s a rep), 30 s rest between;
    rest 45; hip hinge 30 s left, switch 8, 30 s right; rest 45; couch stretch 60 s left, switch 15, 60 s right.
    """
    count_each_rep = bridge.pop("count_each_rep", False)
    settings = (Settings(count_each_rep=count_each_rep)
                .with_exercise("glute-bridge", **{"sets": 2, "reps": 2, **bridge})
                .with_exercise("couch-stretch", seconds=60))
    return Session(compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock)


def go_on(session: Session, clock, until=lambda s: False, rep_seconds: float = 3.0) -> Session:
    """Live through the session as the user would (pressing Space after each self-paced rep) until `until`."""
    if session.state == "idle":
        session.start()
    while session.state == "running" and not until(session):
        if session.segment.kind in ("self_paced", "self_paced_set"):
            clock.advance(rep_seconds)
            session.rep_done()
        else:
            clock.advance(session.remaining())
            session.tick()
    return session


def at(kind: str, exercise: str | None = None, set_number: int | None = None, rep: int | None = None):
    """A condition for `go_on`: the session has reached this kind of segment (of this exercise, set, rep)."""
    def reached(session: Session) -> bool:
        s = session.segment
        return (s.kind == kind and (exercise is None or s.exercise_name == exercise)
                and (set_number is None or s.set == set_number) and (rep is None or s.rep == rep))
    return reached


def test_a_session_done_from_start_to_finish(catalog, clock):
    """Everything done: every set and rep counted per exercise, nothing skipped, the whole 353 s."""
    summary = summarize(go_on(short_session(catalog, clock), clock))
    assert summary.routine_name == "Couch-stretch mobility"
    assert summary.active_seconds == pytest.approx(353)
    assert summary.finished_early is False
    assert (summary.sets_done, summary.sets_planned, summary.reps_done) == (6, 6, 4)
    assert summary.exercises == (
        ExerciseTally(BRIDGE, sets_done=2, sets_planned=2, reps_done=4, counts_reps=True),
        ExerciseTally(HINGE, sets_done=2, sets_planned=2, reps_done=0, counts_reps=False, seconds_done=30 + 30),
        ExerciseTally(COUCH, sets_done=2, sets_planned=2, reps_done=0, counts_reps=False, seconds_done=60 + 60),
    )
    assert summary.skipped == ()
    assert summary.not_finished == ()


def test_time_paused_is_not_exercise_time(catalog, clock):
    """A ten-minute pause in the first rest leaves the time at 353 s."""
    session = go_on(short_session(catalog, clock), clock, until=at("rest", BRIDGE))
    clock.advance(12)
    session.pause()
    clock.advance(600)
    session.resume()
    summary = summarize(go_on(session, clock))
    assert summary.active_seconds == pytest.approx(353)
    assert summary.finished_early is False


def test_a_skipped_rest_is_not_a_skipped_set_and_shortens_the_time(catalog, clock):
    """Skipping the 30 s rest after 5 s: nothing is listed as skipped, and 25 s less exercise time."""
    session = go_on(short_session(catalog, clock), clock, until=at("rest", BRIDGE))
    clock.advance(5)
    session.skip()
    summary = summarize(go_on(session, clock))
    assert summary.skipped == ()
    assert (summary.sets_done, summary.sets_planned, summary.reps_done) == (6, 6, 4)
    assert summary.active_seconds == pytest.approx(328)


@pytest.mark.parametrize(("where", "skipped", "sets_done", "reps_done", "bridge_tally"), [
    # skipped at the very start of the second set: nothing of it done
    (at("up", BRIDGE, 2, 1), "Glute bridge, set 2 of 2", 5, 2, (1, 2, 2)),
    # skipped in the second rep of the first set: the first rep was done, so part of the set
    (at("up", BRIDGE, 1, 2), "Glute bridge, set 1 of 2 (part)", 5, 3, (1, 2, 3)),
    # skipped while holding the first rep: part of the set was lived through, but no rep was done
    (at("hold", BRIDGE, 1, 1), "Glute bridge, set 1 of 2 (part)", 5, 2, (1, 2, 2)),
    # one side of a one-sided timed exercise
    (at("timed", HINGE), "Standing hip hinge with rotation, set 1 of 1, left foot lifted", 5, 4, (2, 2, 4)),
])
def test_a_skipped_set_is_named_and_not_counted(catalog, clock, where, skipped, sets_done, reps_done, bridge_tally):
    """The skipped set is listed by name, set number and side; its reps and the set are not counted as done."""
    session = go_on(short_session(catalog, clock), clock, until=where)
    clock.advance(0.5)
    session.skip()
    summary = summarize(go_on(session, clock))
    assert summary.skipped == (skipped,)
    assert summary.not_finished == ()
    assert summary.finished_early is False
    assert (summary.sets_done, summary.sets_planned, summary.reps_done) == (sets_done, 6, reps_done)
    bridge = summary.exercises[0]
    assert (bridge.sets_done, bridge.sets_planned, bridge.reps_done) == bridge_tally


def test_the_second_side_of_the_stretch_ended_early_counts_with_the_time_held(catalog, clock):
    """The stretch is held *up to* its time: ending the right side after 20 s counts it done, 60 + 20 s held."""
    session = go_on(short_session(catalog, clock), clock, until=at("switch_sides", COUCH))
    clock.advance(15)
    session.tick()
    clock.advance(20)
    session.skip()
    summary = summarize(session)
    assert session.state == "finished"
    assert summary.skipped == ()
    assert summary.exercises[2] == ExerciseTally(COUCH, 2, 2, 0, counts_reps=False, seconds_done=80)
    assert summary.finished_early is False  # the end was reached: "Well done!"
    assert summary.active_seconds == pytest.approx(353 - 40)


def test_the_second_side_skipped_is_named_with_its_side(catalog, clock):
    """Skipping the right side of the hip hinge (a movement, not a hold) lists 'right foot lifted'."""
    session = go_on(short_session(catalog, clock), clock, until=at("switch_sides", HINGE))
    clock.advance(8)
    session.tick()
    clock.advance(10)
    session.skip()
    summary = summarize(go_on(session, clock))
    assert summary.skipped == ("Standing hip hinge with rotation, set 1 of 1, right foot lifted",)
    assert summary.exercises[1] == ExerciseTally(HINGE, 1, 2, 0, counts_reps=False, seconds_done=30)
    assert summary.active_seconds == pytest.approx(353 - 20)


def test_jumping_ahead_lists_every_set_passed_over(catalog, clock):
    """Jumping from the bridge's first set to the couch stretch skips the rest of the bridge and the hinge."""
    session = go_on(short_session(catalog, clock), clock, until=at("up", BRIDGE, 1, 2))
    session.jump_to_exercise(2)
    summary = summarize(go_on(session, clock))
    assert summary.skipped == (
        "Glute bridge, set 1 of 2 (part)",
        "Glute bridge, set 2 of 2",
        "Standing hip hinge with rotation, set 1 of 1, left foot lifted",
        "Standing hip hinge with rotation, set 1 of 1, right foot lifted",
    )
    assert (summary.sets_done, summary.sets_planned, summary.reps_done) == (2, 6, 1)
    assert summary.not_finished == ()


@pytest.mark.parametrize(("where", "into", "sets_done", "reps_done", "not_finished", "seconds"), [
    # during the first set's second rep: the bridge is unfinished, one rep done
    (at("up", BRIDGE, 1, 2), 0.5, 0, 1, (BRIDGE, HINGE, COUCH), 15.5),
    # in the rest before the hinge: the bridge is done and not listed
    (at("rest", HINGE), 10, 2, 4, (HINGE, COUCH), 70),
    # ten seconds into the hinge's left side
    (at("timed", HINGE, 1), 10, 2, 4, (HINGE, COUCH), 115),
    # in the last rest: only the couch stretch was never reached
    (at("rest", COUCH), 1, 4, 4, (COUCH,), 174),
])
def test_finishing_early(catalog, clock, where, into, sets_done, reps_done, not_finished, seconds):
    """Ended early: sets and reps done so far, the exercises left unfinished (each once), the time spent."""
    session = go_on(short_session(catalog, clock), clock, until=where)
    clock.advance(into)
    session.finish()
    summary = summarize(session)
    assert summary.finished_early is True
    assert (summary.sets_done, summary.sets_planned, summary.reps_done) == (sets_done, 6, reps_done)
    assert summary.not_finished == not_finished
    assert summary.skipped == ()
    assert summary.active_seconds == pytest.approx(seconds)


def test_ending_early_after_skipping_keeps_both_lists_apart(catalog, clock):
    """A set the user skipped is 'skipped'; what the early end cut off is 'not finished'."""
    session = go_on(short_session(catalog, clock), clock, until=at("up", BRIDGE, 2, 1))
    session.skip()
    go_on(session, clock, until=at("timed", HINGE))
    clock.advance(3)
    session.finish()
    summary = summarize(session)
    assert summary.skipped[-1] == "Glute bridge, set 2 of 2"  # after the exercises the jump passed over
    assert summary.not_finished == (HINGE, COUCH)
    assert summary.exercises[0] == ExerciseTally(BRIDGE, 1, 2, 2, counts_reps=True)


def test_finishing_while_paused(catalog, clock):
    """Paused in the second set, then ended: the first set counts, the time stops at the pause."""
    session = go_on(short_session(catalog, clock), clock, until=at("hold", BRIDGE, 2, 1))
    clock.advance(1)
    session.pause()
    clock.advance(300)
    session.finish()
    summary = summarize(session)
    assert summary.finished_early is True
    assert (summary.sets_done, summary.reps_done) == (1, 2)
    assert summary.not_finished == (BRIDGE, HINGE, COUCH)
    assert summary.active_seconds == pytest.approx(52)


def test_changed_reps_are_counted_as_done(catalog, clock):
    """Raising the bridge from 2 to 4 reps during the first set: both sets have 4, and 8 reps count."""
    session = go_on(short_session(catalog, clock), clock, until=at("up", BRIDGE, 1, 1))
    session.change_reps(4)
    summary = summarize(go_on(session, clock))
    assert summary.exercises[0] == ExerciseTally(BRIDGE, 2, 2, 8, counts_reps=True)
    assert summary.reps_done == 8
    assert summary.active_seconds == pytest.approx(353 + 4 * 5)  # four more reps of 5 s


def test_self_paced_reps_count_when_the_user_presses_done(catalog, clock):
    """Bridges at your own pace, 3 reps each, counting each rep: every press is a rep; time is what the user
    took."""
    session = short_session(catalog, clock, reps=3, pace="own", count_each_rep=True)
    summary = summarize(go_on(session, clock, rep_seconds=4))
    assert summary.exercises[0] == ExerciseTally(BRIDGE, 2, 2, 6, counts_reps=True)
    # 10 get ready + 6 reps x (4 s + the 2 s hold, timed after each press) + 30 rest + the hinge and couch
    # stretch with their rests (293 s)
    assert summary.active_seconds == pytest.approx(10 + 6 * (4 + 2) + 30 + 293)


def test_going_back_to_redo_a_set_counts_it_once(catalog, clock):
    """Back at the start of the rest redoes the first set: two sets done, not three; time includes both tries."""
    session = go_on(short_session(catalog, clock), clock, until=at("rest", BRIDGE))
    session.back()
    summary = summarize(go_on(session, clock))
    assert summary.exercises[0] == ExerciseTally(BRIDGE, 2, 2, 4, counts_reps=True)
    assert summary.skipped == ()
    assert summary.active_seconds == pytest.approx(363)


def test_one_sided_sets_count_each_side(catalog, clock):
    """Clamshell 2 sets a side, 1 rep each: four sets planned; each exercise keeps its own tally."""
    settings = Settings()
    for exercise in ("glute-bridge", "side-leg-lift", "clamshell", "donkey-kick", "squat"):
        settings = settings.with_exercise(exercise, sets=2 if exercise == "clamshell" else 1, reps=1)
    session = Session(compile_plan(catalog.routine("quick-no-equipment"), catalog, settings), clock)
    summary = summarize(go_on(session, clock))
    assert [(t.name, t.sets_done, t.sets_planned, t.reps_done) for t in summary.exercises] == [
        ("Glute bridge", 1, 1, 1), ("Side leg lift", 2, 2, 2), ("Clamshell", 4, 4, 4),
        ("Donkey kick", 2, 2, 2), ("Squat", 1, 1, 1),
    ]
    assert (summary.sets_done, summary.sets_planned, summary.reps_done) == (10, 10, 10)


def test_skipping_the_last_set_still_reaches_the_end(small_plan, clock):
    """The bridge's last set skipped at its first rep: the session ends on DONE, not early, with that set
    named as skipped."""
    session = Session(small_plan, clock)
    session.start()
    session.jump_to_exercise(3)
    go_on(session, clock, until=lambda s: s.segment.exercise == "glute-bridge" and s.segment.set == 2
          and s.segment.rep == 1)
    session.skip()
    summary = summarize(session)
    assert session.state == "finished" and summary.finished_early is False
    assert summary.skipped[-1] == "Glute bridge, set 2 of 2"  # after the exercises the jump passed over
