"""Reading a ten-year training log: opening it, the week against the target, the history page, last time.

Builds a synthetic log once (daily sessions of the full hip session, every set of every side done: about
130 000 set rows) in a temporary folder, then times each read the window makes, cold (a new connection)
and warm. Targets: the history page and the week summary in under 100 ms.
Usage: PYTHONPATH=. python benchmarks/history.py [--years 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import guided_plan  # noqa: E402

from hipfit_desktop.records.database import HistoryLog  # noqa: E402
from hipfit_desktop.records.queries import last_time, recent_sessions, week_summary, weekly_volume  # noqa: E402
from hipfit_desktop.workout.plan import WORK_KINDS  # noqa: E402


def build(path: Path, years: int, today: date) -> int:
    plan = guided_plan()
    versions = {i: p.progression.id for i, p in enumerate(plan.exercises)}
    blocks: dict[int, object] = {}
    for segment in plan.segments:
        if segment.kind in WORK_KINDS:
            blocks.setdefault(segment.block, segment)
    log = HistoryLog(path)
    sessions, sets = [], []
    first = today - timedelta(days=365 * years)
    for n in range((today - first).days):
        start = datetime.combine(first + timedelta(days=n), datetime.min.time()).timestamp() + 18 * 3600
        sessions.append((n + 1, uuid.uuid4().hex, plan.routine_id, plan.routine_name, plan.level, start,
                         start + 4200, "finished", 4000.0))
        for k, s in enumerate(blocks.values()):
            sets.append((n + 1, s.exercise_index, s.exercise, versions[s.exercise_index], s.side or "", s.set, s.sets,
                         s.reps, s.reps, None, s.seconds if s.kind == "timed" else None,
                         float(s.seconds) if s.kind == "timed" else None, "done", start + 60 * k))

    def fill(db):  # type: ignore[no-untyped-def]
        db.executemany("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", sessions)
        db.executemany("INSERT INTO sets (session_id, position, exercise, version, side, set_number, sets_planned, "
                       "reps_planned, reps_done, hold_seconds, seconds_planned, seconds_done, outcome, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sets)

    assert log.write(fill), log.problem
    log.write(lambda db: db.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    log.close()
    return len(sets)


def timed(action, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(first run, median of the rest) in milliseconds."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(1000 * (time.perf_counter() - started))
    return runs[0], statistics.median(runs[1:] or runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.sqlite3"
        started = time.perf_counter()
        rows = build(path, args.years, today)
        size = path.stat().st_size / 1e6
        print(f"{args.years} years: {rows} set rows, {size:.1f} MB, built in {time.perf_counter() - started:.1f} s")
        log = HistoryLog(path)
        exercises = [e for e, in log.read("SELECT DISTINCT exercise FROM sets")]
        checks = {
            "open (connect, schema check, WAL)": lambda: HistoryLog(path).close(),
            "week summary": lambda: week_summary(log, today, 3),
            "history page: 4 weeks with sets": lambda: recent_sessions(log, 4, today, with_sets=True),
            "history page: weekly volume, all": lambda: weekly_volume(log),
            "history page: weekly volume, 1 y": lambda: weekly_volume(log, today - timedelta(days=365)),
            f"last time, {len(exercises)} exercises": lambda: [last_time(log, e) for e in exercises],
        }
        print(f"{'read':<38}{'first ms':>10}{'median ms':>11}")
        for label, action in checks.items():
            first, median = timed(action, args.repeat)
            print(f"{label:<38}{first:>10.1f}{median:>11.1f}")
        log.close()
    print("target: history page and week summary < 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
