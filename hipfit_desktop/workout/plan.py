"""Compile a routine, the user's level and settings into a flat, ordered list of timed segments.

The plan knows nothing about time passing: the engine walks it. Segments are grouped into blocks
(one set on one side, one rest, one timed hold): skip and back move a whole block at a time.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..exercises.model import Catalog, Exercise, Hold, Progression, Routine, RoutineItem, equipment_needed
from ..settings.model import Settings

KINDS = ("get_ready", "up", "hold", "down", "self_paced", "self_paced_set", "timed", "rest", "switch_sides", "done")
WORK_KINDS = frozenset({"up", "hold", "down", "self_paced", "self_paced_set", "timed"})
# Steps the user ends with a press: one rep at own pace (counting each rep), or a whole own-pace set.
SELF_PACED_KINDS = frozenset({"self_paced", "self_paced_set"})
PHASE_WORDS = {
    "get_ready": "GET READY", "up": "UP", "hold": "HOLD", "down": "DOWN", "self_paced": "YOUR PACE",
    "self_paced_set": "YOUR PACE", "rest": "REST", "switch_sides": "SWITCH SIDES", "done": "DONE",
}


@dataclass(frozen=True)
class Segment:
    """One interval the user lives through. `seconds` is None where the user sets the pace."""

    kind: str
    seconds: int | None
    prompt: str
    block: int
    exercise: str | None = None
    exercise_name: str | None = None
    exercise_index: int | None = None  # position in the routine; a rest before an exercise carries its index
    side: str | None = None
    side_text: str | None = None  # "left leg", "right knee in the corner"
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    phase: str = ""  # the one word the session page shows
    hold: int | None = None  # a self-paced set: seconds to hold at the top of each rep (told, not timed)

    @property
    def counts_reps(self) -> bool:
        """Part of a set counted in reps (one rep's phase, or a whole own-pace set), not timed work or a pause."""
        return self.rep is not None or self.kind == "self_paced_set"

    def estimate(self, per_rep: float) -> float:
        """Its length in seconds; where the user sets the pace, `per_rep` seconds for each rep."""
        if self.seconds is not None:
            return self.seconds
        return per_rep * (self.reps or 1 if self.kind == "self_paced_set" else 1)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Segment:
        return cls(**data)


@dataclass(frozen=True)
class PlannedExercise:
    """What the preview and the CLI show for one exercise of a compiled routine."""

    exercise: Exercise
    progression: Progression
    one_sided: bool
    sets: int
    reps: int | None
    seconds: int | None
    hold_seconds: int
    pace: str | None
    rest_seconds: int
    hold: Hold | None = None  # the hold or pause as the data gives it (a range shows as one: "pause 2–3 s")
    switch_sides_seconds: int | None = None
    count_each_rep: bool = False  # own pace: a press per rep (the user's choice) instead of one per set
    # where each number comes from: "your setting", "this routine", "the article", "app default"
    sources: dict[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Plan:
    routine_id: str
    routine_name: str
    level: str
    segments: tuple[Segment, ...]
    exercises: tuple[PlannedExercise, ...]
    self_paced_estimate: int

    @property
    def total_seconds(self) -> int:
        """Seconds of every timed segment; self-paced reps are not included (see `estimated_seconds`)."""
        return sum(s.seconds or 0 for s in self.segments)

    @property
    def self_paced_reps(self) -> int:
        return sum(s.reps or 0 if s.kind == "self_paced_set" else 1 for s in self.segments
                   if s.kind in SELF_PACED_KINDS)

    @property
    def estimated_seconds(self) -> int:
        return self.total_seconds + self.self_paced_reps * self.self_paced_estimate

    @property
    def equipment(self) -> list[str]:
        return equipment_needed((p.exercise, p.progression) for p in self.exercises)

    def to_json(self) -> dict[str, Any]:
        return {
            "routine": self.routine_id,
            "routine_name": self.routine_name,
            "level": self.level,
            "total_seconds": self.total_seconds,
            "self_paced_reps": self.self_paced_reps,
            "estimated_seconds": self.estimated_seconds,
            "equipment": self.equipment,
            "exercises": [
                {"id": p.exercise.id, "name": p.exercise.name, "progression": p.progression.id,
                 "sets": p.sets, "reps": p.reps, "seconds": p.seconds, "hold_seconds": p.hold_seconds,
                 "one_sided": p.one_sided, "pace": p.pace}
                for p in self.exercises
            ],
            "segments": [
                {"kind": s.kind, "phase": s.phase, "exercise": s.exercise, "side": s.side, "set": s.set,
                 "rep": s.rep, "reps": s.reps, "seconds": s.seconds, "prompt": s.prompt}
                for s in self.segments
            ],
        }


def compile_plan(routine: Routine, catalog: Catalog, settings: Settings | None = None) -> Plan:
    settings = settings or Settings()
    defaults = catalog.defaults
    planned = tuple(_plan_exercise(routine, i, catalog, settings) for i in range(len(routine.items)))
    rest_between_exercises = _pick(settings.rest_between_exercises_seconds, defaults.rest_between_exercises_seconds)
    get_ready = _pick(settings.get_ready_seconds, defaults.get_ready_seconds)
    builder = _Builder(settings.first_side, catalog, settings)
    for index, item in enumerate(planned):
        lead = f"{item.exercise.name}, {_side_text(item, builder.sides[0])} first" if item.one_sided \
            else item.exercise.name
        if index == 0:
            builder.pause("get_ready", get_ready, f"Get ready: {lead}", item, index)
        else:
            builder.pause("rest", rest_between_exercises, f"Rest. Next: {lead}", item, index)
        builder.exercise(item, index)
    builder.segments.append(Segment("done", 0, "All done. Well done!", builder.next_block(), phase="DONE"))
    return Plan(routine.id, routine.name, settings.level, tuple(builder.segments), planned,
                defaults.self_paced_rep_estimate_seconds)


_T = TypeVar("_T")


def _pick(*values: _T | None) -> _T:
    """The first value that is set: the user's, then the routine's, then the catalogue's."""
    return next(v for v in values if v is not None)


def _plan_exercise(routine: Routine, index: int, catalog: Catalog, settings: Settings) -> PlannedExercise:
    item = routine.items[index]
    return plan_exercise(catalog.exercises[item.exercise], catalog, settings, item, routine.equipment_allowed)


YOURS, ROUTINE, ARTICLE, APP = "your setting", "this routine", "the article", "app default"


def plan_exercise(exercise: Exercise, catalog: Catalog, settings: Settings, item: RoutineItem | None = None,
                  allowed: frozenset[str] | None = None, progression_id: str | None = None) -> PlannedExercise:
    """One exercise as this user will do it: the version (`progression_id`, the user's, or the level's), counts
    and timings, each number's source in `sources`. Raises KeyError for an unknown `progression_id`."""
    item = item or RoutineItem(exercise.id)
    own = settings.for_exercise(exercise.id)
    progression = exercise.default_progression(settings.level, allowed)
    if progression_id is not None:
        progression = exercise.progression(progression_id)
    elif own.progression is not None:
        # A progression the catalogue no longer has (renamed in a later version) leaves the level's default.
        with suppress(KeyError):
            progression = exercise.progression(own.progression)
    volume = exercise.volume
    hold = progression.hold or volume.hold
    timed = exercise.timed

    def source(key: str, mine: object, routine: object) -> str:
        if mine is not None:
            return YOURS
        if routine is not None:
            return ROUTINE
        return APP if key in volume.from_app else ARTICLE

    amount = "seconds" if timed else "reps"
    sources = {
        "sets": source("sets", own.sets, item.sets),
        amount: source(amount, getattr(own, amount), getattr(item, amount)),
        "hold": YOURS if own.hold_seconds is not None else (
            APP if progression.hold is None and "hold_seconds" in volume.from_app else ARTICLE),
        "pace": YOURS if own.pace is not None else APP,
        "rest": YOURS if (own.rest_seconds, settings.rest_between_sets_seconds) != (None, None) else APP,
        "switch_sides": YOURS if settings.switch_sides_seconds is not None else APP,
    }
    return PlannedExercise(
        exercise=exercise,
        progression=progression,
        one_sided=exercise.one_sided_in(progression),
        sets=_pick(own.sets, item.sets, volume.sets),
        reps=None if timed else _pick(own.reps, item.reps, volume.reps),
        seconds=_pick(own.seconds, item.seconds, volume.seconds) if timed else None,
        hold_seconds=_pick(own.hold_seconds, hold.seconds if hold else 0),
        pace=None if timed else _pick(own.pace, exercise.pace_in(progression)),
        rest_seconds=_pick(own.rest_seconds, settings.rest_between_sets_seconds,
                           catalog.defaults.rest_between_sets_seconds),
        hold=hold,
        switch_sides_seconds=_pick(settings.switch_sides_seconds, volume.switch_sides_seconds,
                                   catalog.defaults.switch_sides_seconds),
        sources=sources,
        count_each_rep=settings.count_each_rep,
    )


def _side_text(item: PlannedExercise, side: str) -> str:
    return item.exercise.side_label.format(side=side)


class _Builder:
    def __init__(self, first_side: str, catalog: Catalog, settings: Settings) -> None:
        self.sides = (first_side, "right" if first_side == "left" else "left")
        self.defaults = catalog.defaults
        self.settings = settings
        self.segments: list[Segment] = []
        self._block = -1

    def next_block(self) -> int:
        self._block += 1
        return self._block

    def pause(self, kind: str, seconds: int, prompt: str, item: PlannedExercise, index: int,
              side: str | None = None, set_number: int | None = None) -> None:
        if seconds <= 0:
            return
        self.segments.append(Segment(
            kind, seconds, prompt, self.next_block(), item.exercise.id, item.exercise.name, index,
            side, _side_text(item, side) if side else None, set_number, item.sets, phase=PHASE_WORDS[kind]))

    def exercise(self, item: PlannedExercise, index: int) -> None:
        sides: tuple[str | None, ...] = self.sides if item.one_sided else (None,)
        switch = _pick(item.switch_sides_seconds, self.defaults.switch_sides_seconds)
        for set_number in range(1, item.sets + 1):
            if set_number > 1:
                side = sides[0]
                what = f"set {set_number} of {item.sets}" + (f", {_side_text(item, side)}" if side else "")
                self.pause("rest", item.rest_seconds, f"Rest. Next: {what}", item, index, side, set_number)
            for side_number, side in enumerate(sides):
                if side_number > 0:
                    self.pause("switch_sides", switch, f"Switch sides: {_side_text(item, side)} next",
                               item, index, side, set_number)
                self.work(item, index, side, set_number)

    def work(self, item: PlannedExercise, index: int, side: str | None, set_number: int) -> None:
        block = self.next_block()
        common = dict(block=block, exercise=item.exercise.id, exercise_name=item.exercise.name,
                      exercise_index=index, side=side, side_text=_side_text(item, side) if side else None,
                      set=set_number, sets=item.sets)
        if item.seconds is not None:
            stretch = item.exercise.category == "stretch"
            self.segments.append(Segment(
                "timed", item.seconds, _timed_prompt(item, side), phase="STRETCH" if stretch else "GO",
                **common))  # type: ignore[arg-type]
            return
        assert item.reps is not None
        if item.pace == "own" and not item.count_each_rep:
            self.segments.append(Segment("self_paced_set", None, own_pace_prompt(item.reps, item.hold_seconds),
                                         phase=PHASE_WORDS["self_paced_set"], reps=item.reps,
                                         hold=item.hold_seconds or None, **common))  # type: ignore[arg-type]
            return
        template = rep_segments(item, self.defaults.up_seconds, self.defaults.down_seconds, common)
        self.segments.extend(renumber_reps(template, item.reps))


def rep_segments(item: PlannedExercise, up: int, down: int, common: dict[str, Any]) -> list[Segment]:
    """The segments of a single rep (rep 1 of 1), used as the template for a set."""
    volume = item.exercise.volume
    hold: list[tuple[str, int | None]] = [("hold", item.hold_seconds)] if item.hold_seconds > 0 else []
    if item.pace == "own":
        # The user moves at their own pace and presses at the top; a hold or pause stays timed after the press.
        phases: list[tuple[str, int | None]] = [("self_paced", None), *hold]
    else:
        phases = [("up", volume.up_seconds or up), *hold, ("down", volume.down_seconds or down)]
    return [Segment(kind, seconds, _hold_prompt(item) if kind == "hold" else "", phase=PHASE_WORDS[kind], rep=1,
                    reps=1, **common) for kind, seconds in phases]


def own_pace_prompt(reps: int, hold: int | None) -> str:
    """What an own-pace set asks for: the count, the hold the exercise has, and the one press at the end."""
    each = f", holding {hold} s at the top of each" if hold else ""
    return f"{reps} reps at your own pace{each}; one press when the set is done"


def _hold_prompt(item: PlannedExercise) -> str:
    """The same for every rep, so renumbering keeps it: a range in the data is named beside the one number timed
    ("pause 2–3 s"), so that number is not mistaken for the article's."""
    hold = item.hold
    note = f" (pause {hold})" if hold is not None and hold.low != hold.high else ""
    return f"Hold {item.hold_seconds} s at the top{note}"


def renumber_reps(template: list[Segment], reps: int) -> list[Segment]:
    """`reps` copies of the rep-1 segments in `template`, numbered and prompted (a hold keeps its prompt)."""
    one_rep = [s.to_dict() for s in template if s.rep == 1]
    holds = any(fields["kind"] == "hold" for fields in one_rep)
    # Plain construction: dataclasses.replace() made compiling the full session three times slower.
    return [Segment(**{**fields, "rep": rep, "reps": reps,
                       "prompt": _rep_prompt(fields["kind"], rep, reps, holds, fields["prompt"])})
            for rep in range(1, reps + 1) for fields in one_rep]


def _rep_prompt(kind: str, rep: int, reps: int, holds: bool, prompt: str) -> str:
    count = f"rep {rep} of {reps}"
    if kind == "up":
        return f"Up: {count}"
    if kind == "hold":
        return prompt
    if kind == "down":
        return "Lower with control"
    if holds:
        return f"{count.capitalize()} at your own pace; one press at the top, then hold"
    return f"{count.capitalize()} at your own pace; one press when it is done"


def _timed_prompt(item: PlannedExercise, side: str | None) -> str:
    where = f", {_side_text(item, side)}" if side else ""
    if item.exercise.category == "stretch":
        return f"Hold the stretch for up to {duration_words(item.seconds or 0)}{where}"
    return f"Keep moving for {duration_words(item.seconds or 0)}{where}"


def duration_words(seconds: int) -> str:
    """"45 s", "1 min", "1 min 30 s": a length of timed work in prompts and on the card."""
    minutes, rest = divmod(seconds, 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"
