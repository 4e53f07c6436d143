"""Every file HipFit writes besides the settings: generated tones, their stamp, the window's geometry."""

from __future__ import annotations

import stat

import pytest

from hipfit_desktop.system import tones


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_tones_are_private_files_in_private_folders(tmp_path):
    """The cache folders are made 0700 (parents too), the WAVs and the stamp 0600."""
    folder = tmp_path / "cache" / "hipfit" / "sounds"
    files = tones.ensure_tones(folder)
    assert {mode(path) for path in files.values()} | {mode(folder / tones.STAMP)} == {0o600}
    assert mode(folder) == mode(folder.parent) == mode(folder.parent.parent) == 0o700


def test_a_world_readable_sound_folder_from_an_older_version_is_tightened(tmp_path):
    folder = tmp_path / "sounds"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    tones.ensure_tones(folder)
    assert mode(folder) == 0o700


@pytest.mark.parametrize("name", [tones.STAMP, "up.wav"])
def test_a_link_planted_among_the_tones_is_not_written_through(tmp_path, name):
    """The stamp (or a tone) as a link to another file: that file keeps its bytes and ensure_tones says why."""
    folder, victim = tmp_path / "sounds", tmp_path / "victim"
    folder.mkdir()
    victim.write_bytes(b"precious")
    (folder / name).symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link"):
        tones.ensure_tones(folder)
    assert victim.read_bytes() == b"precious"


def test_a_stamp_linked_to_an_endless_device_is_not_read_in_full(tmp_path):
    folder = tmp_path / "sounds"
    tones.ensure_tones(folder)
    (folder / tones.STAMP).unlink()
    (folder / tones.STAMP).symlink_to("/dev/zero")
    assert not tones.is_current(folder)


def test_a_link_at_the_training_log_is_not_written_through(tmp_path):
    """SQLite would write wherever the link points: the log is turned off and says why, the target untouched."""
    from hipfit_desktop.records.database import HistoryLog

    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / "history.sqlite3").symlink_to(victim)
    log = HistoryLog(tmp_path / "history.sqlite3")
    try:
        assert "it is a symbolic link, and HipFit does not write through links" in (log.problem or "")
    finally:
        log.close()
    assert victim.read_bytes() == b"precious"


def test_an_export_skips_a_routine_file_that_is_a_pipe_instead_of_hanging(tmp_path):
    import os

    from hipfit_desktop.records.database import HistoryLog
    from hipfit_desktop.records.exchange import export_backup
    from hipfit_desktop.system.paths import user_paths

    paths = user_paths()
    paths.routines.mkdir(parents=True)
    os.mkfifo(paths.routines / "pipe.yaml")
    (paths.routines / "mine.yaml").write_text("schema: 1\n", encoding="utf-8")
    log = HistoryLog(tmp_path / "history.sqlite3")
    try:
        backup = export_backup(log, paths)
    finally:
        log.close()
    assert backup["routines"] == {"mine.yaml": "schema: 1\n"} and backup["settings"] is None


def test_the_app_log_is_private_and_never_written_through_a_link(tmp_path):
    from hipfit_desktop.system import logfile

    path = tmp_path / "state" / "hipfit.log"
    try:
        assert logfile.start_log(path) == path
        logfile.log.warning("a detail")
    finally:
        logfile.stop_log()
    assert mode(path) == 0o600 and mode(path.parent) == 0o700 and "a detail" in path.read_text(encoding="utf-8")
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    linked = tmp_path / "other" / "hipfit.log"
    linked.parent.mkdir()
    linked.symlink_to(victim)
    try:
        assert logfile.start_log(linked) is None
    finally:
        logfile.stop_log()
    assert victim.read_bytes() == b"precious"


def test_a_refusal_names_the_file_and_says_permission(tmp_path):
    """UnsafeFile is an OSError like the ones callers already report: errno EPERM, the path as its filename."""
    import errno

    from hipfit_desktop.system.safe_files import check_writable_target, private_folder

    target = tmp_path / "ro.txt"
    target.write_bytes(b"mine")
    target.chmod(0o400)
    (tmp_path / "link").symlink_to(target)
    (tmp_path / "dir").mkdir()
    cases = [(target, "it is read-only, and HipFit leaves it as it is"),
             (tmp_path / "link", "it is a symbolic link, and HipFit does not write through links"),
             (tmp_path / "dir", "it is a folder, not a regular file")]
    for path, why in cases:
        with pytest.raises(OSError) as info:
            check_writable_target(path)
        assert (info.value.errno, info.value.strerror, info.value.filename) == (errno.EPERM, why, str(path))
    with pytest.raises(OSError) as info:
        private_folder(target)
    assert (info.value.errno, info.value.strerror, info.value.filename) == (
        errno.EPERM, "it is a file, not a folder", str(target))


def test_saving_into_a_folder_the_user_chose_leaves_its_mode_alone(tmp_path):
    """An export into ~/Documents must not make that folder private; only HipFit's own folders are tightened."""
    from hipfit_desktop.system.safe_files import write_atomic

    folder = tmp_path / "Documents"
    folder.mkdir()
    folder.chmod(0o755)
    write_atomic(folder / "export.csv", b"a,b\n")
    assert mode(folder) == 0o755 and mode(folder / "export.csv") == 0o600


def test_a_new_file_never_replaces_an_existing_name_or_link(tmp_path):
    from hipfit_desktop.system.safe_files import write_new_file

    (tmp_path / "taken").write_bytes(b"first")
    (tmp_path / "link").symlink_to(tmp_path / "nowhere")
    for name in ("taken", "link"):
        with pytest.raises(FileExistsError):
            write_new_file(tmp_path / name, b"second")
    assert (tmp_path / "taken").read_bytes() == b"first" and not (tmp_path / "nowhere").exists()
    write_new_file(tmp_path / "fresh", b"new")
    assert (tmp_path / "fresh").read_bytes() == b"new" and mode(tmp_path / "fresh") == 0o600


def test_a_read_over_several_chunks_still_stops_at_the_limit(tmp_path, monkeypatch):
    """200 kB that fstat calls empty (a /proc-like file): the running total, not the last chunk, meets the limit."""
    import os

    from hipfit_desktop.system.safe_files import read_limited

    path = tmp_path / "growing"
    path.write_bytes(b"x" * 200_000)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))
    with pytest.raises(OSError, match="larger than 150000 bytes") as info:
        read_limited(path, limit=150_000)
    assert info.value.filename == str(path)
    assert read_limited(path, limit=200_000) == b"x" * 200_000


def test_what_is_not_read_names_its_file(tmp_path):
    from hipfit_desktop.system.safe_files import read_limited

    (tmp_path / "big").write_bytes(b"x" * 11)
    cases = ((tmp_path, "it is a folder, not a regular file"), (tmp_path / "big", "it is larger than 10 bytes"))
    for path, why in cases:
        with pytest.raises(OSError) as info:
            read_limited(path, limit=10)
        assert (info.value.strerror, info.value.filename) == (why, str(path))


@pytest.mark.parametrize("before, after", [(0o755, 0o700), (0o750, 0o700), (0o644, 0o600), (0o700, 0o700)])
def test_hipfits_own_folders_lose_other_peoples_access(tmp_path, before, after):
    from hipfit_desktop.system.safe_files import private_folder

    folder = tmp_path / "own"
    folder.mkdir()
    folder.chmod(before)
    private_folder(folder, tighten=True)
    assert mode(folder) == after


def test_a_folder_whose_mode_cannot_change_is_still_used(tmp_path, monkeypatch):
    import errno
    import os

    from hipfit_desktop.system.safe_files import private_folder

    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "chmod", refuse)
    private_folder(folder, tighten=True)
    assert mode(folder) == 0o755
