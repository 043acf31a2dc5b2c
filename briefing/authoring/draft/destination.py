"""Where ``briefing draft`` puts a pack when ``-o`` does not say.

The one seam between drafting and where packs live: for now a folder named after the pack in
the current directory; a default library (issue 32) makes it a folder of that library.
"""

from __future__ import annotations

from pathlib import Path


def pack_folder(pack_id: str) -> Path:
    """The folder a drafted pack with id ``pack_id`` goes to by default."""
    return Path.cwd() / pack_id
