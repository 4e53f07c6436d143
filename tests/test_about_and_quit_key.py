"""The About dialog (version, licence, where the facts come from) and Ctrl+Q, which asks during a session as
closing does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from hipfit_desktop import __version__
from hipfit_desktop.exercises.catalog import load_catalog
from hipfit_desktop.qt.about_dialog import AboutDialog
from hipfit_desktop.qt.help_dialog import HelpDialog
from hipfit_desktop.qt.main_window import MainWindow


def test_about_names_the_version_the_licence_and_the_article(qtbot):
    help_dialog = HelpDialog()
    qtbot.addWidget(help_dialog)
    help_dialog.show()
    qtbot.mouseClick(help_dialog.about_button, Qt.MouseButton.LeftButton)
    about = help_dialog.findChild(AboutDialog)
    assert about is not None and about.isVisible()
    text = about.findChild(QLabel).text()
    assert f"HipFit {__version__}" in text and "MIT" in text
    assert "12 Easy Hip-Strengthening Exercises for Runners" in text


def shown(qtbot, window):
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def ctrl_q(qtbot, window):
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_quits_between_sessions_and_asks_during_one(qtbot):
    asked = []
    answer = [False]
    window = shown(qtbot, MainWindow(load_catalog(), ask=lambda _p, title, _q: asked.append(title) or answer[0]))
    window.start_routine("band-day")
    ctrl_q(qtbot, window)
    assert asked == ["Quit HipFit?"] and window.isVisible()
    answer[0] = True
    ctrl_q(qtbot, window)
    assert not window.isVisible()
    second = shown(qtbot, MainWindow(load_catalog(), ask=lambda *_q: asked.append("again") or True))
    ctrl_q(qtbot, second)
    assert not second.isVisible() and asked == ["Quit HipFit?", "Quit HipFit?"]
