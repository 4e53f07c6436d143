"""The keyboard help overlay (F1 or ?)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .session_page import SHORTCUTS

WINDOW_KEYS = (
    ("F11", "Full screen on or off"),
    ("F1 or ?", "This help"),
    ("Enter", "Start the selected routine; on the summary, back to routines"),
    ("Ctrl+,", "Settings (between sessions)"),
    ("M", "Mute or unmute sounds and voice"),
)


def shortcut_rows() -> list[tuple[str, str]]:
    return [(" or ".join(keys[:2]), text) for keys, _action, text in SHORTCUTS] + list(WINDOW_KEYS)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipFit keys")
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{text}</td></tr>" for keys, text in shortcut_rows())
        label = QLabel(f"<table cellpadding='6'>{rows}</table>", accessibleName="Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)
