"""The light-install route for tones (docs/PERFORMANCE.md, "Install size"): how late would a tone start through
miniaudio, from the moment it is asked for to the moment its first frame is handed to the audio device?

Not wired into the app yet: it measures the library alone, in a venv that has `miniaudio` (pip install
miniaudio). A playback device pulls frames from a generator every period; a request is a flag set from the
main thread at a random moment; the lateness is the time until the generator hands out the tone's first frame.
With `--null` it uses miniaudio's null backend (a device that only keeps time), for machines without sound.
Also shows what happens with no audio device at all (the app must stay silent and carry on).

Usage: python benchmarks/miniaudio_cues.py [--requests 300] [--period-ms 5] [--null]
"""

from __future__ import annotations

import argparse
import array
import math
import random
import statistics
import sys
import time

import miniaudio

RATE = 44100


def tone(seconds: float = 0.15, hz: float = 880.0) -> array.array:
    return array.array("h", (int(12000 * math.sin(2 * math.pi * hz * i / RATE)) for i in range(int(RATE * seconds))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--period-ms", type=int, default=5)
    parser.add_argument("--null", action="store_true")
    args = parser.parse_args()
    backends = [miniaudio.Backend.NULL] if args.null else []
    try:
        device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                          sample_rate=RATE, buffersize_msec=args.period_ms, backends=backends)
    except miniaudio.MiniaudioError as problem:
        print(f"no audio device: miniaudio says {problem!r}; the app would stay silent and say so")
        return 0
    samples = tone()
    asked: list[float] = []  # when each request not yet served was made
    lateness: list[float] = []
    pulls = [0]  # the device's requests for frames; a stream takes a while to start pulling

    def frames():
        position = len(samples)
        required = yield b""
        while True:
            pulls[0] += 1
            if asked:
                now = time.perf_counter()
                while asked:
                    lateness.append(now - asked.pop())
                position = 0
            chunk = samples[position:position + required]
            position += len(chunk)
            if len(chunk) < required:
                chunk = chunk + array.array("h", bytes(2 * (required - len(chunk))))
            required = yield chunk

    generator = frames()
    next(generator)
    device.start(generator)
    print(f"device: {device.backend}, period {args.period_ms} ms")
    began = time.perf_counter()
    while pulls[0] < 20:
        time.sleep(0.01)
    print(f"the stream started pulling {1000 * (time.perf_counter() - began):.0f} ms after start()")
    for _ in range(args.requests):
        time.sleep(random.uniform(0.01, 0.03))
        asked.append(time.perf_counter())
    time.sleep(0.1)
    device.close()
    ms = sorted(1000 * x for x in lateness)
    p99 = ms[min(len(ms) - 1, math.ceil(0.99 * len(ms)) - 1)]
    print(f"{len(ms)} tones: lateness median {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms, max {ms[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
