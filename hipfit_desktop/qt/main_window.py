"""The main window (minimal until the session pages land): the routines and their compiled plans."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QSplitter, QTextEdit

from ..catalog import Catalog
from ..cli import format_plan
from ..plan import compile_plan


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.setWindowTitle("HipFit")
        self.routines = QListWidget()
        self.routines.setAccessibleName("Routines")
        for routine in catalog.routines.values():
            self.routines.addItem(routine.name)
        self.preview = QTextEdit(readOnly=True)
        self.preview.setAccessibleName("Plan")
        splitter = QSplitter()
        splitter.addWidget(self.routines)
        splitter.addWidget(self.preview)
        self.setCentralWidget(splitter)
        self.statusBar().addWidget(QLabel("Pick a routine to see its plan."))
        self.routines.currentRowChanged.connect(self._show_plan)
        self.routines.setCurrentRow(0)
        self.resize(900, 600)

    def _show_plan(self, row: int) -> None:
        routine = list(self.catalog.routines.values())[row]
        self.preview.setPlainText(format_plan(compile_plan(routine, self.catalog)))
