"""Start-up time, CPU use during a session and memory: HipFit against a bare PySide6 QMainWindow.

Each start is a fresh process; the parent times from spawning it to the child saying its window is shown
(after the first paint). Runs alternate between the two so machine noise hits both alike.
Usage: QT_QPA_PLATFORM=offscreen python benchmarks/startup.py [--runs 7] [--session-seconds 20]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def child(kind: str, session_seconds: float) -> None:
    from PySide6.QtCore import QTimer

    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv)
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1024, 700)
    else:
        from hipfit_desktop.qt.app import create_application, create_main_window

        app = create_application(sys.argv)
        window = create_main_window()
    window.show()

    def shown() -> None:
        print("shown", flush=True)
        if kind != "bare":
            from hipfit_desktop.qt.app import start_helpers

            start_helpers(window)  # as run_app does after the first paint: counted in the RSS, not the start
        if kind == "session":
            window.start_routine("full-hip-session")
            start_cpu, start_wall = time.process_time(), time.monotonic()

            def measured() -> None:
                cpu = time.process_time() - start_cpu
                wall = time.monotonic() - start_wall
                print(f"cpu {100 * cpu / wall:.3f}", flush=True)
                window.driver.finish()
                app.quit()

            QTimer.singleShot(int(session_seconds * 1000), measured)
        else:
            rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"rss {rss_kb}", flush=True)
            app.quit()

    QTimer.singleShot(0, shown)  # runs once the event loop has painted the window
    app.exec()


def start(kind: str, session_seconds: float = 0) -> dict[str, float]:
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", kind, "--session-seconds", str(session_seconds)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ, "HIPFIT_HOME": os.environ.get(
                                "HIPFIT_HOME", "/tmp/hipfit-bench-home")})
    result: dict[str, float] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        word, *rest = line.split()
        if word == "shown":
            result["startup_s"] = time.perf_counter() - began
        elif word == "rss":
            result["rss_mb"] = int(rest[0]) / 1024
        elif word == "cpu":
            result["cpu_percent"] = float(rest[0])
    proc.wait()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--session-seconds", type=float, default=20.0)
    parser.add_argument("--child", choices=("bare", "app", "session"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.session_seconds)
        return 0
    bare, app = [], []
    start("bare"), start("app")  # warm the file cache; not counted
    for _ in range(args.runs):
        bare.append(start("bare"))
        app.append(start("app"))
    b = statistics.median(r["startup_s"] for r in bare)
    a = statistics.median(r["startup_s"] for r in app)
    rss_b = statistics.median(r["rss_mb"] for r in bare)
    rss_a = statistics.median(r["rss_mb"] for r in app)
    print(f"start-up to window shown (median of {args.runs}): bare QMainWindow {b * 1000:.0f} ms, "
          f"HipFit {a * 1000:.0f} ms, ratio {a / b:.2f} (target <= 1.3)")
    print(f"peak resident memory: bare {rss_b:.1f} MB, HipFit {rss_a:.1f} MB, ratio {rss_a / rss_b:.2f}")
    cpu = start("session", args.session_seconds)["cpu_percent"]
    print(f"CPU while a session runs ({args.session_seconds:g} s of the full hip session, display at 10 Hz): "
          f"{cpu:.2f}% of one core (target < 1%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
