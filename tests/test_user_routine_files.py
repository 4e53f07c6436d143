"""User routine files next to the shipped ones: a bad file is skipped with a located message, the rest load.

Also: which files in the folder are read, in what order problems are listed, and how the shipped data files
are named when one of them is broken.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from hipfit_desktop.exercises import catalog as catalog_module
from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.exercises.strictyaml import DataError
from tests.test_catalog_validation import ROUTINES, edit, exercises_yaml

BUILT_IN = {"full-hip-session", "day-a", "day-b", "quick-no-equipment", "band-day", "couch-stretch-mobility"}


def routine(routine_id: str, exercise: str = "squat") -> str:
    return f"  - id: {routine_id}\n    name: Routine {routine_id}\n    exercises: [{exercise}]\n"


def write(folder: Path, name: str, *routines: str) -> Path:
    path = folder / name
    path.write_text("schema: 1\nroutines:\n" + "".join(routines), encoding="utf-8")
    return path


def test_a_file_whose_second_routine_reuses_a_built_in_id_is_skipped_whole(tmp_path):
    """The clash names the routine's index, its id line and the built-in file; the file's other routine is not added."""
    path = write(tmp_path, "mine.yaml", routine("mine"), routine("band-day"))
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert [str(p) for p in catalog.problems] == [
        f"{path}:6: routines[1].id: id 'band-day' is already used by data/routines.yaml"]
    assert "mine" not in catalog.routines
    assert catalog.routine("band-day").source == "data/routines.yaml"


def test_a_routine_id_used_by_an_earlier_user_file_is_refused_naming_that_file(tmp_path):
    """Two user files with the same routine id: the first (by name) wins and the second's message names it."""
    first = write(tmp_path, "a.yaml", routine("morning", "squat"))
    second = write(tmp_path, "b.yml", routine("morning", "clamshell"))
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert [str(p) for p in catalog.problems] == [
        f"{second}:3: routines[0].id: id 'morning' is already used by {first}"]
    assert catalog.routine("morning").items[0].exercise == "squat"
    assert catalog.routine("morning").source == str(first)


def test_problems_are_listed_in_file_name_order_and_good_files_between_them_load(tmp_path):
    """Bad files are reported in the order of their names, and a good file among them still loads."""
    last = write(tmp_path, "z.yaml", routine("zed", "nope"))
    write(tmp_path, "m.yaml", routine("middle"))
    first = tmp_path / "a.yaml"
    first.write_text("", encoding="utf-8")
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert [p.file for p in catalog.problems] == [str(first), str(last)]
    assert str(catalog.problems[0]) == f"{first}:1: the file is empty"
    assert str(catalog.problems[1]).startswith(f"{last}:5: routines[0].exercises[0]: unknown exercise 'nope' (known: ")
    assert set(catalog.routines) == BUILT_IN | {"middle"}


def test_only_yaml_files_in_the_folder_are_read(tmp_path):
    """`.yaml` and `.yml` files are read; notes and backups in the same folder are left alone."""
    write(tmp_path, "one.yaml", routine("one"))
    write(tmp_path, "two.yml", routine("two"))
    (tmp_path / "notes.txt").write_text("not: [yaml", encoding="utf-8")
    (tmp_path / "old.yaml.bak").write_text("not: [yaml", encoding="utf-8")
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert catalog.problems == ()
    assert set(catalog.routines) == BUILT_IN | {"one", "two"}


def test_a_folder_named_like_a_routine_file_is_reported_as_unreadable(tmp_path):
    """Something that looks like a routine file but cannot be read is reported with the system's reason."""
    folder = tmp_path / "odd.yaml"
    folder.mkdir()
    catalog = load_catalog(user_routines_dir=tmp_path)
    assert [str(p) for p in catalog.problems] == [f"{folder}: cannot be read (it is a folder, not a regular file)"]


def test_a_routines_folder_that_is_not_there_adds_nothing(tmp_path):
    """Without a routines folder the built-in routines load and nothing is reported."""
    catalog = load_catalog(user_routines_dir=tmp_path / "routines")
    assert catalog.problems == () and set(catalog.routines) == BUILT_IN


def test_a_file_in_place_of_the_routines_folder_is_reported(tmp_path):
    """A file named `routines` is said to be a file, not left silent; the built-in routines still load."""
    folder = tmp_path / "routines"
    folder.write_text("schema: 1\n", encoding="utf-8")
    catalog = load_catalog(user_routines_dir=folder)
    assert [str(p) for p in catalog.problems] == [f"{folder}: cannot be read (it is a file; routines go in a folder)"]
    assert set(catalog.routines) == BUILT_IN


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_routines_folder_is_reported(tmp_path):
    """A routines folder HipFit may not read is reported with the system's reason, not skipped in silence."""
    folder = tmp_path / "routines"
    folder.mkdir(mode=0o000)
    try:
        problems = [str(p) for p in load_catalog(user_routines_dir=folder).problems]
    finally:
        folder.chmod(0o700)
    assert problems == [f"{folder}: cannot be read (Permission denied)"]


def test_an_empty_routine_list_in_a_user_file_is_reported(tmp_path):
    """A user file with `routines: []` is reported as an empty list at the top of the file."""
    path = tmp_path / "empty.yaml"
    path.write_text("# my routines\nschema: 1\nroutines: []\n", encoding="utf-8")
    assert [str(p) for p in load_catalog(user_routines_dir=tmp_path).problems] == [
        f"{path}:2: routines: the list is empty"]


class _Folder:
    """Stands in for the package's data folder (importlib.resources), holding the given files."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def joinpath(self, name: str) -> _Folder:
        return _Folder({"": self.files[name]})

    def read_text(self, encoding: str) -> str:
        assert codecs.lookup(encoding).name == "utf-8", "the shipped files must be read as UTF-8 on any locale"
        return self.files[""]


@pytest.mark.parametrize("broken, expected", [
    ("exercises.yaml", "data/exercises.yaml:1: schema: this app reads schema 1, the file says 2"),
    ("routines.yaml", "data/routines.yaml:1: schema: this app reads schema 1, the file says 2"),
], ids=["exercises", "routines"])
def test_a_broken_shipped_file_is_named_as_the_data_file(monkeypatch, broken, expected):
    """A mistake in a shipped file is reported against `data/exercises.yaml` or `data/routines.yaml`."""
    files = {"exercises.yaml": exercises_yaml(), "routines.yaml": ROUTINES}
    files[broken] = edit(files[broken], "schema: 1\n", "schema: 2\n")
    monkeypatch.setattr(catalog_module.resources, "files", lambda package: _Folder(files))
    with pytest.raises(DataError) as info:
        load_catalog()
    assert str(info.value) == expected


def test_the_shipped_files_are_read_from_the_package_data(monkeypatch):
    """The catalogue is what the package's two data files say, with routines sourced to `data/routines.yaml`."""
    requested = []

    def files(package: str) -> _Folder:
        requested.append(package)
        return _Folder({"exercises.yaml": exercises_yaml(), "routines.yaml": ROUTINES})

    monkeypatch.setattr(catalog_module.resources, "files", files)
    catalog = load_catalog()
    assert requested == ["hipfit_desktop.data"]
    assert list(catalog.exercises) == ["lift", "hold"] and list(catalog.advice) == ["start-slow"]
    assert catalog.routine("mine").source == "data/routines.yaml"
    assert catalog.defaults.get_ready_seconds == 10
