"""Which exercise a rating key rates: the one just finished, during the rest after it or the end; never mid-set."""

from __future__ import annotations

from hipfit_desktop.workout.rating import answer, rating_target


def test_only_the_rest_after_an_exercise_and_the_end_take_ratings(small_plan):
    targets = {i: rating_target(small_plan, i) for i in range(len(small_plan.segments))}
    rated = [(small_plan.segments[i].kind, t.position) for i, t in targets.items() if t is not None]
    exercises = len(small_plan.exercises)
    assert [kind for kind, _ in rated] == ["rest"] * (exercises - 1) + ["done"]
    assert [position for _, position in rated] == list(range(exercises))
    between_sets = [i for i, s in enumerate(small_plan.segments) if s.kind == "rest" and s.set == 2]
    assert between_sets and all(targets[i] is None for i in between_sets)
    assert rating_target(small_plan, 0) is None and rating_target(small_plan, len(small_plan.segments)) is None


def test_side_keys_count_only_for_one_sided_exercises(small_plan):
    by_side = {small_plan.exercises[t.position].one_sided: t for i in range(len(small_plan.segments))
               if (t := rating_target(small_plan, i)) is not None}
    assert answer(by_side[True], "r") == ("harder_side", "right")
    assert answer(by_side[False], "L") is None
    assert answer(by_side[False], "3") == ("effort", "hard") and answer(by_side[False], "6") == ("pain", "too much")
    assert answer(by_side[False], "7") is None
