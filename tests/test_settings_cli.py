"""`hipfit settings`, and `hipfit plan`/`hipfit list` using the saved settings, run as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.settings.store import SettingsStore
from hipfit_desktop.system.paths import user_paths


def hipfit(*args):
    return subprocess.run([sys.executable, "-m", "hipfit_desktop", *args], capture_output=True, text=True)


def save(settings: Settings) -> None:
    assert SettingsStore(user_paths().settings_file).save(settings).ok


def test_settings_command_names_the_file_and_marks_the_defaults():
    """`hipfit settings` says where the file is and which values are the user's and which the defaults."""
    fresh = hipfit("settings")
    path = user_paths().settings_file
    assert fresh.returncode == 0 and fresh.stderr == ""
    assert f"Settings file: {path} (not saved yet)" in fresh.stdout
    assert "Level: beginner (default), not chosen yet" in fresh.stdout
    assert "At your own pace: one press a set (default)" in fresh.stdout
    save(Settings(level="intermediate", level_chosen=True, rest_between_sets_seconds=40, voice=False,
                  count_each_rep=True)
         .with_exercise("clamshell", progression="no-band", reps=12).with_exercise("couch-stretch", seconds=120))
    lines = hipfit("settings").stdout.splitlines()
    assert lines[0] == f"Settings file: {path}" and lines[1] == "Level: intermediate"
    start, heading = next((i, line) for i, line in enumerate(lines) if line.startswith("Exercises"))
    assert heading.startswith("Exercises (progression for the intermediate level")
    timings = {line[:26].strip(): line[26:].strip() for line in lines[lines.index("Timings:") + 1:start]
               if line.startswith("  ")}
    assert timings["rest between sets"] == "40 s" and timings["get ready"] == "10 s (default)"
    assert "Sound: on (default), volume 80% (default), voice off, tones on (default)" in lines
    assert "At your own pace: a press for each rep" in lines
    exercises = {line.split()[0]: line for line in lines[start + 1:]}
    assert len(exercises) == 12
    assert exercises["clamshell"].split()[1:] == ["no-band", "reps", "12"]  # the user's, though not the level's
    assert exercises["glute-bridge"].split()[1:] == ["banded-bridge", "(default)"]  # the intermediate rung
    assert exercises["couch-stretch"].split()[1:] == ["position-2", "(default)", "time", "2:00"]


def test_plan_and_list_use_the_saved_settings_and_level_still_overrides():
    """Saved reps and level reach `hipfit plan --json` and `hipfit list`; `--level` wins for one run."""
    save(Settings(level="intermediate").with_exercise("clamshell", reps=12))
    plan = json.loads(hipfit("plan", "band-day", "--json").stdout)
    assert [e["reps"] for e in plan["exercises"] if e["id"] == "clamshell"] == [12]
    reps = [s["rep"] for s in plan["segments"] if s["exercise"] == "clamshell" and s["kind"] == "up"]
    assert max(reps) == 12 and len(reps) == 3 * 2 * 12  # 3 sets, each side
    assert plan["level"] == "intermediate"
    assert json.loads(hipfit("plan", "band-day", "--json", "--level", "advanced").stdout)["level"] == "advanced"
    assert "Routines (times for the intermediate level)" in hipfit("list").stdout


def test_settings_problems_go_to_stderr_one_line_each_and_the_command_still_works():
    """A mistyped settings file is reported on stderr, line by line, while the plan still prints as JSON."""
    path = user_paths().settings_file
    path.parent.mkdir(parents=True)
    path.write_text("version: 1\nlevel: expert\nexercises:\n  clamshell:\n    reps: 1:30\n")
    result = hipfit("plan", "band-day", "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["level"] == "beginner"
    assert result.stderr.splitlines() == [
        "hipfit: settings.yaml:2: level: expected one of beginner, intermediate, advanced, got 'expert' (text) "
        "(using the default)",
        "hipfit: settings.yaml:5: exercises.clamshell.reps: YAML 1.1 reads '1:30' as 90 (base 60); "
        "write whole seconds as 90 (using the default)"]


def test_a_corrupt_settings_file_is_one_notice_on_stderr():
    """`hipfit` with a broken settings file says once, on one line, where the old file went."""
    path = user_paths().settings_file
    path.parent.mkdir(parents=True)
    path.write_text("[not, settings]\n")
    result = hipfit("settings")
    assert result.returncode == 0 and len(result.stderr.splitlines()) == 1
    assert "could not be used" in result.stderr and f"{path}.corrupt-" in result.stderr
    assert hipfit("settings").stderr == ""  # told once: the file is now the defaults
