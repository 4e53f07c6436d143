"""`hipfit exercise`: the exercise card on the command line, for all twelve exercises and every version."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hipfit_desktop.cli import main
from hipfit_desktop.exercises.catalog import load_catalog

TWELVE = ["side-leg-lift", "glute-bridge", "donkey-kick", "squat", "banded-side-step", "hip-abduction-step",
          "heel-drop", "couch-stretch", "banded-knee-drive", "quadruped-hip-extension", "clamshell",
          "hip-hinge-rotation"]


def hipfit(*args):
    return subprocess.run([sys.executable, "-m", "hipfit_desktop", *args], capture_output=True, text=True)


def every_version():
    catalog = load_catalog()
    return [(e.id, p.id, p.name) for e in catalog.exercises.values() for p in e.progressions]


@pytest.mark.parametrize("exercise_id, version_id, version_name", every_version())
def test_every_version_of_every_exercise_prints_its_card(capsys, exercise_id, version_id, version_name):
    """In-process (fast): exit 0, the version's name, numbered steps and where the numbers come from."""
    assert main(["exercise", exercise_id, "--version", version_id]) == 0
    out = capsys.readouterr().out
    assert f"({exercise_id})" in out and f"Version: {version_name} (" in out
    assert "\n  1. " in out and "Steps:" in out
    assert "the article" in out and "app default" in out


def test_all_twelve_are_covered():
    assert sorted({e for e, _v, _n in every_version()}) == sorted(TWELVE)


def test_the_card_follows_the_level_as_a_process():
    result = hipfit("exercise", "banded-knee-drive", "--level", "intermediate")
    assert result.returncode == 0, result.stderr
    assert "Version: With a band and a pause (intermediate; from the article)" in result.stdout
    assert "pause 2–3 s at the top: the article" in result.stdout
    assert "Needs: band" in result.stdout
    beginner = hipfit("exercise", "banded-knee-drive", "--level", "beginner")
    assert "Needs: no equipment" in beginner.stdout and "the app's step" in beginner.stdout


def test_list_shows_every_id_name_and_version():
    result = hipfit("exercise", "--list")
    assert result.returncode == 0
    for exercise_id, version_id, version_name in every_version():
        assert exercise_id in result.stdout
        assert f"--version {version_id}" in result.stdout and version_name in result.stdout


@pytest.mark.parametrize("args, says", [
    (("exercise", "squatt"), "unknown exercise 'squatt' (known: side-leg-lift, glute-bridge"),
    (("exercise", "squat", "--version", "pistol"), "squat has no version 'pistol' (known: squat, one-legged-squat)"),
    (("exercise",), "give an exercise id, or --list (known: side-leg-lift"),
    (("exercise", "squat", "--level", "expert"), "invalid choice: 'expert'"),
])
def test_unknown_ids_and_versions_give_one_line_naming_the_known_ones_and_exit_two(args, says):
    result = hipfit(*args)
    assert result.returncode == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
