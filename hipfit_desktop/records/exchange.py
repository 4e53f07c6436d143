"""Export and import: CSV (one row per set) and a versioned JSON backup (history with the coach's ratings,
morning-after answers and "Not yet"s, settings, user routines).

Import reads the whole file and checks every field (types, bounds, sizes, names) before it changes anything;
a bad, truncated, newer or hostile file raises `BackupError` with one line, and nothing is written. Sessions
are matched by their `uid`, so importing the same backup twice adds nothing. Backup version 1 (before the
coach, log schema 2) has no ratings, mornings or put_off, and still imports.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..settings.store import write_atomic
from ..system.paths import UserPaths
from ..system.safe_files import read_limited
from .coach_rules import EFFORTS, MORNINGS, PAINS, SIDES
from .database import HistoryLog
from .queries import SET_COLUMNS

BACKUP_FORMAT = "hipfit-backup"
BACKUP_VERSION = 2  # 2: each session's "ratings" and "morning_after", and the top-level "put_off"
MAX_BACKUP_BYTES = 64 * 1024 * 1024  # ten years of daily full sessions export to about 45 MB
MAX_TEXT_BYTES = 1024 * 1024  # a settings file or a routine file
LAST_TIME = 4102444800.0  # 2100-01-01: a time beyond this is junk

CSV_HEADER = ("session", "session_started", "routine", "level", "exercise", "version", "side", "set", "sets_planned",
              "reps_planned", "reps_done", "hold_seconds", "seconds_planned", "seconds_done", "outcome", "at")
RATING_COLUMNS = ("position", "exercise", "effort", "pain", "harder_side")
SESSION_COLUMNS = ("uid", "routine", "routine_name", "level", "started_at", "ended_at", "outcome", "active_seconds")
_ROUTINE_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}\.yaml")
_UID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class BackupError(ValueError):
    """Why a file cannot be imported, in one line."""


@dataclass
class ImportResult:
    sessions_added: int = 0
    sessions_present: int = 0
    sets_added: int = 0
    settings: str = "none in the backup"  # "restored", "kept yours", ...
    routines_added: list[str] = field(default_factory=list)
    routines_kept: list[str] = field(default_factory=list)


# --- export ------------------------------------------------------------------------------------------------

def _iso(seconds: float | None) -> str:
    return "" if seconds is None else datetime.fromtimestamp(seconds).astimezone().isoformat(timespec="seconds")


def export_csv(log: HistoryLog) -> str:
    """One row per set and side, oldest first; times in ISO 8601 with the UTC offset."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in log.read(
            "SELECT s.uid, s.started_at, s.routine, s.level, t.exercise, t.version, t.side, t.set_number, "
            "t.sets_planned, t.reps_planned, t.reps_done, t.hold_seconds, t.seconds_planned, t.seconds_done, "
            "t.outcome, t.at FROM sets t JOIN sessions s ON s.id = t.session_id ORDER BY s.started_at, t.at, t.id"):
        values = list(row)
        values[1], values[-1] = _iso(values[1]), _iso(values[-1])
        writer.writerow(["" if v is None else v for v in values])
    return out.getvalue()


def export_backup(log: HistoryLog, paths: UserPaths, now: datetime | None = None) -> dict[str, Any]:
    sets: dict[int, list[dict[str, Any]]] = {}
    for row in log.read(f"SELECT session_id, {', '.join(SET_COLUMNS)} FROM sets ORDER BY session_id, at, id"):
        sets.setdefault(row[0], []).append(dict(zip(SET_COLUMNS, row[1:], strict=True)))
    ratings: dict[int, list[dict[str, Any]]] = {}
    for row in log.read(f"SELECT session_id, {', '.join(RATING_COLUMNS)} FROM ratings ORDER BY session_id, position"):
        ratings.setdefault(row[0], []).append(dict(zip(RATING_COLUMNS, row[1:], strict=True)))
    # a morning row with a NULL feeling means "asked, skipped": kept as null, unlike no key (never asked)
    mornings = {session_id: feeling for session_id, feeling in log.read("SELECT session_id, feeling FROM mornings")}
    sessions = [{**dict(zip(SESSION_COLUMNS, row[1:], strict=True)), "sets": sets.get(row[0], []),
                 "ratings": ratings.get(row[0], []),
                 **({"morning_after": mornings[row[0]]} if row[0] in mornings else {})}
                for row in log.read(f"SELECT id, {', '.join(SESSION_COLUMNS)} FROM sessions ORDER BY started_at, id")]
    put_off = {key: count for key, count in log.read("SELECT suggestion, sessions_logged FROM put_off ORDER BY 1")}
    settings = _user_text(paths.settings_file)
    routines = {p.name: text for p in sorted(paths.routines.glob("*.yaml")) if (text := _user_text(p)) is not None} \
        if paths.routines.is_dir() else {}
    return {"format": BACKUP_FORMAT, "version": BACKUP_VERSION,
            "exported_at": (now or datetime.now()).astimezone().isoformat(timespec="seconds"),
            "sessions": sessions, "put_off": put_off, "settings": settings, "routines": routines}


def _user_text(path: Path) -> str | None:
    """A user file's text for the backup; None for one that is missing or that HipFit would not read either
    (a named pipe would hang the export, a link to /dev/zero fill the memory)."""
    try:
        return read_limited(path).decode()  # UTF-8
    except (OSError, UnicodeDecodeError):
        return None


# --- import ------------------------------------------------------------------------------------------------

def read_backup(path: Path) -> dict[str, Any]:
    """The backup in `path`, checked field by field; BackupError (one line) for anything else."""
    try:
        size = path.stat().st_size
        if size > MAX_BACKUP_BYTES:
            raise BackupError(f"{path} is {size / 2**20:.0f} MB; a HipFit backup is at most "
                              f"{MAX_BACKUP_BYTES // 2**20} MB")
        with path.open("rb") as stream:
            data = stream.read(MAX_BACKUP_BYTES + 1)
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_BACKUP_BYTES:
        raise BackupError(f"{path} is over {MAX_BACKUP_BYTES // 2**20} MB: not a HipFit backup")
    try:
        backup = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise BackupError(f"{path} is not a HipFit backup (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise BackupError(f"{path} is not a HipFit backup, or it is cut short (JSON: {exc.msg} at line "
                          f"{exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # a 5 000-digit number, nesting a thousand deep
        raise BackupError(f"{path} is not a HipFit backup ({type(exc).__name__})") from None
    check_backup(backup)
    return backup  # type: ignore[no-any-return]


def check_backup(backup: Any) -> None:
    if not isinstance(backup, dict) or backup.get("format") != BACKUP_FORMAT:
        raise BackupError("not a HipFit backup (no \"format\": \"hipfit-backup\")")
    version = backup.get("version")
    if not _is_int(version) or version < 1:
        raise BackupError(f"backup version: expected a whole number, got {_show(version)}")
    if version > BACKUP_VERSION:
        raise BackupError(f"the backup is from a newer HipFit (backup version {version}; this one reads up to "
                          f"{BACKUP_VERSION}); update HipFit to import it")
    sessions = _field(backup, "sessions", list, "backup")
    if len(sessions) > 1_000_000:
        raise BackupError(f"sessions: {len(sessions)} is more than a lifetime of workouts")
    uids: set[str] = set()
    for n, session in enumerate(sessions):
        where = f"sessions[{n}]"
        if not isinstance(session, dict):
            raise BackupError(f"{where}: expected an object, got {_show(session)}")
        uid = _text(session, "uid", where)
        if not _UID.fullmatch(uid) or uid in uids:
            raise BackupError(f"{where}.uid: {_show(uid)} is not a unique id")
        uids.add(uid)
        for name in ("routine", "routine_name", "level"):
            _text(session, name, where)
        started = _number(session, "started_at", where, 0, LAST_TIME)
        _number(session, "ended_at", where, started, LAST_TIME, optional=True)
        _number(session, "active_seconds", where, 0, 86400 * 7, optional=True)
        _choice(session, "outcome", where, (None, "finished", "ended early"))
        sets = _field(session, "sets", list, where)
        if len(sets) > 10_000:
            raise BackupError(f"{where}.sets: {len(sets)} sets in one session is not a workout")
        keys: set[tuple[Any, ...]] = set()
        for k, one in enumerate(sets):
            _check_set(one, f"{where}.sets[{k}]")
            key = (one["position"], one["set_number"], one["side"])
            if key in keys:
                raise BackupError(f"{where}.sets[{k}]: a second row for set {one['set_number']} of exercise "
                                  f"{one['position']} {one['side']}".rstrip())
            keys.add(key)
        _check_coach(session, where)
    put_off = backup.get("put_off", {})
    if not isinstance(put_off, dict) or len(put_off) > 10_000:
        raise BackupError(f"backup.put_off: expected an object of at most 10000 suggestions, got {_show(put_off)}")
    for key, count in put_off.items():
        if len(key) > 200 or not _is_int(count) or not 0 <= count <= 1_000_000:
            raise BackupError(f"put_off.{_show(key)}: expected a session count from 0 to 1000000, got {_show(count)}")
    settings = backup.get("settings")
    if settings is not None and (not isinstance(settings, str) or len(settings.encode()) > MAX_TEXT_BYTES):
        raise BackupError("settings: expected the text of settings.yaml (at most 1 MB) or null")
    routines = _field(backup, "routines", dict, "backup")
    for name, text in routines.items():
        if not _ROUTINE_NAME.fullmatch(name):
            raise BackupError(f"routines: {_show(name)} is not a routine file name (letters, digits, - or _, .yaml)")
        if not isinstance(text, str) or len(text.encode()) > MAX_TEXT_BYTES:
            raise BackupError(f"routines.{name}: expected the file's text (at most 1 MB)")


def _check_set(one: Any, where: str) -> None:
    if not isinstance(one, dict):
        raise BackupError(f"{where}: expected an object, got {_show(one)}")
    _integer(one, "position", where, 0, 1000)
    _text(one, "exercise", where)
    _text(one, "version", where)
    _choice(one, "side", where, ("", "left", "right"))
    _integer(one, "set_number", where, 0, 1000)
    _integer(one, "sets_planned", where, 0, 1000)
    _integer(one, "reps_planned", where, 0, 10_000, optional=True)
    _integer(one, "reps_done", where, 0, 10_000, optional=True)
    _integer(one, "hold_seconds", where, 0, 86400, optional=True)
    _integer(one, "seconds_planned", where, 0, 86400, optional=True)
    _number(one, "seconds_done", where, 0, 86400, optional=True)
    _choice(one, "outcome", where, ("done", "ended early", "skipped"))
    _number(one, "at", where, 0, LAST_TIME)


def _check_coach(session: dict[str, Any], where: str) -> None:
    """A session's ratings and morning-after answer (backup version 2; absent in version 1)."""
    ratings = session.get("ratings", [])
    if not isinstance(ratings, list) or len(ratings) > 1000:
        raise BackupError(f"{where}.ratings: expected a list of at most 1000 ratings, got {_show(ratings)}")
    positions: set[int] = set()
    for k, one in enumerate(ratings):
        here = f"{where}.ratings[{k}]"
        if not isinstance(one, dict):
            raise BackupError(f"{here}: expected an object, got {_show(one)}")
        _integer(one, "position", here, 0, 1000)
        _text(one, "exercise", here)
        for name, allowed in (("effort", EFFORTS), ("pain", PAINS), ("harder_side", SIDES)):
            _choice(one, name, here, (None, *allowed))
        if one["position"] in positions:
            raise BackupError(f"{here}: a second rating for exercise {one['position']}")
        positions.add(one["position"])
    if "morning_after" in session:
        _choice(session, "morning_after", where, (None, *MORNINGS))


def import_backup(log: HistoryLog, paths: UserPaths, backup: dict[str, Any], dry_run: bool = False) -> ImportResult:
    """Merge a checked backup: sessions not already present (by uid), then settings and routines the user
    does not have. With `dry_run`, only says what it would do. Raises BackupError if the log cannot take it."""
    result = ImportResult()
    present = {uid for uid, in log.read("SELECT uid FROM sessions")}
    new = [s for s in backup["sessions"] if s["uid"] not in present]
    result.sessions_added, result.sessions_present = len(new), len(backup["sessions"]) - len(new)
    result.sets_added = sum(len(s["sets"]) for s in new)
    if backup.get("settings") is not None:
        result.settings = "kept yours" if paths.settings_file.exists() else "restored"
    for name in backup["routines"]:
        (result.routines_kept if (paths.routines / name).exists() else result.routines_added).append(name)
    if dry_run:
        return result
    # ratings, mornings and "Not yet"s go in for every session of the backup, not only new ones: a backup made
    # before the coach may have been imported already; OR IGNORE keeps what the log has, so twice adds nothing
    coach = bool(backup.get("put_off")) or any(s.get("ratings") or "morning_after" in s for s in backup["sessions"])
    if (new or coach) and not log.write(lambda db: _insert(db, new, backup)):
        raise BackupError(log.problem or f"the training log {log.path} is busy; nothing was imported")
    try:
        if result.settings == "restored":
            write_atomic(paths.settings_file, backup["settings"].encode("utf-8"))
        for name in result.routines_added:
            write_atomic(paths.routines / name, backup["routines"][name].encode("utf-8"))
    except OSError as exc:
        raise BackupError(f"the history was imported, but a settings or routine file could not be written "
                          f"({exc.strerror or exc})") from None
    return result


def _insert(db: sqlite3.Connection, sessions: list[dict[str, Any]], backup: dict[str, Any]) -> None:
    for session in sessions:
        cursor = db.execute(f"INSERT INTO sessions ({', '.join(SESSION_COLUMNS)}) VALUES "
                            f"({', '.join('?' * len(SESSION_COLUMNS))})", [session[c] for c in SESSION_COLUMNS])
        db.executemany(f"INSERT INTO sets (session_id, {', '.join(SET_COLUMNS)}) VALUES "
                       f"({', '.join('?' * (len(SET_COLUMNS) + 1))})",
                       [[cursor.lastrowid, *(one[c] for c in SET_COLUMNS)] for one in session["sets"]])
    ids = dict(db.execute("SELECT uid, id FROM sessions").fetchall())
    for session in backup["sessions"]:
        db.executemany(f"INSERT OR IGNORE INTO ratings (session_id, {', '.join(RATING_COLUMNS)}) VALUES "
                       f"({', '.join('?' * (len(RATING_COLUMNS) + 1))})",
                       [[ids[session["uid"]], *(one.get(c) for c in RATING_COLUMNS)]
                        for one in session.get("ratings", [])])
        if "morning_after" in session:
            db.execute("INSERT OR IGNORE INTO mornings VALUES (?, ?)", (ids[session["uid"]], session["morning_after"]))
    db.executemany("INSERT OR IGNORE INTO put_off VALUES (?, ?)", list(backup.get("put_off", {}).items()))


# --- field checks ------------------------------------------------------------------------------------------

def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _field(data: dict[str, Any], name: str, kind: type, where: str) -> Any:
    value = data.get(name)
    if not isinstance(value, kind):
        raise BackupError(f"{where}.{name}: expected {'a list' if kind is list else 'an object'}, got {_show(value)}")
    return value


def _text(data: dict[str, Any], name: str, where: str) -> str:
    value = data.get(name)
    if not isinstance(value, str) or len(value) > 200:
        raise BackupError(f"{where}.{name}: expected text (at most 200 characters), got {_show(value)}")
    return value


def _choice(data: dict[str, Any], name: str, where: str, choices: tuple[str | None, ...]) -> None:
    value = data.get(name)
    if value not in choices or (value is not None and not isinstance(value, str)):
        raise BackupError(f"{where}.{name}: expected one of {', '.join(map(repr, choices))}, got {_show(value)}")


def _integer(data: dict[str, Any], name: str, where: str, low: int, high: int, optional: bool = False) -> None:
    value = data.get(name)
    if value is None and optional:
        return
    if not _is_int(value) or not low <= value <= high:
        raise BackupError(f"{where}.{name}: expected a whole number from {low} to {high}, got {_show(value)}")


def _number(data: dict[str, Any], name: str, where: str, low: float, high: float, optional: bool = False) -> float:
    value = data.get(name)
    if value is None and optional:
        return low
    if not (_is_int(value) or isinstance(value, float)) or not low <= value <= high:  # NaN fails the bounds
        raise BackupError(f"{where}.{name}: expected a number from {low:g} to {high:g}, got {_show(value)}")
    return float(value)
