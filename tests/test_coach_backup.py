"""The backup carries the coach's memory (backup version 2): ratings, morning-after answers and "Not yet"s go
out and come back, so `hipfit coach` says the same after a restore; a second import adds nothing, and a
backup made before the coach still imports."""

from __future__ import annotations

import json

from hipfit_desktop.cli import main
from hipfit_desktop.records.coach_log import morning_after, rate
from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.exchange import ImportResult, export_backup, import_backup
from hipfit_desktop.system.paths import user_paths
from tests.test_coach_log import add_session
from tests.test_log_export_import import a_backup, a_session
from tests.test_log_export_import import log as log  # noqa: F401 - a pytest fixture used by name

COACH_ROWS = {
    "ratings": "SELECT s.uid, r.position, r.exercise, r.effort, r.pain, r.harder_side FROM ratings r "
               "JOIN sessions s ON s.id = r.session_id ORDER BY 1, 2",
    "mornings": "SELECT s.uid, m.feeling FROM mornings m JOIN sessions s ON s.id = m.session_id ORDER BY 1",
    "put_off": "SELECT suggestion, sessions_logged FROM put_off ORDER BY 1",
}


def coach_json(capsys):
    assert main(["coach", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def coach_rows(log):
    return {table: log.read(sql) for table, sql in COACH_ROWS.items()}


def test_a_restored_backup_gives_the_same_suggestions(capsys):
    log = HistoryLog()
    add_session(log, "a", 1000.0)
    add_session(log, "b", 90000.0)
    assert coach_json(capsys)["suggestions"]  # two good sessions: the band is suggested
    last = add_session(log, "c", 180000.0)
    assert rate(log, "c", 0, "clamshell", effort="hard", pain="too much", harder_side="left")
    assert rate(log, "b", 0, "clamshell", effort="easy")
    assert morning_after(log, last, "sore")
    assert log.write(lambda db: db.execute("INSERT INTO put_off VALUES ('clamshell:reps:12', 3)"), wait=True)
    before, rows = coach_json(capsys), coach_rows(log)
    assert [s["key"] for s in before["suggestions"]] == ["clamshell:reps:8"]  # the pain rating steps back
    backup = json.loads(json.dumps(export_backup(log, user_paths())))  # through JSON, as the file goes
    path = log.path
    log.close()
    path.unlink()
    fresh = HistoryLog()
    assert import_backup(fresh, user_paths(), backup) == ImportResult(3, 0, 18)
    fresh.flush()
    assert coach_rows(fresh) == rows and rows["ratings"] and rows["mornings"] and rows["put_off"]
    fresh.close()
    assert coach_json(capsys) == before


def test_importing_the_same_backup_twice_adds_no_ratings_mornings_or_put_offs(log):
    paths = user_paths()
    one = a_session("one", ratings=[{"position": 0, "exercise": "clamshell", "effort": "easy", "pain": None,
                                     "harder_side": None}], morning_after=None)
    backup = {**a_backup(one, a_session("two", 5000.0)), "version": 2, "put_off": {"clamshell:version:banded": 1}}
    import_backup(log, paths, backup)
    rows = coach_rows(log)
    assert rows == {"ratings": [("one", 0, "clamshell", "easy", None, None)], "mornings": [("one", None)],
                    "put_off": [("clamshell:version:banded", 1)]}
    assert import_backup(log, paths, backup) == ImportResult(0, 2, 0)
    assert coach_rows(log) == rows


def test_a_backup_made_before_the_coach_imports_and_a_later_one_adds_its_ratings(log):
    paths = user_paths()
    old = a_backup(a_session("one"))  # version 1: no ratings, no morning_after, no put_off
    assert "ratings" not in old["sessions"][0] and "put_off" not in old
    assert import_backup(log, paths, old) == ImportResult(1, 0, 1)
    assert coach_rows(log) == {"ratings": [], "mornings": [], "put_off": []}
    newer = {**a_backup(a_session("one", ratings=[{"position": 0, "exercise": "clamshell", "pain": "a little"}],
                                  morning_after="fine")), "version": 2}
    assert import_backup(log, paths, newer) == ImportResult(0, 1, 0)
    assert coach_rows(log)["ratings"] == [("one", 0, "clamshell", None, "a little", None)]
    assert coach_rows(log)["mornings"] == [("one", "fine")]
