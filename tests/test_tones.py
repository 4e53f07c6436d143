"""The generated cue tones: valid, short, click-free, told apart easily, and written again only when needed."""

from __future__ import annotations

import array
import wave

import pytest

from hipfit_desktop.system import tones


def read(path) -> tuple[wave._wave_params, array.array]:
    with wave.open(str(path), "rb") as sound:
        params = sound.getparams()
        samples = array.array("h", sound.readframes(params.nframes))
    return params, samples


@pytest.fixture
def written(tmp_path):
    return tones.ensure_tones(tmp_path / "sounds")


def test_every_tone_is_a_mono_16_bit_wav_of_its_stated_length(written):
    assert set(written) == set(tones.TONES) == set(tones.MEANINGS)
    for name, path in written.items():
        params, samples = read(path)
        assert (params.nchannels, params.sampwidth, params.framerate) == (1, 2, tones.SAMPLE_RATE)
        assert params.nframes / tones.SAMPLE_RATE == pytest.approx(tones.duration(name), abs=0.001)


def test_tones_are_short_except_the_end_of_the_session():
    for name in tones.TONES:
        limit = 1.0 if name == "session_done" else 0.25
        assert tones.duration(name) <= limit, name


def test_tones_start_and_end_in_silence_and_never_clip(written):
    """A ramp in and out, or the speaker clicks; headroom under full scale for the player's volume."""
    for name, path in written.items():
        _, samples = read(path)
        assert abs(samples[0]) < 400 and abs(samples[-1]) < 400, name
        assert 0.3 * 32767 < max(abs(s) for s in samples) <= tones.PEAK * 32767 + 1, name


def pitch_contour(samples: array.array, window: float = 0.02) -> list[int]:
    """Rough pitch (Hz, by zero crossings) of each sounding 20 ms window; silences show as 0."""
    size = int(tones.SAMPLE_RATE * window)
    contour = []
    for start in range(0, len(samples) - size + 1, size):
        chunk = samples[start:start + size]
        if max(abs(s) for s in chunk) < 300:
            contour.append(0)
            continue
        crossings = sum(1 for a, b in zip(chunk, chunk[1:], strict=False) if (a < 0) != (b < 0))
        contour.append(round(crossings / 2 / window, -1))
    return contour


def test_tones_are_clearly_different_from_each_other(written):
    """Each has its own length, or its own pitch at the start or the end, or its own number of notes."""
    shapes = {}
    for name, path in written.items():
        _, samples = read(path)
        sounding = [hz for hz in pitch_contour(samples) if hz]
        notes = len(tones.TONES[name])
        shapes[name] = (round(tones.duration(name), 2), sounding[0] // 100, sounding[-1] // 100, notes)
    assert len(set(shapes.values())) == len(shapes)
    up, down = shapes["up"], shapes["down"]
    assert up[1] < up[2] and down[1] > down[2]  # up sweeps upwards, down downwards
    go, rest = shapes["go"], shapes["rest"]
    assert go[1] < go[2] and rest[1] > rest[2]  # two notes each: rising for go, falling for rest


def test_tones_are_written_once(tmp_path):
    folder = tmp_path / "sounds"
    files = tones.ensure_tones(folder)
    stamps = {name: path.stat().st_mtime_ns for name, path in files.items()}
    assert tones.ensure_tones(folder) == files
    assert {name: path.stat().st_mtime_ns for name, path in files.items()} == stamps
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary files left behind


def test_a_missing_tone_is_written_again(tmp_path):
    folder = tmp_path / "sounds"
    files = tones.ensure_tones(folder)
    files["go"].unlink()
    assert not tones.is_current(folder)
    tones.ensure_tones(folder)
    assert files["go"].is_file()


def test_a_new_generator_version_writes_every_tone_again(tmp_path, monkeypatch):
    folder = tmp_path / "sounds"
    files = tones.ensure_tones(folder)
    files["up"].write_bytes(b"not a wav any more")
    assert tones.is_current(folder)  # the same version trusts its files
    monkeypatch.setattr(tones, "GENERATOR_VERSION", tones.GENERATOR_VERSION + 1)
    assert not tones.is_current(folder)
    tones.ensure_tones(folder)
    params, _ = read(files["up"])
    assert params.nframes > 0 and tones.is_current(folder)


def test_an_unwritable_cache_folder_raises_oserror_for_the_caller_to_report(tmp_path):
    blocker = tmp_path / "sounds"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(OSError):
        tones.ensure_tones(blocker)
