"""Ctrl+C (SIGINT) and `kill` (SIGTERM) quit the window mid-session without a traceback, and the session is
saved to resume; each in its own process, as a user's terminal would send it."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.records.resume import find_resumable

ROOT = Path(__file__).resolve().parents[1]

# The window as `hipfit` builds it; once a session runs, the process signals itself.
SCRIPT = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from hipfit_desktop.qt.app import create_application, create_main_window
    from hipfit_desktop.qt.quit_signals import quit_on_signals

    app = create_application([sys.argv[0]])
    window = create_main_window()
    quit_on_signals(app, window)
    window.show()

    def go():
        window.start_routine("band-day")
        QTimer.singleShot(200, lambda: os.kill(os.getpid(), int(sys.argv[1])))

    QTimer.singleShot(0, go)
    sys.exit(app.exec())
""")


@pytest.mark.slow
@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_quits_mid_session_quietly_and_keeps_the_session_to_resume(number):
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(int(number))], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert run.returncode == 128 + number, run.stderr
    assert "Traceback" not in run.stderr and "KeyboardInterrupt" not in run.stderr
    log = HistoryLog()
    try:
        offer = find_resumable(log)
    finally:
        log.close()
    assert offer is not None and offer.routine == "band-day"
