"""The cue tones, generated as WAV files with the standard library (no samples to license, no numpy).

Each tone is a short list of notes. They differ in pitch, length and contour (rising, falling, steady,
two or three notes) so that someone on the floor facing away can tell them apart without looking.
Files are written once into the cache folder and written again when `GENERATOR_VERSION` changes or a
file is missing; bump the version whenever a note below changes.
"""

from __future__ import annotations

import io
import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path

from .safe_files import private_folder, read_limited, write_atomic

GENERATOR_VERSION = 1
SAMPLE_RATE = 44100
PEAK = 0.5  # of full scale: leaves headroom, the player's volume does the rest
STAMP = "version.txt"


@dataclass(frozen=True)
class Note:
    frequency: float  # Hz at the start
    seconds: float
    glide_to: float | None = None  # Hz at the end, for a sweep
    gap: float = 0.0  # silence after the note
    sustain: bool = False  # a held tone instead of a struck one that fades


# Laptop speakers hardly play anything under ~400 Hz, so every note sits between A4 and E6.
TONES: dict[str, tuple[Note, ...]] = {
    # A quick upward sweep: "lift".
    "up": (Note(660, 0.12, glide_to=990),),
    # A steady, softer mid tone: "stay there".
    "hold": (Note(740, 0.20, sustain=True),),
    # A downward sweep, a little longer than "up": "lower with control".
    "down": (Note(880, 0.16, glide_to=523),),
    # A short high pip for each of the last three seconds.
    "count": (Note(1319, 0.06),),
    # Two rising notes: the rest (or get-ready, or side switch) is over, go.
    "go": (Note(784, 0.09, gap=0.02), Note(1175, 0.13)),
    # Two falling notes: the set is done, rest.
    "rest": (Note(784, 0.10, gap=0.02), Note(523, 0.13)),
    # The same note twice: change sides.
    "switch": (Note(988, 0.08, gap=0.05), Note(988, 0.08)),
    # Three rising notes: this exercise is finished.
    "exercise_done": (Note(1047, 0.07), Note(1319, 0.07), Note(1568, 0.10)),
    # A longer four-note fanfare ending on a held note: the whole session is done.
    "session_done": (Note(523, 0.12, gap=0.02), Note(659, 0.12, gap=0.02), Note(784, 0.12, gap=0.02),
                     Note(1047, 0.45, sustain=True)),
}

# What each one means, for people (docs/SOUNDS.md says the same).
MEANINGS: dict[str, str] = {
    "up": "a rep starts: lift",
    "hold": "hold at the top",
    "down": "lower with control",
    "count": "3, 2, 1 before a countdown ends",
    "go": "a rest, get-ready or side switch is over: start",
    "rest": "the set is done: rest",
    "switch": "change sides",
    "exercise_done": "the exercise is finished",
    "session_done": "the session is finished",
}


def duration(name: str) -> float:
    """Length of a tone in seconds, silences included."""
    return sum(note.seconds + note.gap for note in TONES[name])


def render(notes: tuple[Note, ...], rate: int = SAMPLE_RATE) -> bytes:
    """16-bit little-endian mono PCM for a list of notes."""
    samples: list[int] = []
    for note in notes:
        samples += _note_samples(note, rate)
        samples += [0] * round(note.gap * rate)
    return struct.pack(f"<{len(samples)}h", *samples)


def _note_samples(note: Note, rate: int) -> list[int]:
    count = round(note.seconds * rate)
    end = note.glide_to if note.glide_to is not None else note.frequency
    attack = round(0.004 * rate)  # a 4 ms ramp in and 8 ms out, or the speaker clicks
    release = round(0.008 * rate)
    out: list[int] = []
    phase = 0.0
    for i in range(count):
        progress = i / count
        # Accumulate phase rather than computing sin(2πft): a sweep must not jump between samples.
        phase += 2 * math.pi * (note.frequency + (end - note.frequency) * progress) / rate
        # A touch of the 2nd and 3rd harmonics makes the tone carry on small speakers.
        wave_value = math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.1 * math.sin(3 * phase)
        envelope = 1.0 if note.sustain else math.exp(-2.5 * progress)  # struck notes fade
        envelope *= min(1.0, i / attack, (count - 1 - i) / release)
        out.append(round(32767 * PEAK * envelope * wave_value / 1.35))
    return out


def tone_files(folder: Path) -> dict[str, Path]:
    return {name: folder / f"{name}.wav" for name in TONES}


def _stamp_text() -> str:
    return f"{GENERATOR_VERSION} {SAMPLE_RATE}\n"


def is_current(folder: Path) -> bool:
    """Whether `folder` holds every tone, written by this version of the generator."""
    try:
        stamp = read_limited(folder / STAMP, limit=100)
    except OSError:
        return False
    return stamp == _stamp_text().encode() and all(path.is_file() for path in tone_files(folder).values())


def ensure_tones(folder: Path) -> dict[str, Path]:
    """The tone files in `folder`, (re)written first when missing or from another generator version.

    Raises OSError when the folder cannot be written; the caller turns that into "sound unavailable".
    """
    files = tone_files(folder)
    if is_current(folder):
        return files
    private_folder(folder, tighten=True)
    for name, path in files.items():
        # Atomic: another instance may be starting at the same moment and must never load half a file.
        write_atomic(path, wav_bytes(render(TONES[name])))
    # The stamp goes last: an interrupted run leaves no stamp, so the next start writes everything again.
    write_atomic(folder / STAMP, _stamp_text().encode())
    return files


def wav_bytes(frames: bytes) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(frames)
    return buffer.getvalue()
