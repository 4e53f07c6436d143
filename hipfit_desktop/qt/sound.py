"""Plays the cues: preloaded QSoundEffects for the tones and an optional text-to-speech voice.

Thin on purpose: what to play and when comes from `cues.CuePlanner` and `cues.CueQueue`; this module only
carries it out and keeps the app working without a sound card or a speech engine.

The voice runs in its own thread and is touched only through queued calls to QTextToSpeech's C++ slots.
A stuck speech-dispatcher daemon blocks `QTextToSpeech("speechd")` for tens of seconds (or for good) and
PySide6 holds the GIL during that constructor, so even a Python worker thread would freeze the window.
Instead the object is built with no engine ("none", instant), moved to the thread, and told to load its engine
there by a queued `setEngine` call: the blocking happens in C++ with no Python on that thread's stack.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, QThread, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect, QtAudio
from PySide6.QtTextToSpeech import QTextToSpeech
from shiboken6 import Shiboken

from ..system import tones
from ..system.logfile import log
from ..system.paths import user_paths
from ..workout.cues import Action, CuePlanner, CueQueue, PlayTone, Say, SoundChoices, StopSpeech
from ..workout.events import Event

NO_DEVICE = "Sound unavailable: no audio output device"
VOICE_TIMEOUT = 10.0  # seconds a speech engine may take to start before we say it is unavailable
THREAD_STOP_MS = 1000


class ThreadedVoice(QObject):
    """A QTextToSpeech living in its own thread. Start it with `start()`; nothing here ever blocks.

    ready()          # the engine can speak
    failed(str)      # it cannot; the text says why, for the window (may come again with a better reason)
    speaking()       # words began
    idle()           # words ended, were stopped, or failed
    """

    ready = Signal()
    failed = Signal(str)
    speaking = Signal()
    idle = Signal()

    def __init__(self, engine: str | None = None, parent: QObject | None = None,
                 timeout: float = VOICE_TIMEOUT) -> None:
        super().__init__(parent)
        self.engine = engine  # None: the system's default engine
        self.phase = "off"  # off, starting, ready, failed, stopped
        self._timeout = timeout
        self._tts: QTextToSpeech | None = None
        self._thread: QThread | None = None
        self._state = QTextToSpeech.State.Error
        self._talking = False

    def start(self) -> None:
        if self.phase != "off":
            return
        engines = QTextToSpeech.availableEngines()  # plugin metadata only: nothing is started here
        wanted = self.engine or next((e for e in engines if e != "mock"), None)
        if wanted is None or wanted not in engines:
            self._fail("Voice unavailable: no speech engine installed")
            return
        self.engine, self.phase = wanted, "starting"
        # "none" is Qt's own way to make a QTextToSpeech without an engine (it is what QML uses): instant.
        self._tts = QTextToSpeech("none")
        self._state = QTextToSpeech.State.Error  # what "none" reports; a working engine reports Ready
        self._tts.stateChanged.connect(self._state_changed)
        self._tts.engineChanged.connect(self._engine_changed)
        self._tts.errorOccurred.connect(self._error)
        self._thread = QThread()
        self._thread.setObjectName("hipfit-voice")
        self._tts.moveToThread(self._thread)
        self._thread.finished.connect(self._tts.deleteLater)
        # Whoever deletes this object (its parent, or Python), the thread must stop first: Qt aborts the
        # process when a running QThread is destroyed.
        self.destroyed.connect(_stopper(self._thread))
        self._thread.start()
        # The engine is created inside the voice thread, where a stuck daemon can only hold up that thread.
        QMetaObject.invokeMethod(self._tts, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, wanted))
        QTimer.singleShot(round(self._timeout * 1000), self, self._check_started)

    def say(self, text: str) -> None:
        if self.phase == "ready" and self._tts is not None:
            QMetaObject.invokeMethod(self._tts, "say", Qt.ConnectionType.QueuedConnection, Q_ARG(str, text))

    def stop(self) -> None:
        if self.phase == "ready" and self._tts is not None:
            QMetaObject.invokeMethod(self._tts, "stop", Qt.ConnectionType.QueuedConnection)

    def set_volume(self, volume: float) -> None:
        if self._tts is not None and self.phase in ("starting", "ready"):
            QMetaObject.invokeMethod(self._tts, "setVolume", Qt.ConnectionType.QueuedConnection,
                                     Q_ARG(float, volume))

    def shutdown(self) -> None:
        """Stop the thread (at exit). A thread stuck inside a speech daemon is terminated after a second."""
        if self._thread is not None:
            _stop_thread(self._thread)
        self.phase = "stopped"

    def _engine_changed(self, name: str) -> None:
        # Qt reports the new engine's state before engineChanged, and only when it differs from the last.
        if self.phase == "starting":
            if name == self.engine and self._state != QTextToSpeech.State.Error:
                self._became_ready()
            else:
                self._fail(f"Voice unavailable: the {self.engine} speech engine did not start")

    @Slot(QTextToSpeech.State)
    def _state_changed(self, state: QTextToSpeech.State) -> None:
        self._state = state
        if self.phase == "ready":
            if state == QTextToSpeech.State.Speaking:
                self._talking = True
                self.speaking.emit()
            elif self._talking:
                self._talking = False
                self.idle.emit()

    @Slot(QTextToSpeech.ErrorReason, str)
    def _error(self, reason: QTextToSpeech.ErrorReason, message: str) -> None:
        if self.phase in ("starting", "failed"):  # may come after engineChanged, with a better reason
            log.warning("voice (%s): %s [%s]", self.engine, message, reason)  # Qt's words stay in the log
            self._fail("Voice unavailable: the speech engine reported a problem")
        elif self._talking:
            self._talking = False
            self.idle.emit()

    def _check_started(self) -> None:
        if self.phase == "starting":
            self._fail(f"Voice unavailable: the speech engine did not answer within {self._timeout:g} s")

    def _became_ready(self) -> None:
        self.phase = "ready"
        self.ready.emit()

    def _fail(self, message: str) -> None:
        if self.phase == "stopped":
            return
        self.phase = "failed"
        self.failed.emit(message)


def _stop_thread(thread: QThread) -> None:
    thread.quit()
    if not thread.wait(THREAD_STOP_MS):
        thread.terminate()  # only ever at exit, and only when a daemon holds the thread hostage
        thread.wait(THREAD_STOP_MS)


def _stopper(thread: QThread) -> Callable[..., None]:
    def stop(*_: object) -> None:
        if Shiboken.isValid(thread) and thread.isRunning():
            _stop_thread(thread)

    return stop


class CuePlayer(QObject):
    """Plays the cues of the session a `SessionDriver` runs. Attach it before other listeners of
    `driver.event`, so nothing slow runs between a deadline and its tone.

    status_changed(str)        # `status_message` changed: "" when all is well, else why sound or voice is off
    muted_changed(bool)        # `muted`
    tone_played(str, float)    # tone name, clock time of the moment it marks (tests, benchmarks)
    speech_started(str)        # the voice began saying these words
    """

    status_changed = Signal(str)
    muted_changed = Signal(bool)
    tone_played = Signal(str, float)
    speech_started = Signal(str)

    def __init__(self, parent: QObject | None = None, settings: SoundChoices | None = None, *,
                 voice_engine: str | None = None, sound_folder: Path | None = None,
                 audio_available: Callable[[], bool] | None = None, voice_timeout: float = VOICE_TIMEOUT) -> None:
        super().__init__(parent)
        self.planner = CuePlanner(settings)
        self.queue = CueQueue({name: tones.duration(name) for name in tones.TONES})
        self._now = time.monotonic  # the queue's clock: real time, whatever clock the session uses
        self._problems: dict[str, str] = {}
        self._effects: dict[str, QSoundEffect] = {}
        self._sound_folder = sound_folder
        self._audio_available = audio_available or (lambda: bool(QMediaDevices.audioOutputs()))
        self._driver: QObject | None = None
        self._saying: str | None = None
        self.play_log: list[tuple[str, float, float]] | None = None  # benchmarks: (tone, due, just after play())
        self._poll = QTimer(self)
        self._poll.setSingleShot(True)
        self._poll.timeout.connect(lambda: self._run(self.queue.poll(self._now())))
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)
        self._has_output = self._audio_available()
        if self._has_output:
            self._load_tones()
        else:
            self._problems["sound"] = NO_DEVICE
        self.planner.tones_available = bool(self._effects)
        # Without an output device nobody would hear the default voice either; an engine named on purpose
        # (tests use "mock") still runs.
        self.voice = ThreadedVoice(voice_engine, self, voice_timeout)
        self.voice.ready.connect(self._voice_ready)
        self.voice.failed.connect(self._voice_failed)
        self.voice.speaking.connect(self._voice_speaking)
        self.voice.idle.connect(lambda: self._run(self.queue.speech_finished(self._now())))
        self._engine_named = voice_engine is not None
        self.queue.voice_ready = False
        self.planner.voice_available = self._has_output or self._engine_named

    # --- the window's handles --------------------------------------------------------------------------

    @property
    def status_message(self) -> str:
        return "; ".join(dict.fromkeys(self._problems.values()))

    @property
    def muted(self) -> bool:
        return self.planner.muted

    def attach(self, driver: QObject) -> None:
        """Follow a SessionDriver's events (a new session: attach its driver; the last one is let go)."""
        self.detach()
        self._driver = driver
        session = driver.session  # type: ignore[attr-defined]
        self.planner.plan = lambda: session.plan
        self.planner.clock = session.clock
        self.planner.reset()
        driver.event.connect(self._on_event)  # type: ignore[attr-defined]
        if self.planner.voice_on:
            self.voice.start()  # lazily: only once a session with the voice on is about to run

    def detach(self) -> None:
        if self._driver is not None:
            with contextlib.suppress(RuntimeError):  # the driver may be gone already (window torn down)
                self._driver.event.disconnect(self._on_event)  # type: ignore[attr-defined]
            self._driver = None
            self._run(self.queue.clear())

    def apply_settings(self, settings: SoundChoices) -> None:
        self.planner.settings = settings
        volume = _linear(settings.volume)
        for effect in self._effects.values():
            effect.setVolume(volume)
        self.voice.set_volume(settings.volume / 100)
        if not self.planner.voice_on:
            self._run(self.queue.clear())
        elif self._driver is not None:
            self.voice.start()

    def toggle_mute(self) -> bool:
        self.set_muted(not self.muted)
        return self.muted

    def set_muted(self, muted: bool) -> None:
        if muted == self.planner.muted:
            return
        self.planner.muted = muted
        if muted:
            self._run(self.queue.clear())
            for effect in self._effects.values():
                effect.stop()
        self.muted_changed.emit(muted)

    def shutdown(self) -> None:
        """Let go of the driver and stop the voice's thread (window closing, app quitting)."""
        self.detach()
        self._poll.stop()
        self.voice.shutdown()

    # --- inside ----------------------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        cue = self.planner.handle(event)
        if cue is not None:
            self._run(self.queue.submit(cue, self._now()))

    def _run(self, actions: list[Action]) -> None:
        for action in actions:
            if isinstance(action, PlayTone):
                effect = self._effects.get(action.name)
                if effect is not None:
                    effect.play()
                    due = math.nan if action.scheduled is None else action.scheduled
                    if self.play_log is not None:
                        self.play_log.append((action.name, due, time.monotonic()))
                    self.tone_played.emit(action.name, due)
            elif isinstance(action, Say):
                self._saying = action.text
                self.voice.say(action.text)
            elif isinstance(action, StopSpeech):
                self._saying = None
                self.voice.stop()
        wake = self.queue.next_poll()
        if wake is None:
            self._poll.stop()
        else:
            self._poll.start(max(0, math.ceil((wake - self._now()) * 1000)))

    def _load_tones(self) -> None:
        folder = self._sound_folder or user_paths().cache / "sounds"
        try:
            files = tones.ensure_tones(folder)
        except OSError as problem:
            log.warning("sound: cannot write the tones to %s: %r", folder, problem)
            self._set_problem("sound", "Sound unavailable: the tones could not be saved on this computer")
            return
        volume = _linear(self.planner.settings.volume)
        for name, path in files.items():
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))  # loads now, in the background: play() is instant
            effect.setVolume(volume)
            effect.statusChanged.connect(self._effect_status)
            self._effects[name] = effect
        self._set_problem("sound", None)

    def _effect_status(self) -> None:
        broken = [name for name, effect in self._effects.items() if effect.status() == QSoundEffect.Status.Error]
        for name in broken:
            self._effects.pop(name).deleteLater()
        if broken:
            self.planner.tones_available = bool(self._effects)
            self._set_problem("sound", "Sound unavailable: the tones could not be loaded")

    def _outputs_changed(self) -> None:
        """Headphones plugged in or out: tones go to the new default device, or stop when there is none."""
        self._has_output = self._audio_available()
        if not self._has_output:
            self._set_problem("sound", NO_DEVICE)
        elif not self._effects:
            self._load_tones()
        else:
            device = QMediaDevices.defaultAudioOutput()
            for effect in self._effects.values():
                effect.setAudioDevice(device)
        self.planner.tones_available = self._has_output and bool(self._effects)
        self.planner.voice_available = self.voice.phase != "failed" and (self._has_output or self._engine_named)
        if self.planner.voice_on and self._driver is not None:
            self.voice.start()

    def _voice_ready(self) -> None:
        self.voice.set_volume(self.planner.settings.volume / 100)
        self._set_problem("voice", None)
        self._run(self.queue.voice_became_ready(self._now()))

    def _voice_failed(self, message: str) -> None:
        self.planner.voice_available = False
        self._run(self.queue.clear())
        self._set_problem("voice", message)

    def _voice_speaking(self) -> None:
        if self._saying is not None:
            self.speech_started.emit(self._saying)

    def _set_problem(self, key: str, message: str | None) -> None:
        before = self.status_message
        if message is None:
            self._problems.pop(key, None)
        else:
            self._problems[key] = message
        if self.status_message != before:
            self.status_changed.emit(self.status_message)


def _linear(volume: int) -> float:
    """The settings' 0-100 as ears hear it (logarithmic) to the linear gain QSoundEffect wants."""
    return QtAudio.convertVolume(max(0, min(100, volume)) / 100, QtAudio.VolumeScale.LogarithmicVolumeScale,
                                 QtAudio.VolumeScale.LinearVolumeScale)
