"""Property tests: any sequence of user actions and clock jumps keeps the engine's promises."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import SegmentStarted
from hipfit_desktop.workout.plan import compile_plan

from .conftest import FakeClock

ACTIONS = st.one_of(
    st.tuples(st.just("wait"), st.floats(min_value=0, max_value=40, allow_nan=False)),
    st.tuples(st.sampled_from(["tick", "pause", "resume", "skip", "back", "rep_done", "finish"]), st.none()),
    st.tuples(st.just("reps"), st.integers(min_value=1, max_value=6)),
    st.tuples(st.just("jump"), st.integers(min_value=0, max_value=2)),
    st.tuples(st.just("adjust"), st.sampled_from([15.0, -15.0])),
)


@pytest.fixture(scope="module", params=[False, True], ids=["one press per set", "a press per rep"])
def plan(catalog, request):
    """Short but varied: get ready, guided and self-paced reps, a timed hold, both sides, rests."""
    settings = Settings(count_each_rep=request.param)
    for exercise in ("glute-bridge", "hip-hinge-rotation", "squat"):
        settings = settings.with_exercise(exercise, sets=2, reps=2, seconds=10)
    routine = catalog.routine("couch-stretch-mobility")
    from dataclasses import replace

    from hipfit_desktop.exercises.model import RoutineItem
    routine = replace(routine, items=(RoutineItem("glute-bridge"), RoutineItem("squat"),
                                      RoutineItem("hip-hinge-rotation")))
    return compile_plan(routine, catalog, settings)


def run(plan, actions):
    clock = FakeClock()
    session = Session(plan, clock)
    events = session.start()
    running_time = 0.0
    moved_back = False
    for name, arg in actions:
        if name == "wait":
            if session.state == "running":
                running_time += arg
            clock.advance(arg)
            events += session.tick()
        elif name == "reps":
            events += session.change_reps(arg)
        elif name == "adjust":
            events += session.adjust_time(arg)
        elif name == "jump":
            moved_back = moved_back or arg <= (session.segment.exercise_index or 0)
            events += session.jump_to_exercise(arg) if session.state in ("running", "paused") else []
        else:
            moved_back = moved_back or name == "back"
            events += getattr(session, name)()
        remaining = session.remaining()
        assert remaining is None or remaining >= 0
        assert 0 <= session.index < len(session.plan.segments)
    return session, events, running_time, moved_back


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(ACTIONS, max_size=40))
def test_any_sequence_keeps_time_and_order(plan, actions):
    """Remaining time is never negative, segments start in plan order, running time adds up."""
    session, events, running_time, moved_back = run(plan, actions)
    starts = [e.index for e in events if isinstance(e, SegmentStarted)]
    if not moved_back:
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
    # Time spent in segments is exactly the time the session was running, until it finished on its own.
    if session.state != "finished":
        assert session.active_seconds() == pytest.approx(running_time, abs=1e-6)
    else:
        assert session.active_seconds() <= running_time + 1e-6


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(ACTIONS, max_size=30), later=st.lists(ACTIONS, max_size=10))
def test_save_and_restore_is_lossless(plan, actions, later):
    """A restored session is the same session: same snapshot now, same behaviour afterwards."""
    session, _, _, _ = run(plan, actions)
    saved = json.loads(json.dumps(session.snapshot()))
    restored = Session.restore(saved, session.clock, base=plan)
    assert restored.snapshot() == saved
    for name, arg in later:
        for s in (session, restored):
            if name == "wait":
                continue
            if name == "reps":
                s.change_reps(arg)
            elif name == "adjust":
                s.adjust_time(arg)
            elif name == "jump":
                if s.state in ("running", "paused"):
                    s.jump_to_exercise(arg)
            else:
                getattr(s, name)()
    assert restored.snapshot() == session.snapshot()
