"""Rating keys during the rest after an exercise: stored in the log, shown on the page, and the rest's
countdown runs on untouched (fake clock); outside that rest the keys do nothing. The last exercise is rated
on the summary, unless it was left unfinished or skipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipfit_desktop.workout.plan import WORK_KINDS
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


def _press(qtbot, window, key):
    qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.NoModifier)


def test_the_last_exercise_is_rated_on_the_summary_and_enter_still_goes_back(qtbot, make_window, clock, tmp_path):
    window = make_window(Choices())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.state == "finished")
    session = window.driver.session
    last = len(session.plan.exercises) - 1
    name = session.plan.exercises[last].exercise.name
    rating = window.summary_page.rating
    assert window.pages.currentWidget() is window.summary_page
    assert rating.isVisible() and f"How was {name}?" in rating.text() and "2 about right" in rating.text()
    for key in (Qt.Key.Key_2, Qt.Key.Key_5):
        _press(qtbot, window, key)
    assert "effort about right, pain a little ✓" in rating.text()
    window.session_log.log.flush()
    assert read(tmp_path, f"SELECT exercise, effort, pain FROM ratings WHERE position = {last}") == [
        (session.plan.exercises[last].exercise.id, "about right", "a little")]
    _press(qtbot, window, Qt.Key.Key_Return)  # the summary's own key still works: back to the routines
    assert window.pages.currentWidget() is window.picker


def test_a_session_left_mid_exercise_does_not_ask_about_that_exercise_on_the_summary(qtbot, make_window, clock,
                                                                                     tmp_path):
    window = make_window(Choices())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.segment.exercise_index == 1 and s.segment.kind not in ("rest", "get_ready"))
    window.leave_session()
    assert window.pages.currentWidget() is window.summary_page
    assert window.summary_page.rating.isHidden()
    for key in (Qt.Key.Key_2, Qt.Key.Key_6):
        _press(qtbot, window, key)
    window.session_log.log.flush()
    assert read(tmp_path, "SELECT position FROM ratings") == []


def test_a_last_exercise_skipped_to_the_end_is_not_asked_about(qtbot, make_window, clock, tmp_path):
    window = make_window(Choices())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_routine("band-day")
    last = len(window.driver.session.plan.exercises) - 1
    run_to(window, clock, lambda s: s.segment.exercise_index == last and s.segment.kind in WORK_KINDS)
    while window.driver.session.state != "finished":
        window.driver.skip()
    assert window.pages.currentWidget() is window.summary_page
    assert window.summary_page.rating.isHidden()
    _press(qtbot, window, Qt.Key.Key_2)
    window.session_log.log.flush()
    assert read(tmp_path, f"SELECT position FROM ratings WHERE position = {last}") == []
