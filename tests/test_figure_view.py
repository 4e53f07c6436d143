"""FigureView: paints the figure in the palette's colours and runs its frame timer only while the figure moves."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.model import Routine, RoutineItem
from hipfit_desktop.figure.book import load_figures
from hipfit_desktop.figure.motion import pose_at
from hipfit_desktop.qt.driver import SessionDriver
from hipfit_desktop.qt.figure_view import FigureView
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan

pytestmark = pytest.mark.gui


@pytest.fixture
def book(catalog):  # per test: mutation testing maps each test to the code it runs
    return load_figures(catalog.exercises)


@pytest.fixture
def view(qtbot, book):
    widget = FigureView(book)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    yield widget
    widget.stop()


@pytest.fixture
def driver(qtbot, catalog, clock):
    plan = compile_plan(Routine("t", "T", "", (RoutineItem("glute-bridge", sets=1, reps=2),), None, "t", 1), catalog)
    d = SessionDriver(Session(plan, clock))
    yield d
    d.stop()


def advance_to(driver, clock, kind):
    while driver.session.segment.kind != kind:
        clock.advance(driver.session.remaining() or 0.0)
        driver.wake()


def test_the_frame_timer_runs_on_up_and_down_only_and_never_while_paused(view, driver, clock):
    view.follow(driver)
    assert not view.animating  # idle
    driver.start()
    assert not view.animating  # get ready: a still start pose
    advance_to(driver, clock, "up")
    assert view.animating
    advance_to(driver, clock, "hold")
    assert not view.animating
    advance_to(driver, clock, "down")
    assert view.animating
    driver.pause()
    assert not view.animating
    driver.resume()
    assert view.animating
    driver.finish()
    assert not view.animating and view.pose is None


def test_each_frame_reads_the_engine_so_the_figure_is_where_the_timer_is(view, driver, clock, book):
    view.follow(driver)
    driver.start()
    advance_to(driver, clock, "up")
    clock.advance(0.5)
    view.sync()  # what the frame timer calls
    assert view.pose == pose_at(*book.get("glute-bridge", "bridge"), 0.5)


def test_a_repaint_is_asked_for_only_when_the_pose_changes(view, driver, clock, monkeypatch):
    view.follow(driver)
    driver.start()
    advance_to(driver, clock, "hold")
    asked = []
    monkeypatch.setattr(view, "update", lambda *area: asked.append(area))
    for _ in range(5):
        clock.advance(0.1)
        driver.wake()  # the driver's 10 Hz display tick
    assert asked == []
    advance_to(driver, clock, "down")
    clock.advance(0.1)
    view.sync()
    assert asked


def test_stop_lets_the_session_go(view, driver, clock):
    view.follow(driver)
    driver.start()
    advance_to(driver, clock, "up")
    view.stop()
    assert not view.animating
    pose = view.pose
    clock.advance(0.5)
    driver.wake()
    assert view.pose == pose


def test_a_still_picture_does_not_animate_and_mirrors_for_the_right_side(view, book):
    view.show_pose("side-leg-lift", "standing", "right", 1.0)
    assert not view.animating
    assert view.pose == pose_at(*book.get("side-leg-lift", "standing"), 1.0, "right")
    with pytest.raises(KeyError):
        view.show_pose("side-leg-lift", "no-such-version")


@pytest.mark.parametrize(("window", "text"), [("#ffffff", "#000000"), ("#202020", "#f0f0f0")])
def test_the_figure_is_painted_in_the_palette_s_text_colour_on_light_and_dark(view, window, text):
    from PySide6.QtGui import QColor, QPalette

    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    view.setPalette(palette)
    view.setAutoFillBackground(True)
    view.show_pose("squat", "squat", None, 0.0)
    image = view.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert text in colours and window in colours


def test_the_figure_scales_with_the_widget(view):
    view.show_pose("squat", "squat", None, 0.0)

    def figure_height(width, height):
        view.resize(width, height)
        image = view.grab().toImage()
        background = image.pixelColor(0, 0)
        rows = [y for y in range(image.height())
                if any(image.pixelColor(x, y) != background for x in range(0, image.width(), 2))]
        return rows[-1] - rows[0]

    small, large = figure_height(200, 150), figure_height(800, 600)
    assert large == pytest.approx(4 * small, rel=0.1)


def test_a_frame_due_just_before_a_deadline_is_left_out_so_the_timer_fires_on_time(view, driver, clock, book):
    view.follow(driver)
    driver.start()
    advance_to(driver, clock, "up")
    clock.advance(0.5)
    view._timer.timeout.emit()  # a frame half way up: drawn
    drawn = view.pose
    assert drawn == pose_at(*book.get("glute-bridge", "bridge"), 0.5)
    clock.advance(0.48)  # 20 ms before the up ends
    view._timer.timeout.emit()
    assert view.pose == drawn
    clock.advance(0.03)  # past the deadline, the driver not yet awake: still no frame in its way
    view._timer.timeout.emit()
    assert view.pose == drawn
    driver.wake()  # the hold starts: the figure shows the top, still
    assert view.pose == pose_at(*book.get("glute-bridge", "bridge"), 1.0) and not view.animating
