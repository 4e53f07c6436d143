"""Start the window: QApplication, catalogue, main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from ..catalog import load_catalog
from ..paths import user_paths
from ..strictyaml import DataError
from .driver import tighten_thread_switching


def run_app(argv: list[str] | None = None) -> int:
    tighten_thread_switching()
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("HipFit")
    app.setOrganizationName("hipfit")
    try:
        catalog = load_catalog(user_paths().routines)
    except DataError as problem:
        QMessageBox.critical(None, "HipFit cannot start", f"The exercise data is damaged:\n{problem}")
        return 1
    from .main_window import MainWindow

    window = MainWindow(catalog)
    window.show()
    return app.exec()
