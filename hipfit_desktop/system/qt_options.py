"""Qt's own command-line options (`-style fusion`, `--platform=xcb`, `-reverse`): the command line hands them to
QApplication instead of rejecting them as unknown."""

from __future__ import annotations

from collections.abc import Sequence

# Qt's own command-line options (QApplication and QGuiApplication docs): passed to Qt, not to argparse.
QT_VALUED = {"platform", "platformpluginpath", "platformtheme", "plugin", "style", "stylesheet", "session",
             "qwindowgeometry", "qwindowtitle", "qwindowicon", "geometry", "display", "title", "name"}
QT_FLAGS = {"reverse", "widgetcount", "nograb", "dograb", "sync"}


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(ours, Qt's): `-style fusion`, `--platform=xcb`, `-reverse` go to Qt; everything else to argparse."""
    ours: list[str] = []
    qt: list[str] = []
    words = iter(argv)
    for word in words:
        name = word.lstrip("-").partition("=")[0]
        if word.startswith("-") and name in QT_FLAGS:
            qt.append(word)
        elif word.startswith("-") and name in QT_VALUED:
            qt.append(word)
            if "=" not in word:
                qt.extend(value for value in [next(words, None)] if value is not None)
        else:
            ours.append(word)
    return ours, qt
