"""The window shows before sound and keep-awake exist; they join after the first paint
and then work as before: the status bar says what sound does, and a session holds the screen awake."""

from __future__ import annotations

from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.qt.app import start_helpers
from hipfit_desktop.qt.main_window import MainWindow


def test_sound_and_keep_awake_join_after_the_window_shows(qtbot):
    window = MainWindow(load_catalog(), ask=lambda *_question: True)  # no sound, no keep-awake yet
    qtbot.addWidget(window)
    assert window.cues is None and window.keep_awake is None
    window.show()
    start_helpers(window)
    assert window.cues is not None and window.keep_awake is not None
    assert window.cues.parent() is window and window.sound_status.text()
    window.start_routine("band-day")
    assert window.cues._driver is window.driver and window.keep_awake._driver is window.driver
