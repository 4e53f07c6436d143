"""The menu entry: the shipped .desktop, icons and metainfo pass the freedesktop validators, and
`hipfit install-desktop` / `uninstall-desktop` put them in (and take them out of) the user's XDG data folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hipfit_desktop import __version__
from hipfit_desktop.system.desktop import APP_ID, install_desktop, uninstall_desktop
from hipfit_desktop.system.qt_options import split_qt_options

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "resources" / "desktop"


def hipfit(*args, **kw):
    return subprocess.run([sys.executable, "-m", "hipfit_desktop", *args], capture_output=True, text=True, **kw)


def validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:  # `make test` installs them when it runs as root (scripts/qt_system_libs.py)
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils, appstream); the check did not run")
    return found


def test_the_desktop_file_passes_desktop_file_validate():
    run = subprocess.run([validator("desktop-file-validate"), str(DESKTOP / f"{APP_ID}.desktop")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout


def test_the_metainfo_passes_appstreamcli_validate():
    run = subprocess.run([validator("appstreamcli"), "validate", "--no-net", str(DESKTOP / f"{APP_ID}.metainfo.xml")],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_the_metainfo_release_and_screenshots_match_the_project():
    text = (DESKTOP / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f'<release version="{__version__}"' in text
    for name in ("picker-1366x768.png", "session-go.png", "summary-1366x768.png"):
        assert f"docs/screenshots/{name}</image>" in text and (ROOT / "docs" / "screenshots" / name).exists()


def test_install_desktop_puts_entry_icons_and_metainfo_in_the_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    result = hipfit("install-desktop")
    assert result.returncode == 0, result.stderr
    share = tmp_path / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Exec={sys.executable} -m hipfit_desktop\n" in entry and f"Icon={APP_ID}\n" in entry
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").exists()
    assert (share / "icons/hicolor/symbolic/apps" / f"{APP_ID}-symbolic.svg").exists()
    for size in (48, 64, 128, 256):
        assert (share / f"icons/hicolor/{size}x{size}/apps" / f"{APP_ID}.png").exists()


def test_uninstall_desktop_removes_only_what_install_put_there(tmp_path):
    share = tmp_path / "share"
    other = share / "applications" / "someone.else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n")
    written = install_desktop(share, command="hipfit")
    assert sorted(uninstall_desktop(share)) == sorted(written)
    assert other.exists() and not any(path.exists() for path in written)
    assert uninstall_desktop(share) == []


def test_the_installed_entry_with_its_exec_line_still_validates(tmp_path):
    install_desktop(tmp_path, command=f"{sys.executable} -m hipfit_desktop")
    run = subprocess.run([validator("desktop-file-validate"), str(tmp_path / "applications" / f"{APP_ID}.desktop")],
                         capture_output=True, text=True)
    assert run.returncode == 0 and not run.stdout.strip(), run.stdout


def test_version_prints_the_package_version():
    result = hipfit("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"hipfit {__version__}"


@pytest.mark.parametrize(("argv", "ours", "qt"), [
    (["-style", "fusion"], [], ["-style", "fusion"]),
    (["--platform=offscreen", "gui", "-reverse"], ["gui"], ["--platform=offscreen", "-reverse"]),
    (["plan", "band-day", "--level", "advanced"], ["plan", "band-day", "--level", "advanced"], []),
    (["--verbose", "-platform", "xcb"], ["--verbose"], ["-platform", "xcb"]),
])
def test_qts_own_options_go_to_qt_and_the_rest_to_hipfit(argv, ours, qt):
    assert split_qt_options(argv) == (ours, qt)


def test_without_a_display_one_line_says_what_to_do(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HIPFIT_HOME": str(tmp_path / "h"),
           "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "hipfit_desktop"], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "no display" in result.stderr, result.stderr
