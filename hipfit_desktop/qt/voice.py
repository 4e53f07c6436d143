"""The cue voice: a QTextToSpeech in its own thread, touched only through queued calls to its C++ slots.

A stuck speech-dispatcher daemon blocks `QTextToSpeech("speechd")` for tens of seconds (or for good) and
PySide6 holds the GIL during that constructor, so even a Python worker thread would freeze the window.
Instead the object is built with no engine ("none", instant), moved to the thread, and told to load its engine
there by a queued `setEngine` call: the blocking happens in C++ with no Python on that thread's stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech
from shiboken6 import Shiboken

from ..system.logfile import log

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
