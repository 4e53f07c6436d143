"""The Qt adapter: the engine's events arrive as signals from a real event loop."""

from __future__ import annotations

import sys

import pytest

from hipfit_desktop.qt.driver import SessionDriver
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan

pytestmark = pytest.mark.gui


@pytest.fixture
def driver(qtbot, catalog, clock):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog)
    from PySide6.QtCore import QObject

    owner = QObject()
    d = SessionDriver(Session(plan, clock), owner)
    yield d
    d.stop()


def test_timer_is_precise_and_parented(driver):
    from PySide6.QtCore import Qt

    assert driver._timer.timerType() == Qt.TimerType.PreciseTimer and driver._timer.parent() is driver


def test_deadline_passing_on_the_clock_emits_the_next_segment(qtbot, driver, clock):
    """When the fake clock passes the get-ready deadline, the next wake-up starts the first rep."""
    with qtbot.waitSignal(driver.state_changed) as state:
        driver.start()
    assert state.args == ["running"]
    clock.advance(10.01)
    with qtbot.waitSignal(driver.segment_started, timeout=2000) as started:
        pass
    assert started.args[0].segment.kind == "up" and not started.args[0].stale


def test_countdown_beats_arrive_as_signals(qtbot, driver, clock):
    driver.start()
    clock.advance(7.0)
    with qtbot.waitSignal(driver.beat, timeout=2000) as beat:
        pass
    assert beat.args[0].name == "3"


def test_pause_stops_the_timer_and_keeps_the_remaining_time(qtbot, driver, clock):
    driver.start()
    clock.advance(4)
    with qtbot.waitSignal(driver.state_changed) as state:
        driver.toggle_pause()
    assert state.args == ["paused"] and not driver._timer.isActive()
    clock.advance(600)
    assert driver.session.remaining() == pytest.approx(6)


def test_finishing_early_emits_finished_true(qtbot, driver):
    driver.start()
    with qtbot.waitSignal(driver.finished) as done:
        driver.finish()
    assert done.args == [True] and not driver._timer.isActive()


def test_a_long_workout_of_signals_does_not_wear_down_the_interpreter(qtbot, driver, clock):
    """PySide6 6.12.0 dropped a reference to True on every emit and aborted the app after a few thousand.

    An hour-long session at 10 display ticks a second emits tens of thousands of signals; each must leave
    the interpreter's shared objects as it found them.
    """
    driver.start()
    ticks = 500
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(ticks):
        clock.advance(0.1)
        driver.wake()
    after = sys.getrefcount(True), sys.getrefcount(False)
    # A leaking build loses at least one reference per emit (several per tick); live events may hold a few.
    assert all(b - a < ticks // 10 for a, b in zip(after, before, strict=True)), (before, after)


def test_more_time_moves_the_next_wake_up_and_the_beats_to_the_new_end(qtbot, driver, clock):
    """+15 s on the get-ready: at the old "3" nothing sounds; the "3" comes 15 s later. (The window's own
    +15 s key belongs to the session page; here the engine command is run and the driver woken by hand.)"""
    beats = []
    driver.beat.connect(lambda beat: beats.append((beat.name, round(clock.now - 1000, 1))))
    driver.start()
    clock.advance(5)
    driver.session.adjust_time(15)
    driver.wake()
    assert driver.session.next_wakeup() == pytest.approx(clock.now + 20 - 3)
    clock.advance(2)
    driver.wake()
    assert beats == []
    clock.advance(15)
    driver.wake()
    assert beats == [("3", 22.0)]
