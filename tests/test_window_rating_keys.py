"""Rating keys during the rest after an exercise: stored in the log, shown on the page, and the rest's
countdown runs on untouched (fake clock); outside that rest the keys do nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.test_window_log import Choices, read, run_to
from tests.test_window_log import make_window as make_window  # noqa: F401 - pytest fixtures used by name
from tests.test_window_log import small_settings as small_settings  # noqa: F401

pytestmark = pytest.mark.gui


def test_keys_in_the_rest_after_an_exercise_rate_it_and_the_timer_keeps_going(qtbot, make_window, clock,
                                                                              tmp_path):
    window = make_window(Choices())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_routine("band-day")
    page = window.session_page

    def press(key):
        qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.NoModifier)
    press(Qt.Key.Key_3)  # mid get-ready: nothing to rate
    assert page.rating.isHidden()
    run_to(window, clock, lambda s: s.segment.kind == "rest" and s.segment.exercise_index == 1)
    session = window.driver.session
    rest, deadline = session.index, session.deadline
    first = session.plan.exercises[0]
    assert page.rating.isVisible() and first.exercise.name in page.rating.text()
    clock.advance(3.0)
    for key in (Qt.Key.Key_2, Qt.Key.Key_5, Qt.Key.Key_R):
        press(key)
    assert (session.index, session.deadline) == (rest, deadline)  # no pause, no new deadline
    assert session.state == "running" and session.remaining() == pytest.approx(deadline - clock())
    assert "effort about right, pain a little, harder right ✓" in page.rating.text()
    run_to(window, clock, lambda s: s.segment.exercise_index == 1 and s.segment.kind != "rest")
    assert page.rating.isHidden()
    press(Qt.Key.Key_6)  # mid-set: not a rating
    window.session_log.log.flush()
    assert read(tmp_path, "SELECT position, exercise, effort, pain, harder_side FROM ratings") == [
        (0, first.exercise.id, "about right", "a little", "right")]
