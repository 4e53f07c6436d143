"""What the log tells the user: the week against the target at its edges, "last time" word for word, the history
text and JSON, and the weekly volume per exercise; real SQLite files, rows written by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.queries import (
    LastTime,
    as_json,
    last_time,
    recent_sessions,
    sessions_between,
    week_start,
    week_summary,
    weekly_volume,
)
from hipfit_desktop.records.report import format_history, last_time_text, last_times_for, week_line


def at(*parts: int) -> float:
    return datetime(*parts).timestamp()


MONDAY = date(2026, 11, 23)
WEDNESDAY = date(2026, 11, 25)


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def add_session(log, started, sets=(), uid=None, routine="band-day", name="Band day", level="beginner",
                ended=None, outcome="finished", active=None):
    """One session row and its set rows: (position, exercise, version, side, set, reps_done, seconds_done,
    outcome, at); planned 3 sets of 15 reps."""
    def change(db):
        cursor = db.execute("INSERT INTO sessions (uid, routine, routine_name, level, started_at, ended_at, outcome, "
                            "active_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (uid or f"s{started}", routine, name, level, started, ended, outcome, active))
        for position, exercise, version, side, number, reps, seconds, result, when in sets:
            db.execute("INSERT INTO sets (session_id, position, exercise, version, side, set_number, sets_planned, "
                       "reps_planned, reps_done, hold_seconds, seconds_planned, seconds_done, outcome, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, 3, ?, ?, NULL, ?, ?, ?, ?)",
                       (cursor.lastrowid, position, exercise, version, side, number,
                        None if reps is None else 15, reps, None if seconds is None else 150, seconds, result,
                        when))
    assert log.write(change)


def done(started, exercise="clamshell", version="no-band", reps=15, side="", number=1, position=0, outcome="done"):
    return (position, exercise, version, side, number, reps, None, outcome, started + 60 * number)


# --- the week ------------------------------------------------------------------------------------------------

def test_the_week_counts_from_monday_midnight_to_sunday_night(log):
    """Monday 00:00 and Sunday 23:59 count; the Sunday before and the Monday after do not."""
    for started in (at(2026, 11, 22, 23, 59, 59), at(2026, 11, 23, 0, 0), at(2026, 11, 29, 23, 59),
                    at(2026, 11, 30, 0, 0)):
        add_session(log, started, [done(started)])
    for today in (MONDAY, WEDNESDAY, date(2026, 11, 29)):
        week = week_summary(log, today, target=3)
        assert (week.start, week.workouts, week.target) == (MONDAY, 2, 3)
        assert week_line(week) == "This week (from Mon 23 Nov): 2 of 3 workouts"


def test_a_session_with_nothing_done_is_not_a_workout(log):
    """Only skipped or ended sets, or none at all: the week still says 0 of 1 workout."""
    start = at(2026, 11, 24, 9, 0)
    add_session(log, start, [done(start, outcome="skipped"), done(start, number=2, outcome="ended early")])
    add_session(log, start + 3600)
    week = week_summary(log, WEDNESDAY, target=1)
    assert week_line(week) == "This week (from Mon 23 Nov): 0 of 1 workout"


def test_an_unreadable_log_says_no_workouts(log):
    """A log that cannot be read answers an empty week, no sessions, no last time, no volume."""
    add_session(log, at(2026, 11, 24, 9, 0), [done(at(2026, 11, 24, 9, 0))])
    log.close()
    assert week_summary(log, WEDNESDAY, 3).workouts == 0
    assert sessions_between(log, 0, 1e12, with_sets=True) == []
    assert last_time(log, "clamshell") is None and weekly_volume(log) == {}


def test_week_start_is_the_monday():
    assert [week_start(date(2026, 11, d)) for d in (23, 25, 29, 30)] == [MONDAY] * 3 + [date(2026, 11, 30)]


# --- sessions in a period ------------------------------------------------------------------------------------

def test_sessions_between_counts_done_sets_and_reps_and_keeps_the_edges(log):
    """[start, end): a session at the start is in, one at the end is out; totals count only what was done."""
    first, second = at(2026, 11, 24, 9, 0), at(2026, 11, 24, 18, 0)
    add_session(log, second, [done(second, reps=12), done(second, reps=10, number=2),
                              done(second, reps=4, number=3, outcome="skipped")], active=1530)
    add_session(log, first, [done(first, reps=15)])
    add_session(log, at(2026, 11, 25, 0, 0), [done(at(2026, 11, 25, 0, 0))])
    found = sessions_between(log, first, at(2026, 11, 25, 0, 0))
    assert [(s.started_at, s.sets_done, s.reps_done, s.sets) for s in found] == \
        [(first, 1, 15, ()), (second, 2, 22, ())]
    assert found[1].active_seconds == 1530 and found[1].routine_name == "Band day"


def test_sessions_with_sets_carry_their_own_sets_in_order(log):
    """Each session gets its own sets, ordered by time; a session outside the period lends none."""
    first, second = at(2026, 11, 24, 9, 0), at(2026, 11, 24, 18, 0)
    add_session(log, first, [done(first, number=2), done(first, number=1)])
    add_session(log, second, [done(second, exercise="glute-bridge", reps=20)])
    add_session(log, at(2026, 11, 20, 9, 0), [done(at(2026, 11, 20, 9, 0), exercise="squat")])
    add_session(log, second + 60)
    found = sessions_between(log, first, first + 86400, with_sets=True)
    assert [[(s.exercise, s.set_number, s.reps_done) for s in session.sets] for session in found] == \
        [[("clamshell", 1, 15), ("clamshell", 2, 15)], [("glute-bridge", 1, 20)], []]
    assert found[0].uid == f"s{first}" and found[0].outcome == "finished"


def test_recent_sessions_reach_back_whole_calendar_weeks_up_to_tonight(log):
    """Two weeks from Wednesday: from the Monday before last, 00:00, to Wednesday 23:59; Thursday is not yet."""
    for started in (at(2026, 11, 15, 23, 59), at(2026, 11, 16, 0, 0), at(2026, 11, 25, 23, 59),
                    at(2026, 11, 26, 0, 0)):
        add_session(log, started, [done(started)])
    found = recent_sessions(log, weeks=2, today=WEDNESDAY, with_sets=True)
    assert [s.started_at for s in found] == [at(2026, 11, 16, 0, 0), at(2026, 11, 25, 23, 59)]
    assert all(len(s.sets) == 1 for s in found)
    assert [s.sets for s in recent_sessions(log, weeks=1, today=WEDNESDAY)] == [()]


def test_history_json_has_every_session_and_set_field(log):
    """`hipfit history --json`: each session's fields and its sets with every column."""
    start = at(2026, 11, 24, 9, 0)
    add_session(log, start, [done(start, side="left")], uid="abc", ended=start + 900, active=840.5)
    session, = recent_sessions(log, 1, WEDNESDAY, with_sets=True)
    data = as_json(session)
    assert data == {"id": 1, "uid": "abc", "routine": "band-day", "routine_name": "Band day", "level": "beginner",
                    "started_at": start, "ended_at": start + 900, "outcome": "finished", "active_seconds": 840.5,
                    "sets_done": 1, "reps_done": 15,
                    "sets": [{"position": 0, "exercise": "clamshell", "version": "no-band", "side": "left",
                              "set_number": 1, "sets_planned": 3, "reps_planned": 15, "reps_done": 15,
                              "hold_seconds": None, "seconds_planned": None, "seconds_done": None,
                              "outcome": "done", "at": start + 60}]}


# --- last time -----------------------------------------------------------------------------------------------

def test_last_time_is_the_latest_session_with_the_exercise_done(log):
    """Sets counted once per side pair, the most reps, the version of that session; skips ignored."""
    old, new = at(2026, 11, 20, 9, 0), at(2026, 11, 23, 9, 0)
    add_session(log, old, [done(old, reps=20), done(old, reps=20, number=2), done(old, reps=20, number=3)])
    add_session(log, new, [done(new, version="band-knees", reps=12, side="left"),
                           done(new, version="band-knees", reps=14, side="right"),
                           done(new, version="band-knees", reps=11, side="left", number=2),
                           done(new, version="band-knees", reps=25, side="right", number=2, outcome="skipped"),
                           done(new, exercise="squat", reps=30, number=3)])
    add_session(log, new + 3600, [done(new + 3600, outcome="skipped")])
    last = last_time(log, "clamshell")
    assert last == LastTime("clamshell", "band-knees", 2, 14, None, new + 120)
    assert last_time_text(last, "Band above the knees", at(2026, 11, 25, 8, 0)) == \
        "last time: 2 × 14, band above the knees, 2 days ago"
    assert last_time(log, "clamshell", before=new + 60) == LastTime("clamshell", "no-band", 3, 20, None, old + 180)
    assert last_time(log, "clamshell", before=old + 60) is None
    assert last_time(log, "glute-bridge") is None


def test_last_time_of_timed_work_is_the_longest_hold(log):
    start = at(2026, 11, 24, 9, 0)
    add_session(log, start, [(0, "couch-stretch", "couch", "left", 1, None, 125.4, "done", start + 60),
                             (0, "couch-stretch", "couch", "right", 1, None, 118.0, "done", start + 200)])
    last = last_time(log, "couch-stretch")
    assert last == LastTime("couch-stretch", "couch", 1, None, 125.4, start + 200)
    assert last_time_text(last, "Couch", at(2026, 11, 25, 0, 0)) == "last time: 1 × 2:05, couch, yesterday"


def test_last_time_takes_the_version_done_last_in_a_session(log):
    """Two versions in one session: the one done last is shown, with its own sets."""
    start = at(2026, 11, 24, 9, 0)
    add_session(log, start, [done(start, version="no-band", reps=15), done(start, version="band", reps=8, number=2,
                                                                             position=3)])
    assert last_time(log, "clamshell") == LastTime("clamshell", "band", 1, 8, None, start + 120)


@pytest.mark.parametrize(("then", "words"), [
    ((2026, 11, 25, 0, 0), "today"), ((2026, 11, 26, 7, 0), "today"), ((2026, 11, 24, 23, 59), "yesterday"),
    ((2026, 11, 23, 0, 0), "2 days ago"), ((2026, 10, 25, 12, 0), "31 days ago")])
def test_last_time_says_when_in_calendar_days(then, words):
    """Counted by calendar day: just before midnight is yesterday; a clock set back says today."""
    last = LastTime("clamshell", "no-band", 3, 15, None, at(*then))
    assert last_time_text(last, "No band", at(2026, 11, 25, 23, 0)) == f"last time: 3 × 15, no band, {words}"


def test_last_time_with_no_reps_and_no_seconds_reads_zero():
    assert last_time_text(LastTime("x", "v", 2, None, None, 0), "V", 0) == "last time: 2 × 0:00, v, today"
    assert last_time_text(LastTime("x", "v", 2, 0, 30.0, 0), "V", 0) == "last time: 2 × 0, v, today"


def test_the_preview_gets_a_last_time_line_for_each_exercise_in_the_log(log, small_plan):
    """Only exercises done before get a line; the version's name comes from the catalogue, else its id."""
    start = at(2026, 11, 23, 9, 0)
    item = next(i for i in small_plan.exercises if i.exercise.id == "clamshell")
    version = item.exercise.progressions[0]
    add_session(log, start, [done(start, version=version.id, reps=15, side="left"),
                             done(start, exercise="glute-bridge", version="gone", reps=20, position=3)])
    lines = last_times_for(log, small_plan, at(2026, 11, 25, 9, 0))
    assert lines == {"clamshell": f"last time: 1 × 15, {version.name.lower()}, 2 days ago",
                     "glute-bridge": "last time: 1 × 20, gone, 2 days ago"}


# --- the history text ----------------------------------------------------------------------------------------

def test_history_text_lists_sessions_newest_first_with_their_sets():
    """Word for word: the week line, each session's totals and minutes, and per exercise its sets by side."""
    from hipfit_desktop.records.queries import SessionRecord, SetRecord, WeekSummary

    def one(position, exercise, side, number, reps, seconds, outcome, version="no-band"):
        return SetRecord(position, exercise, version, side, number, 3, reps, reps, None, seconds, seconds, outcome,
                         0.0)

    morning = SessionRecord(1, "a", "band-day", "Band day", "beginner", at(2026, 11, 24, 9, 5), None, None, None,
                            0, 0, (one(1, "side-step", "left", 1, 12, None, "skipped"),
                                   one(1, "side-step", "right", 1, 12, None, "done")))
    evening = SessionRecord(2, "b", "day-a", "Day A", "advanced", at(2026, 11, 24, 18, 30), None, "ended early",
                            3600.0, 5, 71, (
                                one(1, "couch-stretch", "right", 1, None, 89.6, "done", "couch"),
                                one(1, "couch-stretch", "left", 1, None, 90.4, "done", "couch"),
                                one(0, "clamshell", "left", 2, 12, None, "done"),
                                one(0, "clamshell", "left", 1, 15, None, "done"),
                                one(0, "clamshell", "right", 1, 14, None, "done"),
                                one(0, "clamshell", "right", 2, 3, None, "ended early"),
                                one(2, "glute-bridge", "", 1, 4, None, "skipped"),
                                one(2, "glute-bridge", "", 2, 0, None, "skipped"),
                                one(2, "glute-bridge", "", 3, 0, None, "ended early")))
    week = WeekSummary(MONDAY, 1, 4)
    text = format_history([morning, evening], week, 12, {"clamshell": "Clamshell", "couch-stretch": "Couch stretch"})
    assert text == "\n".join([
        "This week (from Mon 23 Nov): 1 of 4 workouts", "",
        "Tue 24 Nov 2026 18:30  Day A (advanced): ended early, 5 sets, 71 reps, 60 min",
        "    Clamshell (no-band): 2 × 15 left, 1 × 14 right, 1 ended early",
        "    Couch stretch (couch): 1 × 90 s left, 1 × 90 s right",
        "    glute-bridge (no-band): 2 skipped, 1 ended early",
        "Tue 24 Nov 2026 09:05  Band day (beginner): not finished (resume offered in the window), 0 sets, 0 reps",
        "    side-step (no-band): 1 × 12 right, 1 skipped"])


def test_a_set_done_with_nothing_in_it_reads_zero():
    """In the history, a done set with 0 reps or 0 seconds says 0, not 1."""
    from hipfit_desktop.records.queries import SessionRecord, SetRecord, WeekSummary

    zero_reps = SetRecord(0, "clamshell", "no-band", "", 1, 3, 15, 0, None, None, None, "done", 0.0)
    zero_seconds = SetRecord(1, "plank", "floor", "left", 1, 1, None, None, None, 30, 0.0, "done", 0.0)
    session = SessionRecord(1, "a", "band-day", "Band day", "beginner", at(2026, 11, 24, 9, 5), None, "finished",
                            0.0, 2, 0, (zero_reps, zero_seconds))
    assert format_history([session], WeekSummary(MONDAY, 1, 3), 1).splitlines()[2:] == [
        "Tue 24 Nov 2026 09:05  Band day (beginner): finished, 2 sets, 0 reps",
        "    clamshell (no-band): 1 × 0", "    plank (floor): 1 × 0 s left"]


@pytest.mark.parametrize(("weeks", "words"), [(1, "No sessions in the last 1 week."),
                                              (12, "No sessions in the last 12 weeks.")])
def test_history_text_with_no_sessions(weeks, words):
    from hipfit_desktop.records.queries import WeekSummary

    assert format_history([], WeekSummary(MONDAY, 0, 3), weeks) == \
        f"This week (from Mon 23 Nov): 0 of 3 workouts\n\n{words}"


# --- weekly volume -------------------------------------------------------------------------------------------

def test_weekly_volume_per_exercise_and_week_with_the_last_version(log):
    """Sets and reps (or seconds) per Monday; the week's last version; weeks with nothing done left out."""
    w1, w2, w3 = at(2026, 11, 9, 9, 0), at(2026, 11, 22, 23, 0), at(2026, 11, 23, 0, 30)
    add_session(log, w1, [done(w1, reps=10), done(w1, reps=12, number=2), done(w1, outcome="skipped", number=3)])
    add_session(log, w2, [done(w2, version="band", reps=8), (1, "couch-stretch", "couch", "left", 1, None, 90.5,
                                                             "done", w2 + 10)])
    add_session(log, w3, [done(w3, reps=11, version="band"), done(w3, reps=9, number=2, outcome="skipped")])
    add_session(log, at(2026, 11, 2, 9, 0), [done(at(2026, 11, 2, 9, 0), outcome="skipped")])
    assert weekly_volume(log) == {
        "clamshell": [(date(2026, 11, 9), 2, 22, "no-band"), (date(2026, 11, 16), 1, 8, "band"),
                      (MONDAY, 1, 11, "band")],
        "couch-stretch": [(date(2026, 11, 16), 1, 90.5, "couch")]}
    assert weekly_volume(log, since=date(2026, 11, 22)) == {
        "clamshell": [(date(2026, 11, 16), 1, 8, "band"), (MONDAY, 1, 11, "band")],
        "couch-stretch": [(date(2026, 11, 16), 1, 90.5, "couch")]}
    assert weekly_volume(log, since=date(2026, 11, 23)) == {"clamshell": [(MONDAY, 1, 11, "band")]}


def test_weekly_volume_reaches_back_to_the_first_week():
    """Week 0 (Monday 2001-01-01) is a week like any other; with no `since`, a set from 1999 (a clock set wrong)
    is not lost either."""
    log = HistoryLog()
    start, older = at(2001, 1, 3, 9, 0), at(1999, 6, 2, 9, 0)
    add_session(log, start, [done(start)])
    add_session(log, older, [done(older, reps=9)])
    weeks = weekly_volume(log)["clamshell"]
    assert weeks[-1] == (date(2001, 1, 1), 1, 15, "no-band")
    assert len(weeks) == 2 and weeks[0][0] < date(2001, 1, 1) and weeks[0][1:] == (1, 9, "no-band")
    assert weekly_volume(log, since=date(2001, 1, 7)) == {"clamshell": [(date(2001, 1, 1), 1, 15, "no-band")]}
    log.close()
