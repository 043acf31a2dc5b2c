"""The last word on app processes: none may outlive the server, and none is left for asyncio
to find after its loop has closed.

textual-serve stops each app by sending it a quit message; an app that is stuck, or a tab
whose handler never got the chance, would be left running. :func:`reap_children` runs while
the server's event loop still does: it waits until every app process has exited *and been
reaped* (asyncio's child watcher reports the exit through the loop; an exit it learns of after
the loop has closed prints "Event loop is closed" tracebacks at shutdown), terminating and
then killing stragglers. :func:`stop_children` is the same, without a loop, for the very end.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

#: Set by the server for its app processes: its pid (see lifeline.die_with_parent).
SERVER_PID = "BRIEFING_SERVER_PID"


def _children() -> list:
    import psutil

    return psutil.Process().children(recursive=True)


async def reap_children(timeout: float = 6.0, poll: float = 0.05) -> int:
    """Wait (in the loop) until no child process is left, unreaped ones included; after
    half of ``timeout`` terminate the rest, later kill them. Returns how many had to be
    stopped that way (they did not quit when asked)."""
    import psutil

    started = time.monotonic()
    stopped: set[int] = set()
    signalled = 0
    while children := _children():
        waited = time.monotonic() - started
        if waited > timeout:
            break
        step = 2 if waited > timeout * 0.8 else 1 if waited > timeout / 2 else 0
        if step > signalled:
            signalled = step
            for child in children:
                stopped.add(child.pid)
                with contextlib.suppress(psutil.NoSuchProcess):
                    child.kill() if step == 2 else child.terminate()
        await asyncio.sleep(poll)
    for _ in range(3):  # let the child watcher's callbacks run while the loop is alive
        await asyncio.sleep(0)
    return len(stopped)


def stop_children(timeout: float = 5.0) -> list[int]:
    """Terminate (then kill) every descendant of this process; returns their pids."""
    import psutil

    children = _children()
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.terminate()
    _gone, alive = psutil.wait_procs(children, timeout=timeout)
    for child in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    psutil.wait_procs(alive, timeout=timeout)
    return [child.pid for child in children]
