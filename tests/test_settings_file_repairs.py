"""What the user reads and finds on disk when settings.yaml is unreadable, damaged, newer, older or unsavable."""

from __future__ import annotations

import errno
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from hipfit_desktop.settings.migrations import CURRENT_VERSION
from hipfit_desktop.settings.model import ExerciseSettings, Settings
from hipfit_desktop.settings.store import SaveResult, SettingsStore
from hipfit_desktop.system.paths import user_paths

FIXTURES = Path(__file__).parent / "fixtures"
V0 = (FIXTURES / "settings-v0.yaml").read_bytes()
# What the version 0 fixture holds, upgraded (its `glute-bridge: 1:30` and `theme` are warnings).
V0_SETTINGS = Settings(
    level="intermediate", level_chosen=True, first_side="right", get_ready_seconds=15,
    rest_between_sets_seconds=40, switch_sides_seconds=5, rest_between_exercises_seconds=60, sound=False,
    exercises={"clamshell": ExerciseSettings(progression="banded", reps=12), "squat": ExerciseSettings(reps=15),
               "side-leg-lift": ExerciseSettings(progression="lying-ankle-weights")})
NOW = datetime(2025, 3, 4, 5, 6, 7)


@pytest.fixture
def path(hipfit_home) -> Path:
    path = user_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def fail_for(monkeypatch, name: str, marker: str, error: OSError) -> None:
    """Make `os.<name>` raise `error` when its first argument's path contains `marker`; the rest works."""
    real = getattr(os, name)

    def failing(target, *args, **kwargs):
        if marker in os.fspath(target):
            raise error
        return real(target, *args, **kwargs)

    monkeypatch.setattr(os, name, failing)


def no_backup(monkeypatch) -> None:
    fail_for(monkeypatch, "open", "-backup", PermissionError(errno.EACCES, os.strerror(errno.EACCES)))


# --- an unreadable file ------------------------------------------------------------------------------------

def test_an_unreadable_file_names_itself_and_the_error_in_the_notice_and_on_save(path, catalog):
    """The notice and the refused save both say which file could not be read and the system's reason."""
    path.mkdir()  # a folder where the file should be: unreadable on every system, even as root
    store = SettingsStore(path)
    loaded = store.load(catalog)
    why = "it is a folder, not a regular file"
    assert loaded.notice == (f"Your settings file {path} could not be read ({why}). The defaults are used; "
                             "changes are kept until you close HipFit.")
    assert loaded.messages() == [loaded.notice] and loaded.settings == Settings()
    result = store.save(Settings(level="advanced"))
    assert result == SaveResult(False, f"HipFit did not save your settings: {path} could not be read ({why}).")
    assert store.read_only == result.message and path.is_dir()


def test_a_store_loaded_again_after_the_unreadable_file_is_fixed_saves_again(path, catalog):
    """Once the file can be read, loading again lifts the refusal: the next change is saved and comes back."""
    path.mkdir()
    store = SettingsStore(path)
    store.load(catalog)
    assert not store.save(Settings(level="advanced")).ok
    path.rmdir()
    again = store.load(catalog)
    assert again.messages() == [] and store.read_only is None
    assert store.save(Settings(level="advanced")).ok
    assert SettingsStore(path).load(catalog).settings == Settings(level="advanced")


# --- a damaged file ----------------------------------------------------------------------------------------

def test_a_damaged_file_that_cannot_be_moved_aside_says_so_word_for_word(path, catalog, monkeypatch):
    """The notice quotes the problem and the reason, and a save names the file it will not write over."""
    path.write_text("- broken\n")
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    fail_for(monkeypatch, "link", "settings.yaml", denied)
    fail_for(monkeypatch, "rename", "settings.yaml", denied)
    store = SettingsStore(path, now=lambda: NOW)
    loaded = store.load(catalog)
    assert loaded.notice == (
        "Your settings file could not be used (settings.yaml:1: the top level is not a mapping of settings), and it "
        "could not be moved aside (Permission denied). The defaults are used; changes are kept until you close "
        "HipFit.")
    assert store.save(Settings(level="advanced")).message == (
        f"HipFit did not save your settings: {path} is damaged and could not be moved aside (Permission denied), "
        "so it is left for you to look at.")
    assert path.read_text() == "- broken\n" and sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]


def test_a_store_loaded_again_once_the_damaged_file_can_be_moved_saves_again(path, catalog, monkeypatch):
    """After the folder is writable again, loading again moves the damaged file aside and saving works."""
    path.write_text("- broken\n")
    store = SettingsStore(path, now=lambda: NOW)
    with monkeypatch.context() as patch:
        denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        fail_for(patch, "link", "settings.yaml", denied)
        fail_for(patch, "rename", "settings.yaml", denied)
        store.load(catalog)
        assert not store.save(Settings(level="advanced")).ok
    aside = path.with_name("settings.yaml.corrupt-20250304-050607")
    assert str(aside) in store.load(catalog).notice and aside.read_text() == "- broken\n"
    assert store.save(Settings(level="advanced")).ok
    assert SettingsStore(path).load(catalog).settings == Settings(level="advanced")


@pytest.mark.parametrize("code", [errno.EPERM, errno.ENOSYS, errno.EOPNOTSUPP])
def test_without_hard_links_a_damaged_file_is_still_moved_aside_byte_for_byte(path, catalog, monkeypatch, code):
    """On a file system without hard links (a FAT stick, some network shares) the damaged file is renamed aside."""
    original = b"version: 1\nlevel: [advanced\n\xc3\xa9\n"
    path.write_bytes(original)
    fail_for(monkeypatch, "link", "settings.yaml", OSError(code, os.strerror(code)))
    loaded = SettingsStore(path, now=lambda: NOW).load(catalog)
    aside = path.with_name("settings.yaml.corrupt-20250304-050607")
    assert aside.read_bytes() == original and not path.exists()
    assert loaded.notice.startswith("Your settings file could not be used (settings.yaml:4: not valid YAML: ")
    assert loaded.notice.endswith(f"It was kept as {aside} and the defaults are used.")


def test_without_hard_links_an_earlier_damaged_file_is_not_renamed_over(path, catalog, monkeypatch):
    """A rename would replace an earlier kept-aside file of the same second; the new one gets a counter instead."""
    earlier = path.with_name("settings.yaml.corrupt-20250304-050607")
    earlier.write_text("the first broken file")
    path.write_text("- the second one\n")
    fail_for(monkeypatch, "link", "settings.yaml", OSError(errno.EPERM, os.strerror(errno.EPERM)))
    loaded = SettingsStore(path, now=lambda: NOW).load(catalog)
    second = path.with_name("settings.yaml.corrupt-20250304-050607-2")
    assert earlier.read_text() == "the first broken file" and second.read_text() == "- the second one\n"
    assert str(second) in loaded.notice and not path.exists()


def test_a_link_error_other_than_no_hard_links_leaves_the_damaged_file_in_place(path, catalog, monkeypatch):
    """A real failure (disk full) is not papered over by a rename: the file stays and the notice says why."""
    path.write_text("- broken\n")
    fail_for(monkeypatch, "link", "settings.yaml", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    store = SettingsStore(path, now=lambda: NOW)
    loaded = store.load(catalog)
    assert "could not be moved aside (No space left on device)" in loaded.notice
    assert path.read_text() == "- broken\n" and sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]
    assert not store.save(Settings()).ok


# --- a newer file --------------------------------------------------------------------------------------------

NEWER = "version: 7\nexercises:\n  clamshell:\n    sets: 4\n    reps: 500\n    tempo: slow\nlevel: advanced\n"


def test_a_newer_file_is_used_as_far_as_understood_and_the_user_told_word_for_word(path, catalog):
    """Its readable values are used, bad ones named by line, the notice comes first, and saving is refused."""
    path.write_text(NEWER)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings == Settings(level="advanced", exercises={"clamshell": ExerciseSettings(sets=4)})
    notice = (f"Your settings file {path} was written by a newer HipFit (settings version 7; this one reads up "
              f"to {CURRENT_VERSION}). The settings this version understands are used; the file is not changed, "
              "and changes are kept until you close HipFit.")
    warning = "settings.yaml:5: exercises.clamshell.reps: 500 is out of range (1 to 100) (using the default)"
    assert loaded.messages() == [notice, warning]  # no warning for `tempo`: a newer file's keys are expected
    assert store.save(loaded.settings).message == (
        f"HipFit did not save your settings: {path} is from a newer version of HipFit, and this one does not "
        "write over it. Changes are kept until you close HipFit.")
    assert path.read_text() == NEWER


def test_a_newer_file_written_meanwhile_is_named_with_its_version(path, catalog):
    """A newer HipFit that saved while this one was open: the refusal names the file and its version, every time."""
    store = SettingsStore(path)
    store.load(catalog)
    path.write_text("version: 3\nlevel: advanced\n")
    message = (f"HipFit did not save your settings: {path} was written by a newer version of HipFit (settings "
               "version 3). Changes are kept until you close HipFit.")
    assert store.save(Settings()) == SaveResult(False, message)
    path.write_text("version: 1\n")
    assert store.save(Settings(level="intermediate")).message == message  # refused for the rest of the session
    assert path.read_text() == "version: 1\n"


def test_a_store_loaded_again_after_the_newer_file_is_replaced_saves_again(path, catalog):
    """Going back from a newer HipFit's file to a current one: loading again allows saving."""
    path.write_text(NEWER)
    store = SettingsStore(path)
    store.load(catalog)
    path.write_text("version: 1\nlevel: intermediate\n")
    assert store.load(catalog).settings == Settings(level="intermediate")
    assert store.save(Settings(level="advanced")).ok
    assert yaml.safe_load(path.read_text()) == {"version": 1, "level": "advanced"}


# --- an older file -------------------------------------------------------------------------------------------

def test_an_upgrade_whose_backup_cannot_be_written_lives_for_the_session_only(path, catalog, monkeypatch):
    """No backup, no upgrade on disk: the old file stays byte for byte, its values are used, and saving is refused."""
    path.write_bytes(V0)
    no_backup(monkeypatch)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings == V0_SETTINGS
    assert loaded.notice == (f"Your settings file {path} is from an older HipFit. It was upgraded for this session "
                             "only: a backup could not be written (Permission denied), so the file is left as it is.")
    # the file the user wrote is the one the lines are in
    assert [w.split(": ")[:2] for w in loaded.warnings] == [["settings.yaml:13", "exercises.glute-bridge.reps"],
                                                            ["settings.yaml:17", "theme"]]
    result = store.save(loaded.settings.with_exercise("squat", reps=20))
    assert result.message == (f"HipFit did not save your settings: {path} is from an older version and could not "
                              "be backed up before the upgrade (Permission denied).")
    assert path.read_bytes() == V0 and sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]


def test_a_backup_that_fails_half_way_is_removed_and_the_old_file_kept(path, catalog, monkeypatch):
    """A disk that fills up while the backup is written leaves no half backup, and the old file as it was."""
    path.write_bytes(V0)
    real_fsync = os.fsync

    def full(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("-backup"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    if not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc to tell the backup's file descriptor")
    monkeypatch.setattr(os, "fsync", full)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert "a backup could not be written (No space left on device)" in loaded.notice
    assert loaded.settings == V0_SETTINGS and not store.save(loaded.settings).ok
    assert path.read_bytes() == V0 and sorted(p.name for p in path.parent.iterdir()) == ["settings.yaml"]



def test_a_half_written_backup_that_cannot_be_removed_still_lets_the_app_start(path, catalog, monkeypatch):
    """Disk full while backing up, and the half backup cannot be deleted: the app starts with the old file untouched."""
    if not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc to tell the backup's file descriptor")
    path.write_bytes(V0)
    real_fsync = os.fsync

    def full(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("-backup"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    fail_for(monkeypatch, "unlink", "-backup", PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    loaded = SettingsStore(path).load(catalog)
    assert "a backup could not be written (No space left on device)" in loaded.notice
    assert loaded.settings == V0_SETTINGS and path.read_bytes() == V0

def test_a_store_loaded_again_once_the_backup_can_be_written_upgrades_the_file(path, catalog, monkeypatch):
    """After a session-only upgrade, loading again (disk fixed) writes the backup and the upgrade, and saves work."""
    path.write_bytes(V0)
    store = SettingsStore(path)
    with monkeypatch.context() as patch:
        no_backup(patch)
        store.load(catalog)
    backup = path.with_name("settings.yaml.v0-backup")
    loaded = store.load(catalog)
    assert loaded.notice == f"Your settings were upgraded from version 0 to 1; the old file is kept as {backup}."
    assert backup.read_bytes() == V0 and store.save(loaded.settings.with_exercise("squat", reps=20)).ok
    assert SettingsStore(path).load(catalog).settings == V0_SETTINGS.with_exercise("squat", reps=20)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_backup_of_an_old_file_is_private(path, catalog):
    """The copy kept before an upgrade is readable by the user only (mode 0600), like the settings file."""
    path.write_bytes(V0)
    path.chmod(0o644)
    SettingsStore(path).load(catalog)
    backup = path.with_name("settings.yaml.v0-backup")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_upgrade_that_cannot_be_saved_says_so_after_naming_the_backup(path, catalog, monkeypatch):
    """Backup written, upgrade not: the notice names the backup, then why the upgraded file was not saved."""
    path.write_bytes(V0)
    fail_for(monkeypatch, "replace", ".tmp", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    loaded = SettingsStore(path).load(catalog)
    backup = path.with_name("settings.yaml.v0-backup")
    assert loaded.notice == (
        f"Your settings were upgraded from version 0 to 1; the old file is kept as {backup}. HipFit could not save "
        f"your settings to {path} (No space left on device). Changes are kept until you close HipFit.")
    assert loaded.settings == V0_SETTINGS and backup.read_bytes() == V0 and path.read_bytes() == V0


def test_a_failing_upgrade_step_is_reported_word_for_word(path, catalog, monkeypatch):
    """A bug in an upgrade step: the notice names the file, its version and the error; a save says why not."""
    from hipfit_desktop.settings import migrations

    def broken(root):
        raise KeyError("oops")

    monkeypatch.setitem(migrations.MIGRATIONS, 0, broken)
    path.write_text("version: 0\nlevel: advanced\n")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.notice == (f"Your settings file {path} (version 0) could not be upgraded (KeyError('oops')). The "
                             "defaults are used and the file is left as it is; changes are kept until you close "
                             "HipFit.")
    assert store.save(Settings()).message == (f"HipFit did not save your settings: {path} could not be upgraded "
                                              "from version 0, so it is left as it is.")


# --- saving ----------------------------------------------------------------------------------------------------

def test_a_save_error_without_a_system_message_still_says_what_went_wrong(path, monkeypatch):
    """An error that has no system text (from a network file system driver, say) is shown as it is."""
    fail_for(monkeypatch, "replace", ".tmp", OSError("the share went away"))
    result = SettingsStore(path).save(Settings(level="advanced"))
    assert result == SaveResult(False, f"HipFit could not save your settings to {path} (the share went away). "
                                       "Changes are kept until you close HipFit.")


def test_a_stale_leftover_that_cannot_be_deleted_does_not_stop_the_start(path, catalog):
    """A leftover temp name that cannot be removed (here a folder) is skipped; the settings still load."""
    SettingsStore(path).save(Settings(level="advanced"))
    stuck = path.with_name(".settings.yaml.abc.tmp")
    stuck.mkdir()
    (stuck / "inside").write_text("x")
    os.utime(stuck, (1_000_000_000, 1_000_000_000))
    stale = path.with_name(".settings.yaml.def.tmp")
    stale.write_text("half")
    os.utime(stale, (1_000_000_000, 1_000_000_000))
    loaded = SettingsStore(path).load(catalog)
    assert loaded.settings == Settings(level="advanced") and loaded.messages() == []
    assert stuck.is_dir() and not stale.exists()


# --- the version ---------------------------------------------------------------------------------------------

def test_a_version_up_to_a_million_is_a_newer_file_and_above_is_damaged(path, catalog):
    """`version: 1000000` is taken as a (far) newer HipFit's file; one more is not a version and is moved aside."""
    path.write_text("version: 1000000\nlevel: advanced\n")
    loaded = SettingsStore(path, now=lambda: NOW).load(catalog)
    assert "newer HipFit (settings version 1000000;" in loaded.notice and loaded.settings == Settings(level="advanced")
    path.write_text("version: 1000001\nlevel: advanced\n")
    loaded = SettingsStore(path, now=lambda: NOW).load(catalog)
    aside = path.with_name("settings.yaml.corrupt-20250304-050607")
    assert loaded.notice == ("Your settings file could not be used (settings.yaml:1: version: 1000001 is out of range "
                             f"(0 to 1000000)). It was kept as {aside} and the defaults are used.")


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_missing_settings_folder_is_made_private(hipfit_home):
    """The config folder HipFit creates for its settings can be opened by the user only (mode 0700)."""
    path = user_paths().settings_file
    assert not path.parent.exists()
    assert SettingsStore(path).save(Settings(level="advanced")).ok
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_save_writes_a_hidden_temp_file_next_to_the_settings_and_renames_it(path, monkeypatch):
    """The new file is written beside settings.yaml under the hidden name a later start cleans up if a save dies."""
    renames = []
    real_replace = os.replace

    def spy(source, target):
        renames.append((Path(source), Path(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    assert SettingsStore(path).save(Settings(level="advanced")).ok
    [(temp, target)] = renames
    assert target == path and temp.parent == path.parent
    assert temp.name.startswith(".settings.yaml.") and temp.name.endswith(".tmp") and len(temp.name) > 19


def test_the_folder_is_synced_after_the_rename_so_a_power_cut_keeps_the_save(path, monkeypatch):
    """Durability: after the new file is renamed into place, its folder is flushed to disk too."""
    events = []
    real_replace, real_fsync = os.replace, os.fsync
    monkeypatch.setattr(os, "replace", lambda source, target: (events.append("rename"), real_replace(source, target)))

    def fsync(fd):
        events.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    assert SettingsStore(path).save(Settings(level="advanced")).ok
    assert events == ["file", "rename", "folder"]


def test_a_file_system_that_refuses_to_open_folders_still_saves(path, catalog, monkeypatch):
    """Where a folder cannot be opened for syncing (some network file systems), saving still works."""
    real_open = os.open

    def refuse_folder(target, *args, **kwargs):
        if os.fspath(target) == str(path.parent):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_folder)
    assert SettingsStore(path).save(Settings(level="advanced")).ok
    assert SettingsStore(path).load(catalog).settings == Settings(level="advanced")


def test_a_failed_save_whose_temp_file_cannot_be_removed_still_reports(path, monkeypatch):
    """Rename refused and the temp file stuck: the user still gets the reason, and the app goes on."""
    fail_for(monkeypatch, "replace", ".tmp", OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    fail_for(monkeypatch, "unlink", ".tmp", PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    result = SettingsStore(path).save(Settings(level="advanced"))
    assert result.message == (f"HipFit could not save your settings to {path} (No space left on device). Changes "
                              "are kept until you close HipFit.")
    assert not path.exists()


def test_a_store_uses_the_users_settings_file_unless_given_another(hipfit_home, tmp_path, catalog):
    """`SettingsStore()` reads and writes the user's settings.yaml; one given another path leaves that file alone."""
    default = SettingsStore()
    assert default.path == user_paths().settings_file and default.read_only is None
    assert default.save(Settings(level="advanced")).ok
    other = tmp_path / "elsewhere" / "settings.yaml"
    assert SettingsStore(other).save(Settings(level="intermediate")).ok
    assert SettingsStore().load(catalog).settings == Settings(level="advanced")
    assert SettingsStore(other).load(catalog).settings == Settings(level="intermediate")
