"""More or fewer reps while a session runs (+/-): which sets change, and to what. Pure functions on a Plan.

The set under way changes too, but never below the rep under way (the reps already done + 1); the sets of
the same exercise still to come get the new count. Segments up to the current one keep their places, so the
engine's position, deadline and statuses stay valid.
"""

from __future__ import annotations

from dataclasses import replace

from .plan import Plan, Segment, own_pace_prompt, renumber_reps


def change_reps(plan: Plan, current: int, reps: int) -> Plan:
    """Give the set under way (if in one; at least `lowest_reps`) and every set of this exercise not started
    yet `reps` reps. During a rest before an exercise, that exercise's sets change."""
    if reps < 1:
        raise ValueError("a set needs at least one rep")
    segment = plan.segments[current]
    result: list[Segment] = []
    block: list[Segment] = []

    def flush() -> None:
        first = block[0]
        if first.exercise_index != segment.exercise_index or first.block < segment.block or not first.counts_reps:
            result.extend(block)  # another exercise, a set already done, or no reps to count
        else:
            count = max(reps, lowest_reps(plan, current)) if first.block == segment.block else reps
            if first.kind == "self_paced_set":
                result.append(replace(first, reps=count, prompt=own_pace_prompt(count, first.hold)))
            else:
                result.extend(renumber_reps(block, count))
        block.clear()

    for following in plan.segments:
        if block and following.block != block[0].block:
            flush()
        block.append(following)
    flush()
    return replace(plan, segments=tuple(result))


def lowest_reps(plan: Plan, current: int) -> int:
    """The fewest reps the set under way can be given: the rep under way stays (1 between sets)."""
    return plan.segments[current].rep or 1


def current_reps(plan: Plan, current: int) -> int | None:
    """What +/- starts from: the set under way's count, or between sets the next set's of this exercise;
    None when `change_reps` would change nothing."""
    segment = plan.segments[current]
    if segment.counts_reps:
        return segment.reps
    return upcoming_reps(plan, current)


def upcoming_reps(plan: Plan, current: int) -> int | None:
    """Reps of the next set of this exercise that has not started; None if there is none."""
    exercise_index = plan.segments[current].exercise_index
    started = plan.segments[current].block
    for segment in plan.segments[current + 1:]:
        if segment.exercise_index != exercise_index:
            break
        if segment.counts_reps and segment.block != started:
            return segment.reps
    return None
