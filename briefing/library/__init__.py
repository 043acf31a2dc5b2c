"""A library of briefings: a folder of packs read as one, with its indicators and the
comparisons it draws across documents.

Plain Python (no Rich, no Textual). Packs are loaded when first asked for, through the
validated-pack cache; listing a library reads each pack's small cached summary instead.
Names are imported on first use, so importing a module of this package costs only itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.library.catalog import Entry, Library, LibraryInvalid, open_library
    from briefing.library.locate import default_library_dir, is_library

__all__ = ["Entry", "Library", "LibraryInvalid", "default_library_dir", "is_library",
           "open_library"]


def __getattr__(name: str):
    if name in ("Entry", "Library", "LibraryInvalid", "open_library"):
        from briefing.library import catalog

        return getattr(catalog, name)
    if name in ("default_library_dir", "is_library"):
        from briefing.library import locate

        return getattr(locate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
