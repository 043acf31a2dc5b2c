"""A cache folder only this user can write, and cache files only this user wrote.

What the caches hold is loaded without being validated again (a pickled pack, a search store,
saved line breaks), so a folder another user can write is a way in: a pickle planted there
runs code. :func:`trusted_cache_dir` hands out the cache folder only when it is safe:

- missing: created with mode 0700;
- a folder owned by this user that others may write (an older briefing made it with the
  umask's 0775, say): made private (0700) and emptied of our cache files, once, with a note;
- owned by another user (a shared ``BRIEFING_CACHE_DIR``, ``/tmp`` itself): not used at all,
  with a note; every cache then works as if it were empty (slower, never wrong).

:func:`trusted_file` checks one opened cache file the same way (ours, writable by no one
else), and :mod:`briefing.paths.seal` adds a keyed digest on top, so a file copied in from
elsewhere is not trusted either.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from briefing.paths import cache_dir

#: Our cache files, removed from a folder found writable by others.
CACHE_PATTERNS = ("pack-*.pickle", "breaks-*.marshal", "search-index-*.json",
                  "search-store-*.sqlite*", "*.tmp", ".key")
_verdicts: dict[str, Path | None] = {}


def trusted_cache_dir(folder: Path | None = None) -> Path | None:
    """``folder`` (default :func:`~briefing.paths.cache_dir`) when it is safe to use as a
    cache, else None; decided once per folder and process."""
    folder = Path(folder) if folder is not None else cache_dir()
    key = str(folder)
    if key not in _verdicts:
        _verdicts[key] = _judge(folder)
    return _verdicts[key]


def _judge(folder: Path) -> Path | None:
    if not hasattr(os, "geteuid"):  # pragma: no cover - not POSIX: no owners to check
        return folder
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
    except OSError as exc:
        _note(f"cache folder {folder} cannot be used ({exc.strerror or exc}); caching is off")
        return None
    if not stat.S_ISDIR(info.st_mode):
        _note(f"cache folder {folder} is not a folder; caching is off")
        return None
    if info.st_uid != os.geteuid():
        _note(f"cache folder {folder} belongs to another user; not used, caching is off")
        return None
    if info.st_mode & 0o022:
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            _note(f"cache folder {folder} is writable by others and cannot be made private "
                  f"({exc.strerror or exc}); caching is off")
            return None
        removed = _discard(folder)
        _note(f"cache folder {folder} was writable by others: made private, "
              f"{removed} cached file(s) discarded")
    return folder


def _discard(folder: Path) -> int:
    removed = 0
    for pattern in CACHE_PATTERNS:
        for path in folder.glob(pattern):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed


def trusted_file(fd: int) -> bool:
    """Whether the open file ``fd`` is a regular file of this user's that no one else may
    write (a cache file to be read)."""
    if not hasattr(os, "geteuid"):  # pragma: no cover
        return True
    info = os.fstat(fd)
    return (stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()
            and not info.st_mode & 0o022)


def _note(message: str) -> None:
    """One line on stderr, once per process (it is about the machine, not the command)."""
    with contextlib.suppress(OSError, ValueError):
        print(f"note: {message}", file=sys.stderr, flush=True)
