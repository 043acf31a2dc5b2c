"""SIGTERM that unwinds: temporary files are removed by the ``finally`` that owns them.

Python's default SIGTERM ends the process at once, so a write interrupted between creating
its temporary file and renaming it (a slow disk holding ``fsync``) leaves the temporary file
behind. Within :func:`terminate_unwinds`, SIGTERM raises :class:`SystemExit` (exit status
143, as the shell reports a terminated process) where the program is, so every ``finally`` on
the way out runs and nothing is left. Outside the main thread signals cannot be caught; there
it changes nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

TERMINATED = 128 + 15  # 128 + SIGTERM; signal and threading are imported only when writing


def _raise(signum, frame) -> None:
    raise SystemExit(TERMINATED)


@contextlib.contextmanager
def terminate_unwinds() -> Iterator[None]:
    """Within, SIGTERM raises SystemExit(143) instead of killing the process outright."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    try:
        previous = signal.signal(signal.SIGTERM, _raise)
    except (ValueError, OSError):  # pragma: no cover - no signals here
        yield
        return
    try:
        yield
    finally:
        # a handler someone else set stays theirs; the default comes back otherwise
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
