"""The window records the session, offers to resume it after a crash or a close, and asks before quitting."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.qt.session_log import DISCARD, KEEP_GOING, LOG, RESUME, SAVE_AND_QUIT
from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.plan import WORK_KINDS

pytestmark = pytest.mark.gui


class Choices:
    """Stands in for the question boxes: records what was offered, answers from a list (then the first)."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str, tuple[str, ...]]] = []

    def __call__(self, _parent, title, text, choices):
        self.asked.append((title, text, tuple(choices)))
        return self.answers.pop(0) if self.answers else choices[0]


@pytest.fixture
def small_settings():
    settings = Settings()
    for exercise in ("banded-side-step", "banded-knee-drive", "clamshell", "glute-bridge"):
        settings = settings.with_exercise(exercise, sets=2, reps=2)
    return settings


@pytest.fixture
def make_window(qtbot, catalog, clock, small_settings, tmp_path):
    def make(choices):
        window = MainWindow(catalog, small_settings, clock=clock, ask=lambda *a: True,
                            log=HistoryLog(tmp_path / "history.sqlite3"), choose=choices)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window
    return make


def run_to(window, clock, done, limit=5000):
    for _ in range(limit):
        session = window.driver.session
        if done(session):
            return
        if session.segment.seconds is None:
            clock.advance(1.0)
            window.session_page.next_step()
        else:
            clock.advance(session.remaining())
            window.driver.wake()
    raise AssertionError("never got there")


def read(tmp_path, sql):
    log = HistoryLog(tmp_path / "history.sqlite3")
    try:
        return log.read(sql)
    finally:
        log.close()


def test_a_session_run_in_the_window_is_in_the_log(make_window, clock, tmp_path, qtbot):
    window = make_window(Choices())
    qtbot.wait(1)  # the resume offer runs once the event loop turns: nothing to offer on an empty log
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.state == "finished")
    window.session_log.log.flush()
    assert read(tmp_path, "SELECT routine, outcome FROM sessions") == [("band-day", "finished")]
    blocks = {s.block for s in window.driver.session.plan.segments if s.kind in WORK_KINDS}
    assert read(tmp_path, "SELECT count(*) FROM sets WHERE outcome = 'done'") == [(len(blocks),)]
    assert window.choose.asked == []


def test_closing_mid_session_asks_and_keep_going_keeps_the_window(make_window, clock):
    choices = Choices(KEEP_GOING)
    window = make_window(choices)
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.segment.kind in WORK_KINDS)
    assert not window.close()
    assert choices.asked[-1][2] == (SAVE_AND_QUIT, DISCARD, KEEP_GOING)
    assert window.session_in_progress()


def test_save_and_quit_then_resume_carries_on_with_the_same_plan_and_counts(make_window, clock, tmp_path, qtbot):
    """Save and quit keeps the checkpoint; the next window offers it in words and resumes it paused."""
    window = make_window(Choices(SAVE_AND_QUIT))
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.segment.set == 2 and s.segment.kind in WORK_KINDS)
    where, plan = window.driver.session.index, window.driver.session.plan
    assert window.close()
    choices = Choices(RESUME)
    again = make_window(choices)
    qtbot.waitUntil(lambda: again.driver is not None)
    title, text, offered = choices.asked[0]
    assert offered == (RESUME, LOG, DISCARD) and text.startswith("Resume Band day: Banded side step, set 2")
    session = again.driver.session
    assert session.state == "paused" and session.index == where and session.plan.segments == plan.segments
    assert again.pages.currentWidget() is again.session_page
    again.session_page.toggle_pause()  # Space carries on
    run_to(again, clock, lambda s: s.state == "finished")
    again.session_log.log.flush()
    assert read(tmp_path, "SELECT count(*), min(outcome) FROM sessions") == [(1, "finished")]
    blocks = {s.block for s in plan.segments if s.kind in WORK_KINDS}
    assert read(tmp_path, "SELECT count(*) FROM sets WHERE outcome = 'done'") == [(len(blocks),)]


def test_discard_on_close_forgets_the_session(make_window, clock, tmp_path):
    window = make_window(Choices(DISCARD))
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.segment.set == 2)
    assert window.close()
    assert read(tmp_path, "SELECT count(*) FROM sessions") == [(0,)]


def test_an_old_session_is_offered_only_to_log_or_discard(make_window, clock, tmp_path, qtbot):
    window = make_window(Choices(SAVE_AND_QUIT))
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.segment.set == 2)
    assert window.close()
    log = HistoryLog(tmp_path / "history.sqlite3")
    log.write(lambda db: db.execute("UPDATE checkpoints SET saved_at = saved_at - 13 * 3600"))
    log.close()
    choices = Choices(LOG)
    again = make_window(choices)
    qtbot.waitUntil(lambda: bool(choices.asked))
    assert choices.asked[0][2] == (LOG, DISCARD) and again.driver is None
    again.session_log.log.flush()
    assert read(tmp_path, "SELECT outcome FROM sessions") == [("ended early",)]


def test_a_log_that_cannot_be_written_says_so_once_and_the_workout_goes_on(make_window, clock, qtbot):
    window = make_window(Choices())
    window.session_log.log._turn_off(OSError(28, "No space left on device"))
    qtbot.waitUntil(lambda: "not logged" in window.statusBar().currentMessage())
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.state == "finished")


def test_the_picker_counts_the_week_and_the_preview_says_last_time(make_window, clock, qtbot, small_settings):
    """After one Band day the week reads 1 of the target and each exercise's card says what was done."""
    window = make_window(Choices())
    assert "0 of 3 workouts" in window.picker.week.text()
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.state == "finished")
    window.show_picker()
    assert "1 of 3 workouts" in window.picker.week.text()
    preview = window.picker.preview.toPlainText()
    assert "Last time: 2 × 2, without a band, today" in preview  # the side step at the beginner level
    window._settings_accepted(replace(small_settings, weekly_target=4))
    assert "1 of 4 workouts" in window.picker.week.text()


def test_the_history_page_lists_the_sessions_and_charts_each_exercise(make_window, clock, qtbot):
    from hipfit_desktop.qt.history_page import VolumeChart

    window = make_window(Choices())
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.state == "finished")
    window.show_picker()
    qtbot.mouseClick(window.picker.history_button, Qt.MouseButton.LeftButton)
    page = window.pages.currentWidget()
    assert "1 of 3 workouts" in page.week.text()
    assert "Band day (beginner): finished" in page.sessions.toPlainText()
    charts = page.charts.findChildren(VolumeChart)
    assert sorted(c.title for c in charts) == ["Banded knee drive", "Banded side step", "Clamshell", "Glute bridge"]
    page.grab()  # paints without error
    page.back_requested.emit()
    assert window.pages.currentWidget() is window.picker


def test_the_history_page_exports_a_csv_and_a_backup_and_imports_it_back(make_window, clock, tmp_path):
    """Export CSV…, Back up… and Import backup… from the window: the same files as the command line."""
    window = make_window(Choices())
    window.start_routine("band-day")
    run_to(window, clock, lambda s: s.state == "finished")
    window.show_history()
    buttons = window.pages.currentWidget().backup
    chosen = iter([tmp_path / "log.csv", tmp_path / "backup.json", tmp_path / "backup.json", None])
    buttons.pick = lambda *_: next(chosen)
    buttons.export_csv()
    assert buttons.result.text() == f"Saved {tmp_path / 'log.csv'}"
    header, *rows = (tmp_path / "log.csv").read_text().splitlines()
    assert "exercise" in header and len(rows) == read(tmp_path, "SELECT count(*) FROM sets")[0][0]
    buttons.back_up()
    assert (tmp_path / "backup.json").exists()
    buttons.import_file()  # into the same log: nothing is added twice
    assert buttons.result.text().startswith("Added 0 sessions (0 sets); 1 were already in your log.")
    buttons.import_file()  # cancelled: nothing happens
    (tmp_path / "junk.json").write_text("{not json")
    buttons.pick = lambda *_: tmp_path / "junk.json"
    buttons.import_file()
    assert buttons.result.text().endswith("; nothing was imported")
