"""How long the picker takes to show a routine's cards: what an arrow key in the routine list costs.

Builds the preview of each built-in routine several times on a shown 1366×768 picker and prints the median
build (widgets made and laid out) and the paint that follows, per routine.
Usage: QT_QPA_PLATFORM=offscreen python benchmarks/preview.py [--rounds 9]
"""

from __future__ import annotations

import argparse
import statistics
import time

from PySide6.QtWidgets import QApplication

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.qt.picker_page import PickerPage
from hipfit_desktop.settings.model import Settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=9)
    rounds = parser.parse_args().rounds
    app = QApplication([])
    catalog = load_catalog()
    page = PickerPage(catalog, Settings())
    page.resize(1366, 740)
    page.show()
    app.processEvents()
    ids = list(catalog.routines)
    for row, routine_id in enumerate(ids):
        builds, paints = [], []
        for _ in range(rounds):
            page.routines.setCurrentRow((row + 1) % len(ids))  # away and back: every round builds anew
            app.processEvents()
            start = time.perf_counter()
            page.routines.setCurrentRow(row)
            built = time.perf_counter()
            app.processEvents()
            builds.append(built - start)
            paints.append(time.perf_counter() - built)
        cards = len(page.preview.cards)
        print(f"{routine_id:24} {cards:2} cards: build {1000 * statistics.median(builds):5.1f} ms, "
              f"then paint {1000 * statistics.median(paints):5.1f} ms (median of {rounds})")


if __name__ == "__main__":
    main()
