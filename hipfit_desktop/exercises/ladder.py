"""An exercise's versions (its progression ladder): parsed, checked, and each made complete on its own.

Rules (docs/DATA_FORMAT.md): the first version is for beginners, adds no resistance, and uses the exercise's
`steps` and `tips`. A later version without `steps` takes the steps and tips of the version directly below,
which is allowed only when nothing about its set-up differs (equipment, sides, hold, pace); a version that adds
equipment must name it in its steps.
"""

from __future__ import annotations

import re

from .model import EQUIPMENT, EQUIPMENT_WORDS, LEVELS, RESISTANCE, Hold, Progression
from .strictyaml import DataError, Fields, Node, check_int

MAX_SECONDS = 600
_ID = re.compile(r"[a-z0-9-]+")


def parse_pair(nodes: list[Node], fields: Fields, key: str, low: int, high: int) -> tuple[int, int]:
    if len(nodes) != 2:
        raise fields.error(key, f"expected [min, max], got {len(nodes)} numbers")
    first, second = (check_int(n, fields.file, f"{fields.field(key)}[{i}]", low, high) for i, n in enumerate(nodes))
    if first > second:
        raise fields.error(key, f"min {first} is greater than max {second}")
    return first, second


def parse_hold(fields: Fields, key: str) -> Hold | None:
    node = fields.raw(key, required=False)
    if node is None:
        return None
    if isinstance(node.value, list):
        return Hold(*parse_pair(node.value, fields, key, 0, MAX_SECONDS))
    seconds = check_int(node, fields.file, fields.field(key), 0, MAX_SECONDS)
    return Hold(seconds, seconds)


def parse_equipment(fields: Fields, key: str = "equipment") -> tuple[str, ...]:
    items = fields.texts(key, required=False, max_length=40)
    for i, item in enumerate(items):
        if item not in EQUIPMENT:
            node = fields.node.value[key].value[i]
            raise DataError(fields.file, node.line, f"{fields.field(key)}[{i}]",
                            f"unknown equipment {item!r} (known: {', '.join(EQUIPMENT)})")
    return tuple(items)


def parse_advice_ids(fields: Fields, advice_ids: frozenset[str]) -> tuple[str, ...]:
    ids = fields.texts("advice", required=False, max_length=60)
    for i, advice_id in enumerate(ids):
        if advice_id not in advice_ids:
            node = fields.node.value["advice"].value[i]
            raise DataError(fields.file, node.line, f"{fields.field('advice')}[{i}]",
                            f"unknown advice {advice_id!r} (known: {', '.join(sorted(advice_ids))})")
    return tuple(ids)


def mentions(steps: tuple[str, ...], item: str) -> bool:
    """Whether the steps name `item` (a band, a box or step, a weight...), as a person would read them."""
    text = " ".join(steps).lower()
    return any(word in text for word in EQUIPMENT_WORDS[item])


def parse_progressions(fields: Fields, steps: tuple[str, ...], tips: tuple[str, ...],
                       advice_ids: frozenset[str]) -> tuple[Progression, ...]:
    ladder: list[Progression] = []
    for i, node in enumerate(fields.items("progressions")):
        step_fields = Fields(node, fields.file, f"{fields.field('progressions')}[{i}]")
        step = _progression(step_fields, advice_ids)
        step_fields.finish()
        if any(s.id == step.id for s in ladder):
            raise step_fields.error("id", f"duplicate progression id {step.id!r}")
        if i == 0:
            if step.level != "beginner" or RESISTANCE & set(step.equipment):
                raise DataError(fields.file, node.line, step_fields.path,
                                "the first step must be for beginners and add no resistance (band or weights)")
            if step.steps or step.tips:
                raise step_fields.error("steps" if step.steps else "tips",
                                        "the first version uses the exercise's `steps` and `tips`: move them there")
            step = _with_text(step, steps, tips, inherited=False)
        else:
            below = ladder[-1]
            if LEVELS.index(step.level) < LEVELS.index(below.level):
                raise step_fields.error("level", f"{step.level!r} comes after {below.level!r}: levels only go up")
            step = _complete(step, below, step_fields)
        ladder.append(step)
    if not ladder:
        raise fields.error("progressions", "at least one step is needed")
    return tuple(ladder)


def identifier(fields: Fields, key: str = "id") -> str:
    value = fields.text(key, max_length=60)
    if not _ID.fullmatch(value):  # ASCII only: a Cyrillic "а" must not pass for a built-in id's "a"
        raise fields.error(key, f"{value!r} must be lowercase letters a-z, digits and hyphens")
    return value


def _progression(step_fields: Fields, advice_ids: frozenset[str]) -> Progression:
    return Progression(
        id=identifier(step_fields),
        name=step_fields.text("name", max_length=80),
        level=step_fields.choice("level", LEVELS),
        changes=step_fields.text("changes"),
        equipment=parse_equipment(step_fields),
        from_article=step_fields.boolean("from_article"),
        one_sided=step_fields.boolean("one_sided", required=False),
        hold=parse_hold(step_fields, "hold_seconds"),
        steps=tuple(step_fields.texts("steps", required=False)),
        tips=tuple(step_fields.texts("tips", required=False)),
        pace=step_fields.choice("pace", ("guided", "own"), required=False),
        advice=parse_advice_ids(step_fields, advice_ids),
        per_side_from_article=step_fields.boolean("per_side_from_article", required=False),
    )


def _with_text(step: Progression, steps: tuple[str, ...], tips: tuple[str, ...], inherited: bool) -> Progression:
    fields = {name: getattr(step, name) for name in step.__dataclass_fields__}
    return Progression(**{**fields, "steps": steps, "tips": tips, "inherited": inherited})


def _complete(step: Progression, below: Progression, step_fields: Fields) -> Progression:
    """Give a later version its full steps and tips, refusing an inheritance that would be wrong."""
    if step.steps:
        for item in step.equipment:
            if item not in below.equipment and not mentions(step.steps, item):
                words = " or ".join(f'"{w}"' for w in EQUIPMENT_WORDS[item])
                raise step_fields.error("steps", f"this version adds {item}, but its steps never mention it "
                                                 f"(say where the {item} goes: {words})")
        return step
    if step.tips:
        raise step_fields.error("tips", "a version with its own tips needs its own `steps` too")
    differs = [name for name, mine, theirs in (
        ("equipment", set(step.equipment), set(below.equipment)), ("one_sided", step.one_sided, below.one_sided),
        ("hold_seconds", step.hold, below.hold), ("pace", step.pace, below.pace)) if mine != theirs]
    if differs:
        raise step_fields.error("steps", f"missing: its {', '.join(differs)} differ from the version below "
                                         f"({below.id}), so its set-up does too; give it its own steps and tips")
    return _with_text(step, below.steps, below.tips, inherited=True)
