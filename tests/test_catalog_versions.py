"""The loader's rules for versions: inheritance is explicit and safe, added equipment is named in the steps.

Each bad document is a small edit of a minimal valid one written here, so line numbers are counted by hand.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import parse_exercises
from hipfit_desktop.exercises.strictyaml import DataError

HEAD = """\
schema: 1
app_defaults:
  get_ready_seconds: 10
  rest_between_sets_seconds: 30
  switch_sides_seconds: 8
  rest_between_exercises_seconds: 45
  up_seconds: 1
  down_seconds: 2
  self_paced_rep_estimate_seconds: 3
advice:
  - id: rail
    from_article: false
    text: Keep a rail near.
exercises:
  - id: lift
    name: Lift
    article_title: Leg Lift
    summary: Lifts a leg.
    category: strength
    works: [glutes]
    equipment: []
    one_sided: true
    pace: guided
    article:
      sets: 3
      reps: 15
    steps: [Lie down., Lift the leg.]
    tips: [Go slowly.]
    progressions:
      - id: plain
        name: Plain
        level: beginner
        changes: The starting form.
        equipment: []
        from_article: true
"""  # 35 lines: SECOND starts on line 36

SECOND = """\
      - id: second
        name: Second
        level: intermediate
        changes: Different.
        equipment: {equipment}
        from_article: true
"""


def parse(text: str):
    return parse_exercises(text, "x.yaml")[0]["lift"]


def error_of(text: str) -> DataError:
    with pytest.raises(DataError) as info:
        parse_exercises(text, "x.yaml")
    return info.value


def test_the_head_is_valid_and_the_first_version_uses_the_exercises_steps_and_tips():
    lift = parse(HEAD)
    assert lift.progressions[0].steps == ("Lie down.", "Lift the leg.")
    assert lift.progressions[0].tips == ("Go slowly.",)
    assert lift.progressions[0].inherited is False


def test_a_version_adding_a_band_whose_steps_never_mention_it_is_refused():
    text = HEAD + SECOND.format(equipment="[band]") + "        steps: [Lie down., Lift higher.]\n"
    error = error_of(text)
    assert (error.file, error.line, error.field) == ("x.yaml", 42, "exercises[0].progressions[1].steps")
    assert "adds band" in error.problem and "never mention" in error.problem
    assert str(error).startswith("x.yaml:42: exercises[0].progressions[1].steps: ")


@pytest.mark.parametrize("equipment, step", [
    ("band", "Loop a band round your knees."), ("ankle-weights", "Strap on an ankle weight."),
    ("weight-vest", "Put on the vest."), ("box", "Stand on a step."), ("box", "Stand on a box."),
    ("wall", "Face the wall."),
])
def test_a_version_that_names_its_new_equipment_loads(equipment, step):
    text = HEAD + SECOND.format(equipment=f"[{equipment}]") + f"        steps: [{step!r}, Lift.]\n"
    assert parse(text).progressions[1].steps == (step, "Lift.")


def test_a_version_adding_equipment_without_its_own_steps_is_refused():
    error = error_of(HEAD + SECOND.format(equipment="[band]"))
    assert (error.line, error.field) == (36, "exercises[0].progressions[1].steps")
    assert "equipment" in error.problem and "own steps" in error.problem


@pytest.mark.parametrize("extra, differs", [
    ("        hold_seconds: [2, 3]\n", "hold_seconds"), ("        one_sided: false\n", "one_sided"),
    ("        pace: own\n", "pace"),
])
def test_a_version_whose_setup_differs_must_give_its_own_steps(extra, differs):
    error = error_of(HEAD + SECOND.format(equipment="[]") + extra)
    assert error.field == "exercises[0].progressions[1].steps" and differs in error.problem


def test_a_version_without_steps_inherits_the_version_directly_below_not_the_first():
    third = SECOND.replace("second", "third").replace("Second", "Third").format(equipment="[]")
    text = (HEAD + SECOND.format(equipment="[]") + "        steps: [Stand up., Swing the leg.]\n"
            "        tips: [Hold a rail.]\n" + third)
    lift = parse(text)
    assert lift.progressions[2].steps == ("Stand up.", "Swing the leg.")
    assert lift.progressions[2].tips == ("Hold a rail.",)
    assert lift.progressions[2].inherited is True and lift.progressions[1].inherited is False


def test_a_version_with_its_own_steps_shows_only_its_own_tips():
    text = HEAD + SECOND.format(equipment="[]") + "        steps: [Stand up.]\n"
    assert parse(text).progressions[1].tips == ()


def test_tips_without_steps_are_refused():
    error = error_of(HEAD + SECOND.format(equipment="[]") + "        tips: [New tip.]\n")
    assert error.field == "exercises[0].progressions[1].tips" and "own `steps`" in error.problem


def test_the_first_version_may_not_carry_steps_of_its_own():
    text = HEAD.replace("        from_article: true\n", "        from_article: true\n        steps: [Other.]\n")
    error = error_of(text)
    assert (error.line, error.field) == (36, "exercises[0].progressions[0].steps")
    assert "exercise's `steps`" in error.problem


def test_advice_ids_must_be_known():
    text = HEAD.replace("    pace: guided\n", "    pace: guided\n    advice: [rail, cushion]\n")
    error = error_of(text)
    assert (error.line, error.field) == (24, "exercises[0].advice[1]")
    assert "unknown advice 'cushion'" in error.problem and "rail" in error.problem


def test_advice_and_per_side_source_are_read():
    text = HEAD.replace("    pace: guided\n", "    pace: guided\n    advice: [rail]\n    per_side_from_article: false\n"
                        "    each_side: each direction\n")
    lift = parse(text)
    assert lift.advice == ("rail",) and lift.per_side_from_article is False and lift.each_side == "each direction"
    assert parse_exercises(text, "x.yaml")[1]["rail"].from_article is False


def test_a_version_may_set_its_own_pace():
    text = HEAD + SECOND.format(equipment="[]") + "        pace: own\n        steps: [Go at your pace.]\n"
    lift = parse(text)
    assert lift.pace_in(lift.progressions[1]) == "own" and lift.pace_in(lift.progressions[0]) == "guided"
