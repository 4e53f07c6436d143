"""Words for people: the routine preview as HTML, counts as short phrases. Pure Python (no Qt)."""

from __future__ import annotations

from html import escape

from ..exercises.model import Catalog
from .plan import Plan, PlannedExercise

SAFETY_ADVICE = ("injury-ask-physio", "start-without-resistance", "warm-up-before-couch-stretch")


def duration_text(seconds: float) -> str:
    """"45 s", "3 min", "1 h 12 min": for lengths, not for a running clock."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes = round(whole / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def clock_text(seconds: float) -> str:
    """`m:ss`, or `h:mm:ss` past an hour: for a clock that counts."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def counts_text(item: PlannedExercise) -> str:
    """"3 sets x 15 reps each side, hold 2 s" as this session will run it."""
    each = " each side" if item.one_sided else ""
    amount = f"{clock_text(item.seconds)}" if item.seconds else f"{item.reps} reps"
    hold = f", hold {item.hold_seconds} s" if item.hold_seconds else ""
    pace = ", at your own pace" if item.pace == "own" else ""
    sets = "1 set" if item.sets == 1 else f"{item.sets} sets"
    return f"{sets} x {amount}{each}{hold}{pace}"


def routine_summary(plan: Plan) -> str:
    gear = ", ".join(plan.equipment) or "no equipment"
    return f"about {duration_text(plan.estimated_seconds)} · {len(plan.exercises)} exercises · {gear}"


def preview_html(plan: Plan, catalog: Catalog, description: str) -> str:
    """The routine preview: safety advice first, then every exercise with steps, tips and its counts."""
    parts = [f"<h2>{escape(plan.routine_name)}</h2>",
             f"<p>{escape(description)}</p>" if description else "",
             f"<p><b>{escape(routine_summary(plan))}</b> at the {escape(plan.level)} level</p>",
             "<h3>Before you start</h3><ul>"]
    uses_couch = any(p.exercise.id == "couch-stretch" for p in plan.exercises)
    for advice_id in SAFETY_ADVICE:
        if advice_id == "warm-up-before-couch-stretch" and not uses_couch:
            continue
        if advice_id in catalog.advice:
            parts.append(f"<li>{escape(catalog.advice[advice_id].text)}</li>")
    parts.append("</ul>")
    for number, item in enumerate(plan.exercises, start=1):
        parts.append(exercise_html(number, item))
    return "\n".join(parts)


def exercise_html(number: int, item: PlannedExercise) -> str:
    exercise, step = item.exercise, item.progression
    steps = step.steps or exercise.steps
    works = ", ".join(exercise.works)
    gear = ", ".join(exercise.equipment + step.equipment)
    html = [f"<h3>{number}. {escape(exercise.name)}</h3>",
            f"<p>{escape(exercise.summary)} <i>Works: {escape(works)}.</i></p>",
            f"<p><b>This session:</b> {escape(counts_text(item))}. "
            f"<b>Version:</b> {escape(step.name)}: {escape(step.changes)}"
            + (f" <b>Needs:</b> {escape(gear)}." if gear else "") + "</p>",
            "<ol>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>"]
    if exercise.tips:
        html.append("<ul>" + "".join(f"<li>{escape(t)}</li>" for t in exercise.tips) + "</ul>")
    if exercise.correction:
        html.append(f"<p><i>About the name: {escape(exercise.correction)}</i></p>")
    return "\n".join(html)
