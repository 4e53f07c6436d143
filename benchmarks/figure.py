"""What the animated figure costs: CPU while a session runs with it, and the time to paint one frame.

Runs the full session (every exercise on guided tempo) through SessionDriver on the real monotonic clock with a
FigureView following it in a 1366x768 window, first running (side leg lifts: up, hold, down), then paused;
then paints frames at 1920x1080 one by one and times each.
Usage: QT_QPA_PLATFORM=offscreen python benchmarks/figure.py [--seconds 20] [--frames 500]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from common import figures, guided_plan
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.figure.book import load_figures
from hipfit_desktop.qt.driver import SessionDriver, tighten_thread_switching
from hipfit_desktop.qt.figure_view import FigureView
from hipfit_desktop.workout.engine import Session


class CountingView(FigureView):
    painted = 0

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        CountingView.painted += 1
        super().paintEvent(event)


def run_for(app: QApplication, seconds: float) -> tuple[float, int]:
    """CPU seconds used and frames painted while the event loop runs for `seconds`."""
    painted, cpu = CountingView.painted, time.process_time()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    return time.process_time() - cpu, CountingView.painted - painted


def session_cpu(app: QApplication, book, seconds: float, with_figure: bool) -> dict[str, float]:
    session = Session(guided_plan(), time.monotonic)
    driver = SessionDriver(session)
    view = CountingView(book)
    view.resize(1366, 768)
    if with_figure:
        view.show()
        view.follow(driver)
    driver.start()
    driver.skip()  # past the get-ready countdown, straight into the first reps
    cpu, frames = run_for(app, seconds)
    driver.pause()
    paused_cpu, paused_frames = run_for(app, seconds / 2)
    driver.stop()
    view.stop()
    view.close()
    return {"cpu": 100 * cpu / seconds, "fps": frames / seconds,
            "paused_cpu": 100 * paused_cpu / (seconds / 2), "paused_frames": paused_frames}


def paint_times(book, frames: int) -> tuple[dict[str, float], dict[str, float]]:
    """Wall and CPU time of painting the whole 1920x1080 widget once (background and figure), frame by frame."""
    view = CountingView(book)
    view.resize(1920, 1080)
    image = QImage(1920, 1080, QImage.Format.Format_ARGB32_Premultiplied)
    exercises = [("glute-bridge", "banded-bridge", None), ("clamshell", "banded", "right"),
                 ("banded-side-step", "band-at-ankles", "left"), ("couch-stretch", "position-3", "left")]
    wall, cpu = [], []
    for i in range(frames):
        exercise, version, side = exercises[i % len(exercises)]
        view.show_pose(exercise, version, side, (i % 31) / 30)
        start, start_cpu = time.perf_counter(), time.process_time()
        view.render(image)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return figures(wall), figures(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of the running run (default 20)")
    parser.add_argument("--frames", type=int, default=500, help="frames painted at 1920x1080 (default 500)")
    args = parser.parse_args()
    tighten_thread_switching()
    app = QApplication.instance() or QApplication(sys.argv)
    book = load_figures(load_catalog().exercises)
    print(f"CPU of one core while the full session runs, {args.seconds:g} s running then {args.seconds / 2:g} s paused")
    print(f"{'run':<22}{'running %':>11}{'frames/s':>10}{'paused %':>10}{'paused frames':>15}")
    for label, with_figure in (("without the figure", False), ("figure at 1366x768", True)):
        r = session_cpu(app, book, args.seconds, with_figure)
        print(f"{label:<22}{r['cpu']:>11.2f}{r['fps']:>10.1f}{r['paused_cpu']:>10.2f}{r['paused_frames']:>15}")
    wall, cpu = paint_times(book, args.frames)
    print(f"\nOne frame painted at 1920x1080, {wall['samples']} frames")
    for label, r in (("wall time", wall), ("CPU time", cpu)):
        print(f"  {label:<10} p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, max {r['max_ms']:.2f} ms")
    print(f"load average over the last minute: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("targets: < 3 % of one core running, 0 % paused; p99 < 4 ms a frame")
    return 0


if __name__ == "__main__":
    sys.exit(main())
