"""The training log's file: `history.sqlite3` in the user data folder. Pure Python (standard library sqlite3).

    log = HistoryLog()                     # user_paths().data / history.sqlite3; never raises
    log.notice                             # tell the user once: moved aside, upgraded, newer, cannot write
    log.write(lambda db: db.execute(...))  # one transaction; False (and logging off) when the disk refuses

WAL mode, `synchronous=NORMAL`: a commit is a write into the WAL without an fsync (tens of microseconds), so
the timer never waits for the disk; SQLite's checkpoints fsync it. A killed process loses nothing committed;
power loss can lose the last few seconds, never the file (docs/DECISIONS.md, "Training log").

Schema changes are `MIGRATIONS[n]` (version n -> n+1, in one transaction), after a backup copy of the file.
A file that is not a database is moved aside, byte for byte with its -wal and -shm, and a new one started. A
read-only or full disk turns logging off with one message; nothing here raises into the workout.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from ..settings.store import move_aside
from ..system.paths import user_paths
from ..system.safe_files import UnsafeFile
from . import schema

FILE_NAME = "history.sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"  # the first 16 bytes of every SQLite database
BUSY_TIMEOUT_MS = 1000  # another window writing: wait this long, then skip this write (not turn logging off)

class LogError(Exception):
    """The database refused (read-only, full, damaged, locked); the message says what and where."""


class HistoryLog:
    """One connection to the training log. Not a singleton: the app makes one and passes it in.

    `notice`: one message for the user about the file (None when all is well). `problem`: why logging is off
    (None while it is on); `on_problem` is called once when it turns off mid-session.
    """

    def __init__(self, path: Path | None = None, now: Callable[[], datetime] = datetime.now,
                 on_problem: Callable[[str], None] | None = None) -> None:
        self.path = path if path is not None else user_paths().data / FILE_NAME
        self.on_problem = on_problem
        self.notice: str | None = None
        self.problem: str | None = None
        self._now = now
        self._db: sqlite3.Connection | None = None
        self._queue: queue.SimpleQueue[Any] | None = None
        self._writer: threading.Thread | None = None
        self._open()

    # --- reading and writing ------------------------------------------------------------------------------

    @property
    def _damaged_mark(self) -> Path:
        return self.path.with_name(self.path.name + ".damaged")

    def _note_damage(self, exc: BaseException) -> None:
        """A damaged page met mid-session: the next start checks the whole file and moves it aside if so."""
        if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
            with suppress(OSError):
                self._damaged_mark.touch()

    @property
    def writable(self) -> bool:
        return self._db is not None and self.problem is None

    def write(self, change: Callable[[sqlite3.Connection], Any], wait: bool = False) -> bool:
        """Run `change` in one transaction. False, with logging turned off and said once, if the disk refuses;
        False without turning it off when another window holds the lock longer than BUSY_TIMEOUT_MS.

        With the writer thread started, the change is queued and True returned at once (unless `wait`): the
        changes run in order, each in its own transaction, and the caller never waits for the disk."""
        if not self.writable:
            return False
        if self._queue is None:
            assert self._db is not None
            return self._write_on(self._db, change)
        done = threading.Event() if wait else None
        result: list[bool] = []
        self._queue.put((change, done, result))
        if done is None:
            return True
        done.wait()
        return result[0]

    def start_writer(self) -> None:
        """From now on writes run on a thread of their own (benchmarks/log_writes.py: p99 > 2 ms inline)."""
        if self._queue is not None or not self.writable:
            return
        self._queue = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write_queued, name="hipfit-log-writer", daemon=True)
        self._writer.start()

    def flush(self) -> None:
        """Wait until every queued write has run."""
        if self._queue is not None:
            done = threading.Event()
            self._queue.put((lambda db: None, done, []))
            done.wait()

    def read(self, sql: str, parameters: tuple[Any, ...] | dict[str, Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; [] when the log cannot be read (the notice or problem says why)."""
        if self._db is None:
            return []
        try:
            return self._db.execute(sql, parameters).fetchall()
        except sqlite3.Error as exc:
            self._note_damage(exc)
            return []

    def close(self) -> None:
        if self._queue is not None and self._writer is not None:
            self._queue.put(None)
            self._writer.join()
            self._queue = self._writer = None
        if self._db is not None:
            with suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _write_queued(self) -> None:
        assert self._queue is not None
        db: sqlite3.Connection | None = None
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:  # the thread must live on: `flush` and `write(wait=True)` wait for its answer
            self._turn_off(exc)
        while (item := self._queue.get()) is not None:
            change, done, result = item
            result.append(self._write_on(db, change) if db is not None and self.problem is None else False)
            if done is not None:
                done.set()
        if db is not None:
            db.close()

    def _write_on(self, db: sqlite3.Connection, change: Callable[[sqlite3.Connection], Any]) -> bool:
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                change(db)
                db.execute("COMMIT")
            except BaseException:
                with suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return False
            self._turn_off(exc)
            return False
        except Exception as exc:  # noqa: BLE001 - the disk (sqlite3.Error, OSError) or a bug: never the workout
            self._note_damage(exc)
            self._turn_off(exc)
            return False
        return True

    def _turn_off(self, exc: BaseException) -> None:
        if self.problem is not None:
            return
        self.problem = (f"HipFit cannot write to its training log {self.path} ({exc}). The workout goes on; "
                        "it is not logged.")
        if self.on_problem is not None:
            self.on_problem(self.problem)

    # --- opening ------------------------------------------------------------------------------------------

    def _open(self) -> None:
        try:
            self._connect()
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and not _damaged(exc):
                self._give_up(exc)  # cannot open or write (permissions, full disk): not the file's fault
                return
            self.close()
            try:
                aside = self._move_aside()
            except OSError as why:
                self.problem = (f"HipFit's training log {self.path} is damaged ({exc}) and could not be moved "
                                f"aside ({why.strerror or why}); it is left for you to look at, and this workout "
                                "is not logged.")
                self.notice = self.problem
                return
            try:
                self._connect()
            except sqlite3.Error as again:
                self._give_up(again)
                return
            self.notice = (f"Your training log could not be read ({exc}). It was kept as {aside} and a new one "
                           "was started.")
        except OSError as exc:
            self._give_up(exc)

    def _give_up(self, exc: BaseException) -> None:
        self.close()
        self.problem = (f"HipFit cannot open its training log {self.path} ({exc}). Workouts go on; they are not "
                        "logged.")
        self.notice = self.problem
        with suppress(sqlite3.Error):  # reading may still work (a read-only file)
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
            self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def _connect(self) -> None:
        folder = self.path.parent
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        with suppress(OSError):
            if folder.stat().st_mode & 0o077:
                os.chmod(folder, 0o700)
        if self.path.is_symlink():  # SQLite would write wherever it points
            raise UnsafeFile(self.path, "it is a symbolic link, and HipFit does not write through links")
        if not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # -wal/-shm copy the mode
        header = b""
        with suppress(OSError), open(self.path, "rb") as file:  # unreadable: SQLite says why, in its words
            header = file.read(len(SQLITE_HEADER))
        if header and header != SQLITE_HEADER:  # before SQLite opens it: closing it would delete its -wal and -shm
            raise sqlite3.DatabaseError("file is not a database")
        db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                             check_same_thread=False)
        self._db = db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a damaged header or schema fails here
        if self._damaged_mark.exists():  # a read or write hit a damaged page last time: check it all (slow)
            check = db.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check: {check}")
            with suppress(OSError):
                self._damaged_mark.unlink()
        db.execute("PRAGMA foreign_keys = ON")
        current = len(schema.MIGRATIONS)
        if version > current:
            self.problem = (f"Your training log {self.path} was written by a newer HipFit (log version {version}; "
                            f"this one knows up to {current}). It is left as it is; workouts are not logged.")
            self.notice = self.problem
            return
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode != "wal":
            raise sqlite3.OperationalError(f"cannot switch the log to WAL mode (it stays in {mode} mode)")
        db.execute("PRAGMA synchronous = NORMAL")
        if version < current:
            self._migrate(db, version)

    def _migrate(self, db: sqlite3.Connection, version: int) -> None:
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version > 0 or tables:  # an existing log: keep a copy of it as it was before any step runs
            backup = _free_name(self.path, f"v{version}-backup")
            target = sqlite3.connect(backup)
            try:
                db.backup(target)
            finally:
                target.close()
            os.chmod(backup, 0o600)
            self.notice = (f"Your training log was upgraded from version {version} to {len(schema.MIGRATIONS)}; "
                           f"the old one is kept as {backup}.")
        db.execute("BEGIN IMMEDIATE")
        try:
            for step in schema.MIGRATIONS[version:]:
                step(db)
            db.execute(f"PRAGMA user_version = {len(schema.MIGRATIONS)}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _move_aside(self) -> Path:
        suffix = f"corrupt-{self._now():%Y%m%d-%H%M%S}"
        aside = move_aside(self.path, suffix)
        for extra in ("-wal", "-shm"):  # a stale WAL must not be replayed into the new file
            companion = self.path.with_name(self.path.name + extra)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + extra))
        return aside


def _damaged(exc: sqlite3.OperationalError) -> bool:
    return "malformed" in str(exc) or "not a database" in str(exc)


def _free_name(path: Path, suffix: str) -> Path:
    candidate = path.with_name(f"{path.name}.{suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{suffix}-{number}")
        number += 1
    return candidate


def wall_clock() -> float:
    return time.time()
