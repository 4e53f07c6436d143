"""`hipfit history`, `export` and `import`: the round trip, and every bad file refused with one line."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from hipfit_desktop.cli import main
from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.exchange import CSV_HEADER, export_backup
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.system.paths import user_paths
from hipfit_desktop.workout.engine import Session

ROUTINE = """schema: 1
routines:
  - id: my-day
    name: My day
    exercises:
      - exercise: clamshell
"""


def record_sessions(plan, clock, count=2, finish=True):
    """`count` sessions of `plan` into the log of $HIPFIT_HOME, on the fake clock; the wall clock is real."""
    log = HistoryLog()
    for n in range(count):
        session = Session(plan, clock)
        session.subscribe(SessionRecorder(log, session))
        session.start()
        while session.state != "finished":
            if not finish and n == count - 1 and session.segment.set == 2:
                break
            if session.segment.seconds is None:
                clock.advance(1)
                session.rep_done()
            else:
                clock.advance(session.remaining())
                session.tick()
    log.close()


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def recorded_home(hipfit_home, small_plan, clock):
    record_sessions(small_plan, clock, count=2, finish=False)
    paths = user_paths()
    paths.routines.mkdir(parents=True)
    (paths.routines / "my-day.yaml").write_text(ROUTINE)
    paths.settings_file.write_text("version: 1\nlevel: advanced\nlevel_chosen: true\n")
    return hipfit_home


def test_history_shows_the_week_and_each_session_with_its_sets(recorded_home, capsys):
    code, out, err = run(capsys, "history")
    assert code == 0 and err == ""
    assert "This week" in out and "of 3 workouts" in out
    assert "Band day (beginner): finished, 14 sets, 42 reps" in out
    assert "Clamshell (no-band): 2 × 3 left, 2 × 3 right" in out
    assert "not finished (resume offered in the window)" in out


def test_history_json_is_one_object_with_the_week_and_sessions(recorded_home, capsys):
    code, out, _ = run(capsys, "history", "--weeks", "2", "--json")
    data = json.loads(out)
    assert code == 0 and data["week"]["target"] == 3 and len(data["sessions"]) == 2
    first_set = data["sessions"][0]["sets"][0]
    assert {"exercise", "version", "side", "set_number", "reps_done", "outcome", "at"} <= set(first_set)


def test_history_refuses_a_silly_number_of_weeks(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["history", "--weeks", "0"])
    assert stopped.value.code == 2 and "out of range" in capsys.readouterr().err


def test_export_csv_has_the_documented_header_and_one_row_per_set(recorded_home, capsys, tmp_path):
    code, _, err = run(capsys, "export", "--format", "csv", "--out", str(tmp_path / "sets.csv"))
    lines = (tmp_path / "sets.csv").read_text().splitlines()
    assert code == 0 and "wrote" in err
    assert lines[0] == ",".join(CSV_HEADER)
    log = HistoryLog()
    assert len(lines) - 1 == log.read("SELECT count(*) FROM sets")[0][0]
    log.close()


def test_export_then_import_into_an_empty_home_gives_the_same_history(recorded_home, capsys, tmp_path, monkeypatch):
    """The round trip: history, settings and routines arrive identical; importing again adds nothing."""
    backup = tmp_path / "backup.json"
    assert run(capsys, "export", "--format", "json", "--out", str(backup))[0] == 0
    log = HistoryLog()
    before = export_backup(log, user_paths())
    log.close()
    monkeypatch.setenv("HIPFIT_HOME", str(tmp_path / "new-home"))
    code, out, _ = run(capsys, "import", str(backup))
    assert code == 0 and "Added 2 sessions" in out and "Settings: restored" in out and "my-day.yaml" in out
    log = HistoryLog()
    after = export_backup(log, user_paths())
    assert {k: v for k, v in after.items() if k != "exported_at"} == \
        {k: v for k, v in before.items() if k != "exported_at"}
    code, out, _ = run(capsys, "import", str(backup))
    assert code == 0 and "Added 0 sessions" in out and "2 already in your log" in out and "kept yours" in out
    assert log.read("SELECT count(*) FROM sessions") == [(2,)]
    assert log.read("SELECT sum(sets) FROM weekly") == log.read("SELECT count(*) FROM sets WHERE outcome = 'done'")
    log.close()


def test_a_dry_run_says_what_it_would_do_and_changes_nothing(recorded_home, capsys, tmp_path, monkeypatch):
    backup = tmp_path / "backup.json"
    run(capsys, "export", "--format", "json", "--out", str(backup))
    monkeypatch.setenv("HIPFIT_HOME", str(tmp_path / "new-home"))
    code, out, _ = run(capsys, "import", str(backup), "--dry-run")
    assert code == 0 and "Would add 2 sessions" in out
    assert not (tmp_path / "new-home" / "config").exists()
    log = HistoryLog()
    assert log.read("SELECT count(*) FROM sessions") == [(0,)]
    log.close()


def _valid(tmp_path, capsys):
    backup = tmp_path / "good.json"
    run(capsys, "export", "--format", "json", "--out", str(backup))
    return json.loads(backup.read_text())


def _with(data, path, value):
    data = json.loads(json.dumps(data))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


BAD = {
    "newer": (("version",), 3, "newer HipFit"),
    "not a backup": (("format",), "zip", "not a HipFit backup"),
    "sessions not a list": (("sessions",), {"a": 1}, "sessions: expected a list"),
    "reps as text": (("sessions", 0, "sets", 0, "reps_done"), "15", "reps_done: expected a whole number"),
    "huge number": (("sessions", 0, "sets", 0, "reps_done"), 10**30, "from 0 to 10000"),
    "a bool for a number": (("sessions", 0, "sets", 0, "set_number"), True, "set_number"),
    "time in the far future": (("sessions", 0, "started_at"), 1e300, "started_at"),
    "bad outcome": (("sessions", 0, "sets", 0, "outcome"), "won", "outcome"),
    "hostile routine name": (("routines",), {"../../.bashrc": "x"}, "not a routine file name"),
    "long text": (("sessions", 0, "routine"), "x" * 5000, "routine: expected text"),
    "duplicate uid": (("sessions", 1, "uid"), None, "not a unique id"),
}


@pytest.mark.parametrize("case", BAD)
def test_a_bad_or_hostile_backup_gets_one_line_and_changes_nothing(recorded_home, capsys, tmp_path, case):
    data = _valid(tmp_path, capsys)
    path, value, message = BAD[case]
    if case == "duplicate uid":
        value = data["sessions"][0]["uid"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(_with(data, path, value)))
    log_file = HistoryLog().path
    before = log_file.read_bytes()
    code, out, err = run(capsys, "import", str(bad))
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert message in err and "nothing was imported" in err
    assert log_file.read_bytes() == before


@pytest.mark.parametrize("content", ["truncated", "junk", "deep", "digits", "binary"])
def test_truncated_junk_and_parser_traps_are_refused(capsys, tmp_path, content, recorded_home):
    good = json.dumps(_valid(tmp_path, capsys))
    data = {"truncated": good[: len(good) // 2].encode(), "junk": b"PK\x03\x04" + b"\x00" * 100,
            "deep": b"[" * 100_000 + b"]" * 100_000, "digits": b'{"format": "hipfit-backup", "version": 1' +
            b"0" * 5000 + b"}", "binary": bytes(range(256)) * 10}[content]
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    code, _, err = run(capsys, "import", str(bad))
    assert code == 2 and err.count("\n") == 1 and "hipfit:" in err, err


def test_a_hundred_megabytes_of_junk_is_refused_by_its_size_without_reading_it(tmp_path):
    """Run as a user would (a separate process); the file is sparse, so the test writes almost nothing."""
    junk = tmp_path / "junk.json"
    with junk.open("wb") as stream:
        stream.truncate(100 * 2**20)
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "hipfit_desktop", "import", str(junk)], capture_output=True,
                            text=True)
    assert result.returncode == 2 and "100 MB" in result.stderr and result.stderr.count("\n") == 1
    assert time.monotonic() - started < 10


def test_accented_settings_and_routines_survive_a_backup_under_a_plain_c_locale(tmp_path):
    """`LC_ALL=C hipfit export --format json`: the files are read as UTF-8 whatever the locale says."""
    import os

    paths = user_paths()
    paths.routines.mkdir(parents=True)
    paths.settings_file.write_bytes("version: 1\n# séance du matin\n".encode())
    (paths.routines / "jour.yaml").write_bytes("# Übungen\n".encode())
    env = {**os.environ, "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    out = tmp_path / "backup.json"
    result = subprocess.run([sys.executable, "-m", "hipfit_desktop", "export", "--format", "json", "--out", str(out)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    backup = json.loads(out.read_text(encoding="utf-8"))
    assert backup["settings"] == "version: 1\n# séance du matin\n"
    assert backup["routines"] == {"jour.yaml": "# Übungen\n"}
    log = HistoryLog()
    here = export_backup(log, paths)  # the same files read in this process (its locale is UTF-8)
    log.close()
    assert (here["settings"], here["routines"]) == (backup["settings"], backup["routines"])
