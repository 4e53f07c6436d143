"""The coach's memory in the training log: an old log migrates, ratings and the morning after are kept, and
the advice read back from real rows follows the rules, Not yet included."""

from __future__ import annotations

import sqlite3

from hipfit_desktop.records import schema
from hipfit_desktop.records.coach_log import advice, morning_after, outcomes, put_off, rate, session_to_ask_about
from hipfit_desktop.records.coach_rules import CoachRules
from hipfit_desktop.records.database import FILE_NAME, HistoryLog
from hipfit_desktop.settings.model import Settings


def add_session(log, uid, at, reps=(10, 10), version="no-band", exercise="clamshell"):
    def change(db):
        cursor = db.execute("INSERT INTO sessions (uid, routine, routine_name, level, started_at, ended_at, outcome) "
                            "VALUES (?, 'r', 'R', 'beginner', ?, ?, 'finished')", (uid, at, at + 600))
        for number in (1, 2, 3):
            for side, done in zip(("left", "right"), reps, strict=True):
                db.execute("INSERT INTO sets (session_id, position, exercise, version, side, set_number, "
                           "sets_planned, reps_planned, reps_done, outcome, at) VALUES (?, 0, ?, ?, ?, ?, 3, 10, ?, "
                           "'done', ?)", (cursor.lastrowid, exercise, version, side, number, done, at))
    assert log.write(change, wait=True)
    return log.read("SELECT id FROM sessions WHERE uid = ?", (uid,))[0][0]


def test_a_version_1_log_opens_migrated_with_its_sessions_and_takes_ratings(tmp_path, monkeypatch):
    path = tmp_path / FILE_NAME
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    old = HistoryLog(path)
    add_session(old, "a", 1000.0)
    old.close()
    monkeypatch.undo()
    log = HistoryLog(path)
    assert "upgraded from version 1 to 2" in log.notice
    assert rate(log, "a", 0, "clamshell", effort="easy") and rate(log, "a", 0, "clamshell", pain="a little")
    assert outcomes(log)["clamshell"][0].effort == "easy" and outcomes(log)["clamshell"][0].pain == "a little"
    assert sqlite3.connect(tmp_path / f"{FILE_NAME}.v1-backup").execute("PRAGMA user_version").fetchone() == (1,)
    log.close()


def test_two_good_sessions_in_the_log_suggest_the_band(tmp_path, catalog):
    log = HistoryLog(tmp_path / FILE_NAME)
    add_session(log, "a", 1000.0)
    assert advice(log, catalog, Settings(), CoachRules()) == []
    add_session(log, "b", 90000.0)
    [offer] = advice(log, catalog, Settings(), CoachRules())
    assert (offer.exercise, offer.kind, offer.value) == ("clamshell", "version", "banded")
    log.close()


def test_not_yet_hides_it_until_two_more_sessions(tmp_path, catalog):
    log = HistoryLog(tmp_path / FILE_NAME)
    add_session(log, "a", 1000.0)
    add_session(log, "b", 90000.0)
    [offer] = advice(log, catalog, Settings(), CoachRules())
    assert put_off(log, offer)
    add_session(log, "c", 180000.0)
    assert advice(log, catalog, Settings(), CoachRules()) == []
    add_session(log, "d", 270000.0)
    assert advice(log, catalog, Settings(), CoachRules()) == [offer]
    log.close()


def test_a_skipped_morning_question_is_not_asked_again(tmp_path):
    log = HistoryLog(tmp_path / FILE_NAME)
    last = add_session(log, "a", 1000.0)
    assert morning_after(log, last, None) and session_to_ask_about(log, today_began=200000.0) is None
    assert outcomes(log)["clamshell"][0].morning_after is None
    log.close()


def test_a_short_set_or_a_lagging_side_shows_in_the_outcome(tmp_path, catalog):
    log = HistoryLog(tmp_path / FILE_NAME)
    add_session(log, "a", 1000.0, reps=(10, 8))
    add_session(log, "b", 90000.0, reps=(10, 9))
    history = outcomes(log)["clamshell"]
    assert [o.full_count for o in history] == [False, False]
    assert (history[0].reps_left, history[0].reps_right) == (30, 24)
    [note] = advice(log, catalog, Settings(), CoachRules())
    assert (note.kind, note.value) == ("first_side", "right")
    log.close()


def test_the_morning_after_is_asked_once_and_a_painful_one_steps_back(tmp_path, catalog):
    log = HistoryLog(tmp_path / FILE_NAME)
    add_session(log, "a", 1000.0, version="banded")
    last = add_session(log, "b", 90000.0, version="banded")
    assert session_to_ask_about(log, today_began=90000.0) is None  # the same day: no morning after yet
    assert session_to_ask_about(log, today_began=200000.0) == last
    assert morning_after(log, last, "painful")
    assert session_to_ask_about(log, today_began=200000.0) is None
    settings = Settings().with_exercise("clamshell", progression="banded")
    [offer] = advice(log, catalog, settings, CoachRules())  # and no "next level" while something hurts
    assert (offer.kind, offer.value) == ("version", "no-band") and "morning after" in offer.reason
    log.close()
