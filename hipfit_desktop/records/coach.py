"""The coach: from an exercise's recent sessions (counts done, effort, pain, the morning after) to one
suggestion, in plain words, that the user accepts or puts off. It suggests; the settings change only on Accept.

Rules (docs/COACHING.md, numbers in data/coaching.yaml):
  step back  pain "too much" last time, or a painful morning after -> one version down (or fewer reps)
  stay       last time felt hard, or pain went from none to "a little"
  step up    the last N sessions at this version all at the full count, not hard, pain at most a little
             -> first the article's sets and reps (or seconds), then the next version
  side lag   the same side behind (fewer reps, or rated harder) N sessions running -> start with that side
  next level most exercises moved past the level's version -> the next level
Silence is not a complaint: an exercise nobody rated counts as "about right, no pain" (the app's reading).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..exercises.model import LEVELS, Exercise
from ..settings.model import Settings
from ..workout.plan import PlannedExercise
from .coach_rules import PAINS, CoachRules


@dataclass(frozen=True)
class Outcome:
    """One exercise in one logged session."""

    version: str
    full_count: bool  # every set (and side) done at its planned reps or seconds
    effort: str | None = None  # easy | about right | hard; None: not rated
    pain: str | None = None  # none | a little | too much
    harder_side: str | None = None  # left | right, for one-sided exercises
    reps_left: int = 0
    reps_right: int = 0
    morning_after: str | None = None  # fine | sore | painful, asked at the next start


@dataclass(frozen=True)
class Suggestion:
    exercise: str | None  # None: the whole programme (the level, the first side)
    name: str  # what it is about, as the user reads it: "Clamshell", "Your level"
    kind: str  # version | reps | sets | seconds | level | first_side | stay
    value: str | int | None
    change: str  # "try Banded"
    reason: str  # why, in plain words
    back: bool = False  # a step back: no "next level" while anything hurts

    @property
    def key(self) -> str:
        """What "Not yet" remembers: the same change offered again later is the same key."""
        return f"{self.exercise or '*'}:{self.kind}:{self.value}"

    @property
    def can_accept(self) -> bool:
        return self.kind != "stay"

    def text(self) -> str:
        return f"{self.name}: {self.reason} → {self.change}"


def _counts(item: PlannedExercise) -> str:
    if item.seconds is not None:
        return f"{item.sets} × {item.seconds} s"
    return f"{item.sets} × {item.reps}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _effort(outcome: Outcome) -> str:
    return outcome.effort or "about right"


def _pain(outcome: Outcome) -> str:
    return outcome.pain or "none"


def step_back(item: PlannedExercise, last: Outcome, rules: CoachRules) -> Suggestion:
    exercise = item.exercise
    why = ("it hurt too much last time" if last.pain == "too much"
           else "your hips were painful the morning after")
    below = exercise.below(item.progression)
    if below is not None:
        return Suggestion(exercise.id, exercise.name, "version", below.id, f"go back to {below.name}", why, back=True)
    if item.seconds is not None:
        seconds = max(5, item.seconds - rules.seconds_step)
        return Suggestion(exercise.id, exercise.name, "seconds", seconds, f"hold {seconds} s instead", why, back=True)
    reps = max(1, (item.reps or 1) - rules.reps_step)
    return Suggestion(exercise.id, exercise.name, "reps", reps, f"do {reps} reps instead", why, back=True)


def step_up(item: PlannedExercise, sessions: int, rules: CoachRules) -> Suggestion | None:
    """Towards the article's volume first; at it, the next version."""
    exercise, article = item.exercise, item.exercise.volume
    done = f"{_plural(sessions, 'session')} of {_counts(item)} felt fine"
    step = "(a step of {} is the app's choice)"
    if item.seconds is not None and article.seconds is not None and item.seconds < article.seconds:
        seconds = min(article.seconds, item.seconds + rules.seconds_step)
        return Suggestion(exercise.id, exercise.name, "seconds", seconds,
                          f"try {seconds} s {step.format(f'{rules.seconds_step} s')}", done)
    if item.reps is not None and article.reps is not None and item.reps < article.reps:
        reps = min(article.reps, item.reps + rules.reps_step)
        return Suggestion(exercise.id, exercise.name, "reps", reps,
                          f"try {reps} reps {step.format(rules.reps_step)}", done)
    if item.sets < article.sets:
        return Suggestion(exercise.id, exercise.name, "sets", item.sets + 1, f"try {item.sets + 1} sets", done)
    ladder = exercise.progressions
    index = ladder.index(item.progression)
    if index + 1 == len(ladder):
        return None
    above = ladder[index + 1]
    change = f"try the next version, “{above.name}” ({above.changes.rstrip('.')})"
    return Suggestion(exercise.id, exercise.name, "version", above.id, change, done)


def suggest_for(item: PlannedExercise, history: Sequence[Outcome], rules: CoachRules) -> Suggestion | None:
    """`history`: this exercise's logged sessions, oldest first."""
    if not history:
        return None
    last = history[-1]
    if last.pain == "too much" or last.morning_after == "painful":
        return step_back(item, last, rules)
    exercise = item.exercise
    if last.effort == "hard":
        return Suggestion(exercise.id, exercise.name, "stay", None, f"stay at {_counts(item)}",
                          "it felt hard last time")
    recent = history[-rules.sessions_to_step_up:]
    if len(recent) >= 2 and PAINS.index(_pain(recent[-1])) > PAINS.index(_pain(recent[-2])):
        return Suggestion(exercise.id, exercise.name, "stay", None, f"stay at {_counts(item)}",
                          "it hurt a little more than the time before")
    good = all(o.version == item.progression.id and o.full_count and _effort(o) != "hard"
               and _pain(o) != "too much" for o in recent)
    if len(recent) < rules.sessions_to_step_up or not good:
        return None
    return step_up(item, len(recent), rules)


def lagging_side(history: Sequence[Outcome], rules: CoachRules) -> str | None:
    """The side behind in each of the last N sessions (rated harder, else fewer reps), or None."""
    recent = history[-rules.side_lag_sessions:]
    if len(recent) < rules.side_lag_sessions:
        return None
    behind = set()
    for outcome in recent:
        if outcome.harder_side:
            behind.add(outcome.harder_side)
        elif outcome.reps_left != outcome.reps_right:
            behind.add("left" if outcome.reps_left < outcome.reps_right else "right")
        else:
            return None
    return behind.pop() if len(behind) == 1 else None


def side_note(item: PlannedExercise, history: Sequence[Outcome], settings: Settings,
              rules: CoachRules) -> Suggestion | None:
    side = lagging_side(history, rules) if item.one_sided else None
    if side is None:
        return None
    reason = f"your {side} side was behind in the last {_plural(rules.side_lag_sessions, 'session')}"
    if settings.first_side == side:
        return Suggestion(item.exercise.id, item.exercise.name, "stay", None, f"you already start {side}", reason)
    return Suggestion(None, item.exercise.name, "first_side", side, f"start each set with the {side} side", reason)


def next_level(items: Iterable[PlannedExercise], settings: Settings, rules: CoachRules) -> Suggestion | None:
    """When most exercises are past the version the current level gives them."""
    index = LEVELS.index(settings.level)
    if index + 1 == len(LEVELS):
        return None
    items = list(items)
    moved = [i for i in items if _rung(i.exercise, i.progression.id) > _rung(
        i.exercise, i.exercise.default_progression(settings.level).id)]
    if not items or 100 * len(moved) < rules.percent_moved_up * len(items):
        return None
    new = LEVELS[index + 1]
    return Suggestion(None, "Your level", "level", new, f"move to {new}",
                      f"{len(moved)} of {len(items)} exercises have moved up "
                      f"(\"most\" means {rules.percent_moved_up} %, the app's choice)")


def _rung(exercise: Exercise, progression_id: str) -> int:
    return [p.id for p in exercise.progressions].index(progression_id)


def suggestions(items: Sequence[PlannedExercise], history: Mapping[str, Sequence[Outcome]], settings: Settings,
                rules: CoachRules) -> list[Suggestion]:
    """Everything the coach has to say about a routine's exercises, in the routine's order, then the level."""
    found: list[Suggestion] = []
    for item in items:
        outcomes = history.get(item.exercise.id, ())
        for suggestion in (suggest_for(item, outcomes, rules), side_note(item, outcomes, settings, rules)):
            if suggestion is not None and suggestion not in found:
                found.append(suggestion)
    level = None if any(s.back for s in found) else next_level(items, settings, rules)
    return found + ([level] if level else [])


def waiting(found: Iterable[Suggestion], put_off: Mapping[str, int], sessions_logged: int,
            rules: CoachRules) -> list[Suggestion]:
    """Drop what the user put off ("Not yet") until `not_yet_sessions` more sessions are logged.
    `put_off`: suggestion key -> sessions logged when it was put off."""
    return [s for s in found if s.key not in put_off or sessions_logged - put_off[s.key] >= rules.not_yet_sessions]


def accept(settings: Settings, suggestion: Suggestion) -> Settings:
    """The settings with the suggestion applied; save them with the store, as the Settings dialog does."""
    if suggestion.kind == "level":
        return replace(settings, level=suggestion.value)
    if suggestion.kind == "first_side":
        return replace(settings, first_side=suggestion.value)
    if suggestion.exercise is None or not suggestion.can_accept:
        raise ValueError(f"nothing to accept in {suggestion.text()!r}")
    field = "progression" if suggestion.kind == "version" else suggestion.kind
    return settings.with_exercise(suggestion.exercise, **{field: suggestion.value})
