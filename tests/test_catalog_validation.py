"""Bad catalogue and routine files: each is refused with `file:line: field: problem` a person can act on.

Every bad input is a small edit of a minimal valid document written here (never of the shipped files), so
each test changes one thing and the line numbers are counted from the text the test itself built.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import load_catalog, parse_exercises, parse_routines
from hipfit_desktop.exercises.model import Hold
from hipfit_desktop.exercises.strictyaml import DataError

# --- a minimal valid document and helpers -----------------------------------------------------------------

_LIFT = """\
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
    steps: [Lift the leg.]
    progressions:
      - id: plain
        name: Plain
        level: beginner
        changes: The starting form.
        equipment: []
        from_article: true
"""

_HOLD = """\
  - id: hold
    name: Hold
    article_title: Wall Hold
    summary: Holds a stretch.
    category: stretch
    works: [hip flexors]
    equipment: []
    one_sided: false
    article:
      seconds: 30
    app:
      sets: 1
    steps: [Hold still.]
    progressions:
      - id: basic
        name: Basic
        level: beginner
        changes: Kneel and hold.
        equipment: []
        from_article: true
"""


def exercises_yaml(two: bool = True) -> str:
    """A minimal valid exercises file: `lift` (3 x 15 reps) and, unless `two` is false, `hold` (30 s, timed)."""
    return f"""\
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
  - id: start-slow
    text: Begin without weights.
exercises:
{_LIFT}{_HOLD if two else ""}"""


ROUTINES = """\
schema: 1
routines:
  - id: mine
    name: Mine
    exercises:
      - lift
      - exercise: hold
        seconds: 45
"""


def edit(text: str, old: str, new: str) -> str:
    """Replace `old`, which must occur exactly once, so an edit can never silently miss."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, snippet: str, nth: int = 1) -> int:
    """1-based line of the `nth` line containing `snippet`."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if snippet in line]
    assert len(hits) >= nth, f"{snippet!r} is on {len(hits)} lines"
    return hits[nth - 1]


def exercises_error(text: str) -> DataError:
    with pytest.raises(DataError) as info:
        parse_exercises(text, "x.yaml")
    return info.value


def routines_error(text: str) -> DataError:
    exercises, _advice, _defaults = parse_exercises(exercises_yaml(), "x.yaml")
    with pytest.raises(DataError) as info:
        parse_routines(text, "r.yaml", exercises)
    return info.value


def assert_reported(error: DataError, file: str, line: int | None, field: str, *words: str) -> None:
    """The message reads `file:line: field: problem` and the problem mentions every one of `words`."""
    where = f"{file}:{line}" if line is not None else file
    prefix = f"{where}: {field}: " if field else f"{where}: "
    message = str(error)
    assert message.startswith(prefix), f"{message!r} does not start with {prefix!r}"
    assert (error.file, error.line, error.field) == (file, line, field), message
    assert error.problem and message == prefix + error.problem
    for word in words:
        assert word.lower() in error.problem.lower(), f"{word!r} not in {message!r}"


def test_the_minimal_documents_are_valid():
    """The documents every other test breaks load cleanly, so each failure below is caused by its one edit."""
    exercises, advice, defaults = parse_exercises(exercises_yaml(), "x.yaml")
    assert list(exercises) == ["lift", "hold"] and list(advice) == ["start-slow"]
    assert defaults.rest_between_sets_seconds == 30
    lift, hold = exercises["lift"], exercises["hold"]
    assert (lift.volume.sets, lift.volume.reps, lift.volume.seconds, lift.timed) == (3, 15, None, False)
    assert (hold.volume.sets, hold.volume.seconds, hold.timed) == (1, 30, True)
    assert hold.volume.from_app == {"sets"} and lift.volume.from_app == frozenset()
    routines = parse_routines(ROUTINES, "r.yaml", exercises)
    assert [(i.exercise, i.seconds) for i in routines["mine"].items] == [("lift", None), ("hold", 45)]
    assert list(parse_exercises(exercises_yaml(two=False), "x.yaml")[0]) == ["lift"]


# --- unknown and duplicate keys ---------------------------------------------------------------------------

def test_unknown_top_level_key_is_named_with_the_keys_that_are_allowed():
    """A misspelt top-level key is pointed out, with the keys that belong there."""
    text = exercises_yaml() + "exercise_list: []\n"
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "exercise_list:"), "exercise_list", "unknown key",
                    "advice", "app_defaults", "exercises", "schema")


def test_unknown_key_inside_an_exercise_is_reported_at_its_line():
    """A stray key in an exercise is refused with its exercise index and line."""
    text = edit(exercises_yaml(), "    summary: Holds a stretch.\n",
                "    summary: Holds a stretch.\n    colour: blue\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "colour: blue"), "exercises[1].colour", "unknown key",
                    "summary", "progressions")


def test_unknown_key_inside_a_progression_is_reported_at_its_line():
    """A stray key in a progression step is refused with the step's path."""
    text = edit(exercises_yaml(), "        name: Plain\n", "        name: Plain\n        weight: 5\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "weight: 5"), "exercises[0].progressions[0].weight",
                    "unknown key", "level", "equipment")


def test_unknown_key_inside_a_routine_item_names_the_allowed_counts():
    """A stray key on a routine entry is refused, and the message says which counts can be set."""
    text = edit(ROUTINES, "        seconds: 45\n", "        seconds: 45\n        rest: 10\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "rest: 10"), "routines[0].exercises[1].rest", "unknown key",
                    "sets", "reps", "seconds")


def test_unknown_key_inside_article_is_reported_at_its_line():
    """A misspelt count in an `article` block is refused at its line."""
    text = edit(exercises_yaml(), "      reps: 15\n", "      repetitions: 15\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "repetitions: 15"), "exercises[0].article.repetitions",
                    "unknown key")


def test_unknown_key_inside_article_lists_every_key_allowed_there():
    """Misspelling `reps` in `article` tells the user that `reps`, `seconds` and `hold_seconds` are allowed."""
    text = edit(exercises_yaml(), "      reps: 15\n", "      repetitions: 15\n")
    error = exercises_error(text)
    for key in ("sets", "reps", "seconds", "hold_seconds"):
        assert key in error.problem


@pytest.mark.parametrize("where, old, new, field", [
    ("top level", "schema: 1\n", "schema: 1\nschema: 1\n", "schema"),
    ("exercise", "    name: Lift\n", "    name: Lift\n    name: Lift again\n", "exercises[0].name"),
    ("progression", "        level: beginner\n        changes: The starting form.\n",
     "        level: beginner\n        level: beginner\n        changes: The starting form.\n",
     "exercises[0].progressions[0].level"),
])
def test_duplicate_key_names_the_line_of_the_first_one(where, old, new, field):
    """A key given twice is refused at the second one, and the message says where the first one is."""
    text = edit(exercises_yaml(), old, new)
    key = field.rsplit(".", 1)[-1] + ":"
    first, second = line_of(text, key, 1), line_of(text, key, 2)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", second, field, "duplicate key", f"line {first}")


def test_duplicate_key_in_a_routine_file_is_reported():
    """A routine with two `name:` lines is refused at the second, naming the first."""
    text = edit(ROUTINES, "    name: Mine\n", "    name: Mine\n    name: Also mine\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "Also mine"), "routines[0].name", "duplicate key",
                    f"line {line_of(text, 'name: Mine')}")


# Errors about a key whose value is a block (a nested mapping or list) name the key's line, not the line below.


def _block_unknown_top() -> tuple[str, str, str]:
    text = exercises_yaml() + "notes:\n  - remember to stretch\n"
    return text, "notes", "notes:"


def _block_unknown_exercise() -> tuple[str, str, str]:
    text = edit(exercises_yaml(), "    steps: [Lift the leg.]\n",
                "    notes:\n      - a note\n    steps: [Lift the leg.]\n")
    return text, "exercises[0].notes", "notes:"


def _reps_and_seconds_missing() -> tuple[str, str, str]:
    text = edit(exercises_yaml(), "      reps: 15\n", "")
    return text, "exercises[0].article", "    article:"


def _duplicate_id_not_first() -> tuple[str, str, str]:
    text = edit(exercises_yaml(), "  - id: hold\n    name: Hold\n", "  - name: Hold\n    id: lift\n")
    return text, "exercises[1].id", "    id: lift"


@pytest.mark.parametrize("make", [
    pytest.param(_block_unknown_top, id="unknown-top-level-key-with-a-list-value"),
    pytest.param(_block_unknown_exercise, id="unknown-exercise-key-with-a-list-value"),
    pytest.param(_reps_and_seconds_missing, id="article-block-without-reps-or-seconds"),
    pytest.param(_duplicate_id_not_first, id="duplicate-exercise-id-not-the-first-key"),
])
def test_problems_with_a_key_are_reported_at_the_keys_own_line(make):
    """The line number takes the user to the offending key, not to the line below it."""
    text, field, snippet = make()
    error = exercises_error(text)
    assert (error.field, error.line) == (field, line_of(text, snippet))


def test_duplicate_block_key_names_the_line_where_the_first_one_was_given():
    """When `article:` is given twice, the message points at the first `article:` line."""
    text = edit(exercises_yaml(), "    steps: [Lift the leg.]\n",
                "    article:\n      sets: 2\n    steps: [Lift the leg.]\n")
    error = exercises_error(text)
    assert error.line == line_of(text, "    article:", 2)
    assert f"line {line_of(text, '    article:', 1)}" in error.problem


# --- wrong types ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, field, words", [
    ("      reps: 15\n", "      reps: fifteen\n", "exercises[0].article.reps", ("whole number", "fifteen")),
    ("    name: Lift\n", "    name: [Lift, Raise]\n", "exercises[0].name", ("text", "list")),
    ("      reps: 15\n", '      reps: "15"\n', "exercises[0].article.reps", ("whole number", "text")),
    ("    works: [glutes]\n", "    works: glutes\n", "exercises[0].works", ("list",)),
    ("    article:\n      sets: 3\n      reps: 15\n", "    article: 3x15\n", "exercises[0].article", ("mapping",)),
    ("    category: strength\n", "    category: cardio\n", "exercises[0].category", ("strength", "stretch")),
], ids=["text-for-reps", "list-for-name", "quoted-reps", "text-for-list", "text-for-mapping", "bad-choice"])
def test_wrong_type_is_refused_with_what_was_expected(old, new, field, words):
    """A value of the wrong kind is refused with what was expected and what was found."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, new.strip().split("\n")[0]), field, *words)


# --- numbers out of range ---------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, field, words", [
    ("      reps: 15\n", "      reps: 0\n", "exercises[0].article.reps", ("0", "1 to 100")),
    ("      reps: 15\n", "      reps: 101\n", "exercises[0].article.reps", ("101", "1 to 100")),
    ("      sets: 3\n", "      sets: 21\n", "exercises[0].article.sets", ("21", "1 to 20")),
    ("      seconds: 30\n", "      seconds: 601\n", "exercises[1].article.seconds", ("601", "1 to 600")),
    ("      reps: 15\n", "      reps: -5\n", "exercises[0].article.reps", ("-5", "1 to 100")),
    ("      reps: 15\n", "      reps: 15\n      hold_seconds: -1\n", "exercises[0].article.hold_seconds",
     ("-1", "0 to 600")),
], ids=["reps-0", "reps-101", "sets-21", "seconds-601", "negative-reps", "negative-hold"])
def test_out_of_range_number_is_refused_with_the_allowed_range(old, new, field, words):
    """An impossible count is refused and the message gives the range that is allowed."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, new.strip().split("\n")[-1]), field, "out of range", *words)


def test_hold_range_backwards_is_refused():
    """A hold written as [3, 2] is refused: the smaller number comes first."""
    text = edit(exercises_yaml(), "      reps: 15\n", "      reps: 15\n      hold_seconds: [3, 2]\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "hold_seconds"), "exercises[0].article.hold_seconds",
                    "min 3", "max 2")


def test_routine_item_count_out_of_range_is_refused():
    """A routine asking for 0 sets is refused at that line."""
    text = edit(ROUTINES, "        seconds: 45\n", "        seconds: 45\n        sets: 0\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "sets: 0"), "routines[0].exercises[1].sets", "out of range",
                    "1 to 20")


# --- YAML 1.1 traps ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, field, words", [
    ("      seconds: 30\n", "      seconds: 1:30\n", "exercises[1].article.seconds", ("90",)),
    ("      reps: 15\n", "      reps: 010\n", "exercises[0].article.reps", ("leading zero", "octal")),
    ("      reps: 15\n", "      reps: 09\n", "exercises[0].article.reps", ("leading zero", "9")),
    ("    one_sided: true\n", "    one_sided: no\n", "exercises[0].one_sided", ("true or false",)),
    ("    one_sided: true\n", "    one_sided: yes\n", "exercises[0].one_sided", ("true or false",)),
    ("    one_sided: true\n", "    one_sided: on\n", "exercises[0].one_sided", ("true or false",)),
    ("      reps: 15\n", "      reps: 1.5\n", "exercises[0].article.reps", ("1.5", "whole number")),
], ids=["sexagesimal", "octal", "leading-zero", "no", "yes", "on", "decimal"])
def test_yaml_1_1_surprises_are_refused_and_explained(old, new, field, words):
    """Values other YAML readers would silently change (1:30, 010, no) are refused with what they would mean."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, new.strip()), field, *words)


# --- missing and conflicting fields -----------------------------------------------------------------------

@pytest.mark.parametrize("old, field, anchor", [
    ("    summary: Lifts a leg.\n", "exercises[0].summary", "  - id: lift"),
    ("    pace: guided\n", "exercises[0].pace", "  - id: lift"),
    ("        level: beginner\n        changes: The starting form.\n", "exercises[0].progressions[0].level",
     "      - id: plain"),
    ("    name: Mine\n", "routines[0].name", "  - id: mine"),
], ids=["summary", "pace-of-a-rep-exercise", "progression-level", "routine-name"])
def test_missing_required_field_is_named(old, field, anchor):
    """Leaving out a required field says which one, at the item that lacks it."""
    if field.startswith("routines"):
        text = edit(ROUTINES, old, "")
        error = routines_error(text)
        file = "r.yaml"
    else:
        new = "        changes: The starting form.\n" if "level" in old else ""
        text = edit(exercises_yaml(), old, new)
        error = exercises_error(text)
        file = "x.yaml"
    assert_reported(error, file, line_of(text, anchor), field, "missing")


def test_empty_required_value_is_reported_at_its_own_line():
    """`name:` with nothing after it counts as missing, at that line."""
    text = edit(exercises_yaml(), "    name: Lift\n", "    name:\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "    name:"), "exercises[0].name", "missing")


def test_missing_sets_is_refused():
    """An exercise with no number of sets anywhere is refused, saying `sets` is needed."""
    text = edit(exercises_yaml(), "      sets: 3\n", "")
    error = exercises_error(text)
    assert error.field == "exercises[0].article" and "`sets`" in error.problem
    assert line_of(text, "    article:") <= error.line <= line_of(text, "      reps: 15")


@pytest.mark.parametrize("old, new", [
    ("      reps: 15\n", "      reps: 15\n      seconds: 30\n"),
    ("      reps: 15\n", ""),
], ids=["both", "neither"])
def test_reps_and_seconds_are_exclusive_and_one_is_required(old, new):
    """An exercise must count either reps or seconds: both, or neither, is refused."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert error.field == "exercises[0].article"
    assert "`reps`" in error.problem and "`seconds`" in error.problem
    assert str(error).startswith(f"x.yaml:{error.line}: exercises[0].article: ")
    # inside the article block (the exact line is checked by the key-line test above)
    assert line_of(text, "    article:") <= error.line < line_of(text, "    steps: [Lift the leg.]")


def test_a_count_given_in_both_article_and_app_is_refused():
    """A number must say once where it comes from: the article or the app."""
    text = edit(exercises_yaml(), "      seconds: 30\n", "      seconds: 30\n      sets: 2\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "      sets: 1"), "exercises[1].app.sets", "both", "article",
                    "app")


def test_timed_exercise_with_a_pace_is_refused():
    """A timed exercise has no rep pace, so a `pace` on it is pointed out."""
    text = edit(exercises_yaml(), "    one_sided: false\n", "    one_sided: false\n    pace: guided\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "pace: guided", 2), "exercises[1].pace", "timed")


# --- progressions and equipment ---------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, words", [
    ("        equipment: []\n        from_article: true\n  - id: hold",
     "        equipment: [band]\n        from_article: true\n  - id: hold", ("beginner", "band")),
    ("        equipment: []\n        from_article: true\n  - id: hold",
     "        equipment: [ankle-weights]\n        from_article: true\n  - id: hold", ("weights",)),
    ("        level: beginner\n        changes: The starting form.\n",
     "        level: intermediate\n        changes: The starting form.\n", ("beginner",)),
], ids=["band", "ankle-weights", "not-beginner"])
def test_first_progression_must_be_for_beginners_without_resistance(old, new, words):
    """The easiest step cannot ask for a band or weights, nor be above beginner level."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "      - id: plain"), "exercises[0].progressions[0]", *words)


def test_first_progression_may_need_a_box():
    """A box is not resistance, so a first step on a box is allowed."""
    text = edit(exercises_yaml(), "        equipment: []\n        from_article: true\n  - id: hold",
                "        equipment: [box]\n        from_article: true\n  - id: hold")
    exercises = parse_exercises(text, "x.yaml")[0]
    assert exercises["lift"].progressions[0].equipment == ("box",)


_LADDER = """\
      - id: harder
        name: Harder
        level: advanced
        changes: Harder.
        equipment: []
        from_article: true
      - id: easier
        name: Easier
        level: {level}
        changes: Easier.
        equipment: []
        from_article: true
"""


def test_progression_levels_going_down_are_refused():
    """A step easier than the one before it is refused at its `level:` line."""
    text = edit(exercises_yaml(), "  - id: hold\n", _LADDER.format(level="intermediate") + "  - id: hold\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "level: intermediate"), "exercises[0].progressions[2].level",
                    "intermediate", "advanced", "only go up")
    same = edit(exercises_yaml(), "  - id: hold\n", _LADDER.format(level="advanced") + "  - id: hold\n")
    assert [p.id for p in parse_exercises(same, "x.yaml")[0]["lift"].progressions] == ["plain", "harder", "easier"]


def test_knee_drive_style_pause_on_a_progression_is_read_as_a_range():
    """A progression's `hold_seconds: [2, 3]` becomes a 2-3 s pause."""
    text = edit(exercises_yaml(), "        name: Plain\n", "        name: Plain\n        hold_seconds: [2, 3]\n")
    assert parse_exercises(text, "x.yaml")[0]["lift"].progressions[0].hold == Hold(2, 3)


@pytest.mark.parametrize("old, new, field", [
    ("    works: [glutes]\n    equipment: []\n", "    works: [glutes]\n    equipment: [band, rope]\n",
     "exercises[0].equipment[1]"),
    ("        equipment: []\n        from_article: true\n  - id: hold",
     "        equipment:\n          - rope\n        from_article: true\n  - id: hold",
     "exercises[0].progressions[0].equipment[0]"),
], ids=["exercise", "progression-block-list"])
def test_unknown_equipment_is_refused_with_the_known_kinds(old, new, field):
    """Equipment the app does not know is refused, and the message lists what it does know."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "rope"), field, "unknown equipment", "rope", "band", "box",
                    "ankle-weights")


def test_unknown_equipment_in_a_routine_is_refused():
    """A routine allowing equipment the app does not know is refused at that line."""
    text = edit(ROUTINES, "    name: Mine\n", "    name: Mine\n    equipment_allowed: [mat]\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "equipment_allowed"), "routines[0].equipment_allowed[0]",
                    "unknown equipment", "mat")


def test_duplicate_exercise_id_is_refused():
    """Two exercises with the same id are refused at the second one."""
    text = edit(exercises_yaml(), "  - id: hold\n", "  - id: lift\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "  - id: lift", 2), "exercises[1].id", "duplicate", "lift")


def test_badly_written_id_is_refused():
    """An id with capitals or spaces is refused with what ids may contain."""
    text = edit(exercises_yaml(), "  - id: lift\n", "  - id: Leg Lift\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "Leg Lift"), "exercises[0].id", "lowercase")


# --- routines ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, field", [
    ("      - lift\n", "      - lifts\n", "routines[0].exercises[0]"),
    ("      - exercise: hold\n", "      - exercise: holds\n", "routines[0].exercises[1].exercise"),
], ids=["plain-entry", "mapping-entry"])
def test_routine_naming_an_unknown_exercise_lists_the_known_ids(old, new, field):
    """A routine with a misspelt exercise says which exercises exist."""
    text = edit(ROUTINES, old, new)
    error = routines_error(text)
    bad = new.split()[-1]
    assert_reported(error, "r.yaml", line_of(text, bad), field, "unknown exercise", repr(bad), "known", "lift",
                    "hold")


def test_reps_override_on_a_timed_exercise_is_refused():
    """Asking for reps of a timed hold is refused, and the message says to give seconds."""
    text = edit(ROUTINES, "        seconds: 45\n", "        reps: 5\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "reps: 5"), "routines[0].exercises[1].reps", "timed",
                    "`seconds`")


def test_seconds_override_on_a_rep_exercise_is_refused():
    """Asking for seconds of a rep exercise is refused, and the message says to give reps."""
    text = edit(ROUTINES, "      - lift\n", "      - exercise: lift\n        seconds: 20\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "seconds: 20"), "routines[0].exercises[0].seconds", "reps")


def test_routine_without_exercises_is_refused():
    """A routine with an empty exercise list is refused."""
    text = edit(ROUTINES, "      - lift\n      - exercise: hold\n        seconds: 45\n", "")
    text = edit(text, "    exercises:\n", "    exercises: []\n")
    error = routines_error(text)
    assert_reported(error, "r.yaml", line_of(text, "exercises: []"), "routines[0].exercises", "empty")


# --- whole-file problems ----------------------------------------------------------------------------------

@pytest.mark.parametrize("parse", ["exercises", "routines"])
def test_wrong_schema_version_is_refused(parse):
    """A file written for another version of the app says which version it is and which this app reads."""
    if parse == "exercises":
        text = edit(exercises_yaml(), "schema: 1\n", "schema: 2\n")
        error, file = exercises_error(text), "x.yaml"
    else:
        text = edit(ROUTINES, "schema: 1\n", "schema: 2\n")
        error, file = routines_error(text), "r.yaml"
    assert_reported(error, file, 1, "schema", "schema 1", "says 2")


def test_missing_schema_is_refused():
    """A file without `schema:` is refused, naming the missing key."""
    text = edit(ROUTINES, "schema: 1\n", "")
    error = routines_error(text)
    assert_reported(error, "r.yaml", 1, "schema", "missing")


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"], ids=["empty", "blank-lines", "comment"])
def test_empty_file_is_reported_as_empty(text):
    """An empty file says it is empty rather than failing somewhere obscure."""
    assert_reported(exercises_error(text), "x.yaml", 1, "", "empty")
    assert_reported(routines_error(text), "r.yaml", 1, "", "empty")


def test_file_that_is_not_a_mapping_is_refused():
    """A file holding a list instead of `schema:` and friends says a mapping was expected."""
    error = routines_error("- lift\n- hold\n")
    assert_reported(error, "r.yaml", 1, "(top)", "mapping", "list")


@pytest.mark.parametrize("old, new, snippet", [
    ("    name: Lift\n", "    name: Lift: the leg\n", "Lift: the leg"),
    ("    name: Lift\n", "\tname: Lift\n", "\tname"),
    ("    works: [glutes]\n    equipment: []\n", "    works: [glutes]\n      equipment: []\n", "      equipment"),
], ids=["colon-in-text", "tab", "bad-indent"])
def test_invalid_yaml_syntax_reports_the_line(old, new, snippet):
    """Broken YAML is reported as such, at the line where it breaks."""
    text = edit(exercises_yaml(), old, new)
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, snippet), "", "not valid YAML")


# --- user routine files -----------------------------------------------------------------------------------

USER_ROUTINE = """\
schema: 1
routines:
  - id: {id}
    name: {name}
    exercises:
      - {exercise}
      - exercise: couch-stretch
        seconds: 60
"""


def test_good_user_routine_file_adds_its_routine(tmp_path):
    """A routine saved in the user's folder appears next to the built-in ones."""
    (tmp_path / "morning.yaml").write_text(USER_ROUTINE.format(id="morning", name="Morning", exercise="squat"),
                                           encoding="utf-8")
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert catalog.problems == ()
    routine = catalog.routine("morning")
    assert routine.name == "Morning"
    assert [(i.exercise, i.seconds) for i in routine.items] == [("squat", None), ("couch-stretch", 60)]
    assert routine.source == str(tmp_path / "morning.yaml")
    assert "full-hip-session" in catalog.routines


def test_bad_user_routine_file_is_skipped_and_reported_with_its_path(tmp_path):
    """A broken routine file is listed as a problem with its path and line; everything else still loads."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(USER_ROUTINE.format(id="bad", name="Bad", exercise="squatt"), encoding="utf-8")
    (tmp_path / "good.yml").write_text(USER_ROUTINE.format(id="good", name="Good", exercise="squat"),
                                       encoding="utf-8")
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert len(catalog.problems) == 1
    assert_reported(catalog.problems[0], str(bad), 6, "routines[0].exercises[0]", "unknown exercise", "squatt")
    assert "bad" not in catalog.routines
    assert "good" in catalog.routines
    assert {"full-hip-session", "quick-no-equipment", "band-day", "couch-stretch-mobility"} <= set(catalog.routines)
    assert len(catalog.exercises) == 12


def test_non_utf8_user_routine_file_is_skipped_and_reported(tmp_path):
    """A routine file saved in another encoding is reported as not UTF-8, and the app still starts."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(USER_ROUTINE.format(id="cafe", name="Caf\xe9 day", exercise="squat").encode("latin-1"))
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert len(catalog.problems) == 1
    problem = catalog.problems[0]
    assert str(problem).startswith(str(path) + ":")
    assert "utf-8" in problem.problem.lower()
    assert "cafe" not in catalog.routines and "full-hip-session" in catalog.routines


def test_non_utf8_user_routine_file_says_which_line_has_the_bad_byte(tmp_path):
    """The report for a non-UTF-8 file says which line holds the bad character."""
    path = tmp_path / "latin1.yaml"
    path.write_bytes(USER_ROUTINE.format(id="cafe", name="Caf\xe9 day", exercise="squat").encode("latin-1"))
    problem = load_catalog(user_routines_dir=tmp_path).problems[0]
    assert problem.line == 4
    assert str(problem).startswith(f"{path}:4: ")


def test_user_routine_clashing_with_a_built_in_is_reported(tmp_path):
    """A user routine reusing a built-in id is reported and does not replace the built-in one."""
    path = tmp_path / "clash.yaml"
    path.write_text(USER_ROUTINE.format(id="full-hip-session", name="My full session", exercise="squat"),
                    encoding="utf-8")
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert len(catalog.problems) == 1
    problem = catalog.problems[0]
    assert str(problem).startswith(str(path))
    assert "full-hip-session" in problem.problem and "data/routines.yaml" in problem.problem
    assert catalog.routine("full-hip-session").name == "Full hip session"
    assert len(catalog.routine("full-hip-session").items) == 12


def test_user_routine_clash_points_at_the_id_line(tmp_path):
    """The clash report takes the user to the `id:` line of the clashing routine."""
    path = tmp_path / "clash.yaml"
    path.write_text(USER_ROUTINE.format(id="band-day", name="My band day", exercise="squat"), encoding="utf-8")
    problem = load_catalog(user_routines_dir=tmp_path).problems[0]
    assert (problem.line, problem.field) == (3, "routines[0].id")
    assert str(problem).startswith(f"{path}:3: routines[0].id: ")


def test_quoted_boolean_says_to_drop_the_quotes():
    """`one_sided: "true"` is text, not a boolean: the message says what to change."""
    text = edit(exercises_yaml(), "    one_sided: true\n", '    one_sided: "true"\n')
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, 'one_sided: "true"'), "exercises[0].one_sided", "without quotes")


def test_empty_advice_range_is_refused():
    """`range: []` is a mistake, not "no range"."""
    text = edit(exercises_yaml(), "    text: Begin without weights.\n",
                "    text: Begin without weights.\n    range: []\n")
    error = exercises_error(text)
    assert_reported(error, "x.yaml", line_of(text, "range: []"), "advice[0].range", "[min, max]")


def test_routine_limited_to_no_equipment_cannot_name_an_exercise_that_always_needs_some():
    """A no-equipment routine naming an exercise that always needs a box is refused, naming the box."""
    text = edit(exercises_yaml(), "    works: [hip flexors]\n    equipment: []\n",
                "    works: [hip flexors]\n    equipment: [box]\n")
    exercises, _advice, _defaults = parse_exercises(text, "x.yaml")
    routine = edit(ROUTINES, "    exercises:\n", "    equipment_allowed: []\n    exercises:\n")
    with pytest.raises(DataError) as info:
        parse_routines(routine, "r.yaml", exercises)
    assert_reported(info.value, "r.yaml", line_of(routine, "exercise: hold"), "routines[0].exercises[1]",
                    "always needs box")
