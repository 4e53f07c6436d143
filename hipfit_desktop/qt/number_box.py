"""A spin box for a number the user may leave at the app's default."""

from __future__ import annotations

from PySide6.QtWidgets import QSpinBox, QWidget


class OptionalNumberBox(QSpinBox):
    """The lowest position reads "default (N)" and means None: nothing written to the settings file.

    The range is the setting's bounds, so a value outside them cannot be entered at all.
    """

    def __init__(self, low: int, high: int, suffix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setSuffix(suffix)
        self.setSpecialValueText("default")
        self.setValue(self.minimum())  # starts at "default": a fresh box must not mean a number the user chose

    def set_default(self, default: object) -> None:
        self.setSpecialValueText("default" if default is None else f"default ({default})")

    def number(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_number(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)
