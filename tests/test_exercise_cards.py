"""Exercise cards: every version of every exercise says how to do that version, and every number its source.

Expected words are written here by hand from the article and the issue, not read from data/exercises.yaml.
"""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.card import build_card, card_text
from hipfit_desktop.workout.plan import plan_exercise

# How a person would see each piece of equipment named in the steps.
NAMED_AS = {"band": ("band",), "ankle-weights": ("weight",), "weight-vest": ("vest",), "box": ("box", "step"),
            "wall": ("wall",)}

# Every version with its own set-up, equipment or movement: its steps must differ from the version below.
OWN_SETUP = {
    ("side-leg-lift", "lying"), ("side-leg-lift", "lying-ankle-weights"),
    ("glute-bridge", "banded-bridge"), ("glute-bridge", "single-leg-bridge"),
    ("donkey-kick", "side-kick"), ("donkey-kick", "straight-or-side-kick"), ("donkey-kick", "weighted-kick"),
    ("squat", "one-legged-squat"),
    ("banded-side-step", "band-above-knees"), ("banded-side-step", "band-below-knees"),
    ("banded-side-step", "band-at-ankles"),
    ("hip-abduction-step", "hands-behind-head"),
    ("heel-drop", "hip-hike"), ("heel-drop", "weighted-hip-hike"),
    ("couch-stretch", "position-2"), ("couch-stretch", "position-3"),
    ("banded-knee-drive", "knee-drive"), ("banded-knee-drive", "knee-drive-pause"),
    ("quadruped-hip-extension", "banded"), ("clamshell", "banded"),
}


@pytest.fixture(scope="module")
def shipped():
    return load_catalog()


def every_version():
    catalog = load_catalog()
    return [(e.id, p.id) for e in catalog.exercises.values() for p in e.progressions]


def card(catalog, exercise_id, version_id=None, settings=None):
    item = plan_exercise(catalog.exercises[exercise_id], catalog, settings or Settings(), progression_id=version_id)
    return build_card(item, catalog)


def steps_text(a_card) -> str:
    return " ".join(a_card.steps).lower()


def test_there_are_versions_for_all_twelve_exercises(shipped):
    assert len({e for e, _v in every_version()}) == 12
    assert len(every_version()) >= 32


@pytest.mark.parametrize("exercise_id, version_id", every_version())
def test_the_steps_name_every_piece_of_equipment_the_version_needs(shipped, exercise_id, version_id):
    """A band, weight, box or wall this version needs is named in its steps, so the user knows where it goes."""
    shown = card(shipped, exercise_id, version_id)
    assert shown.steps and shown.version_id == version_id
    for item in shown.equipment:
        assert any(word in steps_text(shown) for word in NAMED_AS[item]), (item, shown.steps)


@pytest.mark.parametrize("exercise_id, version_id", sorted(OWN_SETUP))
def test_a_version_with_its_own_setup_has_its_own_steps_and_tips(shipped, exercise_id, version_id):
    """Steps and tips differ from the version below; the card names that version and what changes."""
    exercise = shipped.exercises[exercise_id]
    version = exercise.progression(version_id)
    below = exercise.below(version)
    assert below is not None
    shown = card(shipped, exercise_id, version_id)
    assert shown.steps != below.steps
    assert shown.tips and shown.tips != below.tips
    assert shown.below_name == below.name and shown.changes
    assert f"Changes from {below.name}:" in card_text(shown)


@pytest.mark.parametrize("exercise_id, version_id", every_version())
def test_no_step_points_at_another_versions_steps(shipped, exercise_id, version_id):
    """Each version is complete on its own: no 'as in position 1', 'same as above'."""
    text = steps_text(card(shipped, exercise_id, version_id))
    for phrase in ("as in position", "same as", "as above", "as before"):
        assert phrase not in text


@pytest.mark.parametrize("exercise_id, version_id, must, must_not", [
    ("side-leg-lift", "lying-ankle-weights", ("lie", "ankle weight"), ("stand tall",)),
    ("banded-side-step", "band-below-knees", ("below your knees",), ("above your knees",)),
    ("banded-side-step", "band-at-ankles", ("ankles",), ("above your knees",)),
    ("hip-abduction-step", "hands-behind-head", ("behind your head",), ("hands on your hips",)),
    ("heel-drop", "hip-hike", ("higher than the other hip",), ()),
    ("heel-drop", "weighted-hip-hike", ("hang free", "weight"), ()),
    ("glute-bridge", "banded-bridge", ("band", "above your knees"), ()),
    ("clamshell", "banded", ("band",), ()),
    ("quadruped-hip-extension", "banded", ("band", "beneath the knee"), ()),
    ("donkey-kick", "weighted-kick", ("ankle weight",), ()),
    ("couch-stretch", "position-1", ("shin", "up the wall"), ()),
    ("couch-stretch", "position-3", ("flat on the floor", "upright"), ()),
    ("squat", "squat", ("parallel to the floor",), ()),
    ("clamshell", "no-band", ("hips to about 45°", "knees to about 90°"), ()),
])
def test_the_words_that_were_wrong_are_right(shipped, exercise_id, version_id, must, must_not):
    """The issue's list: each version says what it really is."""
    text = steps_text(card(shipped, exercise_id, version_id))
    for words in must:
        assert words in text
    for words in must_not:
        assert words not in text


def test_the_bent_knee_tip_is_not_shown_for_the_straight_leg_kick(shipped):
    straight = card(shipped, "donkey-kick", "straight-or-side-kick")
    assert "straight" in straight.version_name.lower() and " or " not in straight.version_name
    assert not any("90°" in tip for tip in straight.tips)
    side = card(shipped, "donkey-kick", "side-kick")
    assert "side" in side.version_name.lower() and side.steps != straight.steps


def test_the_hip_hinge_tip_agrees_with_its_step(shipped):
    """The lifted leg reaches back as you hinge; no tip says to keep that foot low."""
    hinge = card(shipped, "hip-hinge-rotation")
    assert "reach back" in steps_text(hinge)
    assert not any("keep the lifted foot low" in tip.lower() for tip in hinge.tips)


# --- numbers and where they come from ------------------------------------------------------------------

def lines(a_card) -> dict[str, str]:
    return {line.text: line.source for line in a_card.volume}


def test_the_articles_numbers_and_the_apps_are_told_apart(shipped):
    """3 x 15 is the article's; rest, tempo and switch-sides time are the app's defaults."""
    shown = lines(card(shipped, "side-leg-lift"))
    assert shown == {
        "3 × 15 reps": "the article", "each leg": "the article", "hold 2 s at the top": "the article",
        "guided tempo: up 1 s, down 2 s": "app default", "rest 30 s between sets": "app default",
        "switch sides 8 s": "app default"}


def test_per_side_counts_the_article_does_not_give_are_the_apps_reading(shipped):
    assert lines(card(shipped, "banded-side-step"))["each direction"] == "the app's reading"
    assert lines(card(shipped, "donkey-kick"))["each leg"] == "the app's reading"
    assert lines(card(shipped, "clamshell"))["each side"] == "the article"


def test_ranges_are_shown_as_ranges_and_the_timed_second_as_the_apps_choice(shipped):
    shown = lines(card(shipped, "banded-knee-drive", settings=Settings(level="intermediate")))
    assert shown["pause 2–3 s at the top"] == "the article"
    assert shown["timed as 3 s, the top of the range"] == "app default"
    assert lines(card(shipped, "clamshell"))["pause 1–2 s at the top"] == "the article"


def test_the_couch_stretch_is_up_to_three_minutes_in_one_set_the_app_chose(shipped):
    shown = lines(card(shipped, "couch-stretch"))
    assert shown["hold up to 3 min"] == "the article"
    assert shown["1 set"] == "app default"
    assert shown["switch sides 15 s"] == "app default"


def test_the_users_own_numbers_are_marked_as_theirs(shipped):
    settings = Settings(rest_between_sets_seconds=40).with_exercise("clamshell", reps=12, hold_seconds=1)
    shown = lines(card(shipped, "clamshell", settings=settings))
    assert shown["3 sets"] == "the article" and shown["12 reps"] == "your setting"
    assert shown["hold 1 s at the top (the article: pause 1–2 s)"] == "your setting"
    assert shown["rest 40 s between sets"] == "your setting"


def test_naming_corrections_are_about_the_name_and_changed_cues_say_so(shipped):
    squat = card_text(card(shipped, "squat"))
    assert "About the name" not in squat and "Changed from the article: " in squat
    lift = card_text(card(shipped, "side-leg-lift"))
    assert "About the name: " in lift and "abduction" in lift
    extension = card_text(card(shipped, "quadruped-hip-extension"))
    assert "About the name: " in extension and "Changed from the article: " in extension


def test_the_level_picks_the_version_the_card_shows(shipped):
    assert card(shipped, "banded-knee-drive").version_id == "knee-drive-no-band"
    assert card(shipped, "banded-knee-drive", settings=Settings(level="intermediate")).version_id == \
        "knee-drive-pause"
    chosen = Settings(level="advanced").with_exercise("squat", progression="squat")
    assert card(shipped, "squat", settings=chosen).version_id == "squat"


def test_an_app_step_is_marked_as_the_apps(shipped):
    shown = card_text(card(shipped, "banded-side-step"))
    assert "Without a band (beginner; the app's step, not the article's)" in shown
