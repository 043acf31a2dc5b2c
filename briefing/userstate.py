"""Per-user state: where each pack was left (open item, language, tree, scroll) and its pins.

One small JSON file per user, in the platform's state directory (``BRIEFING_STATE_DIR``
overrides it). Everything here is plain Python so the CLI can read and change pins without
Textual, and so a hostile file can be thrown at it in tests.

What bad state gets: a file that is missing, not UTF-8, not JSON, too big or of the wrong
shape is ignored with a one-line notice (:attr:`StateStore.notices`), field by field where it
can be read, so one bad value never costs the pins beside it. Writes go to a temporary file in
the same folder and are renamed over the old one, so a reader (or a second app) sees the old
file or the new one, never half of either; the last writer wins.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.model import LANGS, Lang, Pack
from briefing.text.sanitize import one_line

STATE_FILE = "state.json"
VERSION = 1
MAX_BYTES = 1 << 20  # a state file is a few kilobytes; a megabyte is not ours
MAX_PACKS = 200
MAX_IDS = 2000  # pins, set-aside pins or expanded tree nodes per pack
MAX_ID_LEN = 200
MAX_SCROLL = 10_000_000


def state_dir() -> Path:
    """``$BRIEFING_STATE_DIR``, else the platform's user state directory for briefing."""
    if os.environ.get("BRIEFING_STATE_DIR"):
        return Path(os.environ["BRIEFING_STATE_DIR"])
    from platformdirs import user_state_dir

    return Path(user_state_dir("briefing", appauthor=False))


@dataclass
class PackState:
    """What is remembered for one pack. ``None`` means "nothing saved, use the default"."""

    open_id: str | None = None
    lang: Lang | None = None
    expanded: list[str] | None = None  # tree nodes shown unfolded
    tree_hidden: bool = False
    scroll: float = 0.0  # the reading pane's vertical offset for ``open_id``
    pins: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)  # pins the pack no longer has

    def to_json(self) -> dict:
        return {"open": self.open_id, "lang": self.lang, "expanded": self.expanded,
                "tree_hidden": self.tree_hidden, "scroll": self.scroll,
                "pins": list(self.pins), "set_aside": list(self.set_aside)}

    # -- pins --------------------------------------------------------------------------------
    def is_pinned(self, item_id: str) -> bool:
        return item_id in self.pins

    def toggle_pin(self, item_id: str) -> bool:
        """Pin (at the end) or unpin ``item_id``; returns whether it is pinned now."""
        if item_id in self.pins:
            self.pins.remove(item_id)
            return False
        self.pins.append(item_id)
        return True

    def move_pin(self, item_id: str, delta: int) -> bool:
        """Move a pin ``delta`` places (clamped); returns whether it moved."""
        if item_id not in self.pins:
            return False
        old = self.pins.index(item_id)
        new = min(max(old + delta, 0), len(self.pins) - 1)
        if new == old:
            return False
        self.pins.insert(new, self.pins.pop(old))
        return True

    def reconcile(self, pack: Pack) -> list[str]:
        """Set aside pins ``pack`` no longer has, bring back set-aside ones it has again.

        Returns the ids set aside (now or before) so they can be reported, never dropped.
        """
        from briefing.present.titles import kind_of  # an ad-hoc comparison is pinned too

        def has(item_id: str) -> bool:
            return kind_of(pack, item_id) is not None

        back = [i for i in self.set_aside if has(i) and i not in self.pins]
        gone = [i for i in self.pins if not has(i)]
        self.pins = [i for i in self.pins if has(i)] + back
        self.set_aside = _unique([i for i in self.set_aside if not has(i)] + gone)
        return list(self.set_aside)


class StateStore:
    """Reads and writes the state file; every problem becomes a notice, never an exception."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else state_dir()
        self.path = self.directory / STATE_FILE
        self.notices: list[str] = []
        self._unreadable = False  # the file exists but could not be read as a whole

    def _notice(self, message: str) -> None:
        message = f"state file {self.path}: {message}"
        if message not in self.notices:
            self.notices.append(message)

    # -- reading -----------------------------------------------------------------------------
    def _read_all(self) -> dict[str, dict]:
        """The ``packs`` mapping as raw dicts; an unreadable file reads as empty."""
        self._unreadable = False
        try:
            with open(self.path, "rb") as handle:
                raw = handle.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            return self._ignore(f"cannot be read ({exc.strerror or exc}); ignored")
        if len(raw) > MAX_BYTES:
            return self._ignore(f"is larger than {MAX_BYTES // 1024} KiB; ignored")
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
        if len(packs) > MAX_PACKS:
            self._notice(f"remembers more than {MAX_PACKS} packs; kept the first {MAX_PACKS}")
            packs = dict(list(packs.items())[:MAX_PACKS])
        return packs

    def _ignore(self, message: str) -> dict:
        self._unreadable = True
        self._notice(message)
        return {}

    def load(self, pack_id: str) -> PackState:
        """The saved state of ``pack_id``; wrong-typed fields are dropped one by one."""
        return self._parse(self._read_all().get(pack_id, {}))

    def _parse(self, raw: dict) -> PackState:
        state = PackState()
        bad: list[str] = []
        open_id = raw.get("open")
        if _is_id(open_id):
            state.open_id = open_id
        elif open_id is not None:
            bad.append("open")
        lang = raw.get("lang")
        if lang in LANGS:
            state.lang = lang
        elif lang is not None:
            bad.append("lang")
        if "expanded" in raw and raw["expanded"] is not None:
            expanded = _ids(raw["expanded"])
            if expanded is None:
                bad.append("expanded")
            state.expanded = expanded
        hidden = raw.get("tree_hidden", False)
        if isinstance(hidden, bool):
            state.tree_hidden = hidden
        else:
            bad.append("tree_hidden")
        scroll = raw.get("scroll", 0)
        if (isinstance(scroll, int | float) and not isinstance(scroll, bool)
                and math.isfinite(scroll) and 0 <= scroll <= MAX_SCROLL):
            state.scroll = float(scroll)
        else:
            bad.append("scroll")
        for name in ("pins", "set_aside"):
            if name not in raw:
                continue
            ids = _ids(raw[name], salvage=True)
            if ids is None or len(ids) != len(raw[name]):
                bad.append(name)
            setattr(state, name, ids or [])
        if bad:
            self._notice(f"ignored unreadable {', '.join(bad)}")
        return state

    # -- writing -----------------------------------------------------------------------------
    def save(self, pack_id: str, state: PackState) -> bool:
        """Store ``state`` for ``pack_id``, keeping the other packs' entries as they are."""
        return self.update(pack_id, lambda old: state) is not None

    def update(self, pack_id: str, change: Callable[[PackState], PackState | None]
               ) -> PackState | None:
        """Read, change and write one pack's state under a lock (where the OS has one).

        ``change`` gets the state as saved now (so a pin made by ``briefing pin`` while the
        app runs is seen) and returns the state to write. Returns it, or None on failure.
        """
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._notice(f"cannot create its folder ({exc.strerror or exc}); not saved")
            return None
        with self._locked():
            packs = self._read_all()
            if self._unreadable:
                self._keep_bad_copy()
            new = change(self._parse(packs.get(pack_id, {})))
            if new is None:
                return None
            packs[pack_id] = new.to_json()
            data = {"version": VERSION, "packs": packs}
            if not self._write(json.dumps(data, ensure_ascii=False, indent=1)):
                return None
            return new

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
            os.replace(tmp_name, self.path)
            tmp_name = None
            return True
        except OSError as exc:
            self._notice(f"cannot be written ({exc.strerror or exc}); not saved")
            return False
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)

    def _keep_bad_copy(self) -> None:
        """Before replacing a file we could not read, keep it beside, for a human to look at."""
        bad = self.path.with_name(STATE_FILE + ".bad")
        with contextlib.suppress(OSError):
            os.replace(self.path, bad)
            self._notice(f"the unreadable file was kept as {bad.name}")

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


def _is_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_LEN and value == one_line(value)


def _ids(value: object, salvage: bool = False) -> list[str] | None:
    """A list of ids; with ``salvage`` the readable ones of a partly bad list."""
    if not isinstance(value, list):
        return None
    good = _unique([v for v in value if _is_id(v)])[:MAX_IDS]
    if len(good) != len(value) and not salvage:
        return None
    return good


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))
