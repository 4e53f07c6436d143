"""How late is each tone's QSoundEffect.play() against the deadline of its segment or 3-2-1 beat?

Runs the full session (every exercise on guided tempo) in a real Qt event loop on the real monotonic clock,
with the CuePlayer attached to the SessionDriver, once idle and once with a busy Python thread competing for
the interpreter. Lateness is taken right after play() returns, so it includes the call itself.

With `--record` (needs a PulseAudio server and `parec`, e.g. the null sink of docs/DESIGN "Headless
machines"), the sink's monitor is recorded as well and each tone's onset is found in the recording
(a loudness threshold over 1 ms windows): that shows when the sound really came out. Recording times are
mapped to the monotonic clock from when the recorded bytes arrived, so those figures are an upper bound.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/cues.py [--seconds 60] [--record] [--voice [ENGINE]]
"""

from __future__ import annotations

import argparse
import array
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from common import busy_thread, figures, guided_plan
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtMultimedia import QMediaDevices

from hipfit_desktop.qt.driver import SessionDriver, tighten_thread_switching
from hipfit_desktop.qt.sound import CuePlayer
from hipfit_desktop.workout.cues import DefaultSound
from hipfit_desktop.workout.engine import Session

RATE = 44100
WINDOW = RATE // 1000  # 1 ms
THRESHOLD = 600  # peak amplitude in a 1 ms window that counts as sound (the tones peak near 16000 at 100 %)
QUIET_BEFORE_ONSET = 0.3  # seconds of silence before an onset: the notes inside one tone are not new tones


class Recorder:
    """parec on the default sink's monitor, with the arrival time of every chunk it hands over."""

    def __init__(self) -> None:
        self.samples = array.array("h")
        self.arrivals: list[tuple[int, float]] = []  # (samples received so far, monotonic time)
        self._process = subprocess.Popen(["parec", "--device=@DEFAULT_MONITOR@", "--format=s16le", f"--rate={RATE}",
                                          "--channels=1", "--raw", "--latency-msec=5"], stdout=subprocess.PIPE)
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        fd = self._process.stdout.fileno()
        pending = b""
        while True:
            chunk = os.read(fd, 882)
            if not chunk:
                return
            now = time.monotonic()
            pending += chunk
            whole = len(pending) - len(pending) % 2
            self.samples.frombytes(pending[:whole])
            pending = pending[whole:]
            self.arrivals.append((len(self.samples), now))

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(5)
        self._thread.join(5)
        self._process.stdout.close()

    def onsets(self) -> list[float]:
        """Monotonic times at which tones began in the recording."""
        found, quiet = [], QUIET_BEFORE_ONSET
        for index in range(0, len(self.samples) - WINDOW, WINDOW):
            loud = max(abs(s) for s in self.samples[index:index + WINDOW]) >= THRESHOLD
            if loud and quiet >= QUIET_BEFORE_ONSET:
                found.append(self._time_of(index))
            quiet = 0.0 if loud else quiet + WINDOW / RATE
        return found

    def _time_of(self, index: int) -> float:
        """A sample cannot arrive before it was recorded: over the chunks of the next second, the smallest
        (arrival - position) maps positions to the monotonic clock. Local, so the sink's clock may drift."""
        nearby = [at - (count - index) / RATE for count, at in self.arrivals if index < count <= index + RATE]
        return min(nearby)


def measure(app: QCoreApplication, seconds: float, busy: bool, record: bool, voice: str | None) -> dict[str, object]:
    session = Session(guided_plan(), time.monotonic)
    driver = SessionDriver(session)
    folder = Path(tempfile.mkdtemp(prefix="hipfit-cues-"))
    player = CuePlayer(None, DefaultSound(voice=voice is not None), voice_engine=voice or None, sound_folder=folder)
    player.play_log = []  # stamped inside the player right after play(), without a signal in between
    # Let the tones finish loading before the session starts, as they do while the user picks a routine.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(e.status().name != "Ready" for e in player._effects.values()):
        app.processEvents()
    recorder = Recorder() if record else None
    with busy_thread(busy):
        player.attach(driver)  # first, as the window does: nothing else runs between a deadline and its tone
        driver.start()
        QTimer.singleShot(int(seconds * 1000), app.quit)
        app.exec()
    driver.stop()
    player.shutdown()
    played = [at for _, _, at in player.play_log]
    late = [at - due for _, due, at in player.play_log]
    result: dict[str, object] = {"status": player.status_message or "sound ok", **figures(late)}
    if recorder is not None:
        time.sleep(0.5)  # the last tone's samples
        recorder.stop()
        onsets = recorder.onsets()
        delays = []
        for at in played:
            after = [onset - at for onset in onsets if -0.05 <= onset - at <= 0.5]
            if after:
                delays.append(after[0])
        result["recorded"] = f"{len(delays)}/{len(played)}"
        result["audio"] = figures(delays)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="length of each run (default 60)")
    parser.add_argument("--record", action="store_true", help="also record the sink's monitor with parec")
    parser.add_argument("--voice", nargs="?", const="", default=None, metavar="ENGINE",
                        help="speak the prompts too, with the system's engine or the one named (e.g. mock)")
    args = parser.parse_args()
    tighten_thread_switching()
    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    outputs = [d.description() for d in QMediaDevices.audioOutputs()]
    if not outputs:
        print("no audio output: the player plays nothing, so there is nothing to time; start a sound server,")
        print("e.g. the pulseaudio null sink described in DESIGN.md under 'Headless machines'")
        return 1
    print(f"audio outputs: {outputs}")
    if args.record and (not outputs or shutil.which("parec") is None):
        print("--record needs an audio output and parec; recording skipped")
        args.record = False
    print(f"Tone play() lateness against its deadline, {args.seconds:g} s per run")
    print(f"{'run':<14}{'tones':>7}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for label, busy in (("idle", False), ("busy thread", True)):
        r = measure(app, args.seconds, busy, args.record, args.voice)
        print(f"{label:<14}{r['samples']:>7}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['max_ms']:>9.2f}   {r['status']}")
        if "audio" in r:
            a = r["audio"]
            print(f"{'  heard':<14}{a['samples']:>7}{a['p50_ms']:>9.2f}{a['p99_ms']:>9.2f}{a['max_ms']:>9.2f}"
                  f"   play() to onset in the recording ({r['recorded']} tones found)")
    print("target: play() p99 <= 5 ms after the deadline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
