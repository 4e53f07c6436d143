"""About HipFit: the version, the licence, and where the exercise facts come from."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from .. import __version__

ABOUT_HTML = (
    "<h2>HipFit {version}</h2>"
    "<p>Paces you through hip-strengthening exercises, set by set, from across the room.</p>"
    "<p><b>Where the exercises come from:</b> the twelve exercises, their counts and their form "
    "tips follow the article “12 Easy Hip-Strengthening Exercises for Runners”, retold in the app's own "
    "words. Where the app picks a number the article does not give (a rest, a pace, an easier or "
    "harder version), the app marks it as its own.</p>"
    "<p>This app does not replace advice from a physiotherapist or doctor.</p>"
    "<p>Free software under the MIT licence.</p>"
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About HipFit")
        self.setWindowIcon(QIcon.fromTheme("io.github.hipfit.HipFit"))
        text = QLabel(ABOUT_HTML.format(version=__version__), wordWrap=True, accessibleName="About HipFit")
        text.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
