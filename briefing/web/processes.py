"""The last word on app processes: none may outlive the server.

textual-serve stops each app by sending it a quit message; an app that is stuck, or a tab
whose handler never got the chance, would be left running. After the server has stopped, every
process still below it is terminated, then killed.
"""

from __future__ import annotations

import contextlib


def stop_children(timeout: float = 5.0) -> list[int]:
    """Terminate (then kill) every descendant of this process; returns their pids."""
    import psutil

    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _gone, alive = psutil.wait_procs(children, timeout=timeout)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    psutil.wait_procs(alive, timeout=timeout)
    return [child.pid for child in children]
