"""How long the training log holds up the timer: each engine event's trip through the SessionRecorder.

The full session (guided tempo, about 1 500 segments) runs on a fast fake clock with a recorder writing to a
real SQLite file in a temporary folder (same disk as the user's data folder here). Every recorder call is
timed: a set's write (the set row and the next segment's checkpoint, one transaction), a checkpoint alone,
and the session's first and last writes.
With the log's writer thread (as the window runs it) the call only queues the write; `--inline` writes on
the calling thread, as the command line does.
Usage: PYTHONPATH=. python benchmarks/log_writes.py [--sessions 5] [--inline]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import figures, guided_plan  # noqa: E402

from hipfit_desktop.records.database import HistoryLog  # noqa: E402
from hipfit_desktop.records.recorder import SessionRecorder  # noqa: E402
from hipfit_desktop.workout.engine import Session  # noqa: E402
from hipfit_desktop.workout.events import Event, SegmentStarted  # noqa: E402
from hipfit_desktop.workout.plan import Plan  # noqa: E402


def run(sessions: int, inline: bool) -> dict[str, list[float]]:
    plan = guided_plan()
    samples: dict[str, list[float]] = {"set": [], "checkpoint": [], "other": []}
    with tempfile.TemporaryDirectory() as folder:
        log = HistoryLog(Path(folder) / "history.sqlite3")
        if not inline:
            log.start_writer()
        for _ in range(sessions):
            _run_one(plan, log, samples)
        assert log.problem is None, log.problem
        log.close()
    return samples


def _run_one(plan: Plan, log: HistoryLog, samples: dict[str, list[float]]) -> None:
    now = [1000.0]
    session = Session(plan, lambda: now[0])
    recorder = SessionRecorder(log, session)
    rows_before = [log.read("SELECT count(*) FROM sets")[0][0]]

    def timed(event: Event) -> None:
        started = time.perf_counter()
        recorder(event)
        spent = time.perf_counter() - started
        if not isinstance(event, SegmentStarted):
            return
        log.flush()  # outside the timed call: count the set rows written so far
        rows = log.read("SELECT count(*) FROM sets")[0][0]
        kind = "set" if rows > rows_before[0] else "checkpoint"
        rows_before[0] = rows
        samples[kind if event.index else "other"].append(spent)

    session.subscribe(timed)
    session.start()
    while session.state != "finished":
        now[0] += session.remaining() or 0.0
        session.tick()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=5)
    parser.add_argument("--inline", action="store_true", help="write on the calling thread (no writer thread)")
    args = parser.parse_args()
    samples = run(args.sessions, args.inline)
    where = "inline" if args.inline else "writer thread"
    print(f"Recorder call per segment start ({where}), full session x {args.sessions}")
    print(f"{'write':<34}{'samples':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, key in (("set row + checkpoint", "set"), ("checkpoint only", "checkpoint"),
                       ("first (session row + plan)", "other")):
        r = figures(samples[key])
        print(f"{label:<34}{r['samples']:>8}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['max_ms']:>9.2f}")
    print("target: a set's write p99 < 2 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
