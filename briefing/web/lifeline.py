"""An app process ends when its server goes away, however it goes.

textual-serve talks to each app over its stdin and stdout pipes. Textual's web driver ends its
input thread when stdin reaches end of file, but the app itself runs on: a server killed with
SIGKILL (no handler runs, no "quit" is sent) left its app processes alive for good. Three
lines of defence, each enough alone:

- :class:`ChildDriver` (the web driver, named in ``TEXTUAL_DRIVER``): end of file on stdin
  (the server's end of the pipe is closed, whatever closed it) asks the app to exit;
- a "quit" from the server (a closed tab) is honoured within :data:`GRACE` seconds even when
  the app is busy: after that the process exits outright (its state file is written
  atomically, so nothing is half-written);
- :func:`die_with_parent`: on Linux the kernel sends SIGTERM when the server process dies
  (``prctl(PR_SET_PDEATHSIG)``), which the web driver turns into an orderly exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading

from textual import messages
from textual.drivers.web_driver import WebDriver

#: Seconds an app may take to quit once asked (or once its server is gone).
GRACE = 5.0
DRIVER = "briefing.web.lifeline:ChildDriver"
_PR_SET_PDEATHSIG = 1


class ChildDriver(WebDriver):
    """Textual's web driver, but the app never outlives its server's pipe."""

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        finally:
            if not self.exit_event.is_set():  # end of file, not the app stopping
                self._leave()

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        super().on_meta(packet_type, payload)
        if packet_type == "quit":
            _exit_after(GRACE)

    def _leave(self) -> None:
        with contextlib.suppress(Exception):
            self._app.post_message(messages.ExitApp())
        _exit_after(GRACE)


def _exit_after(seconds: float) -> None:
    """Exit the process in ``seconds`` unless it has ended by then (a daemon timer)."""
    timer = threading.Timer(seconds, os._exit, args=(0,))
    timer.daemon = True
    timer.start()


def die_with_parent(parent: int | None) -> None:
    """Ask the kernel for SIGTERM when the parent dies (Linux); exit at once if it already
    has (``parent`` is the server's pid, or None when unknown)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import ctypes.util

        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if parent is not None and os.getppid() != parent:  # it died before we asked
        os._exit(0)
