"""The message between two starts of HipFit: the second asks the first window to come to the front.

Which start is the first is decided by `system.single_instance` (a lock file); this module only carries
the request, over a QLocalServer that only this user may connect to.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

REQUEST = b"raise\n"
_MAX_SOCKET_PATH = 100  # a Unix socket path must fit in 108 bytes


def server_name(folder: Path) -> str:
    """The socket next to the lock; a short hashed name (in Qt's temp folder) when that path is too long."""
    path = str(folder / "hipfit.socket")
    if len(path.encode()) <= _MAX_SOCKET_PATH:
        return path
    uid = str(os.getuid()) if hasattr(os, "getuid") else ""
    return "hipfit-" + hashlib.sha256(f"{uid}:{path}".encode()).hexdigest()[:20]


class RaiseServer(QObject):
    """Listens for a second start. raise_requested()  # the window should come to the front"""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)  # a socket left by a crash; we hold the lock, so nobody else uses it
        self.listening = self._server.listen(name)
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        # No Python reference to a socket outlives this call or `_read`: PySide would delete the C++ object
        # with its last wrapper, and the server (its parent) deletes it again (a crash seen in the tests).
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._take(socket)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._take(socket)

    def _take(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(REQUEST):
            self.raise_requested.emit()


def ask_to_raise(name: str, timeout_ms: int = 2000) -> bool:
    """Ask the running HipFit to show its window; False when it did not take the request."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(REQUEST)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return sent
