"""List items whose text is costly (a routine's length needs its compiled plan): filled in a batch at a time.

Start-up compiled every routine's plan before the window showed; 2 000 user routines took 8.5 s. Now the first
batch is labelled at once (the built-in routines and a few of the user's) and the rest one batch per turn of
the event loop, so the window is usable at once and a long list finishes in the background.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QListWidget

BATCH = 20  # items labelled per turn of the event loop


class LazyLabels(QObject):
    """Sets each item's text to `label(item's UserRole data)`, BATCH items at a time; `restart()` after a refill."""

    def __init__(self, items: QListWidget, label: Callable[[str], str]) -> None:
        super().__init__(items)
        self._items, self._label, self._row = items, label, 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._batch)

    @property
    def pending(self) -> int:
        return max(0, self._items.count() - self._row)

    def restart(self) -> None:
        self._row = 0
        self._batch()

    def _batch(self) -> None:
        end = min(self._items.count(), self._row + BATCH)
        for row in range(self._row, end):
            item = self._items.item(row)
            item.setText(self._label(item.data(Qt.ItemDataRole.UserRole)))
        self._row = end
        if self.pending:
            self._timer.start(0)
