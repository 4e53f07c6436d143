"""Settings from HipFit 0.x (version 0) carry over: each old key lands in its new place, odd ones are reported."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hipfit_desktop.settings.migrations import CURRENT_VERSION, MIGRATIONS, step_names
from hipfit_desktop.settings.model import ExerciseSettings, Settings
from hipfit_desktop.settings.store import SettingsStore
from hipfit_desktop.system.paths import user_paths


@pytest.fixture
def path(hipfit_home) -> Path:
    path = user_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def upgrade(path: Path, catalog, text: str):
    path.write_text(text)
    return SettingsStore(path).load(catalog)


def test_reps_carry_over_from_a_file_without_progressions(path, catalog):
    """A version 0 file that set only reps (no `progressions:` block) keeps those reps."""
    loaded = upgrade(path, catalog, "version: 0\nreps:\n  clamshell: 12\n  squat: 15\n")
    assert loaded.settings == Settings(exercises={"clamshell": ExerciseSettings(reps=12),
                                                  "squat": ExerciseSettings(reps=15)})
    assert loaded.warnings == []
    assert yaml.safe_load(path.read_text()) == {"version": 1, "exercises": {"clamshell": {"reps": 12},
                                                                            "squat": {"reps": 15}}}


def test_reps_carry_over_when_the_progressions_block_is_not_a_mapping(path, catalog):
    """A mangled `progressions:` is reported at its line, and the reps below it still carry over."""
    loaded = upgrade(path, catalog, "version: 0\nprogressions: banded\nreps:\n  clamshell: 12\n")
    assert loaded.settings == Settings(exercises={"clamshell": ExerciseSettings(reps=12)})
    assert [w.split(": ")[:2] for w in loaded.warnings] == [["settings.yaml.v0-backup:2", "progressions"]]


def test_an_unknown_exercise_in_an_old_file_is_reported_at_its_line_and_kept(path, catalog):
    """A mistyped exercise id in version 0 is named with the line the user wrote it on, and stays in the file."""
    loaded = upgrade(path, catalog, "version: 0\nlevel: advanced\nreps:\n  clamshell: 12\n  clamshel: 10\n"
                                    "progressions:\n  sqaut: deep\n")
    assert [w.split(": ")[:2] for w in loaded.warnings] == [["settings.yaml.v0-backup:5", "exercises.clamshel"],
                                                            ["settings.yaml.v0-backup:7", "exercises.sqaut"]]
    assert loaded.warnings[0].startswith("settings.yaml.v0-backup:5: exercises.clamshel: unknown exercise: not used")
    assert loaded.settings == Settings(level="advanced", level_chosen=True,
                                       exercises={"clamshell": ExerciseSettings(reps=12)})
    assert yaml.safe_load(path.read_text())["exercises"] == {"clamshel": {"reps": 10}, "clamshell": {"reps": 12},
                                                             "sqaut": {"progression": "deep"}}


def test_an_old_sound_switch_that_is_not_true_or_false_is_reported(path, catalog):
    """`sound: quiet` in version 0 is not guessed at: a warning at its line, and the sound stays on."""
    loaded = upgrade(path, catalog, "version: 0\nside: left\nsound: quiet\n")
    assert loaded.settings == Settings()
    assert [w.split(": ")[:2] for w in loaded.warnings] == [["settings.yaml.v0-backup:3", "sound"]]


def test_an_old_file_without_a_level_still_asks_for_one(path, catalog):
    """Version 0 files that never named a level do not count as a chosen level: the window still asks."""
    loaded = upgrade(path, catalog, "version: 0\nget_ready: 12\n")
    assert loaded.settings == Settings(get_ready_seconds=12) and not loaded.settings.level_chosen


def test_migrations_are_named_in_order_from_any_old_version():
    """The upgrade from an old version runs each named step once, in order; a current file needs none."""
    assert step_names(0) == [MIGRATIONS[v].__name__ for v in range(CURRENT_VERSION)]
    assert step_names(CURRENT_VERSION - 1) == [MIGRATIONS[CURRENT_VERSION - 1].__name__]
    assert step_names(CURRENT_VERSION) == []
