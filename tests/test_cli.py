"""The `hipfit` command line, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def hipfit(*args, **kw):
    return subprocess.run([sys.executable, "-m", "hipfit_desktop", *args], capture_output=True, text=True, **kw)


def test_list_shows_routines_with_duration_and_equipment_and_all_exercises():
    result = hipfit("list")
    assert result.returncode == 0
    out = result.stdout
    # beginners need no band (the article: start without resistance); the box and wall are no resistance
    assert "full-hip-session" in out and "about  71 min  box, wall" in out
    assert "quick-no-equipment" in out and "no equipment" in out
    assert out.count("\n  ") >= 4 + 12
    assert "Hip abduction on a step" in out and "3 x 8 reps each side" in out


def test_plan_json_is_one_object_with_the_promised_fields():
    result = hipfit("plan", "couch-stretch-mobility", "--level", "advanced", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["routine"] == "couch-stretch-mobility" and data["level"] == "advanced"
    assert data["total_seconds"] == sum(s["seconds"] or 0 for s in data["segments"])
    stretch = [s for s in data["segments"] if s["exercise"] == "couch-stretch" and s["kind"] == "timed"]
    assert [(s["side"], s["seconds"]) for s in stretch] == [("left", 180), ("right", 180)]
    assert {s["kind"] for s in data["segments"]} >= {"get_ready", "up", "hold", "down", "rest", "switch_sides",
                                                     "timed", "done"}
    assert all(s["rep"] is None for s in data["segments"] if s["kind"] in ("rest", "timed"))


def test_plan_table_is_one_line_per_set_or_rest():
    result = hipfit("plan", "couch-stretch-mobility")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) < 20
    assert any("STRETCH" in line and "3:00" in line for line in lines)


@pytest.mark.parametrize("args, says", [
    (("plan", "no-such-routine"), "unknown routine 'no-such-routine' (known: full-hip-session"),
    (("plan", "band-day", "--level", "expert"), "invalid choice: 'expert'"),
    (("frobnicate",), "invalid choice"),
    (("plan",), "required"),
])
def test_bad_arguments_give_one_line_and_exit_code_two(args, says):
    result = hipfit(*args)
    assert result.returncode == 2
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_a_bad_user_routine_file_is_reported_and_the_rest_still_works(hipfit_home):
    routines = hipfit_home / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "mine.yaml").write_text("schema: 1\nroutines:\n  - id: mine\n    name: Mine\n    exercises: [squat]\n")
    (routines / "broken.yaml").write_text("schema: 1\nroutines:\n  - id: bad\n    name: Bad\n    exercises: [sqat]\n")
    result = hipfit("list")
    assert result.returncode == 0
    assert "mine" in result.stdout and " bad " not in result.stdout
    assert "broken.yaml:5: routines[0].exercises[0]: unknown exercise 'sqat'" in result.stderr


def test_escape_codes_from_the_users_files_are_shown_escaped(hipfit_home):
    """A routine file named with an escape code is reported with `\\x1b` spelt out, never sent raw to the terminal."""
    routines = hipfit_home / "config" / "routines"
    routines.mkdir(parents=True)
    (routines / "\x1b[2Jgone.yaml").write_text("schema: 2\n", encoding="utf-8")
    result = hipfit("list")
    assert result.returncode == 0
    assert "\x1b" not in result.stderr and "\\x1b[2Jgone.yaml:1: schema: this app reads schema 1" in result.stderr


def test_terminal_text_keeps_lines_tabs_and_letters_and_escapes_the_rest():
    from hipfit_desktop.cli import terminal_text

    assert terminal_text("Día\tuno\nzwei") == "Día\tuno\nzwei"
    assert terminal_text("a\x1b[31mb\x07\u2028\x85") == "a\\x1b[31mb\\x07\\u2028\\x85"
