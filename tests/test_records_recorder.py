"""The recorder writes every session and set as it happens, and a checkpoint to resume from; real SQLite."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.queries import last_time, recent_sessions, sessions_between, week_summary, weekly_volume
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.records.resume import discard, find_resumable, log_as_finished, resume
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Paused, RepsChanged, SegmentStarted
from hipfit_desktop.workout.plan import WORK_KINDS


class WallClock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall():
    return WallClock(datetime(2026, 11, 25, 18, 0).timestamp())


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def recorded(log, plan, clock, wall):
    session = Session(plan, clock)
    recorder = SessionRecorder(log, session, now=wall)
    session.subscribe(recorder)
    return session, recorder


def step(session, clock, wall, seconds=None):
    """Move to the end of the current segment (or press for a self-paced rep or set) and catch up."""
    if session.segment.seconds is None:
        clock.advance(1.5)
        wall.now += 1.5
        return session.rep_done()
    remaining = session.remaining() if seconds is None else seconds
    clock.advance(remaining)
    wall.now += remaining
    return session.tick()


def run_until(session, clock, wall, done):
    for _ in range(5000):
        if done(session):
            return
        step(session, clock, wall)
    raise AssertionError("never got there")


def sets(log):
    return log.read("SELECT exercise, side, set_number, reps_planned, reps_done, outcome FROM sets ORDER BY id")


def test_a_whole_session_is_one_row_and_one_row_per_set_and_side(log, small_plan, clock, wall):
    """Run Band day to the end: the session is finished, and every set of every side is there, done."""
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.state == "finished")
    (routine, outcome, ended), = log.read("SELECT routine, outcome, ended_at FROM sessions")
    assert (routine, outcome) == ("band-day", "finished") and ended > 0
    blocks = {(s.exercise, s.side or "", s.set) for s in small_plan.segments if s.kind in WORK_KINDS}
    rows = sets(log)
    assert {(e, side, n) for e, side, n, *_ in rows} == blocks and len(rows) == len(blocks)
    assert all(outcome == "done" and done == planned == 3 for *_, planned, done, outcome in rows)
    assert log.read("SELECT count(*) FROM checkpoints") == [(0,)]  # finished: nothing to resume


def test_sets_are_written_as_they_complete_with_a_checkpoint_at_each_segment_start(log, small_plan, clock, wall):
    """After the first set the log already holds it, and the checkpoint is the segment that follows."""
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    first_block = next(s.block for s in small_plan.segments if s.kind in WORK_KINDS)
    run_until(session, clock, wall, lambda s: s.segment.block > first_block)
    assert len(sets(log)) == 1
    (state,), = log.read("SELECT state FROM checkpoints")
    assert json.loads(state)["index"] == session.index


def test_skipped_and_ended_sets_say_so_with_the_reps_done(log, small_plan, clock, wall):
    """A set skipped after one rep is 'skipped' with 1 rep; the set under way when ending is 'ended early'."""
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.kind in WORK_KINDS)
    run_until(session, clock, wall, lambda s: s.segment.rep == 2)
    session.skip()
    run_until(session, clock, wall, lambda s: s.segment.kind in WORK_KINDS)
    session.finish()
    rows = sets(log)
    assert [r[4:] for r in rows] == [(1, "skipped"), (0, "ended early")]
    assert log.read("SELECT outcome FROM sessions") == [("ended early",)]


def test_jumping_ahead_logs_the_sets_passed_over_as_skipped(log, small_plan, clock, wall):
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    session.jump_to_exercise(1)
    skipped = {(s.side or "", s.set) for s in small_plan.segments if s.kind in WORK_KINDS and s.exercise_index == 0}
    rows = sets(log)
    assert {(side, n) for _, side, n, *_ in rows} == skipped
    assert {outcome for *_, outcome in rows} == {"skipped"}


def test_timed_work_logs_the_seconds_held(log, catalog, clock, wall):
    """The couch stretch ended early with Right logs the seconds held, as done."""
    from hipfit_desktop.settings.model import Settings
    from hipfit_desktop.workout.plan import compile_plan

    plan = compile_plan(catalog.routine("full-hip-session"), catalog, Settings())
    session, _ = recorded(log, plan, clock, wall)
    session.start()
    session.jump_to_exercise(next(s.exercise_index for s in plan.segments if s.exercise == "couch-stretch"))
    run_until(session, clock, wall, lambda s: s.segment.kind == "timed")
    clock.advance(42)
    session.skip()
    (seconds, planned, outcome), = log.read(
        "SELECT seconds_done, seconds_planned, outcome FROM sets WHERE exercise = 'couch-stretch'")
    assert (seconds, planned, outcome) == (42.0, 180, "done")


def test_back_redoes_a_set_without_a_second_row(log, small_plan, clock, wall):
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    first_block = next(s.block for s in small_plan.segments if s.kind in WORK_KINDS)
    run_until(session, clock, wall, lambda s: s.segment.block > first_block)
    session.back()  # within 2 s of the rest's start: back into the set
    run_until(session, clock, wall, lambda s: s.segment.block > first_block)
    assert len(sets(log)) == 1 and sets(log)[0][-1] == "done"


def test_resume_after_a_crash_restores_the_same_plan_and_counts(log, small_plan, clock, wall):
    """A second log on the same file finds the checkpoint, offers it in words, and carries on to the end."""
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.set == 2 and s.segment.kind in WORK_KINDS)
    before = session.snapshot()
    again = HistoryLog(log.path)
    offer = find_resumable(again, now=wall)
    assert offer is not None and not offer.stale
    assert offer.text.startswith("Resume Band day: Banded side step, set 2, left — ") and "min left" in offer.text
    restored, recorder = resume(again, offer, clock, base=small_plan, now=wall)
    assert restored.state == "paused" and restored.index == before["index"]
    assert restored.plan.segments == session.plan.segments
    restored.subscribe(recorder)
    restored.resume()
    run_until(restored, clock, wall, lambda s: s.state == "finished")
    blocks = [s for s in small_plan.segments if s.kind in WORK_KINDS]
    assert len(sets(again)) == len({s.block for s in blocks})
    assert again.read("SELECT count(*), min(outcome) FROM sessions") == [(1, "finished")]
    again.close()


def test_an_old_checkpoint_is_offered_only_to_log_and_log_as_finished_keeps_the_sets(log, small_plan, clock, wall):
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.set == 2)
    wall.now += 13 * 3600
    offer = find_resumable(log, now=wall)
    assert offer.stale and offer.text.startswith("Log what was done of Band day")
    assert log_as_finished(log, offer)
    assert find_resumable(log, now=wall) is None
    assert log.read("SELECT outcome FROM sessions") == [("ended early",)]
    assert len(sets(log)) >= 1


def test_discard_forgets_the_session(log, small_plan, clock, wall):
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.set == 2)
    offer = find_resumable(log, now=wall)
    assert discard(log, offer.session_id)
    assert log.read("SELECT count(*) FROM sessions") == [(0,)] and sets(log) == []


def test_a_checkpoint_held_by_a_running_hipfit_is_not_offered(log, small_plan, clock, wall):
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    log.write(lambda db: db.execute("UPDATE checkpoints SET pid = 1"))
    assert find_resumable(log, now=wall, alive=lambda pid: True) is None
    assert find_resumable(log, now=wall, alive=lambda pid: False) is not None


def test_week_count_last_time_and_weekly_volume(log, small_plan, clock, wall):
    """Two sessions this week: the week says 2 of 3; the clamshell's last time is 2 x 3 reps; volume per week."""
    for _ in range(2):
        session, _ = recorded(log, small_plan, clock, wall)
        session.start()
        run_until(session, clock, wall, lambda s: s.state == "finished")
        wall.now += 3600
    today = date.fromtimestamp(wall.now)
    assert week_summary(log, today, target=3).workouts == 2
    last = last_time(log, "clamshell")
    assert (last.sets, last.reps, last.seconds) == (2, 3, None) and last.version
    volume = weekly_volume(log)["clamshell"]
    assert len(volume) == 1 and volume[0][1] == 8  # 2 sessions x 2 sets x 2 sides
    history = recent_sessions(log, weeks=1, today=today, with_sets=True)
    assert len(history) == 2 and history[0].sets_done == len(history[0].sets)
    assert sessions_between(log, 0, 1) == []


def test_a_bug_or_a_failing_disk_never_reaches_the_workout(log, small_plan, clock, wall):
    """The recorder swallows what goes wrong, turns logging off and says why once; the session carries on."""
    said = []
    log.on_problem = said.append
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    log._db.execute("DROP TABLE checkpoints")  # every checkpoint write now fails
    run_until(session, clock, wall, lambda s: s.state == "finished")
    assert len(said) == 1 and "not logged" in said[0]


def test_the_weekly_table_follows_every_insert_redo_and_discard(log, small_plan, clock, wall):
    """The triggers keep `weekly` equal to summing the done sets, through Back (an update) and a discard."""
    for keep in (True, False):
        session, recorder = recorded(log, small_plan, clock, wall)
        session.start()
        first_block = next(s.block for s in small_plan.segments if s.kind in WORK_KINDS)
        run_until(session, clock, wall, lambda s, first=first_block: s.segment.block > first)
        session.back()
        run_until(session, clock, wall, lambda s: s.state == "finished")
        assert log.problem is None, log.problem
        if not keep:
            assert discard(log, recorder.session_id)
    summed = log.read("SELECT exercise, count(*), sum(coalesce(reps_done, 0) + coalesce(seconds_done, 0)) "
                      "FROM sets WHERE outcome = 'done' GROUP BY exercise ORDER BY exercise")
    weekly = log.read("SELECT exercise, sum(sets), sum(volume) FROM weekly GROUP BY exercise ORDER BY exercise")
    assert summed == weekly and len(summed) == 4


def test_last_time_reads_like_the_issue_asks():
    from hipfit_desktop.records.queries import LastTime
    from hipfit_desktop.records.report import last_time_text

    now = datetime(2026, 11, 25, 18, 0).timestamp()
    two_days = datetime(2026, 11, 23, 9, 0).timestamp()
    assert last_time_text(LastTime("side-step", "above-knees", 3, 15, None, two_days), "Band above the knees",
                          now) == "last time: 3 × 15, band above the knees, 2 days ago"
    assert last_time_text(LastTime("couch-stretch", "couch", 1, None, 150.0, now), "Couch", now) == \
        "last time: 1 × 2:30, couch, today"


def test_a_timed_exercise_jumped_over_logs_no_seconds_held(log, catalog, clock, wall):
    from hipfit_desktop.settings.model import Settings
    from hipfit_desktop.workout.plan import compile_plan

    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog, Settings())
    session, _ = recorded(log, plan, clock, wall)
    session.start()
    session.jump_to_exercise(2)  # past the glute bridge and the hip hinge
    log.flush()
    rows = log.read("SELECT seconds_planned, seconds_done, outcome FROM sets WHERE exercise = 'hip-hinge-rotation'")
    assert rows and set(rows) == {(30, 0.0, "skipped")}


def test_a_hold_the_user_set_is_logged_as_theirs(log, catalog, clock, wall):
    """A 5 s hold on the bridge is logged as 5 s (the lowering after it takes 2 s)."""
    from hipfit_desktop.settings.model import Settings
    from hipfit_desktop.workout.plan import compile_plan

    settings = Settings().with_exercise("glute-bridge", sets=1, reps=1, hold_seconds=5)
    session, _ = recorded(log, compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings), clock,
                          wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.kind == "rest")
    log.flush()
    assert log.read("SELECT hold_seconds, reps_done, outcome FROM sets") == [(5, 1, "done")]


def test_sets_passed_over_keep_the_time_they_were_logged_at(log, one_press_plan, clock, wall):
    """A set done, then a look back and on again: its row still says when it was done. Sets skipped by an
    earlier jump are not written again by a later jump that does not pass them."""
    session, _ = recorded(log, one_press_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.exercise_index == 1 and s.segment.kind in WORK_KINDS)
    log.flush()
    done_at = log.read("SELECT set_number, side, at FROM sets WHERE position = 0 ORDER BY id")
    wall.now += 600
    session.jump_to_exercise(0)
    session.jump_to_exercise(2)  # past the side step (done) and the knee drive (skipped now)
    log.flush()
    assert log.read("SELECT set_number, side, at FROM sets WHERE position = 0 ORDER BY id") == done_at
    skipped_at = log.read("SELECT set_number, side, at FROM sets WHERE position = 1 ORDER BY id")
    wall.now += 600
    session.jump_to_exercise(3)  # past the clamshell only
    log.flush()
    assert log.read("SELECT set_number, side, at FROM sets WHERE position = 1 ORDER BY id") == skipped_at


def watch_writes(log):
    """Keep a copy of every plan and checkpoint the log is given: what a crash at that moment would leave."""
    def install(db):
        db.execute("CREATE TABLE seen (what TEXT NOT NULL, state TEXT)")
        db.execute("CREATE TRIGGER seen_plan AFTER INSERT ON plans BEGIN INSERT INTO seen VALUES ('plan', NULL); END")
        db.execute("CREATE TRIGGER seen_checkpoint AFTER INSERT ON checkpoints "
                   "BEGIN INSERT INTO seen VALUES ('checkpoint', NEW.state); END")

    assert log.write(install, wait=True)

    def seen():
        return log.read("SELECT what, state FROM seen ORDER BY rowid")

    return seen


def test_a_checkpoint_at_each_segment_start_pause_and_reps_change_and_the_plan_only_when_it_changes(
        log, small_plan, clock, wall):
    """A crash at any moment resumes where the user was: a checkpoint is saved at every segment start but the
    end, at a pause and at a reps change. The plan (most of the size) is saved at the start and when reps change,
    never inside a checkpoint."""
    seen = watch_writes(log)
    session, _ = recorded(log, small_plan, clock, wall)
    moments = []

    def note(event):
        if isinstance(event, (Paused, RepsChanged)) or isinstance(event, SegmentStarted) and \
                event.segment.kind != "done":
            moments.append(session.index)

    session.subscribe(note)
    session.start()
    run_until(session, clock, wall, lambda s: s.index == 2)
    session.pause()
    session.resume()
    run_until(session, clock, wall, lambda s: s.segment.kind == "rest")
    session.change_reps(4)
    run_until(session, clock, wall, lambda s: s.state == "finished")
    log.flush()
    written = seen()
    checkpoints = [json.loads(state) for what, state in written if what == "checkpoint"]
    assert [c["index"] for c in checkpoints] == moments and moments.count(2) == 2 and moments.count(8) == 2
    assert all("segments" not in c for c in checkpoints)
    assert [what for what, _ in written].count("plan") == 2


def test_a_set_restarted_with_back_and_then_ended_counts_no_reps(log, small_plan, clock, wall):
    """Back in the middle of a set starts it again: ending the session right after logs it with 0 reps."""
    session, _ = recorded(log, small_plan, clock, wall)
    session.start()
    run_until(session, clock, wall, lambda s: s.segment.rep == 3)
    session.back()
    session.finish()
    assert sets(log) == [("banded-side-step", "left", 1, 3, 0, "ended early")] and log.problem is None


def test_a_bug_in_the_recorder_turns_logging_off_and_says_what_went_wrong(log, small_plan, clock, wall):
    """An event the recorder cannot place (a bug) costs the log, not the workout, and the notice names it."""
    said = []
    log.on_problem = said.append
    session, recorder = recorded(log, small_plan, clock, wall)
    session.start()
    recorder(SegmentStarted(len(small_plan.segments) + 5, small_plan.segments[1], clock(), False))
    assert len(said) == 1 and "not logged" in said[0] and "index out of range" in said[0]
