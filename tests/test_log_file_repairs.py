"""The log's file after damage, a refusing disk, an upgrade or a newer HipFit: what the user sees and keeps."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import threading
import time
from datetime import datetime

import pytest

from hipfit_desktop.records import database, schema
from hipfit_desktop.records.database import FILE_NAME, HistoryLog, wall_clock

MORNING = datetime(2026, 11, 25, 9, 30, 5)


def insert_session(log, uid="a"):
    return log.write(lambda db: db.execute(
        "INSERT INTO sessions (uid, routine, routine_name, level, started_at) VALUES (?, 'r', 'R', 'beginner', 1)",
        (uid,)))


def uids(log):
    return [uid for (uid,) in log.read("SELECT uid FROM sessions ORDER BY uid")]


# --- damage -------------------------------------------------------------------------------------------------


def test_a_damaged_file_is_kept_with_its_wal_and_shm_byte_for_byte(tmp_path):
    """The file, its -wal and its -shm are all kept under the corrupt-<time> name; the new log has none of them."""
    path = tmp_path / FILE_NAME
    files = {"": b"not a database at all " * 100, "-wal": b"a write-ahead log " * 50, "-shm": b"shared " * 40}
    for extra, data in files.items():
        path.with_name(FILE_NAME + extra).write_bytes(data)
    log = HistoryLog(path, now=lambda: MORNING)
    aside = tmp_path / f"{FILE_NAME}.corrupt-20261125-093005"
    assert log.notice == (f"Your training log could not be read (file is not a database). It was kept as {aside} "
                          "and a new one was started.")
    for extra, data in files.items():
        assert aside.with_name(aside.name + extra).read_bytes() == data, extra
    assert log.problem is None and insert_session(log) and uids(log) == ["a"]
    log.close()


def test_a_damaged_file_without_companions_is_moved_aside_alone(tmp_path):
    """No -wal or -shm beside it: only the file is kept, and the name carries the time it was found."""
    path = tmp_path / FILE_NAME
    path.write_bytes(b"junk")
    log = HistoryLog(path)
    kept = sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name)
    assert len(kept) == 1 and re.fullmatch(re.escape(FILE_NAME) + r"\.corrupt-\d{8}-\d{6}", kept[0])
    assert (tmp_path / kept[0]).read_bytes() == b"junk"
    log.close()


def test_a_damaged_file_that_cannot_be_moved_is_left_alone_and_logging_is_off(tmp_path, monkeypatch):
    """Moving it aside fails: the file stays as it was, one message says why, nothing is written."""
    path = tmp_path / FILE_NAME
    path.write_bytes(b"junk" * 100)

    def refuse(path, suffix):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(database, "move_aside", refuse)
    log = HistoryLog(path)
    assert log.problem == log.notice == (
        f"HipFit's training log {path} is damaged (file is not a database) and could not be moved aside "
        "(Permission denied); it is left for you to look at, and this workout is not logged.")
    assert not insert_session(log) and log.read("SELECT 1") == [] and not log.writable
    log.close()
    assert path.read_bytes() == b"junk" * 100


def test_a_move_refused_without_an_error_number_says_the_error(tmp_path, monkeypatch):
    """An OSError with no strerror is said in its own words."""
    path = tmp_path / FILE_NAME
    path.write_bytes(b"junk")

    def refuse(path, suffix):
        raise OSError("no room for a second name")

    monkeypatch.setattr(database, "move_aside", refuse)
    log = HistoryLog(path)
    assert "could not be moved aside (no room for a second name); it is left" in log.notice
    log.close()


def test_a_damaged_page_met_by_a_write_is_checked_at_the_next_start(tmp_path):
    """A write that meets a damaged page leaves the mark; a start that finds the file sound removes it."""
    path = tmp_path / FILE_NAME
    mark = tmp_path / f"{FILE_NAME}.damaged"
    log = HistoryLog(path)
    insert_session(log)

    def meets_damage(db):
        raise sqlite3.DatabaseError("database disk image is malformed")

    assert not log.write(meets_damage) and mark.exists()
    log.close()
    log = HistoryLog(path)
    assert log.notice is None and not mark.exists() and uids(log) == ["a"]
    log.close()


def test_other_errors_leave_no_damage_mark(tmp_path):
    """A bad query or a refused write that is not damage does not make the next start check the whole file."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    assert log.read("SELECT nothing FROM nowhere") == []

    def refused(db):
        raise sqlite3.DatabaseError("something else")

    assert not log.write(refused)
    log.close()
    assert not (tmp_path / f"{FILE_NAME}.damaged").exists()


def test_a_damaged_page_met_by_a_read_is_marked(tmp_path, monkeypatch):
    """A read that meets a damaged page returns nothing and leaves the mark."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)

    class Damaged:
        def execute(self, sql, parameters):
            raise sqlite3.DatabaseError("database disk image is malformed")

    log._db = Damaged()
    assert log.read("SELECT 1") == []
    assert (tmp_path / f"{FILE_NAME}.damaged").exists()


def test_a_file_that_fails_the_full_check_is_moved_aside_with_the_check_in_the_message(tmp_path):
    """Damage inside the file, found by the check the mark asks for, is said and the file kept."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    for n in range(300):
        insert_session(log, uid=f"s{n}")
    log.write(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    log.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    (tmp_path / f"{FILE_NAME}.damaged").touch()
    log = HistoryLog(path, now=lambda: MORNING)
    aside = tmp_path / f"{FILE_NAME}.corrupt-20261125-093005"
    assert log.notice.startswith("Your training log could not be read (integrity check: ")
    assert log.notice.endswith(f"). It was kept as {aside} and a new one was started.")
    assert aside.read_bytes() == bytes(data) and uids(log) == []
    log.close()


# --- a disk or a file that refuses -------------------------------------------------------------------------


def test_a_log_that_cannot_be_opened_says_so_in_one_message(tmp_path):
    """A folder where the file should be: one message, nothing written, nothing offered."""
    path = tmp_path / FILE_NAME
    path.mkdir()
    log = HistoryLog(path)
    assert log.problem == log.notice == (f"HipFit cannot open its training log {path} (unable to open database "
                                         "file). Workouts go on; they are not logged.")
    assert not insert_session(log) and log.read("SELECT 1") == []
    log.close()


def test_an_upgrade_that_fails_leaves_the_log_readable_but_not_written(tmp_path, monkeypatch):
    """The step fails: logging is off with one message, the old sessions can still be read."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    insert_session(log, "kept")
    log.close()

    def broken(db):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    log = HistoryLog(path)
    assert log.problem == log.notice == (f"HipFit cannot open its training log {path} (disk I/O error). Workouts "
                                         "go on; they are not logged.")
    assert uids(log) == ["kept"] and not insert_session(log)
    log.close()


def test_a_bug_in_a_change_turns_logging_off_with_its_words_and_keeps_nothing_of_it(tmp_path):
    """Half a change is rolled back; the message names the file and the error; no listener, no raise."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)

    def half(db):
        db.execute("INSERT INTO sessions (uid, routine, routine_name, level, started_at) "
                   "VALUES ('half', 'r', 'R', 'b', 1)")
        raise ValueError("boom")

    assert not log.write(half)
    assert log.problem == (f"HipFit cannot write to its training log {path} (boom). The workout goes on; it is "
                           "not logged.")
    assert uids(log) == [] and not log.writable and not insert_session(log)
    log.close()
    assert not (tmp_path / f"{FILE_NAME}.damaged").exists()


def test_a_write_held_up_by_another_window_is_skipped_and_logging_stays_on(tmp_path, monkeypatch):
    """Another window holds the lock too long: that write is skipped, the next one goes in."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    path = tmp_path / FILE_NAME
    said = []
    log = HistoryLog(path, on_problem=said.append)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    assert not insert_session(log, "while-locked")
    assert time.monotonic() - started < 2  # its own wait (20 ms here), not SQLite's default of 5 s
    assert log.problem is None and log.writable and said == []
    other.execute("ROLLBACK")
    other.close()
    assert insert_session(log, "after") and uids(log) == ["after"]
    log.close()


def test_a_problem_is_said_to_the_listener_once(tmp_path):
    """Two failing writes: the listener hears of the first only."""
    said = []
    log = HistoryLog(tmp_path / FILE_NAME, on_problem=said.append)

    def broken(db):
        raise OSError(28, "No space left on device")

    assert not log.write(broken) and not log.write(broken)
    assert said == [log.problem] and "No space left on device" in log.problem
    log.close()


# --- the writer thread -------------------------------------------------------------------------------------


def test_queued_writes_run_in_order_and_flush_waits_for_them(tmp_path):
    """With the writer started, writes return at once; after a flush all are in, in order."""
    log = HistoryLog(tmp_path / FILE_NAME)
    log.start_writer()
    log.start_writer()  # a second call changes nothing
    order = []
    for n in range(20):
        assert log.write(lambda db, n=n: (order.append(n), insert_session_on(db, f"q{n:02}")))
    log.flush()
    assert order == list(range(20)) and len(uids(log)) == 20
    log.close()
    assert not log.write(lambda db: None)


def insert_session_on(db, uid):
    db.execute("INSERT INTO sessions (uid, routine, routine_name, level, started_at) VALUES (?, 'r', 'R', 'b', 1)",
               (uid,))


def test_a_queued_write_that_fails_turns_logging_off_and_waiting_says_so(tmp_path):
    """`wait=True` returns the write's own outcome; after a failure every queued write is refused."""
    said = []
    log = HistoryLog(tmp_path / FILE_NAME, on_problem=said.append)
    log.start_writer()
    assert log.write(lambda db: insert_session_on(db, "first"), wait=True) is True

    def broken(db):
        raise ValueError("bug")

    assert log.write(broken, wait=True) is False
    assert not log.write(lambda db: insert_session_on(db, "late"))
    log.flush()
    assert uids(log) == ["first"] and len(said) == 1
    log.close()


def test_the_writer_thread_deletes_a_sessions_sets_with_it(tmp_path):
    """The writer's own connection keeps the foreign keys: a deleted session takes its sets along."""
    log = HistoryLog(tmp_path / FILE_NAME)
    log.start_writer()
    log.write(lambda db: insert_session_on(db, "s"))
    log.write(lambda db: db.execute(
        "INSERT INTO sets (session_id, position, exercise, version, set_number, sets_planned, outcome, at) "
        "SELECT id, 0, 'clamshell', 'v', 1, 2, 'done', 1 FROM sessions"))
    assert log.write(lambda db: db.execute("DELETE FROM sessions"), wait=True)
    assert log.read("SELECT count(*) FROM sets") == [(0,)]
    log.close()


def test_a_writer_is_not_started_on_a_log_that_cannot_be_written(tmp_path):
    """A newer log: writes still return False, with or without the writer."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    log.write(lambda db: db.execute("PRAGMA user_version = 5"))
    log.close()
    log = HistoryLog(path)
    log.start_writer()
    assert log.write(lambda db: None, wait=True) is False
    log.flush()
    log.close()


# --- folders and versions ----------------------------------------------------------------------------------


def test_new_folders_are_private_and_an_open_folder_is_made_private(tmp_path):
    """Missing parents are made (0700); an existing folder others can read is closed to 0700."""
    deep = tmp_path / "a" / "b" / FILE_NAME
    HistoryLog(deep).close()
    assert stat.S_IMODE(deep.parent.stat().st_mode) == 0o700
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)
    HistoryLog(shared / FILE_NAME).close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o700
    assert stat.S_IMODE((shared / FILE_NAME).stat().st_mode) == 0o600


def test_a_log_from_a_newer_hipfit_says_its_versions(tmp_path):
    """The message names the file, its version and the one this HipFit knows; nothing is written."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    insert_session(log)
    newer = schema.SCHEMA_VERSION + 1
    log.write(lambda db: db.execute(f"PRAGMA user_version = {newer}"))
    log.close()
    log = HistoryLog(path)
    assert log.problem == log.notice == (
        f"Your training log {path} was written by a newer HipFit (log version {newer}; this one knows up to "
        f"{schema.SCHEMA_VERSION}). It is "
        "left as it is; workouts are not logged.")
    assert uids(log) == ["a"] and not log.writable
    log.close()


NOW = schema.SCHEMA_VERSION


@pytest.mark.parametrize(("earlier", "expected"), [
    ((f".v{NOW}-backup",), f".v{NOW}-backup-2"),
    ((f".v{NOW}-backup", f".v{NOW}-backup-2"), f".v{NOW}-backup-3"),
])
def test_an_upgrade_says_so_and_keeps_a_private_copy_under_a_free_name(tmp_path, monkeypatch, earlier, expected):
    """Earlier copies are never overwritten: the next is -2, then -3; it is 0600 and holds the old sessions."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    insert_session(log, "old")
    log.close()
    for name in earlier:
        (tmp_path / f"{FILE_NAME}{name}").write_bytes(b"an earlier copy")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, lambda db: None])
    log = HistoryLog(path)
    backup = tmp_path / f"{FILE_NAME}{expected}"
    assert log.notice == (f"Your training log was upgraded from version {NOW} to {NOW + 1}; the old one is kept as "
                          f"{backup}.")
    assert log.problem is None and log.read("PRAGMA user_version") == [(NOW + 1,)]
    log.close()
    for name in earlier:
        assert (tmp_path / f"{FILE_NAME}{name}").read_bytes() == b"an earlier copy"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT uid FROM sessions").fetchall() == [("old",)]
    copy.close()


def test_a_version_0_file_with_tables_is_backed_up_before_the_schema_is_added(tmp_path):
    """A database of someone else's tables at version 0 is copied first, then given the log's tables."""
    path = tmp_path / FILE_NAME
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.execute("INSERT INTO notes VALUES ('mine')")
    other.commit()
    other.close()
    log = HistoryLog(path)
    backup = tmp_path / f"{FILE_NAME}.v0-backup"
    assert log.notice == (f"Your training log was upgraded from version 0 to {schema.SCHEMA_VERSION}; the old one is "
                          f"kept as {backup}.")
    assert log.read("SELECT text FROM notes") == [("mine",)] and insert_session(log)
    log.close()
    copy = sqlite3.connect(backup)
    assert copy.execute("SELECT text FROM notes").fetchall() == [("mine",)]
    copy.close()


def test_a_new_log_makes_no_backup(tmp_path):
    """Nothing to keep: no copy, no message."""
    log = HistoryLog(tmp_path / FILE_NAME)
    assert log.notice is None
    log.close()
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def test_an_empty_file_is_a_new_log(tmp_path):
    """A zero-byte file (made by a crash at the first start) becomes the log, with no message."""
    path = tmp_path / FILE_NAME
    path.touch()
    log = HistoryLog(path)
    assert log.notice is None and insert_session(log)
    log.close()


def test_the_wall_clock_is_now():
    """Sessions and sets are stamped with the time of day."""
    before = time.time()
    assert before <= wall_clock() <= time.time()


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_the_log_file_is_created_private_before_sqlite_opens_it(tmp_path, monkeypatch):
    """Even with a permissive umask the file is 0600."""
    old = os.umask(0)
    try:
        HistoryLog(tmp_path / FILE_NAME).close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / FILE_NAME).stat().st_mode) == 0o600


def test_a_queued_write_held_up_by_another_window_is_skipped_and_logging_stays_on(tmp_path, monkeypatch):
    """On the writer thread too, a lock held too long skips that write only."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 20)
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    log.start_writer()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    assert log.write(lambda db: insert_session_on(db, "while-locked"), wait=True) is False
    assert time.monotonic() - started < 2  # its own wait (20 ms here), not SQLite's default of 5 s
    assert log.problem is None
    other.execute("ROLLBACK")
    other.close()
    assert log.write(lambda db: insert_session_on(db, "after"), wait=True) is True
    assert uids(log) == ["after"]
    log.close()


def test_the_writer_is_one_background_thread_that_ends_with_the_log(tmp_path):
    """It is named for the log, does not keep the app from quitting, and is gone after close."""
    log = HistoryLog(tmp_path / FILE_NAME)
    log.start_writer()
    writers = [t for t in threading.enumerate() if t.name == "hipfit-log-writer"]
    assert len(writers) == 1 and writers[0].daemon
    log.close()
    assert not writers[0].is_alive()


def test_the_log_can_be_read_from_another_thread(tmp_path):
    """The window's helpers may read the log off the thread that opened it."""
    log = HistoryLog(tmp_path / FILE_NAME)
    insert_session(log, "x")
    seen = []
    reader = threading.Thread(target=lambda: seen.append(uids(log)))
    reader.start()
    reader.join()
    assert seen == [["x"]]
    log.close()


def test_a_new_log_that_cannot_be_started_after_the_move_says_so(tmp_path, monkeypatch):
    """The damaged file is kept, but the fresh one cannot be made: one message, nothing logged."""
    path = tmp_path / FILE_NAME
    path.write_bytes(b"junk")
    real_move = database.move_aside

    def move_then_block(path, suffix):
        aside = real_move(path, suffix)
        path.mkdir()  # something else takes the name at once
        return aside

    monkeypatch.setattr(database, "move_aside", move_then_block)
    log = HistoryLog(path)
    assert log.problem == log.notice == (f"HipFit cannot open its training log {path} (unable to open database "
                                         "file). Workouts go on; they are not logged.")
    assert [p.read_bytes() for p in tmp_path.glob(f"{FILE_NAME}.corrupt-*")] == [b"junk"]
    log.close()


def test_a_writer_that_cannot_open_the_file_turns_logging_off_instead_of_hanging(tmp_path):
    """The file is replaced by a folder before the writer starts: writes say False, flush and close return."""
    path = tmp_path / FILE_NAME
    said = []
    log = HistoryLog(path, on_problem=said.append)
    path.rename(tmp_path / "moved-away.sqlite3")
    path.mkdir()
    log.start_writer()
    assert log.write(lambda db: insert_session_on(db, "lost"), wait=True) is False
    assert not log.write(lambda db: insert_session_on(db, "lost too"))
    log.flush()
    assert said == [log.problem] and log.problem == (
        f"HipFit cannot write to its training log {path} (unable to open database file). The workout goes on; "
        "it is not logged.")
    log.close()


def test_damage_met_after_the_folder_went_away_never_raises(tmp_path):
    """No place for the damage mark: the write still just says False and logging goes off."""
    folder = tmp_path / "data"
    log = HistoryLog(folder / FILE_NAME)
    folder.rename(tmp_path / "gone")

    def meets_damage(db):
        raise sqlite3.DatabaseError("database disk image is malformed")

    assert log.write(meets_damage) is False and log.problem is not None
    log.close()


def test_writes_queued_before_a_failure_are_refused_after_it(tmp_path):
    """Logging off means off: a change already waiting behind the failing one is not written, and says so."""
    log = HistoryLog(tmp_path / FILE_NAME)
    log.start_writer()
    gate = threading.Event()
    log.write(lambda db: gate.wait())  # hold the writer while the next changes queue up behind

    def broken(db):
        raise ValueError("bug")

    assert log.write(broken) and log.write(lambda db: insert_session_on(db, "late"))
    answers = []
    waiting = threading.Thread(target=lambda: answers.append(log.write(lambda db: insert_session_on(db, "later"),
                                                                       wait=True)))
    waiting.start()
    while log._queue.qsize() < 3:  # broken, late, later (the writer holds the first)
        time.sleep(0)
    gate.set()
    waiting.join()
    log.flush()
    assert answers == [False] and uids(log) == [] and log.problem is not None
    log.close()


def test_a_change_that_ends_its_own_transaction_and_fails_is_said_in_its_own_words(tmp_path):
    """The failure the user is told about is the change's, not the rollback that then has nothing to undo."""
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)

    def commits_then_fails(db):
        db.execute("COMMIT")
        raise ValueError("boom after commit")

    assert not log.write(commits_then_fails)
    assert log.problem == (f"HipFit cannot write to its training log {path} (boom after commit). The workout goes "
                           "on; it is not logged.")
    log.close()


def test_a_data_folder_that_cannot_be_made_says_why(tmp_path):
    """A file where the data folder's parent should be: the message carries the system's own reason."""
    (tmp_path / "home").write_text("a file, not a folder")
    path = tmp_path / "home" / "data" / FILE_NAME
    log = HistoryLog(path)
    assert log.problem == log.notice == (
        f"HipFit cannot open its training log {path} ([Errno 20] Not a directory: '{path.parent}'). Workouts go "
        "on; they are not logged.")
    assert not insert_session(log) and log.read("SELECT 1") == []
    log.close()


def test_a_folder_whose_mode_cannot_be_changed_still_holds_the_log(tmp_path, monkeypatch):
    """A shared data folder owned by someone else (chmod refused): the log opens and writes all the same."""
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)

    def refused(path, mode):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(database.os, "chmod", refused)
    log = HistoryLog(folder / FILE_NAME)
    assert log.notice is None and insert_session(log) and uids(log) == ["a"]
    log.close()
