"""The plan compiler: routine + level + settings -> ordered segments."""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import compile_plan
from hipfit_desktop.workout.rep_changes import change_reps


def work(plan, exercise):
    return [s for s in plan.segments if s.exercise == exercise and (s.counts_reps or s.kind == "timed")]


def test_side_leg_lift_is_three_sets_of_fifteen_each_side_with_a_two_second_hold(catalog):
    """Each set of the side leg lift: 15 reps of up, hold 2 s, down on the left, then the same on the right."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    holds = [s for s in work(plan, "side-leg-lift") if s.kind == "hold"]
    assert len(holds) == 3 * 15 * 2
    assert {s.seconds for s in holds} == {2}
    for set_number in (1, 2, 3):
        sides = [s.side for s in holds if s.set == set_number]
        assert sides == ["left"] * 15 + ["right"] * 15


def test_one_sided_sets_switch_sides_between_legs_and_rest_between_sets(catalog):
    """Between left and right comes a switch-sides pause; between sets, a rest."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    kinds = [s.kind for s in plan.segments if s.exercise == "clamshell" and s.kind in ("rest", "switch_sides")]
    assert kinds == ["rest", "switch_sides", "rest", "switch_sides", "rest", "switch_sides"]
    first = plan.segments[[s.exercise for s in plan.segments].index("clamshell")]
    assert first.kind == "rest" and first.set is None and "Clamshell" in first.prompt


def test_plan_starts_with_get_ready_and_ends_with_done(catalog):
    """The user gets a countdown before the first rep and a clear end."""
    plan = compile_plan(catalog.routine("band-day"), catalog)
    assert plan.segments[0].kind == "get_ready" and plan.segments[0].seconds == 10
    assert plan.segments[-1].kind == "done"


def test_couch_stretch_holds_three_minutes_per_leg(catalog):
    """The couch stretch is one three-minute hold on each leg, shown as STRETCH."""
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    holds = [s for s in plan.segments if s.exercise == "couch-stretch" and s.kind == "timed"]
    assert [(s.side, s.seconds, s.phase) for s in holds] == [("left", 180, "STRETCH"), ("right", 180, "STRETCH")]


def test_hip_hinge_is_thirty_seconds_per_side_three_sets(catalog):
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    timed = [s for s in plan.segments if s.exercise == "hip-hinge-rotation" and s.kind == "timed"]
    assert [(s.set, s.side, s.seconds) for s in timed] == [
        (n, side, 30) for n in (1, 2, 3) for side in ("left", "right")]


def test_an_own_pace_set_is_one_step_with_no_seconds(catalog):
    """Squats default to the user's own pace: each set of 15 is one step that waits for one press."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    squats = work(plan, "squat")
    assert [(s.kind, s.seconds, s.reps, s.rep, s.set) for s in squats] == [
        ("self_paced_set", None, 15, None, n) for n in (1, 2, 3)]
    assert squats[0].phase == "YOUR PACE"
    assert squats[0].prompt == "15 reps at your own pace; one press when the set is done"
    assert plan.self_paced_reps == 231  # squat 3 x 15, side step 2 x 3 x 15, heel drop and knee drive 2 x 3 x 8 each
    assert plan.estimated_seconds == plan.total_seconds + plan.self_paced_reps * 3


def test_counting_each_rep_makes_every_own_pace_rep_a_step(catalog):
    """The `count_each_rep` setting keeps a press per rep: 45 squat steps, the same estimate."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog, Settings(count_each_rep=True))
    squats = work(plan, "squat")
    assert len(squats) == 45 and {s.kind for s in squats} == {"self_paced"} and {s.seconds for s in squats} == {None}
    one_press = compile_plan(catalog.routine("full-hip-session"), catalog)
    assert plan.estimated_seconds == one_press.estimated_seconds


def test_guided_pace_setting_turns_self_paced_reps_into_a_metronome(catalog):
    settings = Settings().with_exercise("squat", pace="guided")
    plan = compile_plan(catalog.routine("full-hip-session"), catalog, settings)
    assert {s.kind for s in work(plan, "squat")} == {"up", "down"}


def test_level_picks_the_progression_and_single_leg_bridge_is_one_sided(catalog):
    """Advanced users get the single-leg bridge, done on each leg; beginners the plain bridge on both."""
    routine = catalog.routine("full-hip-session")
    beginner = compile_plan(routine, catalog, Settings(level="beginner"))
    advanced = compile_plan(routine, catalog, Settings(level="advanced"))
    assert {s.side for s in work(beginner, "glute-bridge")} == {None}
    assert {s.side for s in work(advanced, "glute-bridge")} == {"left", "right"}
    by_id = {p.exercise.id: p for p in advanced.exercises}
    assert by_id["glute-bridge"].progression.id == "single-leg-bridge"


def test_knee_drive_pause_progression_adds_a_hold(catalog):
    """The harder knee drive pauses two to three seconds at the top: guided, that is a 3 s hold."""
    settings = Settings().with_exercise("banded-knee-drive", progression="knee-drive-pause", pace="guided")
    plan = compile_plan(catalog.routine("band-day"), catalog, settings)
    holds = {s.seconds for s in work(plan, "banded-knee-drive") if s.kind == "hold"}
    assert holds == {3}


def test_user_overrides_change_sets_reps_hold_and_rests(catalog):
    settings = Settings(rest_between_exercises_seconds=20, switch_sides_seconds=4, first_side="right") \
        .with_exercise("clamshell", sets=2, reps=5, hold_seconds=1, rest_seconds=15)
    plan = compile_plan(catalog.routine("band-day"), catalog, settings)
    clam = [s for s in plan.segments if s.exercise == "clamshell"]
    holds = [s for s in clam if s.kind == "hold"]
    assert len(holds) == 2 * 5 * 2 and {s.seconds for s in holds} == {1}
    assert holds[0].side == "right"
    assert [s.seconds for s in clam if s.kind == "rest"] == [20, 15]
    assert {s.seconds for s in clam if s.kind == "switch_sides"} == {4}


def test_zero_rest_leaves_the_rest_out(catalog):
    settings = Settings(rest_between_sets_seconds=0)
    plan = compile_plan(catalog.routine("band-day"), catalog, settings)
    assert not [s for s in plan.segments if s.kind == "rest" and s.set is not None]


def test_equipment_limited_routine_skips_harder_steps_needing_equipment(catalog):
    """The no-equipment routine never asks an advanced user for a band or weights."""
    plan = compile_plan(catalog.routine("quick-no-equipment"), catalog, Settings(level="advanced"))
    assert plan.equipment == []
    assert {p.exercise.id: p.progression.id for p in plan.exercises}["glute-bridge"] == "single-leg-bridge"


def test_routine_sets_override_applies(catalog):
    plan = compile_plan(catalog.routine("quick-no-equipment"), catalog)
    assert {s.set for s in work(plan, "glute-bridge")} == {1, 2}


def test_total_seconds_adds_up_the_timed_segments(catalog):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    expected = sum(s.seconds for s in plan.segments if s.seconds)
    assert plan.total_seconds == expected
    # get ready 10 + bridge 15 reps x (1+2+2) + rest 45 + hinge 2x30 + switch 8 + rest 45 + stretch 2x180 + switch 15
    assert expected == 10 + 15 * 5 + 45 + 60 + 8 + 45 + 360 + 15


def test_change_reps_changes_the_set_under_way_and_the_sets_to_come(catalog):
    """12 reps pressed in rep 3 of set 1: all three sets have 12; what is behind keeps its place and kind."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    current = next(i for i, s in enumerate(plan.segments) if s.exercise == "glute-bridge" and s.rep == 3)
    changed = change_reps(plan, current, 12)
    bridge = [s for s in changed.segments if s.exercise == "glute-bridge" and s.kind == "hold"]
    assert [len([s for s in bridge if s.set == n]) for n in (1, 2, 3)] == [12, 12, 12]
    assert [(s.kind, s.rep, s.seconds) for s in changed.segments[: current + 1]] == [
        (s.kind, s.rep, s.seconds) for s in plan.segments[: current + 1]]
    assert changed.segments[current].prompt == plan.segments[current].prompt.replace("of 15", "of 12")
    assert "rep 12 of 12" in [s.prompt for s in changed.segments if s.exercise == "glute-bridge"][-3]
    others = [s for s in changed.segments if s.exercise == "donkey-kick" and s.kind == "up"]
    assert len(others) == 3 * 15 * 2


def test_the_set_under_way_keeps_the_rep_under_way(catalog):
    """2 reps pressed in rep 3 of set 1: that set ends after rep 3; sets 2 and 3 have 2."""
    plan = compile_plan(catalog.routine("full-hip-session"), catalog)
    current = next(i for i, s in enumerate(plan.segments) if s.exercise == "glute-bridge" and s.rep == 3)
    changed = change_reps(plan, current, 2)
    bridge = [s for s in changed.segments if s.exercise == "glute-bridge" and s.kind == "hold"]
    assert [len([s for s in bridge if s.set == n]) for n in (1, 2, 3)] == [3, 2, 2]
    assert {s.reps for s in changed.segments if s.exercise == "glute-bridge" and s.set == 1 and s.rep} == {3}


def test_change_reps_refuses_zero(catalog):
    plan = compile_plan(catalog.routine("band-day"), catalog)
    with pytest.raises(ValueError):
        change_reps(plan, 0, 0)


def test_json_has_the_fields_the_cli_promises(catalog):
    data = compile_plan(catalog.routine("band-day"), catalog).to_json()
    assert {"routine", "level", "total_seconds", "segments"} <= data.keys()
    kinds = {s["kind"] for s in data["segments"]}
    assert {"get_ready", "rest", "switch_sides", "done", "self_paced_set", "up", "down"} <= kinds
    for segment in data["segments"]:
        assert {"kind", "exercise", "side", "set", "rep", "reps", "seconds", "prompt"} <= segment.keys()
        assert segment["side"] in ("left", "right", None)
    side_step = next(s for s in data["segments"] if s["kind"] == "self_paced_set")
    assert (side_step["reps"], side_step["rep"], side_step["seconds"]) == (15, None, None)
