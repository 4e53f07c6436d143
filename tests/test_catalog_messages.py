"""The exact `file:line: field: problem` message a user reads for each kind of bad catalogue or routine file.

Each case is one edit of the minimal valid documents in tests/test_catalog_validation.py; the line number is
counted in the edited text by the test, and the rest of the message is written out as the user reads it.
Bounds are tested at the bound itself (accepted, in tests/test_catalog_values.py) and one past it (here).
"""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import parse_exercises, parse_routines
from hipfit_desktop.exercises.strictyaml import DataError
from tests.test_catalog_validation import ROUTINES, edit, exercises_error, exercises_yaml, line_of, routines_error

_LIFT_LADDER = "        equipment: []\n        from_article: true\n  - id: hold"
_LIFT_PROGRESSIONS = """\
    progressions:
      - id: plain
        name: Plain
        level: beginner
        changes: The starting form.
        equipment: []
        from_article: true
"""
_SECOND_STEP = """\
      - id: {id}
        name: Second
        level: {level}
        changes: Harder.
        equipment: [{equipment}]
        from_article: false
"""
_APP_DEFAULT_KEYS = ("down_seconds, get_ready_seconds, rest_between_exercises_seconds, rest_between_sets_seconds, "
                     "self_paced_rep_estimate_seconds, switch_sides_seconds, up_seconds")
_APP_DEFAULTS_BLOCK = exercises_yaml()[exercises_yaml().index("app_defaults:"):exercises_yaml().index("advice:")]
_KNOWN_EQUIPMENT = "(known: band, box, wall, ankle-weights, weight-vest)"


def _after(anchor: str, added: str) -> tuple[str, str]:
    """An edit that adds `added` on the line after `anchor`."""
    return anchor, anchor + added


# (id, old, new, the line: a snippet or (snippet, nth), "field: problem")
EXERCISE_CASES = [
    ("schema-0", "schema: 1\n", "schema: 0\n", "schema: 0", "schema: this app reads schema 1, the file says 0"),
    ("schema-2", "schema: 1\n", "schema: 2\n", "schema: 2", "schema: this app reads schema 1, the file says 2"),
    ("schema-10000", "schema: 1\n", "schema: 10000\n", "schema:",
     "schema: this app reads schema 1, the file says 10000"),
    ("schema-10001", "schema: 1\n", "schema: 10001\n", "schema:", "schema: 10001 is out of range (0 to 10000)"),
    ("schema-negative", "schema: 1\n", "schema: -1\n", "schema:", "schema: -1 is out of range (0 to 10000)"),
    ("schema-text", "schema: 1\n", "schema: one\n", "schema:", "schema: expected a whole number, got 'one' (text)"),
    ("default-601", "  get_ready_seconds: 10\n", "  get_ready_seconds: 601\n", "get_ready",
     "app_defaults.get_ready_seconds: 601 is out of range (0 to 600)"),
    ("default-negative", "  up_seconds: 1\n", "  up_seconds: -1\n", "  up_seconds",
     "app_defaults.up_seconds: -1 is out of range (0 to 600)"),
    ("default-missing", "  down_seconds: 2\n", "", "app_defaults:", "app_defaults.down_seconds: missing"),
    ("default-unknown", *_after("  down_seconds: 2\n", "  cool_down_seconds: 60\n"), "cool_down",
     f"app_defaults.cool_down_seconds: unknown key (known keys here: {_APP_DEFAULT_KEYS})"),
    ("defaults-not-a-mapping", _APP_DEFAULTS_BLOCK, "app_defaults: 10\n", "app_defaults:",
     "app_defaults: expected a mapping, got 10 (a number)"),
    ("defaults-missing", _APP_DEFAULTS_BLOCK, "", "schema: 1", "app_defaults: missing"),
    ("advice-range-1001", *_after("    text: Begin without weights.\n", "    range: [0, 1001]\n"), "range:",
     "advice[0].range[1]: 1001 is out of range (0 to 1000)"),
    ("advice-range-negative", *_after("    text: Begin without weights.\n", "    range: [-1, 3]\n"), "range:",
     "advice[0].range[0]: -1 is out of range (0 to 1000)"),
    ("advice-range-three", *_after("    text: Begin without weights.\n", "    range: [1, 2, 3]\n"), "range:",
     "advice[0].range: expected [min, max], got 3 numbers"),
    ("advice-range-one", *_after("    text: Begin without weights.\n", "    range: [1]\n"), "range:",
     "advice[0].range: expected [min, max], got 1 numbers"),
    ("advice-range-backwards", *_after("    text: Begin without weights.\n", "    range: [4, 3]\n"), "range:",
     "advice[0].range: min 4 is greater than max 3"),
    ("advice-range-number", *_after("    text: Begin without weights.\n", "    range: 3\n"), "range:",
     "advice[0].range: expected a list, got 3 (a number)"),
    ("advice-unknown", *_after("    text: Begin without weights.\n", "    link: somewhere\n"), "link:",
     "advice[0].link: unknown key (known keys here: from_article, id, range, text)"),
    ("advice-duplicate", *_after("    text: Begin without weights.\n", "  - id: start-slow\n    text: Again.\n"),
     ("- id: start-slow", 2), "advice[1].id: duplicate id 'start-slow'"),
    ("advice-text-missing", "    text: Begin without weights.\n", "", "- id: start-slow", "advice[0].text: missing"),
    ("advice-id-capitals", "  - id: start-slow\n", "  - id: Start-slow\n", "Start-slow",
     "advice[0].id: 'Start-slow' must be lowercase letters a-z, digits and hyphens"),
    ("id-underscore", "  - id: lift\n", "  - id: lift_2\n", "lift_2",
     "exercises[0].id: 'lift_2' must be lowercase letters a-z, digits and hyphens"),
    ("id-space", "  - id: lift\n", "  - id: lift 2\n", "lift 2",
     "exercises[0].id: 'lift 2' must be lowercase letters a-z, digits and hyphens"),
    ("id-61", "  - id: lift\n", f"  - id: {'a' * 61}\n", "a" * 61,
     "exercises[0].id: too long (61 characters, at most 60)"),
    ("sets-0", "      sets: 3\n", "      sets: 0\n", "sets: 0",
     "exercises[0].article.sets: 0 is out of range (1 to 20)"),
    ("sets-21", "      sets: 3\n", "      sets: 21\n", "sets: 21",
     "exercises[0].article.sets: 21 is out of range (1 to 20)"),
    ("app-sets-0", "      sets: 1\n", "      sets: 0\n", "sets: 0",
     "exercises[1].app.sets: 0 is out of range (1 to 20)"),
    ("reps-0", "      reps: 15\n", "      reps: 0\n", "reps: 0",
     "exercises[0].article.reps: 0 is out of range (1 to 100)"),
    ("reps-101", "      reps: 15\n", "      reps: 101\n", "reps: 101",
     "exercises[0].article.reps: 101 is out of range (1 to 100)"),
    ("seconds-0", "      seconds: 30\n", "      seconds: 0\n", "seconds: 0",
     "exercises[1].article.seconds: 0 is out of range (1 to 600)"),
    ("seconds-601", "      seconds: 30\n", "      seconds: 601\n", "seconds: 601",
     "exercises[1].article.seconds: 601 is out of range (1 to 600)"),
    ("hold-601", *_after("      reps: 15\n", "      hold_seconds: 601\n"), "hold_seconds",
     "exercises[0].article.hold_seconds: 601 is out of range (0 to 600)"),
    ("hold-negative", *_after("      reps: 15\n", "      hold_seconds: -1\n"), "hold_seconds",
     "exercises[0].article.hold_seconds: -1 is out of range (0 to 600)"),
    ("hold-range-601", *_after("      reps: 15\n", "      hold_seconds: [0, 601]\n"), "hold_seconds",
     "exercises[0].article.hold_seconds[1]: 601 is out of range (0 to 600)"),
    ("hold-range-negative", *_after("      reps: 15\n", "      hold_seconds: [-1, 2]\n"), "hold_seconds",
     "exercises[0].article.hold_seconds[0]: -1 is out of range (0 to 600)"),
    ("hold-range-three", *_after("      reps: 15\n", "      hold_seconds: [1, 2, 3]\n"), "hold_seconds",
     "exercises[0].article.hold_seconds: expected [min, max], got 3 numbers"),
    ("hold-text", *_after("      reps: 15\n", "      hold_seconds: 2s\n"), "hold_seconds",
     "exercises[0].article.hold_seconds: expected a whole number, got '2s' (text)"),
    ("app-up-601", *_after("      sets: 1\n", "      up_seconds: 601\n"), "up_seconds: 601",
     "exercises[1].app.up_seconds: 601 is out of range (0 to 600)"),
    ("app-down-negative", *_after("      sets: 1\n", "      down_seconds: -1\n"), "down_seconds: -1",
     "exercises[1].app.down_seconds: -1 is out of range (0 to 600)"),
    ("app-switch-601", *_after("      sets: 1\n", "      switch_sides_seconds: 601\n"), "switch_sides_seconds: 601",
     "exercises[1].app.switch_sides_seconds: 601 is out of range (0 to 600)"),
    ("up-seconds-in-article", *_after("      reps: 15\n", "      up_seconds: 1\n"), ("up_seconds: 1", 2),
     "exercises[0].article.up_seconds: unknown key (known keys here: hold_seconds, reps, seconds, sets)"),
    ("unknown-in-app", *_after("      sets: 1\n", "      rest: 5\n"), "rest: 5",
     "exercises[1].app.rest: unknown key (known keys here: down_seconds, hold_seconds, reps, seconds, sets, "
     "switch_sides_seconds, up_seconds)"),
    ("sets-in-both", *_after("      seconds: 30\n", "      sets: 2\n"), "      sets: 1",
     "exercises[1].app.sets: given in both `article` and `app`: say where the number comes from once"),
    ("no-sets", "      sets: 3\n", "", "    article:", "exercises[0].article: no `sets` in `article` or `app`"),
    ("reps-and-seconds", *_after("      reps: 15\n", "      seconds: 30\n"), "    article:",
     "exercises[0].article: give either `reps` or `seconds` (in `article` or `app`), not both or neither"),
    ("reps-in-app-seconds-in-article", *_after("      sets: 1\n", "      reps: 5\n"), ("    article:", 2),
     "exercises[1].article: give either `reps` or `seconds` (in `article` or `app`), not both or neither"),
    ("article-missing", "    article:\n      sets: 3\n      reps: 15\n", "", "  - id: lift",
     "exercises[0].article: missing"),
    ("app-not-a-mapping", "    app:\n      sets: 1\n", "    app: 1\n", "    app: 1",
     "exercises[1].app: expected a mapping, got 1 (a number)"),
    ("equipment-unknown", "    works: [glutes]\n    equipment: []\n", "    works: [glutes]\n    equipment: [rope]\n",
     "rope", f"exercises[0].equipment[0]: unknown equipment 'rope' {_KNOWN_EQUIPMENT}"),
    ("equipment-41", "    works: [glutes]\n    equipment: []\n",
     f"    works: [glutes]\n    equipment: [{'b' * 41}]\n", "b" * 41,
     "exercises[0].equipment[0]: too long (41 characters, at most 40)"),
    ("equipment-40", "    works: [glutes]\n    equipment: []\n",
     f"    works: [glutes]\n    equipment: [{'b' * 40}]\n", "b" * 40,
     f"exercises[0].equipment[0]: unknown equipment '{'b' * 40}' {_KNOWN_EQUIPMENT}"),
    ("side-label-without-side", *_after("    one_sided: true\n", "    side_label: left leg\n"), "side_label",
     "exercises[0].side_label: must contain {side}"),
    ("side-label-61", *_after("    one_sided: true\n", f"    side_label: '{{side}}{'x' * 55}'\n"), "side_label",
     "exercises[0].side_label: too long (61 characters, at most 60)"),
    ("pace-fast", "    pace: guided\n", "    pace: fast\n", "pace: fast",
     "exercises[0].pace: expected one of guided, own, got 'fast' (text)"),
    ("pace-on-timed", *_after("    one_sided: false\n", "    pace: own\n"), "pace: own",
     "exercises[1].pace: timed work has no pace: drop this key"),
    ("name-81", "    name: Lift\n", f"    name: {'n' * 81}\n", "n" * 81,
     "exercises[0].name: too long (81 characters, at most 80)"),
    ("article-title-81", "    article_title: Leg Lift\n", f"    article_title: {'t' * 81}\n", "t" * 81,
     "exercises[0].article_title: too long (81 characters, at most 80)"),
    ("works-81", "    works: [glutes]\n", f"    works: [glutes, {'w' * 81}]\n", "w" * 81,
     "exercises[0].works[1]: too long (81 characters, at most 80)"),
    ("category", "    category: strength\n", "    category: cardio\n", "cardio",
     "exercises[0].category: expected one of strength, stretch, got 'cardio' (text)"),
    ("no-steps", "    steps: [Lift the leg.]\n", "    steps: []\n", "steps: []",
     "exercises[0].steps: at least one step is needed"),
    ("works-missing", "    works: [glutes]\n", "", "  - id: lift", "exercises[0].works: missing"),
    ("steps-missing", "    steps: [Lift the leg.]\n", "", "  - id: lift", "exercises[0].steps: missing"),
    ("blank-summary", "    summary: Lifts a leg.\n", '    summary: ""\n', "summary:",
     "exercises[0].summary: must not be blank"),
    ("one-sided-missing", "    one_sided: true\n", "", "  - id: lift", "exercises[0].one_sided: missing"),
    ("one-sided-number", "    one_sided: true\n", "    one_sided: 1\n", "one_sided: 1",
     "exercises[0].one_sided: expected true or false, got 1 (a number)"),
    ("no-progressions", _LIFT_PROGRESSIONS, "    progressions: []\n", "progressions: []",
     "exercises[0].progressions: at least one step is needed"),
    ("progression-duplicate", _LIFT_LADDER,
     _LIFT_LADDER.replace("  - id: hold",
                          _SECOND_STEP.format(id="plain", level="beginner", equipment="") + "  - id: hold"),
     ("      - id: plain", 2), "exercises[0].progressions[1].id: duplicate progression id 'plain'"),
    ("first-step-band", _LIFT_LADDER, _LIFT_LADDER.replace("equipment: []", "equipment: [wall, band]"),
     "      - id: plain",
     "exercises[0].progressions[0]: the first step must be for beginners and add no resistance (band or weights)"),
    ("first-step-weight-vest", _LIFT_LADDER, _LIFT_LADDER.replace("equipment: []", "equipment: [weight-vest]"),
     "      - id: plain",
     "exercises[0].progressions[0]: the first step must be for beginners and add no resistance (band or weights)"),
    ("first-step-advanced", "        level: beginner\n        changes: The starting form.\n",
     "        level: advanced\n        changes: The starting form.\n", "      - id: plain",
     "exercises[0].progressions[0]: the first step must be for beginners and add no resistance (band or weights)"),
    ("level-goes-down", _LIFT_LADDER,
     _LIFT_LADDER.replace("  - id: hold", _SECOND_STEP.format(id="hard", level="advanced", equipment="")
                          + _SECOND_STEP.format(id="mid", level="intermediate", equipment="") + "  - id: hold"),
     "level: intermediate",
     "exercises[0].progressions[2].level: 'intermediate' comes after 'advanced': levels only go up"),
    ("level-goes-down-after-three", _LIFT_LADDER,
     _LIFT_LADDER.replace("  - id: hold", _SECOND_STEP.format(id="mid", level="intermediate", equipment="")
                          + _SECOND_STEP.format(id="hard", level="advanced", equipment="")
                          + _SECOND_STEP.format(id="back", level="intermediate", equipment="") + "  - id: hold"),
     ("level: intermediate", 2),
     "exercises[0].progressions[3].level: 'intermediate' comes after 'advanced': levels only go up"),
    ("level-unknown", "        level: beginner\n        changes: The starting form.\n",
     "        level: expert\n        changes: The starting form.\n", "level: expert",
     "exercises[0].progressions[0].level: expected one of beginner, intermediate, advanced, got 'expert' (text)"),
    ("progression-hold-601", *_after("        name: Plain\n", "        hold_seconds: 601\n"), "hold_seconds",
     "exercises[0].progressions[0].hold_seconds: 601 is out of range (0 to 600)"),
    ("progression-name-81", "        name: Plain\n", f"        name: {'p' * 81}\n", "p" * 81,
     "exercises[0].progressions[0].name: too long (81 characters, at most 80)"),
    ("progression-from-article-missing", _LIFT_LADDER, _LIFT_LADDER.replace("        from_article: true\n", ""),
     "      - id: plain", "exercises[0].progressions[0].from_article: missing"),
    ("progression-one-sided-yes", *_after("        name: Plain\n", "        one_sided: yes\n"), "one_sided: yes",
     "exercises[0].progressions[0].one_sided: 'yes' is ambiguous in YAML; write true or false"),
    ("progression-unknown-equipment", _LIFT_LADDER, _LIFT_LADDER.replace("equipment: []", "equipment: [chair]"),
     "chair", f"exercises[0].progressions[0].equipment[0]: unknown equipment 'chair' {_KNOWN_EQUIPMENT}"),
    ("exercise-not-a-mapping", "  - id: hold\n", "  - just-a-name\n  - id: hold\n", "just-a-name",
     "exercises[1]: expected a mapping, got 'just-a-name' (text)"),
    ("first-step-tips", *_after("        changes: The starting form.\n", "        tips: [Go slowly.]\n"), "tips:",
     "exercises[0].progressions[0].tips: the first version uses the exercise's `steps` and `tips`: move them there"),
    ("advice-id-61", *_after("    pace: guided\n", f"    advice: [{'a' * 61}]\n"), "a" * 61,
     "exercises[0].advice[0]: too long (61 characters, at most 60)"),
    ("advice-unknown-id", *_after("    pace: guided\n", "    advice: [start-slow, kneel-soft]\n"), "kneel-soft",
     "exercises[0].advice[1]: unknown advice 'kneel-soft' (known: start-slow)"),
    ("later-step-steps-leave-out-the-box", _LIFT_LADDER,
     _LIFT_LADDER.replace("  - id: hold", _SECOND_STEP.format(id="boxed", level="intermediate", equipment="box")
                          + "        steps: [Lift the leg higher.]\n  - id: hold"),
     "steps: [Lift the leg higher.]",
     'exercises[0].progressions[1].steps: this version adds box, but its steps never mention it (say where the box '
     'goes: "box" or "step")'),
    ("later-step-tips-without-steps", _LIFT_LADDER,
     _LIFT_LADDER.replace("  - id: hold", _SECOND_STEP.format(id="tipped", level="beginner", equipment="")
                          + "        tips: [Go slowly.]\n  - id: hold"),
     "tips: [Go slowly.]", "exercises[0].progressions[1].tips: a version with its own tips needs its own `steps` too"),
    ("later-step-set-up-differs", _LIFT_LADDER,
     _LIFT_LADDER.replace("  - id: hold", _SECOND_STEP.format(id="other", level="beginner", equipment="wall")
                          + "        one_sided: false\n        hold_seconds: 2\n        pace: own\n  - id: hold"),
     "      - id: other",
     "exercises[0].progressions[1].steps: missing: its equipment, one_sided, hold_seconds, pace differ from the "
     "version below (plain), so its set-up does too; give it its own steps and tips"),
]


@pytest.mark.parametrize("old, new, where, expected", [case[1:] for case in EXERCISE_CASES],
                         ids=[case[0] for case in EXERCISE_CASES])
def test_bad_exercises_file_message(old, new, where, expected):
    """Each mistake in the exercises file is refused with the exact message the user reads."""
    text = edit(exercises_yaml(), old, new)
    snippet, nth = where if isinstance(where, tuple) else (where, 1)
    line = line_of(text, snippet, nth)
    assert str(exercises_error(text)) == f"x.yaml:{line}: {expected}"


ROUTINE_CASES = [
    ("no-routines", "routines:\n  - id: mine\n    name: Mine\n    exercises:\n      - lift\n"
     "      - exercise: hold\n        seconds: 45\n", "routines: []\n", "schema: 1", "routines: the list is empty"),
    ("unknown-key", *_after("    name: Mine\n", "    equipment: [band]\n"), "equipment:",
     "routines[0].equipment: unknown key (known keys here: description, equipment_allowed, exercises, id, name)"),
    ("duplicate-id", *_after("        seconds: 45\n", "  - id: mine\n    name: Again\n    exercises: [lift]\n"),
     ("- id: mine", 2), "routines[1].id: duplicate id 'mine'"),
    ("name-81", "    name: Mine\n", f"    name: {'m' * 81}\n", "m" * 81,
     "routines[0].name: too long (81 characters, at most 80)"),
    ("no-exercises", "    exercises:\n      - lift\n      - exercise: hold\n        seconds: 45\n", "", "- id: mine",
     "routines[0].exercises: missing"),
    ("empty-exercises", "    exercises:\n      - lift\n      - exercise: hold\n        seconds: 45\n",
     "    exercises: []\n", "exercises: []", "routines[0].exercises: the list is empty"),
    ("entry-number", "      - lift\n", "      - 5\n", "      - 5",
     "routines[0].exercises[0]: expected text, got 5 (a number)"),
    ("entry-61", "      - lift\n", f"      - {'e' * 61}\n", "e" * 61,
     "routines[0].exercises[0]: too long (61 characters, at most 60)"),
    ("entry-60", "      - lift\n", f"      - {'e' * 60}\n", "e" * 60,
     f"routines[0].exercises[0]: unknown exercise '{'e' * 60}' (known: lift, hold)"),
    ("mapping-entry-60", "      - exercise: hold\n", f"      - exercise: {'e' * 60}\n", "e" * 60,
     f"routines[0].exercises[1].exercise: unknown exercise '{'e' * 60}' (known: lift, hold)"),
    ("equipment-allowed-41", *_after("    name: Mine\n", f"    equipment_allowed: [{'q' * 41}]\n"), "equipment_allowed",
     "routines[0].equipment_allowed[0]: too long (41 characters, at most 40)"),
    ("mapping-entry-61", "      - exercise: hold\n", f"      - exercise: {'e' * 61}\n", "e" * 61,
     "routines[0].exercises[1].exercise: too long (61 characters, at most 60)"),
    ("mapping-entry-without-exercise", "      - exercise: hold\n        seconds: 45\n", "      - seconds: 45\n",
     "- seconds: 45", "routines[0].exercises[1].exercise: missing"),
    ("unknown-exercise", "      - lift\n", "      - lifts\n", "lifts",
     "routines[0].exercises[0]: unknown exercise 'lifts' (known: lift, hold)"),
    ("unknown-exercise-in-mapping", "      - exercise: hold\n", "      - exercise: holds\n", "holds",
     "routines[0].exercises[1].exercise: unknown exercise 'holds' (known: lift, hold)"),
    ("sets-0", *_after("        seconds: 45\n", "        sets: 0\n"), "sets: 0",
     "routines[0].exercises[1].sets: 0 is out of range (1 to 20)"),
    ("sets-21", *_after("        seconds: 45\n", "        sets: 21\n"), "sets: 21",
     "routines[0].exercises[1].sets: 21 is out of range (1 to 20)"),
    ("seconds-0", "        seconds: 45\n", "        seconds: 0\n", "seconds: 0",
     "routines[0].exercises[1].seconds: 0 is out of range (1 to 600)"),
    ("seconds-601", "        seconds: 45\n", "        seconds: 601\n", "seconds: 601",
     "routines[0].exercises[1].seconds: 601 is out of range (1 to 600)"),
    ("reps-0", "      - lift\n", "      - exercise: lift\n        reps: 0\n", "reps: 0",
     "routines[0].exercises[0].reps: 0 is out of range (1 to 100)"),
    ("reps-101", "      - lift\n", "      - exercise: lift\n        reps: 101\n", "reps: 101",
     "routines[0].exercises[0].reps: 101 is out of range (1 to 100)"),
    ("reps-of-timed", "        seconds: 45\n", "        reps: 5\n", "reps: 5",
     "routines[0].exercises[1].reps: hold is timed: give `seconds`, not `reps`"),
    ("seconds-of-reps", "      - lift\n", "      - exercise: lift\n        seconds: 20\n", "seconds: 20",
     "routines[0].exercises[0].seconds: lift counts reps: give `reps`, not `seconds`"),
    ("unknown-equipment-allowed", *_after("    name: Mine\n", "    equipment_allowed: [band, mat]\n"),
     "equipment_allowed", f"routines[0].equipment_allowed[1]: unknown equipment 'mat' {_KNOWN_EQUIPMENT}"),
    ("routine-not-a-mapping", "  - id: mine\n", "  - mine\n  - id: mine\n", "  - mine",
     "routines[0]: expected a mapping, got 'mine' (text)"),
]


@pytest.mark.parametrize("old, new, where, expected", [case[1:] for case in ROUTINE_CASES],
                         ids=[case[0] for case in ROUTINE_CASES])
def test_bad_routines_file_message(old, new, where, expected):
    """Each mistake in a routines file is refused with the exact message the user reads."""
    text = edit(ROUTINES, old, new)
    snippet, nth = where if isinstance(where, tuple) else (where, 1)
    assert str(routines_error(text)) == f"r.yaml:{line_of(text, snippet, nth)}: {expected}"


def test_an_unknown_advice_id_is_refused_naming_every_known_one():
    """With two advice items in the file, the message lists both, sorted, so the user can pick the right id."""
    text = edit(exercises_yaml(), "    text: Begin without weights.\n",
                "    text: Begin without weights.\n  - id: cushion\n    text: Kneel on a cushion.\n")
    text = edit(text, "    pace: guided\n", "    pace: guided\n    advice: [kneel-soft]\n")
    assert str(exercises_error(text)) == (f"x.yaml:{line_of(text, 'kneel-soft')}: exercises[0].advice[0]: unknown "
                                          "advice 'kneel-soft' (known: cushion, start-slow)")


def _exercises_needing(equipment: str) -> dict:
    text = edit(exercises_yaml(), "    works: [hip flexors]\n    equipment: []\n",
                f"    works: [hip flexors]\n    equipment: [{equipment}]\n")
    return parse_exercises(text, "x.yaml")[0]


@pytest.mark.parametrize("entry", ["      - hold\n", "      - exercise: hold\n        seconds: 45\n"],
                         ids=["plain-entry", "mapping-entry"])
def test_routine_whose_equipment_leaves_out_what_an_exercise_always_needs(entry):
    """An exercise always needing a wall and a box, in a routine allowing only a box, is refused naming both."""
    exercises = _exercises_needing("wall, box")
    text = edit(ROUTINES, "    exercises:\n      - lift\n      - exercise: hold\n        seconds: 45\n",
                "    equipment_allowed: [box]\n    exercises:\n      - lift\n" + entry)
    with pytest.raises(DataError) as info:
        parse_routines(text, "r.yaml", exercises)
    assert str(info.value) == (f"r.yaml:{line_of(text, 'hold')}: routines[0].exercises[1]: "
                               "hold always needs box, wall, which equipment_allowed leaves out")


def test_routine_allowing_all_an_exercise_needs_is_accepted():
    """The same exercise is fine in a routine that allows both the wall and the box."""
    exercises = _exercises_needing("wall, box")
    text = edit(ROUTINES, "    exercises:\n", "    equipment_allowed: [wall, box]\n    exercises:\n")
    routine = parse_routines(text, "r.yaml", exercises)["mine"]
    assert routine.equipment_allowed == frozenset({"wall", "box"})
    assert [item.exercise for item in routine.items] == ["lift", "hold"]
