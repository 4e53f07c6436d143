"""The log's file: WAL, versions and migrations, permissions, damaged, read-only, newer and shared files."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime

import pytest

from hipfit_desktop.records import schema
from hipfit_desktop.records.database import FILE_NAME, HistoryLog


def insert_session(log, uid="a"):
    return log.write(lambda db: db.execute(
        "INSERT INTO sessions (uid, routine, routine_name, level, started_at) VALUES (?, 'r', 'R', 'beginner', 1)",
        (uid,)))


def test_a_new_log_lives_in_the_data_folder_in_wal_mode_with_private_permissions(hipfit_home):
    """HIPFIT_HOME is respected; the folder is 0700, the file 0600, the journal WAL, the schema version 1."""
    log = HistoryLog()
    assert log.path == hipfit_home / "data" / FILE_NAME
    assert insert_session(log) and log.notice is None and log.problem is None
    assert stat.S_IMODE(log.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.path.with_name(FILE_NAME + "-wal").stat().st_mode) == 0o600
    assert log.read("PRAGMA journal_mode") == [("wal",)]
    assert log.read("PRAGMA user_version") == [(schema.SCHEMA_VERSION,)]
    log.close()


def test_an_upgrade_backs_up_the_old_file_first_and_runs_the_steps_in_order(tmp_path, monkeypatch):
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    insert_session(log)
    log.close()
    ran = []

    def to_v2(db):
        ran.append(db.execute("PRAGMA user_version").fetchone()[0])
        db.execute("ALTER TABLE sessions ADD COLUMN rating INTEGER")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, to_v2])
    log = HistoryLog(path)
    now = schema.SCHEMA_VERSION
    assert ran == [now] and f"upgraded from version {now} to {now + 1}" in log.notice
    assert log.read("PRAGMA user_version") == [(now + 1,)] and log.read("SELECT rating FROM sessions") == [(None,)]
    backup = sqlite3.connect(tmp_path / f"{FILE_NAME}.v{now}-backup")
    assert backup.execute("SELECT uid FROM sessions").fetchall() == [("a",)]
    assert backup.execute("PRAGMA user_version").fetchone() == (now,)
    backup.close()
    log.close()


def test_a_failing_step_leaves_the_file_at_its_version(tmp_path, monkeypatch):
    path = tmp_path / FILE_NAME
    HistoryLog(path).close()

    def broken(db):
        db.execute("ALTER TABLE sessions ADD COLUMN half INTEGER")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    log = HistoryLog(path)
    assert log.problem and not insert_session(log)
    log.close()
    monkeypatch.undo()
    log = HistoryLog(path)
    assert log.read("PRAGMA user_version") == [(schema.SCHEMA_VERSION,)] and insert_session(log)
    log.close()


def test_a_damaged_file_is_kept_byte_for_byte_and_a_new_log_started(tmp_path):
    path = tmp_path / FILE_NAME
    junk = b"this is not a database" * 200
    path.write_bytes(junk)
    log = HistoryLog(path, now=lambda: datetime(2026, 11, 25, 9, 30))
    aside = tmp_path / f"{FILE_NAME}.corrupt-20261125-093000"
    assert aside.read_bytes() == junk
    assert log.notice.count("\n") == 0 and str(aside) in log.notice
    assert insert_session(log) and log.problem is None
    log.close()


def test_a_log_damaged_inside_is_moved_aside_with_its_wal(tmp_path):
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    for n in range(300):
        insert_session(log, uid=f"s{n}")
    log.write(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    log.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # scribble over the second page
    path.write_bytes(bytes(data))
    log = HistoryLog(path)  # opening reads only the first page: the damage shows when a read meets it
    assert log.notice is None and log.read("SELECT count(*) FROM sessions WHERE routine = 'r'") == []
    log.close()
    log = HistoryLog(path)
    assert log.notice and "kept as" in log.notice
    assert list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))[0].read_bytes() == bytes(data)
    assert insert_session(log)
    log.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_turns_logging_off_with_one_message(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        log = HistoryLog(folder / FILE_NAME)
        assert log.problem and "not logged" in log.notice
        assert not insert_session(log)
        assert log.read("SELECT 1") == []
        log.close()
    finally:
        folder.chmod(0o700)


def test_a_log_that_refuses_writes_mid_session_turns_logging_off_once(tmp_path):
    """As a read-only file does (simulated: the tests may run as root, who can write anywhere)."""
    said = []
    log = HistoryLog(tmp_path / FILE_NAME, on_problem=said.append)
    log._db.execute("PRAGMA query_only = ON")
    assert not insert_session(log) and not insert_session(log)
    assert len(said) == 1 and "readonly" in said[0] and not log.writable
    log.close()


def test_a_full_disk_mid_session_is_said_once_and_never_raises(tmp_path):
    said = []
    log = HistoryLog(tmp_path / FILE_NAME, on_problem=said.append)
    log.write(lambda db: db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}"))
    big = "x" * 100_000
    for n in range(3):
        assert not log.write(lambda db, n=n: db.execute(
            "INSERT INTO sessions (uid, routine, routine_name, level, started_at) VALUES (?, ?, 'R', 'b', 1)",
            (f"u{n}", big)))
    assert len(said) == 1 and "full" in said[0]
    log.close()


def test_a_log_from_a_newer_hipfit_is_read_but_never_written(tmp_path):
    path = tmp_path / FILE_NAME
    log = HistoryLog(path)
    insert_session(log)
    log.write(lambda db: db.execute("PRAGMA user_version = 9"))
    log.close()
    before = path.read_bytes()
    log = HistoryLog(path)
    assert "newer HipFit" in log.notice and not insert_session(log)
    assert log.read("SELECT uid FROM sessions") == [("a",)]
    log.close()
    assert path.read_bytes() == before


def test_two_windows_write_to_one_log_safely(tmp_path):
    """Two connections interleave writes; nothing is lost and the file checks out."""
    first, second = HistoryLog(tmp_path / FILE_NAME), HistoryLog(tmp_path / FILE_NAME)
    for n in range(50):
        assert insert_session(first, f"first-{n}") and insert_session(second, f"second-{n}")
    assert first.read("SELECT count(*) FROM sessions") == [(100,)]
    assert second.read("PRAGMA integrity_check") == [("ok",)]
    first.close()
    second.close()
