"""Export and import of the training log: the CSV's exact header and rows, the backup's fields, merging without
duplicates, and each refusal's exact one-line message with nothing changed."""

from __future__ import annotations

import copy
import json
import os
import threading
from datetime import datetime, timedelta, timezone

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.exchange import (
    BackupError,
    ImportResult,
    check_backup,
    export_backup,
    export_csv,
    import_backup,
    read_backup,
)
from hipfit_desktop.system.paths import user_paths

START = datetime(2026, 11, 24, 9, 0).timestamp()  # the tests run in UTC (conftest does not set TZ)
ISO = datetime(2026, 11, 24, 9, 0).astimezone().isoformat(timespec="seconds")


def iso(seconds):
    return datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


def a_set(**changes):
    one = {"position": 0, "exercise": "clamshell", "version": "no-band", "side": "left", "set_number": 1,
           "sets_planned": 3, "reps_planned": 15, "reps_done": 15, "hold_seconds": 2, "seconds_planned": None,
           "seconds_done": None, "outcome": "done", "at": START + 60}
    return {**one, **changes}


def a_session(uid="one", started=START, sets=None, **changes):
    session = {"uid": uid, "routine": "band-day", "routine_name": "Band day", "level": "beginner",
               "started_at": started, "ended_at": started + 900, "outcome": "finished", "active_seconds": 840.0,
               "sets": [a_set(at=started + 60)] if sets is None else sets}
    return {**session, **changes}


def a_backup(*sessions, settings=None, routines=None):
    return {"format": "hipfit-backup", "version": 1, "exported_at": ISO,
            "sessions": list(sessions) or [a_session()], "settings": settings, "routines": routines or {}}


@pytest.fixture
def log():
    opened = HistoryLog()
    yield opened
    opened.close()


# --- export --------------------------------------------------------------------------------------------------

def test_the_csv_has_the_documented_header_and_one_row_per_set_and_side(log):
    """Oldest session first; times in ISO 8601 with the offset; empty cells for nothing, '' side for both."""
    later = START + 86400
    import_backup(log, user_paths(), a_backup(
        a_session("late", later, [a_set(side="", at=later + 30, reps_done=None, hold_seconds=None,
                                        reps_planned=None, seconds_planned=150, seconds_done=148.5,
                                        exercise="couch-stretch", version="couch", outcome="ended early")]),
        a_session("early", START, [a_set(side="right", at=START + 120, reps_done=12, set_number=2),
                                   a_set(at=START + 60)], level="advanced")))
    assert export_csv(log).splitlines() == [
        "session,session_started,routine,level,exercise,version,side,set,sets_planned,reps_planned,reps_done,"
        "hold_seconds,seconds_planned,seconds_done,outcome,at",
        f"early,{ISO},band-day,advanced,clamshell,no-band,left,1,3,15,15,2,,,done,{iso(START + 60)}",
        f"early,{ISO},band-day,advanced,clamshell,no-band,right,2,3,15,12,2,,,done,{iso(START + 120)}",
        f"late,{iso(later)},band-day,beginner,couch-stretch,couch,,1,3,,,,150,148.5,ended early,{iso(later + 30)}"]
    assert ISO.endswith("+00:00")


def test_an_empty_log_exports_the_header_alone(log):
    assert export_csv(log) == ("session,session_started,routine,level,exercise,version,side,set,sets_planned,"
                               "reps_planned,reps_done,hold_seconds,seconds_planned,seconds_done,outcome,at\n")


def test_the_backup_has_the_history_settings_and_routine_files(log):
    """Every field of every session and set, the settings text and each .yaml routine file, by name."""
    paths = user_paths()
    import_backup(log, paths, a_backup(a_session("b", START + 10), a_session("a", START, [])))
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_text("version: 1\n")
    paths.routines.mkdir(parents=True, exist_ok=True)
    (paths.routines / "z-day.yaml").write_text("z")
    (paths.routines / "a-day.yaml").write_text("a")
    (paths.routines / "notes.txt").write_text("not a routine")
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    backup = export_backup(log, paths, now)
    assert backup == {"format": "hipfit-backup", "version": 2, "exported_at": "2026-11-25T11:00:00+00:00",
                      "sessions": [a_session("a", START, [], ratings=[]), a_session("b", START + 10, ratings=[])],
                      "put_off": {}, "settings": "version: 1\n", "routines": {"a-day.yaml": "a", "z-day.yaml": "z"}}
    assert list(backup["routines"]) == ["a-day.yaml", "z-day.yaml"]


def test_a_backup_of_a_new_user_has_no_settings_and_no_routines(log):
    backup = export_backup(log, user_paths())
    assert (backup["sessions"], backup["settings"], backup["routines"]) == ([], None, {})
    assert datetime.fromisoformat(backup["exported_at"]).utcoffset() is not None


# --- import --------------------------------------------------------------------------------------------------

def test_import_merges_by_id_and_never_duplicates(log, tmp_path):
    """The second import of the same backup adds nothing; a backup with one new session adds just that one."""
    paths = user_paths()
    first = a_backup(a_session("one"), a_session("two", START + 3600, [a_set(), a_set(side="right")]))
    assert import_backup(log, paths, first) == ImportResult(2, 0, 3)
    assert import_backup(log, paths, first) == ImportResult(0, 2, 0)
    more = a_backup(a_session("two"), a_session("three", START + 7200))
    assert import_backup(log, paths, more) == ImportResult(1, 1, 1)
    assert log.read("SELECT uid FROM sessions ORDER BY uid") == [("one",), ("three",), ("two",)]
    assert log.read("SELECT count(*) FROM sets") == [(4,)]
    assert export_backup(log, paths)["sessions"][0] == a_session("one", ratings=[])


def test_import_restores_settings_and_routines_only_where_there_are_none(log):
    """Yours are kept; missing ones are written; the result says which."""
    paths = user_paths()
    paths.routines.mkdir(parents=True)
    (paths.routines / "mine.yaml").write_text("my own")
    backup = a_backup(settings="level: advanced\n", routines={"mine.yaml": "theirs", "new-day.yaml": "new"})
    result = import_backup(log, paths, backup)
    assert (result.settings, result.routines_added, result.routines_kept) == \
        ("restored", ["new-day.yaml"], ["mine.yaml"])
    assert paths.settings_file.read_text() == "level: advanced\n"
    assert (paths.routines / "mine.yaml").read_text() == "my own"
    assert (paths.routines / "new-day.yaml").read_text() == "new"
    again = import_backup(log, paths, {**backup, "settings": "level: beginner\n"})
    assert (again.settings, again.routines_added, again.routines_kept) == \
        ("kept yours", [], ["mine.yaml", "new-day.yaml"])
    assert paths.settings_file.read_text() == "level: advanced\n"
    assert import_backup(log, paths, a_backup()).settings == "none in the backup"


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(log):
    paths = user_paths()
    backup = a_backup(a_session("one"), a_session("two"), settings="x: 1\n", routines={"day.yaml": "d"})
    result = import_backup(log, paths, backup, dry_run=True)
    assert result == ImportResult(2, 0, 2, "restored", ["day.yaml"], [])
    assert log.read("SELECT count(*) FROM sessions") == [(0,)]
    assert not paths.settings_file.exists() and not (paths.routines / "day.yaml").exists()


def test_a_log_that_cannot_be_written_refuses_the_import(log):
    """Logging turned off (the disk refused earlier): one line, and no settings or routines written either."""
    paths = user_paths()
    log.problem = "the disk is full"
    with pytest.raises(BackupError) as refused:
        import_backup(log, paths, a_backup(settings="x: 1\n"))
    assert str(refused.value) == "the disk is full"
    assert not paths.settings_file.exists()
    log.problem = None
    log.close()
    with pytest.raises(BackupError) as refused:
        import_backup(log, paths, a_backup())
    assert str(refused.value) == f"the training log {log.path} is busy; nothing was imported"


def test_a_routine_file_that_cannot_be_written_is_said_after_the_history_went_in(log):
    paths = user_paths()
    paths.routines.parent.mkdir(parents=True, exist_ok=True)
    paths.routines.write_text("a file where the folder should be")
    with pytest.raises(BackupError) as refused:
        import_backup(log, paths, a_backup(routines={"day.yaml": "d"}))
    assert str(refused.value) == ("the history was imported, but a settings or routine file could not be written "
                                  "(it is a file, not a folder)")
    assert log.read("SELECT count(*) FROM sessions") == [(1,)]


# --- refusals ------------------------------------------------------------------------------------------------

def refusal(backup):
    with pytest.raises(BackupError) as refused:
        check_backup(backup)
    return str(refused.value)


def changed(path, value, backup=None):
    data = copy.deepcopy(backup or a_backup())
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


S0, SET0 = ("sessions", 0), ("sessions", 0, "sets", 0)
REFUSED = {
    "not an object": (None, [], 'not a HipFit backup (no "format": "hipfit-backup")'),
    "no format": (("format",), "hipfit", 'not a HipFit backup (no "format": "hipfit-backup")'),
    "newer": (("version",), 3, "the backup is from a newer HipFit (backup version 3; this one reads up to 2); "
                               "update HipFit to import it"),
    "version 0": (("version",), 0, "backup version: expected a whole number, got 0"),
    "version text": (("version",), "1", "backup version: expected a whole number, got '1'"),
    "version bool": (("version",), True, "backup version: expected a whole number, got True"),
    "sessions object": (("sessions",), {}, "backup.sessions: expected a list, got {}"),
    "routines list": (("routines",), [], "backup.routines: expected an object, got []"),
    "session not object": (S0, 3, "sessions[0]: expected an object, got 3"),
    "uid bad": ((*S0, "uid"), "a b", "sessions[0].uid: 'a b' is not a unique id"),
    "uid long": ((*S0, "uid"), "u" * 65, f"sessions[0].uid: '{'u' * 36}... is not a unique id"),
    "uid empty": ((*S0, "uid"), "", "sessions[0].uid: '' is not a unique id"),
    "uid number": ((*S0, "uid"), 7, "sessions[0].uid: expected text (at most 200 characters), got 7"),
    "routine long": ((*S0, "routine"), "r" * 201,
                     f"sessions[0].routine: expected text (at most 200 characters), got '{'r' * 36}..."),
    "routine name": ((*S0, "routine_name"), None,
                     "sessions[0].routine_name: expected text (at most 200 characters), got None"),
    "level": ((*S0, "level"), 1, "sessions[0].level: expected text (at most 200 characters), got 1"),
    "started negative": ((*S0, "started_at"), -1, "sessions[0].started_at: expected a number from 0 to 4.10244e+09, "
                                                  "got -1"),
    "started 2100": ((*S0, "started_at"), 4102444801.0,
                     "sessions[0].started_at: expected a number from 0 to 4.10244e+09, got 4102444801.0"),
    "started NaN": ((*S0, "started_at"), float("nan"),
                    "sessions[0].started_at: expected a number from 0 to 4.10244e+09, got nan"),
    "started text": ((*S0, "started_at"), "today",
                     "sessions[0].started_at: expected a number from 0 to 4.10244e+09, got 'today'"),
    "ended before start": ((*S0, "ended_at"), START - 1,
                           f"sessions[0].ended_at: expected a number from {START:g} to 4.10244e+09, got {START - 1}"),
    "active over a week": ((*S0, "active_seconds"), 604801,
                           "sessions[0].active_seconds: expected a number from 0 to 604800, got 604801"),
    "active bool": ((*S0, "active_seconds"), False,
                    "sessions[0].active_seconds: expected a number from 0 to 604800, got False"),
    "session outcome": ((*S0, "outcome"), "won",
                        "sessions[0].outcome: expected one of None, 'finished', 'ended early', got 'won'"),
    "sets object": ((*S0, "sets"), {}, "sessions[0].sets: expected a list, got {}"),
    "too many sets": ((*S0, "sets"), [None] * 10_001,
                      "sessions[0].sets: 10001 sets in one session is not a workout"),
    "set not object": (SET0, "x", "sessions[0].sets[0]: expected an object, got 'x'"),
    "position high": ((*SET0, "position"), 1001,
                      "sessions[0].sets[0].position: expected a whole number from 0 to 1000, got 1001"),
    "position low": ((*SET0, "position"), -1,
                     "sessions[0].sets[0].position: expected a whole number from 0 to 1000, got -1"),
    "exercise": ((*SET0, "exercise"), None,
                 "sessions[0].sets[0].exercise: expected text (at most 200 characters), got None"),
    "version": ((*SET0, "version"), 2, "sessions[0].sets[0].version: expected text (at most 200 characters), got 2"),
    "side": ((*SET0, "side"), "both", "sessions[0].sets[0].side: expected one of '', 'left', 'right', got 'both'"),
    "side none": ((*SET0, "side"), None, "sessions[0].sets[0].side: expected one of '', 'left', 'right', got None"),
    "set number": ((*SET0, "set_number"), 1001,
                   "sessions[0].sets[0].set_number: expected a whole number from 0 to 1000, got 1001"),
    "set number bool": ((*SET0, "set_number"), True,
                        "sessions[0].sets[0].set_number: expected a whole number from 0 to 1000, got True"),
    "sets planned": ((*SET0, "sets_planned"), None,
                     "sessions[0].sets[0].sets_planned: expected a whole number from 0 to 1000, got None"),
    "reps planned": ((*SET0, "reps_planned"), 10_001,
                     "sessions[0].sets[0].reps_planned: expected a whole number from 0 to 10000, got 10001"),
    "reps done high": ((*SET0, "reps_done"), 10_001,
                       "sessions[0].sets[0].reps_done: expected a whole number from 0 to 10000, got 10001"),
    "sets planned high": ((*SET0, "sets_planned"), 1001,
                          "sessions[0].sets[0].sets_planned: expected a whole number from 0 to 1000, got 1001"),
    "seconds planned high": ((*SET0, "seconds_planned"), 86401,
                             "sessions[0].sets[0].seconds_planned: expected a whole number from 0 to 86400, got 86401"),
    "set at 2100": ((*SET0, "at"), 4102444800.5,
                    "sessions[0].sets[0].at: expected a number from 0 to 4.10244e+09, got 4102444800.5"),
    "uid of 41 cut": ((*S0, "uid"), "a b" + "c" * 36, f"sessions[0].uid: 'a b{'c' * 33}... is not a unique id"),
    "uid of 40 shown whole": ((*S0, "uid"), "a b" + "c" * 35, f"sessions[0].uid: 'a b{'c' * 35}' is not a unique id"),
    "reps done text": ((*SET0, "reps_done"), "15",
                       "sessions[0].sets[0].reps_done: expected a whole number from 0 to 10000, got '15'"),
    "reps done float": ((*SET0, "reps_done"), 15.0,
                        "sessions[0].sets[0].reps_done: expected a whole number from 0 to 10000, got 15.0"),
    "hold": ((*SET0, "hold_seconds"), 86401,
             "sessions[0].sets[0].hold_seconds: expected a whole number from 0 to 86400, got 86401"),
    "seconds planned": ((*SET0, "seconds_planned"), -5,
                        "sessions[0].sets[0].seconds_planned: expected a whole number from 0 to 86400, got -5"),
    "seconds done": ((*SET0, "seconds_done"), 86400.5,
                     "sessions[0].sets[0].seconds_done: expected a number from 0 to 86400, got 86400.5"),
    "set outcome": ((*SET0, "outcome"), None,
                    "sessions[0].sets[0].outcome: expected one of 'done', 'ended early', 'skipped', got None"),
    "set at": ((*SET0, "at"), None, "sessions[0].sets[0].at: expected a number from 0 to 4.10244e+09, got None"),
    "settings number": (("settings",), 3, "settings: expected the text of settings.yaml (at most 1 MB) or null"),
    "settings huge": (("settings",), "é" * (2**19 + 1),
                      "settings: expected the text of settings.yaml (at most 1 MB) or null"),
    "routine path": (("routines",), {"../x.yaml": "x"},
                     "routines: '../x.yaml' is not a routine file name (letters, digits, - or _, .yaml)"),
    "routine no yaml": (("routines",), {"day.yml": "x"},
                        "routines: 'day.yml' is not a routine file name (letters, digits, - or _, .yaml)"),
    "routine long name": (("routines",), {"d" * 65 + ".yaml": "x"},
                          f"routines: '{'d' * 36}... is not a routine file name (letters, digits, - or _, .yaml)"),
    "routine text": (("routines",), {"day.yaml": None}, "routines.day.yaml: expected the file's text (at most 1 MB)"),
    "routine huge": (("routines",), {"day.yaml": "é" * (2**19 + 1)},
                     "routines.day.yaml: expected the file's text (at most 1 MB)"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_each_bad_field_is_refused_with_its_own_line(case):
    path, value, message = REFUSED[case]
    backup = value if path is None else changed(path, value)
    assert refusal(backup) == message


def test_a_second_row_for_the_same_set_is_refused():
    """Same exercise position, set and side twice; for two-sided work the line ends without a side."""
    assert refusal(a_backup(a_session(sets=[a_set(), a_set(at=START + 90)]))) == \
        "sessions[0].sets[1]: a second row for set 1 of exercise 0 left"
    assert refusal(a_backup(a_session(sets=[a_set(side=""), a_set(side="right"), a_set(side="")]))) == \
        "sessions[0].sets[2]: a second row for set 1 of exercise 0"


def test_a_uid_used_twice_is_refused():
    assert refusal(a_backup(a_session("same"), a_session("same"))) == "sessions[1].uid: 'same' is not a unique id"


def test_more_sessions_than_a_lifetime_is_refused():
    """A million is still looked at one by one; one more is refused by its count (likewise 10 000 sets)."""
    assert refusal(changed(("sessions",), [None] * 1_000_001)) == \
        "sessions: 1000001 is more than a lifetime of workouts"
    assert refusal(changed(("sessions",), [None] * 1_000_000)) == "sessions[0]: expected an object, got None"
    assert refusal(changed((*S0, "sets"), [None] * 10_000)) == "sessions[0].sets[0]: expected an object, got None"


def test_what_may_be_empty_is_accepted_empty():
    """No hold, no reps planned or done, no seconds, no end, no active time: still a backup."""
    empty = a_set(reps_planned=None, reps_done=None, hold_seconds=None, seconds_planned=None, seconds_done=None)
    check_backup(a_backup(a_session(sets=[empty], ended_at=None, active_seconds=None, outcome=None)))


def test_every_bound_itself_is_accepted():
    """The edges are in: 0 and 1000 sets, 10 000 reps, a day's hold, 64-character names, 200-character text."""
    sets = [a_set(position=1000, set_number=1000, sets_planned=1000, reps_planned=10_000, reps_done=0,
                  hold_seconds=86400, seconds_planned=86400, seconds_done=86400, at=4102444800.0),
            a_set(position=0, set_number=0, sets_planned=0, reps_planned=0, hold_seconds=0, seconds_planned=0,
                  seconds_done=0, side="", outcome="skipped", at=0)]
    session = a_session("u" * 64, 0, sets, ended_at=None, outcome=None, active_seconds=604800, routine="r" * 200)
    session2 = a_session("A-z_9", 4102444800.0, [a_set(outcome="ended early", side="right")] * 1,
                         ended_at=4102444800.0, active_seconds=0, outcome="ended early")
    check_backup(a_backup(session, session2, settings="é" * 2**19,
                          routines={"d" * 64 + ".yaml": "é" * 2**19, "Day_2-b.yaml": ""}))
    check_backup(a_backup(a_session(sets=[a_set(position=n // 1000, set_number=n % 1000) for n in range(10_000)])))
    check_backup(changed(("sessions",), [a_session(f"u{n}", sets=[]) for n in range(3)]))


# --- reading the file ----------------------------------------------------------------------------------------

def test_a_good_file_is_read_whole(tmp_path):
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(a_backup()))
    assert read_backup(path) == a_backup()


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe{}", "{path} is not a HipFit backup (not UTF-8 text)"),
    (b'{"format": "hipfit-backup",\n  "version": 1,', "{path} is not a HipFit backup, or it is cut short (JSON: "
                                                      "Expecting property name enclosed in double quotes at line 2, "
                                                      "column 16)"),
    (b"[" * 100_000 + b"]" * 100_000, "{path} is not a HipFit backup (RecursionError)"),
    (b"1" * 5000, "{path} is not a HipFit backup (ValueError)"),
    (b'{"format": "hipfit-backup", "version": 3}', "the backup is from a newer HipFit (backup version 3; this one "
                                                   "reads up to 2); update HipFit to import it"),
])
def test_a_file_that_is_no_backup_gets_one_line(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(BackupError) as refused:
        read_backup(path)
    assert str(refused.value) == message.format(path=path)


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(BackupError) as refused:
        read_backup(tmp_path / "nowhere.json")
    assert str(refused.value) == f"cannot read {tmp_path / 'nowhere.json'}: No such file or directory"


def test_a_file_over_64_megabytes_is_refused_by_its_size(tmp_path):
    """A sparse file: 64 MB and one byte is one too many; its size is said in MB."""
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(64 * 2**20 + 1)
    with pytest.raises(BackupError) as refused:
        read_backup(path)
    assert str(refused.value) == f"{path} is 64 MB; a HipFit backup is at most 64 MB"
    with path.open("wb") as stream:
        stream.truncate(100 * 2**20)
    with pytest.raises(BackupError) as refused:
        read_backup(path)
    assert str(refused.value) == f"{path} is 100 MB; a HipFit backup is at most 64 MB"


def test_a_file_of_exactly_64_megabytes_is_read(tmp_path):
    """At the limit the size is no reason: it is parsed (and these spaces are then no backup)."""
    path = tmp_path / "edge.json"
    with path.open("wb") as stream:
        stream.write(b'{"format": "hipfit-backup", "version": 1, "sessions": [], "routines": {}}')
        stream.truncate(64 * 2**20)
    with pytest.raises(BackupError) as refused:
        read_backup(path)
    assert "MB" not in str(refused.value) and "not UTF-8" not in str(refused.value)


def test_an_endless_stream_is_cut_off_after_64_megabytes(tmp_path):
    """A pipe that claims no size and never ends is read no further than the limit (a thread feeds it)."""
    pipe = tmp_path / "endless.json"
    os.mkfifo(pipe)
    let_go = threading.Event()

    def feed():
        with pipe.open("wb") as stream:
            stream.write(b" " * (64 * 2**20 + 1))
            let_go.wait(30)

    feeder = threading.Thread(target=feed)
    feeder.start()
    said = []
    reader = threading.Thread(target=lambda: said.append(_refusal_of(pipe)))
    reader.start()
    reader.join(20)
    finished = not reader.is_alive()
    let_go.set()
    reader.join()
    feeder.join()
    assert finished and said == [f"{pipe} is over 64 MB: not a HipFit backup"]


def _refusal_of(path):
    try:
        read_backup(path)
    except BackupError as refused:
        return str(refused)
    return None
