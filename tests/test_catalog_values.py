"""The values loaded are the ones in the file: edge values are accepted as written, every field lands where it
belongs, and the frozen values answer the questions the app asks of them (timed? which rung for my level?).
"""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import parse_exercises, parse_routines
from hipfit_desktop.exercises.model import (
    Advice,
    AppDefaults,
    Catalog,
    Exercise,
    Hold,
    Progression,
    Routine,
    RoutineItem,
    Volume,
    equipment_needed,
)
from tests.test_catalog_validation import ROUTINES, edit, exercises_yaml


def _after(anchor: str, added: str) -> tuple[str, str]:
    return anchor, anchor + added


def load(old: str, new: str):
    exercises, advice, defaults = parse_exercises(edit(exercises_yaml(), old, new), "x.yaml")
    return exercises, advice, defaults


# (id, old, new, what to read from (exercises, advice, defaults), the value expected)
EDGE_CASES = [
    ("default-0", "  get_ready_seconds: 10\n", "  get_ready_seconds: 0\n", lambda e, a, d: d.get_ready_seconds, 0),
    ("default-600", "  switch_sides_seconds: 8\n", "  switch_sides_seconds: 600\n",
     lambda e, a, d: d.switch_sides_seconds, 600),
    ("rep-estimate-0", "  self_paced_rep_estimate_seconds: 3\n", "  self_paced_rep_estimate_seconds: 0\n",
     lambda e, a, d: d.self_paced_rep_estimate_seconds, 0),
    ("advice-range-0-1000", *_after("    text: Begin without weights.\n", "    range: [0, 1000]\n"),
     lambda e, a, d: a["start-slow"].range, (0, 1000)),
    ("advice-range-equal", *_after("    text: Begin without weights.\n", "    range: [3, 3]\n"),
     lambda e, a, d: a["start-slow"].range, (3, 3)),
    ("id-60", "  - id: lift\n", f"  - id: {'a' * 60}\n", lambda e, a, d: list(e)[0], "a" * 60),
    ("id-digits-hyphens", "  - id: lift\n", "  - id: 2-leg-lift\n", lambda e, a, d: list(e)[0], "2-leg-lift"),
    ("sets-1", "      sets: 3\n", "      sets: 1\n", lambda e, a, d: e["lift"].volume.sets, 1),
    ("sets-20", "      sets: 3\n", "      sets: 20\n", lambda e, a, d: e["lift"].volume.sets, 20),
    ("app-sets-20", "      sets: 1\n", "      sets: 20\n", lambda e, a, d: e["hold"].volume.sets, 20),
    ("reps-1", "      reps: 15\n", "      reps: 1\n", lambda e, a, d: e["lift"].volume.reps, 1),
    ("reps-100", "      reps: 15\n", "      reps: 100\n", lambda e, a, d: e["lift"].volume.reps, 100),
    ("seconds-1", "      seconds: 30\n", "      seconds: 1\n", lambda e, a, d: e["hold"].volume.seconds, 1),
    ("seconds-600", "      seconds: 30\n", "      seconds: 600\n", lambda e, a, d: e["hold"].volume.seconds, 600),
    ("hold-0", *_after("      reps: 15\n", "      hold_seconds: 0\n"), lambda e, a, d: e["lift"].volume.hold,
     Hold(0, 0)),
    ("hold-600", *_after("      reps: 15\n", "      hold_seconds: 600\n"), lambda e, a, d: e["lift"].volume.hold,
     Hold(600, 600)),
    ("hold-range-0-600", *_after("      reps: 15\n", "      hold_seconds: [0, 600]\n"),
     lambda e, a, d: e["lift"].volume.hold, Hold(0, 600)),
    ("hold-range-equal", *_after("      reps: 15\n", "      hold_seconds: [2, 2]\n"),
     lambda e, a, d: e["lift"].volume.hold, Hold(2, 2)),
    ("app-up-0", *_after("      sets: 1\n", "      up_seconds: 0\n"), lambda e, a, d: e["hold"].volume.up_seconds, 0),
    ("app-up-600", *_after("      sets: 1\n", "      up_seconds: 600\n"), lambda e, a, d: e["hold"].volume.up_seconds,
     600),
    ("app-down-0", *_after("      sets: 1\n", "      down_seconds: 0\n"), lambda e, a, d: e["hold"].volume.down_seconds,
     0),
    ("app-switch-600", *_after("      sets: 1\n", "      switch_sides_seconds: 600\n"),
     lambda e, a, d: e["hold"].volume.switch_sides_seconds, 600),
    ("app-hold-range", *_after("      sets: 1\n", "      hold_seconds: [1, 2]\n"),
     lambda e, a, d: (e["hold"].volume.hold, e["hold"].volume.from_app), (Hold(1, 2), {"sets", "hold_seconds"})),
    ("side-label-default", "    one_sided: true\n", "    one_sided: true\n", lambda e, a, d: e["lift"].side_label,
     "{side} leg"),
    ("side-label-60", *_after("    one_sided: true\n", f"    side_label: '{{side}}{'x' * 54}'\n"),
     lambda e, a, d: e["lift"].side_label, "{side}" + "x" * 54),
    ("name-80", "    name: Lift\n", f"    name: {'n' * 80}\n", lambda e, a, d: e["lift"].name, "n" * 80),
    ("article-title-80", "    article_title: Leg Lift\n", f"    article_title: {'t' * 80}\n",
     lambda e, a, d: e["lift"].article_title, "t" * 80),
    ("works-80", "    works: [glutes]\n", f"    works: [{'w' * 80}]\n", lambda e, a, d: e["lift"].works, ("w" * 80,)),
    ("progression-name-80", "        name: Plain\n", f"        name: {'p' * 80}\n",
     lambda e, a, d: e["lift"].progressions[0].name, "p" * 80),
    ("exercise-equipment-left-out", "    works: [glutes]\n    equipment: []\n", "    works: [glutes]\n",
     lambda e, a, d: e["lift"].equipment, ()),
    ("progression-equipment-left-out", "        equipment: []\n        from_article: true\n  - id: hold",
     "        from_article: true\n  - id: hold", lambda e, a, d: e["lift"].progressions[0].equipment, ()),
    ("pace-own", "    pace: guided\n", "    pace: own\n", lambda e, a, d: e["lift"].pace, "own"),
    ("first-step-on-a-wall-and-box", "        equipment: []\n        from_article: true\n  - id: hold",
     "        equipment: [wall, box]\n        from_article: true\n  - id: hold",
     lambda e, a, d: e["lift"].progressions[0].equipment, ("wall", "box")),
]


@pytest.mark.parametrize("old, new, read, expected", [case[1:] for case in EDGE_CASES],
                         ids=[case[0] for case in EDGE_CASES])
def test_values_at_the_edges_are_accepted_as_written(old, new, read, expected):
    """The lowest and highest allowed values (and the longest allowed text) load exactly as written."""
    assert read(*load(old, new)) == expected


def test_app_defaults_each_land_in_their_own_field():
    """Each app default is read into the setting of the same name."""
    assert parse_exercises(exercises_yaml(), "x.yaml")[2] == AppDefaults(
        get_ready_seconds=10, rest_between_sets_seconds=30, switch_sides_seconds=8,
        rest_between_exercises_seconds=45, up_seconds=1, down_seconds=2, self_paced_rep_estimate_seconds=3)


_FULL = """\
  - id: full
    name: Full
    article_title: The Full One
    correction: >-
      The article says inner thigh;
      it is the outer hip.
    summary: '  Everything at once.  '
    category: strength
    works: [outer hip, glutes]
    equipment: [wall]
    one_sided: true
    side_label: "{side} arm"
    pace: own
    article:
      sets: 2
      hold_seconds: [1, 2]
    app:
      reps: 12
      up_seconds: 3
      down_seconds: 4
      switch_sides_seconds: 5
    steps: [Stand tall., Lift.]
    tips: [Breathe.]
    progressions:
      - id: easy
        name: Easy
        level: beginner
        changes: Small lift.
        equipment: [box]
        from_article: true
      - id: banded
        name: Banded
        level: intermediate
        changes: Add a band.
        equipment: [band]
        from_article: false
        one_sided: false
        hold_seconds: 3
        steps: [Loop the band.]
      - id: banded-too
        name: Banded too
        level: intermediate
        changes: Same level again.
        equipment: []
        from_article: true
        steps: [Keep going.]
"""


def test_every_field_of_an_exercise_is_loaded_as_written():
    """A full exercise entry loads into exactly the values written, with the app's numbers marked as such."""
    exercises = parse_exercises(exercises_yaml() + _FULL, "x.yaml")[0]
    assert exercises["full"] == Exercise(
        id="full", name="Full", article_title="The Full One",
        correction="The article says inner thigh; it is the outer hip.", summary="Everything at once.",
        category="strength", works=("outer hip", "glutes"), equipment=("wall",), one_sided=True,
        side_label="{side} arm", pace="own",
        volume=Volume(sets=2, reps=12, seconds=None, hold=Hold(1, 2), up_seconds=3, down_seconds=4,
                      switch_sides_seconds=5,
                      from_app=frozenset({"reps", "up_seconds", "down_seconds", "switch_sides_seconds"})),
        steps=("Stand tall.", "Lift."), tips=("Breathe.",),
        progressions=(
            # the first version is the starting form: the exercise's steps and tips are its own
            Progression("easy", "Easy", "beginner", "Small lift.", ("box",), True, steps=("Stand tall.", "Lift."),
                        tips=("Breathe.",)),
            Progression("banded", "Banded", "intermediate", "Add a band.", ("band",), False, one_sided=False,
                        hold=Hold(3, 3), steps=("Loop the band.",)),
            Progression("banded-too", "Banded too", "intermediate", "Same level again.", (), True,
                        steps=("Keep going.",)),
        ),
    )


def test_optional_exercise_fields_left_out_are_empty():
    """Without correction, tips or side label, an exercise has none, no tips and the default `{side} leg`."""
    lift = parse_exercises(exercises_yaml(), "x.yaml")[0]["lift"]
    assert (lift.correction, lift.tips, lift.side_label, lift.one_sided) == (None, (), "{side} leg", True)
    assert lift.volume == Volume(3, 15, None, None, None, None, None, frozenset())
    assert lift.progressions == (Progression("plain", "Plain", "beginner", "The starting form.", (), True,
                                             steps=("Lift the leg.",)),)


def test_advice_is_loaded_as_written():
    """Advice keeps its text, and its range only when one is given."""
    text = edit(exercises_yaml(), "    text: Begin without weights.\n",
                "    text: Begin without weights.\n  - id: three-times\n    text: '  Train three times. '\n"
                "    range: [3, 4]\n")
    advice = parse_exercises(text, "x.yaml")[1]
    assert advice == {"start-slow": Advice("start-slow", "Begin without weights.", None),
                      "three-times": Advice("three-times", "Train three times.", (3, 4))}


@pytest.mark.parametrize("entry, item", [
    ("      - exercise: lift\n        sets: 1\n        reps: 1\n", RoutineItem("lift", sets=1, reps=1)),
    ("      - exercise: lift\n        sets: 20\n        reps: 100\n", RoutineItem("lift", sets=20, reps=100)),
    ("      - exercise: hold\n        seconds: 1\n", RoutineItem("hold", seconds=1)),
    ("      - exercise: hold\n        seconds: 600\n", RoutineItem("hold", seconds=600)),
    ("      - exercise: hold\n", RoutineItem("hold")),
    ("      - hold\n", RoutineItem("hold")),
], ids=["lowest-counts", "highest-counts", "seconds-1", "seconds-600", "mapping-without-counts", "plain"])
def test_routine_counts_at_the_edges_are_loaded_as_written(entry, item):
    """A routine's own sets, reps and seconds are accepted at both ends of their ranges and kept as written."""
    text = edit(ROUTINES, "      - exercise: hold\n        seconds: 45\n", entry)
    exercises = parse_exercises(exercises_yaml(), "x.yaml")[0]
    assert parse_routines(text, "r.yaml", exercises)["mine"].items == (RoutineItem("lift"), item)


def test_a_routine_name_may_be_80_characters():
    """The longest allowed routine name loads as written."""
    text = edit(ROUTINES, "    name: Mine\n", f"    name: {'m' * 80}\n")
    exercises = parse_exercises(exercises_yaml(), "x.yaml")[0]
    assert parse_routines(text, "r.yaml", exercises)["mine"].name == "m" * 80


def test_a_routine_is_loaded_as_written_with_where_it_came_from():
    """A routine keeps its name, trimmed description, allowed equipment, items, file and the line of its id."""
    text = ROUTINES + """\
  - id: second
    name: Second
    description: '  Two moves. '
    equipment_allowed: [band, wall]
    exercises: [hold]
"""
    exercises = parse_exercises(exercises_yaml(), "x.yaml")[0]
    routines = parse_routines(text, "r.yaml", exercises)
    assert routines == {
        "mine": Routine("mine", "Mine", "", (RoutineItem("lift"), RoutineItem("hold", seconds=45)), None, "r.yaml", 3),
        "second": Routine("second", "Second", "Two moves.", (RoutineItem("hold"),), frozenset({"band", "wall"}),
                          "r.yaml", 9),
    }


# --- the frozen values ------------------------------------------------------------------------------------

@pytest.mark.parametrize("hold, shown, seconds", [(Hold(2, 2), "2 s", 2), (Hold(1, 2), "1–2 s", 2),
                                                  (Hold(0, 0), "0 s", 0), (Hold(2, 3), "2–3 s", 3)],
                         ids=["2", "1-2", "0", "2-3"])
def test_a_hold_reads_as_seconds_or_a_range_and_guides_at_its_top(hold, shown, seconds):
    """A hold shows as `2 s` or `1–2 s`, and guided tempo uses the top of the range."""
    assert (str(hold), hold.seconds) == (shown, seconds)


def _ladder(*rungs: tuple[str, str, tuple[str, ...]]) -> Exercise:
    lift = parse_exercises(exercises_yaml(), "x.yaml")[0]["lift"]
    steps = tuple(Progression(rung_id, rung_id, level, "", equipment, True) for rung_id, level, equipment in rungs)
    return Exercise(**{**lift.__dict__, "progressions": steps})


LADDER = _ladder(("floor", "beginner", ()), ("band", "intermediate", ("band",)), ("box", "intermediate", ("box",)),
                 ("vest", "advanced", ("weight-vest",)))


@pytest.mark.parametrize("level, allowed, chosen", [
    ("beginner", None, "floor"),
    ("intermediate", None, "box"),
    ("advanced", None, "vest"),
    ("advanced", frozenset({"band"}), "band"),
    ("advanced", frozenset({"box", "band"}), "box"),
    ("intermediate", frozenset(), "floor"),
    ("advanced", frozenset({"weight-vest"}), "vest"),
])
def test_default_progression_is_the_last_rung_at_or_below_the_level_that_fits_the_equipment(level, allowed, chosen):
    """A runner gets the hardest rung at their level that needs only the equipment the routine allows."""
    assert LADDER.default_progression(level, allowed).id == chosen


def test_default_progression_falls_back_to_the_first_rung():
    """When no rung fits the equipment, the first (easiest) rung is used."""
    ladder = _ladder(("banded", "beginner", ("band",)), ("vest", "advanced", ("weight-vest",)))
    assert ladder.default_progression("advanced", frozenset()).id == "banded"


def test_a_progression_is_found_by_id_and_an_unknown_id_is_a_key_error():
    """Looking up a rung by id returns that rung; a rung that is not there raises KeyError naming it."""
    assert LADDER.progression("box").equipment == ("box",)
    assert LADDER.progression("floor").level == "beginner"
    with pytest.raises(KeyError, match="stairs"):
        LADDER.progression("stairs")


def test_an_exercise_is_timed_when_it_counts_seconds():
    """Exercises with seconds are timed; those with reps are not."""
    exercises = parse_exercises(exercises_yaml(), "x.yaml")[0]
    assert (exercises["hold"].timed, exercises["lift"].timed) == (True, False)


def test_equipment_needed_lists_each_item_once_in_the_catalogues_order():
    """The equipment list for a session names each item once, in the order band, box, wall, weights, vest."""
    lift = parse_exercises(exercises_yaml(), "x.yaml")[0]["lift"]
    walled = Exercise(**{**lift.__dict__, "equipment": ("wall",)})
    pairs = [(walled, LADDER.progression("vest")), (LADDER, LADDER.progression("box")),
             (walled, LADDER.progression("band")), (LADDER, Progression("w", "w", "advanced", "", ("ankle-weights",),
                                                                         True))]
    assert equipment_needed(pairs) == ["band", "box", "wall", "ankle-weights", "weight-vest"]
    assert equipment_needed([(lift, LADDER.progression("floor"))]) == []


def test_a_catalog_finds_a_routine_by_id_and_has_no_problems_by_default():
    """The catalogue looks routines up by id, and lists no skipped files unless told."""
    exercises, advice, defaults = parse_exercises(exercises_yaml(), "x.yaml")
    routines = parse_routines(ROUTINES, "r.yaml", exercises)
    catalog = Catalog(exercises, routines, advice, defaults)
    assert catalog.routine("mine") is routines["mine"]
    assert catalog.problems == ()
    with pytest.raises(KeyError):
        catalog.routine("yours")
