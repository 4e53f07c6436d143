"""The training log's schema: `MIGRATIONS[n]` takes the file from version n to n + 1 (`PRAGMA user_version`).

Version 1: sessions, one row per set and side, the plan and checkpoint of a session in progress, and
`weekly`, volume per exercise and week kept up to date by triggers, so the history page's charts read a few
thousand rows instead of every set of ten years.

Version 2: the coach's inputs and memory: `ratings` (effort, pain and the harder side of each exercise in a
session, each optional), `mornings` (how the hips felt the morning after a session), `put_off` (suggestions
the user answered "Not yet", with the sessions logged at that moment).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Weeks start on Monday, local time; week 0 is the one of Monday 2001-01-01.
WEEK = "CAST((julianday({at}, 'unixepoch', 'localtime') - julianday('2001-01-01')) / 7 AS INTEGER)"
VOLUME = "coalesce({row}.reps_done, 0) + coalesce({row}.seconds_done, 0)"


def _count_in(row: str) -> str:
    week = WEEK.format(at=f"{row}.at")
    # Not INSERT OR IGNORE: inside a trigger the outer statement's conflict policy (the recorder's upsert)
    # would override the IGNORE.
    return (f"INSERT INTO weekly (exercise, week, sets, volume, version, last_at) "
            f"SELECT {row}.exercise, {week}, 0, 0, {row}.version, {row}.at WHERE NOT EXISTS "
            f"(SELECT 1 FROM weekly WHERE exercise = {row}.exercise AND week = {week}); "
            f"UPDATE weekly SET sets = sets + 1, volume = volume + {VOLUME.format(row=row)}, "
            f"version = CASE WHEN {row}.at >= last_at THEN {row}.version ELSE version END, "
            f"last_at = max(last_at, {row}.at) WHERE exercise = {row}.exercise AND week = {week};")


def _count_out(row: str) -> str:
    week = WEEK.format(at=f"{row}.at")
    return (f"UPDATE weekly SET sets = sets - 1, volume = volume - ({VOLUME.format(row=row)}) "
            f"WHERE exercise = {row}.exercise AND week = {week};")


def _to_v1(db: sqlite3.Connection) -> None:
    for statement in (
        """CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,           -- stable across export/import: merging never duplicates
            routine TEXT NOT NULL,
            routine_name TEXT NOT NULL,
            level TEXT NOT NULL,
            started_at REAL NOT NULL,           -- wall clock, Unix seconds
            ended_at REAL,                      -- NULL while in progress (or after a crash, until resumed)
            outcome TEXT CHECK (outcome IN ('finished', 'ended early')),
            active_seconds REAL)""",
        "CREATE INDEX sessions_by_start ON sessions (started_at)",
        """CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,          -- the exercise's place in the routine
            exercise TEXT NOT NULL,
            version TEXT NOT NULL,              -- the progression done
            side TEXT NOT NULL DEFAULT '',      -- 'left', 'right', or '' for both sides at once
            set_number INTEGER NOT NULL,
            sets_planned INTEGER NOT NULL,
            reps_planned INTEGER,               -- NULL for timed work
            reps_done INTEGER,
            hold_seconds INTEGER,               -- the hold or pause at the top of each rep, if any
            seconds_planned INTEGER,            -- timed work
            seconds_done REAL,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'ended early', 'skipped')),
            at REAL NOT NULL,                   -- wall clock when the set was left
            UNIQUE (session_id, position, set_number, side))""",
        "CREATE INDEX sets_by_exercise ON sets (exercise, at)",
        """CREATE TABLE weekly (
            exercise TEXT NOT NULL,
            week INTEGER NOT NULL,
            sets INTEGER NOT NULL,              -- sets done (each side counts)
            volume REAL NOT NULL,               -- reps done, or seconds of timed work
            version TEXT NOT NULL,              -- the version of the week's last set
            last_at REAL NOT NULL,
            PRIMARY KEY (exercise, week)) WITHOUT ROWID""",
        f"CREATE TRIGGER sets_in AFTER INSERT ON sets WHEN new.outcome = 'done' BEGIN {_count_in('new')} END",
        f"CREATE TRIGGER sets_out AFTER DELETE ON sets WHEN old.outcome = 'done' BEGIN {_count_out('old')} END",
        f"CREATE TRIGGER sets_was AFTER UPDATE ON sets WHEN old.outcome = 'done' BEGIN {_count_out('old')} END",
        f"CREATE TRIGGER sets_now AFTER UPDATE ON sets WHEN new.outcome = 'done' BEGIN {_count_in('new')} END",
        # A session in progress: its plan (hundreds of kB, written when it changes) apart from its checkpoint
        # (about 15 kB, written at every segment start), so a checkpoint never rewrites the plan's pages.
        """CREATE TABLE plans (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            segments TEXT NOT NULL,             -- the session's segments (JSON)
            versions TEXT NOT NULL)             -- progression per exercise position (JSON)""",
        """CREATE TABLE checkpoints (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            state TEXT NOT NULL,                -- Session.snapshot(segments=False) (JSON)
            saved_at REAL NOT NULL,             -- wall clock
            pid INTEGER NOT NULL)               -- the process writing it: a live one is not offered for resume""",
    ):
        db.execute(statement)


def _to_v2(db: sqlite3.Connection) -> None:
    for statement in (
        """CREATE TABLE ratings (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,          -- the exercise's place in the routine
            exercise TEXT NOT NULL,
            effort TEXT CHECK (effort IN ('easy', 'about right', 'hard')),
            pain TEXT CHECK (pain IN ('none', 'a little', 'too much')),
            harder_side TEXT CHECK (harder_side IN ('left', 'right')),
            PRIMARY KEY (session_id, position))""",
        """CREATE TABLE mornings (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            feeling TEXT CHECK (feeling IN ('fine', 'sore', 'painful')))  -- NULL: asked, not answered""",
        """CREATE TABLE put_off (
            suggestion TEXT PRIMARY KEY,        -- Suggestion.key: exercise:kind:value
            sessions_logged INTEGER NOT NULL)   -- sessions in the log when the user said "Not yet" """,
    ):
        db.execute(statement)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_to_v1, _to_v2]
SCHEMA_VERSION = len(MIGRATIONS)
