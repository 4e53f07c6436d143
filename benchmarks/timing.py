"""How close to its deadline does each segment (and 3-2-1 beat) really start, through the Qt adapter?

Runs a real plan in a real Qt event loop on the real monotonic clock, once idle and once with a busy
Python thread competing for the interpreter, and prints lateness percentiles and the drift at the end.
With `--page`, the session page is shown (1366×768, offscreen) and redrawn on every tick, as in the app.
With `--figure`, the exercise figure follows the session, animating on the same thread as the timer: in the
page's figure area with `--page`, else alone in a 1366×768 window.
Usage: QT_QPA_PLATFORM=offscreen python benchmarks/timing.py [--seconds 60] [--page] [--figure]
"""

from __future__ import annotations

import argparse
import sys
import time

from common import busy_thread, figures, guided_plan
from PySide6.QtCore import QCoreApplication, QTimer

from hipfit_desktop.qt.driver import SessionDriver, tighten_thread_switching
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.events import Beat, SegmentStarted


def measure(app: QCoreApplication, seconds: float, busy: bool, page: bool = False,
            figure: bool = False) -> dict[str, float]:
    session = Session(guided_plan(), time.monotonic)
    driver = SessionDriver(session)
    shown = view = None
    if page or figure:
        from hipfit_desktop.exercises.catalog import load_catalog

        catalog = load_catalog()
    if page:  # the page listens after the timing probe, as in the window (cues first, then the page)
        from hipfit_desktop.qt.session_page import SessionPage

        shown = SessionPage(catalog)
        shown.resize(1366, 768)
        shown.show()
    if figure:
        from hipfit_desktop.figure.book import load_figures
        from hipfit_desktop.qt.figure_view import FigureView

        view = FigureView(load_figures(catalog.exercises))
        if shown is not None:
            shown.figure_area.layout().addWidget(view)
        else:
            view.resize(1366, 768)
            view.show()
    late: list[float] = []
    last = {"scheduled": 0.0, "seen": 0.0}

    def on_event(event: object) -> None:
        if isinstance(event, (SegmentStarted, Beat)) and not event.stale:
            seen = time.monotonic()
            late.append(seen - event.scheduled)
            if isinstance(event, SegmentStarted):
                last.update(scheduled=event.scheduled, seen=seen)

    driver.event.connect(on_event)
    if shown is not None:
        shown.attach(driver)
    if view is not None:
        view.follow(driver)
    with busy_thread(busy):
        driver.start()
        QTimer.singleShot(int(seconds * 1000), app.quit)
        app.exec()
    driver.stop()
    driver.deleteLater()
    if view is not None:
        view.stop()
        view.close()
    if shown is not None:
        shown.deleteLater()
    return {**figures(late), "drift_ms": 1000 * (last["seen"] - last["scheduled"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each run (default 60)")
    parser.add_argument("--default-switching", action="store_true",
                        help="keep Python's 5 ms thread switch interval, to compare with the app's 1 ms")
    parser.add_argument("--page", action="store_true", help="show the session page and redraw it on every tick")
    parser.add_argument("--figure", action="store_true", help="with the exercise figure animating")
    args = parser.parse_args()
    if not args.default_switching:
        tighten_thread_switching()
    if args.page or args.figure:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication(sys.argv)
    else:
        app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    where = " with the session page drawn" if args.page else ""
    where += " and the figure animating" if args.page and args.figure else \
        " with the figure animating at 1366x768" if args.figure else ""
    print(f"Segment and beat lateness through SessionDriver{where}, {args.seconds:g} s per run")
    print(f"{'run':<18}{'samples':>8}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'end drift ms':>14}")
    for label, busy in (("idle", False), ("busy thread", True)):
        r = measure(app, args.seconds, busy, args.page, args.figure)
        print(f"{label:<18}{r['samples']:>8}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['max_ms']:>9.2f}"
              f"{r['drift_ms']:>14.2f}")
    print("targets: p99 <= 5 ms, end drift <= 20 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
