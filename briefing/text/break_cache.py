"""A saved copy of the line breaker's results, so the app's first frame skips UAX #14.

Breaking text by the Unicode line-breaking algorithm (``uniseg``, pure Python) is the largest
cost of the app's first frame after Textual itself: every paragraph, label and title on
screen is broken before anything is drawn. The results depend only on the text, on
``briefing/text/line_breaking.py`` (our own rules on top) and on the uniseg installed, so they are
saved per pack when the app ends and loaded when it starts again.

Best effort throughout: a missing, stale, damaged or foreign file is ignored (the breaks are
computed as before), and a failed save loses nothing but time. A file is read only from the
private cache folder, only if this user wrote it, and only with a valid keyed digest
(:mod:`briefing.paths.seal`): marshal is not meant for data from anyone else.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import tempfile
from importlib.util import find_spec
from pathlib import Path

from briefing.paths import cache_dir
from briefing.paths.private import trusted_cache_dir, trusted_file
from briefing.paths.seal import TRAILER, cache_key, seal, unseal
from briefing.paths.unwind import terminate_unwinds
from briefing.text import line_breaking, zh_words

MAX_BYTES = 8 * 1024 * 1024  # larger files are neither read nor written


def _key() -> str:
    """Changes whenever the results could: our rules' source, the Chinese words or the uniseg
    installed."""
    digest = hashlib.sha256(Path(line_breaking.__file__).read_bytes())
    digest.update(Path(zh_words.__file__).read_bytes())
    with contextlib.suppress(OSError):
        words = zh_words.DATA.stat()
        digest.update(f"{words.st_size}:{words.st_mtime_ns}".encode())
    spec = find_spec("uniseg")  # finds the package without importing it
    if spec is not None and spec.origin:
        origin = Path(spec.origin)
        digest.update(f"{origin}:{origin.stat().st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def cache_file(pack_id: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", pack_id)[:80] or "pack"
    return cache_dir() / f"breaks-{safe}-{_key()}.marshal"


def warm(pack_id: str) -> int:
    """Load the saved breaks for ``pack_id``; returns how many were taken (0 on any trouble)."""
    try:
        path = cache_file(pack_id)
        key = _seal_key()
        if key is None:
            return 0
        with open(path, "rb") as handle:
            if not trusted_file(handle.fileno()):
                return 0
            blob = handle.read(MAX_BYTES + TRAILER + 1)
        payload = unseal(blob, key) if len(blob) <= MAX_BYTES + TRAILER else None
        if payload is None:
            return 0
        data = marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return 0
    return line_breaking.learn_breaks(data) if isinstance(data, dict) else 0


def _seal_key() -> bytes | None:
    folder = trusted_cache_dir()
    return cache_key(folder) if folder is not None else None


def save(pack_id: str, known_before: int = 0) -> bool:
    """Write what the breaker knows now, if it learned anything since ``known_before``
    entries; atomically (a temporary file renamed into place). Returns whether it wrote."""
    breaks = line_breaking.known_breaks()
    if len(breaks) <= known_before:
        return False
    try:
        path = cache_file(pack_id)
        key = _seal_key()
        blob = marshal.dumps(breaks)
        if key is None or len(blob) > MAX_BYTES:
            return False
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".breaks-", suffix=".tmp")
        try:
            with terminate_unwinds(), os.fdopen(fd, "wb") as handle:
                handle.write(seal(blob, key))
                handle.close()
                os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True
