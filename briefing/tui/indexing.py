"""A large pack's first search index, built by ``python -m briefing.search.build_store``
in a child process that the app waits for in a worker thread (see
:mod:`briefing.search.build_store` for why not in the thread itself) and ends if the app
quits first."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import threading
import weakref

#: the build processes still running, by app (ended when their app quits)
_RUNNING: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_ENDED: weakref.WeakSet = weakref.WeakSet()  # apps that have quit: no build starts for them
_lock = threading.Lock()


def build_in_process(app, engine) -> bool | None:
    """Build ``engine``'s store in a child process and wait for it. True when it was built,
    None when the app quit meanwhile (the caller must not build either), False when the
    pack has no folder and digest to find it by or the child failed (the caller builds)."""
    pack = engine.pack
    build_args = getattr(engine, "build_args", None)  # a library's engine names its command
    if build_args is not None:
        command = build_args()
    elif pack is None or not getattr(pack, "digest", "") or not getattr(pack, "root", None):
        return False
    else:
        command = [sys.executable, "-m", "briefing.search.build_store", str(pack.root)]
    if ended(app):
        return None
    try:
        proc = subprocess.Popen(command,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
    except OSError:
        return False
    with _lock:
        _RUNNING.setdefault(app, set()).add(proc)
    try:
        code = proc.wait()
    finally:
        with _lock:
            _RUNNING.get(app, set()).discard(proc)
    return None if ended(app) else code == 0


def ended(app) -> bool:
    with _lock:
        return app in _ENDED


def end_builds(app) -> None:
    """Stop the build processes ``app`` started (it is quitting)."""
    with _lock:
        _ENDED.add(app)
        procs = _RUNNING.pop(app, set())
    for proc in procs:
        with contextlib.suppress(OSError):
            proc.terminate()
    for proc in procs:
        with contextlib.suppress(subprocess.TimeoutExpired, OSError):
            proc.wait(timeout=5)
