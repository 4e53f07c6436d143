"""The picker's preview as cards: per exercise what a runner decides on before starting (the version, the
counts and who chose each number), with the steps folded away until asked for. Pure Python: the window lays
the cards out (`qt/preview_cards.py`), the words are here so they can be tested without a display.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..exercises.model import Catalog, equipment_words
from .card import READING, AdviceLine, build_card
from .describe import SAFETY_ADVICE, WEEKLY_ADVICE, routine_summary
from .plan import APP, ARTICLE, Plan, PlannedExercise

KEY_POINTS = 2  # form points shown on a folded card: what to watch; the numbered steps are one click away
APP_CHOSEN = (APP, READING)  # numbers the article does not give: the app's, and it must say so


@dataclass(frozen=True)
class CountLine:
    text: str  # "2 × 15 reps", "rest 30 s between sets"
    source: str  # "the article", "app default", "your setting", "this routine", "the app's reading"

    @property
    def app_chosen(self) -> bool:
        return self.source in APP_CHOSEN

    @property
    def from_article(self) -> bool:
        return self.source == ARTICLE


@dataclass(frozen=True)
class PreviewCard:
    number: int
    exercise_id: str
    name: str
    summary: str  # what it is for (unfolded)
    works: str  # "Works: glutes, hamstrings." (unfolded)
    version: str  # "Bridge with a band"
    version_note: str  # "intermediate · from the article" / "advanced · the app's step, not the article's"
    needs: str  # "a resistance band" / "no equipment"
    counts: str  # the headline, as big as a card's name: "2 sets × 15 reps, hold 2 s"
    count_lines: tuple[CountLine, ...]  # every number with its source
    key_points: tuple[str, ...]  # shown folded: the first form tips, else the first steps
    steps: tuple[str, ...]  # shown unfolded, numbered
    more_tips: tuple[str, ...]  # the tips not among the key points (unfolded)
    advice: tuple[AdviceLine, ...]  # safety notes: always shown, the app's marked as such
    corrections: tuple[str, ...]  # "About the name: ...", "Changed from the article: ...": always shown
    notes: tuple[str, ...]  # how this version differs from the one below it (unfolded)
    last_time: str | None  # "Last time: 2 × 15, today" from the training log


@dataclass(frozen=True)
class RoutinePreview:
    name: str
    description: str
    summary: str  # "about 22 min · 5 exercises · no equipment · beginner level"
    before: tuple[AdviceLine, ...]  # read before starting: safety first
    weeks: tuple[AdviceLine, ...]  # how to fit the routine into a week
    cards: tuple[PreviewCard, ...]


def routine_preview(plan: Plan, catalog: Catalog, description: str,
                    last_times: Mapping[str, str] | None = None) -> RoutinePreview:
    uses_couch = any(p.exercise.id == "couch-stretch" for p in plan.exercises)
    before = tuple(a for a in SAFETY_ADVICE if uses_couch or a != "warm-up-before-couch-stretch")
    return RoutinePreview(
        name=plan.routine_name, description=description,
        summary=f"{routine_summary(plan)} · {plan.level} level",
        before=_advice(catalog, before), weeks=_advice(catalog, WEEKLY_ADVICE),
        cards=tuple(_card(number, item, catalog, (last_times or {}).get(item.exercise.id))
                    for number, item in enumerate(plan.exercises, start=1)),
    )


def _advice(catalog: Catalog, ids: tuple[str, ...]) -> tuple[AdviceLine, ...]:
    return tuple(AdviceLine(catalog.advice[a].text, catalog.advice[a].from_article) for a in ids if a in catalog.advice)


def _card(number: int, item: PlannedExercise, catalog: Catalog, last_time: str | None) -> PreviewCard:
    card = build_card(item, catalog)
    origin = "from the article" if card.version_from_article else "the app's step, not the article's"
    key_points = card.tips[:KEY_POINTS] or card.steps[:KEY_POINTS]
    corrections = tuple(note for note in (
        f"About the name: {card.name_note}" if card.name_note else "",
        f"Changed from the article: {card.cue_change}" if card.cue_change else "",
    ) if note)
    change = f"Changes from {card.below_name}: {card.changes}" if card.below_name else card.changes
    notes = (change,) if change else ()
    return PreviewCard(
        number=number, exercise_id=card.exercise_id, name=card.name, summary=card.summary,
        works=f"Works: {', '.join(card.works)}." if card.works else "",
        version=card.version_name, version_note=f"{card.version_level} · {origin}",
        needs=equipment_words(card.equipment), counts=card.counts.replace(" x ", " × "),
        count_lines=tuple(CountLine(line.text, line.source) for line in card.volume),
        key_points=key_points, steps=card.steps,
        more_tips=tuple(t for t in card.tips if t not in key_points), advice=card.advice, corrections=corrections,
        notes=notes,
        last_time=(last_time[:1].upper() + last_time[1:]) if last_time else None,
    )
