"""Killing the app while it saves never leaves a broken settings file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from hipfit_desktop.settings.store import SettingsStore

from .fixtures.settings_saver import FIRST, INITIAL, SECOND

SAVER = Path(__file__).parent / "fixtures" / "settings_saver.py"
KILLS = 250


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() to start hundreds of savers quickly")
def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path, catalog):
    """However the app dies while saving, the next start finds the settings whole: old or new, never broken."""
    path = tmp_path / "config" / "settings.yaml"
    assert SettingsStore(path).save(INITIAL).ok
    # Kill within the time of a few saves on this disk (30 ms here; up to 80 ms where fsync is slow).
    probe = SettingsStore(tmp_path / "probe" / "settings.yaml")
    started = time.monotonic()
    for _ in range(10):
        probe.save(SECOND)
    window = min(max(0.03, 3 * (time.monotonic() - started) / 10), 0.08)
    server = subprocess.Popen([sys.executable, str(SAVER), str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    rng = random.Random(20250304)
    found: Counter[str] = Counter()
    try:
        for kill in range(KILLS):
            server.stdin.write("go\n")
            server.stdin.flush()
            pid = int(server.stdout.readline())
            time.sleep(rng.uniform(0, window))
            os.kill(pid, signal.SIGKILL)
            status = int(server.stdout.readline().split()[1])
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, f"the saver stopped: {status}"
            loaded = SettingsStore(path).load(catalog)
            assert loaded.notice is None and loaded.warnings == [], f"after kill {kill}: {loaded.messages()}"
            which = next((name for name, settings in (("initial", INITIAL), ("first", FIRST), ("second", SECOND))
                          if loaded.settings == settings), None)
            assert which, f"after kill {kill} the file holds neither settings:\n{path.read_text()}"
            found[which] += 1
    finally:
        server.stdin.close()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # blocked on a child the test did not kill; the child stops with it
            server.kill()
            server.wait()
        server.stdout.close()
    # The saves really ran and the kills landed between and inside them (a killed save leaves its temp file).
    assert found["first"] >= 5 and found["second"] >= 5, found
    assert list(path.parent.glob(".settings.yaml.*.tmp")), "no kill landed inside a save"
