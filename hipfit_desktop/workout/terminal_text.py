"""What the command line prints for `hipfit list`, `plan`, `exercise --list` and `settings`: plain text, one
line per routine, block or value (cli.py only parses the arguments and prints)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..exercises.model import Catalog
from ..settings.model import TIMINGS, Settings
from .describe import clock_text
from .plan import Plan, Segment, compile_plan


def format_exercises(catalog: Catalog) -> str:
    """`hipfit exercise --list`: each id and name, then its versions (id, level, name)."""
    lines = []
    for exercise in catalog.exercises.values():
        lines.append(f"{exercise.id:<24} {exercise.name}")
        for step in exercise.progressions:
            mark = "" if step.from_article else "  (the app's step)"
            lines.append(f"  --version {step.id:<22} {step.level:<13} {step.name}{mark}")
    return "\n".join(lines)


def format_list(catalog: Catalog, settings: Settings) -> str:
    lines = [f"Routines (times for the {settings.level} level):"]
    for routine in catalog.routines.values():
        plan = compile_plan(routine, catalog, settings)
        minutes = round(plan.estimated_seconds / 60)
        gear = ", ".join(plan.equipment) or "no equipment"
        lines.append(f"  {routine.id:<24} {routine.name:<26} about {minutes:>3} min  {gear}")
    lines.append("")
    lines.append("Exercises (the article's volume):")
    for exercise in catalog.exercises.values():
        volume = exercise.volume
        amount = f"{volume.reps} reps" if volume.reps else f"{clock_text(volume.seconds or 0)}"
        each = " each side" if exercise.one_sided else ""
        hold = f", hold {volume.hold}" if volume.hold else ""
        lines.append(f"  {exercise.id:<24} {exercise.name:<34} {volume.sets} x {amount}{each}{hold}")
    return "\n".join(lines)


def format_plan(plan: Plan) -> str:
    """One line per block (a set on one side, a rest, a hold) rather than one per second-long phase."""
    head = (f"{plan.routine_name} ({plan.level}): {clock_text(plan.total_seconds)} timed"
            + (f" + {plan.self_paced_reps} reps at your own pace, about {clock_text(plan.estimated_seconds)}"
               if plan.self_paced_reps else ""))
    lines = [head, f"Equipment: {', '.join(plan.equipment) or 'none'}", "",
             f"{'start':>8} {'length':>7}  {'what':<13} prompt"]
    start = 0
    for block in _blocks(plan.segments):
        first = block[0]
        length = sum(s.seconds or 0 for s in block)
        self_paced = any(s.seconds is None for s in block)
        if first.counts_reps:
            what = f"SET {first.set}/{first.sets}"
            phases = ", ".join(f"{s.kind} {s.seconds} s" for s in block if s.rep == 1 and s.seconds is not None)
            pace = f"at your own pace ({phases} each)" if self_paced and phases else (
                "at your own pace" if self_paced else f"({phases})")
            side = f", {first.side_text}" if first.side_text else ""
            prompt = f"{first.exercise_name}{side}: {first.reps} reps {pace}"
        else:
            what, prompt = first.phase, first.prompt
        shown = "-" if self_paced else clock_text(length)
        lines.append(f"{clock_text(start):>8} {shown:>7}  {what:<13} {prompt}")
        start += length
    return "\n".join(lines)


def _blocks(segments: Sequence[Segment]) -> list[list[Segment]]:
    blocks: list[list[Segment]] = []
    for segment in segments:
        if blocks and blocks[-1][0].block == segment.block:
            blocks[-1].append(segment)
        else:
            blocks.append([segment])
    return blocks


def format_settings(path: Path, settings: Settings, catalog: Catalog) -> str:
    """The file's path and the effective values, each default marked as such."""
    def marked(text: str, is_default: bool) -> str:
        return f"{text} (default)" if is_default else text

    default = Settings()
    lines = [f"Settings file: {path}" + ("" if path.exists() else " (not saved yet)")]
    level = marked(settings.level, settings.level == default.level)
    lines.append(f"Level: {level}" + ("" if settings.level_chosen else ", not chosen yet"))
    lines.append(f"First side: {marked(settings.first_side, settings.first_side == default.first_side)}")
    presses = "a press for each rep" if settings.count_each_rep else "one press a set"
    lines.append(f"At your own pace: {marked(presses, settings.count_each_rep == default.count_each_rep)}")
    lines.append("Timings:")
    for name in TIMINGS:
        own = getattr(settings, name)
        value = own if own is not None else getattr(catalog.defaults, name)
        label = name.removesuffix("_seconds").replace("_", " ")
        lines.append(f"  {label:<24} {marked(f'{value:>3} s', own is None)}")
    sound = [marked("on" if settings.sound else "off", settings.sound == default.sound),
             f"volume {marked(f'{settings.volume}%', settings.volume == default.volume)}",
             f"voice {marked('on' if settings.voice else 'off', settings.voice == default.voice)}",
             f"tones {marked('on' if settings.tones else 'off', settings.tones == default.tones)}"]
    lines.append(f"Sound: {', '.join(sound)}")
    lines.append(f"Last routine: {settings.last_routine or 'none'}")
    lines.append(f"Exercises (progression for the {settings.level} level; counts only where you changed them):")
    for exercise in catalog.exercises.values():
        own = settings.for_exercise(exercise.id)
        step = exercise.default_progression(settings.level)
        chosen = own.progression is not None and any(s.id == own.progression for s in exercise.progressions)
        if chosen:
            step = exercise.progression(own.progression)  # type: ignore[arg-type]
        counts = [text for value, text in (
            (own.sets, f"sets {own.sets}"), (own.reps, f"reps {own.reps}"),
            (own.hold_seconds, f"hold {own.hold_seconds} s"), (own.seconds, f"time {clock_text(own.seconds or 0)}"),
            (own.rest_seconds, f"rest {own.rest_seconds} s"), (own.pace, f"{own.pace} pace"),
        ) if value is not None]
        lines.append(f"  {exercise.id:<24} {marked(step.id, not chosen):<28} {', '.join(counts)}".rstrip())
    return "\n".join(lines)
