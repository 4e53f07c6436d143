"""The session's outline: one entry per exercise of the routine, with what is done, under way and to come.

The window lists it (key O) and jumps to an entry with `Session.jump_to_exercise(entry.index)`. Pure Python.
A set counts once, whatever its sides: "2 / 3 sets" means two sets done on every side they have.
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine import Session
from .plan import WORK_KINDS


@dataclass(frozen=True)
class OutlineEntry:
    index: int  # the exercise's position in the routine, for Session.jump_to_exercise
    name: str
    version: str | None  # the progression's name ("Band above the knees"); None when the plan lacks it
    sets_done: int
    sets: int
    state: str  # "done", "current", "to come", "skipped" or "partly done"


def outline(session: Session) -> list[OutlineEntry]:
    segments, statuses = session.plan.segments, session.statuses
    names: dict[int, str] = {}
    blocks: dict[int, dict[int, list[int]]] = {}  # exercise -> block -> segment indices
    for i, segment in enumerate(segments):
        if segment.exercise_index is None:
            continue
        names.setdefault(segment.exercise_index, segment.exercise_name or "")
        if segment.kind in WORK_KINDS:
            blocks.setdefault(segment.exercise_index, {}).setdefault(segment.block, []).append(i)
    current = session.segment.exercise_index if session.state != "finished" else None
    entries = []
    for index in sorted(names):
        sets: dict[int | None, bool] = {}  # set number -> done on every side
        skipped = done_any = False
        for indices in blocks[index].values():  # every exercise has at least one set
            outcomes = [statuses[i] for i in indices]
            done = all(o == "done" for o in outcomes)
            number = segments[indices[0]].set
            sets[number] = sets.get(number, True) and done
            done_any = done_any or done
            skipped = skipped or "skipped" in outcomes
        sets_done = sum(sets.values())
        if index == current:
            state = "current"
        elif sets and sets_done == len(sets):
            state = "done"
        elif done_any:
            state = "partly done"
        else:
            state = "skipped" if skipped else "to come"
        planned = session.plan.exercises
        version = planned[index].progression.name if index < len(planned) else None
        entries.append(OutlineEntry(index, names[index], version, sets_done, len(sets), state))
    return entries
