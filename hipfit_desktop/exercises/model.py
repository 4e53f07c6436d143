"""What an exercise, a progression and a routine are: frozen values the catalogue's loader builds.

The numbers carry where they come from (the article or the app), so every place that shows one can say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .strictyaml import DataError

LEVELS = ("beginner", "intermediate", "advanced")
EQUIPMENT = ("band", "box", "wall", "ankle-weights", "weight-vest")
# A version that adds equipment must say so in its steps: one of these words must appear (lowercase).
EQUIPMENT_WORDS = {"band": ("band",), "box": ("box", "step"), "wall": ("wall",), "ankle-weights": ("weight",),
                   "weight-vest": ("vest",)}
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
        return f"{self.low} s" if self.low == self.high else f"{self.low}\u2013{self.high} s"


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
    """One version of an exercise. `steps` and `tips` are complete for this version once loaded: its own, or,
    when it gives none, the version below's (allowed only where the set-up is the same; `inherited` says so)."""

    id: str
    name: str
    level: str
    changes: str  # what differs from the version below (for the first: the starting form)
    equipment: tuple[str, ...]  # what this version needs on top of the exercise's own equipment
    from_article: bool  # False: the app's own step (e.g. a band-free first rung), from the article's advice
    one_sided: bool | None = None
    hold: Hold | None = None
    steps: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    pace: str | None = None  # guided | own: overrides the exercise's (e.g. a pause the app times)
    advice: tuple[str, ...] = ()  # advice ids shown with this version, on top of the exercise's
    per_side_from_article: bool | None = None  # with one_sided: does the article say "each side"?
    inherited: bool = False  # steps and tips are the version below's


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    article_title: str
    correction: str | None  # a naming correction ("About the name")
    summary: str
    category: str
    works: tuple[str, ...]
    equipment: tuple[str, ...]
    one_sided: bool
    side_label: str
    pace: str | None  # guided | own; None for timed work
    volume: Volume
    steps: tuple[str, ...]  # the first version's (the starting form)
    tips: tuple[str, ...]
    progressions: tuple[Progression, ...]
    cue_change: str | None = None  # where the app words a cue differently from the article, and why
    per_side_from_article: bool | None = None  # one-sided: True if the article says each side, False if we read it
    each_side: str = "each side"  # "each leg", "each direction"
    advice: tuple[str, ...] = ()  # advice ids a user meets with this exercise

    @property
    def timed(self) -> bool:
        return self.volume.seconds is not None

    def progression(self, progression_id: str) -> Progression:
        for step in self.progressions:
            if step.id == progression_id:
                return step
        raise KeyError(progression_id)

    def below(self, progression: Progression) -> Progression | None:
        """The version one rung easier, or None for the first."""
        index = self.progressions.index(progression)
        return self.progressions[index - 1] if index else None

    def one_sided_in(self, progression: Progression) -> bool:
        return self.one_sided if progression.one_sided is None else progression.one_sided

    def per_side_source_in(self, progression: Progression) -> bool | None:
        if progression.one_sided is not None and progression.per_side_from_article is not None:
            return progression.per_side_from_article
        return self.per_side_from_article

    def pace_in(self, progression: Progression) -> str | None:
        return progression.pace or self.pace

    def equipment_in(self, progression: Progression) -> tuple[str, ...]:
        """What this version needs: the exercise's equipment and the version's, in the catalogue's order."""
        needed = set(self.equipment) | set(progression.equipment)
        return tuple(item for item in EQUIPMENT if item in needed)

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
    from_article: bool = True  # False: the app's own safety note (the article lacks it)


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


def equipment_words(items: Iterable[str]) -> str:
    """"band, ankle weights" for people (the ids have hyphens), or "no equipment"."""
    return ", ".join(item.replace("-", " ") for item in items) or "no equipment"
