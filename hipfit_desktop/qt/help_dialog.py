"""The keyboard help overlay (F1 or ?): every key of the session, a wireless presenter's first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .about_dialog import AboutDialog
from .session_page import SHORTCUTS

WINDOW_KEYS = (
    ("F11", "Full screen on or off"),
    ("F1 or ?", "This help"),
    ("Enter", "Start the selected routine; on the summary, back to routines"),
    ("Esc", "On the summary, back to routines"),
    ("Ctrl+,", "Settings (between sessions)"),
    ("M", "Mute or unmute sounds and voice"),
    ("Ctrl+Q", "Quit (during a session, asks first)"),
)
# During the rest after an exercise only (qt/rating_keys.py); doing nothing is an answer too.
RATING_ROWS = (
    ("1, 2 or 3", "After an exercise, during the rest: it felt easy, about right or hard (optional)"),
    ("4, 5 or 6", "After an exercise, during the rest: pain none, a little or too much (optional)"),
    ("L or R", "After a one-sided exercise: the left or right side was harder (optional)"),
)

KEY_NAMES = {"PgDown": "Page Down", "PgUp": "Page Up", "Right": "→", "Left": "←", "Up": "↑", "Down": "↓", "-": "−"}


def key_words(keys: tuple[str, ...]) -> str:
    """("PgDown", "Right", "N") -> "Page Down, → or N"."""
    names = [KEY_NAMES.get(key, key) for key in keys]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def shortcut_rows() -> list[tuple[str, str]]:
    return [(key_words(keys), text) for keys, _action, text in SHORTCUTS] + list(RATING_ROWS) + list(WINDOW_KEYS)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("HipFit keys")
        rows = "".join(f"<tr><td><b>{keys}</b></td><td>{text}</td></tr>" for keys, text in shortcut_rows())
        presenter = ("<p>A wireless presenter runs a whole session: <b>Page Down</b> next or done, <b>Page Up</b> "
                     "back, <b>B</b> (the blank-screen button) pause, <b>Esc</b> leave.</p>")
        label = QLabel(f"{presenter}<table cellpadding='6'>{rows}</table>", accessibleName="Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.about_button = buttons.addButton("About HipFit", QDialogButtonBox.ButtonRole.HelpRole)
        self.about_button.clicked.connect(self.show_about)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(buttons)

    def show_about(self) -> None:
        self.about = AboutDialog(self)
        self.about.open()
