"""The pages around a session as a user meets them: the first routine shown, the summary's words and where the
keys go after it, a window that fits a 1024×600 screen, and status messages in plain words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from hipfit_desktop.qt.keepawake_qt import KeepAwakeFollower
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.qt.screensaver_dbus import FreedesktopScreenSaver
from hipfit_desktop.qt.window_size import default_size
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.system.keepawake import KeepAwake
from hipfit_desktop.system.logfile import start_log, stop_log
from hipfit_desktop.workout.plan import compile_plan

from .test_main_window import Answers, press, run_to, select

pytestmark = pytest.mark.gui

SMALL = (1000, 560)  # a 1024×600 netbook less its panel


def make_window(qtbot, catalog, clock, settings=None, **kwargs):
    window = MainWindow(catalog, settings or Settings(), clock=clock, ask=Answers(), **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- first start ----------------------------------------------------------------------------------------


def test_a_first_start_selects_a_short_routine_that_needs_nothing(qtbot, catalog, clock):
    window = make_window(qtbot, catalog, clock)
    chosen = window.picker.selected_routine()
    plan = compile_plan(catalog.routine(chosen), catalog, Settings())
    assert chosen == "quick-no-equipment"
    assert plan.estimated_seconds < 30 * 60 and plan.equipment == []


@pytest.mark.parametrize(("last", "shown"), [("band-day", "band-day"),
                                             ("a-routine-since-deleted", "quick-no-equipment")])
def test_the_routine_picked_last_time_is_shown_if_it_still_exists(qtbot, catalog, clock, last, shown):
    window = make_window(qtbot, catalog, clock, Settings(last_routine=last))
    assert window.picker.selected_routine() == shown


# --- the summary ----------------------------------------------------------------------------------------


def short_counts():
    settings = Settings()
    for exercise in ("glute-bridge", "hip-hinge-rotation", "couch-stretch"):
        settings = settings.with_exercise(exercise, sets=1, reps=2, seconds=10)
    return settings


def test_the_summary_after_stopping_at_once_does_not_praise(qtbot, catalog, clock):
    window = make_window(qtbot, catalog, clock, short_counts())
    select(window, "couch-stretch-mobility")
    window.picker.start()
    window.session_page.leave_button.click()
    title = window.summary_page.title.text()
    assert "Well done" not in title and title == "Stopped before the first set was done"
    assert window.summary_page.tiles["sets"].text() == "0 / 5"
    assert window.summary_page.tiles["sets"].accessibleName() == "0 / 5 sets done"


def test_the_summary_after_some_sets_says_how_far(qtbot, catalog, clock):
    window = make_window(qtbot, catalog, clock, short_counts())
    select(window, "couch-stretch-mobility")
    window.picker.start()
    run_to(window, clock, lambda s: s.segment.kind == "timed")  # the bridge done, into the hip hinge
    window.session_page.leave_button.click()
    assert window.summary_page.title.text() == "Stopped after 1 of 3 exercises"


def test_after_the_summary_the_arrow_keys_move_in_the_routine_list(qtbot, catalog, clock):
    window = make_window(qtbot, catalog, clock, short_counts())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    select(window, "couch-stretch-mobility")
    window.picker.start()
    run_to(window, clock, lambda s: s.state == "finished")
    assert window.summary_page.title.text() == "Well done: every set done!"
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.picker
    assert window.focusWidget() is window.picker.routines
    row = window.picker.routines.currentRow()
    press(qtbot, window, Qt.Key.Key_Up)
    assert window.picker.routines.currentRow() == row - 1


# --- small screens --------------------------------------------------------------------------------------


def test_the_window_fits_a_netbook_screen(qtbot, catalog, clock):
    window = make_window(qtbot, catalog, clock)
    assert window.minimumWidth() <= SMALL[0] and window.minimumHeight() <= SMALL[1]
    hint = window.minimumSizeHint()
    assert hint.width() <= SMALL[0] and hint.height() <= SMALL[1]


@pytest.mark.parametrize(("screen", "expected"), [
    ((1024, 576), (922, 518)),  # a 1024×600 netbook with a 24 px panel: under 1000×560 with room for a frame
    ((1366, 736), (1229, 662)),
    ((3840, 2110), (1280, 800)),  # 4K: a comfortable window; F11 fills the screen
])
def test_the_first_size_is_chosen_from_the_screen(screen, expected):
    width, height = default_size(*screen)
    assert width <= screen[0] and height <= screen[1]
    assert (width, height) == (max(expected[0], 760), max(expected[1], 520))


def _scroller(widget: QWidget, page: QWidget) -> QAbstractScrollArea | None:
    """The scroll area `widget` sits in, below `page` (None if it is laid out on the page itself)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not page:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return parent  # its content, not its scroll bars
        parent = parent.parentWidget()
    return None


def clipped(page: QWidget) -> list[str]:
    """Visible widgets cut off at the page's size: outside the page, or smaller than they need to be. Inside a
    scroll area, scrolling down is fine but nothing may stick out sideways."""
    problems = []
    for child in page.findChildren(QWidget):
        if not child.isVisibleTo(page) or child.window() is not page.window():
            continue
        scroller = _scroller(child, page)
        frame = scroller.viewport() if scroller is not None else page
        area = QRect(0, 0, frame.width(), frame.height())
        where = QRect(child.mapTo(frame, child.rect().topLeft()), child.size())
        name = child.accessibleName() or type(child).__name__
        if scroller is not None:
            where = QRect(where.x(), 0, where.width(), 1)  # only sideways
            area = QRect(0, 0, area.width(), 1)
        if not area.contains(where):
            problems.append(f"{name} outside the page: {where}")
        needed = child.minimumSizeHint()
        if isinstance(child, QLabel | QAbstractButton) and not (isinstance(child, QLabel) and child.wordWrap()):
            needed = child.sizeHint()  # a label or button narrower than its text cuts it off
        if child.width() < needed.width() or child.height() < needed.height():
            problems.append(f"{name} {child.width()}x{child.height()} < {needed.width()}x{needed.height()}")
    return problems


@pytest.mark.parametrize("page", ["picker", "summary", "history"])
def test_nothing_is_cut_off_at_1000_by_560(qtbot, catalog, clock, tmp_path, page):
    from hipfit_desktop.records.database import HistoryLog

    window = make_window(qtbot, catalog, clock, short_counts(), log=HistoryLog(tmp_path / "log.sqlite3"))
    window.resize(*SMALL)
    if page == "summary":
        select(window, "couch-stretch-mobility")
        window.picker.start()
        window.session_page.leave_button.click()
    elif page == "history":
        window.show_history()
    qtbot.waitUntil(lambda: window.width() == SMALL[0] and window.height() == SMALL[1])
    shown = window.pages.currentWidget()
    assert shown is getattr(window, {"picker": "picker", "summary": "summary_page"}.get(page, "_history_page"))
    assert clipped(shown) == []


# --- status messages ------------------------------------------------------------------------------------


def test_keep_awake_trouble_is_said_in_plain_words_with_the_detail_in_the_log(qtbot, catalog, clock, tmp_path):
    log_file = start_log(tmp_path / "hipfit.log")
    try:
        nowhere = FreedesktopScreenSaver(bus_address=f"unix:path={tmp_path}/no-bus-here")
        follower = KeepAwakeFollower(keeper=KeepAwake(nowhere))
        window = make_window(qtbot, catalog, clock, short_counts(), keep_awake=follower)
        select(window, "couch-stretch-mobility")
        window.picker.start()  # running: the window asks to keep the screen awake
        shown = window.statusBar().currentMessage()
        assert shown == "The screen may dim: no desktop session to ask"
        for raw in ("D-Bus", "DBus", "org.freedesktop", "unix:path", "Error"):
            assert raw not in shown
        for handler in __import__("logging").getLogger("hipfit").handlers:
            handler.flush()
        logged = log_file.read_text(encoding="utf-8")
        assert "no D-Bus session bus" in logged and "The screen may dim" in logged
    finally:
        stop_log()


def test_a_speech_engine_error_is_said_in_words_and_its_own_text_logged(qapp, caplog):
    """What Qt's speech engine reports (its own text, often a D-Bus or socket message) stays in the log."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    from hipfit_desktop.qt.sound import ThreadedVoice

    voice = ThreadedVoice("speechd")
    told: list[str] = []
    voice.failed.connect(told.append)
    voice.phase = "starting"  # as while the engine loads on its thread
    raw = "Connection to speech-dispatcher failed: org.freedesktop.DBus.Error.NoReply"
    voice._error(QTextToSpeech.ErrorReason.Initialization, raw)
    assert told == ["Voice unavailable: the speech engine reported a problem"]
    assert raw in caplog.text
