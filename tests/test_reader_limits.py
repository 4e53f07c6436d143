"""Limits a hostile or broken user file meets: each one a located message, never a traceback, a hang or 4 GB.

docs/DECISIONS.md, Limits, says why each number is what it is.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hipfit_desktop.exercises import catalog as catalog_module
from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.exercises.strictyaml import DataError, Fields, load_file, load_text
from hipfit_desktop.exercises.yaml_tree import MAX_DEPTH, MAX_VALUES
from hipfit_desktop.system import safe_files

BUILT_IN = {"full-hip-session", "day-a", "day-b", "quick-no-equipment", "band-day", "couch-stretch-mobility"}


def load_message(text: str) -> str:
    with pytest.raises(DataError) as info:
        load_text(text, "f.yaml")
    return str(info.value)


def user_file(folder: Path, body: str, name: str = "mine.yaml") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("schema: 1\nroutines:\n" + body, encoding="utf-8")
    return path


def problems(folder: Path) -> list[str]:
    catalog = load_catalog(user_routines_dir=folder)
    assert set(catalog.routines) >= BUILT_IN  # whatever the user's files hold, the built-ins load
    return [str(p) for p in catalog.problems]


# --- the YAML tree -----------------------------------------------------------------------------------------

def test_a_billion_laughs_file_is_refused_at_the_line_that_passes_the_limit():
    """Nine aliases of nine aliases would be a billion values; the count stops at MAX_VALUES, on its line."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    message = load_message("\n".join(lines) + "\n")
    assert message.startswith("f.yaml:6: more than 100,000 values (aliases count each time they are used)")


def test_an_alias_is_the_same_node_not_a_copy():
    """Aliases below the limit load; the aliased value is shared, so a save can write it back as an alias."""
    root = load_text("a: &x {b: 1}\nc: *x\n", "f.yaml")
    assert root.value["a"].value is root.value["c"].value
    assert root.value["a"].anchor == "x"


@pytest.mark.parametrize("text, expected", [
    ("x: &r [*r]\n", "f.yaml:1: x[0]: the alias *r is inside its own anchor &r (a loop)"),
    ("x: *nowhere\n", "f.yaml:1: x: the alias *nowhere names no anchor above it"),
    ("[" * 600 + "]" * 600, f"f.yaml:1: {'[0]' * MAX_DEPTH}: nested more than {MAX_DEPTH} levels deep"),
], ids=["loop", "undefined", "deep"])
def test_loops_unknown_aliases_and_deep_nesting_are_located(text, expected):
    """A self-containing alias or 600 levels of brackets is a message, not a RecursionError."""
    assert load_message(text) == expected


def test_values_at_the_limit_load():
    """Exactly MAX_VALUES values (the mapping and its key-value pairs counted) is still a file."""
    pairs = MAX_VALUES - 1
    root = load_text("".join(f"k{i}: {i}\n" for i in range(pairs)), "f.yaml")
    assert len(root.value) == pairs
    assert load_message("".join(f"k{i}: {i}\n" for i in range(pairs + 1))).startswith(
        f"f.yaml:{pairs + 1}: more than")


@pytest.mark.parametrize("digits", [19, 5000])
def test_a_number_with_too_many_digits_is_a_field_error(digits):
    """Never Python's 4300-digit ValueError: the field says the number is far out of range."""
    fields = Fields(load_text(f"a: 1\nsets: {'7' * digits}\n", "f.yaml"), "f.yaml", "")
    with pytest.raises(DataError) as info:
        fields.integer("sets", 1, 20)
    assert str(info.value) == f"f.yaml:2: sets: a number with {digits} digits is far out of range (at most 18 digits)"


@pytest.mark.parametrize("text", ["0" + "7" * 5000, "1:" + "5" * 5000, "-0" + "9" * 5000])
def test_long_look_alikes_of_octal_or_base_60_never_raise(text):
    """YAML 1.1 hints are not computed for 5 000-digit text, which `int()` would refuse."""
    fields = Fields(load_text(f"sets: {text}\n", "f.yaml"), "f.yaml", "")
    with pytest.raises(DataError) as info:
        fields.integer("sets", 1, 20)
    assert info.value.line == 1 and info.value.field == "sets"


def test_a_number_with_eighteen_digits_is_still_a_number():
    assert load_text(f"a: {'9' * 18}\n", "f.yaml").value["a"].value == int("9" * 18)


def test_a_tag_is_kept_and_makes_the_value_text():
    node = load_text("a: !mine 5\n", "f.yaml").value["a"]
    assert (node.value, node.plain, node.tag) == ("5", False, "!mine")


# --- reading files -----------------------------------------------------------------------------------------

def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    """A FIFO called `x.yaml` used to hang start-up for good; now it is a file that cannot be read."""
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    with pytest.raises(DataError) as info:
        load_file(fifo)
    assert str(info.value) == f"{fifo}: cannot be read (it is a named pipe, not a regular file)"


def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    with pytest.raises(DataError) as info:
        load_file(link)
    assert str(info.value) == f"{link}: cannot be read (it is a device, not a regular file)"


def test_a_link_to_a_regular_file_is_read(tmp_path):
    """Dotfile managers link files in: a link to a regular file is fine to read."""
    (tmp_path / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    assert load_file(tmp_path / "link.yaml").value["a"].value == 1


def test_a_file_over_the_size_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * safe_files.MAX_READ_BYTES)
    with pytest.raises(DataError) as info:
        load_file(path)
    assert str(info.value) == f"{path}: cannot be read (it is larger than 1 MB)"
    assert safe_files.read_limited(path, limit=len(path.read_bytes())) == path.read_bytes()


def test_a_file_that_grows_while_read_is_still_cut_at_the_limit(tmp_path, monkeypatch):
    """The bound is on the bytes read, not the size fstat reported (a file may grow, /proc files say 0)."""
    path = tmp_path / "growing.yaml"
    path.write_bytes(b"a" * 10)
    real_fstat = os.fstat
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 0, *real_fstat(fd)[7:])))
    with pytest.raises(OSError, match="larger than 9 bytes"):
        safe_files.read_limited(path, limit=9)
    assert safe_files.read_limited(path, limit=10) == b"a" * 10


def test_text_that_is_not_utf8_names_its_line(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"a: 1\nb: caf" + b"\xe9\n")
    with pytest.raises(DataError) as info:
        load_file(path)
    assert str(info.value) == f"{path}:2: not UTF-8 text (invalid continuation byte at byte 11)"


# --- routine files -----------------------------------------------------------------------------------------

def test_an_id_with_a_cyrillic_look_alike_letter_is_refused(tmp_path):
    """`bаnd-day` with a Cyrillic а looks like the built-in id; only ASCII a-z, digits and hyphens pass."""
    path = user_file(tmp_path / "r", "  - id: b\u0430nd-day\n    name: Mine\n    exercises: [squat]\n")
    assert problems(tmp_path / "r") == [
        f"{path}:3: routines[0].id: 'b\u0430nd-day' must be lowercase letters a-z, digits and hyphens"]


def test_a_control_character_in_a_name_is_refused(tmp_path):
    """An escape code typed as `\\e` in double quotes would reach the terminal through `hipfit list`."""
    path = user_file(tmp_path / "r", '  - id: mine\n    name: "red \\e[31m"\n    exercises: [squat]\n')
    assert problems(tmp_path / "r") == [
        f"{path}:4: routines[0].name: control character U+001B is not allowed here"]


def test_too_many_routines_in_one_file(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_module, "MAX_ROUTINES_PER_FILE", 7)  # the built-in file has 6
    body = "".join(f"  - id: r{i}\n    name: R{i}\n    exercises: [squat]\n" for i in range(8))
    path = user_file(tmp_path / "r", body)
    assert problems(tmp_path / "r") == [f"{path}:2: routines: 8 routines in one file; at most 7"]
    monkeypatch.setattr(catalog_module, "MAX_ROUTINES_PER_FILE", 8)
    assert problems(tmp_path / "r") == []


def test_too_many_exercises_in_one_routine(tmp_path):
    body = "  - id: long\n    name: Long\n    exercises: [" + ", ".join(["clamshell"] * 41) + "]\n"
    path = user_file(tmp_path / "r", body)
    assert problems(tmp_path / "r") == [f"{path}:5: routines[0].exercises: 41 exercises in one routine; at most 40"]


def test_too_much_work_in_one_routine(tmp_path):
    """20 sets of 100 clamshells a side at 3 s plus a 2 s pause: 5.6 hours. 10 sets (2.8 hours) still load."""
    path = user_file(tmp_path / "r", "  - id: huge\n    name: Huge\n    exercises:\n"
                                     "      - {exercise: clamshell, sets: 20, reps: 100}\n")
    assert problems(tmp_path / "r") == [
        f"{path}:5: routines[0].exercises: about 5 h 33 min of work without rests; at most 4 h"]
    user_file(tmp_path / "r", "  - id: huge\n    name: Huge\n    exercises:\n"
                              "      - {exercise: clamshell, sets: 10, reps: 100}\n")
    assert problems(tmp_path / "r") == []


def test_timed_work_counts_its_seconds(tmp_path):
    """Ten-minute couch stretches, 20 sets a leg: 6.7 hours."""
    path = user_file(tmp_path / "r", "  - id: long\n    name: Long\n    exercises:\n"
                                     "      - {exercise: couch-stretch, sets: 20, seconds: 600}\n")
    assert problems(tmp_path / "r") == [
        f"{path}:5: routines[0].exercises: about 6 h 40 min of work without rests; at most 4 h"]


def test_too_many_routine_files(tmp_path, monkeypatch):
    """Files past the limit are not read, and the user is told how many were."""
    monkeypatch.setattr(catalog_module, "MAX_ROUTINE_FILES", 2)
    for i in range(3):
        user_file(tmp_path / "r", f"  - id: r{i}\n    name: R{i}\n    exercises: [squat]\n", name=f"{i}.yaml")
    catalog = load_catalog(user_routines_dir=tmp_path / "r")
    assert [str(p) for p in catalog.problems] == [
        f"{tmp_path / 'r'}: holds 3 routine files; only the first 2 by name were read"]
    assert (catalog.problems[0].line, catalog.problems[0].field) == (None, "")
    assert {"r0", "r1"} <= set(catalog.routines) and "r2" not in catalog.routines


def test_a_routines_folder_that_refuses_reading_is_reported_with_the_reason(tmp_path, monkeypatch):
    """As root every folder is readable, so the refusal is simulated where the folder is listed."""
    import errno

    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    paths, found = catalog_module.routine_files(tmp_path)
    assert paths == [] and [str(p) for p in found] == [f"{tmp_path}: cannot be read (Permission denied)"]
    assert (found[0].line, found[0].field) == (None, "")


def test_exactly_the_file_limit_is_read_without_a_word(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog_module, "MAX_ROUTINE_FILES", 2)
    for i in range(2):
        user_file(tmp_path / "r", f"  - id: r{i}\n    name: R{i}\n    exercises: [squat]\n", name=f"{i}.yaml")
    paths, found = catalog_module.routine_files(tmp_path / "r")
    assert [p.name for p in paths] == ["0.yaml", "1.yaml"] and found == []
    assert catalog_module.routine_files(tmp_path / "missing") == ([], [])
    file_instead = tmp_path / "file"
    file_instead.write_text("x", encoding="utf-8")
    [problem] = catalog_module.routine_files(file_instead)[1]
    assert (problem.line, problem.field) == (None, "")


@pytest.mark.parametrize("text, hint", [
    ("0" + "1234567" * 2 + "012", "YAML 1.1 reads '012345671234567012' as the octal number"),  # 18 digits
    ("1" + ":00" * 33, "YAML 1.1 reads '1:00:00"),  # 100 characters: still explained
    ("10" + ":00" * 33, None),  # 101: too long to be worth computing
], ids=["eighteen-digit-octal", "hundred-characters", "hundred-and-one"])
def test_the_yaml11_hints_up_to_their_length_limits(text, hint):
    from hipfit_desktop.exercises.strictyaml import yaml11_meaning

    meaning = yaml11_meaning(text)
    assert (meaning is None) if hint is None else meaning.startswith(hint)


def test_an_alias_of_a_scalar_counts_one_value():
    """Each use of an alias counts what it stands for: here 1 + 3 values, then 1 each for two scalar aliases."""
    from hipfit_desktop.exercises import yaml_tree

    builder_root = yaml_tree.build("a: &s 5\nb: *s\nc: *s\n", "f.yaml")
    assert builder_root is not None and [n.value for n in builder_root.value.values()] == [5, 5, 5]


def test_a_control_character_in_a_description_is_refused_and_none_is_empty(tmp_path):
    path = user_file(tmp_path / "r", '  - id: mine\n    name: Mine\n    description: "ring \\a"\n'
                                     "    exercises: [squat]\n")
    assert problems(tmp_path / "r") == [
        f"{path}:5: routines[0].description: control character U+0007 is not allowed here"]
    user_file(tmp_path / "r", "  - id: mine\n    name: Mine\n    exercises: [squat]\n")
    assert load_catalog(user_routines_dir=tmp_path / "r").routine("mine").description == ""


def test_exactly_forty_exercises_load(tmp_path):
    user_file(tmp_path / "r", "  - id: long\n    name: Long\n    exercises: [" + ", ".join(["squat"] * 40) + "]\n")
    assert problems(tmp_path / "r") == []


def test_exactly_four_hours_of_work_load(tmp_path):
    """12 ten-minute couch stretches a leg: 14 400 s, the limit itself. One squat more (6 s) is over."""
    stretch = "      - {exercise: couch-stretch, sets: 12, seconds: 600}\n"
    user_file(tmp_path / "r", "  - id: long\n    name: Long\n    exercises:\n" + stretch)
    assert problems(tmp_path / "r") == []
    path = user_file(tmp_path / "r", "  - id: long\n    name: Long\n    exercises:\n" + stretch
                     + "      - {exercise: squat, sets: 1, reps: 1}\n")
    assert problems(tmp_path / "r") == [
        f"{path}:5: routines[0].exercises: about 4 h 0 min of work without rests; at most 4 h"]


@pytest.mark.parametrize("exercise, counts, seconds", [
    ("squat", {"sets": 1, "reps": 1}, 6),  # 3 s a rep, no hold, both sides (the one-legged squat is one-sided)
    ("clamshell", {"sets": 2, "reps": 3}, 2 * 3 * 2 * (3 + 2)),  # its pause is 1-2 s: the longest counts
    ("clamshell", {}, 3 * 10 * 2 * (3 + 2)),  # the exercise's own sets and reps (the article: 3 x 10)
    ("couch-stretch", {"sets": 2, "seconds": 100}, 2 * 100 * 2),
    ("couch-stretch", {}, 1 * 180 * 2),
], ids=["squat", "clamshell", "clamshell-defaults", "couch", "couch-defaults"])
def test_the_work_estimate_of_one_item(catalog, exercise, counts, seconds):
    from hipfit_desktop.exercises.model import RoutineItem

    assert catalog_module._work_seconds(RoutineItem(exercise, **counts), catalog.exercises[exercise]) == seconds


def test_a_two_sided_exercise_counts_once(catalog):
    """An exercise none of whose versions is one-sided is worked once a rep, not on each side."""
    from dataclasses import replace

    from hipfit_desktop.exercises.model import RoutineItem

    squat = catalog.exercises["squat"]
    two_sided = replace(squat, one_sided=False, progressions=tuple(replace(step, one_sided=None)
                                                                  for step in squat.progressions))
    assert catalog_module._work_seconds(RoutineItem("squat", sets=1, reps=1), two_sided) == 3
