#!/bin/sh
# Make sure the Debian libraries Qt needs are present. Usage: qt-system-libs.sh test|run|screenshots
#   test:        what offscreen Qt (the test suite) loads
#   run:         plus the X11/xcb libraries a real window needs
#   screenshots: plus Xvfb and ImageMagick to photograph the window
# As root it installs what is missing with apt; otherwise it prints the one command to run.
set -eu
mode=${1:-test}
# libpulse0 for QtMultimedia, libspeechd2 for the speech-dispatcher voice (the tests load both plugins).
pkgs="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libpulse0 libspeechd2"
case "$mode" in
  run|screenshots) pkgs="$pkgs libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0" ;;
esac
[ "$mode" = screenshots ] && pkgs="$pkgs xvfb imagemagick xdotool"

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "qt-system-libs: not a Debian-like system; skipping the check for Qt's system libraries" >&2
    exit 0
fi
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "Installing Qt's system libraries:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "Qt needs some system libraries that are missing. Run this once, then try again:" >&2
    echo "    sudo apt-get install$missing" >&2
    exit 1
fi
