"""The coach's numbers, read from `data/coaching.yaml` with the strict reader (`file:line: field: problem`).

The rules themselves are code (`coach.py`); what a physiotherapist might want to tune is here, and each
number the sources do not give is listed under `app_chose`, so the coach can say it is the app's.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from ..exercises.strictyaml import DataError, Fields, load_text
from ..workout.rating import EFFORTS, PAINS, SIDES

__all__ = ["EFFORTS", "MORNINGS", "PAINS", "SIDES", "CoachRules", "load_rules", "parse_rules"]
SOURCES = ("two-for-two", "acsm-progression", "pain-monitoring")
MORNINGS = ("fine", "sore", "painful")


@dataclass(frozen=True)
class CoachRules:
    sessions_to_step_up: int = 2
    reps_step: int = 2
    seconds_step: int = 10
    side_lag_sessions: int = 2
    percent_moved_up: int = 60
    not_yet_sessions: int = 2
    app_chose: frozenset[str] = frozenset()  # "reps_first.reps_step", ...

    def is_app_choice(self, rule: str, number: str) -> bool:
        return f"{rule}.{number}" in self.app_chose


def _section(top: Fields, key: str, numbers: dict[str, tuple[int, int]],
             source: bool) -> tuple[dict[str, int], set[str]]:
    fields = top.mapping(key)
    assert fields is not None  # required sections: `mapping` raises "missing" otherwise
    values = {name: fields.integer(name, low, high) for name, (low, high) in numbers.items()}
    if source:
        fields.choice("source", SOURCES)
    chosen = set()
    for i, name in enumerate(fields.texts("app_chose", required=False, max_length=40)):
        if name not in numbers:
            node = fields.node.value["app_chose"].value[i]
            known = ", ".join(numbers) or "none here"
            raise DataError(fields.file, node.line, f"{fields.field('app_chose')}[{i}]",
                            f"{name!r} is not a number of this rule (known: {known})")
        chosen.add(f"{key}.{name}")
    fields.finish()
    return values, chosen


def parse_rules(text: str, file: str = "data/coaching.yaml") -> CoachRules:
    """Raises DataError naming the file, line and field of the first problem."""
    top = Fields(load_text(text, file), file, "")
    top.integer("schema", 1, 1)
    step_up, a = _section(top, "step_up", {"sessions_in_a_row": (1, 10)}, source=True)
    reps, b = _section(top, "reps_first", {"reps_step": (1, 20), "seconds_step": (1, 120)}, source=True)
    _, c = _section(top, "step_back", {}, source=True)
    lag, d = _section(top, "side_lag", {"sessions_in_a_row": (1, 10)}, source=False)
    level, e = _section(top, "next_level", {"percent_moved_up": (1, 100)}, source=False)
    wait, f = _section(top, "not_yet", {"wait_sessions": (1, 20)}, source=False)
    top.finish()
    return CoachRules(step_up["sessions_in_a_row"], reps["reps_step"], reps["seconds_step"],
                      lag["sessions_in_a_row"], level["percent_moved_up"], wait["wait_sessions"],
                      frozenset(a | b | c | d | e | f))


def load_rules() -> CoachRules:
    text = resources.files("hipfit_desktop.data").joinpath("coaching.yaml").read_text(encoding="utf-8")
    return parse_rules(text)
