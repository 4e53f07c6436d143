"""settings.yaml edited by hand: each mistake is named word for word, and what the user typed is not lost."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hipfit_desktop.settings.model import ExerciseSettings, Settings
from hipfit_desktop.settings.store import SettingsStore
from hipfit_desktop.system.paths import user_paths


@pytest.fixture
def path(hipfit_home) -> Path:
    path = user_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def load(path: Path, catalog, text: str):
    path.write_text(text)
    store = SettingsStore(path)
    return store, store.load(catalog)


def body(path: Path) -> list[str]:
    return [line for line in path.read_text().splitlines() if not line.startswith("#")]


@pytest.mark.parametrize("key", ["hold_seconds", "pace"])
def test_a_count_setting_on_a_timed_exercise_is_named_and_the_rest_used(path, catalog, key):
    """`hold_seconds` or `pace` under a timed stretch is refused with the hint to set `seconds`; `sets` still works."""
    value = "own" if key == "pace" else "5"
    _, loaded = load(path, catalog, f"version: 1\nexercises:\n  couch-stretch:\n    sets: 2\n    {key}: {value}\n")
    assert loaded.warnings == [f"settings.yaml:5: exercises.couch-stretch.{key}: couch-stretch is timed: set "
                               "`seconds` instead (using the default)"]
    assert loaded.settings == Settings(exercises={"couch-stretch": ExerciseSettings(sets=2)})


@pytest.mark.parametrize("key, value", [("hold_seconds", 5), ("pace", "own")])
def test_a_count_setting_on_a_counted_exercise_is_used(path, catalog, key, value):
    """The same keys on an exercise counted in reps are the user's settings, with no warning."""
    _, loaded = load(path, catalog, f"version: 1\nexercises:\n  clamshell:\n    {key}: {value}\n")
    assert loaded.warnings == [] and loaded.settings == Settings(exercises={"clamshell": ExerciseSettings(
        **{key: value})})


@pytest.mark.parametrize("length", [61, 80])
def test_an_overlong_progression_is_named_as_too_long(path, catalog, length):
    """A progression name longer than any real one (over 60 characters) is reported with its length."""
    _, loaded = load(path, catalog, f"version: 1\nexercises:\n  clamshell:\n    progression: {'b' * length}\n")
    assert loaded.warnings == [f"settings.yaml:4: exercises.clamshell.progression: too long ({length} characters, "
                               "at most 60) (using the default)"]


def test_a_progression_of_sixty_characters_is_checked_against_the_ladder(path, catalog):
    """At 60 characters the name is read and reported as an unknown progression, listing the known ones."""
    name = "b" * 60
    _, loaded = load(path, catalog, f"version: 1\nexercises:\n  clamshell:\n    progression: {name}\n")
    assert loaded.warnings == [f"settings.yaml:4: exercises.clamshell.progression: unknown progression '{name}' "
                               "for clamshell (known: no-band, banded) (using the default)"]


def test_an_unknown_key_lists_the_known_keys_of_its_section(path, catalog):
    """The message for a typo lists the keys that section does know, so the user can spot the right one."""
    _, loaded = load(path, catalog, "version: 1\ntimings:\n  warmup: 20\nsound:\n  loud: true\n"
                                    "exercises:\n  clamshell:\n    rep: 12\n")
    assert loaded.warnings == [
        "settings.yaml:3: timings.warmup: unknown key: not used, left in the file (known: get_ready_seconds, "
        "rest_between_sets_seconds, switch_sides_seconds, rest_between_exercises_seconds)",
        "settings.yaml:5: sound.loud: unknown key: not used, left in the file (known: enabled, volume, voice, tones)",
        "settings.yaml:8: exercises.clamshell.rep: unknown key: not used, left in the file (known: progression, sets, "
        "reps, hold_seconds, seconds, rest_seconds, pace)"]


def test_a_bad_first_side_is_named_and_stays_in_the_file_until_set(path, catalog):
    """`first_side: middle` falls back to left with a message, survives an unrelated save, goes when set in the app."""
    store, loaded = load(path, catalog, "version: 1\nfirst_side: middle\n")
    assert loaded.warnings == ["settings.yaml:2: first_side: expected one of left, right, got 'middle' (text) "
                               "(using the default)"]
    assert loaded.settings == Settings()
    assert store.save(loaded.settings.with_exercise("clamshell", reps=12)).ok
    assert "first_side: middle" in body(path)
    assert store.save(Settings(first_side="right")).ok
    assert yaml.safe_load(path.read_text()) == {"version": 1, "first_side": "right"}


def test_a_typo_stays_when_another_field_of_the_same_exercise_is_set(path, catalog):
    """Changing the sets of an exercise in the app keeps that exercise's mistyped reps in the file, as typed."""
    store, loaded = load(path, catalog, "version: 1\nexercises:\n  clamshell:\n    reps: 1:30\n")
    assert store.save(loaded.settings.with_exercise("clamshell", sets=3)).ok
    assert body(path) == ["version: 1", "exercises:", "  clamshell:", "    sets: 3", "    reps: 1:30"]
    assert store.save(loaded.settings.with_exercise("clamshell", sets=3, reps=14)).ok
    assert yaml.safe_load(path.read_text()) == {"version": 1, "exercises": {"clamshell": {"sets": 3, "reps": 14}}}


def test_a_bad_section_stays_in_the_file_until_the_app_writes_that_section(path, catalog):
    """`timings: fast` is reported and kept through unrelated saves; setting a timing replaces it."""
    store, loaded = load(path, catalog, "version: 1\ntimings: fast\nlevel: advanced\n")
    assert loaded.warnings == ["settings.yaml:2: timings: expected a mapping, got 'fast' (text) (using the default)"]
    assert store.save(Settings(level="intermediate")).ok
    assert body(path) == ["version: 1", "level: intermediate", "timings: fast"]
    assert store.save(Settings(level="intermediate", get_ready_seconds=12)).ok
    assert body(path) == ["version: 1", "level: intermediate", "timings:", "  get_ready_seconds: 12"]


EVERY_KIND_OF_MISTAKE = """\
version: 1
level: advanced
first_side: middle
last_routine: ''
timings:
  get_ready_seconds: 1:30
  warmup: 5
sound:
  volume: loud
  voice: yes
  reverb: on
exercises:
  clamshell:
    reps: 1:30
    rep: 12
  squat: 12
"""


def test_every_mistake_is_written_back_where_the_user_typed_it(path, catalog):
    """An unrelated save puts each bad or unknown value back under its own section and key, as typed."""
    store, loaded = load(path, catalog, EVERY_KIND_OF_MISTAKE)
    assert loaded.settings == Settings(level="advanced") and len(loaded.warnings) == 10
    assert store.save(Settings(level="intermediate")).ok
    assert body(path) == ["version: 1", "level: intermediate"] + EVERY_KIND_OF_MISTAKE.splitlines()[2:]
    fields = [warning.split(": ", 1)[1] for warning in loaded.warnings]
    assert [warning.split(": ", 1)[1] for warning in SettingsStore(path).load(catalog).warnings] == fields


@pytest.mark.parametrize("length", [1, 200])
def test_a_last_routine_up_to_200_characters_comes_back(path, catalog, length):
    """The routine picked last time is remembered whatever its id, up to 200 characters."""
    _, loaded = load(path, catalog, f"version: 1\nlast_routine: {'r' * length}\n")
    assert loaded.warnings == [] and loaded.settings == Settings(last_routine="r" * length)


def test_a_last_routine_over_200_characters_is_named_as_too_long(path, catalog):
    """A routine id longer than 200 characters is not used, and the message gives its length and the limit."""
    _, loaded = load(path, catalog, f"version: 1\nlast_routine: {'r' * 201}\n")
    assert loaded.warnings == ["settings.yaml:2: last_routine: too long (201 characters, at most 200) "
                               "(using the default)"]
    assert loaded.settings == Settings()


def test_two_mistakes_on_one_line_are_listed_in_the_order_they_stand(path, catalog):
    """In a one-line mapping the messages keep the order of the keys on that line, not an alphabetical one."""
    _, loaded = load(path, catalog, "version: 1\nexercises: {clamshell: {sets: 0, reps: 500}}\n")
    assert loaded.warnings == [
        "settings.yaml:2: exercises.clamshell.sets: 0 is out of range (1 to 20) (using the default)",
        "settings.yaml:2: exercises.clamshell.reps: 500 is out of range (1 to 100) (using the default)"]


def test_unknown_lists_mappings_and_quoted_text_are_written_back_unchanged(path, catalog):
    """Whatever shape an unknown key's value has (list, mapping, quoted text, empty), a save keeps it as written."""
    store, _ = load(path, catalog, "version: 1\ntheme:\n  colours: [dark, '010']\n  size: 3\nwarmups:\n  - 1:30\n"
                                   "  - 'yes'\n  - {name: swing, reps: 010}\nnote: \"1:30\"\nempty:\n")
    assert store.save(Settings(level="advanced")).ok
    assert body(path) == ["version: 1", "level: advanced", "theme:", "  colours:", "  - dark", "  - '010'",
                          "  size: 3", "warmups:", "- 1:30", "- 'yes'", "- name: swing", "  reps: 010",
                          "note: '1:30'", "empty: null"]


def test_a_value_kept_as_typed_keeps_its_usual_place_among_the_ones_the_app_writes(path, catalog):
    """A bad timing or sound value written back stands in the usual order of its section, not tacked on at the end."""
    store, _ = load(path, catalog, "version: 1\ntimings:\n  get_ready_seconds: 1:30\nsound:\n  volume: loud\n"
                                   "exercises:\n  clamshell:\n    sets: many\n")
    assert store.save(Settings(rest_between_sets_seconds=40, voice=False).with_exercise("clamshell", reps=12)).ok
    assert body(path) == ["version: 1", "timings:", "  get_ready_seconds: 1:30", "  rest_between_sets_seconds: 40",
                          "sound:", "  volume: loud", "  voice: false", "exercises:", "  clamshell:", "    sets: many",
                          "    reps: 12"]


def test_names_are_written_as_typed_on_one_line_however_long_or_accented(path, catalog):
    """An accented or long routine name reads in the file as the user typed it: no escapes, no folded lines."""
    long_name = " ".join(["Hüften und Knie"] * 12)  # 191 characters with spaces, where a YAML writer would fold
    for name in ("Morgen-Übungen für die Hüfte", long_name):
        assert SettingsStore(path).save(Settings(last_routine=name)).ok
        assert body(path) == ["version: 1", f"last_routine: {name}"]
        assert SettingsStore(path).load(catalog).settings.last_routine == name
