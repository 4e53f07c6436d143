"""What the user chose: level, progression per exercise, adjusted counts and timings.

Every field is optional in the sense that `None` means "the app's default": only values the user changed
are kept, so a later version's better defaults still reach them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

LEVELS = ("beginner", "intermediate", "advanced")
SIDES = ("left", "right")
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
}


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

    def is_default(self) -> bool:
        return self == ExerciseSettings()


@dataclass(frozen=True)
class Settings:
    level: str = "beginner"
    first_side: str = "left"
    get_ready_seconds: int | None = None
    rest_between_sets_seconds: int | None = None
    switch_sides_seconds: int | None = None
    rest_between_exercises_seconds: int | None = None
    exercises: dict[str, ExerciseSettings] = field(default_factory=dict)

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
