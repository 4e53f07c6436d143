"""Start-up with many user routines: loading them, and the picker page until it shows and until every
routine's length is in the list (2 000 routines took 8.5 s to show before plans were compiled lazily).

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/user_routines.py [--files 20] [--per-file 100]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def write_files(folder: Path, files: int, per_file: int) -> None:
    folder.mkdir(parents=True)
    for f in range(files):
        body = "".join(f"  - id: r{f}-{i}\n    name: Routine {f}-{i}\n    exercises: [squat, clamshell, glute-bridge]\n"
                       for i in range(per_file))
        (folder / f"{f:03}.yaml").write_text("schema: 1\nroutines:\n" + body, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--per-file", type=int, default=100)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from hipfit_desktop.exercises.catalog import load_catalog
    from hipfit_desktop.qt.picker_page import PickerPage
    from hipfit_desktop.settings.model import Settings

    app = QApplication([])
    with tempfile.TemporaryDirectory() as home:
        write_files(Path(home) / "routines", args.files, args.per_file)
        began = time.perf_counter()
        catalog = load_catalog(Path(home) / "routines")
        loaded = time.perf_counter()
        page = PickerPage(catalog, Settings())
        shown = time.perf_counter()
        while getattr(page, "_labels", None) is not None and page._labels.pending:  # before: nothing lazy
            app.processEvents()
        done = time.perf_counter()
    print(f"routines: {len(catalog.routines)} ({args.files} files)")
    print(f"load_catalog: {loaded - began:.2f} s")
    print(f"picker page built (window can show): {shown - loaded:.3f} s")
    print(f"every length filled in, in the background: {done - shown:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
