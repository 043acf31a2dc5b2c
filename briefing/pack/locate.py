"""Where the bundled pack lives: inside the wheel, or beside the package in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_pack_dir() -> Path:
    """The pack that ships with briefing (``content/`` with ``seeds/`` beside it)."""
    installed = _PACKAGE / "_bundled" / "content"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "content"
