"""Change the counts of one routine for this session, and optionally remember them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..settings.model import BOUNDS, Settings
from ..workout.plan import Plan
from .number_box import OptionalNumberBox

COLUMNS = {"sets": 1, "reps": 2, "seconds": 2, "hold_seconds": 3}


class CountsDialog(QDialog):
    """One row per exercise of the routine: sets, reps (or time) and hold, starting from this session's counts."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Counts for {plan.routine_name}")
        self.plan = plan
        grid = QGridLayout()
        for column, title in enumerate(("Exercise", "Sets", "Reps or time", "Hold")):
            grid.addWidget(QLabel(f"<b>{title}</b>"), 0, column)
        self.rows: dict[str, dict[str, OptionalNumberBox]] = {}
        for row, item in enumerate(plan.exercises, start=1):
            exercise = item.exercise
            boxes = {"sets": OptionalNumberBox(*BOUNDS["sets"])}
            boxes["sets"].set_default(item.sets)
            if exercise.timed:
                boxes["seconds"] = OptionalNumberBox(*BOUNDS["seconds"], suffix=" s")
                boxes["seconds"].set_default(f"{item.seconds} s")
            else:
                boxes["reps"] = OptionalNumberBox(*BOUNDS["reps"], suffix=" reps")
                boxes["reps"].set_default(f"{item.reps} reps")
                boxes["hold_seconds"] = OptionalNumberBox(*BOUNDS["hold_seconds"], suffix=" s")
                boxes["hold_seconds"].set_default(f"{item.hold_seconds} s")
            grid.addWidget(QLabel(exercise.name), row, 0)
            for key, box in boxes.items():
                box.setAccessibleName(f"{exercise.name}: {key.replace('_', ' ')}")
                grid.addWidget(box, row, COLUMNS[key])
            self.rows[exercise.id] = boxes
        self.remember = QCheckBox("Remember for next time", accessibleName="Remember for next time")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, dict[str, int]]:
        """exercise id -> the counts the user set here (rows left at "default" are not listed)."""
        chosen = {exercise_id: {key: box.number() for key, box in boxes.items() if box.number() is not None}
                  for exercise_id, boxes in self.rows.items()}
        return {exercise_id: counts for exercise_id, counts in chosen.items() if counts}

    def apply_to(self, settings: Settings) -> Settings:
        return apply_counts(settings, self.changes())


def apply_counts(settings: Settings, changes: dict[str, dict[str, int]]) -> Settings:
    for exercise_id, counts in changes.items():
        settings = settings.with_exercise(exercise_id, **counts)
    return settings
