"""Sound that comes back: a fake device list loses its output mid-session and gets it back; the status says
so in plain words and tones play again without a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtMultimedia import QSoundEffect

from hipfit_desktop.qt import sound
from hipfit_desktop.qt.driver import SessionDriver
from hipfit_desktop.qt.main_window import MainWindow
from hipfit_desktop.qt.sound import DEVICE_GONE, NO_DEVICE, TONES_BROKEN, CuePlayer
from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.cues import DefaultSound
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan

pytestmark = pytest.mark.gui


class FakeDevices(QObject):
    """What QMediaDevices gives the player: a list of outputs and a signal when it changes."""

    audioOutputsChanged = Signal()

    def __init__(self, present: bool) -> None:
        super().__init__()
        self.present = present

    def set(self, present: bool) -> None:
        self.present = present
        self.audioOutputsChanged.emit()


class QuietEffect(QSoundEffect):
    """A QSoundEffect that loads and plays nothing: on a machine without audio a real one turns to Error in the
    background, at a moment no test can choose. `broken` makes it report Error when the test says."""

    broken = False

    def setSource(self, url) -> None:  # noqa: N802 - Qt's name
        self.url = url

    def play(self) -> None:
        pass

    def status(self) -> QSoundEffect.Status:
        return QSoundEffect.Status.Error if QuietEffect.broken else QSoundEffect.Status.Ready


@pytest.fixture(autouse=True)
def quiet_effects(monkeypatch):
    monkeypatch.setattr(sound, "QSoundEffect", QuietEffect)
    monkeypatch.setattr(QuietEffect, "broken", False)


@pytest.fixture
def devices():
    return FakeDevices(present=True)


@pytest.fixture
def player(qtbot, devices, tmp_path):
    player = CuePlayer(None, DefaultSound(), audio_available=lambda: devices.present, devices=devices,
                       sound_folder=tmp_path / "sounds")
    yield player
    player.shutdown()


@pytest.fixture
def driver(catalog, clock):
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog, Settings())
    d = SessionDriver(Session(plan, clock))
    yield d
    d.stop()


def count_down(driver, clock) -> None:
    """The get-ready's 3, 2, 1: three tones when sound works."""
    for seconds in (7.0, 1.0, 1.0):
        clock.advance(seconds)
        driver.wake()


def test_tones_stop_with_the_device_and_come_back_with_it(qtbot, player, devices, driver, clock):
    played: list[str] = []
    player.tone_played.connect(lambda name, _due: played.append(name))
    statuses: list[str] = []
    player.status_changed.connect(statuses.append)
    first_effects = list(player._effects.values())
    assert player.status_message == "" and len(first_effects) == 9
    player.attach(driver)
    driver.start()
    devices.set(False)  # the headphones unplugged, or the audio server gone
    assert player.status_message == DEVICE_GONE and player._effects == {}
    count_down(driver, clock)
    assert played == []
    devices.set(True)
    assert player.status_message == "" and statuses == [DEVICE_GONE, ""]
    assert len(player._effects) == 9 and not set(player._effects.values()) & set(first_effects)  # made anew
    clock.advance(1.0)
    driver.wake()
    assert played == ["go"]


def test_a_machine_that_starts_without_output_says_so_and_gets_tones_later(qtbot, tmp_path):
    devices = FakeDevices(present=False)
    player = CuePlayer(None, DefaultSound(), audio_available=lambda: devices.present, devices=devices,
                       sound_folder=tmp_path / "sounds")
    try:
        assert player.status_message == NO_DEVICE and player._effects == {}
        devices.set(True)
        assert player.status_message == "" and len(player._effects) == 9 and player.planner.tones_available
    finally:
        player.shutdown()


def test_tones_that_break_under_a_listed_device_are_made_again(qtbot, player, devices):
    """The server died without the list changing: effects report Error; they are dropped, the status says
    so, and the retry makes fresh ones once they can play."""
    QuietEffect.broken = True
    player._effect_status()  # what statusChanged calls
    assert player.status_message == TONES_BROKEN and player._effects == {} and player._retry.isActive()
    assert not player.planner.tones_available
    QuietEffect.broken = False
    devices.present = False
    player._try_again()  # the retry timer's tick, with no output yet: nothing changes
    assert player._effects == {} and player._retry.isActive()
    devices.present = True
    player._try_again()
    assert len(player._effects) == 9 and player.status_message == "" and not player._retry.isActive()
    assert player.planner.tones_available


def test_each_failed_retry_waits_twice_as_long_up_to_five_minutes(qtbot, player, devices):
    """An output that never plays the tones (a format it refuses) must not rebuild them every 5 s for ever."""
    QuietEffect.broken = True
    waits = []
    for _ in range(9):
        player._effect_status()
        waits.append(player._retry.interval() // 1000 if player._retry.isActive() else None)
        player._retry.stop()
        player._try_again()  # makes the effects again: still broken
    assert waits == [5, 10, 20, 40, 80, 160, 300, 300, 300]
    devices.set(True)  # a device change starts again from the shortest wait
    assert player._retry_wait == 5000


def test_the_window_says_the_device_went_away_instead_of_tones_on(qtbot, catalog, clock, devices, tmp_path):
    settings = Settings(level_chosen=True, voice=False)
    cues = CuePlayer(None, settings, audio_available=lambda: devices.present, devices=devices,
                     sound_folder=tmp_path / "sounds")
    window = MainWindow(catalog, settings, clock=clock, ask=lambda *_: True, cues=cues)
    qtbot.addWidget(window)
    assert window.sound_status.text() == "Tones on"
    devices.set(False)
    assert window.sound_status.text() == DEVICE_GONE
    devices.set(True)
    assert window.sound_status.text() == "Tones on"
