"""Where briefing keeps its caches (validated packs, search indexes)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def cache_dir() -> Path:
    """``$BRIEFING_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``."""
    if os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(os.environ["BRIEFING_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "briefing"
    return Path.home() / ".cache" / "briefing"


def prune_cache(folder: Path, pattern: str, keep: int) -> None:
    """Delete all but the ``keep`` newest files matching ``pattern`` in ``folder`` (best
    effort: a file another process removed first, or a read-only folder, is no error)."""
    with contextlib.suppress(OSError):
        olds = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[keep:]:
            old.unlink()
