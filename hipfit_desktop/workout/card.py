"""The exercise card: one source for every place that shows an exercise (preview, session pages, `hipfit exercise`).

A card is built from an exercise, the version the user does and the counts their session will use; every number
on it says where it comes from. Pure Python: `card_text` for the command line, `card_setup_html` for the session
page; the preview's cards take their words from it in `preview.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..exercises.model import RESISTANCE, Catalog, equipment_words
from .plan import APP, ARTICLE, PlannedExercise, duration_words

READING = "the app's reading"  # where the article is silent and the app decided (e.g. which counts are per side)
START_WITHOUT_RESISTANCE = "start-without-resistance"


@dataclass(frozen=True)
class VolumeLine:
    text: str  # "3 × 15 reps", "pause 2–3 s", "rest 30 s between sets"
    source: str  # "the article", "app default", "your setting", "this routine", "the app's reading"

    def __str__(self) -> str:
        return f"{self.text}: {self.source}"


@dataclass(frozen=True)
class AdviceLine:
    text: str
    from_article: bool


@dataclass(frozen=True)
class ExerciseCard:
    exercise_id: str
    name: str
    summary: str
    works: tuple[str, ...]
    equipment: tuple[str, ...]  # for this version: the exercise's and the version's
    version_id: str
    version_name: str
    version_level: str
    version_from_article: bool
    changes: str  # what this version changes from the one below (the first: its starting form)
    below_name: str | None  # the version below, None for the first
    versions: tuple[tuple[str, str, str], ...]  # (id, name, level) of every version, easiest first
    steps: tuple[str, ...]
    tips: tuple[str, ...]
    volume: tuple[VolumeLine, ...]
    advice: tuple[AdviceLine, ...]
    counts: str  # "3 sets x 15 reps each side, hold 2 s": the whole session's counts in one phrase
    name_note: str | None  # a naming correction of the article ("About the name")
    cue_change: str | None  # a cue the app words differently from the article ("Changed from the article")


def build_card(item: PlannedExercise, catalog: Catalog) -> ExerciseCard:
    exercise, version = item.exercise, item.progression
    below = exercise.below(version)
    equipment = exercise.equipment_in(version)
    advice_ids = list(dict.fromkeys(exercise.advice + version.advice))
    if RESISTANCE & set(equipment):
        advice_ids.append(START_WITHOUT_RESISTANCE)
    advice = tuple(AdviceLine(catalog.advice[a].text, catalog.advice[a].from_article)
                   for a in advice_ids if a in catalog.advice)
    return ExerciseCard(
        exercise_id=exercise.id, name=exercise.name, summary=exercise.summary, works=exercise.works,
        equipment=equipment, version_id=version.id, version_name=version.name, version_level=version.level,
        version_from_article=version.from_article, changes=version.changes,
        below_name=below.name if below else None,
        versions=tuple((p.id, p.name, p.level) for p in exercise.progressions),
        steps=version.steps or exercise.steps, tips=version.tips,
        volume=volume_lines(item, catalog), advice=advice, counts=counts_text(item),
        name_note=exercise.correction, cue_change=exercise.cue_change,
    )


def counts_text(item: PlannedExercise) -> str:
    """"3 sets x 15 reps each side, hold 2 s" as this session will run it."""
    each = " each side" if item.one_sided else ""
    amount = _clock(item.seconds) if item.seconds else f"{item.reps} reps"
    hold_range = item.hold is not None and item.hold.low != item.hold.high
    # the article's range beside the timed seconds, unless the user chose a hold outside it
    span = f" (pause {item.hold})" if hold_range and item.hold.low <= item.hold_seconds <= item.hold.high else ""
    hold = f", hold {item.hold_seconds} s{span}" if item.hold_seconds else ""
    pace = ", at your own pace" if item.pace == "own" else ""
    sets = "1 set" if item.sets == 1 else f"{item.sets} sets"
    return f"{sets} x {amount}{each}{hold}{pace}"


def _clock(seconds: int) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def volume_lines(item: PlannedExercise, catalog: Catalog) -> tuple[VolumeLine, ...]:
    """The counts this user will do, one line per number, each with its source."""
    exercise, version = item.exercise, item.progression
    sources = item.sources
    lines: list[VolumeLine] = []
    sets = "1 set" if item.sets == 1 else f"{item.sets} sets"
    if item.seconds is not None:
        amount_key = "seconds"
        stretch = exercise.category == "stretch"
        amount = f"{'up to ' if stretch else ''}{duration_words(item.seconds)}"
        amount = f"hold {amount}" if stretch else f"{amount} of movement"
    else:
        amount_key, amount = "reps", f"{item.reps} reps"
    set_source, amount_source = sources.get("sets", ARTICLE), sources.get(amount_key, ARTICLE)
    if set_source == amount_source:
        lines.append(VolumeLine(f"{item.sets} × {amount}", set_source))
    else:
        lines += [VolumeLine(sets, set_source), VolumeLine(amount, amount_source)]
    if item.seconds is not None and exercise.category == "stretch":
        lines.append(VolumeLine(f"the app times the full {duration_words(item.seconds)}: "
                                "shorten it in Settings if that is too long", APP))
    if item.one_sided:
        from_article = exercise.per_side_source_in(version)
        lines.append(VolumeLine(exercise.each_side, ARTICLE if from_article else READING))
    if item.hold_seconds > 0:
        lines += _hold_lines(item)
    if item.pace == "own":
        if item.count_each_rep:
            how = "a press at the top of each rep, then hold" if item.hold_seconds else "a press after each rep"
        else:
            how = "one press when the whole set is done"
        lines.append(VolumeLine(f"at your own pace: {how}", sources.get("pace", APP)))
    elif item.pace == "guided":
        up = exercise.volume.up_seconds or catalog.defaults.up_seconds
        down = exercise.volume.down_seconds or catalog.defaults.down_seconds
        lines.append(VolumeLine(f"guided tempo: up {up} s, down {down} s", sources.get("pace", APP)))
    if item.sets > 1:
        lines.append(VolumeLine(f"rest {item.rest_seconds} s between sets", sources.get("rest", APP)))
    if item.one_sided and item.switch_sides_seconds:
        lines.append(VolumeLine(f"switch sides {item.switch_sides_seconds} s", sources.get("switch_sides", APP)))
    return tuple(lines)


def _hold_lines(item: PlannedExercise) -> list[VolumeLine]:
    hold, seconds = item.hold, item.hold_seconds
    source = item.sources.get("hold", ARTICLE)
    if hold is None or source != ARTICLE:
        extra = f" (the article: {'pause' if hold and hold.low != hold.high else 'hold'} {hold})" if hold else ""
        return [VolumeLine(f"hold {seconds} s at the top{extra}", source)]
    if hold.low == hold.high:
        return [VolumeLine(f"hold {hold} at the top", ARTICLE)]
    return [VolumeLine(f"pause {hold} at the top", ARTICLE),
            VolumeLine(f"timed as {seconds} s, the top of the range", APP)]


def _version_words(card: ExerciseCard) -> str:
    origin = "from the article" if card.version_from_article else "the app's step, not the article's"
    return f"{card.version_name} ({card.version_level}; {origin})"


# --- renderers -------------------------------------------------------------------------------------------

def _gear(card: ExerciseCard) -> str:
    return equipment_words(card.equipment)


def card_text(card: ExerciseCard) -> str:
    """The card as plain text, for `hipfit exercise`."""
    lines = [f"{card.name} ({card.exercise_id})", card.summary, f"Works: {', '.join(card.works)}",
             f"Needs: {_gear(card)}",
             f"Version: {_version_words(card)}"]
    lines.append(f"  Changes from {card.below_name}: {card.changes}" if card.below_name else f"  {card.changes}")
    lines.append("Versions: " + ", ".join(f"{vid} ({level})" for vid, _name, level in card.versions))
    lines.append("Steps:")
    lines += [f"  {n}. {step}" for n, step in enumerate(card.steps, start=1)]
    if card.tips:
        lines.append("Tips:")
        lines += [f"  - {tip}" for tip in card.tips]
    lines.append(f"This session: {card.counts}")
    lines.append("Where each number comes from:")
    lines += [f"  {line}" for line in card.volume]
    if card.advice:
        lines.append("Advice:")
        lines += [f"  - {a.text}" + ("" if a.from_article else " (the app's advice, not the article's)")
                  for a in card.advice]
    if card.name_note:
        lines.append(f"About the name: {card.name_note}")
    if card.cue_change:
        lines.append(f"Changed from the article: {card.cue_change}")
    return "\n".join(lines)


def card_setup_html(card: ExerciseCard) -> str:
    """What to set up before an exercise, for the session page: the version, what it needs, the numbered
    steps and its safety notes. Short enough to read from the mat; the full card is in the preview."""
    gear = _gear(card)
    html = [f"<b>{escape(card.version_name)}</b> &middot; needs {escape(gear)}",
            "<br>".join(f"{n}. {escape(step)}" for n, step in enumerate(card.steps, start=1))]
    html += [f"&#9888; {escape(advice.text)}" for advice in card.advice if not advice.from_article]
    return "<p>" + "</p><p>".join(html) + "</p>"
