"""Sealed cache files: a keyed digest (HMAC-SHA256) proves that this user's briefing wrote them.

The key is 32 random bytes in ``<cache>/.key`` (mode 0600, in the private folder of
:mod:`briefing.paths.private`), made on first use. A sealed file is its payload followed by
:data:`MARK` and the 32-byte digest of the payload; :func:`unseal` checks the digest before
anything reads the payload, so a pickle that someone else wrote (planted, copied from another
machine, left from a time the folder was open) is never unpickled: it is rebuilt.

Writers stream: :class:`Sealer` digests what is written as it goes and appends the trailer.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import stat
from pathlib import Path

MARK = b"\nbriefing-seal1\n"  # 16 bytes
DIGEST = 32
TRAILER = len(MARK) + DIGEST
KEY_FILE = ".key"
_keys: dict[str, bytes] = {}


def cache_key(folder: Path) -> bytes | None:
    """This user's key for ``folder`` (made on first use), or None if it cannot be had."""
    name = str(folder)
    if name not in _keys:
        key = _read_key(folder / KEY_FILE)
        if key is None:
            key = _make_key(folder / KEY_FILE)
        if key is None:
            return None
        _keys[name] = key
    return _keys[name]


def _read_key(path: Path) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
        if not (stat.S_ISREG(info.st_mode) and mine and not info.st_mode & 0o077):
            return None
        key = handle.read(DIGEST + 1)
    return key if len(key) == DIGEST else None


def _make_key(path: Path) -> bytes | None:
    """A new key, written only where none is (a bad one is replaced: what it sealed is
    then simply not trusted, and rebuilt)."""
    import secrets  # only to make a key: base64 and random cost every command ~1.5 ms

    key = secrets.token_bytes(DIGEST)
    tmp = path.with_name(f".key-{secrets.token_hex(8)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        try:
            os.link(tmp, path)  # first writer wins; a later one reads the winner's key
        except FileExistsError:
            return _read_key(path) or _replace(tmp, path, key)
        return key
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _replace(tmp: Path, path: Path, key: bytes) -> bytes | None:
    try:
        os.replace(tmp, path)
    except OSError:
        return None
    return key


class Sealer:
    """Digests what is written through it; :meth:`trailer` is appended last."""

    def __init__(self, key: bytes) -> None:
        self._mac = hmac.new(key, digestmod="sha256")

    def update(self, data: bytes | memoryview) -> None:
        self._mac.update(data)

    def trailer(self) -> bytes:
        return MARK + self._mac.digest()


class SealedWriter:
    """A binary file wrapper for ``pickle.dump`` and friends: writes and digests."""

    def __init__(self, handle, key: bytes) -> None:
        self._handle = handle
        self._sealer = Sealer(key)

    def write(self, data) -> int:
        self._sealer.update(data)
        return self._handle.write(data)

    def close_seal(self) -> None:
        self._handle.write(self._sealer.trailer())


def seal(payload: bytes, key: bytes) -> bytes:
    sealer = Sealer(key)
    sealer.update(payload)
    return payload + sealer.trailer()


def unseal(blob: bytes | memoryview, key: bytes) -> memoryview | None:
    """The payload of a sealed ``blob`` (a view, nothing copied), or None when the digest
    is missing or wrong."""
    view = memoryview(blob)
    if len(view) < TRAILER or view[-TRAILER:-DIGEST] != MARK:
        return None
    payload = view[:-TRAILER]
    expected = hmac.new(key, payload, digestmod="sha256").digest()
    return payload if hmac.compare_digest(expected, bytes(view[-DIGEST:])) else None
