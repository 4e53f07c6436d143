"""One window per user: a second start brings the first window forward instead of opening a rival one
(two windows saving settings meant the last save won with stale values)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from hipfit_desktop.system import single_instance
from hipfit_desktop.system.paths import user_paths


def test_the_lock_is_held_by_one_at_a_time_and_freed_on_release(tmp_path):
    first = single_instance.acquire(tmp_path / "run")
    assert first is not None and first.held
    assert single_instance.acquire(tmp_path / "run") is None
    first.release()
    again = single_instance.acquire(tmp_path / "run")
    assert again is not None and again.held
    again.release()


def test_a_killed_instance_leaves_no_stale_lock(tmp_path):
    """The kernel drops a flock with its process: after SIGKILL the next start gets the lock."""
    code = ("import sys, time; from pathlib import Path; from hipfit_desktop.system import single_instance as s; "
            "lock = s.acquire(Path(sys.argv[1])); print('held' if lock and lock.held else 'no', flush=True); "
            "time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    try:
        assert child.stdout.readline() == "held\n"
        assert single_instance.acquire(tmp_path) is None
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    lock = single_instance.acquire(tmp_path)
    assert lock is not None and lock.held
    lock.release()


def test_a_link_at_the_lock_file_is_not_followed_and_the_start_goes_ahead(tmp_path):
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / single_instance.LOCK_NAME).symlink_to(victim)
    lock = single_instance.acquire(tmp_path)
    assert lock is not None and not lock.held
    assert victim.read_bytes() == b"precious"


def test_the_lock_folder_is_private(tmp_path):
    lock = single_instance.acquire(tmp_path / "run")
    assert lock is not None
    assert (tmp_path / "run").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "run" / single_instance.LOCK_NAME).stat().st_mode & 0o777 == 0o600
    lock.release()


def test_a_request_to_raise_reaches_the_running_window(qtbot, tmp_path):
    from hipfit_desktop.qt.single_instance import RaiseServer, ask_to_raise, server_name

    server = RaiseServer(server_name(tmp_path))
    assert server.listening
    with qtbot.waitSignal(server.raise_requested, timeout=3000):
        assert ask_to_raise(server_name(tmp_path))


def test_nobody_listening_is_no_raise(qapp, tmp_path):
    from hipfit_desktop.qt.single_instance import ask_to_raise, server_name

    assert not ask_to_raise(server_name(tmp_path), timeout_ms=200)


def test_a_long_folder_gets_a_short_socket_name(tmp_path):
    from hipfit_desktop.qt.single_instance import server_name

    long_folder = tmp_path / ("x" * 120)
    name = server_name(long_folder)
    assert name.startswith("hipfit-") and len(name) == 27 and name == server_name(long_folder)


def test_a_second_hipfit_raises_the_first_and_exits(qtbot, hipfit_home):
    """The real second start, as a process: it finds the lock taken, knocks, says so and exits 0."""
    from hipfit_desktop.qt.single_instance import RaiseServer, server_name

    runtime = user_paths().runtime
    lock = single_instance.acquire(runtime)
    assert lock is not None and lock.held
    server = RaiseServer(server_name(runtime))
    raised: list[bool] = []
    server.raise_requested.connect(lambda: raised.append(True))
    with subprocess.Popen([sys.executable, "-m", "hipfit_desktop"], stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}) as second:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        assert second.stderr is not None
        said = second.stderr.read()
    assert second.returncode == 0
    assert said == "hipfit: HipFit is already open; its window was brought to the front.\n"
    qtbot.waitUntil(lambda: raised == [True])
    lock.release()


def test_a_released_lock_is_no_longer_held(tmp_path):
    lock = single_instance.acquire(tmp_path)
    assert lock is not None and lock.held
    lock.release()
    assert not lock.held
    lock.release()  # twice is harmless (the window closing after an error)


def test_a_world_readable_lock_folder_is_made_private(tmp_path):
    folder = tmp_path / "run"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    lock = single_instance.acquire(folder)
    assert lock is not None
    assert folder.stat().st_mode & 0o777 == 0o700
    lock.release()


def test_a_file_system_without_locks_lets_the_start_go_ahead(tmp_path, monkeypatch):
    """flock failing for another reason than "taken" (ENOLCK on some network mounts) is not a second HipFit."""
    import errno
    import fcntl

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_locks)
    lock = single_instance.acquire(tmp_path)
    assert lock is not None and not lock.held
