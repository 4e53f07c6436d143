"""What the level promises, the equipment shown and what is run agree; holds and pauses survive own pace."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.card import build_card
from hipfit_desktop.workout.plan import compile_plan

RESISTANCE = {"band", "ankle-weights", "weight-vest"}  # written out here, not imported


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def built_in(catalog):
    return [r for r in catalog.routines.values() if r.source == "data/routines.yaml"]


def test_every_built_in_routine_at_beginner_level_needs_no_band_or_weights(shipped):
    """The article's advice: beginners start without resistance; the plan, its equipment and each card agree."""
    for routine in built_in(shipped):
        plan = compile_plan(routine, shipped, Settings(level="beginner"))
        assert not RESISTANCE & set(plan.equipment), routine.id
        for item in plan.exercises:
            assert not RESISTANCE & set(build_card(item, shipped).equipment), (routine.id, item.exercise.id)


def test_band_day_uses_a_band_from_the_intermediate_level(shipped):
    plan = compile_plan(shipped.routine("band-day"), shipped, Settings(level="intermediate"))
    assert plan.equipment == ["band"]


def holds(plan, exercise_id):
    return [s for s in plan.segments if s.exercise == exercise_id and s.kind == "hold"]


def test_the_knee_drive_pauses_three_seconds_at_intermediate_and_says_two_to_three(shipped):
    """The pause rung is the intermediate default, guided, 3 s (top of 2-3 s) a rep: 3 sets x 8 reps x 2 legs."""
    plan = compile_plan(shipped.routine("band-day"), shipped, Settings(level="intermediate"))
    pauses = holds(plan, "banded-knee-drive")
    assert len(pauses) == 3 * 8 * 2
    assert {s.seconds for s in pauses} == {3}
    assert {s.prompt for s in pauses} == {"Hold 3 s at the top (pause 2–3 s)"}


def test_beginners_knee_drive_has_no_pause(shipped):
    plan = compile_plan(shipped.routine("band-day"), shipped, Settings(level="beginner"))
    assert holds(plan, "banded-knee-drive") == []


def test_an_exercise_switched_to_own_pace_keeps_its_hold_timed_and_counted(shipped):
    """Clamshell at own pace, counting each rep: each rep is a press, then a timed 2 s pause; the estimate
    includes both."""
    guided = compile_plan(shipped.routine("band-day"), shipped, Settings(count_each_rep=True))
    own = compile_plan(shipped.routine("band-day"), shipped,
                       Settings(count_each_rep=True).with_exercise("clamshell", pace="own"))
    clam = [s for s in own.segments if s.exercise == "clamshell" and s.rep is not None]
    assert [s.kind for s in clam[:4]] == ["self_paced", "hold", "self_paced", "hold"]
    assert len(holds(own, "clamshell")) == 3 * 10 * 2
    assert {s.seconds for s in holds(own, "clamshell")} == {2}
    assert clam[0].prompt == "Rep 1 of 10 at your own pace; one press at the top, then hold"
    assert clam[1].prompt == "Hold 2 s at the top (pause 1–2 s)"
    # guided: up 1 + hold 2 + down 2 per rep; own: 3 s estimate + hold 2 per rep (60 reps)
    assert guided.estimated_seconds - own.estimated_seconds == 60 * (1 + 2 + 2) - 60 * (3 + 2)
    assert own.self_paced_reps == guided.self_paced_reps + 60


def test_the_paused_knee_drive_at_own_pace_still_times_its_pause_when_each_rep_counts(shipped):
    settings = Settings(level="intermediate", count_each_rep=True).with_exercise("banded-knee-drive", pace="own")
    plan = compile_plan(shipped.routine("band-day"), shipped, settings)
    pauses = holds(plan, "banded-knee-drive")
    assert len(pauses) == 48 and {s.seconds for s in pauses} == {3}


def test_an_own_pace_set_with_a_hold_names_the_hold_and_keeps_one_press(shipped):
    """Clamshell switched to own pace: one step per set and side; the 2 s pause is said and shown, not timed."""
    own = compile_plan(shipped.routine("band-day"), shipped, Settings().with_exercise("clamshell", pace="own"))
    clam = [s for s in own.segments if s.exercise == "clamshell" and s.kind in ("self_paced_set", "hold")]
    assert [(s.kind, s.side, s.hold) for s in clam[:2]] == [
        ("self_paced_set", "left", 2), ("self_paced_set", "right", 2)]
    assert len(clam) == 3 * 2
    assert clam[0].prompt == "10 reps at your own pace, holding 2 s at the top of each; one press when the set is done"


def test_the_couch_stretch_prompt_says_up_to_three_minutes(shipped):
    plan = compile_plan(shipped.routine("couch-stretch-mobility"), shipped)
    stretch = [s.prompt for s in plan.segments if s.exercise == "couch-stretch" and s.kind == "timed"]
    assert stretch == ["Hold the stretch for up to 3 min, left knee in the corner",
                       "Hold the stretch for up to 3 min, right knee in the corner"]


def test_changing_reps_keeps_the_pause_range_in_the_prompt(shipped):
    from hipfit_desktop.workout.rep_changes import change_reps

    plan = compile_plan(shipped.routine("band-day"), shipped, Settings(level="intermediate"))
    rest_before = next(i for i, s in enumerate(plan.segments) if s.exercise == "banded-knee-drive")
    assert plan.segments[rest_before].kind == "rest"  # during the rest before it, + and - change its sets
    changed = change_reps(plan, rest_before, 5)
    pauses = holds(changed, "banded-knee-drive")
    assert len(pauses) == 3 * 5 * 2
    assert {s.prompt for s in pauses} == {"Hold 3 s at the top (pause 2–3 s)"}
