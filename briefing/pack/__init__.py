"""Reading content packs from disk: the only place that parses YAML.

Names are imported on first use, so a start-up that finds a cached pack never loads the YAML
parser or the validator.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.pack.errors import PackError, PackInvalid
from briefing.pack.locate import bundled_pack_dir

if TYPE_CHECKING:
    from briefing.pack.loader import load_pack

__all__ = ["PackError", "PackInvalid", "bundled_pack_dir", "load_pack"]


def __getattr__(name: str):
    if name == "load_pack":
        from briefing.pack.loader import load_pack

        return load_pack
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
