"""settings.yaml against links, read-only files, aliases, tags and merge keys: what the user wrote survives."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from hipfit_desktop.exercises.strictyaml import load_text
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.settings.store import SettingsStore, write_atomic
from hipfit_desktop.system.paths import user_paths


@pytest.fixture
def path(hipfit_home) -> Path:
    path = user_paths().settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def test_a_link_placed_at_the_settings_file_is_never_written_through(path, catalog, tmp_path):
    """The file the link points at keeps its bytes; the settings are read from it and saving is refused."""
    target = tmp_path / "elsewhere.yaml"
    target.write_text("version: 1\nlevel: advanced\n", encoding="utf-8")
    path.symlink_to(target)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings.level == "advanced"
    assert loaded.notice == (f"Your settings file {path} is used as it is, but HipFit will not change it: it is a "
                             "symbolic link, and HipFit does not write through links. Changes you make are kept "
                             "until you close HipFit.")
    result = store.save(Settings(level="beginner"))
    assert not result.ok and "symbolic link" in (result.message or "")
    assert path.is_symlink() and target.read_text(encoding="utf-8") == "version: 1\nlevel: advanced\n"


def test_a_read_only_settings_file_is_used_and_left_as_it_is(path, catalog):
    path.write_text("version: 1\nlevel: advanced\n", encoding="utf-8")
    path.chmod(0o444)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings.level == "advanced" and "it is read-only" in (loaded.notice or "")
    assert not store.save(Settings(level="beginner")).ok
    assert path.read_text(encoding="utf-8") == "version: 1\nlevel: advanced\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.parametrize("make", ["link", "read-only", "folder"])
def test_write_atomic_refuses_what_it_must_not_replace(tmp_path, make):
    """The rule under every save (settings, exports, window geometry, tone stamp)."""
    target, victim = tmp_path / "out.txt", tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    if make == "link":
        target.symlink_to(victim)
    elif make == "read-only":
        target.write_bytes(b"mine")
        target.chmod(0o400)
    else:
        target.mkdir()
    with pytest.raises(OSError) as info:
        write_atomic(target, b"new")
    assert {"link": "symbolic link", "read-only": "read-only", "folder": "a folder"}[make] in info.value.strerror
    assert victim.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_a_link_put_in_place_during_the_write_is_refused(tmp_path, monkeypatch):
    """The check runs again just before the rename: a link that appears meanwhile is not replaced."""
    target, victim = tmp_path / "out.txt", tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    real_fsync = os.fsync

    def fsync_then_plant(fd):
        real_fsync(fd)
        if not target.is_symlink():
            target.symlink_to(victim)

    monkeypatch.setattr(os, "fsync", fsync_then_plant)
    with pytest.raises(OSError, match="symbolic link"):
        write_atomic(target, b"new")
    assert victim.read_bytes() == b"precious" and target.is_symlink()


def test_saved_files_are_0600_in_folders_made_0700(tmp_path):
    target = tmp_path / "new" / "deeper" / "settings.yaml"
    write_atomic(target, b"version: 1\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700


ALIASED = """\
version: 1
level: advanced
mine: &shared
  colour: green
  sizes: !sizes [1, 2, 3]
again: *shared
also: *shared
"""


def test_aliases_and_tags_of_kept_unknown_keys_are_written_back(path, catalog):
    """A save keeps `&shared`/`*shared` (not three copies) and the `!sizes` tag, and reads back the same."""
    path.write_text(ALIASED, encoding="utf-8")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert store.save(loaded.settings.with_exercise("squat", reps=12)).ok
    text = path.read_text(encoding="utf-8")
    assert "mine: &shared\n" in text and "again: *shared\n" in text and "also: *shared\n" in text
    assert "!sizes [1, 2, 3]" in text or "!sizes\n" in text
    assert text.count("colour: green") == 1
    again = SettingsStore(path)
    assert again.load(catalog).settings == loaded.settings.with_exercise("squat", reps=12)
    assert again.save(again.load(catalog).settings).ok and path.read_text(encoding="utf-8") == text


def test_a_merge_key_is_a_warning_for_that_key_and_the_rest_is_used(path, catalog):
    """`<<` used to make the whole file corrupt (every setting reset); now it is one warning and kept."""
    path.write_text("version: 1\nlevel: advanced\nbase: &b {x: 1}\n<<: *b\n", encoding="utf-8")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings.level == "advanced" and loaded.notice is None
    assert loaded.warnings[1:] == [f"{path.name}:4: <<: merge keys (<<) are not supported: write the keys out; "
                               "not used, left in the file"]
    assert store.save(loaded.settings).ok
    assert "\n<<: *b\n" in path.read_text(encoding="utf-8")


def test_a_huge_number_under_an_unknown_key_is_kept_and_the_rest_is_used(path, catalog):
    """A 5 000-digit number once stopped the app from starting (Python's int conversion limit)."""
    path.write_text(f"version: 1\nlevel: advanced\nhuge: {'9' * 5000}\n", encoding="utf-8")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert loaded.settings.level == "advanced"
    assert store.save(loaded.settings).ok and f"huge: {'9' * 5000}\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["version: 1\nx: &r [*r]\n", "version: 1\nx: " + "[" * 600 + "]" * 600 + "\n",
                                  "version: 1\nx: \x00\n"], ids=["loop", "deep", "nul"])
def test_a_hostile_settings_file_is_kept_aside_byte_for_byte(path, catalog, text):
    path.write_text(text, encoding="utf-8")
    loaded = SettingsStore(path).load(catalog)
    assert loaded.settings == Settings() and "could not be used" in (loaded.notice or "")
    [aside] = path.parent.glob("settings.yaml.corrupt-*")
    assert aside.read_text(encoding="utf-8") == text


def test_thousands_of_problems_are_listed_as_twenty_and_a_count(path, catalog):
    path.write_text("version: 1\n" + "".join(f"k{i}: {i}\n" for i in range(5000)), encoding="utf-8")
    warnings = SettingsStore(path).load(catalog).warnings
    assert len(warnings) == 21 and warnings[0].startswith("settings.yaml:2: k0: unknown key")
    assert warnings[-1] == "settings.yaml:22: 4980 more problems from this line on are not listed"


@pytest.mark.parametrize("typed, written", [
    ('mine: !note "two\\nlines"\n', 'mine: !note "two\\nlines"\n'),
    ("mine: !note plain words\n", "mine: !note 'plain words'\n"),  # PyYAML quotes tagged text: same value
    ('mine: "quoted"\n', "mine: quoted\n"),
    ("mine: 1:30\n", "mine: 1:30\n"),
], ids=["tagged-quoted-break", "tagged-plain", "quoted", "base-60-text"])
def test_kept_scalars_keep_their_tag_and_meaning(path, catalog, typed, written):
    path.write_text("version: 1\n" + typed, encoding="utf-8")
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert store.save(loaded.settings).ok
    text = path.read_text(encoding="utf-8")
    assert text.endswith(written)
    again = SettingsStore(path)
    again.load(catalog)
    assert again.save(loaded.settings).ok and path.read_text(encoding="utf-8") == text


def test_two_anchors_of_the_same_name_stay_two(path, catalog):
    """YAML lets a name be anchored again; the save must not let an alias change which value it means."""
    path.write_text("version: 1\na: &x [1]\nb: *x\nc: &x [2]\nd: *x\n", encoding="utf-8")
    store = SettingsStore(path)
    assert store.save(store.load(catalog).settings).ok
    root = load_text(path.read_text(encoding="utf-8"), "s")
    assert [[n.value for n in root.value[k].value] for k in "abcd"] == [[1], [1], [2], [2]]


def test_a_linked_settings_file_is_read_only_for_the_session_with_its_warnings(path, catalog, tmp_path):
    target = tmp_path / "synced.yaml"
    target.write_text("version: 1\nlevel: advanced\ncolour: green\n", encoding="utf-8")
    path.symlink_to(target)
    store = SettingsStore(path)
    loaded = store.load(catalog)
    assert [w.split(": ")[1] for w in loaded.warnings] == ["colour"]
    assert store.read_only == (f"HipFit does not save your settings: {path} is not changed because it is a symbolic "
                               "link, and HipFit does not write through links.")
    assert store.save(loaded.settings).message == store.read_only


def test_a_reused_anchor_name_never_makes_an_alias_point_elsewhere(path, catalog):
    """The save writes the `timings` section first, so the second `&x` would come between the first one and
    its last alias; that anchor gets a new name instead."""
    path.write_text("version: 1\nb: &x [2]\nbb: *x\na: &x [1]\ntimings:\n  extra: *x\n", encoding="utf-8")
    store = SettingsStore(path)
    assert store.save(store.load(catalog).settings).ok
    root = load_text(path.read_text(encoding="utf-8"), "s")
    values = {key: [n.value for n in root.value[key].value] for key in ("b", "bb", "a")}
    assert values == {"b": [2], "bb": [2], "a": [1]}
    assert [n.value for n in root.value["timings"].value["extra"].value] == [1]


def test_a_folder_made_by_a_racing_start_is_fine(tmp_path, monkeypatch):
    """Two HipFits starting at once may both find the folder missing; the second mkdir must not fail."""
    import os

    from hipfit_desktop.system.safe_files import private_folder

    folder = tmp_path / "config"
    folder.mkdir()
    real_stat = os.stat
    raced: list[bool] = []

    def stat_before_the_other_start(target, *args, **kwargs):
        if os.fspath(target) == str(folder) and not raced:
            raced.append(True)
            raise FileNotFoundError(target)
        return real_stat(target, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat_before_the_other_start)
    private_folder(folder)
    assert raced == [True] and folder.is_dir()


def test_twenty_problems_are_all_listed(path, catalog):
    path.write_text("version: 1\n" + "".join(f"k{i}: {i}\n" for i in range(20)), encoding="utf-8")
    warnings = SettingsStore(path).load(catalog).warnings
    assert len(warnings) == 20 and warnings[-1].startswith("settings.yaml:21: k19: unknown key")
