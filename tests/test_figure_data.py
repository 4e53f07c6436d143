"""data/figures.yaml: every exercise version has a figure, and a bad file gets `file:line: field: problem`."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.strictyaml import DataError
from hipfit_desktop.figure.book import load_figures, parse_figures
from hipfit_desktop.figure.motion import pose_at
from hipfit_desktop.figure.skeleton import POINTS

SQUAT = """\
schema: 1
figures:
  - exercise: squat
    versions:
      squat:
      one-legged-squat:
    view: side
    anchor: left_ankle
    start: stand
    end: bottom
    keyframes:
      - name: stand
        trunk: 0
        head: 0
        left_hip: 0
        left_knee: 0
        left_ankle: 90
        right_hip: 0
        right_knee: 0
        right_ankle: 90
        left_shoulder: 90
        left_elbow: 0
        right_shoulder: 90
        right_elbow: 0
      - name: bottom
        trunk: 40
        left_hip: 130
        left_knee: 110
"""


@pytest.fixture
def squat_only(catalog):
    return {"squat": catalog.exercises["squat"]}


def error_of(text: str, exercises) -> str:
    with pytest.raises(DataError) as caught:
        parse_figures(text, "figures.yaml", exercises)
    return str(caught.value)


def line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def test_every_exercise_version_in_the_catalogue_has_a_complete_figure(catalog):
    book = load_figures(catalog.exercises)
    for exercise in catalog.exercises.values():
        for version in exercise.progressions:
            figure, _ = book.get(exercise.id, version.id)
            assert figure.exercise == exercise.id
            for side in ("left", "right") if exercise.one_sided_in(version) else (None,):
                assert set(pose_at(*book.get(exercise.id, version.id), 0.5, side).points) == set(POINTS)


def test_without_a_version_the_exercise_s_first_figure_is_used(catalog):
    book = load_figures(catalog.exercises)
    assert book.get("squat") == book.get("squat", "squat")
    with pytest.raises(KeyError):
        book.get("squat", "no-such-version")


def test_the_minimal_file_loads_and_later_keyframes_keep_the_joints_they_do_not_name(squat_only):
    book = parse_figures(SQUAT, "figures.yaml", squat_only)
    figure, props = book.get("squat", "one-legged-squat")
    assert figure.keyframes[1].angles["left_shoulder"] == 90 and figure.keyframes[1].angles["left_hip"] == 130
    assert props.band is None and props.ankle_weight is None


@pytest.mark.parametrize(("old", "new", "where", "expected"), [
    ("schema: 1", "schema: 2", "schema", "schema: this app reads schema 1, the file says 2"),
    ("    view: side", "    view: top", "view", "figures[0].view: expected one of side, front, back, got 'top' (text)"),
    ("        left_knee: 110", "        left_knee: 110.5", "left_knee: 110.5",
     "figures[0].keyframes[1].left_knee: '110.5' is not a whole number"),
    ("        left_knee: 110", "        left_knee: 200", "left_knee: 200",
     "figures[0].keyframes[1].left_knee: 200 is out of range (-180 to 180)"),
    ("        left_ankle: 90\n        right_hip", "        left_ankle: -5\n        right_hip", "left_ankle: -5",
     "figures[0].keyframes[0].left_ankle: -5 is out of range (0 to 180)"),
    ("        left_knee: 110", "        left_knee: 110\n        left_knee: 100", "left_knee: 100",
     "figures[0].keyframes[1].left_knee: duplicate key (first given on line 28)"),
    ("        left_knee: 110", "        left_knees: 110", "left_knees",
     "figures[0].keyframes[1].left_knees: unknown key"),
    ("        head: 0\n", "", "      - name: stand", "figures[0].keyframes[0].head: missing"),
    ("        trunk: 40", "        trunk: 40\n        pelvis: 5", "pelvis: 5",
     "figures[0].keyframes[1].pelvis: unknown key"),
    ("      - name: bottom", "      - name: stand", "      - name: stand\n        trunk: 40",
     "figures[0].keyframes[1].name: duplicate keyframe name 'stand'"),
    ("    end: bottom", "    end: stand", "end: stand",
     "figures[0].end: must differ from start: the figure would not move"),
    ("    start: stand", "    start: standing", "start: standing",
     "figures[0].start: no keyframe named 'standing' (known: stand, bottom)"),
    ("    anchor: left_ankle", "    anchor: left_heel", "anchor", "figures[0].anchor: expected one of hip, neck"),
    ("      squat:\n", "      squats:\n", "squats:",
     "figures[0].versions.squats: squat has no version 'squats' (known: squat, one-legged-squat)"),
    ("      one-legged-squat:\n", "", "figures:", "figures: no figure for squat version one-legged-squat"),
    ("      one-legged-squat:\n", "      one-legged-squat: {band: ankles}\n", "one-legged-squat:",
     "figures[0].versions.one-legged-squat.band: this version uses no band"),
    ("      one-legged-squat:\n", "      one-legged-squat: {ankle_weight: left}\n", "one-legged-squat:",
     "figures[0].versions.one-legged-squat.ankle_weight: this version uses no ankle weight"),
    ("    view: side", "    view: side\n    box: true", "box: true", "figures[0].box: squat does not use a box"),
    ("    view: side", "    view: side\n    loop: {keyframes: [stand, bottom], seconds: 4}", "loop:",
     "figures[0].loop: squat counts reps: only timed work loops"),
    ("  - exercise: squat", "  - exercise: squats", "exercise: squats",
     "figures[0].exercise: unknown exercise 'squats'"),
    ("      - name: bottom\n        trunk: 40\n        left_hip: 130\n        left_knee: 110\n", "", "keyframes:",
     "figures[0].keyframes: give at least two keyframes (a start and an end)"),
    ("schema: 1", "schema: 0", "schema", "schema: this app reads schema 1, the file says 0"),
    ("schema: 1", "schema: 10001", "schema", "schema: 10001 is out of range (0 to 10000)"),
    ("  - exercise: squat", "  - exercise: " + "s" * 60, "exercise:",
     "figures[0].exercise: unknown exercise '" + "s" * 60 + "' (known: squat)"),
    ("  - exercise: squat", "  - exercise: " + "s" * 61, "exercise:",
     "figures[0].exercise: too long (61 characters, at most 60)"),
    ("      - name: bottom", "      - name: " + "b" * 41, "b" * 41, "figures[0].keyframes[1].name: too long (41"),
    ("    end: bottom", "    end: " + "b" * 41, "end: b", "figures[0].end: too long (41"),
    ("      - name: bottom", "      - name: " + "b" * 40, "end: bottom",
     "figures[0].end: no keyframe named 'bottom' (known: stand, " + "b" * 40 + ")"),
    ("    versions:\n      squat:\n      one-legged-squat:\n", "    versions: {}\n", "versions:",
     "figures[0].versions: name at least one version this figure draws"),
    ("    view: side", "    view: side\n    mat: yes", "mat: yes",
     "figures[0].mat: 'yes' is ambiguous in YAML; write true or false"),
])
def test_bad_figures_file_message(squat_only, old, new, where, expected):
    assert old in SQUAT
    text = SQUAT.replace(old, new, 1)
    message = error_of(text, squat_only)
    assert message.startswith(f"figures.yaml:{line_of(text, where)}: {expected}"), message


def test_a_second_figure_for_a_drawn_version_is_refused_with_the_line_of_the_first(squat_only):
    second = SQUAT.split("figures:\n", 1)[1].replace("      one-legged-squat:\n", "")
    text = SQUAT + second
    message = error_of(text, squat_only)
    where = text.index("      squat:", len(SQUAT))
    assert message == (f"figures.yaml:{text[:where].count(chr(10)) + 1}: figures[1].versions.squat: "
                       f"already drawn by the figure at line 3")


def test_a_version_with_a_band_must_say_where_the_band_goes(catalog):
    exercises = {"clamshell": catalog.exercises["clamshell"]}
    text = (SQUAT.replace("squat:\n      one-legged-squat:", "no-band:\n      banded:")
            .replace("exercise: squat", "exercise: clamshell"))
    assert error_of(text, exercises) == (
        f"figures.yaml:{line_of(text, 'banded:')}: figures[0].versions.banded.band: this version uses a band: "
        f"say where it goes (above-knees, below-knees, ankles, feet, knee-to-thigh)")


def test_a_loop_names_known_keyframes_and_a_whole_number_of_seconds(catalog):
    exercises = {"hip-hinge-rotation": catalog.exercises["hip-hinge-rotation"]}
    base = (SQUAT.replace("      squat:\n      one-legged-squat:\n", "      hinge-rotation:\n")
            .replace("exercise: squat", "exercise: hip-hinge-rotation"))
    good = base.replace("    view: side", "    view: side\n    loop: {keyframes: [bottom, stand], seconds: 4}")
    figure, _ = parse_figures(good, "figures.yaml", exercises).get("hip-hinge-rotation")
    assert figure.loop is not None and figure.loop.keyframes == (1, 0) and figure.loop.seconds == 4
    bad = good.replace("[bottom, stand]", "[bottom, sit]")
    assert error_of(bad, exercises) == (f"figures.yaml:{line_of(bad, 'loop:')}: figures[0].loop.keyframes[1]: "
                                        f"no keyframe named 'sit' (known: stand, bottom)")
    slow = good.replace("seconds: 4", "seconds: 61")
    assert error_of(slow, exercises).endswith("figures[0].loop.seconds: 61 is out of range (1 to 60)")


def test_a_front_view_s_pelvis_is_level_unless_a_keyframe_tilts_it(squat_only):
    text = SQUAT.replace("view: side", "view: front")
    text = text.replace("        trunk: 40", "        trunk: 40\n        pelvis: 7")
    figure, _ = parse_figures(text, "figures.yaml", squat_only).get("squat")
    assert figure.keyframes[0].angles["pelvis"] == 0 and figure.keyframes[1].angles["pelvis"] == 7
    side, _ = parse_figures(SQUAT, "figures.yaml", squat_only).get("squat")
    assert "pelvis" not in side.keyframes[0].angles


def test_the_step_and_the_wall_are_drawn_exactly_when_the_exercise_needs_them(catalog):
    exercises = {"heel-drop": catalog.exercises["heel-drop"]}
    text = (SQUAT.replace("      squat:\n      one-legged-squat:\n", "      hip-drop:\n      hip-hike:\n"
                          "      weighted-hip-hike: {ankle_weight: right}\n")
            .replace("exercise: squat", "exercise: heel-drop"))
    where = line_of(text, "- exercise")
    assert error_of(text, exercises) == f"figures.yaml:{where}: figures[0].box: heel-drop needs a box"
    boxed = text.replace("    view: side", "    view: side\n    box: true")
    _, props = parse_figures(boxed, "figures.yaml", exercises).get("heel-drop", "weighted-hip-hike")
    assert props.ankle_weight == "right"
    unweighted = boxed.replace("weighted-hip-hike: {ankle_weight: right}", "weighted-hip-hike:")
    assert error_of(unweighted, exercises) == (
        f"figures.yaml:{line_of(unweighted, 'weighted-hip-hike:')}: figures[0].versions.weighted-hip-hike."
        f"ankle_weight: this version uses an ankle weight: say on which leg (left or right)")


def test_only_timed_work_without_a_loop_is_held_still(catalog):
    book = load_figures(catalog.exercises)
    assert book.get("couch-stretch", "position-2")[0].still
    assert not book.get("hip-hinge-rotation")[0].still and not book.get("squat")[0].still


def test_the_shipped_file_names_itself_in_messages(catalog):
    with pytest.raises(DataError) as caught:
        load_figures({"squat": catalog.exercises["squat"]})
    message = str(caught.value)
    assert message.startswith("data/figures.yaml:") and "unknown exercise 'side-leg-lift'" in message


@pytest.mark.parametrize(("loop", "expected"), [
    ("{keyframes: [bottom], seconds: 4}", "figures[0].loop.keyframes: a loop needs at least two keyframes"),
    ("{keyframes: [bottom, 5], seconds: 4}", "figures[0].loop.keyframes[1]: expected text, got 5 (a number)"),
    ("{keyframes: [bottom, " + "s" * 41 + "], seconds: 4}", "figures[0].loop.keyframes[1]: too long (41"),
    ("{keyframes: [bottom, stand], seconds: 0}", "figures[0].loop.seconds: 0 is out of range (1 to 60)"),
    ("{keyframes: [bottom, stand], seconds: 4, speed: 2}", "figures[0].loop.speed: unknown key"),
])
def test_bad_loops_are_refused(catalog, loop, expected):
    exercises = {"hip-hinge-rotation": catalog.exercises["hip-hinge-rotation"]}
    text = (SQUAT.replace("      squat:\n      one-legged-squat:\n", "      hinge-rotation:\n")
            .replace("exercise: squat", "exercise: hip-hinge-rotation")
            .replace("    view: side", "    view: side\n    loop: " + loop))
    assert error_of(text, exercises).startswith(f"figures.yaml:{line_of(text, 'loop:')}: {expected}")
