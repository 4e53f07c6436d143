"""Export and import of the training log from the window: the same files as `hipfit export` / `hipfit import`.

The file dialog is injectable (`pick`), so tests can answer it; the work is done by records/exchange.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from ..records.database import HistoryLog
from ..records.exchange import BackupError, export_backup, export_csv, import_backup, read_backup
from ..settings.store import write_atomic
from ..system.paths import user_paths

# (parent, title, suggested name or "" to open a file) -> the chosen path, or None when cancelled
Pick = Callable[[QWidget, str, str], Path | None]


def file_dialog(parent: QWidget, title: str, suggested: str) -> Path | None:
    if suggested:
        name, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested))
    else:
        name, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), "HipFit backup (*.json)")
    return Path(name) if name else None


class BackupButtons(QWidget):
    """Export CSV…, Back up…, Import backup…, and a line saying what happened.

    imported()  # a backup added sessions: the page showing the log should be drawn again
    """

    imported = Signal()

    def __init__(self, pick: Pick = file_dialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pick = pick
        self.log: HistoryLog | None = None
        # (log, FILE) -> the PDF and CSV written; set by the window, which knows the catalogue and settings
        self.make_report: Callable[[HistoryLog, Path], tuple[Path, Path]] | None = None
        self.result = QLabel(accessibleName="Export or import result", wordWrap=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, name, action in (("Export CSV…", "Export the log as CSV", self.export_csv),
                                   ("Back up…", "Back up the log, settings and routines", self.back_up),
                                   ("Import backup…", "Import a backup", self.import_file),
                                   ("Report (PDF)…", "A report for your physiotherapist", self.report)):
            button = QPushButton(text, accessibleName=name)
            button.clicked.connect(action)
            layout.addWidget(button)
        layout.addWidget(self.result, 1)

    def export_csv(self) -> None:
        self._write("Export the log as CSV", "hipfit-log.csv", lambda log: export_csv(log))

    def back_up(self) -> None:
        self._write("Back up HipFit", "hipfit-backup.json",
                    lambda log: json.dumps(export_backup(log, user_paths()), indent=1))

    def _write(self, title: str, suggested: str, text: Callable[[HistoryLog], str]) -> None:
        if self.log is None:
            return
        path = self.pick(self, title, suggested)
        if path is None:
            return
        try:
            write_atomic(path, text(self.log).encode("utf-8"))
        except OSError as problem:
            self.result.setText(f"Could not write {path}: {problem.strerror or problem}")
            return
        self.result.setText(f"Saved {path}")

    def report(self) -> None:
        """The same PDF and CSV as `hipfit report`."""
        if self.log is None or self.make_report is None:
            return
        path = self.pick(self, "Save a report for your physiotherapist", "hipfit-report.pdf")
        if path is None:
            return
        try:
            pdf, table = self.make_report(self.log, path)
        except OSError as problem:
            self.result.setText(f"Could not write {path}: {problem.strerror or problem}")
            return
        self.result.setText(f"Saved {pdf} and {table}")

    def import_file(self) -> None:
        if self.log is None:
            return
        path = self.pick(self, "Import a HipFit backup", "")
        if path is None:
            return
        try:
            result = import_backup(self.log, user_paths(), read_backup(path))
        except BackupError as problem:
            self.result.setText(f"{problem}; nothing was imported")
            return
        self.result.setText(f"Added {result.sessions_added} sessions ({result.sets_added} sets); "
                            f"{result.sessions_present} were already in your log. Settings: {result.settings}.")
        self.imported.emit()
