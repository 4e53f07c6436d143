"""Photograph the real app under Xvfb, on a 1366x768 screen.

`--pages`: the picker and the summary at 1366×768 and 1024×600.
`--session`: the session page in every phase at 1366×768, a set at 1024×600, and a montage of them at 25 %
(the view from the floor), as `session-*.png`.
`--log`: from a made-up training log of a few weeks, the picker with the week and "last time" lines, and the
history page.
Without a flag, all three.

Run with `xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py [OUT_DIR] [--pages]`
(`make screenshots` does this). A fake clock moves the session to each moment; the pictures are of the
real window on the X screen, taken with ImageMagick's `import -window root`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.settings.model import Settings


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(app: QApplication, out: Path, name: str, size: tuple[int, int] | None = None) -> None:
    """The X screen, or its top-left `size` (a window that small, at 0,0: no window manager under Xvfb)."""
    settle(app)
    crop = ["-crop", f"{size[0]}x{size[1]}+0+0", "+repage"] if size else []
    subprocess.run(["import", "-window", "root", *crop, str(out / f"{name}.png")], check=True)
    print(f"wrote {out / name}.png")


def advance_until(window: MainWindow, clock: FakeClock, done) -> None:  # type: ignore[no-untyped-def]
    driver = window.driver
    assert driver is not None
    for _ in range(5000):
        session = driver.session
        if done(session):
            return
        if session.segment.seconds is None:
            clock.now += 2
            driver.rep_done()
        else:
            clock.now += session.remaining() or 0
            driver.wake()
    raise RuntimeError("never reached the wanted moment")


def log_shots(app: QApplication, out: Path) -> None:
    """Eight weeks of Band day, three a week, then the picker and the history page."""
    import tempfile
    from datetime import datetime, timedelta

    from hipfit_desktop.records.database import HistoryLog
    from hipfit_desktop.records.recorder import SessionRecorder
    from hipfit_desktop.workout.engine import Session
    from hipfit_desktop.workout.plan import SELF_PACED_KINDS, compile_plan

    catalog = load_catalog()
    settings = Settings(level="intermediate", level_chosen=True, last_routine="band-day")
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        log = HistoryLog(Path(folder) / "history.sqlite3")
        now = datetime.now().replace(hour=18, minute=0)
        for days_ago in sorted({d for w in range(8) for d in (w * 7 + 6, w * 7 + 4, w * 7 + 2)}, reverse=True):
            if days_ago < 2:
                continue
            if days_ago > 40:  # the first weeks were at the beginner level
                plan = compile_plan(catalog.routine("band-day"), catalog, Settings(level="beginner"))
            else:
                plan = compile_plan(catalog.routine("band-day"), catalog, settings)
            wall = [(now - timedelta(days=days_ago)).timestamp()]
            session = Session(plan, clock)
            session.subscribe(SessionRecorder(log, session, now=lambda wall=wall: wall[0]))
            session.start()
            while session.state != "finished":
                step = 2.0 if session.segment.kind in SELF_PACED_KINDS else session.remaining() or 0
                clock.now += step
                wall[0] += step
                session.rep_done() if session.segment.kind in SELF_PACED_KINDS else session.tick()
        log.close()
        window = MainWindow(catalog, settings, clock=clock, ask=lambda *_: True,
                            log=HistoryLog(Path(folder) / "history.sqlite3"))
        window.setGeometry(0, 0, 1024, 700)
        window.show()
        settle(app)
        window.picker.preview.verticalScrollBar().setValue(0)
        shoot(app, out, "picker-week")
        window.show_history()
        shoot(app, out, "history")
        window.close()


PAGE_SIZES = ((1366, 768), (1024, 600))


def page_shots(app: QApplication, out: Path) -> None:
    """The picker as a first start shows it (one card unfolded) and the summary after stopping part-way, at a
    laptop's and a netbook's size: `picker-1366x768.png`, `summary-1024x600.png`, ..."""
    for width, height in PAGE_SIZES:
        clock = FakeClock()
        window = MainWindow(load_catalog(), clock=clock, ask=lambda *_: True)
        window.setGeometry(0, 0, width, height)
        window.show()
        settle(app)
        shoot(app, out, f"picker-{width}x{height}", (width, height))
        window.picker.preview.cards[0].fold.setChecked(True)
        window.picker.preview.ensureWidgetVisible(window.picker.preview.cards[0], 0, 0)
        shoot(app, out, f"picker-card-{width}x{height}", (width, height))
        window.start_routine(window.picker.selected_routine() or "quick-no-equipment")
        advance_until(window, clock, lambda s: s.segment.exercise == "clamshell")
        window.driver.finish()
        shoot(app, out, f"summary-{width}x{height}", (width, height))
        window.close()


SESSION_MOMENTS = (  # (file name, routine, the moment, seconds into it)
    ("session-get-ready", "band-day", lambda s: s.segment.kind == "get_ready", 3.2),
    ("session-up", "day-a", lambda s: s.segment.kind == "up" and s.segment.rep == 8, 0.5),
    ("session-hold", "day-a", lambda s: s.segment.kind == "hold" and s.segment.rep == 8, 0.8),
    ("session-down", "day-a", lambda s: s.segment.kind == "down" and s.segment.rep == 8, 1.2),
    ("session-rest", "day-a", lambda s: s.segment.kind == "rest" and s.segment.set == 2, 12.3),
    ("session-your-pace", "band-day", lambda s: s.segment.kind == "self_paced_set", 14.0),
    ("session-switch-sides", "band-day", lambda s: s.segment.kind == "switch_sides", 2.4),
    ("session-go", "day-a", lambda s: s.segment.phase == "GO" and s.segment.side == "right", 11.5),
    ("session-stretch", "day-a", lambda s: s.segment.phase == "STRETCH", 97.4),
)


def session_shots(app: QApplication, out: Path) -> None:
    """Each phase at 1366×768 (and paused), a guided set and an own-pace set at 1024×600, then the 25 % montage."""
    shots = []
    for width, height in ((1366, 768), (1024, 600)):
        for name, routine, moment, seconds in SESSION_MOMENTS:
            small = (width, height) != (1366, 768)
            if small and name not in ("session-hold", "session-your-pace"):
                continue
            clock = FakeClock()
            window = MainWindow(load_catalog(), Settings(level_chosen=True), clock=clock, ask=lambda *_: True)
            window.setGeometry(0, 0, width, height)
            window.show()
            window.start_routine(routine)
            if name in ("session-hold", "session-up", "session-down"):  # the side leg lift: a side and a tempo
                window.driver.jump_to_exercise(1)
            advance_until(window, clock, moment)
            clock.now += seconds
            assert window.driver is not None
            window.driver.wake()
            file = f"{name}-{width}x{height}" if small else name
            shoot(app, out, file, (width, height))
            shots.append(file)
            if name == "session-rest" and not small:
                window.session_page.show_outline()  # a dialog of its own: photographed as a widget
                settle(app)
                assert window.session_page.outline is not None
                window.session_page.outline.grab().save(str(out / "session-outline.png"))
                print(f"wrote {out / 'session-outline.png'}")
                window.session_page.outline.reject()
                window.driver.toggle_pause()
                shoot(app, out, "session-paused", (width, height))
            window.driver.finish()
            window.close()
    # The floor's view: every shot at a quarter of its size, side by side, as a runner 2-3 m away sees them.
    quarters = [str(out / f"{name}.png") for name in shots]
    subprocess.run(["montage", *quarters, "-resize", "25%", "-tile", "4x", "-geometry", "+6+6",
                    "-background", "#808080", str(out / "session-at-25-percent.png")], check=True)
    print(f"wrote {out / 'session-at-25-percent.png'}")


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    if "--log" in sys.argv:
        log_shots(app, out)
        return 0
    if "--pages" in sys.argv:
        page_shots(app, out)
        return 0
    if "--session" in sys.argv:
        session_shots(app, out)
        return 0
    page_shots(app, out)
    session_shots(app, out)
    log_shots(app, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
