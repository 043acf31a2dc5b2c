"""One piece of an index build in a second process, with the serial path as the fallback.

A large library's cold build is CPU-bound pure Python, so a thread would not help; a child
process can take the n-gram filter of the folded text while the parent reads pinyin. The child
is a fresh interpreter (``python -c``, never a fork of this process: the app builds its index
in a worker thread, and a forked copy of a threaded process can deadlock), and unlike
multiprocessing's spawn it does not re-import the parent's ``__main__`` script. Arguments and
result travel as pickles over its stdin and stdout (a long list of texts as :class:`Texts`, in
UTF-8 pieces sent by a thread, so the parent goes on meanwhile), and the share of its work
done, if asked for, as lines on its stderr. Whatever goes wrong in the child (an
exception, a crash, a broken pipe) costs only the time it took: the parent computes the piece
itself. The child is killed if the parent gives up on it, and exits on its own if the parent
dies, so none is left behind.
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import os
import pickle
import subprocess
import sys
import threading
import time
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Seconds between the child's checks that its parent is still there.
PARENT_POLL_S = 0.5
#: Seconds to wait for the last progress reports once the child has ended.
RELAY_WAIT_S = 5.0
_BOOT = "from briefing.search.bulk.parallel import _child_main; _child_main()"
_FAILURES = (OSError, EOFError, ValueError, TypeError, pickle.PickleError, AttributeError,
             ImportError, MemoryError)


class Texts:
    """A list of strings given to a child as an argument, sent in pieces of UTF-8 encoded
    here: pickling a string leaves its UTF-8 form cached inside it (CPython keeps what
    ``PyUnicode_AsUTF8`` made), so pickling a library's texts would grow this process by
    half their size for as long as they live."""

    AT_ONCE = 1 << 18  # characters per piece (about; a piece holds one string at least)

    def __init__(self, items: list[str]) -> None:
        self.items = items

    def send(self, stream) -> None:
        lo, items = 0, self.items
        while lo < len(items):
            hi, chars = lo + 1, len(items[lo])
            while hi < len(items) and chars < self.AT_ONCE:
                chars += len(items[hi])
                hi += 1
            piece = items[lo:hi]
            pickle.dump((array("q", map(len, piece)),
                         "".join(piece).encode("utf-8", "surrogatepass")),
                        stream, protocol=pickle.HIGHEST_PROTOCOL)
            lo = hi
        pickle.dump(None, stream)

    @staticmethod
    def receive(stream) -> list[str]:
        out: list[str] = []
        while (piece := pickle.load(stream)) is not None:
            lengths, data = piece
            text = data.decode("utf-8", "surrogatepass")
            at = list(itertools.accumulate(lengths, initial=0))
            out.extend(map(text.__getitem__, map(slice, at, at[1:])))
        return out


class _TextsMark:
    """Where a :class:`Texts` argument goes (it follows the call, in pieces)."""


class Child:
    """``func(*args)`` (a module-level function) running in a child interpreter.

    With ``progress``, ``func`` is also given ``progress=`` a function the child calls with
    the share of its work done (0 to 1); each call reaches ``progress`` here, from a thread
    that reads the child's stderr.
    """

    def __init__(self, func: Callable[..., Any], *args: Any,
                 progress: Callable[[float], None] | None = None) -> None:
        root = str(Path(__file__).resolve().parents[2])  # where this briefing package lives
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}
        self._proc = subprocess.Popen([sys.executable, "-c", _BOOT], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE if progress else subprocess.DEVNULL,
                                      env=env)
        self._relay = None
        if progress:
            self._relay = threading.Thread(target=_relay, args=(self._proc.stderr, progress),
                                           daemon=True)
            self._relay.start()
        self._sender = None
        head = (os.getpid(), func.__module__, func.__qualname__,
                tuple(_TextsMark() if isinstance(a, Texts) else a for a in args),
                progress is not None)
        try:
            pickle.dump(head, self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            texts = [a for a in args if isinstance(a, Texts)]
            if texts:  # sent by a thread: this process, and other children, go on meanwhile
                self._sender = threading.Thread(target=self._send, args=(texts,), daemon=True)
                self._sender.start()
            else:
                self._proc.stdin.close()
        except BaseException:
            self.close()
            raise

    def _send(self, texts: list[Texts]) -> None:
        """Send the texts after the call (a child that has died makes this fail: its result
        says so)."""
        with contextlib.suppress(*_FAILURES):
            for t in texts:
                t.send(self._proc.stdin)
            self._proc.stdin.close()

    def result(self, fallback: Callable[[], Any]) -> Any:
        """The child's return value, or ``fallback()`` if the child failed in any way."""
        try:
            status, value = pickle.load(self._proc.stdout)
        except _FAILURES:
            status, value = "failed", None
        finally:
            self.close()
        return value if status == "ok" else fallback()

    def close(self) -> None:
        """Stop the child if it still runs, and reap it."""
        if self._proc.poll() is None:
            self._proc.kill()
        with contextlib.suppress(OSError):
            self._proc.stdout.close()
        with contextlib.suppress(OSError):
            self._proc.stdin.close()
        self._proc.wait()
        if self._sender is not None:  # its pipe is broken once the child has ended
            self._sender.join(timeout=RELAY_WAIT_S)
        if self._relay is not None:  # every report is passed on before the result is
            self._relay.join(timeout=RELAY_WAIT_S)
            with contextlib.suppress(OSError):
                self._proc.stderr.close()


def run_in_child(func: Callable[..., Any], *args: Any,
                 progress: Callable[[float], None] | None = None) -> Child | None:
    """A :class:`Child` running ``func(*args)``, or None if no child could be started."""
    try:
        return Child(func, *args, progress=progress)
    except _FAILURES:
        return None


def _relay(stream, progress: Callable[[float], None]) -> None:
    """Pass on the shares the child reports, one per line of its stderr, until it ends."""
    with contextlib.suppress(OSError, ValueError):
        for line in stream:
            with contextlib.suppress(ValueError):
                progress(float(line))


def _child_main() -> None:
    """The child: read (parent pid, function, args), write ("ok", result) or ("error", why)."""
    stdout = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing the function prints may corrupt the result stream
    parent, module, name, args, tells = pickle.load(sys.stdin.buffer)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()
    try:
        func = importlib.import_module(module)  # while the texts are still on their way
        for part in name.split("."):
            func = getattr(func, part)
        args = tuple(Texts.receive(sys.stdin.buffer) if isinstance(a, _TextsMark) else a
                     for a in args)
        value = ("ok", func(*args, progress=_tell) if tells else func(*args))
    except Exception as exc:  # reported; the parent computes it itself
        value = ("error", repr(exc))
    del args  # the arguments' memory is free before the result is pickled
    with contextlib.suppress(OSError):
        pickle.dump(value, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()


def _tell(share: float) -> None:
    """In the child: report the share done to the parent (see :class:`Child`)."""
    with contextlib.suppress(OSError, ValueError):
        sys.__stderr__.write(f"{share:.4f}\n")
        sys.__stderr__.flush()


def _exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_S)
    os._exit(1)
