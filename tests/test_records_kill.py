"""Killing HipFit mid-session never costs the log: it opens, checks out, keeps every set, and offers a resume."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.resume import find_resumable

RUNNER = Path(__file__).parent / "fixtures" / "session_runner.py"
KILLS = 110  # alternately with the log's writer thread (the window) and writing inline (the command line)


def reported(report: Path) -> dict[str, int]:
    """Session uid -> the most sets the child said were done and committed."""
    sets: dict[str, int] = {}
    for line in report.read_text().splitlines():
        session, count = line.split()
        sets[session] = max(sets.get(session, 0), int(count))
    return sets


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() to start a hundred sessions quickly")
def test_a_session_killed_at_any_moment_keeps_its_sets_and_can_be_resumed(tmp_path):
    path, report = tmp_path / "data" / "history.sqlite3", tmp_path / "report"
    report.touch()
    root = str(Path(__file__).parent.parent)  # this checkout's code, whatever the installed one
    server = subprocess.Popen([sys.executable, str(RUNNER), str(path), str(report)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=root, env={**os.environ, "PYTHONPATH": root})
    rng = random.Random(20261125)
    offered = mid_set = 0
    try:
        for kill in range(KILLS):
            mode = "thread" if kill % 2 == 0 else "inline"
            server.stdin.write(f"go {mode}\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0.005, 0.05))
            os.kill(pid, signal.SIGKILL)
            status = int(server.stdout.readline().split()[1])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the runner stopped: {status}"
            log = HistoryLog(path)  # first: a kill before the first start's schema leaves an empty file to fill
            assert log.notice is None and log.problem is None, log.notice
            assert log.read("PRAGMA integrity_check") == [("ok",)], f"kill {kill} ({mode})"
            for session, count in reported(report).items():
                kept = log.read("SELECT count(*) FROM sets JOIN sessions s ON s.id = session_id "
                                "WHERE s.uid = ? AND sets.outcome = 'done'", (session,))
                assert kept[0][0] >= count, f"kill {kill} ({mode}): session {session} lost sets ({kept} of {count})"
            last = (log.read("SELECT id, outcome FROM sessions ORDER BY id DESC LIMIT 1") or [None])[0]
            offer = find_resumable(log, alive=lambda pid: False)
            if last is not None and last[1] is None:  # killed mid-session: that session is offered
                assert offer is not None and offer.session_id == last[0], f"kill {kill} ({mode}): no resume"
                offered += 1
                mid_set += offer.snapshot["segments"][offer.snapshot["index"]]["rep"] is not None
                log.write(lambda db, s=offer.session_id: db.execute(  # as "Log as finished" would
                    "UPDATE sessions SET outcome = 'ended early' WHERE id = ?", (s,)))
                log.write(lambda db: db.execute("DELETE FROM checkpoints"))
            log.close()
    finally:
        server.stdin.close()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()
    # The kills really landed inside sessions, mid-set too, and sets were being written.
    print(f"{KILLS} kills: {offered} mid-session, {mid_set} of them mid-set; {sum(reported(report).values())} sets")
    assert offered >= KILLS // 3 and mid_set >= 10, (offered, mid_set)
    assert sum(reported(report).values()) >= KILLS
