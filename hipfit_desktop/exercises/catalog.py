"""The exercise catalogue and routines: loaded from YAML, validated, then frozen.

The shipped files live in the `hipfit_desktop.data` package; user routines are YAML files in a folder the
caller names. Every problem is reported as `file:line: field: problem` (see `strictyaml.DataError`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TypeVar

from .ladder import identifier, parse_advice_ids, parse_equipment, parse_hold, parse_pair, parse_progressions
from .model import (
    MAX_REPS,
    MAX_SECONDS,
    MAX_SETS,
    Advice,
    AppDefaults,
    Catalog,
    Exercise,
    Routine,
    RoutineItem,
    Volume,
)
from .strictyaml import DataError, Fields, Node, check_text, load_file, load_text

SCHEMA = 1
# Limits on user routine files (docs/DECISIONS.md, Limits); the built-in routines are far below them.
MAX_ROUTINE_FILES = 100  # files read from routines/; the rest are reported, not read
MAX_ROUTINES_PER_FILE = 100
MAX_EXERCISES_PER_ROUTINE = 40  # the full session, every exercise once, has 12
# Work without rests (the full session: 56 min of it); also caps a plan's size: at 3 s or more a rep, 4 800 reps.
MAX_ROUTINE_WORK = 4 * 3600  # seconds
REP_SECONDS = 3  # a rep without its hold, for that estimate: the app's default tempo (up 1 s, down 2 s)


# --- loading ---------------------------------------------------------------------------------------------

def load_catalog(user_routines_dir: Path | None = None) -> Catalog:
    """Load the shipped catalogue and routines, then any user routine files (bad ones are skipped, noted)."""
    data = resources.files("hipfit_desktop.data")
    exercises_text = data.joinpath("exercises.yaml").read_text(encoding="utf-8")
    routines_text = data.joinpath("routines.yaml").read_text(encoding="utf-8")
    exercises, advice, defaults = parse_exercises(exercises_text, "data/exercises.yaml")
    routines = parse_routines(routines_text, "data/routines.yaml", exercises)
    problems: list[DataError] = []
    if user_routines_dir is not None:
        paths, problems = routine_files(user_routines_dir)
        for path in paths:
            try:
                extra = parse_routines_node(load_file(path), str(path), exercises)
                for i, routine in enumerate(extra.values()):
                    if routine.id in routines:
                        raise DataError(str(path), routine.line, f"routines[{i}].id",
                                        f"id {routine.id!r} is already used by {routines[routine.id].source}")
            except DataError as problem:
                problems.append(problem)
                continue
            routines.update(extra)
    return Catalog(exercises, routines, advice, defaults, tuple(problems))


def routine_files(folder: Path) -> tuple[list[Path], list[DataError]]:
    """The routine files in `folder`, by name, and what to tell the user if it cannot be read (or has too many).

    No folder is no routines; a folder that is there but unreadable, or a file in its place, is said so.
    """
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries if entry.name.endswith((".yaml", ".yml")))
    except FileNotFoundError:
        return [], []
    except NotADirectoryError:
        return [], [DataError(str(folder), None, "", "cannot be read (it is a file; routines go in a folder)")]
    except OSError as exc:
        return [], [DataError(str(folder), None, "", f"cannot be read ({exc.strerror or exc})")]
    problems = [] if len(names) <= MAX_ROUTINE_FILES else [
        DataError(str(folder), None, "", f"holds {len(names)} routine files; only the first {MAX_ROUTINE_FILES} "
                                         "by name were read")]
    return [folder / name for name in names[:MAX_ROUTINE_FILES]], problems


def parse_exercises(text: str, file: str) -> tuple[dict[str, Exercise], dict[str, Advice], AppDefaults]:
    top = Fields(load_text(text, file), file, "")
    _check_schema(top)
    defaults = _app_defaults(top.mapping("app_defaults"))
    advice = _by_id(top, "advice", _advice)
    advice_ids = frozenset(advice)
    exercises = _by_id(top, "exercises", lambda fields: _exercise(fields, advice_ids))
    top.finish()
    return exercises, advice, defaults


_Item = TypeVar("_Item", Advice, Exercise, Routine)


def _by_id(top: Fields, key: str, parse: Callable[[Fields], _Item]) -> dict[str, _Item]:
    """Parse the list under `key` into a dict by each item's `id`, refusing an id given twice."""
    items: dict[str, _Item] = {}
    for i, node in enumerate(top.items(key)):
        item = parse(Fields(node, top.file, f"{key}[{i}]"))
        if item.id in items:
            raise DataError(top.file, node.value["id"].line, f"{key}[{i}].id", f"duplicate id {item.id!r}")
        items[item.id] = item
    return items


def parse_routines(text: str, file: str, exercises: dict[str, Exercise]) -> dict[str, Routine]:
    return parse_routines_node(load_text(text, file), file, exercises)


def parse_routines_node(root: Node, file: str, exercises: dict[str, Exercise]) -> dict[str, Routine]:
    top = Fields(root, file, "")
    _check_schema(top)
    count = len(top.items("routines"))
    if count > MAX_ROUTINES_PER_FILE:
        raise top.error("routines", f"{count} routines in one file; at most {MAX_ROUTINES_PER_FILE}")
    routines = _by_id(top, "routines", lambda fields: _routine(fields, exercises))
    if not routines:
        raise DataError(file, root.line, "routines", "the list is empty")
    top.finish()
    return routines


def _check_schema(top: Fields) -> None:
    version = top.integer("schema", 0, 10_000)
    if version != SCHEMA:
        raise top.error("schema", f"this app reads schema {SCHEMA}, the file says {version}")


def _app_defaults(fields: Fields | None) -> AppDefaults:
    assert fields is not None
    values = {name: fields.integer(name, 0 if name.endswith("seconds") else 1, MAX_SECONDS)
              for name in AppDefaults.__dataclass_fields__}
    fields.finish()
    return AppDefaults(**values)


def _advice(fields: Fields) -> Advice:
    advice_id = identifier(fields)
    text = fields.text("text")
    span = None
    if fields.has("range"):
        span = parse_pair(fields.items("range"), fields, "range", 0, 1000)
    from_article = fields.boolean("from_article", required=False, default=True)
    fields.finish(allowed_extra=("range", "from_article"))
    return Advice(advice_id, text, span, from_article)


_VOLUME_KEYS = ("sets", "reps", "seconds", "hold_seconds")
_APP_ONLY_KEYS = ("up_seconds", "down_seconds", "switch_sides_seconds")


def _volume(exercise: Fields) -> Volume:
    article = exercise.mapping("article")
    app = exercise.mapping("app", required=False)
    assert article is not None
    limits = {"sets": (1, MAX_SETS), "reps": (1, MAX_REPS), "seconds": (1, MAX_SECONDS)}
    values: dict[str, object] = {}
    from_app: set[str] = set()
    for block, keys in ((article, _VOLUME_KEYS), (app, _VOLUME_KEYS + _APP_ONLY_KEYS)):
        if block is None:
            continue
        for key in keys:
            if not block.has(key):
                continue
            if key in values:
                raise block.error(key, "given in both `article` and `app`: say where the number comes from once")
            if key == "hold_seconds":
                values[key] = parse_hold(block, key)
            else:
                low, high = limits.get(key, (0, MAX_SECONDS))
                values[key] = block.integer(key, low, high)
            if block is app:
                from_app.add(key)
        block.finish(allowed_extra=keys)
    if "sets" not in values:
        raise exercise.error("article", "no `sets` in `article` or `app`")
    if ("reps" in values) == ("seconds" in values):
        raise exercise.error("article", "give either `reps` or `seconds` (in `article` or `app`), not both or neither")
    return Volume(
        sets=values["sets"], reps=values.get("reps"), seconds=values.get("seconds"),  # type: ignore[arg-type]
        hold=values.get("hold_seconds"), up_seconds=values.get("up_seconds"),  # type: ignore[arg-type]
        down_seconds=values.get("down_seconds"),  # type: ignore[arg-type]
        switch_sides_seconds=values.get("switch_sides_seconds"),  # type: ignore[arg-type]
        from_app=frozenset(from_app),
    )


def _exercise(fields: Fields, advice_ids: frozenset[str]) -> Exercise:
    exercise_id = identifier(fields)
    one_sided = fields.boolean("one_sided")
    side_label = fields.text("side_label", required=False, default="{side} leg", max_length=60)
    if "{side}" not in side_label:
        raise fields.error("side_label", "must contain {side}")
    volume = _volume(fields)
    pace = fields.choice("pace", ("guided", "own"), required=volume.seconds is None)
    if volume.seconds is not None and pace is not None:
        raise fields.error("pace", "timed work has no pace: drop this key")
    steps = tuple(fields.texts("steps"))
    if not steps:
        raise fields.error("steps", "at least one step is needed")
    tips = tuple(fields.texts("tips", required=False))
    equipment = parse_equipment(fields)
    exercise = Exercise(
        id=exercise_id,
        name=fields.text("name", max_length=80),
        article_title=fields.text("article_title", max_length=80),
        correction=fields.text("correction", required=False),
        summary=fields.text("summary"),
        category=fields.choice("category", ("strength", "stretch")),
        works=tuple(fields.texts("works", max_length=80)),
        equipment=equipment,
        one_sided=one_sided,
        side_label=side_label,
        pace=pace,
        volume=volume,
        steps=steps,
        tips=tips,
        progressions=parse_progressions(fields, steps, tips, advice_ids),
        cue_change=fields.text("cue_change", required=False),
        per_side_from_article=fields.boolean("per_side_from_article", required=False),
        each_side=fields.text("each_side", required=False, default="each side", max_length=40),
        advice=parse_advice_ids(fields, advice_ids),
    )
    fields.finish()
    for step in exercise.progressions:
        pace = exercise.pace_in(step)
        if (pace is None) != exercise.timed:
            raise fields.error("progressions", f"{step.id}: pace {pace!r} does not fit "
                                               f"{'timed' if exercise.timed else 'counted'} work")
    return exercise


def _routine(fields: Fields, exercises: dict[str, Exercise]) -> Routine:
    routine_id = identifier(fields)
    name = printable(fields, "name", fields.text("name", max_length=80))
    description = printable(fields, "description", fields.text("description", required=False, default=""))
    count = len(fields.items("exercises"))
    if count > MAX_EXERCISES_PER_ROUTINE:
        raise fields.error("exercises", f"{count} exercises in one routine; at most {MAX_EXERCISES_PER_ROUTINE}")
    allowed = None
    if fields.has("equipment_allowed"):
        allowed = frozenset(parse_equipment(fields, "equipment_allowed"))
    items: list[RoutineItem] = []
    for i, node in enumerate(fields.items("exercises")):
        path = f"{fields.field('exercises')}[{i}]"
        if isinstance(node.value, dict):
            item_fields = Fields(node, fields.file, path)
            exercise_id = item_fields.text("exercise", max_length=60)
            _known_exercise(exercise_id, exercises, fields.file, item_fields.node.value["exercise"].line,
                            item_fields.field("exercise"))
            item = RoutineItem(
                exercise_id,
                sets=item_fields.integer("sets", 1, MAX_SETS, required=False),
                reps=item_fields.integer("reps", 1, MAX_REPS, required=False),
                seconds=item_fields.integer("seconds", 1, MAX_SECONDS, required=False),
            )
            item_fields.finish()
            if item.reps is not None and exercises[exercise_id].timed:
                raise item_fields.error("reps", f"{exercise_id} is timed: give `seconds`, not `reps`")
            if item.seconds is not None and not exercises[exercise_id].timed:
                raise item_fields.error("seconds", f"{exercise_id} counts reps: give `reps`, not `seconds`")
        else:
            exercise_id = check_text(node, fields.file, path, 60)
            _known_exercise(exercise_id, exercises, fields.file, node.line, path)
            item = RoutineItem(exercise_id)
        needs = set(exercises[exercise_id].equipment)
        if allowed is not None and not needs <= allowed:
            raise DataError(fields.file, node.line, path, f"{exercise_id} always needs {', '.join(sorted(needs))}, "
                            f"which equipment_allowed leaves out")
        items.append(item)
    if not items:
        raise fields.error("exercises", "the list is empty")
    work = sum(_work_seconds(item, exercises[item.exercise]) for item in items)
    if work > MAX_ROUTINE_WORK:
        hours, minutes = divmod(work // 60, 60)
        raise fields.error("exercises", f"about {hours} h {minutes} min of work without rests; "
                                        f"at most {MAX_ROUTINE_WORK // 3600} h")
    fields.finish(allowed_extra=("equipment_allowed",))
    return Routine(routine_id, name, description, tuple(items), allowed, fields.file,
                   fields.node.value["id"].line)


def _work_seconds(item: RoutineItem, exercise: Exercise) -> int:
    """The item's work at most, without rests, on each side: timed seconds, or reps at REP_SECONDS plus the
    longest hold any version has."""
    sets = item.sets or exercise.volume.sets
    sides = 2 if exercise.one_sided or any(step.one_sided for step in exercise.progressions) else 1
    if exercise.timed:  # a timed exercise always has its seconds, a counted one its reps (`_volume`)
        return sets * int(item.seconds or exercise.volume.seconds) * sides  # type: ignore[arg-type]
    holds = [hold.high for hold in (exercise.volume.hold, *(step.hold for step in exercise.progressions)) if hold]
    return sets * int(item.reps or exercise.volume.reps) * sides * (REP_SECONDS + max(holds, default=0))


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(fields: Fields, key: str, text: str) -> str:
    """`text`, refused when it holds a control character (an escape code in a name would reach the terminal)."""
    bad = _CONTROL.search(text)
    if bad is not None:
        raise fields.error(key, f"control character U+{ord(bad.group()):04X} is not allowed here")
    return text


def _known_exercise(exercise_id: str, exercises: dict[str, Exercise], file: str, line: int, field: str) -> None:
    if exercise_id not in exercises:
        known = ", ".join(exercises)
        raise DataError(file, line, field, f"unknown exercise {exercise_id!r} (known: {known})")
