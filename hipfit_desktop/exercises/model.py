"""What an exercise, a progression and a routine are: frozen values the catalogue's loader builds.

The numbers carry where they come from (the article or the app), so every place that shows one can say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .strictyaml import DataError

LEVELS = ("beginner", "intermediate", "advanced")
EQUIPMENT = ("band", "box", "wall", "ankle-weights", "weight-vest")
RESISTANCE = frozenset({"band", "ankle-weights", "weight-vest"})

MAX_SETS, MAX_REPS, MAX_SECONDS = 20, 100, 600


@dataclass(frozen=True)
class Hold:
    """A hold or pause at the top of a rep: the article gives some as a range (\"1-2 seconds\")."""

    low: int
    high: int

    @property
    def seconds(self) -> int:
        """What guided tempo uses: the top of the range, which is easier to follow than the bottom."""
        return self.high

    def __str__(self) -> str:
        return f"{self.low} s" if self.low == self.high else f"{self.low}-{self.high} s"


@dataclass(frozen=True)
class Volume:
    """Sets and reps (or seconds) with where each number comes from: the article or the app."""

    sets: int
    reps: int | None
    seconds: int | None
    hold: Hold | None
    up_seconds: int | None
    down_seconds: int | None
    switch_sides_seconds: int | None
    from_app: frozenset[str]  # the keys the app chose because the article gives none


@dataclass(frozen=True)
class Progression:
    id: str
    name: str
    level: str
    changes: str
    equipment: tuple[str, ...]
    from_article: bool
    one_sided: bool | None = None
    hold: Hold | None = None
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    article_title: str
    correction: str | None
    summary: str
    category: str
    works: tuple[str, ...]
    equipment: tuple[str, ...]
    one_sided: bool
    side_label: str
    pace: str | None  # guided | own; None for timed work
    volume: Volume
    steps: tuple[str, ...]
    tips: tuple[str, ...]
    progressions: tuple[Progression, ...]

    @property
    def timed(self) -> bool:
        return self.volume.seconds is not None

    def progression(self, progression_id: str) -> Progression:
        for step in self.progressions:
            if step.id == progression_id:
                return step
        raise KeyError(progression_id)

    def default_progression(self, level: str, allowed_equipment: frozenset[str] | None = None) -> Progression:
        """The last rung at or below `level` that needs only allowed equipment (the first rung always fits)."""
        rank = LEVELS.index(level)
        chosen = self.progressions[0]
        for step in self.progressions:
            fits = allowed_equipment is None or set(step.equipment) <= allowed_equipment
            if LEVELS.index(step.level) <= rank and fits:
                chosen = step
        return chosen


@dataclass(frozen=True)
class Advice:
    id: str
    text: str
    range: tuple[int, int] | None


@dataclass(frozen=True)
class AppDefaults:
    get_ready_seconds: int
    rest_between_sets_seconds: int
    switch_sides_seconds: int
    rest_between_exercises_seconds: int
    up_seconds: int
    down_seconds: int
    self_paced_rep_estimate_seconds: int


@dataclass(frozen=True)
class RoutineItem:
    exercise: str
    sets: int | None = None
    reps: int | None = None
    seconds: int | None = None


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]
    equipment_allowed: frozenset[str] | None
    source: str  # the file it came from, for messages
    line: int  # where its id stands in that file


@dataclass(frozen=True)
class Catalog:
    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    advice: dict[str, Advice]
    defaults: AppDefaults
    problems: tuple[DataError, ...] = field(default=())  # user routine files that were skipped

    def routine(self, routine_id: str) -> Routine:
        return self.routines[routine_id]


def equipment_needed(exercises: Iterable[tuple[Exercise, Progression]]) -> list[str]:
    """All equipment a list of (exercise, chosen progression) needs, in the catalogue's order."""
    needed = {item for exercise, step in exercises for item in exercise.equipment + step.equipment}
    return [item for item in EQUIPMENT if item in needed]
