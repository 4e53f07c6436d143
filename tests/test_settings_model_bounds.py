"""What the settings model accepts from a dialog, and what its reset and change helpers do."""

from __future__ import annotations

import pytest

from hipfit_desktop.settings.model import ExerciseSettings, Settings


def test_resetting_an_exercise_the_user_never_changed_changes_nothing():
    """Reset on an untouched exercise is harmless: the other exercises' settings stay as they were."""
    settings = Settings().with_exercise("clamshell", reps=12)
    assert settings.reset_exercise("squat") == settings
    assert Settings().reset_exercise("squat") == Settings()


@pytest.mark.parametrize("changes, says", [
    ({"level": "expert"}, "level: expected one of beginner, intermediate, advanced, got 'expert'"),
    ({"first_side": "middle"}, "first_side: expected one of left, right, got 'middle'"),
    ({"volume": 101}, "volume: 101 is out of range (0 to 100)"),
    ({"get_ready_seconds": -1}, "get_ready_seconds: -1 is out of range (0 to 120)"),
    ({"switch_sides_seconds": 2.5}, "switch_sides_seconds: expected a whole number, got 2.5"),
    ({"volume": True}, "volume: expected a whole number, got True"),
    ({"voice": 1}, "voice: expected true or false, got 1"),
    ({"level_chosen": "yes"}, "level_chosen: expected true or false, got 'yes'"),
    ({"last_routine": ""}, "last_routine: expected a routine id, got ''"),
    ({"last_routine": " band-day"}, "last_routine: expected a routine id, got ' band-day'"),
    ({"last_routine": "r" * 201}, f"last_routine: expected a routine id, got '{'r' * 201}'"),
    ({"last_routine": 7}, "last_routine: expected a routine id, got 7"),
    ({"exercises": {"clamshell": {"reps": 12}}},
     "exercises.clamshell: expected ExerciseSettings, got {'reps': 12}"),
])
def test_settings_a_dialog_cannot_build_are_refused_with_the_field_and_value(changes, says):
    """Settings the file reader would refuse cannot be made: the error names the field, the value and what fits."""
    with pytest.raises(ValueError) as refused:
        Settings(**changes)
    assert str(refused.value) == says


@pytest.mark.parametrize("changes, says", [
    ({"pace": "fast"}, "pace: expected one of guided, own, got 'fast'"),
    ({"sets": 0}, "sets: 0 is out of range (1 to 20)"),
    ({"seconds": 4}, "seconds: 4 is out of range (5 to 600)"),
    ({"progression": ""}, "progression: expected a progression id, got ''"),
    ({"progression": 3}, "progression: expected a progression id, got 3"),
])
def test_exercise_settings_a_dialog_cannot_build_are_refused_with_the_field_and_value(changes, says):
    """The same for one exercise's settings: pace, counts and progression are checked when made."""
    with pytest.raises(ValueError) as refused:
        ExerciseSettings(**changes)
    assert str(refused.value) == says


@pytest.mark.parametrize("routine", ["r", "r" * 200, "band day"])
def test_any_routine_id_up_to_200_characters_is_accepted(routine):
    """The last routine may be any id without surrounding spaces, up to 200 characters."""
    assert Settings(last_routine=routine).last_routine == routine



def test_setting_an_untouched_exercise_to_its_defaults_changes_nothing():
    """Choosing the default for an exercise the user never changed leaves no entry for it (nothing to write)."""
    settings = Settings().with_exercise("clamshell", reps=12)
    assert settings.with_exercise("squat", reps=None, pace=None) == settings
    assert settings.with_exercise("clamshell", reps=None).exercises == {}
    assert settings.for_exercise("squat") == ExerciseSettings() and settings.for_exercise("clamshell").reps == 12


def test_changing_one_setting_of_an_exercise_keeps_its_others():
    """Setting the sets of an exercise in the dialog keeps the reps and progression chosen for it before."""
    settings = Settings().with_exercise("clamshell", reps=12, progression="banded").with_exercise("clamshell", sets=3)
    assert settings.for_exercise("clamshell") == ExerciseSettings(progression="banded", sets=3, reps=12)
