"""What the user chose: level, progression per exercise, adjusted counts and timings.

Every field is optional in the sense that `None` means "the app's default": only values the user changed
are kept, so a later version's better defaults still reach them. Values are checked against BOUNDS (and the
word lists) when a `Settings` is made, so a dialog cannot build one the file reader would refuse.

The second half is the file format: `read_settings` (a parsed `settings.yaml` -> Settings, with a warning
per unusable field) and `settings_text` (Settings -> the file, only what differs from the defaults).
`store.py` does the disk: atomic saves, corrupt and newer files, upgrades.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING, Any

from ..exercises.model import LEVELS
from ..exercises.strictyaml import MERGE_KEY_PROBLEM, DataError, Fields, Node, check_int, load_text
from .migrations import CURRENT_VERSION
from .yaml_out import dump

if TYPE_CHECKING:
    from ..exercises.model import Catalog

SIDES = ("left", "right")
MAX_WARNINGS = 20  # listed at start-up; the rest are counted
PACES = ("guided", "own")

# (low, high) for every number a user can set; the dialog and the file reader both use these.
BOUNDS: dict[str, tuple[int, int]] = {
    "sets": (1, 20),
    "reps": (1, 100),
    "hold_seconds": (0, 600),
    "seconds": (5, 600),
    "rest_seconds": (0, 600),
    "get_ready_seconds": (0, 120),
    "rest_between_sets_seconds": (0, 600),
    "switch_sides_seconds": (0, 120),
    "rest_between_exercises_seconds": (0, 600),
    "volume": (0, 100),
    "weekly_target": (1, 7),  # workouts a week; the article advises three to four
}

# The global timings, in the order the file and `hipfit settings` show them.
TIMINGS = ("get_ready_seconds", "rest_between_sets_seconds", "switch_sides_seconds", "rest_between_exercises_seconds")
# The per-exercise fields, in the same order as `ExerciseSettings`.
EXERCISE_FIELDS = ("progression", "sets", "reps", "hold_seconds", "seconds", "rest_seconds", "pace")
_FILE_KEYS = ("version", "level", "level_chosen", "first_side", "count_each_rep", "last_routine", "weekly_target",
              "timings", "sound", "exercises")
_SOUND_KEYS = {"enabled": "sound", "volume": "volume", "voice": "voice", "tones": "tones"}  # file key -> field


def _check_number(name: str, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{name}: expected a whole number, got {value!r}")
    low, high = BOUNDS[name]
    if not low <= value <= high:
        raise ValueError(f"{name}: {value} is out of range ({low} to {high})")


def _check_choice(name: str, value: object, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise ValueError(f"{name}: expected one of {', '.join(choices)}, got {value!r}")


@dataclass(frozen=True)
class ExerciseSettings:
    """The user's changes to one exercise; None keeps the catalogue's or level's default."""

    progression: str | None = None
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    seconds: int | None = None
    rest_seconds: int | None = None  # rest between this exercise's sets
    pace: str | None = None

    def __post_init__(self) -> None:
        for name in ("sets", "reps", "hold_seconds", "seconds", "rest_seconds"):
            _check_number(name, getattr(self, name))
        _check_choice("pace", self.pace, PACES)
        if self.progression is not None and (not isinstance(self.progression, str) or not self.progression):
            raise ValueError(f"progression: expected a progression id, got {self.progression!r}")

    def is_default(self) -> bool:
        return self == ExerciseSettings()


@dataclass(frozen=True)
class Settings:
    """Everything the user chose. Immutable: `with_exercise`, `reset_exercise`, `dataclasses.replace` make new ones."""

    level: str = "beginner"
    first_side: str = "left"
    get_ready_seconds: int | None = None
    rest_between_sets_seconds: int | None = None
    switch_sides_seconds: int | None = None
    rest_between_exercises_seconds: int | None = None
    exercises: dict[str, ExerciseSettings] = field(default_factory=dict)
    # Sound, for the cues: master switch, loudness in percent, spoken prompts, tones (beeps, 3-2-1).
    sound: bool = True
    volume: int = 80
    voice: bool = True  # spoken prompts where a speech engine answers; tones only, without a word, where none does
    tones: bool = True
    last_routine: str | None = None  # the routine id picked last time; may name a routine that is gone
    level_chosen: bool = False  # False until the user has picked a level (the window asks once)
    weekly_target: int = 3  # workouts a week the picker counts against (the article: three to four)
    count_each_rep: bool = False  # own pace: a press per rep instead of one per set (and its hold timed)

    def __post_init__(self) -> None:
        _check_choice("level", self.level, LEVELS)
        _check_choice("first_side", self.first_side, SIDES)
        for name in (*TIMINGS, "volume", "weekly_target"):
            _check_number(name, getattr(self, name))
        for name in ("sound", "voice", "tones", "level_chosen", "count_each_rep"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name}: expected true or false, got {getattr(self, name)!r}")
        routine = self.last_routine
        if routine is not None and (not isinstance(routine, str) or not routine or routine != routine.strip()
                                    or len(routine) > 200):
            raise ValueError(f"last_routine: expected a routine id, got {routine!r}")
        for exercise_id, own in self.exercises.items():
            if not isinstance(own, ExerciseSettings):
                raise ValueError(f"exercises.{exercise_id}: expected ExerciseSettings, got {own!r}")

    def for_exercise(self, exercise_id: str) -> ExerciseSettings:
        return self.exercises.get(exercise_id, ExerciseSettings())

    def with_exercise(self, exercise_id: str, **changes: object) -> Settings:
        updated = replace(self.for_exercise(exercise_id), **changes)
        exercises = dict(self.exercises)
        if updated.is_default():
            exercises.pop(exercise_id, None)
        else:
            exercises[exercise_id] = updated
        return replace(self, exercises=exercises)

    def reset_exercise(self, exercise_id: str) -> Settings:
        """Every setting of one exercise back to the default (its level's progression, the catalogue's counts)."""
        exercises = dict(self.exercises)
        exercises.pop(exercise_id, None)
        return replace(self, exercises=exercises)

    def reset_all(self) -> Settings:
        """Timings, first side, sound and every exercise back to the defaults.

        Keeps what the user *is* rather than what they tuned: the level (and that it was chosen), the last
        routine and the weekly target.
        """
        return Settings(level=self.level, level_chosen=self.level_chosen, last_routine=self.last_routine,
                        weekly_target=self.weekly_target)


# --- the file (version CURRENT_VERSION): what `store` reads and writes ---------------------------

@dataclass(frozen=True)
class Kept:
    """Part of the file this version does not use: written back as it was, so a hand edit is never lost.

    An unknown key is always kept; an invalid value only until the user sets that field in the app.
    """

    path: tuple[str, ...]
    node: Node
    unknown: bool


@dataclass
class ParsedSettings:
    settings: Settings
    warnings: list[str]
    kept: list[Kept]


def read_version(text: str, file: str) -> tuple[Node, int]:
    """The top mapping and its `version`; DataError when the text cannot be settings of any version."""
    root = load_text(text, file)
    if not isinstance(root.value, dict):
        raise DataError(file, root.line, "", "the top level is not a mapping of settings")
    node = root.value.get("version")
    if node is None:
        raise DataError(file, root.line, "version", "missing")
    return root, check_int(node, file, "version", 0, 1_000_000)


class _Reader:
    def __init__(self, file: str, catalog: Catalog, report_unknown: bool) -> None:
        self.file, self.catalog, self.report_unknown = file, catalog, report_unknown
        self.warnings: list[tuple[int, str]] = []  # (line, message), sorted by line at the end
        self.kept: list[Kept] = []

    def get(self, fields: Fields, path: tuple[str, ...], read: Callable[[], Any]) -> Any:
        """`read()`, or None (the default) with a warning when the value is not usable."""
        try:
            return read()
        except DataError as problem:
            self.warnings.append((problem.line or 0, f"{problem} (using the default)"))
            self.kept.append(Kept(path, fields.node.value[path[-1]], unknown=False))
            return None

    def section(self, fields: Fields, path: tuple[str, ...]) -> Fields | None:
        return self.get(fields, path, lambda: fields.mapping(path[-1], required=False))

    def unknown(self, fields: Fields, path: tuple[str, ...], known: Iterable[str], what: str = "key") -> None:
        known = tuple(known)
        for key, node in fields.node.value.items():
            if key in known:
                continue
            self.kept.append(Kept((*path, key), node, unknown=True))
            if self.report_unknown:
                problem = f"unknown {what}: not used, left in the file (known: {', '.join(known)})"
                if key == "<<":
                    problem = f"{MERGE_KEY_PROBLEM}; not used, left in the file"
                self.warnings.append((node.line, str(DataError(self.file, node.line, fields.field(key), problem))))

    def number(self, fields: Fields, path: tuple[str, ...], name: str) -> int | None:
        low, high = BOUNDS[name]
        return self.get(fields, path, lambda: fields.integer(path[-1], low, high, required=False))


def read_settings(root: Node, file: str, catalog: Catalog, report_unknown: bool = True) -> ParsedSettings:
    """Every usable field of a current-version file; each unusable one is a warning and keeps its default."""
    reader = _Reader(file, catalog, report_unknown)
    top = Fields(root, file, "")
    values: dict[str, Any] = {
        "level": reader.get(top, ("level",), lambda: top.choice("level", LEVELS, required=False)),
        "level_chosen": reader.get(top, ("level_chosen",), lambda: top.boolean("level_chosen", required=False)),
        "first_side": reader.get(top, ("first_side",), lambda: top.choice("first_side", SIDES, required=False)),
        "count_each_rep": reader.get(top, ("count_each_rep",), lambda: top.boolean("count_each_rep", required=False)),
        "last_routine": reader.get(top, ("last_routine",),
                                   lambda: top.text("last_routine", required=False, max_length=200)),
        "weekly_target": reader.number(top, ("weekly_target",), "weekly_target"),
    }
    timings = reader.section(top, ("timings",))
    if timings is not None:
        values.update({name: reader.number(timings, ("timings", name), name) for name in TIMINGS})
        reader.unknown(timings, ("timings",), TIMINGS)
    sound_node = top.raw("sound", required=False)
    if sound_node is not None and isinstance(sound_node.value, bool) and sound_node.plain:
        values["sound"] = sound_node.value  # `sound: false` by hand means what it says
    else:
        sound = reader.section(top, ("sound",))
        if sound is not None:
            for key, name in _SOUND_KEYS.items():
                values[name] = reader.number(sound, ("sound", key), name) if name == "volume" else \
                    reader.get(sound, ("sound", key), partial(sound.boolean, key, required=False))
            reader.unknown(sound, ("sound",), _SOUND_KEYS)
    exercises = reader.section(top, ("exercises",))
    own: dict[str, ExerciseSettings] = {}
    if exercises is not None:
        for exercise_id in catalog.exercises:
            entry = reader.section(exercises, ("exercises", exercise_id))
            if entry is not None:
                own_one = _read_exercise(reader, entry, exercise_id)
                if not own_one.is_default():
                    own[exercise_id] = own_one
        reader.unknown(exercises, ("exercises",), catalog.exercises, "exercise")
    reader.unknown(top, (), _FILE_KEYS)
    settings = Settings(**{k: v for k, v in values.items() if v is not None}, exercises=own)
    ordered = sorted(reader.warnings, key=lambda item: item[0])  # top to bottom
    warnings = [text for _, text in ordered[:MAX_WARNINGS]]
    if len(ordered) > MAX_WARNINGS:  # 60 000 unknown keys must not become 60 000 lines in the window
        more = len(ordered) - MAX_WARNINGS
        warnings.append(f"{file}:{ordered[MAX_WARNINGS][0]}: {more} more problems from this line on are not listed")
    return ParsedSettings(settings, warnings, reader.kept)


def _read_exercise(reader: _Reader, fields: Fields, exercise_id: str) -> ExerciseSettings:
    exercise = reader.catalog.exercises[exercise_id]
    ladder = tuple(step.id for step in exercise.progressions)
    path = ("exercises", exercise_id)

    def progression() -> str | None:
        value = fields.text("progression", required=False, max_length=60)
        if value is not None and value not in ladder:
            raise fields.error("progression", f"unknown progression {value!r} for {exercise_id} "
                                              f"(known: {', '.join(ladder)})")
        return value

    def not_for(key: str, problem: str, read: Callable[[], Any]) -> Callable[[], Any]:
        def checked() -> Any:
            value = read()
            if value is not None and problem:
                raise fields.error(key, problem)
            return value
        return checked

    def number(key: str) -> Callable[[], Any]:
        return lambda: fields.integer(key, *BOUNDS[key], required=False)

    timed = f"{exercise_id} is timed: set `seconds` instead" if exercise.timed else ""
    values = {
        "progression": progression,
        "sets": number("sets"),
        "reps": not_for("reps", timed, number("reps")),
        "hold_seconds": not_for("hold_seconds", timed, number("hold_seconds")),
        "seconds": not_for("seconds", "" if exercise.timed else f"{exercise_id} counts reps: set `reps` instead",
                           number("seconds")),
        "rest_seconds": number("rest_seconds"),
        "pace": not_for("pace", timed, lambda: fields.choice("pace", PACES, required=False)),
    }
    result = ExerciseSettings(**{key: reader.get(fields, (*path, key), read) for key, read in values.items()})
    reader.unknown(fields, path, EXERCISE_FIELDS)
    return result


_HEADER = """\
# HipFit settings. Only what you changed is here: delete a line to go back to the default.
# Durations are whole seconds. HipFit rewrites this file when you change a setting (comments are not kept).
"""
def settings_document(settings: Settings) -> dict[str, Any]:
    """What the file holds for `settings`: the version and every value that is not the default."""
    default = Settings()
    doc: dict[str, Any] = {"version": CURRENT_VERSION}
    for name in ("level", "level_chosen", "first_side", "count_each_rep", "last_routine", "weekly_target"):
        if getattr(settings, name) != getattr(default, name):
            doc[name] = getattr(settings, name)
    sections = {
        "timings": {name: getattr(settings, name) for name in TIMINGS if getattr(settings, name) is not None},
        "sound": {key: getattr(settings, name) for key, name in _SOUND_KEYS.items()
                  if getattr(settings, name) != getattr(default, name)},
        "exercises": {exercise_id: {key: getattr(own, key) for key in EXERCISE_FIELDS
                                    if getattr(own, key) is not None}
                      for exercise_id, own in sorted(settings.exercises.items()) if not own.is_default()},
    }
    doc.update({name: section for name, section in sections.items() if section})
    return doc


def _place(doc: dict[str, Any], path: tuple[str, ...], value: Any, dry_run: bool = False) -> bool:
    """Put `value` at `path` unless something is there already; False if it is taken."""
    parent = doc
    for key in path[:-1]:
        child = parent.get(key)
        if child is None:
            if dry_run:
                return True
            child = parent[key] = {}
        elif not isinstance(child, dict):
            return False
        parent = child
    if path[-1] in parent:
        return False
    if not dry_run:
        parent[path[-1]] = value
    return True


def still_kept(settings: Settings, kept: Iterable[Kept]) -> list[Kept]:
    """The kept parts that still go back into the file: an invalid value goes once the user sets that field."""
    doc = settings_document(settings)
    return [item for item in kept if item.unknown or _place(doc, item.path, None, dry_run=True)]


def settings_text(settings: Settings, kept: Iterable[Kept] = ()) -> str:
    """The file for `settings`, with the parts of the old file this version did not use put back."""
    doc = settings_document(settings)
    for item in kept:
        _place(doc, item.path, item.node)
    doc = _in_order(doc, _FILE_KEYS)
    for name, order in (("timings", TIMINGS), ("sound", tuple(_SOUND_KEYS))):
        if isinstance(doc.get(name), dict):
            doc[name] = _in_order(doc[name], order)
    if isinstance(doc.get("exercises"), dict):
        doc["exercises"] = {exercise_id: _in_order(entry, EXERCISE_FIELDS) if isinstance(entry, dict) else entry
                            for exercise_id, entry in sorted(doc["exercises"].items())}
    return _HEADER + dump(doc)


def _in_order(mapping: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    """Known keys in their usual order, then the kept unknown ones as they came."""
    rank = {key: i for i, key in enumerate(order)}
    return dict(sorted(mapping.items(), key=lambda item: rank.get(item[0], len(rank))))
