"""Settings (Ctrl+,): level, timings, sound, and each exercise's progression and counts."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..exercises.model import Catalog, Exercise
from ..settings.model import BOUNDS, LEVELS, SIDES, TIMINGS, Settings
from .number_box import OptionalNumberBox

LEVEL_SENTENCES = {
    "beginner": "New to these moves: the plain version of each, with no band or weights yet.",
    "intermediate": "At ease with the basics: bands and the middle step of each exercise.",
    "advanced": "Ready for the hardest version: single-leg moves, weights, the band at the ankles.",
}
TIMING_LABELS = {
    "get_ready_seconds": "Get ready before the first exercise",
    "rest_between_sets_seconds": "Rest between sets",
    "switch_sides_seconds": "Switch sides",
    "rest_between_exercises_seconds": "Rest between exercises",
}


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `settings()` is the result once accepted."""

    def __init__(self, catalog: Catalog, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipFit settings")
        self.catalog = catalog
        self._settings = settings
        tabs = QTabWidget()
        tabs.addTab(self._general_tab(), "General")
        tabs.addTab(self._exercises_tab(), "Exercises")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.reset_all_button = buttons.addButton("Reset all to defaults", QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_all_button.setAccessibleName("Reset all settings to defaults")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reset_all_button.clicked.connect(self.reset_all)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self._show(settings)
        self.resize(720, 520)

    # --- building -----------------------------------------------------------------------------------------

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.level = QComboBox(accessibleName="Level")
        for level in LEVELS:
            self.level.addItem(level.capitalize(), level)
        self.level_note = QLabel(wordWrap=True)
        self.level.currentIndexChanged.connect(
            lambda i: self.level_note.setText(LEVEL_SENTENCES[LEVELS[i]]))
        form.addRow("Level", self.level)
        form.addRow("", self.level_note)
        self.first_side = QComboBox(accessibleName="Side to start with")
        for side in SIDES:
            self.first_side.addItem(f"{side.capitalize()} first", side)
        form.addRow("One-sided exercises", self.first_side)
        self.count_each_rep = QCheckBox("A press for each rep, not one for the whole set",
                                        accessibleName="At your own pace, a press for each rep")
        form.addRow("At your own pace", self.count_each_rep)
        self.weekly_target = QSpinBox(accessibleName="Workouts a week")
        self.weekly_target.setRange(*BOUNDS["weekly_target"])
        self.weekly_target.setToolTip("The picker counts this week's workouts against it; the article advises "
                                      "three to four")
        form.addRow("Workouts a week", self.weekly_target)
        defaults = self.catalog.defaults
        self.timings: dict[str, OptionalNumberBox] = {}
        for name in TIMINGS:
            box = OptionalNumberBox(*BOUNDS[name], suffix=" s")
            box.set_default(f"{getattr(defaults, name)} s")
            box.setAccessibleName(TIMING_LABELS[name])
            self.timings[name] = box
            form.addRow(TIMING_LABELS[name], box)
        sound = QGroupBox("Sound")
        sound_form = QFormLayout(sound)
        self.sound = QCheckBox("Play sounds", accessibleName="Play sounds")
        self.tones = QCheckBox("Tones (3-2-1, up, hold, rest over)", accessibleName="Tones")
        self.voice = QCheckBox("Spoken prompts", accessibleName="Spoken prompts")
        self.volume = QSlider(Qt.Orientation.Horizontal, accessibleName="Volume")
        self.volume.setRange(*BOUNDS["volume"])
        for widget in (self.sound, self.tones, self.voice):
            sound_form.addRow(widget)
        sound_form.addRow("Volume", self.volume)
        form.addRow(sound)
        return page

    def _exercises_tab(self) -> QWidget:
        page = QWidget()
        self.exercise_list = QListWidget(accessibleName="Exercises")
        for exercise in self.catalog.exercises.values():
            self.exercise_list.addItem(exercise.name)
        self.progression = QComboBox(accessibleName="Version")
        self.progression_note = QLabel(wordWrap=True, accessibleName="What this version changes")
        self.counts: dict[str, OptionalNumberBox] = {
            "sets": OptionalNumberBox(*BOUNDS["sets"]),
            "reps": OptionalNumberBox(*BOUNDS["reps"]),
            "seconds": OptionalNumberBox(*BOUNDS["seconds"], suffix=" s"),
            "hold_seconds": OptionalNumberBox(*BOUNDS["hold_seconds"], suffix=" s"),
            "rest_seconds": OptionalNumberBox(*BOUNDS["rest_seconds"], suffix=" s"),
        }
        labels = {"sets": "Sets", "reps": "Reps per set", "seconds": "Time per set", "hold_seconds": "Hold at the top",
                  "rest_seconds": "Rest between sets"}
        self.pace = QComboBox(accessibleName="Pace")
        self.reset_exercise_button = QPushButton("Reset this exercise", accessibleName="Reset this exercise")
        form = QFormLayout()
        form.addRow("Version", self.progression)
        form.addRow("", self.progression_note)
        self.count_rows: dict[str, QLabel] = {}
        for key, box in self.counts.items():
            box.setAccessibleName(labels[key])
            label = QLabel(labels[key])
            self.count_rows[key] = label
            form.addRow(label, box)
        self.pace_label = QLabel("Pace")
        form.addRow(self.pace_label, self.pace)
        form.addRow(self.reset_exercise_button)
        detail = QWidget()
        detail.setLayout(form)
        row = QHBoxLayout(page)
        row.addWidget(self.exercise_list, 1)
        row.addWidget(detail, 2)
        self.exercise_list.currentRowChanged.connect(self._exercise_selected)
        self.progression.currentIndexChanged.connect(self._progression_shown)
        for box in self.counts.values():
            box.valueChanged.connect(self._store_exercise)
        self.progression.activated.connect(self._store_exercise)
        self.pace.activated.connect(self._store_exercise)
        self.reset_exercise_button.clicked.connect(self.reset_exercise)
        self._loading = False
        return page

    # --- showing and reading ------------------------------------------------------------------------------

    def _show(self, settings: Settings) -> None:
        self._settings = settings
        self.level.setCurrentIndex(LEVELS.index(settings.level))
        self.level_note.setText(LEVEL_SENTENCES[settings.level])
        self.first_side.setCurrentIndex(SIDES.index(settings.first_side))
        self.weekly_target.setValue(settings.weekly_target)
        self.count_each_rep.setChecked(settings.count_each_rep)
        for name, box in self.timings.items():
            box.set_number(getattr(settings, name))
        self.sound.setChecked(settings.sound)
        self.tones.setChecked(settings.tones)
        self.voice.setChecked(settings.voice)
        self.volume.setValue(settings.volume)
        row = max(0, self.exercise_list.currentRow())
        self.exercise_list.setCurrentRow(row)
        self._exercise_selected(row)

    def _exercise(self) -> Exercise:
        return list(self.catalog.exercises.values())[max(0, self.exercise_list.currentRow())]

    def _exercise_selected(self, row: int) -> None:
        if row < 0:
            return
        exercise = self._exercise()
        own = self._settings.for_exercise(exercise.id)
        level = LEVELS[self.level.currentIndex()]
        self._loading = True
        self.progression.clear()
        default = exercise.default_progression(level)
        self.progression.addItem(f"Default for your level ({default.name})", None)
        for step in exercise.progressions:
            self.progression.addItem(step.name, step.id)
        self.progression.setCurrentIndex(max(0, self.progression.findData(own.progression)))
        volume = exercise.volume
        step = exercise.progression(own.progression) if own.progression else default
        hold = step.hold or volume.hold  # as the plan does: a version may bring its own pause
        for key, value in (("sets", volume.sets), ("reps", volume.reps), ("seconds", volume.seconds),
                           ("hold_seconds", hold.seconds if hold else 0),
                           ("rest_seconds", self._settings.rest_between_sets_seconds
                            or self.catalog.defaults.rest_between_sets_seconds)):
            box = self.counts[key]
            box.set_default(f"{value} s" if key.endswith("seconds") else value)
            box.set_number(getattr(own, key))
        timed = exercise.timed
        for key, visible in (("reps", not timed), ("seconds", timed), ("hold_seconds", not timed)):
            self.counts[key].setVisible(visible)
            self.count_rows[key].setVisible(visible)
        self.pace.clear()
        if not timed:
            self.pace.addItem(f"Default ({'guided tempo' if exercise.pace == 'guided' else 'my own pace'})", None)
            self.pace.addItem("Guided tempo", "guided")
            self.pace.addItem("My own pace (one press a set)", "own")
            self.pace.setCurrentIndex(max(0, self.pace.findData(own.pace)))
        self.pace.setVisible(not timed)
        self.pace_label.setVisible(not timed)
        self._loading = False
        self._progression_shown()

    def _progression_shown(self) -> None:
        exercise = self._exercise()
        chosen = self.progression.currentData()
        level = LEVELS[self.level.currentIndex()]
        step = exercise.progression(chosen) if chosen else exercise.default_progression(level)
        gear = ", ".join(exercise.equipment + step.equipment)
        self.progression_note.setText(step.changes + (f" Needs: {gear}." if gear else ""))

    def _store_exercise(self) -> None:
        if self._loading:
            return
        exercise = self._exercise()
        timed_keys, rep_keys = ("sets", "seconds", "rest_seconds"), ("sets", "reps", "hold_seconds", "rest_seconds")
        keys = timed_keys if exercise.timed else rep_keys
        self._settings = self._settings.with_exercise(
            exercise.id, progression=self.progression.currentData(),
            pace=None if exercise.timed else self.pace.currentData(),
            **{key: self.counts[key].number() for key in keys})

    def reset_exercise(self) -> None:
        self._settings = self._settings.reset_exercise(self._exercise().id)
        self._exercise_selected(self.exercise_list.currentRow())

    def reset_all(self) -> None:
        self._show(self._settings.reset_all())

    def settings(self) -> Settings:
        """The edited settings (the exercise tab's changes are stored as they are made)."""
        return replace(
            self._settings,
            level=LEVELS[self.level.currentIndex()], level_chosen=True,
            first_side=SIDES[self.first_side.currentIndex()], count_each_rep=self.count_each_rep.isChecked(),
            sound=self.sound.isChecked(), tones=self.tones.isChecked(), voice=self.voice.isChecked(),
            volume=self.volume.value(), weekly_target=self.weekly_target.value(),
            **{name: box.number() for name, box in self.timings.items()})
