"""Ctrl+C in the terminal and `kill` (SIGTERM) quit the window cleanly: a session in progress is saved to
resume, like "Save and quit", and nothing asks. Python runs its signal handlers only between bytecodes, which
never come while Qt's event loop waits, so the signal wakes Qt through a socket (`signal.set_wakeup_fd`)."""

from __future__ import annotations

import signal
import socket

from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication

from .main_window import MainWindow
from .session_log import SAVE_AND_QUIT

SIGNALS = (signal.SIGINT, signal.SIGTERM)
_kept: list[object] = []  # the sockets live as long as the process: the wakeup fd is written from C


def quit_on_signals(app: QApplication, window: MainWindow) -> None:
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    received: list[int] = []
    signal.set_wakeup_fd(writer.fileno())
    for number in SIGNALS:
        signal.signal(number, lambda number, _frame: received.append(number))
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        try:
            reader.recv(64)
        except BlockingIOError:
            return
        quit_saving(window)
        app.exit(128 + (received[0] if received else signal.SIGTERM))

    notifier.activated.connect(woken)
    _kept.extend((reader, writer, notifier))


def quit_saving(window: MainWindow) -> None:
    """Close the window answering its questions as "Save and quit" would."""
    window.choose = lambda *_question: SAVE_AND_QUIT
    window.ask = lambda *_question: True
    window.close()
