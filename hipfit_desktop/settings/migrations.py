"""Upgrading an older `settings.yaml`: small, named, ordered steps, one per version.

Each step takes the parsed file of version N (a `strictyaml.Node` mapping, so every value keeps the line it
stood on) and returns the same settings in the shape of version N + 1. Steps move nodes around and never
validate: whatever a step does not understand is passed on unchanged, and the version 1 reader reports it
with the line of the original file. The store keeps a copy of the old file before it writes the result.
"""

from __future__ import annotations

from collections.abc import Callable

from ..exercises.strictyaml import Node

Migration = Callable[[Node], Node]


def _from_v0_to_v1(root: Node) -> Node:
    """Version 0 (HipFit 0.x): flat keys; per-exercise `reps` and `progressions` keyed by exercise id.

    ```yaml
    version: 0
    level: intermediate
    get_ready: 10          # -> timings.get_ready_seconds
    rest_seconds: 40       # -> timings.rest_between_sets_seconds
    switch_seconds: 5      # -> timings.switch_sides_seconds
    exercise_rest: 60      # -> timings.rest_between_exercises_seconds
    side: right            # -> first_side
    sound: false           # -> sound.enabled
    reps: {clamshell: 12}  # -> exercises.clamshell.reps
    progressions: {clamshell: banded}  # -> exercises.clamshell.progression
    ```
    Version 0 had no first-run question, so a file that names a level also gets `level_chosen: true`.
    """
    old = dict(root.value)
    version = old.pop("version")
    new: dict[str, Node] = {"version": Node(1, version.line)}
    if "level" in old:
        level = old.pop("level")
        new["level"] = level
        new["level_chosen"] = Node(True, level.line)
    if "side" in old:
        new["first_side"] = old.pop("side")
    timings = {new_key: old.pop(old_key) for old_key, new_key in (
        ("get_ready", "get_ready_seconds"), ("rest_seconds", "rest_between_sets_seconds"),
        ("switch_seconds", "switch_sides_seconds"), ("exercise_rest", "rest_between_exercises_seconds"),
    ) if old_key in old}
    if timings:
        new["timings"] = Node(timings, min(node.line for node in timings.values()))
    if "sound" in old and isinstance(old["sound"].value, bool):
        sound = old.pop("sound")
        new["sound"] = Node({"enabled": sound}, sound.line)
    exercises: dict[str, dict[str, Node]] = {}
    for old_key, field in (("progressions", "progression"), ("reps", "reps")):
        block = old.get(old_key)
        if block is None or not isinstance(block.value, dict):
            continue  # not the shape version 0 wrote: left for the reader to report
        del old[old_key]
        for exercise_id, value in block.value.items():
            exercises.setdefault(exercise_id, {})[field] = value
    if exercises:
        new["exercises"] = Node(
            {exercise_id: Node(fields, min(node.line for node in fields.values()))
             for exercise_id, fields in exercises.items()},
            min(node.line for fields in exercises.values() for node in fields.values()))
    new.update(old)  # anything else is as unknown to version 1 as it was: reported and kept, not dropped
    return Node(new, root.line)


# version N -> the step that turns a version N file into version N + 1, applied in order.
MIGRATIONS: dict[int, Migration] = {
    0: _from_v0_to_v1,
}
CURRENT_VERSION = max(MIGRATIONS) + 1


def migrate(root: Node, version: int) -> Node:
    """Apply every step from `version` up to CURRENT_VERSION, in order."""
    while version < CURRENT_VERSION:
        root = MIGRATIONS[version](root)
        version += 1
    return root


def step_names(version: int) -> list[str]:
    """The steps `migrate` would run, for messages and tests."""
    return [MIGRATIONS[v].__name__ for v in range(version, CURRENT_VERSION)]
