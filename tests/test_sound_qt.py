"""The Qt cue player: Qt's mock speech engine says the prompts in order; no sound card, no speech daemon,
or a stuck one, and the app carries on silently and says why."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hipfit_desktop.settings.model import Settings
from hipfit_desktop.workout.cues import DefaultSound
from hipfit_desktop.workout.engine import Session
from hipfit_desktop.workout.plan import compile_plan

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("PySide6.QtCore")
QtTextToSpeech = pytest.importorskip("PySide6.QtTextToSpeech")
from hipfit_desktop.qt.driver import SessionDriver  # noqa: E402
from hipfit_desktop.qt.sound import NO_DEVICE, CuePlayer  # noqa: E402

from .test_cues import SHORT_SESSION_WORDS  # noqa: E402

VOICE = DefaultSound(voice=True)
ENGINES = QtTextToSpeech.QTextToSpeech.availableEngines()
needs_mock = pytest.mark.skipif("mock" not in ENGINES, reason="this Qt has no mock speech engine")



@pytest.fixture
def owner(qtbot):
    return QtCore.QObject()


@pytest.fixture
def driver(owner, catalog, clock):
    settings = Settings().with_exercise("glute-bridge", sets=2, reps=2).with_exercise("couch-stretch", seconds=60)
    plan = compile_plan(catalog.routine("couch-stretch-mobility"), catalog, settings)
    d = SessionDriver(Session(plan, clock), owner)
    yield d
    d.stop()


@pytest.fixture
def make_player(owner, tmp_path):
    players = []

    def make(settings=VOICE, **options):
        options.setdefault("sound_folder", tmp_path / "sounds")
        options.setdefault("audio_available", lambda: False)  # the same on every machine, sound card or not
        player = CuePlayer(owner, settings, **options)
        players.append(player)
        return player

    yield make
    for player in players:
        player.shutdown()


class Recorder:
    def __init__(self, player) -> None:
        self.tones: list[str] = []
        self.words: list[str] = []
        self.statuses: list[str] = []
        player.tone_played.connect(lambda name, _: self.tones.append(name))
        player.speech_started.connect(self.words.append)
        player.status_changed.connect(self.statuses.append)


def run_session(qtbot, driver, player, clock, step: float = 0.5, limit: float = 60.0) -> None:
    """Move the fake clock on whenever the player is quiet, until the session and its last words are over."""
    queue = player.queue
    ends = time.monotonic() + limit
    def quiet() -> bool:
        return queue.idle and player.voice.phase != "starting"

    while driver.session.state != "finished" or not quiet():
        assert time.monotonic() < ends, "the session or its voice got stuck"
        if driver.session.state != "finished" and quiet():
            clock.advance(step)
            driver.wake()
        else:
            qtbot.wait(5)


@needs_mock
def test_the_mock_voice_says_every_prompt_in_order(qtbot, driver, clock, make_player):
    """A short routine through the real driver: name, last set, rests, switches, halfway, well done."""
    player = make_player(voice_engine="mock")
    heard = Recorder(player)
    player.attach(driver)
    driver.start()
    run_session(qtbot, driver, player, clock)
    assert heard.words == SHORT_SESSION_WORDS
    assert player.voice.phase == "ready" and player.voice.engine == "mock"


@needs_mock
def test_the_voice_is_started_only_when_a_session_with_voice_is_attached(qtbot, driver, make_player):
    player = make_player(voice_engine="mock")
    assert player.voice.phase == "off"  # app start-up never touches a speech engine
    player.attach(driver)
    qtbot.waitUntil(lambda: player.voice.phase == "ready", timeout=2000)
    tones_only = make_player(DefaultSound(voice=False), voice_engine="mock")
    tones_only.attach(driver)
    assert tones_only.voice.phase == "off"


@needs_mock
def test_switching_the_voice_off_mid_session_stops_the_words(qtbot, driver, clock, make_player):
    player = make_player(voice_engine="mock")
    heard = Recorder(player)
    player.attach(driver)
    driver.start()
    qtbot.waitUntil(lambda: heard.words == ["Glute bridge."], timeout=2000)
    player.apply_settings(DefaultSound(voice=False))
    run_session(qtbot, driver, player, clock)
    assert heard.words == ["Glute bridge."]


@needs_mock
def test_mute_toggles_and_silences_the_voice(qtbot, driver, clock, make_player):
    player = make_player(voice_engine="mock")
    heard = Recorder(player)
    player.attach(driver)
    with qtbot.waitSignal(player.muted_changed) as changed:
        assert player.toggle_mute() is True
    assert changed.args == [True] and player.muted
    driver.start()
    run_session(qtbot, driver, player, clock, step=1.0)
    assert heard.words == []
    assert player.toggle_mute() is False


def test_a_new_session_can_be_attached_after_the_last_driver_was_deleted(qtbot, driver, make_player):
    """The window deletes a finished session's driver; attaching the next one must not trip over it."""
    player = make_player()
    old = SessionDriver(driver.session)
    player.attach(old)
    with qtbot.waitSignal(old.destroyed):
        old.deleteLater()
    player.attach(driver)
    player.detach()


@needs_mock
def test_a_session_left_while_paused_does_not_silence_the_next(qtbot, driver, clock, make_player, catalog):
    player = make_player(voice_engine="mock")
    heard = Recorder(player)
    player.attach(driver)
    driver.start()
    driver.toggle_pause()  # the user goes back to the routines with the session paused
    qtbot.waitUntil(lambda: player.queue.idle and player.voice.phase == "ready")
    heard.words.clear()
    following = SessionDriver(Session(compile_plan(catalog.routine("band-day"), catalog), clock))
    player.attach(following)
    following.start()
    qtbot.waitUntil(lambda: heard.words == ["Banded side step, lead with left leg."], timeout=2000)
    following.stop()


def test_without_an_audio_device_the_player_says_so_and_does_nothing(qtbot, driver, clock, make_player, tmp_path):
    """No tones loaded or written, no speech engine started, no dialogs: one status line, and silence."""
    player = make_player(VOICE)
    heard = Recorder(player)
    assert player.status_message == NO_DEVICE
    player.attach(driver)
    driver.start()
    run_session(qtbot, driver, player, clock, step=1.0)
    assert heard.tones == [] and heard.words == [] and heard.statuses == []
    assert player.voice.phase == "off" and not (tmp_path / "sounds").exists()
    assert player.toggle_mute() is True  # the window's M key still works, quietly


def test_on_this_machine_a_missing_sound_card_is_detected(qtbot, make_player):
    from PySide6.QtMultimedia import QMediaDevices

    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has an audio output")
    player = make_player(audio_available=None)
    assert player.status_message == NO_DEVICE


def test_an_unknown_speech_engine_is_reported_once_and_the_session_runs(qtbot, driver, clock, make_player):
    player = make_player(voice_engine="no-such-engine")
    heard = Recorder(player)
    player.attach(driver)
    driver.start()
    run_session(qtbot, driver, player, clock, step=1.0)
    assert heard.statuses == [f"{NO_DEVICE}; Voice unavailable: no speech engine installed"]
    assert heard.words == [] and driver.session.state == "finished"


def test_with_an_audio_device_tones_play_on_their_moments(qtbot, driver, clock, make_player):
    """Runs where Qt lists an output (a sound card, or the pulseaudio null sink of DESIGN.md)."""
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    if not QMediaDevices.audioOutputs():
        pytest.skip("no audio output on this machine")
    player = make_player(DefaultSound(), audio_available=None)
    heard = Recorder(player)
    assert player.status_message == ""
    qtbot.waitUntil(lambda: all(e.status() == QSoundEffect.Status.Ready for e in player._effects.values()))
    player.attach(driver)
    driver.start()
    for seconds in (7.0, 1.0, 1.0, 1.0, 1.0):  # 3, 2, 1 of the get-ready, the first rep, its hold
        clock.advance(seconds)
        driver.wake()
    assert heard.tones == ["count", "count", "count", "go", "hold"]
    assert player._effects["hold"].isPlaying()


STUCK_DAEMON = r"""
import json, os, socket, sys, time
path = sys.argv[1]
server = socket.socket(socket.AF_UNIX)
server.bind(path)
server.listen(8)  # takes the connection and never answers: a hung speech-dispatcher
os.environ["SPEECHD_ADDRESS"] = "unix_socket:" + path
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
from hipfit_desktop.workout.cues import DefaultSound
from hipfit_desktop.qt.sound import CuePlayer
player = CuePlayer(None, DefaultSound(voice=True), voice_engine="speechd", audio_available=lambda: False,
                   sound_folder=None, voice_timeout=1.0)
messages, gaps, last = [], [], [time.monotonic()]
player.status_changed.connect(messages.append)
def tick():
    now = time.monotonic()
    gaps.append(now - last[0])
    last[0] = now
timer = QTimer()
timer.timeout.connect(tick)
timer.start(50)
player.voice.start()
QTimer.singleShot(2000, app.quit)
app.exec()
before = time.monotonic()
player.shutdown()
print(json.dumps({"max_gap": max(gaps), "messages": messages, "shutdown": time.monotonic() - before}))
"""


@pytest.mark.skipif("speechd" not in ENGINES, reason="this Qt has no speech-dispatcher engine")
def test_a_stuck_speech_daemon_never_freezes_the_window(tmp_path):
    """The speechd engine blocks while connecting to a daemon that never answers; the UI thread keeps
    ticking, the voice is reported unavailable after its timeout, and the app still exits promptly."""
    socket_path = tmp_path / "speechd.sock"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", STUCK_DAEMON, str(socket_path)], capture_output=True, text=True,
                          env=env, timeout=60, cwd=Path(__file__).parent.parent)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["max_gap"] < 0.5  # the 50 ms timer never stalled
    assert report["messages"] == ["Sound unavailable: no audio output device; "
                                  "Voice unavailable: the speech engine did not answer within 1 s"]
    assert report["shutdown"] < 3.0 and time.monotonic() - started < 30
