"""Keep the screen on and the computer awake while a session runs, on Linux, Windows and macOS.

Each platform has a small backend with `acquire(reason)` and `release()`; `acquire` raises
`KeepAwakeUnavailable` with a sentence for the user when it cannot work, and the technical detail (a D-Bus
error name, a return code) apart. `KeepAwake` wraps a backend so that nothing ever fails loudly: the first
failure becomes `message` (once), its detail goes to the log, and later calls do nothing.
The Linux backend talks D-Bus through Qt, so it lives in `qt/screensaver_dbus.py` and is passed in.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from typing import Any, Protocol

from .logfile import log

REASON = "An exercise session is running"
MAY_DIM = "The screen may dim"  # every failure to keep it awake starts so: what the user will notice


class KeepAwakeUnavailable(Exception):
    """Raised by a backend with a message the window can show as it is; `detail` is for the log only."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


class Backend(Protocol):
    name: str

    def acquire(self, reason: str) -> None: ...

    def release(self) -> None: ...


class KeepAwake:
    """Holds at most one keep-awake request at a time; never raises.

    `message` is None while all is well, or says once why the screen may go dark; after a failure the
    backend is not tried again (a dialog or a log line per pause would be noise).
    """

    def __init__(self, backend: Backend, on_message: Callable[[str], None] | None = None) -> None:
        self.backend = backend
        self.on_message = on_message
        self.held = False
        self.message: str | None = None

    def acquire(self, reason: str = REASON) -> bool:
        if self.held or self.message is not None:
            return self.held
        try:
            self.backend.acquire(reason)
        except KeepAwakeUnavailable as problem:
            self._fail(str(problem), problem.detail)
        except Exception as problem:  # a platform call we did not foresee failing: still never crash
            self._fail(f"{MAY_DIM}: keeping it awake failed", repr(problem))
        else:
            self.held = True
        return self.held

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        try:
            self.backend.release()
        except Exception as problem:  # releasing is best effort; the OS drops the request at exit anyway
            self._fail("The screen may stay on after the session: the keep-awake request was not withdrawn",
                       repr(problem))

    def _fail(self, message: str, detail: str = "") -> None:
        log.warning("keep-awake (%s): %s%s", self.backend.name, message, f" [{detail}]" if detail else "")
        self.message = message
        if self.on_message is not None:
            self.on_message(message)


def default_backend(session_bus: Callable[[], Backend], platform: str = sys.platform) -> Backend:
    """The backend for this platform; `session_bus` makes the freedesktop one (Linux, BSD)."""
    if platform.startswith("linux") or platform.startswith("freebsd"):
        return session_bus()
    if platform == "win32":
        return WindowsExecutionState()
    if platform == "darwin":
        return MacPowerAssertion()
    return Unsupported(platform)


class Unsupported:
    name = "none"

    def __init__(self, platform: str) -> None:
        self.platform = platform

    def acquire(self, reason: str) -> None:
        raise KeepAwakeUnavailable(f"{MAY_DIM}: HipFit cannot keep it awake on {self.platform}; "
                                   "turn off screen blanking")

    def release(self) -> None:
        pass


class WindowsExecutionState:
    """SetThreadExecutionState: display and system required until cleared (call from the UI thread)."""

    name = "SetThreadExecutionState"
    ES_CONTINUOUS = 0x80000000
    ES_SYSTEM_REQUIRED = 0x00000001
    ES_DISPLAY_REQUIRED = 0x00000002

    def __init__(self, set_state: Callable[[int], int] | None = None) -> None:
        self._set_state = set_state

    def _call(self, flags: int) -> None:
        if self._set_state is None:
            try:
                kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
            except (AttributeError, OSError) as problem:
                raise KeepAwakeUnavailable(f"{MAY_DIM}: Windows gave no way to keep it awake",
                                           f"kernel32: {problem!r}") from problem
            function = kernel32.SetThreadExecutionState
            function.argtypes = [ctypes.c_uint32]
            function.restype = ctypes.c_uint32
            self._set_state = function
        if self._set_state(flags) == 0:  # 0 is failure; otherwise the previous state
            raise KeepAwakeUnavailable(f"{MAY_DIM}: Windows refused to keep it awake",
                                       f"SetThreadExecutionState({flags:#x}) returned 0")

    def acquire(self, reason: str) -> None:
        self._call(self.ES_CONTINUOUS | self.ES_SYSTEM_REQUIRED | self.ES_DISPLAY_REQUIRED)

    def release(self) -> None:
        self._call(self.ES_CONTINUOUS)


class MacPowerAssertion:
    """IOPMAssertionCreateWithName(PreventUserIdleDisplaySleep): the display, and so the Mac, stays awake."""

    name = "IOPMAssertion"
    LEVEL_ON = 255
    UTF8 = 0x08000100
    ASSERTION_TYPE = b"PreventUserIdleDisplaySleep"

    def __init__(self, iokit: Any = None, corefoundation: Any = None) -> None:
        self._iokit = iokit
        self._cf = corefoundation
        self.assertion: int | None = None

    def _libraries(self) -> tuple[Any, Any]:
        if self._iokit is None or self._cf is None:
            iokit_path = ctypes.util.find_library("IOKit")
            cf_path = ctypes.util.find_library("CoreFoundation")
            if not iokit_path or not cf_path:
                raise KeepAwakeUnavailable(f"{MAY_DIM}: macOS gave no way to keep it awake", "IOKit not found")
            iokit, cf = ctypes.cdll.LoadLibrary(iokit_path), ctypes.cdll.LoadLibrary(cf_path)
            cf.CFStringCreateWithCString.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32]
            cf.CFStringCreateWithCString.restype = ctypes.c_void_p
            cf.CFRelease.argtypes = [ctypes.c_void_p]
            iokit.IOPMAssertionCreateWithName.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p,
                                                          ctypes.POINTER(ctypes.c_uint32)]
            iokit.IOPMAssertionCreateWithName.restype = ctypes.c_int32
            iokit.IOPMAssertionRelease.argtypes = [ctypes.c_uint32]
            iokit.IOPMAssertionRelease.restype = ctypes.c_int32
            self._iokit, self._cf = iokit, cf
        return self._iokit, self._cf

    def acquire(self, reason: str) -> None:
        iokit, cf = self._libraries()
        kind = cf.CFStringCreateWithCString(None, self.ASSERTION_TYPE, self.UTF8)
        name = cf.CFStringCreateWithCString(None, reason.encode("utf-8"), self.UTF8)
        assertion = ctypes.c_uint32(0)
        try:
            result = iokit.IOPMAssertionCreateWithName(kind, self.LEVEL_ON, name, ctypes.byref(assertion))
        finally:
            for string in (kind, name):
                if string:
                    cf.CFRelease(string)
        if result != 0:
            code = result & 0xFFFFFFFF  # an IOReturn, e.g. 0xe00002c2
            raise KeepAwakeUnavailable(f"{MAY_DIM}: macOS refused to keep it awake",
                                       f"IOPMAssertionCreateWithName returned {code:#x}")
        self.assertion = assertion.value

    def release(self) -> None:
        if self.assertion is not None:
            iokit, _ = self._libraries()
            iokit.IOPMAssertionRelease(self.assertion)
            self.assertion = None
