"""The state file: read tolerantly, changed under a lock, replaced atomically, never shrunk.

What bad state gets: a file that is missing, not UTF-8, not JSON, too big or of the wrong
shape is ignored with a one-line notice (:attr:`StateStore.notices`), field by field where it
can be read. Before an unreadable file is replaced it is kept beside it (``state.json.bad``,
or ``.bad.1`` ... when that name is taken); if it cannot be kept, nothing is written.

Writes are read-modify-write under an exclusive ``flock`` on ``state.json.lock``: the change
(:mod:`briefing.userstate.changes`) is applied to the file as it is *now*, then the whole file
goes to a temporary file in the same folder, is fsynced and renamed over the old one, so a
reader sees the old file or the new one, never half of either, and no writer's pin is lost.

Limits refuse loudly (:class:`LimitReached`), they never drop: pins per pack
(:data:`~briefing.userstate.state.MAX_PINS`), the file's size (:data:`MAX_BYTES`), and packs
remembered (:data:`MAX_PACKS`). A new pack beyond that last limit takes the place of the
least recently used pack that holds no pins (only its "where you were" is forgotten); when
every remembered pack holds pins the new one is refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from briefing.userstate.changes import Change
from briefing.userstate.state import LimitReached, PackState, parse

STATE_FILE = "state.json"
VERSION = 1
MAX_BYTES = 4 << 20  # 200 packs of a few hundred pins; more is refused when written
MAX_PACKS = 200
BAD_COPIES = 10  # state.json.bad, .bad.1 ... .bad.9


def state_dir() -> Path:
    """``$BRIEFING_STATE_DIR``, else the platform's user state directory for briefing."""
    if os.environ.get("BRIEFING_STATE_DIR"):
        return Path(os.environ["BRIEFING_STATE_DIR"])
    from platformdirs import user_state_dir

    return Path(user_state_dir("briefing", appauthor=False))


Stamp = tuple[int, int, int] | None  # (inode, mtime_ns, size) of the file, None if absent


class StateStore:
    """Reads and writes the state file; every problem becomes a notice, never an exception
    (but a refused change: :class:`LimitReached`)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else state_dir()
        self.path = self.directory / STATE_FILE
        self.notices: list[str] = []
        self.stamp: Stamp = None  # the file as this store last read or wrote it
        self._unreadable = False  # the file exists but could not be read as a whole

    def _notice(self, message: str) -> None:
        message = f"state file {self.path}: {message}"
        if message not in self.notices:
            self.notices.append(message)

    # -- reading -----------------------------------------------------------------------------
    def current_stamp(self) -> Stamp:
        """The file's identity now: differs from :attr:`stamp` once another process wrote."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def _read_all(self) -> dict[str, dict]:
        """The ``packs`` mapping as raw dicts; an unreadable file reads as empty."""
        self._unreadable = False
        try:
            with open(self.path, "rb") as handle:
                info = os.fstat(handle.fileno())
                self.stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
                raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            self.stamp = None
            return {}
        except OSError as exc:
            return self._ignore(f"cannot be read ({exc.strerror or exc}); ignored")
        if len(raw) > MAX_BYTES:
            return self._ignore(f"is larger than {MAX_BYTES >> 20} MiB; ignored")
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            return self._ignore("is not UTF-8; ignored")
        except (ValueError, RecursionError):
            return self._ignore("is not valid JSON (truncated?); ignored")
        if not isinstance(data, dict) or not isinstance(data.get("packs"), dict):
            return self._ignore("has an unexpected shape; ignored")
        packs = {k: v for k, v in data["packs"].items()
                 if isinstance(k, str) and isinstance(v, dict)}
        if len(packs) != len(data["packs"]):
            self._notice("some pack entries have the wrong type; ignored them")
        return packs

    def _ignore(self, message: str) -> dict:
        self._unreadable = True
        self._notice(message)
        return {}

    def load(self, pack_id: str) -> PackState:
        """The saved state of ``pack_id``; wrong-typed fields are dropped one by one."""
        return self._parse(self._read_all().get(pack_id, {}))

    def _parse(self, raw: dict) -> PackState:
        bad: list[str] = []
        state = parse(raw, bad)
        if bad:
            self._notice(f"ignored unreadable {', '.join(bad)}")
        return state

    # -- writing -----------------------------------------------------------------------------
    def put(self, pack_id: str, state: PackState) -> bool:
        """Replace ``pack_id``'s entry with ``state`` (other packs kept). For tests and tools
        that set a state up: the app and the CLI send changes (:meth:`update`) instead, since
        a whole state written back is a stale copy that erases pins made elsewhere."""
        return self.update(pack_id, lambda _old: state) is not None

    def update(self, pack_id: str, change: Change) -> PackState | None:
        """Apply ``change`` to ``pack_id``'s state as saved now, under the lock, and write.

        Returns the state saved now (changed, or as found when ``change`` returned None), or
        None when it could not be written (see :attr:`notices`). Raises
        :class:`LimitReached` for a change the limits refuse; nothing is written then.
        """
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._notice(f"cannot create its folder ({exc.strerror or exc}); not saved")
            return None
        with self._locked():
            packs = self._read_all()
            new = change(self._parse(packs.get(pack_id, {})))
            if new is None:
                return self._parse(packs.get(pack_id, {}))
            if pack_id not in packs:
                _make_room(packs)
            new.used = time.time()
            packs[pack_id] = new.to_json()
            text = json.dumps({"version": VERSION, "packs": packs}, ensure_ascii=False,
                              indent=1)
            if len(text.encode("utf-8")) > MAX_BYTES:
                raise LimitReached(f"not saved: the state file would grow over "
                                   f"{MAX_BYTES >> 20} MiB; unpin something first")
            if self._unreadable and not self._keep_bad_copy():
                return None
            return new if self._write(text) else None

    def _write(self, text: str) -> bool:
        tmp_name = None
        try:
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.directory,
                                             prefix=".state.", suffix=".tmp",
                                             delete=False) as tmp:
                tmp_name = tmp.name
                tmp.write(text)
                tmp.flush()
                os.fsync(tmp.fileno())
                info = os.fstat(tmp.fileno())
            os.replace(tmp_name, self.path)
            tmp_name = None
            self.stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
            return True
        except OSError as exc:
            self._notice(f"cannot be written ({exc.strerror or exc}); not saved")
            return False
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)

    def _keep_bad_copy(self) -> bool:
        """Before replacing a file we could not read, keep it beside, for a human to look at
        (under a free name: an earlier copy, or a folder of that name, is never replaced)."""
        if not os.path.lexists(self.path):
            return True
        names = [f"{STATE_FILE}.bad"] + [f"{STATE_FILE}.bad.{n}" for n in range(1, BAD_COPIES)]
        for name in names:
            bad = self.path.with_name(name)
            if os.path.lexists(bad):
                continue
            try:
                os.rename(self.path, bad)
            except OSError as exc:
                self._notice(f"the unreadable file could not be kept aside as {name} "
                             f"({exc.strerror or exc}); not saved")
                return False
            self._notice(f"the unreadable file was kept as {name}")
            return True
        self._notice(f"the unreadable file was left as it is ({STATE_FILE}.bad ... "
                     f".bad.{BAD_COPIES - 1} are taken: look at them and remove them); "
                     "not saved")
        return False

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise read-modify-write between processes; the rename alone already keeps
        readers from ever seeing a torn file, so without ``fcntl`` we just go ahead."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            yield
            return
        try:
            handle = open(self.directory / (STATE_FILE + ".lock"), "a")  # noqa: SIM115
        except OSError:
            yield
            return
        with handle:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_EX)
            yield


def _make_room(packs: dict[str, dict]) -> None:
    """Room for one more pack: forget the least recently used pack that holds no pins."""
    if len(packs) < MAX_PACKS:
        return
    spare = []
    for pack_id, raw in packs.items():
        state = parse(raw, [])
        if not state.holds_pins:
            spare.append((state.used, pack_id))
    if len(packs) - len(spare) >= MAX_PACKS:
        raise LimitReached(f"not saved: the state file remembers {MAX_PACKS} packs, each with "
                           "pins; unpin another pack's pins to make room")
    for _, pack_id in sorted(spare)[: len(packs) - MAX_PACKS + 1]:
        del packs[pack_id]
