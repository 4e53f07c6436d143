"""First run: which level are you? Asked once; Settings changes it later."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from ..settings.model import LEVELS
from .settings_dialog import LEVEL_SENTENCES


class LevelDialog(QDialog):
    def __init__(self, current: str = "beginner", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to HipFit")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Which level suits you?</b> You can change it at any time in Settings."))
        self.group = QButtonGroup(self)
        for index, level in enumerate(LEVELS):
            button = QRadioButton(f"{level.capitalize()}: {LEVEL_SENTENCES[level]}", accessibleName=level.capitalize())
            button.setChecked(level == current)
            self.group.addButton(button, index)
            layout.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def level(self) -> str:
        return LEVELS[max(0, self.group.checkedId())]
