"""One-key ratings during the rest after an exercise: which exercise a key press rates, and what each key means.

Digits and L/R only: the session's own keys (Space, B, PgUp/PgDn, arrows, N, P, +/−, [ ], O, Esc, F1) stay
as they are. Doing nothing is a valid answer; the timer never waits for one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import Plan

EFFORTS = ("easy", "about right", "hard")
PAINS = ("none", "a little", "too much")
SIDES = ("left", "right")
# key -> (what is rated, the answer)
RATING_KEYS: dict[str, tuple[str, str]] = {
    "1": ("effort", "easy"), "2": ("effort", "about right"), "3": ("effort", "hard"),
    "4": ("pain", "none"), "5": ("pain", "a little"), "6": ("pain", "too much"),
    "L": ("harder_side", "left"), "R": ("harder_side", "right"),
}
KEYS_HINT = "1 easy · 2 about right · 3 hard   4 no pain · 5 a little · 6 too much"
SIDE_HINT = "   L / R: that side was harder"


@dataclass(frozen=True)
class RatingTarget:
    position: int  # the exercise's place in the routine
    exercise: str
    name: str
    one_sided: bool


def rating_target(plan: Plan, index: int) -> RatingTarget | None:
    """The exercise just finished, while the rest after it (or the end) is on; None at any other moment."""
    if not 0 < index < len(plan.segments):
        return None
    now, before = plan.segments[index], plan.segments[index - 1]
    if now.kind not in ("rest", "done") or before.exercise_index is None or before.kind in ("rest", "get_ready"):
        return None
    if now.exercise_index == before.exercise_index:  # a rest between sets of the same exercise
        return None
    item = plan.exercises[before.exercise_index]
    return RatingTarget(before.exercise_index, item.exercise.id, item.exercise.name, item.one_sided)


def answer(target: RatingTarget, key: str) -> tuple[str, str] | None:
    """What `key` answers for `target`; None for a key that means nothing here (L/R on a two-sided one)."""
    found = RATING_KEYS.get(key.upper())
    if found is None or (found[0] == "harder_side" and not target.one_sided):
        return None
    return found
