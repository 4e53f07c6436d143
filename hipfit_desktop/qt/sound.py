"""Plays the cues: preloaded QSoundEffects for the tones and an optional text-to-speech voice.

Thin on purpose: what to play and when comes from `cues.CuePlanner` and `cues.CueQueue`; this module only
carries it out and keeps the app working without a sound card or a speech engine.

The voice lives in `voice.py`. Sound comes back by itself: the device list is watched, and when the last
output goes (or the audio server dies under the tones) the effects are dropped and the status says so; when an
output is there again, fresh effects are made. A QSoundEffect whose server went away stays broken for good.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect, QtAudio

from ..system import tones
from ..system.logfile import log
from ..system.paths import user_paths
from ..workout.cues import Action, CuePlanner, CueQueue, PlayTone, Say, SoundChoices, StopSpeech
from ..workout.events import Event
from .voice import VOICE_TIMEOUT, ThreadedVoice

NO_DEVICE = "Sound unavailable: no audio output device"
DEVICE_GONE = "No sound: the speaker or headphones went away. Tones come back when one is connected."
TONES_BROKEN = "No sound: the tones stopped playing. HipFit keeps trying to start them again."
RETRY_MS = 5000  # the first wait before broken tones are made again; it doubles after each failure ...
MAX_RETRY_MS = 300_000  # ... up to five minutes: an output that never plays them must not churn for ever


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
                 audio_available: Callable[[], bool] | None = None, voice_timeout: float = VOICE_TIMEOUT,
                 devices: QObject | None = None) -> None:
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
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_again)
        self._retry_wait = RETRY_MS
        # Anything with an `audioOutputsChanged` signal: QMediaDevices, or a test's fake device list.
        self._devices = devices if devices is not None else QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._outputs_changed)  # type: ignore[attr-defined]
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
        """A tone that fails (its file, or the audio server under it): all are dropped and made again later."""
        if any(effect.status() == QSoundEffect.Status.Error for effect in self._effects.values()):
            self._drop_tones()
            self._set_problem("sound", TONES_BROKEN)
            self._retry.start(self._retry_wait)
            self._retry_wait = min(2 * self._retry_wait, MAX_RETRY_MS)  # for the next failure

    def _drop_tones(self) -> None:
        for effect in self._effects.values():
            effect.stop()
            effect.deleteLater()
        self._effects.clear()
        self.planner.tones_available = False

    def _try_again(self) -> None:
        if not self._audio_available():
            self._retry.start()  # no output yet: look again after the same wait
            return
        self._retry.stop()
        self._load_tones()
        self.planner.tones_available = bool(self._effects)

    def _outputs_changed(self) -> None:
        """Headphones plugged in or out, the audio server gone or back: fresh tones on the default output, or
        none and a status line that says why."""
        had_output, self._has_output = self._has_output, self._audio_available()
        if not self._has_output:
            self._retry.stop()
            self._drop_tones()
            self._set_problem("sound", DEVICE_GONE if had_output or self._problems.get("sound") == DEVICE_GONE
                              else NO_DEVICE)
        else:
            # New effects rather than setAudioDevice(): one whose server went away does not play again.
            self._drop_tones()
            self._retry.stop()
            self._retry_wait = RETRY_MS
            self._load_tones()
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
