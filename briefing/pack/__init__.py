"""Reading content packs from disk: the only place that parses YAML."""

from briefing.pack.loader import PackError, PackInvalid, load_pack
from briefing.pack.locate import bundled_pack_dir

__all__ = ["PackError", "PackInvalid", "bundled_pack_dir", "load_pack"]
