"""Where libraries are: the default one in the user's data folder, and how a folder of packs is
told from a pack."""

from __future__ import annotations

import os
from pathlib import Path

#: Overrides the default library's folder (tests, or a library kept elsewhere).
LIBRARY_ENV = "BRIEFING_LIBRARY_DIR"
LIBRARY_FILE = "library.yaml"
MANIFEST = "manifest.yaml"


def default_library_dir() -> Path:
    """``$BRIEFING_LIBRARY_DIR``, else ``library`` in the platform's user data folder
    (``~/.local/share/briefing/library`` on Linux). It may not exist yet."""
    if os.environ.get(LIBRARY_ENV):
        return Path(os.environ[LIBRARY_ENV])
    from platformdirs import user_data_dir

    return Path(user_data_dir("briefing", appauthor=False)) / "library"


def is_pack(path: Path) -> bool:
    return _is_file(Path(path) / MANIFEST)


def _is_file(path: Path) -> bool:
    """``Path.is_file`` that answers no for a path the system refuses (a name over 255 bytes):
    the pack's loader then says what is wrong with it, in one line."""
    try:
        return path.is_file()
    except OSError:
        return False


def is_library(path: Path) -> bool:
    """A folder with a ``library.yaml``, or without a manifest of its own that holds packs."""
    path = Path(path)
    if _is_file(path / LIBRARY_FILE):
        return True
    try:
        is_dir = path.is_dir()
    except OSError:
        return False
    return is_dir and not is_pack(path) and bool(pack_folders(path))


def pack_folders(root: Path) -> list[Path]:
    """The packs of a library folder, by folder name: each folder (or link to one) holding a
    manifest, or one level further down (a pack copied with its ``seeds/`` beside it).
    Hidden folders are passed over."""
    found: list[Path] = []
    try:
        children = sorted(Path(root).iterdir())
    except OSError:
        return found
    for child in children:
        if child.name.startswith(".") or not child.is_dir():
            continue
        if is_pack(child):
            found.append(child)
            continue
        try:
            inner = sorted(child.iterdir())
        except OSError:
            continue
        found.extend(sub for sub in inner
                     if not sub.name.startswith(".") and sub.is_dir() and is_pack(sub))
    return found
