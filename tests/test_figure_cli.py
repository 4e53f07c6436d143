"""`hipfit figure`: a frame written to PNG or SVG without a window; mistakes are one-line messages."""

from __future__ import annotations

import subprocess
import sys

import pytest


def hipfit(*args, **kw):
    return subprocess.run([sys.executable, "-m", "hipfit_desktop", *args], capture_output=True, text=True, **kw)


def test_a_png_holds_the_figure_with_a_clear_margin_all_round(tmp_path, qapp):
    from PySide6.QtGui import QColor, QImage

    out = tmp_path / "bridge.png"
    result = hipfit("figure", "glute-bridge", "--version", "banded-bridge", "--progress", "1", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr and "Bridge with a band" in result.stderr and "Traceback" not in result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 480)
    white = QColor("#ffffff")
    drawn = [(x, y) for x in range(0, 640, 2) for y in range(0, 480, 2) if image.pixelColor(x, y) != white]
    assert len(drawn) > 2000  # a figure, not a speck
    xs, ys = [x for x, _ in drawn], [y for _, y in drawn]
    assert min(xs) > 10 and max(xs) < 630 and min(ys) > 10 and max(ys) < 470
    assert any(image.pixelColor(x, y).name() == "#d9480f" for x, y in drawn)  # the band is drawn


def test_start_and_end_pictures_differ_and_the_right_side_is_the_mirror_image(tmp_path, qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    for name, args in (("start", ()), ("end", ("--progress", "1")), ("right", ("--progress", "1", "--side", "right"))):
        out = str(tmp_path / f"{name}.png")
        result = hipfit("figure", "side-leg-lift", "--version", "standing", *args, "--out", out)
        assert result.returncode == 0, result.stderr
    start, end, right = (QImage(str(tmp_path / f"{n}.png")) for n in ("start", "end", "right"))
    assert start != end
    flipped = end.flipped(Qt.Orientation.Horizontal)
    differ = sum(right.pixelColor(x, y) != flipped.pixelColor(x, y) for x in range(0, 640, 2) for y in range(0, 480, 2))
    changed = sum(start.pixelColor(x, y) != end.pixelColor(x, y) for x in range(0, 640, 2) for y in range(0, 480, 2))
    assert differ < changed / 5  # the same picture, up to the edges of the strokes


def test_an_svg_is_written_for_print(tmp_path):
    out = tmp_path / "clamshell.svg"
    result = hipfit("figure", "clamshell", "--progress", "0.5", "--side", "right", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert text.startswith("<?xml") and "<svg" in text
    assert text.count("<polyline") >= 8 and text.count("<circle") == 1  # the limbs and the head


@pytest.mark.parametrize(("args", "code", "message"), [
    (("nope", "--out", "{tmp}/x.png"), 2, "hipfit: unknown exercise 'nope' (known: side-leg-lift, glute-bridge"),
    (("squat", "--version", "deep", "--out", "{tmp}/x.png"), 2,
     "hipfit: squat has no version 'deep' (known: squat, one-legged-squat)"),
    (("squat", "--progress", "1.5", "--out", "{tmp}/x.png"), 2,
     "hipfit figure: argument --progress: progress: 1.5 is out of range (0 to 1)"),
    (("squat", "--progress", "half", "--out", "{tmp}/x.png"), 2,
     "hipfit figure: argument --progress: expected a number from 0 to 1, got 'half'"),
    (("squat", "--side", "middle", "--out", "{tmp}/x.png"), 2, "hipfit figure: argument --side: invalid choice"),
    (("squat", "--out", "{tmp}/x.jpg"), 2, "hipfit: {tmp}/x.jpg: write a .png or .svg file"),
    (("squat", "--out", "/no/such/folder/x.png"), 1, "hipfit: cannot write /no/such/folder/x.png"),
    (("squat", "--out", "/no/such/folder/x.svg"), 1, "hipfit: cannot write /no/such/folder/x.svg: no such folder"),
])
def test_mistakes_get_a_message_not_a_traceback(tmp_path, args, code, message):
    result = hipfit("figure", *(a.format(tmp=tmp_path) for a in args))
    assert result.returncode == code and result.stderr.startswith(message.format(tmp=tmp_path)), result.stderr
    assert "Traceback" not in result.stderr and not list(tmp_path.iterdir())
