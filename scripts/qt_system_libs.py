"""Make sure the system libraries Qt loads are there. Usage: python3 qt_system_libs.py test|run|screenshots
    test:        what offscreen Qt (the test suite) loads, plus the desktop-entry validators when root
    run:         plus the X11/xcb libraries a real window needs
    screenshots: plus Xvfb, ImageMagick and xdotool to photograph the window

It asks the dynamic linker's cache (`ldconfig -p`) for each library's soname rather than dpkg for a package
name: Debian 13 and Ubuntu 24.04 renamed some packages for 64-bit time (libglib2.0-0 -> libglib2.0-0t64), and a
name check then fails for ever on a system that has the library. Only for what is missing does it pick the
package name apt knows. As root it installs that with apt; otherwise it prints the one command, once.
Standard library only: it runs with the system python3, before and without the venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable

# (soname, Debian package before the t64 renames)
TEST_LIBS = [
    ("libEGL.so.1", "libegl1"), ("libGL.so.1", "libgl1"), ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libfontconfig.so.1", "libfontconfig1"), ("libfreetype.so.6", "libfreetype6"),
    ("libdbus-1.so.3", "libdbus-1-3"), ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libpulse.so.0", "libpulse0"),  # QtMultimedia
    ("libspeechd.so.2", "libspeechd2"),  # the speech-dispatcher voice
]
WINDOW_LIBS = [
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"), ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"), ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-randr.so.0", "libxcb-randr0"), ("libxcb-xinerama.so.0", "libxcb-xinerama0"),
]
SCREENSHOT_TOOLS = [("Xvfb", "xvfb"), ("import", "imagemagick"), ("xdotool", "xdotool")]
VALIDATORS = [("desktop-file-validate", "desktop-file-utils"), ("appstreamcli", "appstream")]

Run = Callable[[list[str]], str]


def run(command: list[str]) -> str:
    """The command's output, or "" when it is missing or fails."""
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout
    except OSError:
        return ""


def ldconfig() -> str | None:
    """ldconfig is in /sbin, which a normal user's PATH often lacks."""
    return shutil.which("ldconfig") or next((p for p in ("/sbin/ldconfig", "/usr/sbin/ldconfig")
                                             if os.access(p, os.X_OK)), None)


def cached_sonames(ldconfig_output: str, wide: bool = sys.maxsize > 2**32) -> set[str]:
    """`ldconfig -p` lines look like `\\tlibEGL.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libEGL.so.1`; a
    64-bit Python loads only libraries tagged with an architecture (a bare `(libc6)` is a 32-bit one)."""
    sonames = set()
    for line in ldconfig_output.splitlines()[1:]:
        words = line.split()
        if len(words) >= 4 and words[-2] == "=>" and (not wide or "," in words[1]):
            sonames.add(words[0])
    return sonames


def package_name(base: str, known: Iterable[str]) -> str:
    """The t64 name where apt knows one (Debian 13, Ubuntu 24.04), else the old name (Debian 12)."""
    return f"{base}t64" if f"{base}t64" in set(known) else base


def missing_packages(mode: str, sonames: set[str], runner: Run = run,
                     has_command: Callable[[str], bool] = lambda name: shutil.which(name) is not None,
                     as_root: bool = False) -> list[str]:
    libs = TEST_LIBS + (WINDOW_LIBS if mode in ("run", "screenshots") else [])
    missing = []
    for soname, base in libs:
        if soname not in sonames:
            missing.append(package_name(base, runner(["apt-cache", "pkgnames", base]).split()))
    tools = SCREENSHOT_TOOLS if mode == "screenshots" else []
    if mode == "test" and as_root:  # the validator tests skip, with a message, where they cannot be installed
        tools = VALIDATORS
    missing += [package for command, package in tools if not has_command(command)]
    return missing


def main(argv: list[str]) -> int:
    mode = argv[1] if len(argv) > 1 else "test"
    found = ldconfig()
    if found is None or shutil.which("apt-get") is None:
        print("qt-system-libs: not a Debian-like system; skipping the check for Qt's system libraries",
              file=sys.stderr)
        return 0
    as_root = os.geteuid() == 0
    missing = missing_packages(mode, cached_sonames(run([found, "-p"])), as_root=as_root)
    if not missing:
        return 0
    if not as_root:
        print("Qt needs some system libraries that are missing. Run this once, then try again:\n"
              f"    sudo apt-get install {' '.join(missing)}", file=sys.stderr)
        return 1
    print(f"Installing Qt's system libraries: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env,
                   stdout=subprocess.DEVNULL)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
