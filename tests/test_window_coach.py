"""The coach on the picker: Accept saves the change through the settings store (the file on disk changes),
Not yet hides the suggestion until two more sessions are logged."""

from __future__ import annotations

import pytest

from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.records.database import HistoryLog
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.settings.store import SettingsStore
from tests.test_coach_log import add_session

pytestmark = pytest.mark.gui


@pytest.fixture
def window_with_history(qtbot, catalog, clock, tmp_path):
    def make():
        log = HistoryLog(tmp_path / "history.sqlite3")
        store = SettingsStore(tmp_path / "settings.yaml")
        saved = Settings(level_chosen=True)
        window = MainWindow(catalog, saved, clock=clock, ask=lambda *a: True, store=store, log=log,
                            choose=lambda *a: a[-1][-1])
        qtbot.addWidget(window)
        return window, log, store
    return make


def buttons(panel, text):
    from PySide6.QtWidgets import QPushButton

    return [b for b in panel.findChildren(QPushButton) if b.text() == text and not b.isHidden()]


def test_accept_on_the_picker_writes_the_new_version_to_the_settings_file(window_with_history, tmp_path, catalog):
    log = HistoryLog(tmp_path / "history.sqlite3")
    add_session(log, "a", 1000.0)
    add_session(log, "b", 90000.0)
    log.close()
    window, _, store = window_with_history()
    panel = window.picker.coach
    assert not panel.isHidden() and "Clamshell" in panel.suggestions[0].text()
    buttons(panel, "Accept")[0].click()
    assert store.load(catalog).settings.for_exercise("clamshell").progression == "banded"
    assert window.saved.for_exercise("clamshell").progression == "banded"
    # the band is done with; the only exercise logged has moved up, so the level is next
    assert [s.key for s in panel.suggestions] == ["*:level:intermediate"]


def test_not_yet_waits_two_more_sessions(window_with_history, tmp_path):
    window, log, store = window_with_history()
    add_session(log, "a", 1000.0)
    add_session(log, "b", 90000.0)
    window.coach.refresh()
    panel = window.picker.coach
    buttons(panel, "Not yet")[0].click()
    assert panel.isHidden() and not store.path.exists()
    add_session(log, "c", 180000.0)
    window.coach.refresh()
    assert panel.isHidden()
    add_session(log, "d", 270000.0)
    window.coach.refresh()
    assert not panel.isHidden() and panel.suggestions[0].key == "clamshell:version:banded"


def test_the_morning_after_is_asked_once_at_a_later_start(window_with_history, tmp_path, qtbot):
    """A session that ended yesterday: one optional question at start; Painful is stored for the coach."""
    log = HistoryLog(tmp_path / "history.sqlite3")
    add_session(log, "a", 1000.0)  # 1970: long before today
    log.close()
    asked = []

    def choose(_parent, title, _text, choices):
        asked.append((title, tuple(choices)))
        return "Painful"
    window, log, _ = window_with_history()
    window.choose = choose
    qtbot.waitUntil(lambda: bool(asked))
    assert asked == [("The morning after", ("Fine", "Sore", "Painful", "Skip"))]
    log.flush()
    assert log.read("SELECT feeling FROM mornings") == [("painful",)]
    window.coach.ask_morning(window, choose)
    assert len(asked) == 1


@pytest.mark.slow
def test_the_history_page_writes_the_same_report_as_the_command_line(window_with_history, tmp_path):
    """Report (PDF)… on the History page: the PDF and its CSV beside it, for the weeks the log holds."""
    window, log, _ = window_with_history()
    add_session(log, "a", 1000.0)
    window.show_history()
    buttons = window.pages.currentWidget().backup
    buttons.pick = lambda *_: tmp_path / "for-my-physio.pdf"
    buttons.report()
    pdf, table = tmp_path / "for-my-physio.pdf", tmp_path / "for-my-physio.csv"
    assert buttons.result.text() == f"Saved {pdf} and {table}"
    assert pdf.read_bytes().startswith(b"%PDF") and table.read_text().startswith("table,week,exercise")
