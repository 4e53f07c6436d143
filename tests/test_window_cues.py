"""The window with its cue player and keep-awake wired in: what the user hears about and what stays awake."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from hipfit_desktop.qt.keepawake_qt import KeepAwakeFollower
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.qt.sound import NO_DEVICE, CuePlayer
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.system.keepawake import KeepAwake

from .test_keepawake import FakeBackend

pytestmark = pytest.mark.gui


@pytest.fixture
def backend():
    return FakeBackend()


@pytest.fixture
def window(qtbot, catalog, clock, backend, tmp_path):
    settings = Settings(level_chosen=True)
    cues = CuePlayer(None, settings, audio_available=lambda: False, sound_folder=tmp_path / "sounds")
    w = MainWindow(catalog, settings, clock=clock, ask=lambda *_: True, cues=cues,
                   keep_awake=KeepAwakeFollower(keeper=KeepAwake(backend)))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def test_no_sound_card_is_said_in_the_window_and_the_session_still_runs(window, clock):
    assert window.sound_status.text() == NO_DEVICE
    window.start_routine("couch-stretch-mobility")
    clock.advance(10)
    window.driver.wake()
    assert window.driver.session.index > 0


def test_screen_is_kept_awake_while_running_and_let_go_on_pause_and_finish(qtbot, window, backend):
    window.start_routine("band-day")
    assert window.keep_awake.held
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.keep_awake.held
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.keep_awake.held
    window.driver.finish()
    assert not window.keep_awake.held
    assert [c[0] for c in backend.calls] == ["acquire", "release", "acquire", "release"]


def test_m_mutes_and_the_window_shows_it(qtbot, catalog, clock, tmp_path):
    settings = Settings(level_chosen=True)
    cues = CuePlayer(None, settings, audio_available=lambda: False, sound_folder=tmp_path / "sounds")
    w = MainWindow(catalog, settings, clock=clock, ask=lambda *_: True, cues=cues)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_M)
    assert cues.muted and w.sound_status.text() == f"Muted (M) · {NO_DEVICE}"
    qtbot.keyClick(w, Qt.Key.Key_M)
    assert not cues.muted and w.sound_status.text() == NO_DEVICE
