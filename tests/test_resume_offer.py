"""The resume offer after a crash or a close: its words, the 12-hour limit, resume, log as finished, discard."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import datetime

import pytest

from hipfit_desktop.records import resume as resume_module
from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.recorder import SessionRecorder
from hipfit_desktop.records.resume import (
    STALE_AFTER_SECONDS,
    describe,
    discard,
    find_resumable,
    log_as_finished,
    resume,
)
from hipfit_desktop.workout.engine import Session

START = datetime(2026, 11, 25, 18, 0).timestamp()


class Wall:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall():
    return Wall()


@pytest.fixture
def log(tmp_path):
    opened = HistoryLog(tmp_path / "data" / "history.sqlite3")
    yield opened
    opened.close()


def stopped_at(log, plan, clock, wall, index):
    """Start a recorded session and leave it (as a crash does) when it reaches segment `index`."""
    session = Session(plan, clock)
    recorder = SessionRecorder(log, session, now=wall)
    session.subscribe(recorder)
    session.start()
    while session.index < index:
        if session.segment.kind == "self_paced":
            clock.advance(1.5)
            wall.now += 1.5
            session.rep_done()
        else:
            remaining = session.remaining()
            clock.advance(remaining)
            wall.now += remaining
            session.tick()
    return session, recorder


def test_the_offer_names_the_routine_exercise_set_side_and_minutes_left(log, small_plan, clock, wall):
    """Stopped in the second set of the side step, left side: the offer says so, with 7 minutes to go."""
    stopped_at(log, small_plan, clock, wall, 9)
    offer = find_resumable(log, now=wall)
    assert offer.text == "Resume Band day: Banded side step, set 2, left — 7 min left"
    assert (offer.routine, offer.routine_name, offer.stale) == ("band-day", "Band day", False)
    assert offer.saved_at == wall.now and offer.snapshot["index"] == 9
    assert offer.versions == {0: "no-band", 1: "knee-drive-no-band", 2: "no-band", 3: "bridge"}


def test_the_offer_leaves_out_the_set_in_a_rest_and_the_side_for_two_sided_work(log, small_plan, clock, wall):
    """In the rest before the knee drive no set is named; the glute bridge has no side."""
    stopped_at(log, small_plan, clock, wall, 16)
    assert find_resumable(log, now=wall).text == "Resume Band day: Banded knee drive — 6 min left"
    stopped_at(log, small_plan, clock, wall, 73)
    assert find_resumable(log, now=wall).text == "Resume Band day: Glute bridge, set 1 — 1 min left"


def test_the_last_seconds_still_say_one_minute_left(log, small_plan, clock, wall):
    """Under half a minute to go rounds to 0; the offer says 1 min, never 0."""
    session, _ = stopped_at(log, small_plan, clock, wall, 91)
    assert session.remaining_total() < 30
    assert find_resumable(log, now=wall).text == "Resume Band day: Glute bridge, set 2 — 1 min left"


def test_the_twelve_hour_limit_at_its_edge(log, small_plan, clock, wall):
    """Exactly 12 hours after the checkpoint it can still be resumed; a moment later only logged."""
    stopped_at(log, small_plan, clock, wall, 9)
    saved = wall.now
    assert STALE_AFTER_SECONDS == 12 * 3600
    wall.now = saved + 12 * 3600
    offer = find_resumable(log, now=wall)
    assert not offer.stale and offer.text == "Resume Band day: Banded side step, set 2, left — 7 min left"
    wall.now = saved + 12 * 3600 + 0.5
    offer = find_resumable(log, now=wall)
    assert offer.stale and offer.text == "Log what was done of Band day: stopped at Banded side step, set 2, left"


def test_the_newest_of_two_left_sessions_is_offered(log, small_plan, clock, wall):
    """Two sessions left open: the one stopped last is offered."""
    stopped_at(log, small_plan, clock, wall, 9)
    wall.now += 600
    _, newer = stopped_at(log, small_plan, clock, wall, 16)
    offer = find_resumable(log, now=wall)
    assert offer.session_id == newer.session_id
    assert offer.text == "Resume Band day: Banded knee drive — 6 min left"


def test_a_checkpoint_that_cannot_be_read_back_is_passed_over_and_kept(log, small_plan, clock, wall):
    """A damaged newest checkpoint: the older session is offered, and the damaged row stays in the log."""
    _, older = stopped_at(log, small_plan, clock, wall, 9)
    wall.now += 600
    _, newer = stopped_at(log, small_plan, clock, wall, 16)
    log.write(lambda db: db.execute("UPDATE checkpoints SET state = '{not json' WHERE session_id = ?",
                                    (newer.session_id,)))
    assert find_resumable(log, now=wall).session_id == older.session_id
    assert log.read("SELECT count(*) FROM checkpoints") == [(2,)]
    for broken in ('{"version": 999}', "[]"):
        log.write(lambda db, b=broken: db.execute("UPDATE checkpoints SET state = ? WHERE session_id = ?",
                                                  (b, newer.session_id)))
        assert find_resumable(log, now=wall).session_id == older.session_id
    log.write(lambda db: db.execute("UPDATE plans SET versions = '{\"x\": 1}' WHERE session_id = ?",
                                    (older.session_id,)))
    assert find_resumable(log, now=wall) is None


def test_a_session_written_by_this_very_process_is_offered_even_though_it_runs(log, small_plan, clock, wall):
    """The pid check skips other live windows, not this one (a session this window left)."""
    stopped_at(log, small_plan, clock, wall, 9)
    assert find_resumable(log, now=wall, alive=lambda pid: True) is not None


def test_a_checkpoint_of_a_process_that_has_ended_is_offered_and_a_live_ones_is_not(log, small_plan, clock, wall):
    """With the real process check: an exited child's checkpoint is offered, a running process's is not."""
    stopped_at(log, small_plan, clock, wall, 9)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    log.write(lambda db: db.execute("UPDATE checkpoints SET pid = ?", (child.pid,)))
    assert find_resumable(log, now=wall) is not None
    assert not resume_module._process_alive(child.pid)
    running = subprocess.Popen([sys.executable, "-c", WATCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert running.stdout.readline() == b"ready\n"
        log.write(lambda db: db.execute("UPDATE checkpoints SET pid = ?", (running.pid,)))
        assert find_resumable(log, now=wall) is None
        assert resume_module._process_alive(running.pid)
    finally:
        heard, _ = running.communicate(b"")
    assert heard == b""  # asking whether it runs sent it no signal


WATCHER = """
import signal, sys
for number in (signal.SIGHUP, signal.SIGINT, signal.SIGTERM, signal.SIGUSR1):
    signal.signal(number, lambda n, frame: print("signal", n, flush=True))
print("ready", flush=True)
sys.stdin.read()
"""


def test_a_process_of_another_user_counts_as_running(monkeypatch):
    """Not allowed to signal it means it exists: its checkpoint is not offered."""
    def refused(pid, signal):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(resume_module.os, "kill", refused)
    assert resume_module._process_alive(4242) is True


def test_resume_comes_back_paused_and_takes_the_checkpoint_over(log, small_plan, clock, wall):
    """The session comes back paused at its segment, and the checkpoint now names this process."""
    stopped_at(log, small_plan, clock, wall, 9)
    log.write(lambda db: db.execute("UPDATE checkpoints SET pid = 1"))
    offer = find_resumable(log, now=wall, alive=lambda pid: False)
    session, recorder = resume(log, offer, clock, base=small_plan, now=wall)
    assert session.state == "paused" and session.index == 9
    assert session.segment.exercise_name == "Banded side step" and session.segment.set == 2
    assert recorder.session_id == offer.session_id
    assert log.read("SELECT pid FROM checkpoints") == [(os.getpid(),)]
    assert offer.snapshot["state"] == "running"  # the offer itself is not changed


def test_a_paused_checkpoint_stays_paused_on_resume(log, small_plan, clock, wall):
    """A session saved while paused comes back paused too."""
    session, _ = stopped_at(log, small_plan, clock, wall, 9)
    session.pause()
    offer = find_resumable(log, now=wall)
    assert offer.snapshot["state"] == "paused"
    restored, _ = resume(log, offer, clock, base=small_plan, now=wall)
    assert restored.state == "paused"


def test_log_as_finished_ends_the_session_at_its_checkpoint_with_its_active_time(log, small_plan, clock, wall):
    """The session ends early at the checkpoint's time, counts the time worked, and is no longer offered."""
    stopped_at(log, small_plan, clock, wall, 9)
    offer = find_resumable(log, now=wall)
    offer = dataclasses.replace(offer, snapshot={**offer.snapshot, "carried": 4.5, "spent": [10.0, 1.5, 30.0]})
    sets_before = log.read("SELECT count(*) FROM sets")
    assert log_as_finished(log, offer)
    assert log.read("SELECT ended_at, outcome, active_seconds FROM sessions") == [(offer.saved_at, "ended early",
                                                                                     46.0)]
    assert log.read("SELECT count(*) FROM checkpoints") == [(0,)] and log.read("SELECT count(*) FROM plans") == [(0,)]
    assert log.read("SELECT count(*) FROM sets") == sets_before == [(2,)]
    assert find_resumable(log, now=wall) is None


def test_log_as_finished_without_time_counts_zero(log, small_plan, clock, wall):
    """A checkpoint that carries no time logs zero seconds of work."""
    stopped_at(log, small_plan, clock, wall, 9)
    offer = find_resumable(log, now=wall)
    bare = {k: v for k, v in offer.snapshot.items() if k not in ("carried", "spent")}
    assert log_as_finished(log, dataclasses.replace(offer, snapshot=bare))
    assert log.read("SELECT active_seconds FROM sessions") == [(0.0,)]


def test_discard_forgets_only_that_session(log, small_plan, clock, wall):
    """Discarding one left session removes its row, sets, plan and checkpoint; the other stays whole."""
    _, kept = stopped_at(log, small_plan, clock, wall, 9)
    _, dropped = stopped_at(log, small_plan, clock, wall, 9)
    assert discard(log, dropped.session_id)
    for table, key in (("sessions", "id"), ("sets", "session_id"), ("plans", "session_id"),
                       ("checkpoints", "session_id")):
        assert log.read(f"SELECT DISTINCT {key} FROM {table}") == [(kept.session_id,)], table
    assert log.read("SELECT count(*) FROM sets") == [(2,)]


def test_nothing_to_offer_on_an_empty_log_or_one_that_cannot_be_read(tmp_path, wall):
    """An empty log offers nothing; so does one that cannot be opened."""
    log = HistoryLog(tmp_path / "history.sqlite3")
    assert find_resumable(log, now=wall) is None
    log.close()
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()
    log = HistoryLog(folder)
    assert find_resumable(log, now=wall) is None
    log.close()


def test_the_checkpoint_snapshot_is_the_sessions_own(log, small_plan, clock, wall):
    """The offer's snapshot carries the segments and the counts the session had."""
    session, _ = stopped_at(log, small_plan, clock, wall, 9)
    offer = find_resumable(log, now=wall)
    assert len(offer.snapshot["segments"]) == len(small_plan.segments) == 93
    assert offer.snapshot["statuses"] == json.loads(json.dumps(session.snapshot()["statuses"]))


def test_sets_done_after_resuming_carry_the_checkpoints_versions_and_the_wall_clock(log, small_plan, clock, wall):
    """The progression recorded at the start is kept, the preview details come back, and sets are stamped now."""
    stopped_at(log, small_plan, clock, wall, 9)
    offer = dataclasses.replace(find_resumable(log, now=wall), versions={0: "side-step-as-started"})
    session, recorder = resume(log, offer, clock, base=small_plan, now=wall)
    assert session.plan.exercises == small_plan.exercises and session.plan.exercises
    session.subscribe(recorder)
    session.resume()
    while session.index < 12:  # the three reps of set 2, left
        clock.advance(1.5)
        wall.now += 1.5
        session.rep_done()
    assert log.read("SELECT version, side, set_number, outcome, at FROM sets ORDER BY id DESC LIMIT 1") == [
        ("side-step-as-started", "left", 2, "done", wall.now)]


def test_elsewhere_than_posix_every_left_session_is_offered(monkeypatch):
    """No cheap process check there: the offer is made, and a second window says so if it was running."""
    me = os.getpid()
    monkeypatch.setattr(resume_module.os, "name", "nt")
    assert resume_module._process_alive(me) is False


@pytest.mark.parametrize(("index", "text"), [
    (4, "Resume Band day: Banded side step, set 1, right — 8 min left"),  # 456 s to go
    (5, "Resume Band day: Banded side step, set 1, right — 7 min left"),  # 448 s to go
])
def test_the_minutes_left_are_rounded_to_the_nearest(log, small_plan, clock, wall, index, text):
    """7 min 36 s says 8 minutes, 7 min 28 s says 7."""
    stopped_at(log, small_plan, clock, wall, index)
    assert find_resumable(log, now=wall).text == text


def test_a_session_still_open_in_another_window_does_not_hide_an_older_left_one(log, small_plan, clock, wall):
    """The newest checkpoint belongs to a running window: the older one, whose window is gone, is offered."""
    _, older = stopped_at(log, small_plan, clock, wall, 9)
    wall.now += 600
    _, newer = stopped_at(log, small_plan, clock, wall, 16)
    log.write(lambda db: db.execute("UPDATE checkpoints SET pid = CASE session_id WHEN ? THEN 2 ELSE 3 END",
                                    (newer.session_id,)))
    offer = find_resumable(log, now=wall, alive=lambda pid: pid == 2)
    assert offer.session_id == older.session_id
    assert offer.text == "Resume Band day: Banded side step, set 2, left — 7 min left"


def test_a_session_is_described_for_resuming_unless_told_it_is_stale(small_plan, clock):
    """The words without the 12-hour question: the resume offer's."""
    session = Session(small_plan, clock)
    assert describe(session) == "Resume Band day: Banded side step — 8 min left"
    assert describe(session, stale=True) == "Log what was done of Band day: stopped at Banded side step"


def test_a_rest_made_longer_resumes_with_its_new_length(log, small_plan, clock, wall):
    """+15 s on the get-ready, then a crash: the resumed countdown has the 15 s, and its full length is 25 s."""
    session, _ = stopped_at(log, small_plan, clock, wall, 0)
    clock.advance(4)
    session.adjust_time(15)
    log.flush()
    offer = find_resumable(log, now=wall)
    resumed, _ = resume(log, offer, clock)
    assert resumed.remaining() == pytest.approx(21) and resumed.segment.seconds == 25


def test_reps_changed_then_a_crash_resume_with_the_new_counts(log, small_plan, clock, wall):
    """+/- in the first set, then a crash: the resumed session has the new counts and the same position."""
    session, _ = stopped_at(log, small_plan, clock, wall, 2)
    session.change_reps(5)
    log.flush()
    resumed, _ = resume(log, find_resumable(log, now=wall), clock)
    assert resumed.plan.segments == session.plan.segments and resumed.index == session.index
    assert resumed.statuses == session.statuses and resumed.current_reps() == 5
