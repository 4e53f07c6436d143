"""The words and counts a compiled plan gives the user: prompts, sides, durations, phase words, estimates.

Expected texts are written out as the user reads them in `hipfit plan` and on the session page.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.rep_changes import change_reps, upcoming_reps


def prompts(plan, **where):
    return [s.prompt for s in plan.segments if all(getattr(s, k) == v for k, v in where.items())]


@pytest.fixture
def full(catalog):
    return compile_plan(catalog.routine("full-hip-session"), catalog)


def test_a_one_sided_exercise_says_its_side_at_every_step(full):
    """Get ready, each rest and each switch say which leg is next: left first, then right."""
    first = full.segments[:50]
    assert first[0].prompt == "Get ready: Side leg lift, left leg first"
    assert "Switch sides: right leg next" in [s.prompt for s in first]
    assert prompts(full, exercise="side-leg-lift", kind="rest") == [
        "Rest. Next: set 2 of 3, left leg", "Rest. Next: set 3 of 3, left leg"]
    assert {s.side_text for s in full.segments if s.exercise == "side-leg-lift" and s.kind == "up"} == {
        "left leg", "right leg"}


def test_starting_on_the_right_swaps_every_side(catalog):
    plan = compile_plan(catalog.routine("full-hip-session"), catalog, Settings(first_side="right"))
    assert plan.segments[0].prompt == "Get ready: Side leg lift, right leg first"
    assert "Switch sides: left leg next" in prompts(plan, exercise="side-leg-lift", kind="switch_sides")
    first_set = [s.side for s in plan.segments if s.exercise == "side-leg-lift" and s.set == 1 and s.rep]
    assert first_set[0] == "right" and first_set[-1] == "left"


def test_a_two_sided_exercise_names_no_side(full):
    assert prompts(full, exercise="glute-bridge", kind="rest") == [
        "Rest. Next: Glute bridge", "Rest. Next: set 2 of 3", "Rest. Next: set 3 of 3"]
    assert {s.side for s in full.segments if s.exercise == "glute-bridge"} == {None}


def test_each_phase_of_a_guided_rep_says_what_to_do(full):
    """Up names the rep, hold names its seconds, down says to lower with control."""
    rep_8 = [s for s in full.segments if s.exercise == "side-leg-lift" and s.set == 1 and s.side == "left"
             and s.rep == 8]
    assert [(s.kind, s.seconds, s.prompt, s.phase) for s in rep_8] == [
        ("up", 1, "Up: rep 8 of 15", "UP"),
        ("hold", 2, "Hold 2 s at the top", "HOLD"),
        ("down", 2, "Lower with control", "DOWN"),
    ]


def test_an_own_pace_rep_says_its_number_and_the_key(catalog):
    plan = compile_plan(catalog.routine("band-day"), catalog, Settings(count_each_rep=True))
    rep_3 = [s for s in plan.segments if s.kind == "self_paced" and s.rep == 3][0]
    assert rep_3.prompt == "Rep 3 of 15 at your own pace; one press when it is done"
    assert rep_3.phase == "YOUR PACE" and rep_3.seconds is None


@pytest.mark.parametrize(("seconds", "words"), [
    (30, "30 s"), (60, "1 min"), (90, "1 min 30 s"), (180, "3 min"), (125, "2 min 5 s"), (59, "59 s")])
def test_timed_work_says_how_long_in_minutes_and_seconds(catalog, seconds, words):
    settings = Settings().with_exercise("couch-stretch", seconds=seconds).with_exercise(
        "hip-hinge-rotation", seconds=seconds)
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings)
    assert f"Hold the stretch for up to {words}, left knee in the corner" in prompts(plan, exercise="couch-stretch")
    assert f"Keep moving for {words}, right foot lifted" in prompts(plan, exercise="hip-hinge-rotation")


def test_a_stretch_reads_stretch_and_a_timed_movement_go(catalog):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    phases = {s.exercise: s.phase for s in plan.segments if s.kind == "timed"}
    assert phases == {"couch-stretch": "STRETCH", "hip-hinge-rotation": "GO"}
    assert [s.phase for s in plan.segments if s.kind in ("get_ready", "rest", "switch_sides", "done")][:4] == [
        "GET READY", "REST", "SWITCH SIDES", "REST"]
    assert plan.segments[-1].phase == "DONE" and plan.segments[-1].prompt == "All done. Well done!"


def test_the_estimate_adds_three_seconds_for_each_own_pace_rep(catalog):
    """Band day's own-pace reps are not in the timed total; the estimate adds 3 s for each of them."""
    plan = compile_plan(catalog.routine("band-day"), catalog)
    # banded side step 3 sets x 15 reps x 2 sides, knee drive 3 x 8 x 2: own pace at beginner level
    assert plan.self_paced_reps == 3 * 15 * 2 + 3 * 8 * 2
    assert plan.estimated_seconds == plan.total_seconds + 3 * (3 * 15 * 2 + 3 * 8 * 2)
    timed_only = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    assert timed_only.self_paced_reps == 0 and timed_only.estimated_seconds == timed_only.total_seconds == 618


# --- changing reps on the way -------------------------------------------------------------------------

def test_changing_reps_keeps_the_plan_ending_on_done(catalog):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    changed = change_reps(plan, 0, 12)  # during get-ready: the bridge, the first exercise, gets 12 reps
    assert changed.segments[-1].kind == "done"
    assert [s.kind for s in changed.segments[-8:]] == [k for k in (s.kind for s in plan.segments[-8:])]
    assert {s.reps for s in changed.segments if s.exercise == "glute-bridge" and s.rep} == {12}


def test_the_reps_to_come_stop_at_the_end_of_the_exercise(catalog):
    """In the last set of the bridge there is nothing left to change, even though the next exercise has reps."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    last_bridge_set = max(i for i, s in enumerate(plan.segments) if s.exercise == "glute-bridge" and s.rep == 1)
    assert upcoming_reps(plan, last_bridge_set) is None
    rest_before_kick = next(i for i, s in enumerate(plan.segments)
                            if s.kind == "rest" and s.exercise == "donkey-kick")
    assert upcoming_reps(plan, rest_before_kick) == 15
    assert upcoming_reps(plan, rest_before_kick - 1) is None  # the bridge's last rep itself


def test_the_reps_to_come_skip_the_set_under_way(catalog):
    settings = Settings().with_exercise("side-leg-lift", reps=12)
    plan = compile_plan(catalog.routine("full-hip-session"), catalog, settings)
    changed = change_reps(plan, 1, 9)  # in the first rep of set 1, left leg
    assert upcoming_reps(changed, 1) == 9
    assert upcoming_reps(plan, 1) == 12


def test_a_timed_movement_done_on_both_sides_at_once_names_no_side(catalog):
    """A timed exercise that is not one-sided says only how long: no 'None foot lifted'."""
    import dataclasses

    hinge = dataclasses.replace(catalog.exercises["hip-hinge-rotation"], one_sided=False)
    both_sides = dataclasses.replace(catalog, exercises={**catalog.exercises, "hip-hinge-rotation": hinge})
    plan = compile_plan(both_sides.routine("couch-stretch-mobility"), both_sides)
    assert prompts(plan, exercise="hip-hinge-rotation", kind="timed") == ["Keep moving for 30 s"]


def test_the_get_ready_time_follows_the_setting(catalog):
    plan = compile_plan(catalog.routine("band-day"), catalog, Settings(get_ready_seconds=5))
    assert (plan.segments[0].kind, plan.segments[0].seconds) == ("get_ready", 5)
    assert compile_plan(catalog.routine("band-day"), catalog).segments[0].seconds == 10


def test_plan_json_gives_the_values_the_cli_documents(catalog):
    """`hipfit plan couch-stretch-mobility --json` for a beginner, checked against the plan as printed."""
    data = compile_plan(catalog.routine("couch-stretch-mobility"), catalog).to_json()
    assert {k: data[k] for k in ("routine", "routine_name", "level", "total_seconds", "self_paced_reps",
                                 "estimated_seconds", "equipment")} == {
        "routine": "couch-stretch-mobility", "routine_name": "Couch-stretch mobility", "level": "beginner",
        "total_seconds": 618, "self_paced_reps": 0, "estimated_seconds": 618, "equipment": ["wall"]}
    assert data["exercises"][0] == {
        "id": "glute-bridge", "name": "Glute bridge", "progression": "bridge", "sets": 1, "reps": 15,
        "seconds": None, "hold_seconds": 2, "one_sided": False, "pace": "guided"}
    assert data["exercises"][2] == {
        "id": "couch-stretch", "name": "Couch stretch", "progression": "position-1", "sets": 1, "reps": None,
        "seconds": 180, "hold_seconds": 0, "one_sided": True, "pace": None}
    assert data["segments"][1] == {
        "kind": "up", "phase": "UP", "exercise": "glute-bridge", "side": None, "set": 1, "rep": 1,
        "reps": 15, "seconds": 1, "prompt": "Up: rep 1 of 15"}
    assert data["segments"][-1] == {
        "kind": "done", "phase": "DONE", "exercise": None, "side": None, "set": None, "rep": None, "reps": None,
        "seconds": 0, "prompt": "All done. Well done!"}


def test_a_single_one_rep_set_can_still_be_changed_before_it_starts(catalog):
    """Squats cut to 1 set of 1 rep: during the get-ready before them, that one set is still to come."""
    from hipfit_desktop.exercises.model import Routine, RoutineItem

    routine = Routine("squat-once", "Squat once", "", (RoutineItem("squat", sets=1, reps=1),), None, "test", 1)
    plan = compile_plan(routine, catalog)
    assert [s.kind for s in plan.segments] == ["get_ready", "self_paced_set", "done"]
    assert upcoming_reps(plan, 0) == 1


def test_zero_reps_is_refused_with_a_reason(catalog):
    plan = compile_plan(catalog.routine("band-day"), catalog)
    with pytest.raises(ValueError, match="^a set needs at least one rep$"):
        change_reps(plan, 0, 0)
