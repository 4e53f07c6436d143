"""The couch stretch in the window: 'up to' three minutes, ended early with one key, its time on the summary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipfit_desktop.qt.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, catalog, clock):
    w = MainWindow(catalog, clock=clock, ask=lambda *_: True)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_right_arrow_ends_the_stretch_early_and_the_summary_shows_the_time_held(qtbot, window, clock):
    window.start_routine("couch-stretch-mobility")
    session = window.driver.session
    window.driver.jump_to_exercise(2)
    window.driver.skip()  # the rest before the stretch
    page = window.session_page
    assert page.phase.text() == "STRETCH"
    assert page.skip_button.text() == "End hold ▶" and page.skip_button.accessibleName() == "End the hold"
    assert "up to 3 min" in page.instruction.text() and "counts" in page.instruction.text()
    clock.advance(95)
    window.driver.wake()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert page.phase.text() == "SWITCH SIDES" and page.skip_button.text() == "Skip ▶"
    clock.advance(session.remaining())
    window.driver.wake()
    clock.advance(60)
    window.driver.wake()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert session.state == "finished"
    details = window.summary_page.details.toPlainText()
    assert "Couch stretch" in details and "2:35" in details  # 95 s + 60 s held
    assert "Standing hip hinge" in details and "Over the weeks" in details
    assert "three or four" in details  # the weekly advice, where the user meets it after a session


def test_the_get_ready_shows_the_version_what_it_needs_and_its_steps(qtbot, catalog, clock):
    from hipfit_desktop.settings.model import Settings

    w = MainWindow(catalog, Settings(level="advanced", level_chosen=True), clock=clock, ask=lambda *_: True)
    qtbot.addWidget(w)
    w.start_routine("full-hip-session")
    how = w.session_page.steps.text()
    assert how.startswith("<p><b>Lying with an ankle weight</b> &middot; needs ankle weights</p><p>1. Strap an ankle")
