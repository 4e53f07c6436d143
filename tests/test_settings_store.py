"""settings.yaml: what is remembered, what is written, and what happens to bad, old, new and unwritable files."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.settings import migrations
from hipfit_desktop.settings.migrations import CURRENT_VERSION, MIGRATIONS
from hipfit_desktop.settings.model import (
    BOUNDS,
    LEVELS,
    PACES,
    SIDES,
    TIMINGS,
    ExerciseSettings,
    Settings,
    read_settings,
    read_version,
    settings_text,
)
from hipfit_desktop.settings.store import SettingsStore
from hipfit_desktop.system.paths import user_paths

FIXTURES = Path(__file__).parent / "fixtures"

EVERYTHING = Settings(
    level="advanced", first_side="right", get_ready_seconds=5, rest_between_sets_seconds=40,
    switch_sides_seconds=3, rest_between_exercises_seconds=90, sound=False, volume=35, voice=True, tones=False,
    last_routine="band-day", level_chosen=True, count_each_rep=True,
    exercises={
        "clamshell": ExerciseSettings(progression="banded", sets=4, reps=12, hold_seconds=3, rest_seconds=20,
                                      pace="own"),
        "couch-stretch": ExerciseSettings(progression="position-1", seconds=120, sets=1),
    },
)


@pytest.fixture
def path(hipfit_home) -> Path:
    return user_paths().settings_file


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def reload(path: Path, catalog):
    return SettingsStore(path).load(catalog)


# --- what is remembered and written ----------------------------------------------------------------------

def test_every_field_comes_back_after_a_restart(path, catalog):
    """Everything the user set (level, timings, sound, each exercise's progression and counts) is there next time."""
    assert SettingsStore(path).save(EVERYTHING).ok
    loaded = reload(path, catalog)
    assert loaded.settings == EVERYTHING
    assert loaded.warnings == [] and loaded.notice is None


def _number(name: str):
    return st.none() | st.integers(*BOUNDS[name])


def _exercise_entry(exercise):
    timed = exercise.timed
    own = st.builds(
        ExerciseSettings, progression=st.none() | st.sampled_from([p.id for p in exercise.progressions]),
        sets=_number("sets"), reps=st.none() if timed else _number("reps"),
        hold_seconds=st.none() if timed else _number("hold_seconds"),
        seconds=_number("seconds") if timed else st.none(), rest_seconds=_number("rest_seconds"),
        pace=st.none() if timed else st.none() | st.sampled_from(PACES))
    return st.tuples(st.just(exercise.id), own.filter(lambda e: not e.is_default()))


ANY_SETTINGS = st.builds(
    Settings, level=st.sampled_from(LEVELS), first_side=st.sampled_from(SIDES),
    **{name: _number(name) for name in TIMINGS},
    exercises=st.lists(st.sampled_from(list(load_catalog().exercises.values())).flatmap(_exercise_entry),
                       unique_by=lambda pair: pair[0], max_size=5).map(dict),
    sound=st.booleans(), volume=st.integers(*BOUNDS["volume"]), voice=st.booleans(), tones=st.booleans(),
    last_routine=st.none() | st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
    .filter(lambda text: text == text.strip()),
    level_chosen=st.booleans(), count_each_rep=st.booleans(),
)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(settings=ANY_SETTINGS)
@example(settings=Settings(last_routine="0\x850"))  # found by Hypothesis: NEL read back as a space
@example(settings=Settings(last_routine="a\u2028b\u2029c\nd\re"))
def test_any_settings_read_back_the_same_from_their_text(catalog, settings):
    """Whatever combination the user picks (even a routine named `1:30` or `yes`), it reads back unchanged."""
    parsed = read_settings(read_version(settings_text(settings), "settings.yaml")[0], "settings.yaml", catalog)
    assert parsed.settings == settings and parsed.warnings == [] and parsed.kept == []


def test_a_missing_file_gives_the_defaults_and_creates_nothing(path, catalog):
    """On first run the app starts with the defaults, silently, and asks for the level (level_chosen is False)."""
    loaded = reload(path, catalog)
    assert loaded.settings == Settings() and not loaded.settings.level_chosen
    assert loaded.messages() == [] and not path.parent.exists()


def test_the_file_holds_only_what_the_user_changed_in_a_readable_layout(path):
    """Opening settings.yaml shows the few values the user changed, grouped, and nothing else."""
    settings = Settings(level="intermediate", rest_between_sets_seconds=40).with_exercise(
        "clamshell", progression="banded", reps=12)
    assert SettingsStore(path).save(settings).ok
    text = path.read_text()
    assert yaml.safe_load(text) == {"version": 1, "level": "intermediate",
                                    "timings": {"rest_between_sets_seconds": 40},
                                    "exercises": {"clamshell": {"progression": "banded", "reps": 12}}}
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body == ["version: 1", "level: intermediate", "timings:", "  rest_between_sets_seconds: 40",
                    "exercises:", "  clamshell:", "    progression: banded", "    reps: 12"]


def test_a_value_set_back_to_its_default_leaves_the_file(path):
    """Resetting a value removes it from the file, so a better default in a later version reaches the user."""
    store = SettingsStore(path)
    changed = Settings(level="advanced", sound=False, volume=30).with_exercise("clamshell", reps=12, sets=2)
    store.save(changed)
    back = Settings(volume=30).with_exercise("clamshell", sets=2).with_exercise("clamshell", sets=None)
    assert back.exercises == {}
    store.save(back)
    assert yaml.safe_load(path.read_text()) == {"version": 1, "sound": {"volume": 30}}
    store.save(Settings())
    assert yaml.safe_load(path.read_text()) == {"version": 1}


def test_reset_helpers_clear_one_exercise_or_everything_but_the_level():
    """Reset on one exercise, or on everything, goes back to the defaults; the chosen level stays."""
    assert EVERYTHING.reset_exercise("clamshell").exercises.keys() == {"couch-stretch"}
    assert EVERYTHING.reset_all() == Settings(level="advanced", level_chosen=True, last_routine="band-day")


def test_the_weekly_target_is_saved_at_the_top_only_when_changed(path, catalog):
    """Workouts a week: 1 to 7, default 3 (the article: three to four); kept by Reset all."""
    store = SettingsStore(path)
    assert store.save(Settings(weekly_target=5)).ok
    assert yaml.safe_load(path.read_text()) == {"version": 1, "weekly_target": 5}
    assert reload(path, catalog).settings == Settings(weekly_target=5)
    assert Settings(weekly_target=5, volume=10).reset_all() == Settings(weekly_target=5)


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_every_number_has_bounds_in_the_model(name):
    """A dialog cannot store a number out of range: the model refuses it, naming the field."""
    low, high = BOUNDS[name]
    make = (lambda v: Settings(**{name: v})) if name in Settings.__dataclass_fields__ else \
        (lambda v: Settings().with_exercise("clamshell", **{name: v}))
    make(low), make(high)
    for bad in (low - 1, high + 1, True, "10"):
        with pytest.raises(ValueError, match=name):
            make(bad)


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_an_out_of_range_number_in_the_file_is_replaced_by_its_default(path, catalog, name):
    """A number edited out of range by hand is ignored with a message naming the line; the rest is used."""
    low, high = BOUNDS[name]
    if name in ("volume",):
        where = f"sound:\n  volume: {high + 1}\n"
        field = "sound.volume"
    elif name == "weekly_target":
        where = f"weekly_target: {high + 1}\n"
        field = "weekly_target"
    elif name in Settings.__dataclass_fields__:
        where = f"timings:\n  {name}: {high + 1}\n"
        field = f"timings.{name}"
    else:
        exercise = "couch-stretch" if name == "seconds" else "clamshell"
        where = f"exercises:\n  {exercise}:\n    {name}: {high + 1}\n"
        field = f"exercises.{exercise}.{name}"
    line = where.count("\n") + 1
    write(path, f"version: 1\n{where}level: advanced\n")
    loaded = reload(path, catalog)
    assert loaded.warnings == [f"settings.yaml:{line}: {field}: {high + 1} is out of range ({low} to {high}) "
                               "(using the default)"]
    assert loaded.settings == Settings(level="advanced")


HAND_EDITED = """\
version: 1
level: expert
first_side: right
level_chosen: maybe
timings:
  get_ready_seconds: 1:30
  rest_between_sets_seconds: 40
  switch_sides_seconds: -4
sound:
  volume: loud
  voice: true
exercises:
  clamshell:
    progression: super-band
    reps: 15
    sets: 0
    pace: fast
  clamshel:
    reps: 10
  couch-stretch:
    reps: 12
    seconds: 150
  squat: 12
  glute-bridge:
    seconds: 30
    sets: 2
"""


def test_each_bad_hand_edit_falls_back_alone_and_the_good_ones_are_used(path, catalog):
    """Typos in settings.yaml cost only the mistyped values: each gets a message with its line, the rest works."""
    write(path, HAND_EDITED)
    loaded = reload(path, catalog)
    assert loaded.notice is None
    assert loaded.settings == Settings(
        first_side="right", rest_between_sets_seconds=40, voice=True,
        exercises={"clamshell": ExerciseSettings(reps=15), "couch-stretch": ExerciseSettings(seconds=150),
                   "glute-bridge": ExerciseSettings(sets=2)})
    problems = [re.match(r"settings\.yaml:(\d+): ([\w.-]+): (.*)\Z", w) for w in loaded.warnings]
    assert [(int(m[1]), m[2]) for m in problems] == [  # top to bottom
        (2, "level"), (4, "level_chosen"), (6, "timings.get_ready_seconds"), (8, "timings.switch_sides_seconds"),
        (10, "sound.volume"), (14, "exercises.clamshell.progression"), (16, "exercises.clamshell.sets"),
        (17, "exercises.clamshell.pace"), (18, "exercises.clamshel"), (21, "exercises.couch-stretch.reps"),
        (23, "exercises.squat"), (25, "exercises.glute-bridge.seconds")]
    by_field = {m[2]: m[3] for m in problems}
    assert by_field.pop("exercises.clamshel").startswith("unknown exercise: not used, left in the file (known: ")
    assert all(problem.endswith(" (using the default)") for problem in by_field.values())
    assert by_field["exercises.clamshell.progression"] == \
        "unknown progression 'super-band' for clamshell (known: no-band, banded) (using the default)"
    assert by_field["timings.get_ready_seconds"].startswith("YAML 1.1 reads '1:30' as 90 (base 60)")
    assert by_field["exercises.couch-stretch.reps"].startswith("couch-stretch is timed: set `seconds` instead")
    assert by_field["exercises.glute-bridge.seconds"].startswith("glute-bridge counts reps: set `reps` instead")
    assert by_field["exercises.squat"].startswith("expected a mapping, got 12")
    assert by_field["level_chosen"].startswith("expected true or false, got 'maybe'")


@pytest.mark.parametrize("text, says", [
    ("1:30", "YAML 1.1 reads '1:30' as 90 (base 60); write whole seconds as 90"),
    ("010", "YAML 1.1 reads '010' as the octal number 8; write it without the leading zero"),
    ("090", "leading zeros are not allowed; write 90"),
    ("12.5", "'12.5' is not a whole number"),
    ('"45"', "expected a whole number, got '45' (text)"),
    ("45s", "expected a whole number, got '45s' (text)"),
    ("[45]", "expected a whole number, got a list"),
])
def test_yaml_traps_in_a_duration_are_named_and_not_misread(path, catalog, text, says):
    """`1:30` is not silently read as 90 (or `010` as 8): the user is told what to write instead."""
    write(path, f"version: 1\ntimings:\n  rest_between_exercises_seconds: {text}\n  get_ready_seconds: 7\n")
    loaded = reload(path, catalog)
    assert loaded.warnings == [f"settings.yaml:3: timings.rest_between_exercises_seconds: {says} (using the default)"]
    assert loaded.settings == Settings(get_ready_seconds=7)


@pytest.mark.parametrize("text, says", [("yes", "'yes' is ambiguous in YAML; write true or false"),
                                        ('"true"', "write true or false without quotes"),
                                        ("1", "expected true or false, got 1 (a number)")])
def test_yaml_traps_in_a_switch_are_named(path, catalog, text, says):
    """`voice: yes` is not guessed at: the user is told to write true or false."""
    write(path, f"version: 1\nsound:\n  voice: {text}\n")
    assert reload(path, catalog).warnings == [f"settings.yaml:3: sound.voice: {says} (using the default)"]


def test_sound_false_written_by_hand_turns_the_sound_off(path, catalog):
    """`sound: false` typed by hand means what it says, although the app writes `sound: {enabled: false}`."""
    write(path, "version: 1\nsound: false\n")
    loaded = reload(path, catalog)
    assert loaded.settings == Settings(sound=False) and loaded.warnings == []


def test_unknown_keys_are_reported_and_stay_in_the_file_as_written(path, catalog):
    """A key this version does not know (a typo, or a newer app's) is reported once per start and never deleted."""
    write(path, "version: 1\ntheme: dark\ntimings:\n  rest_between_sets_seconds: 40\n  warmup: 1:30\n"
                "exercises:\n  clamshel:\n    reps: 10\n  clamshell:\n    rep: 12\n")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert [w.split(": ")[0:2] for w in loaded.warnings] == [
        ["settings.yaml:2", "theme"], ["settings.yaml:5", "timings.warmup"],
        ["settings.yaml:7", "exercises.clamshel"], ["settings.yaml:10", "exercises.clamshell.rep"]]
    assert "unknown key: not used, left in the file (known: " in loaded.warnings[0]
    assert store.save(loaded.settings.with_exercise("squat", reps=20)).ok
    text = path.read_text()
    assert "  warmup: 1:30\n" in text  # as typed, not quoted into '1:30'
    assert yaml.safe_load(text.replace("1:30", "90")) == {
        "version": 1, "theme": "dark", "timings": {"rest_between_sets_seconds": 40, "warmup": 90},
        "exercises": {"clamshel": {"reps": 10}, "clamshell": {"rep": 12}, "squat": {"reps": 20}}}
    assert sorted(w.split(": ")[1] for w in reload(path, catalog).warnings) == [
        "exercises.clamshel", "exercises.clamshell.rep", "theme", "timings.warmup"]


def test_an_invalid_value_stays_in_the_file_until_the_user_sets_that_field(path, catalog):
    """Saving an unrelated change does not delete a mistyped value; setting the value in the app replaces it."""
    write(path, "version: 1\nexercises:\n  clamshell:\n    reps: 1:30\n")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert len(loaded.warnings) == 1
    store.save(loaded.settings.with_exercise("squat", reps=20))
    assert "    reps: 1:30\n" in path.read_text()
    store.save(loaded.settings.with_exercise("clamshell", reps=14))
    store.save(Settings())  # and back to the default: the old typo does not come back
    assert yaml.safe_load(path.read_text()) == {"version": 1}


# --- corrupt, newer, older and unwritable files ----------------------------------------------------------

@pytest.mark.parametrize("content, says", [
    ("version: 1\nlevel: [advanced\n", "settings.yaml:3: not valid YAML"),
    ("- version: 1\n- level: advanced\n", "the top level is not a mapping"),
    ("just some words\n", "the top level is not a mapping"),
    ("level: advanced\n", "settings.yaml:1: version: missing"),
    ("version: one\nlevel: advanced\n", "settings.yaml:1: version: expected a whole number"),
    ("version: 1\nlevel: advanced\nlevel: beginner\n", "duplicate key (first given on line 2)"),
    (b"version: 1\nlevel: \xff\xfe\n", "settings.yaml:2: not UTF-8 text"),
    ("", "the file is empty"),
])
def test_a_corrupt_file_is_kept_aside_and_the_defaults_load(path, catalog, content, says):
    """A settings file that is not settings at all is not lost: it is renamed aside and the user told where."""
    write(path, content)
    original = path.read_bytes()
    store = SettingsStore(path, now=lambda: datetime(2025, 3, 4, 5, 6, 7))
    loaded = store.load(catalog)
    aside = path.with_name("settings.yaml.corrupt-20250304-050607")
    assert loaded.settings == Settings() and loaded.warnings == []
    assert aside.read_bytes() == original and not path.exists()
    assert says in loaded.notice and str(aside) in loaded.notice and "\n" not in loaded.notice
    assert store.save(Settings(level="advanced")).ok  # and the app goes on saving normally
    assert aside.read_bytes() == original


def test_a_second_corrupt_file_in_the_same_second_does_not_overwrite_the_first(path, catalog):
    """An earlier kept-aside file is never overwritten: the new one gets a counter."""
    earlier = path.with_name("settings.yaml.corrupt-20250304-050607")
    write(earlier, "the first broken file")
    write(path, "- the second one\n")
    loaded = SettingsStore(path, now=lambda: datetime(2025, 3, 4, 5, 6, 7)).load(catalog)
    second = path.with_name("settings.yaml.corrupt-20250304-050607-2")
    assert earlier.read_text() == "the first broken file" and second.read_text() == "- the second one\n"
    assert str(second) in loaded.notice


NEWER = "version: 7\nlevel: advanced\ncolour_theme: dark\ntimings:\n  rest_between_sets_seconds: 50\n  cooldown: 60\n"


def test_a_newer_apps_file_is_read_but_never_written(path, catalog):
    """After trying an older HipFit, the newer one still finds its settings exactly as it left them."""
    write(path, NEWER)
    os.utime(path, (1_000_000_000, 1_000_000_000))
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings == Settings(level="advanced", rest_between_sets_seconds=50)
    assert loaded.warnings == []  # its new keys are expected, not typos
    assert "newer HipFit (settings version 7" in loaded.notice and str(path) in loaded.notice
    result = store.save(loaded.settings.with_exercise("clamshell", reps=12))
    assert not result.ok and "newer version" in result.message and str(path) in result.message
    assert path.read_text() == NEWER and path.stat().st_mtime == 1_000_000_000
    assert store.read_only and sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]


def test_a_newer_app_saving_meanwhile_is_not_overwritten(path, catalog):
    """If a newer HipFit wrote the file while this one was open, this one does not write over it."""
    store = SettingsStore(path)
    store.load(catalog)
    write(path, NEWER)
    assert not store.save(Settings(level="beginner")).ok
    assert path.read_text() == NEWER


def test_the_version_0_file_is_upgraded_and_the_old_one_kept(path, catalog):
    """Settings from an older HipFit carry over, and the old file is kept as a backup."""
    write(path, (FIXTURES / "settings-v0.yaml").read_bytes())
    loaded = reload(path, catalog)
    backup = path.with_name("settings.yaml.v0-backup")
    assert backup.read_bytes() == (FIXTURES / "settings-v0.yaml").read_bytes()
    assert loaded.notice == f"Your settings were upgraded from version 0 to 1; the old file is kept as {backup}."
    assert loaded.settings == Settings(
        level="intermediate", level_chosen=True, first_side="right", get_ready_seconds=15,
        rest_between_sets_seconds=40, switch_sides_seconds=5, rest_between_exercises_seconds=60, sound=False,
        exercises={"clamshell": ExerciseSettings(progression="banded", reps=12), "squat": ExerciseSettings(reps=15),
                   "side-leg-lift": ExerciseSettings(progression="lying-ankle-weights")})
    # the warnings point at the lines the user wrote, in the backup
    assert [w.split(": ")[:2] for w in loaded.warnings] == [
        ["settings.yaml.v0-backup:13", "exercises.glute-bridge.reps"], ["settings.yaml.v0-backup:17", "theme"]]
    data = yaml.safe_load(path.read_text())
    assert data["version"] == 1 and data["theme"] == "dark" and data["timings"]["switch_sides_seconds"] == 5
    again = reload(path, catalog)
    assert again.settings == loaded.settings and again.notice is None
    assert [w.split(": ")[:2] for w in again.warnings] == [["settings.yaml:19", "exercises.glute-bridge.reps"],
                                                           ["settings.yaml:24", "theme"]]


def test_an_existing_backup_is_not_overwritten_by_a_second_upgrade(path, catalog):
    """A backup from an earlier upgrade survives; the new one gets a counter."""
    write(path.with_name("settings.yaml.v0-backup"), "older backup")
    write(path, "version: 0\nlevel: advanced\n")
    loaded = reload(path, catalog)
    assert path.with_name("settings.yaml.v0-backup").read_text() == "older backup"
    assert path.with_name("settings.yaml.v0-backup-2").read_text() == "version: 0\nlevel: advanced\n"
    assert loaded.settings.level == "advanced"


def test_migrations_are_ordered_steps_up_to_the_current_version():
    """Every old version has exactly one named step to the next one."""
    assert CURRENT_VERSION == 1
    assert sorted(MIGRATIONS) == list(range(CURRENT_VERSION))
    assert all(step.__doc__ for step in MIGRATIONS.values())


def test_a_failing_migration_leaves_the_old_file_alone(path, catalog, monkeypatch):
    """A bug in an upgrade step costs neither the app nor the file: defaults for now, file untouched."""
    def broken(root):
        raise KeyError("oops")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, broken)
    write(path, "version: 0\nlevel: advanced\n")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings == Settings() and "could not be upgraded" in loaded.notice
    assert not store.save(Settings(level="beginner")).ok
    assert path.read_text() == "version: 0\nlevel: advanced\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]


def _folder_refuses_writes(folder: Path) -> bool:
    """chmod the folder read-only; False where that does not stop writes (root), so the test must simulate."""
    folder.chmod(0o500)
    probe = folder / ".probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return True
    probe.unlink()
    return False


def test_a_read_only_folder_keeps_the_file_and_says_why_not_saved(path, catalog, monkeypatch):
    """With a read-only settings folder the app runs, and saving says which file and why instead of crashing."""
    store = SettingsStore(path)
    assert store.save(Settings(level="advanced")).ok
    before = path.read_bytes()
    loaded = store.load(catalog)
    try:
        if not _folder_refuses_writes(path.parent):
            def refuse(*args, **kwargs):
                raise PermissionError(errno.EACCES, "Permission denied", str(path.parent))
            monkeypatch.setattr(tempfile, "mkstemp", refuse)
        result = store.save(loaded.settings.with_exercise("clamshell", reps=12))
    finally:
        path.parent.chmod(0o700)
    assert not result.ok
    assert str(path) in result.message and "Permission denied" in result.message and "until you close" in result.message
    assert path.read_bytes() == before and [p.name for p in path.parent.iterdir()] == ["settings.yaml"]


def test_a_failed_replace_leaves_the_old_file_and_no_temp_file(path, monkeypatch):
    """A save that fails half way (disk full at the rename) leaves the old settings and no litter."""
    store = SettingsStore(path)
    store.save(Settings(level="advanced"))
    before = path.read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = store.save(Settings(level="intermediate"))
    assert not result.ok and "No space left on device" in result.message
    assert path.read_bytes() == before and [p.name for p in path.parent.iterdir()] == ["settings.yaml"]


def test_a_corrupt_file_that_cannot_be_moved_aside_is_not_overwritten(path, catalog, monkeypatch):
    """In a read-only folder a broken file stays as it is, and the app does not write over it later."""
    write(path, "- broken\n")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings == Settings() and "could not be moved aside (Permission denied)" in loaded.notice
    assert not store.save(Settings(level="advanced")).ok and path.read_text() == "- broken\n"


def test_an_unreadable_file_is_not_overwritten(path, catalog):
    """If settings.yaml cannot be read at all, the app uses the defaults and leaves it alone."""
    path.mkdir(parents=True)  # a folder where the file should be: reading fails on every system, even as root
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings == Settings() and "could not be read" in loaded.notice
    result = store.save(Settings(level="advanced"))
    assert not result.ok and str(path) in result.message and path.is_dir()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_file_is_private_and_its_folder_is_created(path):
    """Only the user can read their settings (mode 0600), and a missing config folder is made."""
    assert not path.parent.exists()
    assert SettingsStore(path).save(Settings(level="advanced")).ok
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)
    SettingsStore(path).save(Settings(level="beginner"))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_temp_files_left_by_a_killed_save_are_cleaned_up_later(path, catalog):
    """A save killed half way leaves a temp file; the next start removes it once it is clearly stale."""
    SettingsStore(path).save(Settings(level="advanced"))
    stale, fresh = path.with_name(".settings.yaml.abc.tmp"), path.with_name(".settings.yaml.def.tmp")
    stale.write_text("half")
    fresh.write_text("half")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    assert reload(path, catalog).settings.level == "advanced"
    assert not stale.exists() and fresh.exists()  # a fresh one may be another window saving right now
