"""The shipped catalogue against the source article ("12 Easy Hip-Strengthening Exercises for Runners").

Every expected number below was read off the article by hand, not copied from `data/exercises.yaml`: if the
data file drifts from the article, these tests say so.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.exercises.model import Hold
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import compile_plan

LEVELS = ("beginner", "intermediate", "advanced")
WEIGHTS = {"ankle-weights", "weight-vest"}
RESISTANCE = {"band"} | WEIGHTS  # written out here, not imported, so a wrong constant in the code shows up

# The article's order, with the app's fixed ids.
ARTICLE_IDS = [
    "side-leg-lift", "glute-bridge", "donkey-kick", "squat", "banded-side-step", "hip-abduction-step",
    "heel-drop", "couch-stretch", "banded-knee-drive", "quadruped-hip-extension", "clamshell",
    "hip-hinge-rotation",
]

# id -> (sets, (reps|seconds, count), hold (low, high) or None, one_sided), as the article states them.
# sets None: the article gives no number of sets (the app must choose one and say so).
ARTICLE_VOLUME: dict[str, tuple[int | None, tuple[str, int], tuple[int, int] | None, bool]] = {
    # 1: a two-second hold out to the side; 3 x 15 on each leg
    "side-leg-lift": (3, ("reps", 15), (2, 2), True),
    # 2: a two-second hold at the top; 3 x 15 (both feet down)
    "glute-bridge": (3, ("reps", 15), (2, 2), False),
    # 3: 15 reps, three sets (one leg kicks at a time)
    "donkey-kick": (3, ("reps", 15), None, True),
    # 4: 3 x 15 (both legs)
    "squat": (3, ("reps", 15), None, False),
    # 5: 15 steps a set, three sets, one leg leading
    "banded-side-step": (3, ("reps", 15), None, True),
    # 6: 3 x 8 per side
    "hip-abduction-step": (3, ("reps", 8), None, True),
    # 7: 3 x 8 (standing on one foot, the other hanging)
    "heel-drop": (3, ("reps", 8), None, True),
    # 8: a hold of up to 3 minutes per leg; no number of sets
    "couch-stretch": (None, ("seconds", 180), None, True),
    # 9: 3 x 8 (one knee at a time); the 2-3 s pause is the harder step
    "banded-knee-drive": (3, ("reps", 8), None, True),
    # 10: a 1-2 s pause at the top; 3 x 8 per side
    "quadruped-hip-extension": (3, ("reps", 8), (1, 2), True),
    # 11: a 1-2 s pause at the top; 3 x 10 per side
    "clamshell": (3, ("reps", 10), (1, 2), True),
    # 12: 30 s of rotating per side, three sets
    "hip-hinge-rotation": (3, ("seconds", 30), None, True),
}


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def rung_text(step) -> str:
    return f"{step.name} {step.changes}".lower()


# --- volumes ---------------------------------------------------------------------------------------------

def test_the_catalogue_has_the_articles_twelve_exercises_in_its_order(shipped):
    """The exercise list shows exactly the article's twelve exercises, in the article's order."""
    assert list(shipped.exercises) == ARTICLE_IDS


@pytest.mark.parametrize("exercise_id", ARTICLE_IDS)
def test_sets_reps_seconds_hold_and_sides_match_the_article(shipped, exercise_id):
    """Each exercise asks for the sets, reps or seconds, hold and sides the article gives."""
    sets, (unit, count), hold, one_sided = ARTICLE_VOLUME[exercise_id]
    exercise = shipped.exercises[exercise_id]
    volume = exercise.volume
    if sets is not None:
        assert volume.sets == sets
    if unit == "reps":
        assert (volume.reps, volume.seconds) == (count, None)
        assert not exercise.timed
    else:
        assert (volume.reps, volume.seconds) == (None, count)
        assert exercise.timed
    assert volume.hold == (Hold(*hold) if hold else None)
    assert exercise.one_sided is one_sided


@pytest.mark.parametrize("exercise_id", ARTICLE_IDS)
def test_numbers_the_article_gives_are_not_marked_as_the_apps_choice(shipped, exercise_id):
    """Where the article states a number, the app does not label it as its own guess."""
    sets, (unit, _count), hold, _one_sided = ARTICLE_VOLUME[exercise_id]
    from_app = shipped.exercises[exercise_id].volume.from_app
    given = {unit} | ({"sets"} if sets is not None else set()) | ({"hold_seconds"} if hold else set())
    assert not given & from_app


def test_couch_stretch_is_three_minutes_per_leg_with_sets_chosen_by_the_app(shipped):
    """The couch stretch holds 3 minutes on each leg; the number of sets is flagged as the app's choice."""
    couch = shipped.exercises["couch-stretch"]
    assert couch.volume.seconds == 180
    assert couch.one_sided is True
    assert "sets" in couch.volume.from_app
    assert "seconds" not in couch.volume.from_app
    assert couch.volume.sets >= 1
    assert couch.category == "stretch"


# --- progressions ----------------------------------------------------------------------------------------

def test_banded_side_step_moves_the_band_from_above_the_knees_to_below_them_to_the_ankles(shipped):
    """The side step's banded steps move the band down the leg, as the article describes; before them comes a
    band-free first step, marked as the app's (the article's advice: beginners start without resistance)."""
    step = shipped.exercises["banded-side-step"]
    first, *banded = step.progressions
    assert first.equipment == () and first.from_article is False and first.level == "beginner"
    assert [rung.equipment for rung in banded] == [("band",)] * 3  # "You'll need to use a resistance band"
    texts = [rung_text(rung) for rung in banded]
    assert len(texts) == 3
    assert "above" in texts[0] and "knee" in texts[0]
    assert "below" in texts[1] and "knee" in texts[1]
    assert "ankle" in texts[2]
    assert all(rung.from_article for rung in banded)


def test_couch_stretch_has_the_articles_three_positions_in_order(shipped):
    """The couch stretch offers positions 1, 2 and 3, in that order."""
    rungs = shipped.exercises["couch-stretch"].progressions
    assert len(rungs) == 3
    for number, rung in enumerate(rungs, start=1):
        assert str(number) in rung.name
        assert rung.from_article is True


def test_heel_drop_goes_hip_drop_then_hip_hike_then_weighted(shipped):
    """The drop comes first, then the hike, then the hike made harder with weights."""
    rungs = shipped.exercises["heel-drop"].progressions
    assert len(rungs) == 3
    assert "drop" in rungs[0].name.lower() and not set(rungs[0].equipment)
    assert "hike" in rungs[1].name.lower() and not set(rungs[1].equipment)
    assert "hike" in rungs[2].name.lower() and set(rungs[2].equipment) & WEIGHTS


def test_squat_progresses_to_a_one_legged_squat_done_on_each_side(shipped):
    """The one-legged squat is the harder step, and it is done on the left and the right."""
    rungs = shipped.exercises["squat"].progressions
    assert rungs[0].one_sided in (None, False)
    assert "one-legged" in rungs[-1].name.lower()
    assert rungs[-1].one_sided is True


def test_glute_bridge_goes_plain_then_band_then_single_leg_on_each_side(shipped):
    """The bridge adds a band above the knees, then becomes a single-leg bridge done on each side."""
    rungs = shipped.exercises["glute-bridge"].progressions
    assert len(rungs) == 3
    assert not set(rungs[0].equipment)
    assert "band" in rungs[1].equipment and "knee" in rung_text(rungs[1])
    assert "single-leg" in rungs[2].name.lower() or "one leg" in rung_text(rungs[2])
    assert rungs[2].one_sided is True


def test_knee_drive_harder_step_pauses_two_to_three_seconds_at_the_top(shipped):
    """The harder knee drive holds the top for 2-3 s; the basic one does not pause."""
    drive = shipped.exercises["banded-knee-drive"]
    assert drive.volume.hold is None
    assert drive.progressions[0].hold is None
    paused = [rung for rung in drive.progressions if rung.hold is not None]
    assert [rung.hold for rung in paused] == [Hold(2, 3)]
    assert paused[0] is not drive.progressions[0]


@pytest.mark.parametrize("exercise_id", ["clamshell", "quadruped-hip-extension"])
def test_clamshell_and_quadruped_extension_add_a_band_as_the_harder_step(shipped, exercise_id):
    """The clamshell and the hands-and-knees extension start without a band and then add one."""
    rungs = shipped.exercises[exercise_id].progressions
    assert "band" not in rungs[0].equipment
    assert "band" in rungs[-1].equipment
    assert rungs[-1].from_article is True


@pytest.mark.parametrize("exercise_id", ARTICLE_IDS)
def test_every_first_step_is_for_beginners_and_adds_no_band_or_weights(shipped, exercise_id):
    """A beginner always starts without a band or weights, as the article advises."""
    first = shipped.exercises[exercise_id].progressions[0]
    assert first.level == "beginner"
    assert not set(first.equipment) & RESISTANCE


@pytest.mark.parametrize("exercise_id", ARTICLE_IDS)
def test_beginners_get_the_first_step_and_advanced_users_the_last(shipped, exercise_id):
    """Picking beginner starts every exercise at its easiest step; advanced at its hardest."""
    exercise = shipped.exercises[exercise_id]
    assert exercise.default_progression("beginner") == exercise.progressions[0]
    assert exercise.default_progression("advanced") == exercise.progressions[-1]


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("exercise_id", ARTICLE_IDS)
def test_with_no_equipment_allowed_no_step_needing_equipment_is_chosen(shipped, exercise_id, level):
    """A routine for a day without kit never asks for a band, box or weights at any level."""
    chosen = shipped.exercises[exercise_id].default_progression(level, frozenset())
    assert chosen.equipment == ()
    assert LEVELS.index(chosen.level) <= LEVELS.index(level)


# --- names, corrections, advice --------------------------------------------------------------------------

@pytest.mark.parametrize("exercise_id", ["side-leg-lift", "hip-abduction-step"])
def test_corrections_explain_that_moving_the_leg_out_is_abduction(shipped, exercise_id):
    """Where the article says "adduction", the app's correction says it is abduction."""
    correction = shipped.exercises[exercise_id].correction
    assert correction
    assert "abduction" in correction.lower()


@pytest.mark.parametrize("exercise_id", ["heel-drop", "quadruped-hip-extension"])
def test_the_articles_other_muddles_are_corrected(shipped, exercise_id):
    """The heel drop (really a hip drop) and the "quadriceps" extension carry a plain correction."""
    correction = shipped.exercises[exercise_id].correction
    assert correction
    word = {"heel-drop": "hip", "quadruped-hip-extension": "quadriceps"}[exercise_id]
    assert word in correction.lower()


def test_the_hands_and_knees_extension_is_not_called_a_quadriceps_exercise(shipped):
    """The exercise list does not repeat the article's "Quadriceps" mistake in the name."""
    exercise = shipped.exercises["quadruped-hip-extension"]
    assert "quadriceps" not in exercise.name.lower()
    assert exercise.article_title == "Quadriceps Hip Extension"  # but the article's title is kept for reference


def test_no_exercise_name_says_adduction(shipped):
    """No exercise is named after adduction: every sideways move in the article is abduction."""
    assert [e.name for e in shipped.exercises.values() if "adduction" in e.name.lower()] == []


def test_the_articles_advice_is_there_with_its_numbers(shipped):
    """The tips the app shows include the article's advice, with its 3-4 workouts and 3-6 weeks."""
    advice = shipped.advice
    for advice_id in ("start-without-resistance", "warm-up-before-couch-stretch", "injury-ask-physio",
                      "workouts-per-week", "weeks-to-build-strength"):
        assert advice_id in advice
        assert advice[advice_id].text.strip()
    assert advice["workouts-per-week"].range == (3, 4)
    assert advice["weeks-to-build-strength"].range == (3, 6)


# --- built-in routines -----------------------------------------------------------------------------------

def built_in_routines(catalog):
    return [r for r in catalog.routines.values() if r.source == "data/routines.yaml"]


def test_full_session_has_all_twelve_with_the_couch_stretch_after_every_strength_exercise(shipped):
    """The full session runs every exercise once and saves the couch stretch for when the hips are warm."""
    order = [item.exercise for item in shipped.routine("full-hip-session").items]
    assert sorted(order) == sorted(ARTICLE_IDS)
    assert len(order) == 12
    strength = [i for i, ex in enumerate(order) if shipped.exercises[ex].category == "strength"]
    assert len(strength) == 11
    assert order.index("couch-stretch") > max(strength)
    assert order[-1] == "couch-stretch"


def test_no_built_in_routine_starts_with_the_couch_stretch(shipped):
    """No built-in routine opens with the couch stretch on cold muscles."""
    routines = built_in_routines(shipped)
    assert len(routines) >= 4
    assert [r.id for r in routines if r.items[0].exercise == "couch-stretch"] == []


@pytest.mark.parametrize("level", LEVELS)
def test_quick_no_equipment_needs_no_equipment_at_any_level(shipped, level):
    """"Quick, no equipment" never asks for a band, box, wall or weights, whatever the level."""
    plan = compile_plan(shipped.routine("quick-no-equipment"), shipped, Settings(level=level))
    assert plan.equipment == []
    assert len(plan.exercises) == 5
    for planned in plan.exercises:
        assert planned.progression.equipment == () and planned.exercise.equipment == ()


# --- wording ---------------------------------------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"
COPYCHECK = SHARED / "hooks" / "copycheck.py"


def run_copycheck(folder: Path) -> subprocess.CompletedProcess[str]:
    # Run inside the folder with "." so no dotted parent folder (such as .venv) makes the hook skip files.
    return subprocess.run([sys.executable, str(COPYCHECK), "."], cwd=folder, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def copycheck():
    if not COPYCHECK.is_file():
        pytest.skip(f"the shared hooks are not beside the clone ({COPYCHECK})")
    return run_copycheck


def test_copycheck_catches_a_copied_sentence(copycheck, tmp_path):
    """The copy check really reads YAML files (so the next test's silence means something)."""
    # The copied sentence is taken from the article at run time, so the project itself holds no copy.
    article = (COPYCHECK.parent.parent / "reference" / "hip-strengthening-article.txt").read_text(encoding="utf-8")
    sentence = next(line.strip() for line in article.splitlines() if len(line.split()) > 12)
    (tmp_path / "copied.yaml").write_text(f"text: {sentence!r}\n", encoding="utf-8")
    result = copycheck(tmp_path)
    assert "copied.yaml" in result.stdout


def test_shipped_data_states_the_article_in_its_own_words(copycheck):
    """No sentence in the shipped catalogue or routines is copied from the article."""
    with resources.as_file(resources.files("hipfit_desktop.data")) as data_dir:
        assert (data_dir / "exercises.yaml").is_file()
        result = copycheck(data_dir)
    assert result.stdout == "", result.stdout
    assert result.returncode == 0, result.stderr
