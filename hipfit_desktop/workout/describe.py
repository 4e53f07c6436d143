"""Words for people: the routine preview as HTML, counts as short phrases. Pure Python (no Qt)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from html import escape

from ..exercises.model import Catalog, equipment_words
from .card import build_card, card_html, counts_text
from .plan import Plan, PlannedExercise

__all__ = ["advice_html", "clock_text", "countdown_text", "counts_text", "duration_text", "exercise_html",
           "first_start_routine", "preview_html", "routine_summary"]

# Shown first, before any exercise; the couch-stretch note only when the routine has the couch stretch.
SAFETY_ADVICE = ("injury-ask-physio", "general-warm-up", "start-without-resistance", "warm-up-before-couch-stretch")
# How to fit the routine into a week: the preview's header (the summary and picker may show them too).
WEEKLY_ADVICE = ("workouts-per-week", "weeks-to-build-strength", "whole-body", "adjust-reps")


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


def countdown_text(seconds: float) -> str:
    """Whole seconds left, rounded up so a countdown reaches 0 exactly at its deadline; `m:ss` from a minute."""
    whole = math.ceil(seconds - 1e-9)
    return clock_text(whole) if whole >= 60 else str(whole)


def routine_summary(plan: Plan) -> str:
    gear = equipment_words(plan.equipment)
    return f"about {duration_text(plan.estimated_seconds)} · {len(plan.exercises)} exercises · {gear}"


def first_start_routine(plans: Iterable[Plan]) -> str | None:
    """The routine a new user sees selected: the shortest that needs no equipment (else the shortest), so the
    first try is a short session and not the whole menu in one go."""
    ranked = sorted(plans, key=lambda plan: (bool(plan.equipment), plan.estimated_seconds))
    return ranked[0].routine_id if ranked else None


def advice_html(catalog: Catalog, advice_ids: tuple[str, ...]) -> str:
    """A list of advice items, each the app's own marked as such."""
    items = []
    for advice_id in advice_ids:
        advice = catalog.advice.get(advice_id)
        if advice is not None:
            mark = "" if advice.from_article else " <i>(the app's advice, not the article's)</i>"
            items.append(f"<li>{escape(advice.text)}{mark}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def preview_html(plan: Plan, catalog: Catalog, description: str, last_times: Mapping[str, str] | None = None) -> str:
    """The routine preview: safety advice first, how to fit it into a week, then every exercise's card, each
    followed by its line from the training log (`last_times`: exercise id -> "last time: ...")."""
    parts = [f"<h2>{escape(plan.routine_name)}</h2>",
             f"<p>{escape(description)}</p>" if description else "",
             f"<p><b>{escape(routine_summary(plan))}</b> at the {escape(plan.level)} level</p>",
             "<h3>Before you start</h3>"]
    uses_couch = any(p.exercise.id == "couch-stretch" for p in plan.exercises)
    safety = tuple(a for a in SAFETY_ADVICE if uses_couch or a != "warm-up-before-couch-stretch")
    parts.append(advice_html(catalog, safety))
    parts.append("<h3>Over the weeks</h3>")
    parts.append(advice_html(catalog, WEEKLY_ADVICE))
    for number, item in enumerate(plan.exercises, start=1):
        card = exercise_html(number, item, catalog)
        if last_times and item.exercise.id in last_times:  # under the exercise's heading
            line = last_times[item.exercise.id]
            head_end = card.find("</h3>") + len("</h3>") if "</h3>" in card else 0
            card = f"{card[:head_end]}<p><i>{escape(line[:1].upper() + line[1:])}</i></p>{card[head_end:]}"
        parts.append(card)
    return "\n".join(parts)


def exercise_html(number: int, item: PlannedExercise, catalog: Catalog) -> str:
    """One exercise of the preview: its card for this version and these counts."""
    return card_html(build_card(item, catalog), number)
