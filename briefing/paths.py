"""Where briefing keeps its caches (validated packs, search indexes)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$BRIEFING_CACHE_DIR``, else ``$XDG_CACHE_HOME/briefing``, else ``~/.cache/briefing``."""
    if os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(os.environ["BRIEFING_CACHE_DIR"])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "briefing"
    return Path.home() / ".cache" / "briefing"
