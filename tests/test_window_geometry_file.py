"""The window's geometry file: written like every other file (no links, 0600), read back with a bound."""

from __future__ import annotations

import stat

from PySide6.QtCore import QByteArray

from hipfit_desktop.qt.window_state import FILE_NAME, load_geometry, save_geometry


def test_geometry_round_trips_in_a_private_file(tmp_path):
    data = QByteArray(bytes(range(66)))
    assert save_geometry(tmp_path / "config", data) is None
    assert load_geometry(tmp_path / "config") == data
    assert stat.S_IMODE((tmp_path / "config" / FILE_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "config").stat().st_mode) == 0o700


def test_a_link_at_the_geometry_file_is_left_alone_and_the_reason_given(tmp_path):
    victim = tmp_path / "victim"
    victim.write_bytes(b"precious")
    (tmp_path / FILE_NAME).symlink_to(victim)
    message = save_geometry(tmp_path, QByteArray(b"geometry"))
    assert message == (f"HipFit could not remember the window's size in {tmp_path / FILE_NAME} (it is a symbolic "
                       "link, and HipFit does not write through links)")
    assert victim.read_bytes() == b"precious"


def test_a_damaged_or_endless_geometry_file_is_no_geometry(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"not base64!\x00")
    assert load_geometry(tmp_path) is None
    (tmp_path / FILE_NAME).unlink()
    (tmp_path / FILE_NAME).symlink_to("/dev/zero")
    assert load_geometry(tmp_path) is None
    assert load_geometry(tmp_path / "missing") is None
