"""The figures file: every exercise version's poses as joint angles, read strictly and checked against the
catalogue, so a version without a figure, or a band the picture forgets, fails at load with `file:line`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from ..exercises.model import Exercise
from ..exercises.strictyaml import DataError, Fields, Node, check_text, load_text
from .skeleton import JOINTS, POINTS, VIEWS

SCHEMA = 1
BAND_PLACES = ("above-knees", "below-knees", "ankles", "feet", "knee-to-thigh")
LEGS = ("left", "right")
MAX_LOOP_SECONDS = 60


@dataclass(frozen=True, eq=False)
class Keyframe:
    name: str
    angles: Mapping[str, int]  # every joint of JOINTS in degrees (but `pelvis` in a side view, where it is a point)


@dataclass(frozen=True)
class Loop:
    """A timed movement repeats these keyframes (indexes), one round every `seconds` of the engine's time."""

    keyframes: tuple[int, ...]
    seconds: int


@dataclass(frozen=True, eq=False)  # compared by identity, so caches can key on it
class Figure:
    """One movement, drawn for the left side (or both): a version's props come from `VersionProps`."""

    exercise: str
    view: str
    anchor: str  # the point that stays put while the rest moves (a planted foot, a knee on the floor)
    keyframes: tuple[Keyframe, ...]
    start: int
    end: int
    loop: Loop | None
    mat: bool
    box: bool
    wall: bool
    line: int  # where the figure starts in its file
    still: bool = False  # timed work held in one position (a stretch): only the start and end poses exist


@dataclass(frozen=True)
class VersionProps:
    band: str | None = None  # one of BAND_PLACES
    ankle_weight: str | None = None  # the leg that carries it, as drawn for the left side


@dataclass(frozen=True)
class FigureBook:
    """The figure and props of every (exercise, version) in the catalogue."""

    figures: Mapping[tuple[str, str], tuple[Figure, VersionProps]]

    def get(self, exercise: str, version: str | None = None) -> tuple[Figure, VersionProps]:
        """The figure of a version; without a version, the exercise's first one. Raises KeyError."""
        if version is None:
            version = next(v for (e, v) in self.figures if e == exercise)
        return self.figures[(exercise, version)]


def load_figures(exercises: Mapping[str, Exercise]) -> FigureBook:
    text = resources.files("hipfit_desktop.data").joinpath("figures.yaml").read_text(encoding="utf-8")
    return parse_figures(text, "data/figures.yaml", exercises)


def parse_figures(text: str, file: str, exercises: Mapping[str, Exercise]) -> FigureBook:
    root = load_text(text, file)
    top = Fields(root, file, "")
    version = top.integer("schema", 0, 10_000)
    if version != SCHEMA:
        raise top.error("schema", f"this app reads schema {SCHEMA}, the file says {version}")
    drawn: dict[tuple[str, str], tuple[Figure, VersionProps]] = {}
    for i, node in enumerate(top.items("figures")):
        _figure(Fields(node, file, f"figures[{i}]"), exercises, drawn)
    top.finish()
    for exercise in exercises.values():
        for step in exercise.progressions:
            if (exercise.id, step.id) not in drawn:
                raise top.error("figures", f"no figure for {exercise.id} version {step.id}")
    return FigureBook(drawn)


def _figure(fields: Fields, exercises: Mapping[str, Exercise],
            drawn: dict[tuple[str, str], tuple[Figure, VersionProps]]) -> None:
    exercise_id = fields.text("exercise", max_length=60)
    exercise = exercises.get(exercise_id)
    if exercise is None:
        raise fields.error("exercise", f"unknown exercise {exercise_id!r} (known: {', '.join(exercises)})")
    view = fields.choice("view", VIEWS)
    anchor = fields.choice("anchor", POINTS)
    keyframes = _keyframes(fields, view)
    names = [k.name for k in keyframes]
    start, end = (_keyframe_index(fields, key, names) for key in ("start", "end"))
    if start == end:
        raise fields.error("end", "must differ from start: the figure would not move")
    loop = _loop(fields, names, exercise)
    setup = {key: fields.boolean(key, required=False, default=False) for key in ("mat", "box", "wall")}
    for key, item in (("box", "box"), ("wall", "wall")):
        if setup[key] != (item in exercise.equipment):
            raise fields.error(key, f"{exercise_id} {'needs' if setup[key] is False else 'does not use'} a {item}")
    figure = Figure(exercise_id, view, anchor, keyframes, start, end, loop, line=fields.node.line,
                    still=exercise.timed and loop is None, **setup)
    versions = fields.mapping("versions")
    assert versions is not None
    if not versions.node.value:
        raise fields.error("versions", "name at least one version this figure draws")
    for version_id in versions.node.value:
        try:
            step = exercise.progression(version_id)
        except KeyError:
            known = ", ".join(p.id for p in exercise.progressions)
            raise versions.error(version_id, f"{exercise_id} has no version {version_id!r} (known: {known})") from None
        if (exercise_id, version_id) in drawn:
            first = drawn[(exercise_id, version_id)][0]
            raise versions.error(version_id, f"already drawn by the figure at line {first.line}")
        props = _version_props(versions, version_id, exercise.equipment_in(step))
        drawn[(exercise_id, version_id)] = (figure, props)
    versions.finish(allowed_extra=tuple(versions.node.value))
    fields.finish()


def _keyframes(fields: Fields, view: str) -> tuple[Keyframe, ...]:
    nodes = fields.items("keyframes")
    if len(nodes) < 2:
        raise fields.error("keyframes", "give at least two keyframes (a start and an end)")
    keyframes: list[Keyframe] = []
    angles: dict[str, int] = {}
    for i, node in enumerate(nodes):
        frame = Fields(node, fields.file, f"{fields.field('keyframes')}[{i}]")
        name = frame.text("name", max_length=40)
        if any(k.name == name for k in keyframes):
            raise frame.error("name", f"duplicate keyframe name {name!r}")
        for joint in JOINTS:
            if joint == "pelvis" and view == "side":
                continue  # seen from the side, the pelvis is a point: it cannot tilt
            low, high = (0, 180) if joint.endswith("ankle") else (-180, 180)
            # The first keyframe gives every joint; each later one only what it changes.
            value = frame.integer(joint, low, high, required=not keyframes and joint != "pelvis",
                                  default=angles.get(joint, 0))
            angles[joint] = value
        frame.finish()
        keyframes.append(Keyframe(name, dict(angles)))
    return tuple(keyframes)


def _keyframe_index(fields: Fields, key: str, names: list[str]) -> int:
    name = fields.text(key, max_length=40)
    if name not in names:
        raise fields.error(key, f"no keyframe named {name!r} (known: {', '.join(names)})")
    return names.index(name)


def _loop(fields: Fields, names: list[str], exercise: Exercise) -> Loop | None:
    loop = fields.mapping("loop", required=False)
    if loop is None:
        return None
    if not exercise.timed:
        raise fields.error("loop", f"{exercise.id} counts reps: only timed work loops")
    indexes: list[int] = []
    for i, node in enumerate(loop.items("keyframes")):
        name = check_text(node, fields.file, f"{loop.field('keyframes')}[{i}]", 40)
        if name not in names:
            raise DataError(fields.file, node.line, f"{loop.field('keyframes')}[{i}]",
                            f"no keyframe named {name!r} (known: {', '.join(names)})")
        indexes.append(names.index(name))
    if len(indexes) < 2:
        raise loop.error("keyframes", "a loop needs at least two keyframes")
    seconds = loop.integer("seconds", 1, MAX_LOOP_SECONDS)
    loop.finish()
    return Loop(tuple(indexes), seconds)


def _version_props(versions: Fields, version_id: str, equipment: tuple[str, ...]) -> VersionProps:
    node: Node = versions.node.value[version_id]
    if node.value is None:  # `version-id:` with nothing after it: no band, no weight
        node = Node({}, node.line)
    props = Fields(node, versions.file, versions.field(version_id))
    band = props.choice("band", BAND_PLACES, required=False)
    weight = props.choice("ankle_weight", LEGS, required=False)
    props.finish()
    if (band is not None) != ("band" in equipment):
        raise props.error("band", "this version uses a band: say where it goes (" + ", ".join(BAND_PLACES) + ")"
                          if band is None else "this version uses no band")
    if (weight is not None) != ("ankle-weights" in equipment):
        raise props.error("ankle_weight", "this version uses an ankle weight: say on which leg (left or right)"
                          if weight is None else "this version uses no ankle weight")
    return VersionProps(band, weight)
