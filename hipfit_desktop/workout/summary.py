"""What a finished (or abandoned) session amounts to: time, sets and reps done, what was skipped."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import Session
from .plan import WORK_KINDS, Segment


@dataclass(frozen=True)
class ExerciseTally:
    name: str
    sets_done: int
    sets_planned: int  # counting each side of a one-sided set as a set
    reps_done: int
    counts_reps: bool  # False for timed work (holds, stretches), where reps mean nothing
    seconds_done: float = 0.0  # timed work: seconds actually held or moved (a stretch may end early)


@dataclass(frozen=True)
class Summary:
    routine_name: str
    active_seconds: float
    finished_early: bool
    sets_done: int
    sets_planned: int
    reps_done: int
    exercises: tuple[ExerciseTally, ...]
    skipped: tuple[str, ...]  # sets the user skipped: "Clamshell, set 2 of 3, right leg on top"
    not_finished: tuple[str, ...]  # exercises left unfinished when the session was ended early


def headline(summary: Summary) -> str:
    """The summary's title, in words that match what was done: praise only when every set was."""
    if summary.sets_planned and summary.sets_done == summary.sets_planned:
        return "Well done: every set done!"
    if not summary.finished_early:  # the end was reached, with sets skipped on the way
        skipped = summary.sets_planned - summary.sets_done
        return f"Finished, with {skipped} of {summary.sets_planned} sets skipped"
    if summary.sets_done == 0:
        return "Stopped before the first set was done"
    whole = sum(1 for t in summary.exercises if t.sets_done == t.sets_planned)
    if whole == 0:
        return f"Stopped after {summary.sets_done} of {summary.sets_planned} sets"
    return f"Stopped after {whole} of {len(summary.exercises)} exercises"


def summarize(session: Session) -> Summary:
    segments = session.plan.segments
    statuses = session.statuses
    work_blocks: dict[int, list[int]] = {}
    for i, segment in enumerate(segments):
        if segment.kind in WORK_KINDS:
            work_blocks.setdefault(segment.block, []).append(i)
    tallies: dict[int, list[int]] = {}  # exercise index -> [sets done, sets planned, reps done]
    held: dict[int, float] = {}  # exercise index -> seconds of timed work done
    names: dict[int, str] = {}
    timed: dict[int, bool] = {}
    skipped: list[str] = []
    not_reached: list[str] = []
    for indices in work_blocks.values():
        first = segments[indices[0]]
        key = first.exercise_index or 0
        names[key] = first.exercise_name or ""
        timed[key] = not first.counts_reps
        tally = tallies.setdefault(key, [0, 0, 0])
        tally[1] += 1
        done = [statuses[i] == "done" for i in indices]
        if all(done):
            tally[0] += 1
        elif any(statuses[i] == "skipped" for i in indices):
            skipped.append(_describe(first, partial=any(done)))
        elif any(statuses[i] == "ended" for i in indices) and first.exercise_name not in not_reached:
            not_reached.append(first.exercise_name or "")
        tally[2] += _reps_done(segments, statuses, indices)
        held[key] = held.get(key, 0.0) + sum(
            session.spent[i] for i in indices if segments[i].kind == "timed" and statuses[i] == "done")
    exercises = tuple(ExerciseTally(names[k], *tallies[k], counts_reps=not timed[k], seconds_done=held[k])
                      for k in sorted(tallies))
    return Summary(
        routine_name=session.plan.routine_name,
        active_seconds=session.active_seconds(),
        finished_early=statuses[-1] != "done",
        sets_done=sum(t.sets_done for t in exercises),
        sets_planned=sum(t.sets_planned for t in exercises),
        reps_done=sum(t.reps_done for t in exercises),
        exercises=exercises,
        skipped=tuple(skipped),
        not_finished=tuple(not_reached),
    )


def _reps_done(segments: tuple[Segment, ...], statuses: list[str | None], indices: list[int]) -> int:
    """A rep counts when all its phases were lived through, not skipped."""
    reps: dict[int, bool] = {}
    for i in indices:
        if segments[i].kind == "self_paced_set":  # one press for the whole set: all its reps or none
            return (segments[i].reps or 0) if statuses[i] == "done" else 0
        rep = segments[i].rep
        if rep is not None:
            reps[rep] = reps.get(rep, True) and statuses[i] == "done"
    return sum(reps.values())


def _describe(segment: Segment, partial: bool) -> str:
    where = f", {segment.side_text}" if segment.side_text else ""
    part = " (part)" if partial else ""
    return f"{segment.exercise_name}, set {segment.set} of {segment.sets}{where}{part}"
