"""Words for people: lengths, clocks and counts as short phrases, the routine's one-line summary and the advice
lists. Pure Python (no Qt); the preview's cards are `preview.py`."""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

from ..exercises.model import Catalog, equipment_words
from .card import counts_text
from .plan import Plan

__all__ = ["SAFETY_ADVICE", "WEEKLY_ADVICE", "advice_html", "clock_text", "countdown_text", "counts_text",
           "duration_text", "first_start_routine", "routine_summary"]

# Shown first, before any exercise; the couch-stretch note only when the routine has the couch stretch.
SAFETY_ADVICE = ("injury-ask-physio", "general-warm-up", "start-without-resistance", "warm-up-before-couch-stretch")
# How to fit the routine into a week: in the preview's header and under the session's summary.
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
