"""The figure in the window: moving with the session on the session page, the start and end of each movement on
the picker's cards, and a damaged figures file costing only the pictures."""

from __future__ import annotations

import pytest

from hipfit_desktop.exercises.strictyaml import DataError
from hipfit_desktop.qt import figure_view
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.settings.model import Settings
from tests.window_driving import reach

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, catalog, clock):
    w = MainWindow(catalog, Settings(), clock=clock, ask=lambda *_: True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_the_session_figure_rises_on_up_stays_on_hold_and_stops_when_the_session_ends(window, clock, qtbot):
    window.start_routine("day-a")  # the glute bridge first
    figure = window.session_page.figure
    assert figure is not None and figure.isVisible()
    reach(window, clock, lambda s: s.segment.kind == "up")
    bottom = figure.pose
    clock.advance(0.5)  # halfway up (a frame just before a deadline is left out: see FigureView)
    window.driver.wake()
    assert figure.animating
    qtbot.waitUntil(lambda: figure.pose != bottom, timeout=2000)  # the next frame: the hips on their way up
    reach(window, clock, lambda s: s.segment.kind == "hold")
    assert not figure.animating  # nothing moves while holding
    window.leave_session()
    assert not figure.animating


def test_each_card_of_the_picker_shows_where_its_movement_starts_and_ends(window, qtbot):
    window.picker.refresh_preview()
    cards = window.picker.preview.cards
    assert cards
    for card in cards:
        start, end = (card.figure_slot.findChild(figure_view.FigureView, name) for name in ("start", "end"))
        assert start.pose is not None and end.pose is not None, card.card.name
        assert start.pose != end.pose, card.card.name
        assert card.number.isHidden()  # the figure takes the number's place


def test_a_damaged_figures_file_leaves_the_pictures_out_and_the_workout_running(qtbot, catalog, clock, monkeypatch):
    def broken(_exercises):  # type: ignore[no-untyped-def]
        raise DataError("data/figures.yaml", 3, "figures[0].view", "expected side, front or back")

    monkeypatch.setattr(figure_view, "load_figures", broken)
    monkeypatch.setattr(figure_view, "_last_book", None)
    w = MainWindow(catalog, Settings(), clock=clock, ask=lambda *_: True)
    qtbot.addWidget(w)
    w.show()
    w.start_routine("day-a")
    assert w.session_page.figure is None
    assert w.session_page.hero.text()  # the countdown runs as before
    assert w.picker.preview.cards and not any(card.number.isHidden() for card in w.picker.preview.cards)
